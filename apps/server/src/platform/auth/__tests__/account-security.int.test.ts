import { generateSync } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, createTestApp, ORIGIN, signUp, type TestApp, type TestUser } from '../../../../test/harness.ts'

let t: TestApp
const PASSWORD = 'correct-horse-battery'

const auth = (path: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/auth${path}`,
    headers: { origin: ORIGIN, 'content-type': 'application/json', ...headers },
    payload,
  })

const signIn = (email: string, password: string, ip = '198.51.100.7') =>
  auth('/sign-in/email', { email, password }, { 'x-forwarded-for': ip })

const cookieOf = (response: { headers: Record<string, unknown> }) =>
  [response.headers['set-cookie']]
    .flat()
    .filter((c): c is string => typeof c === 'string')
    .map((c) => c.split(';')[0])
    .join('; ')

const mailTo = (email: string) => t.app.platform.mailer.sent().filter((m) => m.to === email)
const linkIn = (text: string) => /https?:\/\/\S+/.exec(text)?.[0] ?? ''

const myEvents = async (user: { cookie: string }) =>
  (
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/security-events?limit=50',
      headers: { cookie: user.cookie },
    })
  )
    .json()
    .items.map((e: { type: string }) => e.type) as string[]

beforeAll(async () => {
  t = await createTestApp({ workers: false })
})
afterAll(() => t.close())

describe('email verification', () => {
  it('mails a link at sign-up that verifies the address', async () => {
    const user = await signUp(t.app, 'Verónica')
    const [mail] = mailTo(user.email)
    expect(mail?.subject).toBe('Confirma tu correo en Minga')
    const link = new URL(linkIn(mail!.text))
    expect(link.pathname).toBe('/api/auth/verify-email')
    const verify = await t.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` })
    expect(verify.statusCode).toBeLessThan(400)
    const me = await as(t.app, user)({ method: 'GET', url: '/api/v1/me' })
    expect(me.json().user.emailVerified).toBe(true)
  })
})

describe('password policy', () => {
  for (const [password, code] of [
    ['contraseña123', 'PASSWORD_TOO_COMMON'],
    ['1234567890', 'PASSWORD_TOO_COMMON'],
    ['zzzzzzzzzzzz', 'PASSWORD_TOO_PREDICTABLE'],
    ['klmnopqrstu', 'PASSWORD_TOO_PREDICTABLE'],
    ['short', 'PASSWORD_TOO_SHORT'],
  ] as const) {
    it(`refuses "${password}" with ${code} and creates no account`, async () => {
      const email = `policy-${code.toLowerCase()}-${password.length}@example.test`
      const response = await auth('/sign-up/email', { name: 'Pol', email, password })
      expect(response.statusCode).toBe(400)
      expect(response.json().code).toBe(code)
      expect((await signIn(email, password)).statusCode).toBe(401)
    })
  }

  it('refuses a password that contains the email address', async () => {
    const response = await auth('/sign-up/email', {
      name: 'Pol',
      email: 'camilotorres@example.test',
      password: 'camilotorres2026!',
    })
    expect(response.json().code).toBe('PASSWORD_TOO_PREDICTABLE')
  })
})

