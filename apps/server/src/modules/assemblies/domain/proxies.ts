import { AssemblyRuleError } from './errors.ts'
import { compareIds } from './quorum.ts'

/** A poder: the grantor seat lets a holder vote for it, for the whole assembly or some agenda items. */
export interface ProxyGrant {
  readonly proxyId: string
  readonly grantorSeatId: string
  /** Any person, including a tenant (Ley 675 practice); the register keeps the document hash elsewhere. */
  readonly holderId: string
  readonly scope: ProxyScope
  /** ISO instant of revocation, or null while in force. */
  readonly revokedAt: string | null
}

export type ProxyScope =
  | { readonly kind: 'whole-assembly' }
  | { readonly kind: 'agenda-items'; readonly agendaItemIds: readonly string[] }

/** Roles that cannot represent others (administrator, council members, staff: by analogy with commercial law). */
export type BarredRole = 'administrator' | 'council-member' | 'staff'

export const DEFAULT_BARRED_ROLES: readonly BarredRole[] = ['administrator', 'council-member', 'staff']

/** Per-building configuration: any cap on proxies comes from the reglamento, not from the law. */
export interface ProxyPolicy {
  /** Most grantor seats one holder may represent by proxy at once; null means no cap. */
  readonly maxProxiesPerHolder: number | null
  readonly barredRoles: readonly BarredRole[]
}

export const DEFAULT_PROXY_POLICY: ProxyPolicy = {
  maxProxiesPerHolder: null,
  barredRoles: DEFAULT_BARRED_ROLES,
}

export function isProxyInForce(proxy: ProxyGrant): boolean {
  return proxy.revokedAt === null
}

/** In force and covering the agenda item (or the assembly itself when no item is given). */
export function proxyCovers(proxy: ProxyGrant, agendaItemId?: string): boolean {
  if (!isProxyInForce(proxy)) return false
  if (proxy.scope.kind === 'whole-assembly') return true
  return agendaItemId !== undefined && proxy.scope.agendaItemIds.includes(agendaItemId)
}

function scopesOverlap(a: ProxyScope, b: ProxyScope): boolean {
  if (a.kind === 'whole-assembly' || b.kind === 'whole-assembly') return true
  return a.agendaItemIds.some((id) => b.agendaItemIds.includes(id))
}

export interface ProxyGrantContext {
  readonly policy: ProxyPolicy
  /** Roles the holder has in this organization now. */
  readonly holderRoles: readonly BarredRole[]
  /** Every proxy already registered for this assembly (revoked ones are ignored). */
  readonly existing: readonly ProxyGrant[]
}

/**
 * Checks a new poder before it is registered: well-formed, holder not barred, the grantor has no other poder
 * in force for an overlapping scope (one representative per unit), and the holder stays under the cap.
 */
export function validateProxyGrant(proxy: ProxyGrant, context: ProxyGrantContext): void {
  if (proxy.proxyId === '' || proxy.grantorSeatId === '' || proxy.holderId === '') {
    throw new AssemblyRuleError('INVALID_INPUT', 'a proxy needs an id, a grantor seat and a holder')
  }
  if (proxy.scope.kind === 'agenda-items' && proxy.scope.agendaItemIds.length === 0) {
    throw new AssemblyRuleError(
      'INVALID_INPUT',
      'a proxy limited to agenda items must name at least one item',
    )
  }
  if (proxy.revokedAt !== null) {
    throw new AssemblyRuleError('PROXY_REVOKED', `proxy ${proxy.proxyId} is already revoked`)
  }
  const barred = context.holderRoles.filter((role) => context.policy.barredRoles.includes(role))
  if (barred.length > 0) {
    throw new AssemblyRuleError(
      'PROXY_BARRED_HOLDER',
      `holder ${proxy.holderId} cannot represent other units: ${barred.join(', ')}`,
      { holderId: proxy.holderId, roles: barred },
    )
  }
  const inForce = context.existing.filter((p) => isProxyInForce(p) && p.proxyId !== proxy.proxyId)
  const clash = inForce.find(
    (p) => p.grantorSeatId === proxy.grantorSeatId && scopesOverlap(p.scope, proxy.scope),
  )
  if (clash !== undefined) {
    throw new AssemblyRuleError(
      'PROXY_ALREADY_GRANTED',
      `seat ${proxy.grantorSeatId} already has proxy ${clash.proxyId} in force for an overlapping scope; revoke it first`,
      { grantorSeatId: proxy.grantorSeatId, proxyId: clash.proxyId },
    )
  }
  const cap = context.policy.maxProxiesPerHolder
  if (cap !== null) {
    const held = new Set(inForce.filter((p) => p.holderId === proxy.holderId).map((p) => p.grantorSeatId))
    held.add(proxy.grantorSeatId)
    if (held.size > cap) {
      throw new AssemblyRuleError(
        'PROXY_CAP_EXCEEDED',
        `holder ${proxy.holderId} would represent ${held.size} units by proxy; the reglamento allows ${cap}`,
        { holderId: proxy.holderId, held: held.size, cap },
      )
    }
  }
}

