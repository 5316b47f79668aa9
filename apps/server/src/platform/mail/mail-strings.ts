import type { MailLocale } from './mail-types.ts'

type Strings = {
  greeting: (name: string) => string
  welcomeSubject: (org: string) => string
  welcomeTitle: string
  welcomeBody: (org: string) => string
  welcomeAction: string
  verifySubject: (org: string) => string
  verifyTitle: string
  verifyBody: string
  verifyAction: string
  resetSubject: (org: string) => string
  resetTitle: string
  resetBody: string
  resetAction: string
  resetIgnore: string
  inviteSubject: (org: string) => string
  inviteTitle: (org: string) => string
  inviteBody: (org: string, role: string, inviter: string | null) => string
  inviteExpires: (date: string) => string
  inviteAction: string
  notificationAction: string
  digestSubject: (period: 'daily' | 'weekly', count: number) => string
  digestTitle: (period: 'daily' | 'weekly') => string
  digestIntro: (count: number) => string
  digestEmpty: string
  open: string
  linkFallback: string
  footer: (org: string) => string
  trackingNotice: string
  roles: Record<string, string>
}

const es: Strings = {
  greeting: (name) => `Hola ${name}:`,
  welcomeSubject: (org) => `Te damos la bienvenida a ${org}`,
  welcomeTitle: '¡Bienvenida, bienvenido!',
  welcomeBody: (org) => `Tu cuenta en ${org} está lista. Desde ahora puedes participar en tu organización.`,
  welcomeAction: 'Entrar',
  verifySubject: (org) => `Confirma tu correo en ${org}`,
  verifyTitle: 'Confirma tu correo',
  verifyBody: 'Confirma tu dirección de correo abriendo este enlace:',
  verifyAction: 'Confirmar mi correo',
  resetSubject: (org) => `Restablece tu contraseña de ${org}`,
  resetTitle: 'Restablece tu contraseña',
  resetBody: 'Para elegir una nueva contraseña abre este enlace (vence en una hora):',
  resetAction: 'Elegir una nueva contraseña',
  resetIgnore: 'Si no lo pediste, ignora este mensaje.',
  inviteSubject: (org) => `Invitación a ${org} en Minga`,
  inviteTitle: (org) => `Te invitaron a ${org}`,
  inviteBody: (org, role, inviter) =>
    `${inviter ? `${inviter} te invitó` : 'Te invitaron'} a unirte a ${org} en Minga como ${role}.`,
  inviteExpires: (date) => `Acepta o rechaza la invitación aquí (vence el ${date}):`,
  inviteAction: 'Ver la invitación',
  notificationAction: 'Ver',
  digestSubject: (period, count) =>
    `${period === 'daily' ? 'Tu resumen del día' : 'Tu resumen de la semana'}: ${count} ${count === 1 ? 'novedad' : 'novedades'}`,
  digestTitle: (period) => (period === 'daily' ? 'Resumen del día' : 'Resumen de la semana'),
  digestIntro: (count) => (count === 1 ? 'Esto es lo nuevo:' : `Estas son las ${count} novedades:`),
  digestEmpty: 'No hubo novedades.',
  open: 'Abrir',
  linkFallback: 'Si el botón no funciona, copia este enlace en tu navegador:',
  footer: (org) => `Recibes este correo por tu cuenta en ${org}.`,
  trackingNotice: 'Este correo registra si se abre y qué enlaces se usan.',
  roles: { owner: 'propietaria/o', admin: 'administrador/a', member: 'integrante' },
}

const en: Strings = {
  greeting: (name) => `Hi ${name},`,
  welcomeSubject: (org) => `Welcome to ${org}`,
  welcomeTitle: 'Welcome!',
  welcomeBody: (org) => `Your account on ${org} is ready. You can now take part in your organization.`,
  welcomeAction: 'Sign in',
  verifySubject: (org) => `Confirm your email on ${org}`,
  verifyTitle: 'Confirm your email',
  verifyBody: 'Confirm your email address by opening this link:',
  verifyAction: 'Confirm my email',
  resetSubject: (org) => `Reset your ${org} password`,
  resetTitle: 'Reset your password',
  resetBody: 'To choose a new password open this link (it expires in one hour):',
  resetAction: 'Choose a new password',
  resetIgnore: "If you didn't ask for it, ignore this message.",
  inviteSubject: (org) => `Invitation to ${org} on Minga`,
  inviteTitle: (org) => `You're invited to ${org}`,
  inviteBody: (org, role, inviter) =>
    `${inviter ? `${inviter} invited you` : 'You were invited'} to join ${org} on Minga as ${role}.`,
  inviteExpires: (date) => `Accept or decline the invitation here (expires ${date}):`,
  inviteAction: 'See the invitation',
  notificationAction: 'Open',
  digestSubject: (period, count) =>
    `${period === 'daily' ? 'Your daily digest' : 'Your weekly digest'}: ${count} ${count === 1 ? 'update' : 'updates'}`,
  digestTitle: (period) => (period === 'daily' ? 'Daily digest' : 'Weekly digest'),
  digestIntro: (count) => (count === 1 ? "Here's what's new:" : `Here are ${count} updates:`),
  digestEmpty: 'Nothing new.',
  open: 'Open',
  linkFallback: "If the button doesn't work, paste this link into your browser:",
  footer: (org) => `You get this email because of your account on ${org}.`,
  trackingNotice: 'This email records whether it is opened and which links are used.',
  roles: { owner: 'owner', admin: 'admin', member: 'member' },
}

export function mailStrings(locale: MailLocale): Strings {
  return locale === 'en' ? en : es
}
