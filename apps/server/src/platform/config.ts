import { resolve } from 'node:path'
import { z } from 'zod'

/** Where relative paths given by the user are resolved: the directory `npm` was started from. */
const userCwd = process.env.INIT_CWD ?? process.cwd()
/** Repository root, for the default `.minga/` data directory. */
export const repoRoot = resolve(import.meta.dirname, '../../../..')

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  MINGA_BASE_URL: z.url().optional(),
  MINGA_TRUSTED_ORIGINS: z.string().optional(),
  MINGA_DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  BETTER_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MINGA_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  MINGA_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  MINGA_AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  MINGA_DEMO_SEED: booleanFlag.optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Minga <no-reply@minga.local>'),
  GITHUB_CLIENT_ID: z.string().min(1).optional(),
  GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default('OpenID Connect'),
  MINGA_OIDC_CLIENTS: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON array of clients' })
        return z.NEVER
      }
    })
    .pipe(
      z.array(
        z.strictObject({
          client_id: z.string().min(3),
          client_secret: z.string().min(16),
          redirect_uris: z.array(z.url()).min(1),
          client_name: z.string().optional(),
        }),
      ),
    )
    .optional(),
  MINGA_SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(5),
  MINGA_WEBHOOKS_ALLOW_PRIVATE: booleanFlag.optional(),
  MINGA_WEBHOOKS_DISABLE_AFTER: z.coerce.number().int().min(1).max(1000).default(5),
  VAPID_PUBLIC_KEY: z.string().min(20).optional(),
  VAPID_PRIVATE_KEY: z.string().min(20).optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:.+@.+|https:\/\/.+)$/, 'must be a mailto: address or an https:// URL')
    .optional(),
  MINGA_FILES_DRIVER: z.enum(['local', 's3']).default('local'),
  MINGA_FILES_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * 1024 * 1024),
  MINGA_FILES_ORG_QUOTA_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(1024 * 1024 * 1024),
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.optional(),
})

/** Where file blobs live (see docs/modules/files.md). */
export type FilesConfig = {
  driver: 'local' | 's3'
  /** Local driver root: `<MINGA_DATA_DIR>/files`. */
  localDir: string
  /** Largest accepted upload, in bytes. */
  maxUploadBytes: number
  /** Storage quota of an org without its own override, in bytes. */
  defaultOrgQuotaBytes: number
  s3:
    | {
        endpoint: string | undefined
        bucket: string
        region: string
        accessKeyId: string
        secretAccessKey: string
        forcePathStyle: boolean
      }
    | undefined
}

export type Config = {
  env: 'development' | 'production' | 'test'
  port: number
  host: string
  baseUrl: string
  trustedOrigins: string[]
  dataDir: string
  databaseUrl: string | undefined
  databasePoolMax: number
  redisUrl: string | undefined
  smtpUrl: string | undefined
  mailFrom: string
  /** "Sign in with GitHub", when both GitHub OAuth app credentials are set. */
  github: { clientId: string; clientSecret: string } | undefined
  /** A generic OpenID Connect provider (Keycloak, Azure AD, Google Workspace…), by its issuer URL. */
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | undefined
  /** Ecosystem apps allowed to use "Sign in with Minga" (Minga as OpenID Connect provider). */
  oidcClients: {
    client_id: string
    client_secret: string
    redirect_uris: string[]
    client_name?: string | undefined
  }[]
  authSecret: string
  logLevel: string
  bodyLimit: number
  rateLimitPerMinute: number
  authRateLimitPerMinute: number
  /** How long a resolved session is reused in-process (0 disables). */
  sessionCacheSeconds: number
  /** Seed demo orgs on first start: default on for the embedded database, off for PostgreSQL. */
  demoSeed: boolean
  webhooks: {
    /** Lets endpoints use http:// and private, loopback or link-local addresses (development and tests). */
    allowPrivate: boolean
    /** Consecutive deliveries that exhaust their retries before an endpoint is disabled. */
    disableAfterFailedDeliveries: number
  }
  /** Web push, when all three VAPID variables are set; absent = no push channel. */
  push:
    | {
        vapidPublicKey: string
        vapidPrivateKey: string
        subject: string
        /** Accepts http:// subscription endpoints: only with NODE_ENV=test (the tests' fake push service). */
        allowHttp: boolean
      }
    | undefined
  files: FilesConfig
}

export class ConfigError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
    this.problems = problems
  }
}

/** A fixed development secret: only accepted outside production, so demos work with no setup. */
const DEV_AUTH_SECRET = 'minga-development-secret-do-not-use-in-production'

