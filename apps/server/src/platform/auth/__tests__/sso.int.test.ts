import { createLocalJWKSet, jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeOidcProvider } from '../../../../test/fake-oidc-provider.ts'
import { as, createTestApp, ORIGIN, signUp, type TestApp } from '../../../../test/harness.ts'

const client = { clientId: 'minga-test', clientSecret: 'fake-secret-123' }
const person = {
  sub: 'idp-user-42',
  email: 'maria.oidc@example.test',
  name: 'María Idp',
  emailVerified: true,
}

let provider: Awaited<ReturnType<typeof startFakeOidcProvider>>
let t: TestApp

const cookiesOf = (response: { headers: Record<string, unknown> }) =>
  [response.headers['set-cookie']]
    .flat()
    .filter((c): c is string => typeof c === 'string')
    .map((c) => c.split(';')[0]!)
    .filter((c) => !c.endsWith('='))

beforeAll(async () => {
  provider = await startFakeOidcProvider(client, person)
  t = await createTestApp({
    workers: false,
    config: {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: client.clientId,
      OIDC_CLIENT_SECRET: client.clientSecret,
      OIDC_NAME: 'Proveedor de prueba',
      GITHUB_CLIENT_ID: 'gh-client',
      GITHUB_CLIENT_SECRET: 'gh-secret',
    },
  })
})
afterAll(async () => {
  await t.close()
  await provider.close()
})

/** Runs the authorization-code flow: Minga → provider → Minga's callback. Returns Minga's cookies. */
async function signInWithProvider() {
  const start = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/social',
    headers: { origin: ORIGIN, 'content-type': 'application/json' },
    payload: { provider: 'oidc', callbackURL: '/orgs' },
  })
  expect(start.statusCode).toBe(200)
  const authorizeUrl = new URL(start.json().url)
  expect(authorizeUrl.origin).toBe(provider.issuer)
  expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256')
  const atProvider = await fetch(authorizeUrl, { redirect: 'manual' })
  const callback = new URL(atProvider.headers.get('location')!)
  expect(callback.pathname).toBe('/api/auth/callback/oidc')
  const back = await t.app.inject({
    method: 'GET',
    url: `${callback.pathname}${callback.search}`,
    headers: { cookie: cookiesOf(start).join('; ') },
  })
  expect(back.statusCode).toBe(302)
  expect(back.headers.location).toBe('/orgs')
  return cookiesOf(back).join('; ')
}

describe('sign in with an OpenID Connect provider', () => {
  it('creates the account on first sign-in and signs the same account in afterwards', async () => {
    const first = await signInWithProvider()
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: first } })
    expect(me.statusCode).toBe(200)
    expect(me.json().user).toMatchObject({ email: person.email, name: person.name, emailVerified: true })
    const second = await signInWithProvider()
    const again = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: second } })
    expect(again.json().user.id).toBe(me.json().user.id)
  })

  it('rejects a callback with a forged state', async () => {
    const forged = await t.app.inject({ method: 'GET', url: '/api/auth/callback/oidc?code=abc&state=forged' })
    expect(forged.statusCode).toBe(302)
    expect(forged.headers.location).toMatch(/error=/)
    expect(cookiesOf(forged).some((c) => c.startsWith('better-auth.session_token='))).toBe(false)
  })

  it('offers GitHub when its OAuth app is configured', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/social',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      payload: { provider: 'github', callbackURL: '/orgs' },
    })
    expect(response.statusCode).toBe(200)
    const url = new URL(response.json().url)
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/login/oauth/authorize')
    expect(url.searchParams.get('client_id')).toBe('gh-client')
  })
})

describe('Minga as identity provider for other ecosystem apps', () => {
  it('issues a JWT that a relying party verifies through the JWKS endpoint', async () => {
    const user = await signUp(t.app, 'Relying')
    const token = await as(t.app, user)({ method: 'GET', url: '/api/auth/token' })
    expect(token.statusCode).toBe(200)
    const jwt = token.json().token as string
    const jwksResponse = await t.app.inject({ method: 'GET', url: '/api/auth/jwks' })
    expect(jwksResponse.statusCode).toBe(200)
    // The relying party knows only the JWKS document (what it would fetch from /api/auth/jwks).
    const keys = createLocalJWKSet(jwksResponse.json())
    const { payload } = await jwtVerify(jwt, keys, { issuer: ORIGIN, audience: ORIGIN })
    expect(payload.sub).toBe(user.id)
    expect(payload.email).toBe(user.email)
    expect(payload.exp! - payload.iat!).toBe(15 * 60)
    // A tampered token fails verification.
    const [header, , signature] = jwt.split('.')
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...payload, sub: 'someone-else' })).toString('base64url')}.${signature}`
    await expect(jwtVerify(tampered, keys, { issuer: ORIGIN, audience: ORIGIN })).rejects.toThrow()
  })
})
