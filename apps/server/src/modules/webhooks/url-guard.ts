import type { LookupAddress } from 'node:dns'
import { lookup } from 'node:dns/promises'
import ipaddr from 'ipaddr.js'

/**
 * Server-side request forgery guard: a webhook may only reach public unicast addresses, unless the
 * deployment allows private targets (MINGA_WEBHOOKS_ALLOW_PRIVATE, for development and tests).
 */
export type UrlPolicy = { allowPrivate: boolean }

export type UrlCheck = { ok: true; url: URL } | { ok: false; message: string }

const DNS_TIMEOUT_MS = 5000

/** True for every address that is not public unicast: loopback, private, link-local (cloud metadata), CGNAT, multicast, reserved… */
export function isForbiddenAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true
  let parsed = ipaddr.parse(address)
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address()
  }
  return parsed.range() !== 'unicast'
}

/** The host of a URL without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1')
}

/** Syntax and scheme only (no DNS): used by both registration and delivery. */
export function parseWebhookUrl(raw: string, policy: UrlPolicy): UrlCheck {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { ok: false, message: 'Enter a valid absolute URL, such as https://example.com/hooks' }
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowPrivate)) {
    return { ok: false, message: 'The URL must use https://' }
  }
  if (url.username || url.password) {
    return { ok: false, message: 'The URL must not contain a user name or password' }
  }
  if (!url.hostname) return { ok: false, message: 'The URL has no host' }
  const host = hostOf(url)
  if (ipaddr.isValid(host) && !policy.allowPrivate && isForbiddenAddress(host)) {
    return { ok: false, message: 'The URL points to a private, loopback or reserved address' }
  }
  return { ok: true, url }
}

async function resolveAll(host: string): Promise<LookupAddress[]> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('DNS lookup timed out')), DNS_TIMEOUT_MS)
  })
  try {
    return await Promise.race([lookup(host, { all: true, verbatim: true }), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Full check at registration: syntax, scheme, and every address the host resolves to. An
 * unresolvable host is refused too (a typo would otherwise fail silently for a day of retries).
 */
export async function checkWebhookUrl(raw: string, policy: UrlPolicy): Promise<UrlCheck> {
  const parsed = parseWebhookUrl(raw, policy)
  if (!parsed.ok) return parsed
  const host = hostOf(parsed.url)
  if (ipaddr.isValid(host)) return parsed
  let addresses: LookupAddress[]
  try {
    addresses = await resolveAll(host)
  } catch {
    return { ok: false, message: `The host ${host} could not be resolved` }
  }
  if (addresses.length === 0) return { ok: false, message: `The host ${host} could not be resolved` }
  if (!policy.allowPrivate && addresses.some((a) => isForbiddenAddress(a.address))) {
    return { ok: false, message: 'The URL resolves to a private, loopback or reserved address' }
  }
  return parsed
}
