import type { AssemblyProxy, CreateAssemblyProxy, RevokeAssemblyProxy } from '@minga/contracts'
import { listAssignments } from '../../platform/access/access.service.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { notFound } from '../../platform/http/app-error.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { findMembership } from '../../platform/tenancy/tenancy.repository.ts'
import { proxyPolicyOf } from './assemblies.mapping.ts'
import * as repo from './assemblies.repository.ts'
import { assemblyOr404 } from './assemblies.service.ts'
import { appendLog } from './assembly-log.ts'
import { type BarredRole, type ProxyGrant, validateProxyGrant } from './domain/index.ts'
import { presenceOf } from './quorum.service.ts'
import { conflict, rule, unprocessable } from './rule-errors.ts'

/** Role keys of the housing templates that make a member a council member or an administrator. */
const COUNCIL_ROLE_KEYS = new Set(['consejo'])
const ADMIN_ROLE_KEYS = new Set(['admin'])

/**
 * The barred roles a holder has: those declared on the poder (e.g. staff, which membership cannot show)
 * plus, when the holder is a member, `administrator` for org owners/admins and the `admin` role, and
 * `council-member` for the `consejo` role.
 */
export async function holderRolesOf(
  ctx: ServiceContext,
  declared: readonly BarredRole[],
  userId: string | null,
) {
  const roles = new Set<BarredRole>(declared)
  if (userId !== null) {
    const membership = await findMembership(ctx.db, ctx.orgId, userId)
    if (!membership)
      throw unprocessable('body.holderUserId', 'The holder is not a member of this organization')
    if (membership.role === 'owner' || membership.role === 'admin') roles.add('administrator')
    for (const a of (await listAssignments(ctx, userId)).items) {
      if (a.roleKey && COUNCIL_ROLE_KEYS.has(a.roleKey)) roles.add('council-member')
      if (a.roleKey && ADMIN_ROLE_KEYS.has(a.roleKey)) roles.add('administrator')
    }
  }
  return [...roles].sort()
}

/** The person a poder names: the member's user id, else the identity document. */
export const holderIdentity = (p: { holderUserId: string | null; holderDocument: string }) =>
  p.holderUserId ?? `doc:${p.holderDocument.replace(/[\s.-]/g, '').toUpperCase()}`

export const toProxyGrant = (p: repo.ProxyRow): ProxyGrant => ({
  proxyId: p.id,
  grantorSeatId: p.grantorUnitId,
  holderId: holderIdentity(p),
  scope: p.scope,
  revokedAt: p.revokedAt?.toISOString() ?? null,
})

export function toProxyDto(p: repo.ProxyRow, unitCode: string): AssemblyProxy {
  return {
    id: p.id,
    assemblyId: p.assemblyId,
    grantorUnitId: p.grantorUnitId,
    grantorUnitCode: unitCode,
    holderName: p.holderName,
    holderDocument: p.holderDocument,
    holderUserId: p.holderUserId,
    holderRoles: p.holderRoles as BarredRole[],
    scope: p.scope,
    documentRef: p.documentRef,
    grantedAt: p.grantedAt.toISOString(),
    revokedAt: p.revokedAt?.toISOString() ?? null,
    revokedReason: p.revokedReason,
  }
}

async function unitCodes(ctx: ServiceContext, assemblyId: string) {
  return new Map((await repo.listElectorateSnapshot(ctx, assemblyId)).map((s) => [s.unitId, s.code]))
}

export async function listProxies(ctx: ServiceContext, id: string) {
  await assemblyOr404(ctx, id)
  const codes = await unitCodes(ctx, id)
  return {
    items: (await repo.listProxies(ctx, id)).map((p) => toProxyDto(p, codes.get(p.grantorUnitId) ?? '')),
  }
}

