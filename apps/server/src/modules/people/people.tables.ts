import { sql } from 'drizzle-orm'
import {
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

/** Non-sensitive postal address; codes are DANE DIVIPOLA (department 2 digits, municipality 5). */
export type PersonAddress = {
  line?: string | null
  departmentCode?: string | null
  municipalityCode?: string | null
}

/**
 * A person (natural or legal) the org keeps a record of. Document number, phones and salary are
 * ciphertext ("v1:<iv>:<tag>:<data>"); *_bidx columns are keyed HMACs for exact lookup.
 */
export const people = pgTable(
  'people',
  {
    ...tenantColumns(),
    kind: text('kind', { enum: ['natural', 'legal'] }).notNull(),
    documentType: text('document_type').notNull(),
    documentNumberEnc: text('document_number_enc').notNull(),
    documentNumberBidx: text('document_number_bidx'),
    documentLast4: text('document_last4').notNull(),
    nitCheckDigit: text('nit_check_digit'),
    firstNames: text('first_names'),
    lastNames: text('last_names'),
    businessName: text('business_name'),
    /** Lower-case, accent-free full name: the trigram search column. */
    nameSearch: text('name_search').notNull(),
    /** The words of `name_search`: name search matches each typed word against them (GIN). */
    nameWords: text('name_words').array().generatedAlwaysAs(sql`string_to_array(name_search, ' ')`),
    birthDate: date('birth_date', { mode: 'string' }),
    emails: jsonb('emails').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    primaryEmail: text('primary_email'),
    phonesEnc: text('phones_enc'),
    phoneBidx: text('phone_bidx').array().notNull().default(sql`'{}'::text[]`),
    address: jsonb('address').$type<PersonAddress>(),
    employerName: text('employer_name'),
    position: text('position'),
    salaryEnc: text('salary_enc'),
    status: text('status', { enum: ['activo', 'inactivo', 'retirado', 'excluido', 'fallecido'] })
      .notNull()
      .default('activo'),
    statusChangedOn: date('status_changed_on', { mode: 'string' }),
    statusReason: text('status_reason'),
    membershipNumber: integer('membership_number'),
    joinedOn: date('joined_on', { mode: 'string' }),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    branchId: uuid('branch_id'),
    userId: uuid('user_id'),
    claimInProgress: boolean('claim_in_progress').notNull().default(false),
    anonymizedAt: timestamp('anonymized_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    uniqueIndex('people_org_document').on(t.orgId, t.documentType, t.documentNumberBidx),
    uniqueIndex('people_org_membership_number').on(t.orgId, t.membershipNumber),
    index('people_org_status').on(t.orgId, t.status, t.id),
    index('people_org_email').on(t.orgId, t.primaryEmail),
    index('people_name_trgm').using('gin', t.nameSearch.op('gin_trgm_ops')),
    index('people_tags').using('gin', t.tags),
    index('people_phone_bidx').using('gin', t.phoneBidx),
    orgIsolationPolicy('people', t.orgId),
  ],
).enableRLS()

/** Family members; those with a percentage are beneficiaries (the percentages sum to 100). */
export const personRelatives = pgTable(
  'person_relatives',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    name: text('name').notNull(),
    relationship: text('relationship').notNull(),
    documentType: text('document_type'),
    documentNumberEnc: text('document_number_enc'),
    documentLast4: text('document_last4'),
    /** Basis points (10000 = 100 %); null when not a beneficiary. */
    beneficiaryBp: integer('beneficiary_bp'),
    position: integer('position').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.personId], foreignColumns: [people.orgId, people.id] }).onDelete(
      'cascade',
    ),
    index('person_relatives_person').on(t.orgId, t.personId),
    orgIsolationPolicy('person_relatives', t.orgId),
  ],
).enableRLS()

/** Every status change with its effective date and reason. */
export const personStatusHistory = pgTable(
  'person_status_history',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.personId], foreignColumns: [people.orgId, people.id] }).onDelete(
      'cascade',
    ),
    index('person_status_history_person').on(t.orgId, t.personId, t.id),
    orgIsolationPolicy('person_status_history', t.orgId),
  ],
).enableRLS()

/**
 * Every word that occurs in the org's people's names (kept by a trigger on `people`): a small per-org
 * dictionary where a typed word finds its spellings by trigram similarity before people are matched.
 */
export const personNameWords = pgTable(
  'person_name_words',
  {
    orgId: uuid('org_id').notNull(),
    word: text('word').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.word] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    index('person_name_words_trgm').using('gin', t.word.op('gin_trgm_ops')),
    orgIsolationPolicy('person_name_words', t.orgId),
  ],
).enableRLS()

/**
 * Which person's name has which word (kept by triggers on `people`): name search finds people through
 * a b-tree here, because under row-level security PostgreSQL cannot use a GIN index whose operator is
 * not leakproof (`&&` on arrays, `%` on trigrams), while text and uuid equality are.
 */
export const personNameIndex = pgTable(
  'person_name_index',
  {
    orgId: uuid('org_id').notNull(),
    word: text('word').notNull(),
    personId: uuid('person_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.word, t.personId] }),
    foreignKey({ columns: [t.orgId, t.personId], foreignColumns: [people.orgId, people.id] }).onDelete(
      'cascade',
    ),
    index('person_name_index_person').on(t.orgId, t.personId),
    orgIsolationPolicy('person_name_index', t.orgId),
  ],
).enableRLS()
