import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { orgIsolationPolicy, tenantColumns, timestamps } from '../../platform/db/tenant-table.ts'
import { orgs } from '../../platform/tenancy/tenancy.tables.ts'

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

export const privacyPolicies = pgTable(
  'privacy_policies',
  {
    ...tenantColumns(),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    published: boolean('published').notNull().default(false),
    publishedAt: at('published_at'),
    createdBy: uuid('created_by'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    unique('privacy_policies_org_version').on(t.orgId, t.version),
    orgIsolationPolicy('privacy_policies', t.orgId),
  ],
).enableRLS()

/** The org's catalog of purposes a person may consent to (tratamiento, comercial, centrales de riesgo…). */
export const privacyPurposes = pgTable(
  'privacy_purposes',
  {
    ...tenantColumns(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    unique('privacy_purposes_org_key').on(t.orgId, t.key),
    orgIsolationPolicy('privacy_purposes', t.orgId),
  ],
).enableRLS()

/**
 * Consent history, append-only (the runtime role may not update or delete): the current state of a
 * person's consent for a purpose is its latest row. `person_id` points into the people module, which
 * owns that table, so there is no foreign key to it.
 */
export const privacyConsentEvents = pgTable(
  'privacy_consent_events',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    purposeId: uuid('purpose_id').notNull(),
    kind: text('kind', { enum: ['granted', 'revoked'] }).notNull(),
    policyId: uuid('policy_id'),
    channel: text('channel', { enum: ['web', 'papel', 'telefono', 'presencial'] }).notNull(),
    occurredAt: at('occurred_at').notNull(),
    actorType: text('actor_type', { enum: ['staff', 'subject'] }).notNull(),
    actorUserId: uuid('actor_user_id'),
    ip: text('ip'),
    reason: text('reason'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    foreignKey({
      columns: [t.orgId, t.purposeId],
      foreignColumns: [privacyPurposes.orgId, privacyPurposes.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.orgId, t.policyId],
      foreignColumns: [privacyPolicies.orgId, privacyPolicies.id],
    }).onDelete('cascade'),
    index('privacy_consent_events_person').on(t.orgId, t.personId, t.purposeId, t.id),
    orgIsolationPolicy('privacy_consent_events', t.orgId),
  ],
).enableRLS()

export const privacyRequests = pgTable(
  'privacy_requests',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    kind: text('kind', { enum: ['consulta', 'reclamo', 'supresion'] }).notNull(),
    status: text('status', { enum: ['received', 'in_progress', 'extended', 'answered', 'rejected'] })
      .notNull()
      .default('received'),
    channel: text('channel', { enum: ['web', 'papel', 'telefono', 'presencial'] }).notNull(),
    description: text('description').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    extensionReason: text('extension_reason'),
    extendedAt: at('extended_at'),
    response: text('response'),
    answeredAt: at('answered_at'),
    rejectionReason: text('rejection_reason'),
    anonymized: boolean('anonymized').notNull().default(false),
    createdBy: uuid('created_by'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    index('privacy_requests_org_status_due').on(t.orgId, t.status, t.dueOn),
    index('privacy_requests_person').on(t.orgId, t.personId),
    orgIsolationPolicy('privacy_requests', t.orgId),
  ],
).enableRLS()

/** One row per reminded (request, due date): the reminder job claims it, so a rerun sends nothing. */
export const privacyRequestReminders = pgTable(
  'privacy_request_reminders',
  {
    orgId: uuid('org_id').notNull(),
    requestId: uuid('request_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.requestId, t.dueOn] }),
    foreignKey({
      columns: [t.orgId, t.requestId],
      foreignColumns: [privacyRequests.orgId, privacyRequests.id],
    }).onDelete('cascade'),
    orgIsolationPolicy('privacy_request_reminders', t.orgId),
  ],
).enableRLS()
