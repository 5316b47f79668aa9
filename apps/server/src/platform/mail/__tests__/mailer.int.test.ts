import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMailer } from '../mailer.ts'

type Received = { from: string; to: string[]; raw: string }
const received: Received[] = []
let server: SMTPServer
let port: number

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = ''
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8')
      })
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('mailer', () => {
  it('delivers over SMTP when SMTP_URL is set', async () => {
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'Minga <no-reply@minga.test>',
      mailboxDir: undefined,
    })
    await mailer.send({ to: 'ana@example.test', subject: 'Confirma tu correo', text: 'Hola Ana, ñandú' })
    expect(received).toHaveLength(1)
    expect(received[0]!.from).toBe('no-reply@minga.test')
    expect(received[0]!.to).toEqual(['ana@example.test'])
    expect(received[0]!.raw).toMatch(/Subject: Confirma tu correo/)
    expect(mailer.sent()).toEqual([])
  })

  it('keeps mail in the dev mailbox when no SMTP server is configured', async () => {
    const mailer = createMailer({
      smtpUrl: undefined,
      from: 'Minga <no-reply@minga.test>',
      mailboxDir: undefined,
    })
    await mailer.send({ to: 'beto@example.test', subject: 'Hola', text: 'Texto' })
    expect(mailer.sent()).toMatchObject([
      { to: 'beto@example.test', subject: 'Hola', from: 'Minga <no-reply@minga.test>' },
    ])
  })
})
