// Spanish texts of the development mailbox page: the `devMailbox` block of es-co.ts.
export const devMailboxEsCO = {
  title: 'Buzón de desarrollo',
  subtitle: 'Correos que este servidor habría enviado. Solo existe en desarrollo, sin servidor SMTP.',
  disabled: 'El buzón de desarrollo no está activo en este servidor (producción o SMTP configurado).',
  empty: 'Todavía no se ha enviado ningún correo.',
  refresh: 'Actualizar',
  to: 'Para',
  from: 'De',
  sentAt: 'Enviado',
  html: 'Vista HTML',
  text: 'Texto',
  noHtml: 'Este correo solo tiene versión de texto.',
  select: 'Elige un correo para verlo.',
  previewTitle: 'Vista previa del correo',
}
