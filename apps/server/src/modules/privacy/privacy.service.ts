import type {
  AnswerDataRequest,
  ConsentEvent,
  CreateDataRequest,
  CreatePrivacyPolicy,
  CreatePrivacyPurpose,
  DataRequest,
  GrantConsent,
  PersonConsents,
  PrivacyPolicy,
  PrivacyPurpose,
  RevokeConsent,
} from '@minga/contracts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { bogotaDate, compareIsoDates } from '../../platform/calendar/index.ts'
import { recordEvent } from '../../platform/events/event-bus.ts'
import { AppError, notFound } from '../../platform/http/app-error.ts'
import { decodeCursor, toPage } from '../../platform/http/pagination.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { businessDaysLeft, extendedDueDate, initialDueDate } from './due-dates.ts'
import { people } from './people-port.ts'
import * as repo from './privacy.repository.ts'

export const PRIVACY_POLICY_PUBLISHED = 'privacy.policy_published'
export const PRIVACY_REQUEST_RECEIVED = 'privacy.request_received'
export const PRIVACY_REQUEST_CLOSED = 'privacy.request_closed'

const invalid = (path: string, message: string) => new AppError('unprocessable', message, [{ path, message }])
const conflict = (message: string) => new AppError('conflict', message)

// ---------- policies ----------

function toPolicyDto(row: repo.PolicyRow, currentId: string | null): PrivacyPolicy {
  return {
    id: row.id,
    version: row.version,
    text: row.text,
    effectiveDate: row.effectiveDate,
    published: row.published,
    current: row.id === currentId,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }
}

/** The current policy is the published one with the highest version: publishing a new one supersedes it. */
const currentPolicyId = (rows: repo.PolicyRow[]) =>
  rows.filter((r) => r.published).sort((a, b) => b.version - a.version)[0]?.id ?? null

export async function listPolicies(ctx: ServiceContext) {
  const rows = await repo.listPolicies(ctx)
  const current = currentPolicyId(rows)
  return { items: rows.map((r) => toPolicyDto(r, current)) }
}

export async function createPolicyDraft(ctx: ServiceContext, input: CreatePrivacyPolicy) {
  const row = await repo.insertPolicy(ctx, input)
  await recordAudit(ctx, {
    action: 'privacy.policy_drafted',
    entityType: 'privacy_policy',
    entityId: row.id,
    after: { version: row.version, effectiveDate: row.effectiveDate },
  })
  return toPolicyDto(row, currentPolicyId(await repo.listPolicies(ctx)))
}

export async function publishPolicy(ctx: ServiceContext, id: string) {
  const before = await repo.findPolicy(ctx, id)
  if (!before) throw notFound('Privacy policy')
  const published = await repo.markPolicyPublished(ctx, id)
  if (!published) throw conflict('This policy version is already published')
  const rows = await repo.listPolicies(ctx)
  const current = currentPolicyId(rows)
  if (current !== id) throw conflict('A newer policy version is already published')
  await recordAudit(ctx, {
    action: 'privacy.policy_published',
    entityType: 'privacy_policy',
    entityId: id,
    before: { published: false },
    after: { published: true, version: published.version, effectiveDate: published.effectiveDate },
  })
  await recordEvent(ctx, {
    type: PRIVACY_POLICY_PUBLISHED,
    entityId: id,
    payload: { policyId: id, version: published.version },
  })
  return toPolicyDto(published, current)
}

// ---------- purposes ----------

const toPurposeDto = (row: repo.PurposeRow): PrivacyPurpose => ({
  id: row.id,
  key: row.key,
  name: row.name,
  description: row.description,
})

export async function listPurposes(ctx: ServiceContext) {
  return { items: (await repo.listPurposes(ctx)).map(toPurposeDto) }
}

export async function createPurpose(ctx: ServiceContext, input: CreatePrivacyPurpose) {
  const row = await repo.insertPurpose(ctx, input)
  if (!row)
    throw new AppError('conflict', 'A purpose with this key already exists', [
      { path: 'body.key', message: 'Already in use' },
    ])
  await recordAudit(ctx, {
    action: 'privacy.purpose_created',
    entityType: 'privacy_purpose',
    entityId: row.id,
    after: { key: row.key, name: row.name },
  })
  return toPurposeDto(row)
}