describe('password reset', () => {
  it('resets through the mailed link once; the old password and every old session stop working', async () => {
    const user = await signUp(t.app, 'Ramiro')
    const request = await auth('/request-password-reset', { email: user.email, redirectTo: '/restablecer' })
    expect(request.statusCode).toBe(200)
    const mail = mailTo(user.email).find((m) => m.subject.startsWith('Restablece'))
    const token = new URL(linkIn(mail!.text)).pathname.split('/').at(-1)!
    const reset = await auth('/reset-password', { newPassword: 'nueva-clave-segura-9', token })
    expect(reset.statusCode).toBe(200)
    expect((await signIn(user.email, PASSWORD)).statusCode).toBe(401)
    expect((await signIn(user.email, 'nueva-clave-segura-9')).statusCode).toBe(200)
    expect((await as(t.app, user)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401)
    const reused = await auth('/reset-password', { newPassword: 'otra-clave-segura-10', token })
    expect(reused.statusCode).toBe(400)
    expect((await signIn(user.email, 'otra-clave-segura-10')).statusCode).toBe(401)
  })

  it('answers the same for an unknown address, sending nothing', async () => {
    const response = await auth('/request-password-reset', { email: 'nadie@example.test', redirectTo: '/r' })
    expect(response.statusCode).toBe(200)
    expect(mailTo('nadie@example.test')).toHaveLength(0)
  })
})

describe('lockout', () => {
  it('locks sign-in after five failures, even with the right password, and logs it', async () => {
    const user = await signUp(t.app, 'Lorena')
    for (let i = 0; i < 5; i++) expect((await signIn(user.email, 'wrong-password-123')).statusCode).toBe(401)
    const locked = await signIn(user.email, PASSWORD)
    expect(locked.statusCode).toBe(429)
    expect(locked.json().code).toBe('ACCOUNT_LOCKED')
    const events = await myEvents(user)
    expect(events.filter((e) => e === 'sign_in.failed')).toHaveLength(5)
  })

  it('does not lock one account because another one failed', async () => {
    const other = await signUp(t.app, 'Otro')
    expect((await signIn(other.email, PASSWORD)).statusCode).toBe(200)
  })
})

describe('two-factor authentication (TOTP)', () => {
  let user: TestUser
  let secret: string
  let backupCodes: string[]

  it('enrols with the password, then requires a code at sign-in', async () => {
    user = await signUp(t.app, 'Tomás')
    const enable = await as(
      t.app,
      user,
    )({
      method: 'POST',
      url: '/api/auth/two-factor/enable',
      headers: { origin: ORIGIN },
      payload: { password: PASSWORD },
    })
    expect(enable.statusCode).toBe(200)
    const body = enable.json()
    backupCodes = body.backupCodes
    expect(backupCodes).toHaveLength(10)
    secret = new URL(body.totpURI).searchParams.get('secret')!
    // Enrolment completes with a first valid code.
    const confirm = await as(
      t.app,
      user,
    )({
      method: 'POST',
      url: '/api/auth/two-factor/verify-totp',
      headers: { origin: ORIGIN },
      payload: { code: generateSync({ secret }) },
    })
    expect(confirm.statusCode).toBe(200)

    const first = await signIn(user.email, PASSWORD)
    expect(first.statusCode).toBe(200)
    expect(first.json().twoFactorRedirect).toBe(true)
    expect(String(first.headers['set-cookie'])).not.toMatch(/better-auth\.session_token=[^;]/)

    const wrong = await auth('/two-factor/verify-totp', { code: '000000' }, { cookie: cookieOf(first) })
    expect(wrong.statusCode).toBe(401)
    const right = await auth(
      '/two-factor/verify-totp',
      { code: generateSync({ secret }) },
      { cookie: cookieOf(first) },
    )
    expect(right.statusCode).toBe(200)
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookieOf(right) } })
    expect(me.json().user.id).toBe(user.id)
  })

  it('accepts a backup code once', async () => {
    const pending = await signIn(user.email, PASSWORD)
    const code = backupCodes[0]!
    const used = await auth('/two-factor/verify-backup-code', { code }, { cookie: cookieOf(pending) })
    expect(used.statusCode).toBe(200)
    const again = await signIn(user.email, PASSWORD)
    const reused = await auth('/two-factor/verify-backup-code', { code }, { cookie: cookieOf(again) })
    expect(reused.statusCode).toBe(401)
  })

  it('logs enrolment and sign-ins in the user’s security log', async () => {
    const pending = await signIn(user.email, PASSWORD)
    const session = await auth(
      '/two-factor/verify-totp',
      { code: generateSync({ secret }) },
      { cookie: cookieOf(pending) },
    )
    const events = await myEvents({ cookie: cookieOf(session) })
    expect(events).toContain('two_factor.enabled')
    expect(events.filter((e) => e === 'sign_in.succeeded').length).toBeGreaterThanOrEqual(2)
  })
})

describe('sessions', () => {
  it('lists my sessions and revokes one, which fails on the very next request', async () => {
    const user = await signUp(t.app, 'Sara')
    const laptop = await signIn(user.email, PASSWORD)
    const laptopCookie = cookieOf(laptop)
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: laptopCookie } }))
        .statusCode,
    ).toBe(200)
    const list = await as(t.app, user)({ method: 'GET', url: '/api/auth/list-sessions' })
    expect(list.json()).toHaveLength(2)
    const revoke = await as(
      t.app,
      user,
    )({
      method: 'POST',
      url: '/api/auth/revoke-session',
      headers: { origin: ORIGIN },
      payload: { token: laptop.json().token },
    })
    expect(revoke.statusCode).toBe(200)
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: laptopCookie } }))
        .statusCode,
    ).toBe(401)
    expect((await as(t.app, user)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200)
    expect(await myEvents(user)).toContain('session.revoked')
  })

  it('ignores a session id planted before sign-in (no fixation)', async () => {
    const user = await signUp(t.app, 'Fija')
    const planted = 'better-auth.session_token=attacker-chosen.value'
    const signedIn = await signIn(user.email, PASSWORD)
    expect(cookieOf(signedIn)).not.toContain('attacker-chosen')
    const withPlanted = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: planted } })
    expect(withPlanted.statusCode).toBe(401)
  })

  it('requires a trusted Origin for cookie-authenticated auth writes (CSRF)', async () => {
    const user = await signUp(t.app, 'Cruz')
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/auth/revoke-sessions',
      headers: { cookie: user.cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      payload: {},
    })
    expect(forged.statusCode).toBe(403)
    expect((await as(t.app, user)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200)
  })
})

describe('cross-site writes to the API (CSRF)', () => {
  it('refuses a cookie-authenticated write from another origin or with no origin, and changes nothing', async () => {
    const user = await signUp(t.app, 'Cecilia')
    const attempt = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/orgs',
        headers: { cookie: user.cookie, 'content-type': 'application/json', ...headers },
        payload: { name: 'Robada', slug: `robada-${Object.keys(headers).length}`, kind: 'community' },
      })
    const forged: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      {},
      { referer: 'https://evil.example/page' },
    ]
    for (const headers of forged) {
      const response = await attempt(headers)
      expect(response.statusCode).toBe(403)
      expect(response.headers['content-type']).toContain('application/problem+json')
    }
    const mine = (await as(t.app, user)({ method: 'GET', url: '/api/v1/orgs' })).json()
    expect(mine.items).toHaveLength(0)
    expect((await attempt({ origin: ORIGIN })).statusCode).toBe(201)
  })

  it('lets bearer clients write without an Origin', async () => {
    const user = await signUp(t.app, 'Bea')
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      payload: { name: 'Por API', slug: 'por-api-bearer', kind: 'community' },
    })
    expect(response.statusCode).toBe(201)
  })
})
