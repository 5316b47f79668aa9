import { describe, expect, it } from 'vitest'
import {
  assertProxyCovers,
  DEFAULT_PROXY_POLICY,
  maxProxiesHeld,
  type ProxyGrant,
  proxyCovers,
  resolveSeatVoter,
  revokeProxy,
  seatsRepresentedBy,
  validateProxyGrant,
} from '../proxies.ts'
import { expectCode } from './building-fixture.ts'

const whole = { kind: 'whole-assembly' } as const
const poder = (
  proxyId: string,
  grantorSeatId: string,
  holderId: string,
  scope: ProxyGrant['scope'] = whole,
): ProxyGrant => ({
  proxyId,
  grantorSeatId,
  holderId,
  scope,
  revokedAt: null,
})
const capTwo = { ...DEFAULT_PROXY_POLICY, maxProxiesPerHolder: 2 }

describe('granting a poder', () => {
  it('accepts any person, including a tenant, when nothing bars them', () => {
    expect(() =>
      validateProxyGrant(poder('p1', 'apt-101', 'tenant-ana'), {
        policy: capTwo,
        holderRoles: [],
        existing: [],
      }),
    ).not.toThrow()
  })

  it('bars the administrator, council members and staff', () => {
    for (const role of ['administrator', 'council-member', 'staff'] as const) {
      expectCode(
        () =>
          validateProxyGrant(poder('p1', 'apt-101', 'x'), {
            policy: capTwo,
            holderRoles: [role],
            existing: [],
          }),
        'PROXY_BARRED_HOLDER',
      )
    }
  })

  it('a building may narrow the barred roles', () => {
    const policy = { maxProxiesPerHolder: null, barredRoles: ['administrator'] as const }
    expect(() =>
      validateProxyGrant(poder('p1', 'apt-101', 'x'), {
        policy,
        holderRoles: ['council-member'],
        existing: [],
      }),
    ).not.toThrow()
  })

  it('enforces the per-holder cap from the reglamento, ignoring revoked poderes', () => {
    const existing = [poder('p1', 'apt-101', 'luis'), poder('p2', 'apt-102', 'luis')]
    expectCode(
      () => validateProxyGrant(poder('p3', 'apt-201', 'luis'), { policy: capTwo, holderRoles: [], existing }),
      'PROXY_CAP_EXCEEDED',
    )
    const afterRevocation = [revokeProxy(existing[0]!, '2026-03-01T10:00:00Z'), existing[1]!]
    expect(() =>
      validateProxyGrant(poder('p3', 'apt-201', 'luis'), {
        policy: capTwo,
        holderRoles: [],
        existing: afterRevocation,
      }),
    ).not.toThrow()
  })

  it('one representative per unit: a second poder in force for an overlapping scope is refused', () => {
    const existing = [poder('p1', 'apt-101', 'luis', { kind: 'agenda-items', agendaItemIds: ['budget'] })]
    const context = { policy: capTwo, holderRoles: [], existing }
    expectCode(
      () =>
        validateProxyGrant(
          poder('p2', 'apt-101', 'eva', { kind: 'agenda-items', agendaItemIds: ['budget'] }),
          context,
        ),
      'PROXY_ALREADY_GRANTED',
    )
    expect(() =>
      validateProxyGrant(
        poder('p2', 'apt-101', 'eva', { kind: 'agenda-items', agendaItemIds: ['council'] }),
        context,
      ),
    ).not.toThrow()
  })

  it('refuses malformed or already revoked poderes, and a second revocation', () => {
    const context = { policy: capTwo, holderRoles: [], existing: [] }
    expectCode(() => validateProxyGrant(poder('p1', 'apt-101', ''), context), 'INVALID_INPUT')
    expectCode(
      () =>
        validateProxyGrant(poder('p1', 'apt-101', 'x', { kind: 'agenda-items', agendaItemIds: [] }), context),
      'INVALID_INPUT',
    )
    const revoked = revokeProxy(poder('p1', 'apt-101', 'x'), '2026-03-01T10:00:00Z')
    expectCode(() => validateProxyGrant(revoked, context), 'PROXY_REVOKED')
    expectCode(() => revokeProxy(revoked, '2026-03-01T11:00:00Z'), 'PROXY_REVOKED')
  })
})

describe('who votes for which seat', () => {
  const proxies = [
    poder('p1', 'apt-102', 'ana'),
    poder('p2', 'apt-201', 'ana', { kind: 'agenda-items', agendaItemIds: ['budget'] }),
    revokeProxy(poder('p3', 'apt-202', 'ana'), '2026-03-01T09:00:00Z'),
  ]

  it('a holder votes for her own unit and for each represented unit in scope', () => {
    expect(seatsRepresentedBy('ana', ['apt-101'], proxies, 'budget')).toEqual([
      { seatId: 'apt-101', via: 'holder', proxyId: null },
      { seatId: 'apt-102', via: 'proxy', proxyId: 'p1' },
      { seatId: 'apt-201', via: 'proxy', proxyId: 'p2' },
    ])
    expect(seatsRepresentedBy('ana', ['apt-101'], proxies, 'council').map((r) => r.seatId)).toEqual([
      'apt-101',
      'apt-102',
    ])
  })

  it('the representative in person takes precedence over the poder', () => {
    expect(resolveSeatVoter('apt-102', 'owner-102', true, proxies)).toEqual({
      voterId: 'owner-102',
      via: 'holder',
      proxyId: null,
    })
    expect(resolveSeatVoter('apt-102', 'owner-102', false, proxies)).toEqual({
      voterId: 'ana',
      via: 'proxy',
      proxyId: 'p1',
    })
    expect(resolveSeatVoter('apt-202', 'owner-202', false, proxies)).toBeNull()
  })

  it('scope and revocation are enforced when voting', () => {
    expect(proxyCovers(proxies[1]!, 'council')).toBe(false)
    expectCode(() => assertProxyCovers(proxies[1]!, 'council'), 'PROXY_OUT_OF_SCOPE')
    expectCode(() => assertProxyCovers(proxies[2]!, 'budget'), 'PROXY_REVOKED')
    expect(() => assertProxyCovers(proxies[1]!, 'budget')).not.toThrow()
  })

  it('reports the most seats one person carries by proxy', () => {
    expect(maxProxiesHeld(proxies, 'budget')).toBe(2)
    expect(maxProxiesHeld(proxies)).toBe(1)
  })
})
