import { describe, expect, it } from 'vitest'
import { localeFromRequest } from '../account-mail.ts'
import { escapeHtml } from '../escape-html.ts'
import { MINGA_BRANDING, renderMail } from '../render-mail.ts'
import { sign, trackingFor, verify } from '../tracking.ts'

const base = 'https://minga.example'
const branding = { orgName: 'Coop La Esperanza', color: '#aa3300', logoUrl: 'https://cdn.example/logo.png' }

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })
})

describe('renderMail', () => {
  it('renders a verification mail in Spanish by default wording, with the link in both versions', () => {
    const mail = renderMail(
      'email-verification',
      { recipientName: 'Ana', url: 'https://minga.example/api/auth/verify-email?token=abc' },
      { locale: 'es' },
    )
    expect(mail.subject).toBe('Confirma tu correo en Minga')
    expect(mail.text).toContain('Hola Ana:')
    expect(mail.text).toContain('https://minga.example/api/auth/verify-email?token=abc')
    expect(mail.html).toContain('href="https://minga.example/api/auth/verify-email?token=abc"')
    expect(mail.html).toContain('lang="es"')
    expect(mail.html).toContain(MINGA_BRANDING.color)
  })

  it('renders English when asked', () => {
    const mail = renderMail(
      'password-reset',
      { recipientName: 'Bob', url: '/reset/xyz' },
      { locale: 'en', baseUrl: base },
    )
    expect(mail.subject).toBe('Reset your Minga password')
    expect(mail.text).toContain('Hi Bob,')
    expect(mail.text).toContain('https://minga.example/reset/xyz')
    expect(mail.html).toContain('lang="en"')
  })

  it('escapes every interpolated value in the HTML', () => {
    const evil = '<script>alert("x")</script>'
    const mail = renderMail(
      'notification',
      {
        recipientName: evil,
        title: `Nuevo ${evil}`,
        body: `"quoted" & ${evil}`,
        actionLabel: evil,
        url: '/o/a',
      },
      { locale: 'es', baseUrl: base, branding: { orgName: evil } },
    )
    expect(mail.html).not.toContain('<script>')
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(mail.html).toContain('&quot;quoted&quot; &amp;')
    // The text version is plain text: no escaping, the words as written.
    expect(mail.text).toContain(`"quoted" & ${evil}`)
    expect(mail.subject).toBe(`Nuevo ${evil}`)
  })

  it('applies the org branding: accent colour, name and https logo', () => {
    const mail = renderMail('welcome', { recipientName: 'Ana' }, { locale: 'es', baseUrl: base, branding })
    expect(mail.subject).toBe('Te damos la bienvenida a Coop La Esperanza')
    expect(mail.html).toContain('#aa3300')
    expect(mail.html).not.toContain(MINGA_BRANDING.color)
    expect(mail.html).toContain('src="https://cdn.example/logo.png"')
    expect(mail.html).toContain('max-width:600px')
    expect(mail.text).toContain(`${base}/`)
  })

  it('falls back to Minga defaults for an invalid colour or a non-https logo', () => {
    const mail = renderMail(
      'welcome',
      { recipientName: 'Ana' },
      {
        locale: 'es',
        baseUrl: base,
        branding: { orgName: 'X', color: 'red;background:url(x)', logoUrl: 'javascript:alert(1)' },
      },
    )
    expect(mail.html).toContain(MINGA_BRANDING.color)
    expect(mail.html).not.toContain('red;background')
    expect(mail.html).not.toContain('javascript:')
  })

  it('makes relative links absolute and drops non-http links', () => {
    const mail = renderMail(
      'notification',
      { recipientName: 'Ana', title: 'T', body: 'B', url: 'javascript:alert(1)' },
      { locale: 'es', baseUrl: base },
    )
    expect(mail.html).not.toContain('javascript:')
    expect(mail.text).not.toContain('javascript:')
    expect(() =>
      renderMail(
        'password-reset',
        { recipientName: 'A', url: 'javascript:alert(1)' },
        { locale: 'es', baseUrl: base },
      ),
    ).toThrow(/url/)
  })

  it('renders an invitation with the localized role and the expiry date in Bogotá', () => {
    const mail = renderMail(
      'invitation',
      {
        orgName: 'Coop',
        role: 'admin',
        url: '/invitations/tok',
        expiresAt: new Date('2026-03-05T03:00:00Z'),
      },
      { locale: 'es', baseUrl: base },
    )
    expect(mail.subject).toBe('Invitación a Coop en Minga')
    expect(mail.text).toContain('como administrador/a')
    // 03:00 UTC on 5 March is still 4 March in Bogotá.
    expect(mail.text).toContain('4 de marzo de 2026')
    expect(mail.text).toContain('https://minga.example/invitations/tok')
  })

  it('renders a weekly digest listing every item with its link', () => {
    const items = [
      {
        title: 'Asamblea convocada',
        body: 'El sábado',
        url: '/o/c/assemblies/1',
        occurredAt: '2026-03-01T15:00:00Z',
      },
      { title: 'Tarea asignada', body: 'Revisar actas', occurredAt: '2026-03-02T15:00:00Z' },
    ]
    const es = renderMail(
      'digest',
      { recipientName: 'Ana', period: 'weekly', items },
      { locale: 'es', baseUrl: base },
    )
    expect(es.subject).toBe('Tu resumen de la semana: 2 novedades')
    expect(es.text).toContain('- Asamblea convocada')
    expect(es.text).toContain('https://minga.example/o/c/assemblies/1')
    expect(es.html).toContain('Tarea asignada')
    const en = renderMail(
      'digest',
      { recipientName: 'Ana', period: 'daily', items: items.slice(0, 1) },
      { locale: 'en', baseUrl: base },
    )
    expect(en.subject).toBe('Your daily digest: 1 update')
  })

  it('renders a newsletter with its sections', () => {
    const mail = renderMail(
      'newsletter',
      {
        title: 'Boletín de marzo',
        intro: 'Novedades de la cooperativa',
        sections: [
          {
            heading: 'Nueva sede',
            body: 'Abrimos en el centro',
            url: 'https://coop.example/sede',
            linkLabel: 'Ver mapa',
          },
          { heading: 'Cosecha', body: 'Récord de café' },
        ],
      },
      { locale: 'es', baseUrl: base, branding },
    )
    expect(mail.subject).toBe('Boletín de marzo')
    expect(mail.text).toContain('NUEVA SEDE')
    expect(mail.text).toContain('Ver mapa: https://coop.example/sede')
    expect(mail.html).toContain('Récord de café')
  })

  it('wraps links and adds the open pixel when tracking is on', () => {
    const keys = { baseUrl: base, secret: 'a-test-secret-of-enough-length' }
    const tracking = trackingFor(
      keys,
      '00000000-0000-7000-8000-000000000001',
      '00000000-0000-7000-8000-000000000002',
    )
    const mail = renderMail(
      'notification',
      { recipientName: 'Ana', title: 'T', body: 'B', url: '/o/a' },
      { locale: 'es', baseUrl: base, tracking },
    )
    expect(mail.html).toContain(`src="${tracking.pixelUrl}"`)
    expect(mail.html).toContain('https://minga.example/api/mail/click?')
    expect(mail.html).not.toContain('href="https://minga.example/o/a"')
    expect(mail.text).toContain('https://minga.example/api/mail/click?')
    expect(mail.text).toContain('registra si se abre')
  })
})

describe('tracking signatures', () => {
  it('verifies its own signature and rejects any change', () => {
    const s = sign('secret-1', ['click', 'o', 'm', 'https://a.example'])
    expect(verify('secret-1', ['click', 'o', 'm', 'https://a.example'], s)).toBe(true)
    expect(verify('secret-1', ['click', 'o', 'm', 'https://evil.example'], s)).toBe(false)
    expect(verify('secret-2', ['click', 'o', 'm', 'https://a.example'], s)).toBe(false)
    expect(verify('secret-1', ['click', 'o', 'm', 'https://a.example'], `${s.slice(0, -1)}A`)).toBe(
      s.endsWith('A'),
    )
  })
})

describe('localeFromRequest', () => {
  it('is Spanish unless English comes first', () => {
    const req = (value: string) => new Request('http://x', { headers: { 'accept-language': value } })
    expect(localeFromRequest(req('en-US,en;q=0.9'))).toBe('en')
    expect(localeFromRequest(req('es-CO,en;q=0.8'))).toBe('es')
    expect(localeFromRequest(undefined)).toBe('es')
  })
})
