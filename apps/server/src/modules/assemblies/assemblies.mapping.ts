import type { AgendaItem, Assembly } from '@minga/contracts'
import type { AgendaItemRow, AssemblyRow } from './assemblies.repository.ts'
import {
  type BarredRole,
  cooperativeQuorumRule,
  horizontalPropertyQuorumRule,
  type ProxyPolicy,
  type QuorumRule,
  writtenVoteQuorumRule,
} from './domain/index.ts'

export const toAgendaItemDto = (row: AgendaItemRow): AgendaItem => ({
  id: row.id,
  position: row.position,
  title: row.title,
  description: row.description,
})

export function toAssemblyDto(row: AssemblyRow, agenda: AgendaItemRow[]): Assembly {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    modality: row.modality,
    legalFramework: row.legalFramework,
    residential: row.residential,
    status: row.status,
    firstCallAt: row.firstCallAt.toISOString(),
    secondCallAt: row.secondCallAt?.toISOString() ?? null,
    noticeSentOn: row.noticeSentOn,
    noticeDays: row.noticeDays,
    noticeDayCount: row.noticeDayCount,
    proxyPolicy: proxyPolicyOf(row) as Assembly['proxyPolicy'],
    cooperative: row.cooperative ?? null,
    currentCall: row.currentCall,
    convenedAt: row.convenedAt?.toISOString() ?? null,
    startedAt: row.startedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    agenda: agenda.map(toAgendaItemDto),
    logHeadHash: row.logHead,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  }
}

export function proxyPolicyOf(row: AssemblyRow): ProxyPolicy {
  return {
    maxProxiesPerHolder: row.proxyPolicy.maxProxiesPerHolder,
    barredRoles: row.proxyPolicy.barredRoles as BarredRole[],
  }
}

/** The quorum rule of an assembly: written votes (art. 43), Ley 79 art. 31, or Ley 675 arts. 45/41. */
export function quorumRuleOf(row: AssemblyRow): QuorumRule {
  if (row.modality === 'written') return writtenVoteQuorumRule()
  if (row.legalFramework === 'cooperative') return cooperativeQuorumRule(row.cooperative ?? {})
  return horizontalPropertyQuorumRule()
}
