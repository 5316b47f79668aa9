import type { ErrorCode } from './app-error.ts'

export type ApiLocale = 'es' | 'en'

/** Picks the response language from Accept-Language: Spanish when it is preferred, else English. */
export function localeOf(acceptLanguage: string | undefined): ApiLocale {
  if (!acceptLanguage) return 'en'
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('es') ? 'es' : 'en'
}

export const problemTitles: Record<ErrorCode, Record<ApiLocale, string>> = {
  validation_failed: { en: 'The request has invalid fields', es: 'La solicitud tiene campos inválidos' },
  bad_request: { en: 'Bad request', es: 'Solicitud incorrecta' },
  unauthenticated: { en: 'Sign in required', es: 'Debes iniciar sesión' },
  payment_required: {
    en: "The organization's subscription is not in good standing",
    es: 'La suscripción de la organización no está al día',
  },
  forbidden: { en: 'Forbidden', es: 'No tienes permiso para hacer esto' },
  two_factor_required: {
    en: 'This organization requires two-factor authentication for your role',
    es: 'Esta organización exige verificación en dos pasos para tu rol',
  },
  not_found: { en: 'Not found', es: 'No encontrado' },
  conflict: { en: 'Conflict', es: 'Conflicto' },
  precondition_failed: {
    en: 'The resource changed since you read it',
    es: 'El recurso cambió desde que lo consultaste',
  },
  payload_too_large: { en: 'Request body too large', es: 'El cuerpo de la solicitud es demasiado grande' },
  unsupported_media_type: { en: 'Unsupported media type', es: 'Tipo de contenido no soportado' },
  idempotency_key_reused: {
    en: 'Idempotency-Key reused with a different request',
    es: 'Idempotency-Key reutilizada con otra solicitud',
  },
  unprocessable: { en: 'Unprocessable request', es: 'Solicitud no procesable' },
  precondition_required: { en: 'If-Match header required', es: 'Se requiere la cabecera If-Match' },
  rate_limited: { en: 'Too many requests', es: 'Demasiadas solicitudes' },
  internal: { en: 'Internal error', es: 'Error interno' },
  unavailable: { en: 'Service unavailable', es: 'Servicio no disponible' },
}
