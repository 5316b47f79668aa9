import { randomUUID } from 'node:crypto'
import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { orgIsolationPolicy, tenantColumns, timestamps } from '../../platform/db/tenant-table.ts'
import { orgs } from '../../platform/tenancy/tenancy.tables.ts'

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

/**
 * Ids for the secret-ballot tables: random (v4), not UUIDv7, because a v7 id carries its creation
 * millisecond and would let anyone order the register or the receipts by time.
 */
const randomIdColumns = () => ({
  orgId: uuid('org_id').notNull(),
  id: uuid('id').notNull().$defaultFn(randomUUID),
})

export const assemblies = pgTable(
  'assemblies',
  {
    ...tenantColumns(),
    title: text('title').notNull(),
    kind: text('kind', { enum: ['ordinary', 'extraordinary'] }).notNull(),
    modality: text('modality', { enum: ['presential', 'virtual', 'mixed', 'written'] }).notNull(),
    legalFramework: text('legal_framework', { enum: ['horizontal-property', 'cooperative'] }).notNull(),
    residential: boolean('residential').notNull().default(true),
    status: text('status', { enum: ['draft', 'convened', 'in_session', 'closed'] })
      .notNull()
      .default('draft'),
    firstCallAt: at('first_call_at').notNull(),
    secondCallAt: at('second_call_at'),
    noticeSentOn: date('notice_sent_on', { mode: 'string' }),
    noticeDays: integer('notice_days'),
    noticeDayCount: text('notice_day_count', { enum: ['calendar', 'business'] })
      .notNull()
      .default('calendar'),
    proxyPolicy: jsonb('proxy_policy')
      .$type<{ maxProxiesPerHolder: number | null; barredRoles: string[] }>()
      .notNull(),
    cooperative: jsonb('cooperative').$type<{
      waitMinutes?: number
      minimumToFormCooperative?: number
      delegates?: boolean
    }>(),
    currentCall: text('current_call', { enum: ['first', 'second'] }),
    convenedAt: at('convened_at'),
    startedAt: at('started_at'),
    closedAt: at('closed_at'),
    /** First time the live quorum was met in session (Ley 79: quorum holds once formed). */
    quorumFormedAt: at('quorum_formed_at'),
    /** Next attendance seq and the log chain's head; both move under this row's lock. */
    attendanceSeq: integer('attendance_seq').notNull().default(0),
    logSeq: integer('log_seq').notNull().default(0),
    logHead: text('log_head'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    index('assemblies_org_status').on(t.orgId, t.status, t.id),
    orgIsolationPolicy('assemblies', t.orgId),
  ],
).enableRLS()

export const assemblyAgendaItems = pgTable(
  'assembly_agenda_items',
  {
    ...tenantColumns(),
    assemblyId: uuid('assembly_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.assemblyId],
      foreignColumns: [assemblies.orgId, assemblies.id],
    }).onDelete('cascade'),
    index('assembly_agenda_items_assembly').on(t.orgId, t.assemblyId, t.position),
    orgIsolationPolicy('assembly_agenda_items', t.orgId),
  ],
).enableRLS()

/** The electorate frozen when the assembly is convened: later unit edits do not change it. */
export const assemblyElectorate = pgTable(
  'assembly_electorate',
  {
    ...tenantColumns(),
    assemblyId: uuid('assembly_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    code: text('code').notNull(),
    building: text('building'),
    coefficient: integer('coefficient').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.assemblyId],
      foreignColumns: [assemblies.orgId, assemblies.id],
    }).onDelete('cascade'),
    uniqueIndex('assembly_electorate_unit').on(t.orgId, t.assemblyId, t.unitId),
    orgIsolationPolicy('assembly_electorate', t.orgId),
  ],
).enableRLS()

