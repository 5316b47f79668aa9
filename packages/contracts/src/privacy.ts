import { z } from 'zod'
import { PageQuery, pageOf } from './pagination.ts'

/** Ley 1581 de 2012 (habeas data): privacy policies, consents per purpose, data-subject requests. */

const isoDate = z.iso.date()

export const ConsentChannel = z.enum(['web', 'papel', 'telefono', 'presencial'])
export type ConsentChannel = z.infer<typeof ConsentChannel>

export const PrivacyPolicy = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    text: z.string(),
    effectiveDate: isoDate,
    published: z.boolean(),
    current: z.boolean(),
    publishedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'PrivacyPolicy' })
export type PrivacyPolicy = z.infer<typeof PrivacyPolicy>
export const PrivacyPolicyList = z.object({ items: z.array(PrivacyPolicy) })

export const CreatePrivacyPolicy = z.strictObject({
  text: z.string().trim().min(20).max(100_000),
  effectiveDate: isoDate,
})
export type CreatePrivacyPolicy = z.infer<typeof CreatePrivacyPolicy>

export const PrivacyPurpose = z
  .object({ id: z.uuid(), key: z.string(), name: z.string(), description: z.string() })
  .meta({ id: 'PrivacyPurpose' })
export type PrivacyPurpose = z.infer<typeof PrivacyPurpose>
export const PrivacyPurposeList = z.object({ items: z.array(PrivacyPurpose) })

export const CreatePrivacyPurpose = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,49}$/),
  name: z.string().trim().min(3).max(160),
  description: z.string().trim().max(2000).default(''),
})
export type CreatePrivacyPurpose = z.infer<typeof CreatePrivacyPurpose>

/** One append-only row of a person's consent history: a grant or a revocation. */
export const ConsentEvent = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    purposeId: z.uuid(),
    kind: z.enum(['granted', 'revoked']),
    policyId: z.uuid().nullable(),
    policyVersion: z.number().int().nullable(),
    channel: ConsentChannel,
    occurredAt: z.string(),
    actorType: z.enum(['staff', 'subject']),
    actorUserId: z.uuid().nullable(),
    ip: z.string().nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'ConsentEvent' })
export type ConsentEvent = z.infer<typeof ConsentEvent>

export const PersonConsents = z.object({
  personId: z.uuid(),
  current: z.array(
    z.object({
      purposeId: z.uuid(),
      state: z.enum(['granted', 'revoked']),
      since: z.string(),
      policyVersion: z.number().int().nullable(),
    }),
  ),
  history: z.array(ConsentEvent),
})
export type PersonConsents = z.infer<typeof PersonConsents>

export const GrantConsent = z.strictObject({
  personId: z.uuid(),
  purposeId: z.uuid(),
  policyId: z.uuid(),
  channel: ConsentChannel,
  /** When the person gave it (paper forms are recorded later); defaults to now; never in the future. */
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  /** 'subject' when the person recorded it themself (e.g. the web form); otherwise the staff user. */
  actorType: z.enum(['staff', 'subject']).default('staff'),
})
export type GrantConsent = z.infer<typeof GrantConsent>

export const RevokeConsent = z.strictObject({
  personId: z.uuid(),
  purposeId: z.uuid(),
  channel: ConsentChannel,
  reason: z.string().trim().min(1).max(2000),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  actorType: z.enum(['staff', 'subject']).default('staff'),
})
export type RevokeConsent = z.infer<typeof RevokeConsent>

export const DataRequestKind = z.enum(['consulta', 'reclamo', 'supresion'])
export type DataRequestKind = z.infer<typeof DataRequestKind>
export const DataRequestStatus = z.enum(['received', 'in_progress', 'extended', 'answered', 'rejected'])
export type DataRequestStatus = z.infer<typeof DataRequestStatus>

export const DataRequest = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    kind: DataRequestKind,
    status: DataRequestStatus,
    channel: ConsentChannel,
    description: z.string(),
    receivedOn: isoDate,
    dueOn: isoDate,
    /** Business days from today (Bogotá) to the due date; negative when overdue; null once closed. */
    businessDaysLeft: z.number().int().nullable(),
    extensionReason: z.string().nullable(),
    extendedAt: z.string().nullable(),
    response: z.string().nullable(),
    answeredAt: z.string().nullable(),
    /** Answered or rejected by the due date (Bogotá); null while open. */
    closedOnTime: z.boolean().nullable(),
    rejectionReason: z.string().nullable(),
    anonymized: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'DataRequest' })
export type DataRequest = z.infer<typeof DataRequest>

export const CreateDataRequest = z.strictObject({
  personId: z.uuid(),
  kind: DataRequestKind,
  channel: ConsentChannel,
  description: z.string().trim().min(3).max(10_000),
  /** Date the complete request was received (Bogotá); defaults to today; never in the future. */
  receivedOn: isoDate.optional(),
})
export type CreateDataRequest = z.infer<typeof CreateDataRequest>

export const ExtendDataRequest = z.strictObject({ reason: z.string().trim().min(3).max(2000) })
export const AnswerDataRequest = z.strictObject({
  response: z.string().trim().min(3).max(20_000),
  /** Supresión only: a legal or contractual duty to keep the data applies, so the person is anonymized. */
  retentionApplies: z.boolean().optional(),
})
export type AnswerDataRequest = z.infer<typeof AnswerDataRequest>
export const RejectDataRequest = z.strictObject({ reason: z.string().trim().min(3).max(2000) })

export const DataRequestQuery = PageQuery.extend({
  status: DataRequestStatus.optional(),
  open: z.enum(['true', 'false']).optional(),
  personId: z.uuid().optional(),
})
export const DataRequestPage = pageOf(DataRequest)
export const PrivacyIdParams = z.object({ id: z.uuid() })
export const PrivacyPersonParams = z.object({ personId: z.uuid() })
