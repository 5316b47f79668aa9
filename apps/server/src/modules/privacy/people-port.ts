import type { ServiceContext } from '../../platform/service-context.ts'

/**
 * What privacy needs from the people module (its index.ts exports, per the issue 4 contracts). Held
 * behind this port so privacy's tests can observe the "reclamo en trámite" calls and so the module
 * compiles while people is built in parallel; `modules/index.ts` wires the real implementation.
 */
export type PersonSummaryForPrivacy = {
  id: string
  displayName: string
  documentType: string
  documentNumberMasked: string
  userId: string | null
}

export type PeoplePort = {
  getPersonSummary(ctx: ServiceContext, personId: string): Promise<PersonSummaryForPrivacy | null>
  setClaimInProgress(ctx: ServiceContext, personId: string, inProgress: boolean): Promise<void>
  exportPersonData(ctx: ServiceContext, personId: string): Promise<Record<string, unknown>>
  anonymizePerson(ctx: ServiceContext, personId: string, reason: string): Promise<void>
  /** The person record linked to a member's account (their own "Mis datos"). */
  findPersonIdByUser(ctx: ServiceContext, userId: string): Promise<string | null>
}

let port: PeoplePort | null = null

export function usePeoplePort(implementation: PeoplePort) {
  port = implementation
}

export function people(): PeoplePort {
  if (!port) throw new Error('privacy: the people module is not wired (usePeoplePort)')
  return port
}
