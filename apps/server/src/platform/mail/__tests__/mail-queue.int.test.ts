import type { AddressInfo } from 'node:net'
import { and, eq, sql } from 'drizzle-orm'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  as,
  createOrg,
  createTestApp,
  eventually,
  signUp,
  type TestApp,
  type TestUser,
} from '../../../../test/harness.ts'
import { withOrg } from '../../db/with-org.ts'
import type { ServiceContext } from '../../service-context.ts'
import { type QueuedMail, queueMail } from '../index.ts'
import { mailMessages, mailTrackingEvents, orgMailSettings } from '../mail.tables.ts'
import { sign } from '../tracking.ts'
import { parseRawMail } from './raw-mail.ts'

type Received = { to: string[]; raw: string }
const received: Received[] = []
/** Recipients whose next delivery attempt the server refuses with a temporary error. */
const refuseOnce = new Set<string>()
let smtp: SMTPServer
let t: TestApp
let owner: TestUser
let org: { id: string; slug: string; name: string }

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      if (refuseOnce.delete(address.address)) {
        callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }))
        return
      }
      callback()
    },
    onData(stream, session, callback) {
      let raw = ''
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('latin1')
      })
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const port = (smtp.server.address() as AddressInfo).port
  t = await createTestApp({ config: { SMTP_URL: `smtp://127.0.0.1:${port}` } })
  owner = await signUp(t.app, 'Olga')
  org = await createOrg(t.app, owner, { name: 'Cooperativa Aurora' })
}, 60_000)

afterAll(async () => {
  await t?.close()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
})

function queue(mail: QueuedMail, orgId = org.id, rollback = false) {
  return withOrg(t.database.db, orgId, async (tx) => {
    const ctx: ServiceContext = {
      db: tx,
      orgId,
      actor: { userId: null, role: 'system' },
      requestId: 'test',
      now: new Date(),
      ip: null,
    }
    await queueMail(ctx, mail)
    if (rollback) throw new Error('rolled back on purpose')
  }).finally(() => t.app.platform.events.wake())
}

const to = (address: string) => received.filter((m) => m.to.includes(address))
const messagesTo = (address: string) =>
  withOrg(t.database.db, org.id, (tx) =>
    tx.select().from(mailMessages).where(eq(mailMessages.toAddress, address)),
  )

const notification = (address: string, extra: Partial<QueuedMail> = {}): QueuedMail => ({
  to: address,
  template: 'notification',
  data: {
    recipientName: 'Ana',
    title: 'Weekly meeting',
    body: 'Saturday at 10 in the hall',
    url: '/o/x/assemblies',
  },
  locale: 'en',
  ...extra,
})

describe('queued mail over a real SMTP server', () => {
  it('sends a multipart text + html mail with the org branding to the recipient', async () => {
    await queue(notification('ana@example.test'))
    await eventually(async () => to('ana@example.test').length === 1)
    const mail = parseRawMail(to('ana@example.test')[0]!.raw)
    expect(mail.headers.get('subject')).toBe('Weekly meeting')
    expect(mail.headers.get('to')).toBe('ana@example.test')
    expect(mail.contentType).toMatch(/^multipart\/alternative/)
    expect(mail.parts.get('text/plain')).toContain('Saturday at 10 in the hall')
    expect(mail.parts.get('text/plain')).toContain('http://localhost:3000/o/x/assemblies')
    expect(mail.parts.get('text/html')).toContain('href="http://localhost:3000/o/x/assemblies"')
    expect(mail.parts.get('text/html')).toContain('Cooperativa Aurora')
    const [row] = await messagesTo('ana@example.test')
    expect(row).toMatchObject({ status: 'sent', subject: 'Weekly meeting', tracked: false })
    expect(mail.headers.get('message-id')).toBe(`<${row!.id}@localhost>`)
  }, 30_000)

  it('sends nothing when the queueing transaction rolls back', async () => {
    await expect(queue(notification('rollback@example.test'), org.id, true)).rejects.toThrow('rolled back')
    await queue(notification('after-rollback@example.test'))
    await eventually(async () => to('after-rollback@example.test').length === 1)
    expect(to('rollback@example.test')).toHaveLength(0)
    expect(await messagesTo('rollback@example.test')).toHaveLength(0)
  }, 30_000)

  it('sends a mail queued twice with the same dedupe key once', async () => {
    const mail = notification('dedupe@example.test', { dedupeKey: 'meeting-42:dedupe' })
    await queue(mail)
    await queue(mail)
    await eventually(async () => to('dedupe@example.test').length >= 1)
    // A third queue after the send is a no-op as well.
    await queue(mail)
    await queue(notification('dedupe-marker@example.test'))
    await eventually(async () => to('dedupe-marker@example.test').length === 1)
    expect(to('dedupe@example.test')).toHaveLength(1)
    expect(await messagesTo('dedupe@example.test')).toHaveLength(1)
  }, 30_000)

  it('retries with backoff when the SMTP server refuses, and one message arrives', async () => {
    refuseOnce.add('retry@example.test')
    await queue(notification('retry@example.test'))
    await eventually(async () => !refuseOnce.has('retry@example.test'), 10_000)
    expect(to('retry@example.test')).toHaveLength(0)
    const [pending] = await messagesTo('retry@example.test')
    expect(pending?.status).toBe('queued')
    await eventually(async () => to('retry@example.test').length === 1, 90_000)
    const [sent] = await messagesTo('retry@example.test')
    expect(sent?.status).toBe('sent')
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(to('retry@example.test')).toHaveLength(1)
  }, 120_000)

  it('has no dev mailbox when SMTP is configured', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/dev/mailbox' })).statusCode).toBe(404)
  })

  it('refuses data that does not fit the template before anything is stored', async () => {
    const bad: QueuedMail = {
      to: 'bad-data@example.test',
      template: 'password-reset',
      data: { recipientName: 'A', url: 'javascript:alert(1)' },
      locale: 'es',
    }
    await expect(queue(bad)).rejects.toMatchObject({ code: 'unprocessable' })
    expect(await messagesTo('bad-data@example.test')).toHaveLength(0)
  })

  it('refuses an invalid recipient with a 422 field error', async () => {
    await expect(queue(notification('not an address'))).rejects.toMatchObject({ code: 'unprocessable' })
  })
})

