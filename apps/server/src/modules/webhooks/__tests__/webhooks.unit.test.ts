import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'
import { filterMatches, isDeliverable } from '../event-filter.ts'
import { isForbiddenAddress, parseWebhookUrl } from '../url-guard.ts'
import { sendWebhook, signedHeaders } from '../webhook-sender.ts'
import {
  ATTEMPT_LIMIT,
  generateSecret,
  RETRY_DELAYS_SECONDS,
  retryDelaySeconds,
} from '../webhooks.service.ts'

describe('event filters', () => {
  it('matches exact types, prefixes and everything', () => {
    expect(filterMatches(['announcement.published'], 'announcement.published')).toBe(true)
    expect(filterMatches(['announcement.published'], 'announcement.deleted')).toBe(false)
    expect(filterMatches(['announcement.*'], 'announcement.deleted')).toBe(true)
    expect(filterMatches(['announcement.*'], 'announcements.deleted')).toBe(false)
    expect(filterMatches(['poll.*', 'task.created'], 'task.created')).toBe(true)
    expect(filterMatches(['*'], 'anything.at_all')).toBe(true)
  })
  it('never delivers mail and notification plumbing', () => {
    expect(isDeliverable('mail.queued')).toBe(false)
    expect(isDeliverable('notification.requested')).toBe(false)
    expect(isDeliverable('platform.mail.queued')).toBe(false)
    expect(isDeliverable('announcement.published')).toBe(true)
  })
})

describe('SSRF guard', () => {
  it('allows only public unicast addresses', () => {
    for (const ip of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      'fe80::1',
      'fd00:ec2::254',
      '::ffff:10.0.0.1',
    ]) {
      expect(isForbiddenAddress(ip), ip).toBe(true)
    }
    for (const ip of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111'])
      expect(isForbiddenAddress(ip), ip).toBe(false)
  })
  it('requires https unless private targets are allowed', () => {
    expect(parseWebhookUrl('http://example.com/', { allowPrivate: false }).ok).toBe(false)
    expect(parseWebhookUrl('http://example.com/', { allowPrivate: true }).ok).toBe(true)
    expect(parseWebhookUrl('https://2130706433/', { allowPrivate: false }).ok).toBe(false) // 127.0.0.1 in decimal
  })
  it('refuses at connect time a host name that resolves to loopback (DNS rebinding)', async () => {
    const result = await sendWebhook({
      url: 'https://localhost:9/hook',
      secret: generateSecret(),
      messageId: 'msg_1',
      body: '{}',
      policy: { allowPrivate: false },
    })
    expect(result.ok).toBe(false)
    expect(result.error).toMatch(/Refused to connect/)
  })
})

describe('signing and sending', () => {
  it('signs in the Standard Webhooks format', () => {
    const secret = generateSecret()
    const body = JSON.stringify({ type: 'a.b' })
    const headers = signedHeaders(secret, 'msg_2', body, new Date())
    expect(headers['webhook-signature']).toMatch(/^v1,/)
    expect(() => new Webhook(secret).verify(body, headers)).not.toThrow()
  })
  it('does not follow redirects and times out slow endpoints', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/slow') return // never answers
      res.writeHead(302, { location: 'http://169.254.169.254/' }).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const common = {
      secret: generateSecret(),
      messageId: 'msg_3',
      body: '{}',
      policy: { allowPrivate: true },
    }
    const redirected = await sendWebhook({ ...common, url: `${base}/go` })
    expect(redirected).toMatchObject({ ok: false, statusCode: 302, error: 'Redirects are not followed' })
    const slow = await sendWebhook({ ...common, url: `${base}/slow`, timeoutMs: 200 })
    expect(slow).toMatchObject({ ok: false, statusCode: null })
    expect(slow.error).toMatch(/Timed out/)
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })
  it('retries 8 times over about a day', () => {
    expect(ATTEMPT_LIMIT).toBe(8)
    const total = RETRY_DELAYS_SECONDS.reduce((a, b) => a + b, 0)
    expect(total / 3600).toBeGreaterThan(20)
    expect(total / 3600).toBeLessThan(28)
    expect(retryDelaySeconds(1)).toBe(60)
    expect(retryDelaySeconds(7)).toBe(28_800)
  })
})
