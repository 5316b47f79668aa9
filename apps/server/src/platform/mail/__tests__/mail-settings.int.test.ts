import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addMember,
  as,
  createOrg,
  createTestApp,
  signUp,
  type TestApp,
  type TestUser,
} from '../../../../test/harness.ts'

let t: TestApp
let owner: TestUser
let resident: TestUser
let org: { id: string; slug: string }

beforeAll(async () => {
  t = await createTestApp({ workers: false })
  owner = await signUp(t.app, 'Olga')
  resident = await signUp(t.app, 'Rita')
  org = await createOrg(t.app, owner)
  await addMember(t.app, owner, org.slug, resident, 'member')
}, 60_000)
afterAll(() => t.close())

const url = () => `/api/v1/orgs/${org.slug}/mail-settings`

describe('mail settings', () => {
  it('starts with tracking off and Minga branding', async () => {
    const response = await as(t.app, resident)({ method: 'GET', url: url() })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ trackingEnabled: false, logoUrl: null, accentColor: null })
  })

  it('lets an owner switch tracking on and brand the mail, and audits it', async () => {
    const response = await as(
      t.app,
      owner,
    )({
      method: 'PATCH',
      url: url(),
      payload: { trackingEnabled: true, accentColor: '#aa3300', logoUrl: 'https://cdn.example/logo.png' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      trackingEnabled: true,
      accentColor: '#aa3300',
      logoUrl: 'https://cdn.example/logo.png',
    })
    const partial = await as(t.app, owner)({ method: 'PATCH', url: url(), payload: { logoUrl: null } })
    expect(partial.json()).toEqual({ trackingEnabled: true, accentColor: '#aa3300', logoUrl: null })
    const audit = await as(t.app, owner)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/audit` })
    expect(audit.json().items.map((e: { action: string }) => e.action)).toContain('mail_settings.updated')
  })

  it('refuses a member with 403 and bad values with 400 field errors', async () => {
    const forbidden = await as(
      t.app,
      resident,
    )({ method: 'PATCH', url: url(), payload: { trackingEnabled: false } })
    expect(forbidden.statusCode).toBe(403)
    const bad = await as(
      t.app,
      owner,
    )({
      method: 'PATCH',
      url: url(),
      payload: { accentColor: 'red;x', logoUrl: 'http://insecure.example/logo.png' },
    })
    expect(bad.statusCode).toBe(400)
    const paths = (bad.json().errors as { path: string }[]).map((e) => e.path).sort()
    expect(paths).toEqual(['body.accentColor', 'body.logoUrl'])
    const unknown = await as(t.app, owner)({ method: 'PATCH', url: url(), payload: { secret: 1 } })
    expect(unknown.statusCode).toBe(400)
  })
})

describe('dev mailbox and tracking routes', () => {
  it('serves the dev mailbox without SMTP outside production, with the HTML version', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/dev/mailbox' })
    expect(response.statusCode).toBe(200)
    const mail = response.json().items.find((m: { to: string }) => m.to === owner.email)
    expect(mail.subject).toBe('Confirma tu correo en Minga')
    expect(mail.html).toContain('<!DOCTYPE html>')
  })

  it('sends the welcome mail once the address is verified', async () => {
    const user = await signUp(t.app, 'Wilma')
    const mailbox = () => t.app.platform.mailer.sent().filter((m) => m.to === user.email)
    const verification = mailbox()[0]!
    expect(mailbox().map((m) => m.subject)).toEqual(['Confirma tu correo en Minga'])
    const link = new URL(/https?:\/\/\S+/.exec(verification.text)![0])
    await t.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` })
    const welcome = mailbox().find((m) => m.subject === 'Te damos la bienvenida a Minga')
    expect(welcome?.text).toContain('Hola Wilma:')
    expect(welcome?.html).toContain('href="http://localhost:3000/"')
  })

  it('rate-limits the public tracking routes', async () => {
    const bad = `/api/mail/open/${org.id}/${org.id}/${'A'.repeat(43)}.gif`
    const statuses: number[] = []
    for (let i = 0; i < 125; i++) {
      statuses.push(
        (await t.app.inject({ method: 'GET', url: bad, remoteAddress: '203.0.113.9' })).statusCode,
      )
    }
    expect(statuses.slice(0, 120).every((s) => s === 400)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
  })
})