// ---------- consents ----------

async function personOr422(ctx: ServiceContext, personId: string) {
  const person = await people().getPersonSummary(ctx, personId)
  if (!person) throw invalid('body.personId', 'Unknown person')
  return person
}

function pastInstant(ctx: ServiceContext, value: string | undefined, path: string): Date {
  if (value === undefined) return ctx.now
  const at = new Date(value)
  // A minute of slack for clocks; a consent or revocation cannot be recorded before it happened.
  if (at.getTime() > ctx.now.getTime() + 60_000) throw invalid(path, 'Cannot be in the future')
  return at
}

function toConsentDto(row: repo.ConsentEventRow, policyVersion: number | null): ConsentEvent {
  return {
    id: row.id,
    personId: row.personId,
    purposeId: row.purposeId,
    kind: row.kind,
    policyId: row.policyId,
    policyVersion,
    channel: row.channel,
    occurredAt: row.occurredAt.toISOString(),
    actorType: row.actorType,
    actorUserId: row.actorUserId,
    ip: row.ip,
    reason: row.reason,
  }
}

export async function personConsents(ctx: ServiceContext, personId: string): Promise<PersonConsents> {
  if (!(await people().getPersonSummary(ctx, personId))) throw notFound('Person')
  const history = (await repo.consentHistory(ctx, personId)).map((r) =>
    toConsentDto(r.event, r.policyVersion),
  )
  const latest = new Map<string, ConsentEvent>()
  for (const event of history) latest.set(event.purposeId, event)
  const current = [...latest.values()].map((e) => ({
    purposeId: e.purposeId,
    state: e.kind,
    since: e.occurredAt,
    policyVersion: e.policyVersion,
  }))
  return { personId, current, history }
}

export async function grantConsent(ctx: ServiceContext, input: GrantConsent) {
  const occurredAt = pastInstant(ctx, input.occurredAt, 'body.occurredAt')
  await personOr422(ctx, input.personId)
  if (!(await repo.findPurpose(ctx, input.purposeId))) throw invalid('body.purposeId', 'Unknown purpose')
  const policy = await repo.findPolicy(ctx, input.policyId)
  if (!policy) throw invalid('body.policyId', 'Unknown policy version')
  if (!policy.published) throw invalid('body.policyId', 'The policy version is not published')
  const row = await repo.insertConsentEvent(ctx, {
    personId: input.personId,
    purposeId: input.purposeId,
    kind: 'granted',
    policyId: policy.id,
    channel: input.channel,
    occurredAt,
    actorType: input.actorType,
    actorUserId: ctx.actor.userId,
    ip: ctx.ip,
    reason: null,
  })
  await recordAudit(ctx, {
    action: 'privacy.consent_granted',
    entityType: 'privacy_consent',
    entityId: row.id,
    after: {
      personId: row.personId,
      purposeId: row.purposeId,
      policyVersion: policy.version,
      channel: row.channel,
    },
  })
  return toConsentDto(row, policy.version)
}

export async function revokeConsent(ctx: ServiceContext, input: RevokeConsent) {
  const occurredAt = pastInstant(ctx, input.occurredAt, 'body.occurredAt')
  await personOr422(ctx, input.personId)
  if (!(await repo.findPurpose(ctx, input.purposeId))) throw invalid('body.purposeId', 'Unknown purpose')
  const { current } = await personConsents(ctx, input.personId)
  const state = current.find((c) => c.purposeId === input.purposeId)
  if (state?.state !== 'granted')
    throw invalid('body.purposeId', 'There is no granted consent for this purpose')
  if (occurredAt.getTime() < new Date(state.since).getTime())
    throw invalid('body.occurredAt', 'Cannot be before the consent was granted')
  const row = await repo.insertConsentEvent(ctx, {
    personId: input.personId,
    purposeId: input.purposeId,
    kind: 'revoked',
    policyId: null,
    channel: input.channel,
    occurredAt,
    actorType: input.actorType,
    actorUserId: ctx.actor.userId,
    ip: ctx.ip,
    reason: input.reason,
  })
  await recordAudit(ctx, {
    action: 'privacy.consent_revoked',
    entityType: 'privacy_consent',
    entityId: row.id,
    after: { personId: row.personId, purposeId: row.purposeId, channel: row.channel, reason: row.reason },
  })
  return toConsentDto(row, null)
}

