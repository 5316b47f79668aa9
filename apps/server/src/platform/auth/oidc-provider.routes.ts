import { createHash } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { exportJWK, generateKeyPair, type JWK } from 'jose'
import Provider, { type Configuration } from 'oidc-provider'
import type { Config } from '../config.ts'
import type { Db } from '../db/connection.ts'
import { oidcPayloads, users } from './auth.tables.ts'
import type { Auth, SessionCache } from './auth.ts'
import { oidcAdapterFactory } from './oidc-adapter.ts'

/** All of the provider's endpoints live under /oidc, plus discovery at the well-known path. */
const routes: Configuration['routes'] = {
  authorization: '/oidc/auth',
  token: '/oidc/token',
  userinfo: '/oidc/me',
  jwks: '/oidc/jwks',
  end_session: '/oidc/session/end',
  revocation: '/oidc/token/revocation',
  introspection: '/oidc/token/introspection',
}

/**
 * "Sign in with Minga": Minga as an OpenID Connect provider for the ecosystem's apps, on
 * oidc-provider (a certified implementation). The user signs in to Minga as usual; the interaction
 * step reuses that session. Clients are the trusted apps listed in MINGA_OIDC_CLIENTS, so consent is
 * granted for the scopes they ask for (openid, email, profile).
 */
export async function registerOidcProvider(
  app: FastifyInstance,
  deps: { db: Db; config: Config; auth: Auth; sessions: SessionCache },
) {
  const { db, config } = deps
  if (config.oidcClients.length === 0) return
  const provider = new Provider(config.baseUrl, {
    clients: config.oidcClients.map((c) => ({
      ...c,
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    adapter: oidcAdapterFactory(db),
    jwks: { keys: [await signingKey(db)] },
    cookies: { keys: [createHash('sha256').update(`oidc:${config.authSecret}`).digest('hex')] },
    routes,
    scopes: ['openid', 'email', 'profile'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Trusted first-party apps get the granted claims in the ID token too, not only from userinfo.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 60 * 60,
      IdToken: 60 * 60,
      Interaction: 10 * 60,
      Session: 14 * 24 * 60 * 60,
      Grant: 14 * 24 * 60 * 60,
    },
    features: { devInteractions: { enabled: false }, revocation: { enabled: true } },
    // Errors as JSON problem-like bodies, never the library's default HTML page.
    async renderError(ctx, out) {
      ctx.type = 'application/json'
      ctx.body = out
    },
    interactions: { url: (_ctx, interaction) => `/oidc/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const [user] = await db.select().from(users).where(eq(users.id, id))
      if (!user) return undefined
      return {
        accountId: user.id,
        claims: async () => ({
          sub: user.id,
          email: user.email,
          email_verified: user.emailVerified,
          name: user.name,
        }),
      }
    },
  })
  provider.proxy = true
  const handle = provider.callback()

  // oidc-provider reads its own request bodies (form-encoded token requests): leave them unparsed.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null))

    scope.get(
      '/oidc/interaction/:uid',
      { config: { access: 'public' }, schema: { hide: true } },
      async (request, reply) => {
        const details = await provider.interactionDetails(request.raw, reply.raw)
        const user = await deps.sessions.resolve(deps.auth, request.headers)
        if (!user) return reply.redirect(`/sign-in?redirect=${encodeURIComponent(request.url)}`)
        const result: Parameters<typeof provider.interactionFinished>[2] = {}
        if (details.prompt.name === 'login') result.login = { accountId: user.id }
        if (details.prompt.name === 'consent') {
          const clientId = String(details.params.client_id)
          const grant = details.grantId
            ? await provider.Grant.find(details.grantId)
            : new provider.Grant({ accountId: user.id, clientId })
          if (!grant) return reply.status(400).send({ error: 'grant not found' })
          grant.addOIDCScope(String(details.params.scope ?? 'openid'))
          result.consent = { grantId: await grant.save() }
        }
        reply.hijack()
        await provider.interactionFinished(request.raw, reply.raw, result, { mergeWithLastSubmission: true })
      },
    )

    scope.route({
      method: ['GET', 'POST'],
      url: '/oidc/*',
      config: { access: 'public' },
      schema: { hide: true },
      handler: async (request, reply) => {
        reply.hijack()
        await handle(request.raw, reply.raw)
      },
    })
    scope.get(
      '/.well-known/openid-configuration',
      { config: { access: 'public' }, schema: { hide: true } },
      async (request, reply) => {
        reply.hijack()
        await handle(request.raw, reply.raw)
      },
    )
  })
}

/** The ID-token signing key: created on first start, then reused (and shared by every instance). */
async function signingKey(db: Db): Promise<JWK> {
  const where = and(eq(oidcPayloads.kind, 'SigningKey'), eq(oidcPayloads.id, 'default'))
  const [existing] = await db.select().from(oidcPayloads).where(where)
  if (existing) return existing.payload as JWK
  const { privateKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk = { ...(await exportJWK(privateKey)), kid: `minga-${Date.now()}`, alg: 'RS256', use: 'sig' }
  await db
    .insert(oidcPayloads)
    .values({ kind: 'SigningKey', id: 'default', payload: jwk as Record<string, unknown> })
    .onConflictDoNothing()
  const [stored] = await db.select().from(oidcPayloads).where(where)
  return stored!.payload as JWK
}
