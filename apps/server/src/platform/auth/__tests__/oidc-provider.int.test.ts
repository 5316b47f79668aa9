import { createHash, randomBytes } from 'node:crypto'
import { createLocalJWKSet, jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, ORIGIN, signUp, type TestApp, type TestUser } from '../../../../test/harness.ts'

/** Browsers send the public host; oidc-provider builds its URLs from it. */
const host = new URL(ORIGIN).host

const rp = {
  client_id: 'tienda-minga',
  client_secret: 'relying-party-secret-0123456789',
  redirect_uri: 'https://tienda.example/callback',
}

let t: TestApp
let user: TestUser

beforeAll(async () => {
  t = await createTestApp({
    workers: false,
    config: {
      MINGA_OIDC_CLIENTS: JSON.stringify([
        {
          client_id: rp.client_id,
          client_secret: rp.client_secret,
          redirect_uris: [rp.redirect_uri],
          client_name: 'Tienda',
        },
      ]),
    },
  })
  user = await signUp(t.app, 'Ana Relying')
})
afterAll(() => t.close())

/** A browser's cookie jar, enough for the provider's interaction and session cookies. */
class Jar {
  private readonly cookies = new Map<string, string>()
  constructor(initial: string) {
    for (const pair of initial.split('; ').filter(Boolean)) {
      const [name, ...rest] = pair.split('=')
      this.cookies.set(name!, rest.join('='))
    }
  }
  take(setCookie: unknown) {
    for (const line of [setCookie].flat().filter((c): c is string => typeof c === 'string')) {
      const [pair] = line.split(';')
      const [name, ...rest] = pair!.split('=')
      const value = rest.join('=')
      if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name!)
      else this.cookies.set(name!, value)
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }
}

/** Follows redirects inside Minga like a browser until one leaves for the relying party. */
async function browse(jar: Jar, start: string) {
  let url = start
  for (let hop = 0; hop < 10; hop++) {
    const response = await t.app.inject({ method: 'GET', url, headers: { host, cookie: jar.header() } })
    jar.take(response.headers['set-cookie'])
    const location = response.headers.location
    if (!location)
      throw new Error(`no redirect from ${url}: ${response.statusCode} ${response.body.slice(0, 300)}`)
    const next = new URL(location, ORIGIN)
    if (next.origin !== ORIGIN) return next
    url = `${next.pathname}${next.search}`
  }
  throw new Error('too many redirects')
}

function authorizeUrl(state: string, nonce: string, verifier: string) {
  const challenge = createHash('sha256').update(verifier).digest('base64url')
  const params = new URLSearchParams({
    client_id: rp.client_id,
    redirect_uri: rp.redirect_uri,
    response_type: 'code',
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  })
  return `/oidc/auth?${params}`
}

async function exchange(code: string, verifier: string) {
  return t.app.inject({
    method: 'POST',
    url: '/oidc/token',
    headers: {
      host,
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${rp.client_id}:${rp.client_secret}`).toString('base64')}`,
    },
    payload: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: rp.redirect_uri,
      code_verifier: verifier,
    }).toString(),
  })
}

describe('Sign in with Minga (OpenID Connect provider)', () => {
  it('publishes discovery with the /oidc endpoints', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/.well-known/openid-configuration',
      headers: { host },
    })
    expect(response.statusCode).toBe(200)
    const discovery = response.json()
    expect(discovery).toMatchObject({
      issuer: ORIGIN,
      authorization_endpoint: `${ORIGIN}/oidc/auth`,
      token_endpoint: `${ORIGIN}/oidc/token`,
      jwks_uri: `${ORIGIN}/oidc/jwks`,
      userinfo_endpoint: `${ORIGIN}/oidc/me`,
    })
  })

  it('lets a relying party sign a Minga user in: code flow with PKCE, verified ID token, userinfo', async () => {
    const state = randomBytes(8).toString('hex')
    const nonce = randomBytes(8).toString('hex')
    const verifier = randomBytes(32).toString('base64url')
    const back = await browse(new Jar(user.cookie), authorizeUrl(state, nonce, verifier))
    expect(`${back.origin}${back.pathname}`).toBe(rp.redirect_uri)
    expect(back.searchParams.get('state')).toBe(state)
    const code = back.searchParams.get('code')!

    const tokens = await exchange(code, verifier)
    expect(tokens.statusCode).toBe(200)
    const { id_token, access_token } = tokens.json()
    const jwks = createLocalJWKSet(
      (await t.app.inject({ method: 'GET', url: '/oidc/jwks', headers: { host } })).json(),
    )
    const { payload } = await jwtVerify(id_token, jwks, { issuer: ORIGIN, audience: rp.client_id })
    expect(payload).toMatchObject({ sub: user.id, nonce, email: user.email, name: 'Ana Relying' })

    const me = await t.app.inject({
      method: 'GET',
      url: '/oidc/me',
      headers: { host, authorization: `Bearer ${access_token}` },
    })
    expect(me.json()).toMatchObject({ sub: user.id, email: user.email })

    // A code works once.
    expect((await exchange(code, verifier)).statusCode).toBe(400)
  })

  it('sends a visitor without a Minga session to sign in first', async () => {
    const jar = new Jar('')
    const first = await t.app.inject({
      method: 'GET',
      url: authorizeUrl('s', 'n', randomBytes(32).toString('base64url')),
      headers: { host },
    })
    jar.take(first.headers['set-cookie'])
    const interaction = first.headers.location!
    const atInteraction = await t.app.inject({
      method: 'GET',
      url: interaction,
      headers: { host, cookie: jar.header() },
    })
    expect(atInteraction.statusCode).toBe(302)
    expect(atInteraction.headers.location).toBe(`/sign-in?redirect=${encodeURIComponent(interaction)}`)
  })

  it('refuses an unregistered redirect URI and a wrong PKCE verifier', async () => {
    const bad = await t.app.inject({
      method: 'GET',
      headers: { host },
      url: authorizeUrl('s', 'n', 'v'.repeat(43)).replace(
        encodeURIComponent(rp.redirect_uri),
        encodeURIComponent('https://evil.example/cb'),
      ),
    })
    expect(bad.statusCode).toBe(400)
    const verifier = randomBytes(32).toString('base64url')
    const back = await browse(new Jar(user.cookie), authorizeUrl('s2', 'n2', verifier))
    expect(`${back.origin}${back.pathname}`).toBe(rp.redirect_uri)
    expect(back.searchParams.get('code')).toEqual(expect.any(String))
    const wrong = await exchange(back.searchParams.get('code')!, randomBytes(32).toString('base64url'))
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error).toBe('invalid_grant')
  })
})