describe('open and click tracking', () => {
  const htmlOf = async (address: string) => {
    await eventually(async () => to(address).length === 1)
    return parseRawMail(to(address)[0]!.raw).parts.get('text/html')!
  }
  const unescapeHtml = (url: string) => url.replaceAll('&amp;', '&')
  const path = (url: string) => {
    const parsed = new URL(unescapeHtml(url))
    return `${parsed.pathname}${parsed.search}`
  }
  const api = () => as(t.app, null)

  it('is off by default: a mail asking for tracking gets plain links and no pixel', async () => {
    await queue(notification('untracked@example.test', { track: true }))
    const html = await htmlOf('untracked@example.test')
    expect(html).not.toContain('/api/mail/open/')
    expect(html).not.toContain('/api/mail/click')
  }, 30_000)

  it('records opens and clicks through signed URLs when the org turns it on', async () => {
    await withOrg(t.database.db, org.id, (tx) =>
      tx.insert(orgMailSettings).values({ orgId: org.id, trackingEnabled: true }),
    )
    await queue(notification('tracked@example.test', { track: true }))
    const html = await htmlOf('tracked@example.test')
    const pixel = /src="([^"]*\/api\/mail\/open\/[^"]+)"/.exec(html)?.[1]
    const click = /href="([^"]*\/api\/mail\/click\?[^"]+)"/.exec(html)?.[1]
    expect(pixel).toBeDefined()
    expect(click).toBeDefined()

    const opened = await api()({ method: 'GET', url: path(pixel!) })
    expect(opened.statusCode).toBe(200)
    expect(opened.headers['content-type']).toBe('image/gif')
    const clicked = await api()({ method: 'GET', url: path(click!) })
    expect(clicked.statusCode).toBe(302)
    expect(clicked.headers.location).toBe('http://localhost:3000/o/x/assemblies')

    const [row] = await messagesTo('tracked@example.test')
    expect(row).toMatchObject({ tracked: true, openCount: 1, clickCount: 1 })
    const events = await withOrg(t.database.db, org.id, (tx) =>
      tx
        .select({ kind: mailTrackingEvents.kind, url: mailTrackingEvents.url })
        .from(mailTrackingEvents)
        .where(and(eq(mailTrackingEvents.orgId, org.id), eq(mailTrackingEvents.messageId, row!.id)))
        .orderBy(mailTrackingEvents.occurredAt),
    )
    expect(events).toEqual([
      { kind: 'open', url: null },
      { kind: 'click', url: 'http://localhost:3000/o/x/assemblies' },
    ])
  }, 30_000)

  it('refuses tampered and foreign links with 400, never redirecting', async () => {
    const [row] = await messagesTo('tracked@example.test')
    const secret = t.app.platform.config.authSecret
    const link = (u: string, s: string) =>
      `/api/mail/click?${new URLSearchParams({ o: org.id, m: row!.id, u, s }).toString()}`
    const good = sign(secret, ['click', org.id, row!.id, 'http://localhost:3000/o/x/assemblies'])
    // Same signature, different destination.
    const foreign = await api()({ method: 'GET', url: link('https://evil.example/phish', good) })
    expect(foreign.statusCode).toBe(400)
    expect(foreign.headers.location).toBeUndefined()
    expect(foreign.headers['content-type']).toMatch(/application\/problem\+json/)
    // Signed with another secret.
    const other = sign('some-other-secret-value', ['click', org.id, row!.id, 'https://evil.example/phish'])
    expect((await api()({ method: 'GET', url: link('https://evil.example/phish', other) })).statusCode).toBe(
      400,
    )
    // Even correctly signed, a non-http destination is refused.
    const js = sign(secret, ['click', org.id, row!.id, 'javascript:alert(1)'])
    expect((await api()({ method: 'GET', url: link('javascript:alert(1)', js) })).statusCode).toBe(400)
    // A pixel for another message id with this message's signature.
    const pixelSig = sign(secret, ['open', org.id, row!.id])
    const wrongPixel = await api()({
      method: 'GET',
      url: `/api/mail/open/${org.id}/${crypto.randomUUID()}/${pixelSig}.gif`,
    })
    expect(wrongPixel.statusCode).toBe(400)
    const [after] = await messagesTo('tracked@example.test')
    expect(after).toMatchObject({ openCount: 1, clickCount: 1 })
    const count = await t.database.db.execute(sql`select count(*)::int as n from mail_tracking_events`)
    expect(count.rows[0]).toEqual({ n: 2 })
  }, 30_000)
})