/** Append-only attendance register (check-in / check-out), ordered by `seq` within an assembly. */
export const assemblyAttendance = pgTable(
  'assembly_attendance',
  {
    ...tenantColumns(),
    assemblyId: uuid('assembly_id').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: ['check-in', 'check-out'] }).notNull(),
    unitId: uuid('unit_id').notNull(),
    via: text('via', { enum: ['holder', 'proxy'] }).notNull(),
    proxyId: uuid('proxy_id'),
    attendeeName: text('attendee_name').notNull(),
    attendeeUserId: uuid('attendee_user_id'),
    channel: text('channel', { enum: ['presential', 'virtual', 'qr'] }).notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: at('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.assemblyId],
      foreignColumns: [assemblies.orgId, assemblies.id],
    }).onDelete('cascade'),
    uniqueIndex('assembly_attendance_seq').on(t.orgId, t.assemblyId, t.seq),
    orgIsolationPolicy('assembly_attendance', t.orgId),
  ],
).enableRLS()

/** Poderes: a grantor unit lets a holder vote for it (whole assembly or some agenda items). */
export const assemblyProxies = pgTable(
  'assembly_proxies',
  {
    ...tenantColumns(),
    assemblyId: uuid('assembly_id').notNull(),
    grantorUnitId: uuid('grantor_unit_id').notNull(),
    holderName: text('holder_name').notNull(),
    holderDocument: text('holder_document').notNull(),
    holderUserId: uuid('holder_user_id'),
    holderRoles: jsonb('holder_roles').$type<string[]>().notNull(),
    scope: jsonb('scope')
      .$type<{ kind: 'whole-assembly' } | { kind: 'agenda-items'; agendaItemIds: string[] }>()
      .notNull(),
    documentRef: text('document_ref'),
    grantedBy: uuid('granted_by'),
    grantedAt: at('granted_at').notNull().defaultNow(),
    revokedAt: at('revoked_at'),
    revokedBy: uuid('revoked_by'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.assemblyId],
      foreignColumns: [assemblies.orgId, assemblies.id],
    }).onDelete('cascade'),
    index('assembly_proxies_assembly').on(t.orgId, t.assemblyId),
    orgIsolationPolicy('assembly_proxies', t.orgId),
  ],
).enableRLS()

export const motions = pgTable(
  'motions',
  {
    ...tenantColumns(),
    assemblyId: uuid('assembly_id').notNull(),
    agendaItemId: uuid('agenda_item_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    state: text('state', { enum: ['draft', 'open', 'closed', 'published'] })
      .notNull()
      .default('draft'),
    basis: text('basis', { enum: ['coefficient', 'unit', 'head', 'delegate'] }).notNull(),
    method: text('method', {
      enum: ['yes-no', 'yes-no-abstain', 'single-choice', 'multiple-choice', 'ranked'],
    }).notNull(),
    /** Choice options {id, label}; empty for yes/no methods. */
    options: jsonb('options').$type<{ id: string; label: string }[]>().notNull(),
    maxChoices: integer('max_choices'),
    winners: integer('winners').notNull().default(1),
    majorityPreset: text('majority_preset').notNull(),
    /** The rule as entered (presets resolved); written assemblies apply art. 43 on top at tally. */
    majority: jsonb('majority').$type<unknown>().notNull(),
    economicContent: boolean('economic_content').notNull(),
    extinction: boolean('extinction').notNull().default(false),
    secrecy: text('secrecy', { enum: ['secret', 'named'] }).notNull(),
    resultsVisibility: text('results_visibility', { enum: ['live', 'hidden-until-closed'] }).notNull(),
    quorumAtOpen: jsonb('quorum_at_open').$type<unknown>(),
    quorumAtClose: jsonb('quorum_at_close').$type<unknown>(),
    result: jsonb('result').$type<unknown>(),
    receiptsDigest: text('receipts_digest'),
    openedAt: at('opened_at'),
    closedAt: at('closed_at'),
    publishedAt: at('published_at'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.assemblyId],
      foreignColumns: [assemblies.orgId, assemblies.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.orgId, t.agendaItemId],
      foreignColumns: [assemblyAgendaItems.orgId, assemblyAgendaItems.id],
    }).onDelete('cascade'),
    index('motions_assembly').on(t.orgId, t.assemblyId),
    orgIsolationPolicy('motions', t.orgId),
  ],
).enableRLS()

