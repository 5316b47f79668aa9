import { sql } from 'drizzle-orm'
import {
  boolean,
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

export type StoredOption = { id: string; label: string }
export type StoredChoice = { optionId: string; score: number }

/** An async poll (Loomio's Poll): its type's parameters, switches, audience and lifecycle. */
export const polls = pgTable(
  'polls',
  {
    ...tenantColumns(),
    title: text('title').notNull(),
    details: text('details').notNull().default(''),
    type: text('type', { enum: ['proposal', 'choose', 'score', 'ranked-choice', 'dot-vote'] }).notNull(),
    options: jsonb('options').$type<StoredOption[]>().notNull(),
    minChoices: integer('min_choices'),
    maxChoices: integer('max_choices'),
    minScore: integer('min_score'),
    maxScore: integer('max_score'),
    dotsPerPerson: integer('dots_per_person'),
    closingAt: timestamp('closing_at', { withTimezone: true, mode: 'date' }).notNull(),
    anonymous: boolean('anonymous').notNull().default(false),
    hideResults: boolean('hide_results').notNull().default(false),
    audience: text('audience', { enum: ['org', 'members'] }).notNull(),
    /** Members chosen while a draft (audience `members`); the invited set itself is poll_invitees. */
    audienceUserIds: uuid('audience_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    state: text('state', { enum: ['draft', 'open', 'closed'] }).notNull(),
    authorId: uuid('author_id').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    /** Results computed once at close (PollResults without the named stances). */
    results: jsonb('results'),
    /** Set when the closing-soon reminder went out: it goes out once per poll. */
    closingSoonNotifiedAt: timestamp('closing_soon_notified_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    index('polls_org_state').on(t.orgId, t.state, t.id),
    index('polls_org_closing').on(t.orgId, t.state, t.closingAt),
    orgIsolationPolicy('polls', t.orgId),
  ],
).enableRLS()

/** The invited set, fixed when the poll opens, so participation (decided / invited) is computable. */
export const pollInvitees = pgTable(
  'poll_invitees',
  {
    ...tenantColumns(),
    pollId: uuid('poll_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.pollId], foreignColumns: [polls.orgId, polls.id] }).onDelete('cascade'),
    uniqueIndex('poll_invitees_one_per_user').on(t.orgId, t.pollId, t.userId),
    index('poll_invitees_user').on(t.orgId, t.userId),
    orgIsolationPolicy('poll_invitees', t.orgId),
  ],
).enableRLS()

/**
 * Stances (Loomio's Stance): a changed vote is a new row and the previous one loses `latest`, so
 * exactly one latest stance per (poll, user) counts (partial unique index) and the history remains.
 */
export const pollStances = pgTable(
  'poll_stances',
  {
    ...tenantColumns(),
    pollId: uuid('poll_id').notNull(),
    userId: uuid('user_id').notNull(),
    choices: jsonb('choices').$type<StoredChoice[]>().notNull(),
    reason: text('reason'),
    latest: boolean('latest').notNull().default(true),
    castAt: timestamp('cast_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.pollId], foreignColumns: [polls.orgId, polls.id] }).onDelete('cascade'),
    uniqueIndex('poll_stances_one_latest').on(t.orgId, t.pollId, t.userId).where(sql`${t.latest}`),
    index('poll_stances_user').on(t.orgId, t.userId, t.castAt),
    orgIsolationPolicy('poll_stances', t.orgId),
  ],
).enableRLS()
