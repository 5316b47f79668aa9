import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../config.ts'

describe('loadConfig', () => {
  it('runs embedded with demo data when nothing is set', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, demoSeed: true, env: 'development' })
    expect(config.dataDir).toMatch(/\.minga$/)
  })

  it('lists every bad variable in one message', () => {
    let error: unknown
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', REDIS_URL: 'http://x', LOG_LEVEL: 'loud' })
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(ConfigError)
    const problems = (error as ConfigError).problems.join('\n')
    for (const variable of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'LOG_LEVEL'])
      expect(problems).toContain(variable)
  })

  it('requires a real auth secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/BETTER_AUTH_SECRET/)
    expect(() => loadConfig({ NODE_ENV: 'production', BETTER_AUTH_SECRET: 'short' })).toThrow(/at least 32/)
    const config = loadConfig({ NODE_ENV: 'production', BETTER_AUTH_SECRET: 'x'.repeat(40) })
    expect(config.trustedOrigins).toEqual(['http://localhost:3000'])
  })

  it('turns demo data off by default on PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/minga' }).demoSeed).toBe(false)
  })
})