/**
 * Per-option running totals (secret and named motions alike): one row per option, one `cast` row, and
 * for ranked motions one row per distinct preference order. Never a row per ballot, no timestamps.
 */
export const motionTotals = pgTable(
  'motion_totals',
  {
    ...randomIdColumns(),
    motionId: uuid('motion_id').notNull(),
    /** An option id, `cast` (every ballot), or `rank:<json order>` for ranked motions. */
    optionKey: text('option_key').notNull(),
    weight: bigint('weight', { mode: 'number' }).notNull().default(0),
    heads: integer('heads').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.motionId], foreignColumns: [motions.orgId, motions.id] }).onDelete(
      'cascade',
    ),
    uniqueIndex('motion_totals_option').on(t.orgId, t.motionId, t.optionKey),
    orgIsolationPolicy('motion_totals', t.orgId),
  ],
).enableRLS()

/**
 * Who voted for which unit: the exactly-once guard (unique per motion and unit). Holds no choice and
 * no time, and its ids are random, so it cannot be lined up with the totals or the receipts.
 */
export const motionVoters = pgTable(
  'motion_voters',
  {
    ...randomIdColumns(),
    motionId: uuid('motion_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    voterUserId: uuid('voter_user_id').notNull(),
    via: text('via', { enum: ['holder', 'proxy'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.motionId], foreignColumns: [motions.orgId, motions.id] }).onDelete(
      'cascade',
    ),
    uniqueIndex('motion_voters_one_per_unit').on(t.orgId, t.motionId, t.unitId),
    orgIsolationPolicy('motion_voters', t.orgId),
  ],
).enableRLS()

/** Named motions only: who voted what, kept on purpose. */
export const motionBallots = pgTable(
  'motion_ballots',
  {
    ...tenantColumns(),
    motionId: uuid('motion_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    voterUserId: uuid('voter_user_id').notNull(),
    via: text('via', { enum: ['holder', 'proxy'] }).notNull(),
    choice: jsonb('choice').$type<string[]>().notNull(),
    weight: bigint('weight', { mode: 'number' }).notNull(),
    castAt: at('cast_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.motionId], foreignColumns: [motions.orgId, motions.id] }).onDelete(
      'cascade',
    ),
    uniqueIndex('motion_ballots_one_per_unit').on(t.orgId, t.motionId, t.unitId),
    orgIsolationPolicy('motion_ballots', t.orgId),
  ],
).enableRLS()

/** Ballot receipts (hashes), published after close: no unit, no voter, no time, random ids. */
export const motionReceipts = pgTable(
  'motion_receipts',
  {
    ...randomIdColumns(),
    motionId: uuid('motion_id').notNull(),
    receipt: text('receipt').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.motionId], foreignColumns: [motions.orgId, motions.id] }).onDelete(
      'cascade',
    ),
    uniqueIndex('motion_receipts_receipt').on(t.orgId, t.motionId, t.receipt),
    orgIsolationPolicy('motion_receipts', t.orgId),
  ],
).enableRLS()

/**
 * The tamper-evident assembly log: hash = sha256(prev_hash || canonical JSON of the entry). Append-only
 * (a custom migration revokes UPDATE and DELETE from the runtime role).
 */
export const assemblyLog = pgTable(
  'assembly_log',
  {
    ...tenantColumns(),
    assemblyId: uuid('assembly_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<unknown>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.assemblyId],
      foreignColumns: [assemblies.orgId, assemblies.id],
    }).onDelete('cascade'),
    uniqueIndex('assembly_log_seq').on(t.orgId, t.assemblyId, t.seq),
    orgIsolationPolicy('assembly_log', t.orgId),
  ],
).enableRLS()
