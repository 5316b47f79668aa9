import { AppError } from '../http/app-error.ts'
import type { ApiLocale } from '../http/problem-text.ts'

/** Why an upload was refused; each reason has an English and a Spanish text. */
export type FileRejectionReason =
  | 'empty'
  | 'too_large'
  | 'quota_exceeded'
  | 'executable'
  | 'unrecognized'
  | 'type_mismatch'
  | 'extension_mismatch'
  | 'not_allowed'

const texts: Record<FileRejectionReason, { en: string; es: string }> = {
  empty: { en: 'The file is empty', es: 'El archivo está vacío' },
  too_large: { en: 'The file is larger than the allowed size', es: 'El archivo supera el tamaño permitido' },
  quota_exceeded: {
    en: "The organization's file storage quota would be exceeded",
    es: 'Se superaría la cuota de almacenamiento de archivos de la organización',
  },
  executable: {
    en: 'Executable files and scripts are not accepted',
    es: 'No se aceptan archivos ejecutables ni scripts',
  },
  unrecognized: {
    en: 'The file type could not be recognized from its content',
    es: 'No se pudo reconocer el tipo de archivo por su contenido',
  },
  type_mismatch: {
    en: 'The file content does not match its declared type',
    es: 'El contenido del archivo no corresponde al tipo declarado',
  },
  extension_mismatch: {
    en: 'The file content does not match its extension',
    es: 'El contenido del archivo no corresponde a su extensión',
  },
  not_allowed: { en: 'This file type is not allowed here', es: 'Este tipo de archivo no se permite aquí' },
}

/**
 * An upload refused for its content or size: a problem with the field path `file`. Services throw it
 * in English; routes call `localized(locale)` so an `Accept-Language: es` caller reads Spanish.
 */
export class FileRejectedError extends AppError {
  readonly reason: FileRejectionReason
  readonly detected: string | undefined
  constructor(reason: FileRejectionReason, detected?: string) {
    const code = reason === 'too_large' || reason === 'quota_exceeded' ? 'payload_too_large' : 'unprocessable'
    super(code, texts[reason].en, [{ path: 'file', message: withDetected(texts[reason].en, detected) }])
    this.name = 'FileRejectedError'
    this.reason = reason
    this.detected = detected
  }
  localized(locale: ApiLocale): AppError {
    if (locale === 'en') return this
    const text = texts[this.reason][locale]
    return new AppError(this.code, text, [{ path: 'file', message: withDetected(text, this.detected) }])
  }
}

function withDetected(text: string, detected: string | undefined) {
  return detected ? `${text} (${detected})` : text
}
