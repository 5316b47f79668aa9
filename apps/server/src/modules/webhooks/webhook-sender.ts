import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { Webhook } from 'standardwebhooks'
import { isForbiddenAddress, parseWebhookUrl, type UrlPolicy } from './url-guard.ts'

export const DELIVERY_TIMEOUT_MS = 10_000
export const RESPONSE_EXCERPT_BYTES = 2048

export type SendResult = {
  statusCode: number | null
  durationMs: number
  responseBody: string | null
  error: string | null
  ok: boolean
}

/** Standard Webhooks headers for one message: `webhook-signature` is `v1,<base64 HMAC-SHA256(id.timestamp.body)>`. */
export function signedHeaders(secret: string, messageId: string, body: string, at: Date) {
  const signature = new Webhook(secret).sign(messageId, at, body)
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signature,
  }
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void

/**
 * A DNS lookup that refuses forbidden addresses at connect time: the address checked is the
 * address connected to, so a host that re-resolves to 127.0.0.1 after registration (DNS
 * rebinding) is still refused.
 */
function guardedLookup(policy: UrlPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, [])
      const list = addresses as LookupAddress[]
      const forbidden = !policy.allowPrivate && list.find((a) => isForbiddenAddress(a.address))
      if (forbidden) {
        const refused = new Error(`Refused to connect to ${forbidden.address}: not a public address`)
        return callback(refused as NodeJS.ErrnoException, [])
      }
      const first = list[0]
      if (!first) return callback(new Error(`No address for ${hostname}`) as NodeJS.ErrnoException, [])
      if (options.all) return callback(null, list)
      callback(null, first.address, first.family)
    })
  }
}

/**
 * POSTs one signed message. Never follows redirects (a 3xx is a failed attempt), gives up after
 * `timeoutMs`, keeps only the first 2 KB of the response.
 */
export function sendWebhook(input: {
  url: string
  secret: string
  messageId: string
  body: string
  policy: UrlPolicy
  timeoutMs?: number
}): Promise<SendResult> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  const parsed = parseWebhookUrl(input.url, input.policy)
  if (!parsed.ok) {
    return Promise.resolve({
      statusCode: null,
      durationMs: 0,
      responseBody: null,
      error: parsed.message,
      ok: false,
    })
  }
  const url = parsed.url
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Minga-Webhooks/1.0',
    'content-length': String(Buffer.byteLength(input.body)),
    ...signedHeaders(input.secret, input.messageId, input.body, new Date()),
  }
  const client = url.protocol === 'https:' ? https : http
  return new Promise<SendResult>((resolve) => {
    let settled = false
    const finish = (result: Omit<SendResult, 'durationMs' | 'ok'>) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300
      resolve({ ...result, durationMs: elapsed(), ok })
    }
    const request = client.request(
      url,
      { method: 'POST', headers, lookup: guardedLookup(input.policy) as never, agent: false },
      (response) => {
        const chunks: Buffer[] = []
        let size = 0
        const done = () => {
          const statusCode = response.statusCode ?? null
          const text = Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8')
          const redirect = statusCode !== null && statusCode >= 300 && statusCode < 400
          finish({
            statusCode,
            responseBody: text,
            error: redirect ? 'Redirects are not followed' : null,
          })
          response.destroy()
        }
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk)
          size += chunk.length
          if (size >= RESPONSE_EXCERPT_BYTES) done()
        })
        response.on('end', done)
        response.on('error', done)
      },
    )
    const timer = setTimeout(() => {
      finish({
        statusCode: null,
        responseBody: null,
        error: `Timed out after ${input.timeoutMs ?? DELIVERY_TIMEOUT_MS} ms`,
      })
      request.destroy()
    }, input.timeoutMs ?? DELIVERY_TIMEOUT_MS)
    request.on('error', (err) => finish({ statusCode: null, responseBody: null, error: err.message }))
    request.end(input.body)
  })
}