/** Reads and validates every setting at once, so one message lists every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set" (`DATABASE_URL= npm start` runs embedded).
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''))
  const parsed = EnvSchema.safeParse(present)
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`))
  }
  const e = parsed.data
  const pairs: [string, unknown, string, unknown][] = [
    ['GITHUB_CLIENT_ID', e.GITHUB_CLIENT_ID, 'GITHUB_CLIENT_SECRET', e.GITHUB_CLIENT_SECRET],
    ['OIDC_ISSUER', e.OIDC_ISSUER, 'OIDC_CLIENT_ID', e.OIDC_CLIENT_ID],
    ['OIDC_CLIENT_ID', e.OIDC_CLIENT_ID, 'OIDC_CLIENT_SECRET', e.OIDC_CLIENT_SECRET],
  ]
  const incomplete = pairs.filter(([, a, , b]) => Boolean(a) !== Boolean(b))
  if (incomplete.length) {
    throw new ConfigError(incomplete.map(([a, , b]) => `${a} and ${b}: set both or neither`))
  }
  const vapid = {
    VAPID_PUBLIC_KEY: e.VAPID_PUBLIC_KEY,
    VAPID_PRIVATE_KEY: e.VAPID_PRIVATE_KEY,
    VAPID_SUBJECT: e.VAPID_SUBJECT,
  }
  const missingVapid = Object.entries(vapid)
    .filter(([, v]) => !v)
    .map(([k]) => k)
  if (missingVapid.length > 0 && missingVapid.length < 3) {
    throw new ConfigError([
      `${missingVapid.join(', ')}: web push needs VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT together (set all three or none)`,
    ])
  }
  const files = filesConfig(e)
  if (e.NODE_ENV === 'production' && !e.BETTER_AUTH_SECRET) {
    throw new ConfigError(['BETTER_AUTH_SECRET: required in production (at least 32 characters)'])
  }
  const baseUrl = e.MINGA_BASE_URL ?? `http://localhost:${e.PORT}`
  const trustedOrigins = [
    baseUrl,
    ...(e.MINGA_TRUSTED_ORIGINS?.split(',').map((o) => o.trim()) ?? []),
    ...(e.NODE_ENV === 'production' ? [] : ['http://localhost:5173', `http://127.0.0.1:${e.PORT}`]),
  ].filter(Boolean)
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    trustedOrigins: [...new Set(trustedOrigins)],
    dataDir: resolve(userCwd, e.MINGA_DATA_DIR ?? resolve(repoRoot, '.minga')),
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    github:
      e.GITHUB_CLIENT_ID && e.GITHUB_CLIENT_SECRET
        ? { clientId: e.GITHUB_CLIENT_ID, clientSecret: e.GITHUB_CLIENT_SECRET }
        : undefined,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            name: e.OIDC_NAME,
          }
        : undefined,
    oidcClients: e.MINGA_OIDC_CLIENTS ?? [],
    authSecret: e.BETTER_AUTH_SECRET ?? DEV_AUTH_SECRET,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.MINGA_BODY_LIMIT,
    rateLimitPerMinute: e.MINGA_RATE_LIMIT_PER_MINUTE,
    authRateLimitPerMinute: e.MINGA_AUTH_RATE_LIMIT_PER_MINUTE,
    sessionCacheSeconds: e.MINGA_SESSION_CACHE_SECONDS,
    demoSeed: e.MINGA_DEMO_SEED ?? !e.DATABASE_URL,
    webhooks: {
      allowPrivate: e.MINGA_WEBHOOKS_ALLOW_PRIVATE ?? false,
      disableAfterFailedDeliveries: e.MINGA_WEBHOOKS_DISABLE_AFTER,
    },
    push:
      e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY && e.VAPID_SUBJECT
        ? {
            vapidPublicKey: e.VAPID_PUBLIC_KEY,
            vapidPrivateKey: e.VAPID_PRIVATE_KEY,
            subject: e.VAPID_SUBJECT,
            allowHttp: e.NODE_ENV === 'test',
          }
        : undefined,
    files: { ...files, localDir: resolve(userCwd, e.MINGA_DATA_DIR ?? resolve(repoRoot, '.minga'), 'files') },
  }
}

/** The S3 variables are checked together: the S3 driver needs them all, the local driver none. */
function filesConfig(e: z.infer<typeof EnvSchema>): Omit<FilesConfig, 'localDir'> {
  const s3Vars = {
    S3_BUCKET: e.S3_BUCKET,
    S3_ACCESS_KEY_ID: e.S3_ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY: e.S3_SECRET_ACCESS_KEY,
  }
  const base = {
    driver: e.MINGA_FILES_DRIVER,
    maxUploadBytes: e.MINGA_FILES_MAX_BYTES,
    defaultOrgQuotaBytes: e.MINGA_FILES_ORG_QUOTA_BYTES,
  }
  if (e.MINGA_FILES_DRIVER === 'local') {
    const stray = [...Object.entries(s3Vars), ['S3_ENDPOINT', e.S3_ENDPOINT]].filter(([, v]) => v)
    if (stray.length > 0) {
      throw new ConfigError([
        `${stray.map(([k]) => k).join(', ')}: set MINGA_FILES_DRIVER=s3 to store files in S3 (or unset them)`,
      ])
    }
    return { ...base, s3: undefined }
  }
  const missing = Object.entries(s3Vars)
    .filter(([, v]) => !v)
    .map(([k]) => k)
  if (missing.length > 0 || !e.S3_BUCKET || !e.S3_ACCESS_KEY_ID || !e.S3_SECRET_ACCESS_KEY) {
    throw new ConfigError([
      `${missing.join(', ')}: MINGA_FILES_DRIVER=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY`,
    ])
  }
  return {
    ...base,
    s3: {
      endpoint: e.S3_ENDPOINT,
      bucket: e.S3_BUCKET,
      region: e.S3_REGION ?? 'us-east-1',
      accessKeyId: e.S3_ACCESS_KEY_ID,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY,
      forcePathStyle: e.S3_FORCE_PATH_STYLE ?? Boolean(e.S3_ENDPOINT),
    },
  }
}
