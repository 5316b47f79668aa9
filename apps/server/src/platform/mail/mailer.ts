import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import nodemailer from 'nodemailer'
import { uuidv7 } from 'uuidv7'

export type MailMessage = {
  to: string
  subject: string
  text: string
  html?: string
  /** `<id@host>`; queued mail sets it so a retried send carries the same Message-ID. */
  messageId?: string
}
export type StoredMail = MailMessage & { id: string; from: string; sentAt: string }

/** Sends mail. Never call it inside a database transaction: it may take a while, and it must not roll back with it. */
export type Mailer = {
  send(message: MailMessage): Promise<void>
  /** The dev mailbox's messages, newest first (empty for SMTP). */
  sent(): StoredMail[]
}

/**
 * SMTP when `smtpUrl` is set; otherwise the dev mailbox: messages are kept in memory for the dev
 * page and tests, and written as JSON under `<dataDir>/mailbox/` so they survive a restart.
 */
export function createMailer(options: {
  smtpUrl: string | undefined
  from: string
  mailboxDir: string | undefined
}): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl)
    return {
      async send(message) {
        await transport.sendMail({ from: options.from, ...message })
      },
      sent: () => [],
    }
  }
  const mailbox: StoredMail[] = []
  return {
    async send(message) {
      const stored: StoredMail = {
        id: uuidv7(),
        from: options.from,
        sentAt: new Date().toISOString(),
        ...message,
      }
      mailbox.unshift(stored)
      if (mailbox.length > 500) mailbox.pop()
      if (options.mailboxDir) {
        mkdirSync(options.mailboxDir, { recursive: true })
        writeFileSync(join(options.mailboxDir, `${stored.id}.json`), JSON.stringify(stored, null, 2))
      }
    },
    sent: () => [...mailbox],
  }
}