/** Registers a poder: grantor in the electorate, scope on this agenda, policy checks of the domain. */
export async function grantProxy(ctx: ServiceContext, id: string, input: CreateAssemblyProxy) {
  const row = await assemblyOr404(ctx, id, true)
  if (row.status !== 'convened' && row.status !== 'in_session') {
    throw conflict(`The assembly is ${row.status}; poderes are registered once convened and until it closes`)
  }
  const codes = await unitCodes(ctx, id)
  const unitCode = codes.get(input.grantorUnitId)
  if (unitCode === undefined)
    throw unprocessable('body.grantorUnitId', 'This unit is not in the assembly electorate')
  if (input.scope.kind === 'agenda-items') {
    const agenda = new Set((await repo.listAgenda(ctx, id)).map((a) => a.id))
    const unknown = input.scope.agendaItemIds.find((itemId) => !agenda.has(itemId))
    if (unknown)
      throw unprocessable('body.scope.agendaItemIds', `Agenda item ${unknown} is not on this agenda`)
  }
  const holderUserId = input.holderUserId ?? null
  const holderRoles = await holderRolesOf(ctx, input.holderRoles, holderUserId)
  const existing = await repo.listProxies(ctx, id)
  const candidate = {
    holderUserId,
    holderDocument: input.holderDocument,
  }
  rule(() =>
    validateProxyGrant(
      {
        proxyId: 'new',
        grantorSeatId: input.grantorUnitId,
        holderId: holderIdentity(candidate),
        scope: input.scope,
        revokedAt: null,
      },
      { policy: proxyPolicyOf(row), holderRoles, existing: existing.map(toProxyGrant) },
    ),
  )
  const proxy = await repo.insertProxy(ctx, {
    assemblyId: id,
    grantorUnitId: input.grantorUnitId,
    holderName: input.holderName,
    holderDocument: input.holderDocument,
    holderUserId,
    holderRoles,
    scope: input.scope,
    documentRef: input.documentRef ?? null,
    grantedBy: ctx.actor.userId,
    grantedAt: ctx.now,
  })
  // The log names the holder but not their identity document (members read the log).
  await appendLog(ctx, id, 'proxy.granted', {
    proxyId: proxy.id,
    grantorUnitId: proxy.grantorUnitId,
    unitCode,
    holderName: proxy.holderName,
    scope: proxy.scope,
  })
  await recordAudit(ctx, {
    action: 'assembly.proxy_granted',
    entityType: 'assembly_proxy',
    entityId: proxy.id,
    after: {
      assemblyId: id,
      grantorUnitId: proxy.grantorUnitId,
      holderName: proxy.holderName,
      scope: proxy.scope,
    },
  })
  return toProxyDto(proxy, unitCode)
}

export async function revokeProxy(ctx: ServiceContext, proxyId: string, input: RevokeAssemblyProxy) {
  const found = await repo.findProxy(ctx, proxyId)
  if (!found) throw notFound('Proxy')
  const row = await assemblyOr404(ctx, found.assemblyId, true)
  if (row.status === 'closed') throw conflict('The assembly is closed')
  if (found.revokedAt !== null) throw conflict('This proxy is already revoked')
  const present = presenceOf(await repo.listAttendance(ctx, row.id)).find(
    (p) => p.seatId === found.grantorUnitId,
  )
  const lastIn = (await repo.listAttendance(ctx, row.id))
    .filter((a) => a.unitId === found.grantorUnitId && a.kind === 'check-in')
    .at(-1)
  if (present?.via === 'proxy' && lastIn?.proxyId === found.id) {
    throw conflict('The unit is present through this proxy; check it out first')
  }
  const revoked = await repo.revokeProxy(ctx, proxyId, input.reason ?? null)
  if (!revoked) throw conflict('This proxy is already revoked')
  const codes = await unitCodes(ctx, row.id)
  await appendLog(ctx, row.id, 'proxy.revoked', {
    proxyId,
    grantorUnitId: found.grantorUnitId,
    unitCode: codes.get(found.grantorUnitId) ?? '',
    reason: input.reason ?? null,
  })
  await recordAudit(ctx, {
    action: 'assembly.proxy_revoked',
    entityType: 'assembly_proxy',
    entityId: proxyId,
    before: { revokedAt: null },
    after: { revokedAt: ctx.now.toISOString(), reason: input.reason ?? null },
  })
  return toProxyDto(revoked, codes.get(found.grantorUnitId) ?? '')
}
