import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'

export type FakeOidcUser = { sub: string; email: string; name: string; emailVerified: boolean }

/**
 * A small OpenID Connect provider for tests: discovery, authorize (signs the configured user in at
 * once), token (authorization code + PKCE, client_secret_basic or _post), userinfo and JWKS. It
 * checks what a real provider checks for the code flow, so the relying party is really exercised.
 */
export async function startFakeOidcProvider(
  client: { clientId: string; clientSecret: string },
  user: FakeOidcUser,
) {
  const { privateKey, publicKey } = await generateKeyPair('RS256')
  const jwk = { ...(await exportJWK(publicKey)), kid: 'fake-1', alg: 'RS256', use: 'sig' }
  const codes = new Map<string, { redirectUri: string; nonce?: string; challenge?: string }>()
  const accessTokens = new Set<string>()
  let issuer = ''

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', issuer)
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify(body))
    }
    if (url.pathname === '/.well-known/openid-configuration') {
      return send(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        scopes_supported: ['openid', 'email', 'profile'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        code_challenge_methods_supported: ['S256'],
      })
    }
    if (url.pathname === '/jwks') return send(200, { keys: [jwk] })
    if (url.pathname === '/authorize') {
      const redirectUri = url.searchParams.get('redirect_uri') ?? ''
      if (url.searchParams.get('client_id') !== client.clientId || !redirectUri) {
        return send(400, { error: 'invalid_request' })
      }
      const code = randomBytes(16).toString('hex')
      codes.set(code, {
        redirectUri,
        ...(url.searchParams.get('nonce') ? { nonce: url.searchParams.get('nonce')! } : {}),
        ...(url.searchParams.get('code_challenge')
          ? { challenge: url.searchParams.get('code_challenge')! }
          : {}),
      })
      const back = new URL(redirectUri)
      back.searchParams.set('code', code)
      back.searchParams.set('state', url.searchParams.get('state') ?? '')
      response.writeHead(302, { location: back.toString() })
      return response.end()
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      const form = new URLSearchParams(await bodyOf(request))
      const basic = request.headers.authorization?.match(/^Basic (.+)$/)?.[1]
      const [id, secret] = basic
        ? Buffer.from(basic, 'base64').toString().split(':').map(decodeURIComponent)
        : [form.get('client_id'), form.get('client_secret')]
      if (id !== client.clientId || secret !== client.clientSecret)
        return send(401, { error: 'invalid_client' })
      const grant = codes.get(form.get('code') ?? '')
      codes.delete(form.get('code') ?? '')
      if (!grant || grant.redirectUri !== form.get('redirect_uri'))
        return send(400, { error: 'invalid_grant' })
      if (grant.challenge) {
        const verifier = form.get('code_verifier') ?? ''
        const expected = createHash('sha256').update(verifier).digest('base64url')
        if (expected !== grant.challenge)
          return send(400, { error: 'invalid_grant', error_description: 'PKCE' })
      }
      const accessToken = randomBytes(16).toString('hex')
      accessTokens.add(accessToken)
      const idToken = await new SignJWT({
        email: user.email,
        email_verified: user.emailVerified,
        name: user.name,
        ...(grant.nonce ? { nonce: grant.nonce } : {}),
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'fake-1' })
        .setIssuer(issuer)
        .setAudience(client.clientId)
        .setSubject(user.sub)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey)
      return send(200, {
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: 300,
        id_token: idToken,
      })
    }
    if (url.pathname === '/userinfo') {
      const token = request.headers.authorization?.replace(/^Bearer /, '') ?? ''
      if (!accessTokens.has(token)) return send(401, { error: 'invalid_token' })
      return send(200, {
        sub: user.sub,
        email: user.email,
        email_verified: user.emailVerified,
        name: user.name,
      })
    }
    send(404, { error: 'not_found' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = ''
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8')
    })
    request.on('end', () => resolve(body))
    request.on('error', reject)
  })
}
