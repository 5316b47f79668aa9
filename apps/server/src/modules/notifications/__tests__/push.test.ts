import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../../platform/config.ts'
import { pushPayload } from '../push-delivery.ts'

const keys = {
  VAPID_PUBLIC_KEY: 'BPublicKeyPublicKeyPublicKeyPublicKey',
  VAPID_PRIVATE_KEY: 'PrivateKeyPrivateKeyPrivateKey',
  VAPID_SUBJECT: 'mailto:ops@minga.example',
}

describe('web push config', () => {
  it('is off without VAPID variables and on with all three', () => {
    expect(loadConfig({}).push).toBeUndefined()
    expect(loadConfig(keys).push).toEqual({
      vapidPublicKey: keys.VAPID_PUBLIC_KEY,
      vapidPrivateKey: keys.VAPID_PRIVATE_KEY,
      subject: keys.VAPID_SUBJECT,
      allowHttp: false,
    })
    expect(loadConfig({ ...keys, NODE_ENV: 'test' }).push?.allowHttp).toBe(true)
  })

  it('names the missing variables when only some are set', () => {
    const error = (() => {
      try {
        loadConfig({ VAPID_PUBLIC_KEY: keys.VAPID_PUBLIC_KEY })
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).problems[0]).toMatch(/^VAPID_PRIVATE_KEY, VAPID_SUBJECT: /)
  })

  it('needs a mailto: or https subject', () => {
    expect(() => loadConfig({ ...keys, VAPID_SUBJECT: 'http://minga.example' })).toThrow(/VAPID_SUBJECT/)
    expect(loadConfig({ ...keys, VAPID_SUBJECT: 'https://minga.example' }).push?.subject).toBe(
      'https://minga.example',
    )
  })
})

describe('push payload', () => {
  it('is the JSON the service worker reads', () => {
    expect(JSON.parse(pushPayload({ title: 'Hola', body: 'Texto', url: '/o/x' }))).toEqual({
      title: 'Hola',
      body: 'Texto',
      url: '/o/x',
    })
  })

  it('cuts a long body to stay far below the 4 KB push limit', () => {
    const payload = pushPayload({ title: 'T', body: 'ñ'.repeat(10_000), url: null })
    expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(3000)
    const parsed = JSON.parse(payload)
    expect(parsed.body.endsWith('…')).toBe(true)
    expect(parsed.body.length).toBeGreaterThan(1000)
  })
})