// ---------- data-subject requests ----------

const isOpen = (row: repo.RequestRow) => (repo.OPEN_STATUSES as readonly string[]).includes(row.status)
const isClaim = (row: Pick<repo.RequestRow, 'kind'>) => row.kind !== 'consulta'

export function toRequestDto(row: repo.RequestRow, today: string): DataRequest {
  return {
    id: row.id,
    personId: row.personId,
    kind: row.kind,
    status: row.status,
    channel: row.channel,
    description: row.description,
    receivedOn: row.receivedOn,
    dueOn: row.dueOn,
    businessDaysLeft: isOpen(row) ? businessDaysLeft(today, row.dueOn) : null,
    extensionReason: row.extensionReason,
    extendedAt: row.extendedAt?.toISOString() ?? null,
    response: row.response,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    // Closed on or before the due date (Bogotá calendar day): what the Ley 1581 term asks.
    closedOnTime: row.answeredAt ? compareIsoDates(bogotaDate(row.answeredAt), row.dueOn) <= 0 : null,
    rejectionReason: row.rejectionReason,
    anonymized: row.anonymized,
    createdAt: row.createdAt.toISOString(),
  }
}

export async function listRequests(
  ctx: ServiceContext,
  query: {
    limit: number
    cursor?: string | undefined
    status?: repo.RequestRow['status'] | undefined
    open?: 'true' | 'false' | undefined
    personId?: string | undefined
  },
) {
  const rows = await repo.listRequests(ctx, {
    limit: query.limit,
    after: decodeCursor(query.cursor),
    ...(query.status ? { status: query.status } : {}),
    ...(query.open ? { open: query.open === 'true' } : {}),
    ...(query.personId ? { personId: query.personId } : {}),
  })
  const page = toPage(rows, query.limit, (r) => r.id)
  const today = bogotaDate(ctx.now)
  return { items: page.items.map((r) => toRequestDto(r, today)), nextCursor: page.nextCursor }
}

async function requestOr404(ctx: ServiceContext, id: string) {
  const row = await repo.findRequest(ctx, id)
  if (!row) throw notFound('Data request')
  return row
}

export async function getRequest(ctx: ServiceContext, id: string) {
  return toRequestDto(await requestOr404(ctx, id), bogotaDate(ctx.now))
}

export async function createRequest(ctx: ServiceContext, input: CreateDataRequest) {
  const today = bogotaDate(ctx.now)
  const receivedOn = input.receivedOn ?? today
  if (compareIsoDates(receivedOn, today) > 0) throw invalid('body.receivedOn', 'Cannot be in the future')
  await personOr422(ctx, input.personId)
  const row = await repo.insertRequest(ctx, {
    personId: input.personId,
    kind: input.kind,
    channel: input.channel,
    description: input.description,
    receivedOn,
    dueOn: initialDueDate(input.kind, receivedOn),
  })
  // Ley 1581 art. 15: while a reclamo is processed, the record carries "reclamo en trámite".
  if (isClaim(row)) await people().setClaimInProgress(ctx, row.personId, true)
  await recordAudit(ctx, {
    action: 'privacy.request_received',
    entityType: 'privacy_request',
    entityId: row.id,
    after: { personId: row.personId, kind: row.kind, receivedOn: row.receivedOn, dueOn: row.dueOn },
  })
  await recordEvent(ctx, {
    type: PRIVACY_REQUEST_RECEIVED,
    entityId: row.id,
    payload: { requestId: row.id, kind: row.kind, dueOn: row.dueOn },
  })
  return toRequestDto(row, today)
}

function openOr409(row: repo.RequestRow) {
  if (!isOpen(row)) throw conflict(`The request is already ${row.status}`)
}

