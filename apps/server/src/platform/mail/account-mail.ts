import type { MailLocale } from './mail-types.ts'
import type { Mailer } from './mailer.ts'
import { renderMail } from './render-mail.ts'

type Recipient = { email: string; name: string }

/** Spanish unless the browser asked for English first. */
export function localeFromRequest(request: Request | undefined): MailLocale {
  const accept = request?.headers.get('accept-language') ?? ''
  return /^\s*en\b/i.test(accept) ? 'en' : 'es'
}

/**
 * Account mail (verification, reset, welcome) sent for Better Auth. These belong to no org, so
 * they use Minga's branding and go out directly from the auth request (there is no org
 * transaction to queue them in); the auth flow lets the user ask again if one is lost.
 */
export function accountMail(mailer: Mailer, baseUrl: string) {
  return {
    verification: (user: Recipient, url: string, request?: Request) =>
      mailer.send({
        to: user.email,
        ...renderMail(
          'email-verification',
          { recipientName: user.name, url },
          { locale: localeFromRequest(request), baseUrl },
        ),
      }),
    passwordReset: (user: Recipient, url: string, request?: Request) =>
      mailer.send({
        to: user.email,
        ...renderMail(
          'password-reset',
          { recipientName: user.name, url },
          { locale: localeFromRequest(request), baseUrl },
        ),
      }),
    // A courtesy: a failed welcome must not fail the verification that triggered it.
    welcome: (user: Recipient, request?: Request) =>
      mailer
        .send({
          to: user.email,
          ...renderMail(
            'welcome',
            { recipientName: user.name, url: '/' },
            { locale: localeFromRequest(request), baseUrl },
          ),
        })
        .catch(() => undefined),
  }
}