/** A revoked copy; revoking twice is refused so the audit log shows one revocation. */
export function revokeProxy(proxy: ProxyGrant, at: string): ProxyGrant {
  if (proxy.revokedAt !== null) {
    throw new AssemblyRuleError(
      'PROXY_REVOKED',
      `proxy ${proxy.proxyId} was already revoked at ${proxy.revokedAt}`,
    )
  }
  return { ...proxy, revokedAt: at }
}

export interface Representation {
  readonly seatId: string
  readonly via: 'holder' | 'proxy'
  readonly proxyId: string | null
}

/**
 * The seats a person votes for on an agenda item: the seats where they are the voting representative,
 * plus every seat whose poder in force covers the item (a holder votes for each represented unit).
 * A seat whose own representative is named here is not also counted through a proxy.
 */
export function seatsRepresentedBy(
  personId: string,
  ownSeatIds: readonly string[],
  proxies: readonly ProxyGrant[],
  agendaItemId?: string,
): Representation[] {
  const result = new Map<string, Representation>()
  for (const seatId of ownSeatIds) result.set(seatId, { seatId, via: 'holder', proxyId: null })
  for (const proxy of proxies) {
    if (proxy.holderId !== personId || !proxyCovers(proxy, agendaItemId)) continue
    if (!result.has(proxy.grantorSeatId)) {
      result.set(proxy.grantorSeatId, { seatId: proxy.grantorSeatId, via: 'proxy', proxyId: proxy.proxyId })
    }
  }
  return [...result.values()].sort((a, b) => compareIds(a.seatId, b.seatId))
}

/**
 * Who may vote for a seat on an agenda item when the seat's own representative is present or not:
 * the representative in person takes precedence; otherwise the poder in force that covers the item.
 */
export function resolveSeatVoter(
  seatId: string,
  representativeId: string | null,
  representativePresent: boolean,
  proxies: readonly ProxyGrant[],
  agendaItemId?: string,
): { readonly voterId: string; readonly via: 'holder' | 'proxy'; readonly proxyId: string | null } | null {
  if (representativeId !== null && representativePresent) {
    return { voterId: representativeId, via: 'holder', proxyId: null }
  }
  const proxy = proxies.find((p) => p.grantorSeatId === seatId && proxyCovers(p, agendaItemId))
  return proxy === undefined ? null : { voterId: proxy.holderId, via: 'proxy', proxyId: proxy.proxyId }
}

/** Throws PROXY_OUT_OF_SCOPE when a holder tries to vote for a seat the poder does not cover. */
export function assertProxyCovers(proxy: ProxyGrant, agendaItemId: string): void {
  if (!isProxyInForce(proxy)) {
    throw new AssemblyRuleError('PROXY_REVOKED', `proxy ${proxy.proxyId} was revoked at ${proxy.revokedAt}`)
  }
  if (!proxyCovers(proxy, agendaItemId)) {
    throw new AssemblyRuleError(
      'PROXY_OUT_OF_SCOPE',
      `proxy ${proxy.proxyId} for seat ${proxy.grantorSeatId} does not cover agenda item ${agendaItemId}`,
      { proxyId: proxy.proxyId, agendaItemId },
    )
  }
}

/** Largest number of seats one person carries by proxy (the "max proxies held" of the scorecard). */
export function maxProxiesHeld(proxies: readonly ProxyGrant[], agendaItemId?: string): number {
  const perHolder = new Map<string, Set<string>>()
  for (const p of proxies) {
    if (!proxyCovers(p, agendaItemId)) continue
    const set = perHolder.get(p.holderId) ?? new Set<string>()
    set.add(p.grantorSeatId)
    perHolder.set(p.holderId, set)
  }
  let max = 0
  for (const set of perHolder.values()) max = Math.max(max, set.size)
  return max
}