export async function startRequest(ctx: ServiceContext, id: string) {
  const row = await requestOr404(ctx, id)
  if (row.status !== 'received') throw conflict(`Only a received request can start; it is ${row.status}`)
  const after = await repo.updateRequest(ctx, id, { status: 'in_progress' })
  await recordAudit(ctx, {
    action: 'privacy.request_started',
    entityType: 'privacy_request',
    entityId: id,
    before: { status: row.status },
    after: { status: after.status },
  })
  return toRequestDto(after, bogotaDate(ctx.now))
}

/** The law allows one extension, announced before the first term expires, with its reasons. */
export async function extendRequest(ctx: ServiceContext, id: string, reason: string) {
  const row = await requestOr404(ctx, id)
  openOr409(row)
  if (row.extendedAt) throw conflict('The request was already extended once')
  const today = bogotaDate(ctx.now)
  if (compareIsoDates(today, row.dueOn) > 0)
    throw conflict('The first term has expired; it can no longer be extended')
  const after = await repo.updateRequest(ctx, id, {
    status: 'extended',
    dueOn: extendedDueDate(row.kind, row.dueOn),
    extensionReason: reason,
    extendedAt: ctx.now,
  })
  await recordAudit(ctx, {
    action: 'privacy.request_extended',
    entityType: 'privacy_request',
    entityId: id,
    before: { status: row.status, dueOn: row.dueOn },
    after: { status: after.status, dueOn: after.dueOn, reason },
  })
  return toRequestDto(after, today)
}

async function clearClaimIfLast(ctx: ServiceContext, row: repo.RequestRow) {
  if (isClaim(row) && (await repo.otherOpenClaims(ctx, row.personId, row.id)) === 0)
    await people().setClaimInProgress(ctx, row.personId, false)
}

export async function answerRequest(ctx: ServiceContext, id: string, input: AnswerDataRequest) {
  const row = await requestOr404(ctx, id)
  openOr409(row)
  let anonymized = false
  if (row.kind === 'supresion') {
    if (input.retentionApplies === undefined)
      throw new AppError('validation_failed', 'Say whether a legal retention duty applies', [
        { path: 'body.retentionApplies', message: 'Required for a supresión request' },
      ])
    // Minga never hard-deletes a person (ledgers reference them): accepted deletion with a legal duty
    // to keep records means anonymization; without one, the answer records the decision only.
    if (input.retentionApplies) {
      await people().anonymizePerson(ctx, row.personId, `Ley 1581 supresión (solicitud ${row.id})`)
      anonymized = true
    }
  }
  const after = await repo.updateRequest(ctx, id, {
    status: 'answered',
    response: input.response,
    answeredAt: ctx.now,
    anonymized,
  })
  await clearClaimIfLast(ctx, row)
  await recordAudit(ctx, {
    action: anonymized ? 'privacy.request_answered_anonymized' : 'privacy.request_answered',
    entityType: 'privacy_request',
    entityId: id,
    before: { status: row.status },
    after: { status: after.status, anonymized, retentionApplies: input.retentionApplies ?? null },
  })
  await recordEvent(ctx, {
    type: PRIVACY_REQUEST_CLOSED,
    entityId: id,
    payload: { requestId: id, status: 'answered', anonymized },
  })
  return toRequestDto(after, bogotaDate(ctx.now))
}

export async function rejectRequest(ctx: ServiceContext, id: string, reason: string) {
  const row = await requestOr404(ctx, id)
  openOr409(row)
  const after = await repo.updateRequest(ctx, id, {
    status: 'rejected',
    rejectionReason: reason,
    answeredAt: ctx.now,
  })
  await clearClaimIfLast(ctx, row)
  await recordAudit(ctx, {
    action: 'privacy.request_rejected',
    entityType: 'privacy_request',
    entityId: id,
    before: { status: row.status },
    after: { status: after.status, reason },
  })
  await recordEvent(ctx, {
    type: PRIVACY_REQUEST_CLOSED,
    entityId: id,
    payload: { requestId: id, status: 'rejected', anonymized: false },
  })
  return toRequestDto(after, bogotaDate(ctx.now))
}
