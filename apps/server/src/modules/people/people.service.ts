import type {
  ChangePersonStatus,
  CreatePerson,
  Person,
  PersonHistory,
  PersonListItem,
  PersonPage,
  PersonQuery,
  PersonStatus,
  SetPersonRelatives,
  UpdatePerson,
} from '@minga/contracts'
import { and, asc, eq } from 'drizzle-orm'
import { can } from '../../platform/access/effective-permissions.ts'
import { auditEvents } from '../../platform/audit/audit.tables.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { bogotaDate } from '../../platform/calendar/index.ts'
import { isUniqueViolation } from '../../platform/db/unique-violation.ts'
import { recordEvent } from '../../platform/events/event-bus.ts'
import { AppError, notFound } from '../../platform/http/app-error.ts'
import { decodeCursor, toPage } from '../../platform/http/pagination.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { nextCounterValue } from '../../platform/tenancy/tenancy.repository.ts'
import { memberDirectory } from '../../platform/tenancy/tenancy.service.ts'
import { branches } from '../../platform/tenancy/tenancy.tables.ts'
import { blindIndex, decryptField, encryptField } from './data-keys.ts'
import {
  DOCUMENT_TYPES,
  type DocumentType,
  maskLast4,
  type ParsedDocument,
  parseDocument,
} from './domain/documents.ts'
import { displayNameOf, normalizeName } from './domain/names.ts'
import * as repo from './people.repository.ts'
import { forgetUnusedNameWords } from './people.search.repository.ts'
import { listPeopleByName } from './people.search.ts'
import {
  checkAddress,
  checkDocument,
  checkPastDate,
  FieldErrors,
  maskPhone,
  normalizePhone,
  phoneLookupKey,
} from './people.validation.ts'

export const PERSON_CREATED = 'person.created'
export const PERSON_STATUS_CHANGED = 'person.status_changed'
export const SENSITIVE_PERMISSION = 'people:read_sensitive'
export const MEMBERSHIP_COUNTER = 'people.membership_number'

export const documentIndex = (type: string, number: string) => blindIndex('document', `${type}:${number}`)
export const phoneIndex = (phone: string) => blindIndex('phone', phoneLookupKey(phone))

export function decryptPhones(row: repo.PersonRow): string[] {
  return row.phonesEnc ? (JSON.parse(decryptField(row.phonesEnc)) as string[]) : []
}

export function decryptSalary(row: repo.PersonRow): number | null {
  return row.salaryEnc ? Number(decryptField(row.salaryEnc)) : null
}

/** Fields that make a record complete, by expediente section. */
function completeness(row: repo.PersonRow, relatives: repo.RelativeRow[]) {
  const checks: [string, boolean][] =
    row.kind === 'natural'
      ? [
          ['birthDate', !!row.birthDate],
          ['emails', row.emails.length > 0],
          ['phones', !!row.phonesEnc],
          ['address', !!row.address?.departmentCode],
          ['employerName', !!row.employerName],
          ['position', !!row.position],
          ['salary', !!row.salaryEnc],
          ['joinedOn', !!row.joinedOn],
          ['beneficiaries', relatives.some((r) => r.beneficiaryBp !== null)],
        ]
      : [
          ['emails', row.emails.length > 0],
          ['phones', !!row.phonesEnc],
          ['address', !!row.address?.departmentCode],
          ['joinedOn', !!row.joinedOn],
        ]
  const missing = checks.filter(([, ok]) => !ok).map(([k]) => k)
  return { percent: Math.round(((checks.length - missing.length) / checks.length) * 100), missing }
}

export function toPersonDto(row: repo.PersonRow, relatives: repo.RelativeRow[], sensitive: boolean): Person {
  const phones = decryptPhones(row)
  return {
    id: row.id,
    kind: row.kind,
    documentType: row.documentType as Person['documentType'],
    documentNumber:
      sensitive && !row.anonymizedAt ? decryptField(row.documentNumberEnc) : maskLast4(row.documentLast4),
    nitCheckDigit: row.nitCheckDigit,
    firstNames: row.firstNames,
    lastNames: row.lastNames,
    businessName: row.businessName,
    displayName: displayNameOf(row),
    birthDate: row.birthDate,
    emails: row.emails,
    phones: sensitive ? phones : phones.map(maskPhone),
    address: row.address ?? null,
    employerName: row.employerName,
    position: row.position,
    salary: sensitive ? decryptSalary(row) : null,
    status: row.status,
    statusChangedOn: row.statusChangedOn,
    statusReason: row.statusReason,
    membershipNumber: row.membershipNumber,
    joinedOn: row.joinedOn,
    tags: row.tags,
    branchId: row.branchId,
    userId: row.userId,
    claimInProgress: row.claimInProgress,
    anonymized: row.anonymizedAt !== null,
    relatives: relatives.map((r) => ({
      id: r.id,
      name: r.name,
      relationship: r.relationship,
      documentType: r.documentType as Person['documentType'] | null,
      documentNumber: r.documentNumberEnc
        ? sensitive
          ? decryptField(r.documentNumberEnc)
          : maskLast4(r.documentLast4 ?? '')
        : null,
      percentage: r.beneficiaryBp === null ? null : r.beneficiaryBp / 100,
    })),
    sensitiveVisible: sensitive,
    completeness: completeness(row, relatives),
    version: row.version,
  }
}

function toListItem(row: repo.PersonRow, sensitive: boolean): PersonListItem {
  return {
    id: row.id,
    kind: row.kind,
    documentType: row.documentType as Person['documentType'],
    documentNumber:
      sensitive && !row.anonymizedAt ? decryptField(row.documentNumberEnc) : maskLast4(row.documentLast4),
    displayName: displayNameOf(row),
    status: row.status,
    membershipNumber: row.membershipNumber,
    tags: row.tags,
    claimInProgress: row.claimInProgress,
  }
}

/** What the audit log keeps: plain non-sensitive fields, masked sensitive ones (never ciphertext). */
export function auditView(row: repo.PersonRow, salaryMark = '[protected]') {
  return {
    kind: row.kind,
    documentType: row.documentType,
    documentNumber: maskLast4(row.documentLast4),
    firstNames: row.firstNames,
    lastNames: row.lastNames,
    businessName: row.businessName,
    birthDate: row.birthDate,
    emails: row.emails,
    phones: row.phonesEnc ? decryptPhones(row).map(maskPhone) : [],
    address: row.address,
    employerName: row.employerName,
    position: row.position,
    salary: row.salaryEnc ? salaryMark : null,
    joinedOn: row.joinedOn,
    tags: row.tags,
    branchId: row.branchId,
    userId: row.userId,
    membershipNumber: row.membershipNumber,
  }
}

async function loadPerson(ctx: ServiceContext, id: string) {
  const row = await repo.findPerson(ctx, id)
  if (!row) throw notFound('Person')
  return row
}

export type PersonFields = Omit<UpdatePerson, never> & { kind?: 'natural' | 'legal' }

/**
 * Validates a full record (after merging a patch) and returns the column values to write. Every
 * problem is reported at once as a 422 with its field path.
 */
async function prepareColumns(
  ctx: ServiceContext,
  merged: Required<Pick<PersonFields, 'kind' | 'documentType' | 'documentNumber'>> & PersonFields,
  touched: PersonFields,
  excludeId?: string,
) {
  const errors = new FieldErrors()
  const doc = checkDocument(
    errors,
    'body.documentNumber',
    merged.documentType,
    merged.documentNumber,
    merged.nitCheckDigit,
  )
  if (merged.kind === 'natural') {
    if (!merged.firstNames) errors.add('body.firstNames', 'A natural person needs first names')
    if (!merged.lastNames) errors.add('body.lastNames', 'A natural person needs last names')
  } else {
    if (!merged.businessName) errors.add('body.businessName', 'A legal entity needs a business name')
    if (merged.documentType !== 'NIT')
      errors.add('body.documentType', 'A legal entity is identified by its NIT')
  }
  checkPastDate(errors, 'body.birthDate', merged.birthDate, ctx.now)
  checkPastDate(errors, 'body.joinedOn', merged.joinedOn, ctx.now)
  if (merged.birthDate && merged.joinedOn && merged.joinedOn < merged.birthDate) {
    errors.add('body.joinedOn', 'The joining date is before the birth date')
  }
  if (
    merged.kind === 'natural' &&
    merged.birthDate &&
    merged.birthDate < `${Number(bogotaDate(ctx.now).slice(0, 4)) - 120}`
  ) {
    errors.add('body.birthDate', 'A person cannot be older than 120 years')
  }
  checkAddress(errors, merged.address)
  if (touched.userId) {
    if (!(await memberDirectory(ctx)).has(touched.userId)) {
      errors.add('body.userId', 'The user is not a member of this organization')
    }
  }
  if (touched.branchId) {
    const [branch] = await ctx.db
      .select({ id: branches.id })
      .from(branches)
      .where(and(eq(branches.orgId, ctx.orgId), eq(branches.id, touched.branchId)))
    if (!branch) errors.add('body.branchId', 'Unknown branch')
  }
  errors.throwIfAny()
  if (!doc) throw new Error('unreachable: document validated')
  const columns = personColumns(merged, doc, touched)
  const duplicate = await repo.findByDocumentIndex(ctx, merged.documentType, columns.documentNumberBidx)
  if (duplicate && duplicate.id !== excludeId) {
    throw new AppError(
      'conflict',
      `Another person already has ${merged.documentType} ${maskLast4(doc.last4)}`,
      [
        {
          path: 'body.documentNumber',
          message: 'This document number is already registered in the organization',
        },
      ],
    )
  }
  return columns
}

/**
 * The columns of a validated record: ciphertext, blind indexes, search name and every touched
 * field. Every write goes through it (the form, the bulk import), so all store data the same way.
 */
export function personColumns(
  merged: Pick<PersonFields, 'firstNames' | 'lastNames' | 'businessName'> & {
    kind: 'natural' | 'legal'
    documentType: DocumentType
  },
  doc: ParsedDocument,
  touched: PersonFields,
) {
  const name = displayNameOf({
    kind: merged.kind,
    firstNames: merged.firstNames ?? null,
    lastNames: merged.lastNames ?? null,
    businessName: merged.businessName ?? null,
  })
  const columns: Partial<repo.PersonInsert> & { documentNumberBidx: string } = {
    kind: merged.kind,
    documentType: merged.documentType,
    documentNumberEnc: encryptField(doc.number),
    documentNumberBidx: documentIndex(merged.documentType, doc.number),
    documentLast4: doc.last4,
    nitCheckDigit: doc.checkDigit,
    firstNames: merged.kind === 'natural' ? (merged.firstNames ?? null) : null,
    lastNames: merged.kind === 'natural' ? (merged.lastNames ?? null) : null,
    businessName: merged.kind === 'legal' ? (merged.businessName ?? null) : (merged.businessName ?? null),
    nameSearch: normalizeName(name),
  }
  if ('birthDate' in touched) columns.birthDate = touched.birthDate ?? null
  if ('emails' in touched) {
    const emails = [...new Set((touched.emails ?? []).map((e) => e.toLowerCase()))]
    columns.emails = emails
    columns.primaryEmail = emails[0] ?? null
  }
  if ('phones' in touched) {
    const phones = (touched.phones ?? []).map(normalizePhone)
    columns.phonesEnc = phones.length ? encryptField(JSON.stringify(phones)) : null
    columns.phoneBidx = phones.map(phoneIndex)
  }
  if ('address' in touched) columns.address = touched.address ?? null
  if ('employerName' in touched) columns.employerName = touched.employerName ?? null
  if ('position' in touched) columns.position = touched.position ?? null
  if ('salary' in touched)
    columns.salaryEnc = touched.salary == null ? null : encryptField(String(touched.salary))
  if ('joinedOn' in touched) columns.joinedOn = touched.joinedOn ?? null
  if ('tags' in touched) columns.tags = [...new Set(touched.tags ?? [])]
  if ('branchId' in touched) columns.branchId = touched.branchId ?? null
  if ('userId' in touched) columns.userId = touched.userId ?? null
  return columns
}

const canSeeSensitive = (ctx: ServiceContext) => can(ctx, SENSITIVE_PERMISSION)

export async function createPerson(ctx: ServiceContext, input: CreatePerson): Promise<Person> {
  if (!canSeeSensitive(ctx) && input.salary != null) {
    throw new AppError('forbidden', 'Recording a salary needs people:read_sensitive', [
      { path: 'body.salary', message: 'Not allowed without people:read_sensitive' },
    ])
  }
  const { assignMembershipNumber, ...fields } = input
  const columns = await prepareColumns(ctx, fields, fields)
  const membershipNumber = assignMembershipNumber
    ? Number(await nextCounterValue(ctx.db, ctx.orgId, MEMBERSHIP_COUNTER))
    : null
  let row: repo.PersonRow
  try {
    row = await repo.insertPerson(ctx, {
      ...(columns as repo.PersonInsert),
      membershipNumber,
      status: 'activo',
      statusChangedOn: input.joinedOn ?? bogotaDate(ctx.now),
    })
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'This document number is already registered', [
        {
          path: 'body.documentNumber',
          message: 'This document number is already registered in the organization',
        },
      ])
    }
    throw error
  }
  await repo.insertStatusChange(ctx, {
    personId: row.id,
    fromStatus: null,
    toStatus: 'activo',
    effectiveOn: row.statusChangedOn ?? bogotaDate(ctx.now),
    reason: 'Registro',
    actorId: ctx.actor.userId,
  })
  await recordAudit(ctx, {
    action: 'person.created',
    entityType: 'person',
    entityId: row.id,
    after: auditView(row),
  })
  await recordEvent(ctx, { type: PERSON_CREATED, entityId: row.id, payload: { id: row.id } })
  return toPersonDto(row, [], canSeeSensitive(ctx))
}

export async function getPerson(ctx: ServiceContext, id: string): Promise<Person> {
  const row = await loadPerson(ctx, id)
  return toPersonDto(row, await repo.listRelatives(ctx, id), canSeeSensitive(ctx))
}

export async function updatePerson(ctx: ServiceContext, id: string, version: number, patch: UpdatePerson) {
  const before = await loadPerson(ctx, id)
  if (before.version !== version)
    throw new AppError('precondition_failed', 'The person changed since you read it')
  if (before.anonymizedAt) throw new AppError('conflict', 'An anonymized record cannot be edited')
  const sensitive = canSeeSensitive(ctx)
  if (!sensitive && ('salary' in patch || 'phones' in patch || 'documentNumber' in patch)) {
    throw new AppError('forbidden', 'Changing sensitive fields needs people:read_sensitive', [
      { path: 'body', message: 'salary, phones and documentNumber need people:read_sensitive' },
    ])
  }
  const documentType = patch.documentType ?? (before.documentType as DocumentType)
  const documentNumber = patch.documentNumber ?? decryptField(before.documentNumberEnc)
  const merged = {
    kind: before.kind,
    documentType,
    documentNumber,
    nitCheckDigit: 'nitCheckDigit' in patch ? patch.nitCheckDigit : before.nitCheckDigit,
    firstNames: 'firstNames' in patch ? patch.firstNames : before.firstNames,
    lastNames: 'lastNames' in patch ? patch.lastNames : before.lastNames,
    businessName: 'businessName' in patch ? patch.businessName : before.businessName,
    birthDate: 'birthDate' in patch ? patch.birthDate : before.birthDate,
    joinedOn: 'joinedOn' in patch ? patch.joinedOn : before.joinedOn,
    address: 'address' in patch ? patch.address : before.address,
  }
  const columns = await prepareColumns(ctx, merged, patch, id)
  let after: repo.PersonRow | null
  try {
    after = await repo.updatePerson(ctx, id, version, columns)
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'This document number is already registered', [
        {
          path: 'body.documentNumber',
          message: 'This document number is already registered in the organization',
        },
      ])
    }
    throw error
  }
  if (!after) throw new AppError('precondition_failed', 'The person changed since you read it')
  const salaryChanged = 'salary' in patch && (decryptSalary(before) ?? null) !== (patch.salary ?? null)
  await recordAudit(ctx, {
    action: 'person.updated',
    entityType: 'person',
    entityId: id,
    before: auditView(before),
    after: auditView(after, salaryChanged ? '[protected, changed]' : '[protected]'),
  })
  return toPersonDto(after, await repo.listRelatives(ctx, id), sensitive)
}

/** Lifecycle: activo ⇄ inactivo, then retirado / excluido / fallecido (fallecido is final). */
export async function changePersonStatus(ctx: ServiceContext, id: string, input: ChangePersonStatus) {
  const before = await loadPerson(ctx, id)
  const errors = new FieldErrors()
  if (before.status === input.status) errors.add('body.status', `The person is already ${input.status}`)
  if (before.status === 'fallecido') errors.add('body.status', 'A deceased person’s status cannot change')
  const effectiveOn = input.effectiveOn ?? bogotaDate(ctx.now)
  checkPastDate(errors, 'body.effectiveOn', effectiveOn, ctx.now)
  if (before.joinedOn && effectiveOn < before.joinedOn)
    errors.add('body.effectiveOn', 'Before the joining date')
  errors.throwIfAny('The status change is not allowed')
  const after = await repo.updatePerson(ctx, id, null, {
    status: input.status,
    statusChangedOn: effectiveOn,
    statusReason: input.reason,
  })
  if (!after) throw notFound('Person')
  await repo.insertStatusChange(ctx, {
    personId: id,
    fromStatus: before.status,
    toStatus: input.status,
    effectiveOn,
    reason: input.reason,
    actorId: ctx.actor.userId,
  })
  await recordAudit(ctx, {
    action: 'person.status_changed',
    entityType: 'person',
    entityId: id,
    before: { status: before.status, statusReason: before.statusReason },
    after: { status: after.status, statusReason: after.statusReason },
  })
  await recordEvent(ctx, {
    type: PERSON_STATUS_CHANGED,
    entityId: id,
    payload: { id, from: before.status, to: input.status, effectiveOn },
  })
  return toPersonDto(after, await repo.listRelatives(ctx, id), canSeeSensitive(ctx))
}

/** Replaces family and beneficiaries; beneficiary percentages must sum to exactly 100 %. */
export async function setPersonRelatives(ctx: ServiceContext, id: string, input: SetPersonRelatives) {
  const person = await loadPerson(ctx, id)
  const errors = new FieldErrors()
  const rows = input.relatives.map((r, i) => {
    let parsed: ReturnType<typeof parseDocument> | null = null
    if (r.documentNumber && !r.documentType)
      errors.add(`body.relatives.${i}.documentType`, 'Required with a document number')
    if (r.documentType && r.documentNumber) {
      parsed = parseDocument(r.documentType, r.documentNumber)
      if ('error' in parsed) errors.add(`body.relatives.${i}.documentNumber`, parsed.error)
    }
    const bp = r.percentage == null ? null : Math.round(r.percentage * 100)
    if (r.percentage != null && Math.abs(r.percentage * 100 - (bp ?? 0)) > 1e-6) {
      errors.add(`body.relatives.${i}.percentage`, 'At most two decimals')
    }
    const doc = parsed && !('error' in parsed) ? parsed : null
    return {
      name: r.name,
      relationship: r.relationship,
      documentType: r.documentType ?? null,
      documentNumberEnc: doc ? encryptField(doc.number) : null,
      documentLast4: doc ? doc.last4 : null,
      beneficiaryBp: bp,
      position: i,
    }
  })
  const beneficiaries = rows.filter((r) => r.beneficiaryBp !== null)
  const total = beneficiaries.reduce((sum, r) => sum + (r.beneficiaryBp ?? 0), 0)
  if (beneficiaries.length && total !== 10_000) {
    errors.add(
      'body.relatives',
      `Beneficiary percentages sum to ${total / 100} %; they must sum to exactly 100 %`,
    )
  }
  errors.throwIfAny('The family and beneficiaries are not valid')
  const before = await repo.listRelatives(ctx, id)
  await repo.replaceRelatives(ctx, id, rows)
  await repo.updatePerson(ctx, id, null, {})
  const summary = (list: { name: string; relationship: string; beneficiaryBp: number | null }[]) =>
    list.map(
      (r) => `${r.name} (${r.relationship}${r.beneficiaryBp === null ? '' : `, ${r.beneficiaryBp / 100} %`})`,
    )
  await recordAudit(ctx, {
    action: 'person.relatives_set',
    entityType: 'person',
    entityId: id,
    before: { relatives: summary(before) },
    after: { relatives: summary(rows) },
  })
  return toPersonDto(
    (await repo.findPerson(ctx, id)) ?? person,
    await repo.listRelatives(ctx, id),
    canSeeSensitive(ctx),
  )
}

/**
 * Whether typed digits can be a Colombian phone: a number with +, a mobile (10 digits from 3, or 57 +
 * mobile), a landline (10 digits from 60), or 7 digits (an old landline, or an old cédula). A cédula of
 * 8–10 digits from 1 is not looked up as a phone: phones are matched through an array the name index
 * cannot serve under row-level security, so that lookup reads the whole org.
 */
function looksLikePhone(q: string) {
  const digits = q.replace(/\D/g, '')
  return (
    q.trim().startsWith('+') ||
    /^(57)?3\d{9}$/.test(digits) ||
    /^60\d{8}$/.test(digits) ||
    digits.length === 7
  )
}

/** Which rows a query means: exact by email, document (any type), membership number or phone; else name. */
export function searchFilter(query: PersonQuery): repo.PersonFilter {
  const filter: repo.PersonFilter = {
    status: query.status,
    tags: query.tags
      ?.split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    branchId: query.branchId,
  }
  const q = query.q?.trim()
  if (!q) return filter
  if (q.includes('@')) return { ...filter, email: q.toLowerCase() }
  // The blind index is keyed by type, so a number is looked up under every type at once.
  const documentKeys = (number: string) =>
    DOCUMENT_TYPES.map((type) => ({ type, bidx: documentIndex(type, number) }))
  if (/^[\d\s.+-]+$/.test(q)) {
    const digits = q.replace(/[^\d]/g, '')
    const nitBody = /^(\d{9})-\d$/.exec(q.replace(/[.\s]/g, ''))?.[1]
    return {
      ...filter,
      documentKeys: documentKeys(nitBody ?? digits),
      membershipNumber: digits.length > 0 && digits.length <= 9 ? Number(digits) : undefined,
      phoneBidx: looksLikePhone(q) ? phoneIndex(q) : undefined,
    }
  }
  if (/^[A-Za-z0-9]{5,12}$/.test(q) && /\d/.test(q))
    return { ...filter, documentKeys: documentKeys(q.toUpperCase()) }
  return { ...filter, name: normalizeName(q) }
}

/** Search with facet counts (status ignores its own filter so every option shows its count). */
export async function listPeople(ctx: ServiceContext, query: PersonQuery): Promise<PersonPage> {
  const filter = searchFilter(query)
  const sensitive = canSeeSensitive(ctx)
  if (filter.name) return listPeopleByName(ctx, query, filter, (r) => toListItem(r, sensitive))
  const rows = await repo.searchPeople(ctx, filter, { limit: query.limit, after: decodeCursor(query.cursor) })
  const page = toPage(rows, query.limit, (r) => r.id)
  const status = await repo.statusFacet(ctx, filter)
  const tags = await repo.tagFacet(ctx, filter)
  return {
    items: page.items.map((r) => toListItem(r, sensitive)),
    nextCursor: page.nextCursor,
    facets: { status, tags },
  }
}

/** Field-by-field change history from the audit log, plus the status timeline. */
export async function personHistory(ctx: ServiceContext, id: string): Promise<PersonHistory> {
  await loadPerson(ctx, id)
  const events = await ctx.db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.orgId, ctx.orgId),
        eq(auditEvents.entityType, 'person'),
        eq(auditEvents.entityId, id),
      ),
    )
    .orderBy(asc(auditEvents.occurredAt))
  const statuses = await repo.listStatusHistory(ctx, id)
  return {
    items: events.map((e) => ({
      at: e.occurredAt.toISOString(),
      actorId: e.actorId,
      action: e.action,
      changes: e.changes ?? {},
    })),
    statusHistory: statuses.map((s) => ({
      fromStatus: s.fromStatus as PersonStatus | null,
      toStatus: s.toStatus as PersonStatus,
      effectiveOn: s.effectiveOn,
      reason: s.reason,
      actorId: s.actorId,
      at: s.createdAt.toISOString(),
    })),
  }
}

// ---- Exports for other modules (privacy, documents, import) ----

export type PersonSummary = {
  id: string
  kind: 'natural' | 'legal'
  displayName: string
  documentType: string
  documentNumberMasked: string
  status: PersonStatus
  membershipNumber: number | null
  userId: string | null
}

/** The person record linked to this user account (a member's own record), or null. */
export async function findPersonIdByUser(ctx: ServiceContext, userId: string): Promise<string | null> {
  return repo.findPersonIdByUser(ctx, userId)
}

export async function getPersonSummary(ctx: ServiceContext, personId: string): Promise<PersonSummary | null> {
  if (!/^[0-9a-f-]{36}$/i.test(personId)) return null
  const row = await repo.findPerson(ctx, personId)
  if (!row) return null
  return {
    id: row.id,
    kind: row.kind,
    displayName: displayNameOf(row),
    documentType: row.documentType,
    documentNumberMasked: maskLast4(row.documentLast4),
    status: row.status,
    membershipNumber: row.membershipNumber,
    userId: row.userId,
  }
}

/** Marks or clears the "reclamo en trámite" flag on the person's record (Ley 1581 art. 15). */
export async function setClaimInProgress(ctx: ServiceContext, personId: string, inProgress: boolean) {
  const before = await loadPerson(ctx, personId)
  if (before.claimInProgress === inProgress) return
  await repo.updatePerson(ctx, personId, null, { claimInProgress: inProgress })
  await recordAudit(ctx, {
    action: 'person.claim_flag_set',
    entityType: 'person',
    entityId: personId,
    before: { claimInProgress: before.claimInProgress },
    after: { claimInProgress: inProgress },
  })
}

/** For "Mis datos": everything the org holds about the person, decrypted, as plain JSON. */
export async function exportPersonData(
  ctx: ServiceContext,
  personId: string,
): Promise<Record<string, unknown>> {
  const row = await loadPerson(ctx, personId)
  const dto = toPersonDto(row, await repo.listRelatives(ctx, personId), true)
  const { sensitiveVisible: _s, completeness: _c, version: _v, ...data } = dto
  const statuses = await repo.listStatusHistory(ctx, personId)
  return {
    ...data,
    documentNumber: row.anonymizedAt ? null : decryptField(row.documentNumberEnc),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    statusHistory: statuses.map((s) => ({
      fromStatus: s.fromStatus,
      toStatus: s.toStatus,
      effectiveOn: s.effectiveOn,
      reason: s.reason,
    })),
  }
}

/** Anonymize when deletion is requested and legal retention applies: keeps the row and ids, wipes identity. */
export async function anonymizePerson(ctx: ServiceContext, personId: string, reason: string) {
  const before = await loadPerson(ctx, personId)
  if (before.anonymizedAt) return
  const label = before.kind === 'legal' ? 'Entidad anonimizada' : 'Persona anonimizada'
  const after = await repo.updatePerson(ctx, personId, null, {
    documentNumberEnc: encryptField(''),
    documentNumberBidx: null,
    documentLast4: '----',
    nitCheckDigit: null,
    firstNames: before.kind === 'natural' ? label : null,
    lastNames: null,
    businessName: before.kind === 'legal' ? label : null,
    nameSearch: normalizeName(label),
    birthDate: null,
    emails: [],
    primaryEmail: null,
    phonesEnc: null,
    phoneBidx: [],
    address: null,
    employerName: null,
    position: null,
    salaryEnc: null,
    userId: null,
    statusReason: `Anonimizado: ${reason}`,
    anonymizedAt: ctx.now,
  })
  await repo.replaceRelatives(ctx, personId, [])
  await forgetUnusedNameWords(ctx, before.nameSearch.split(' '))
  await recordAudit(ctx, {
    action: 'person.anonymized',
    entityType: 'person',
    entityId: personId,
    before: { anonymized: false },
    after: { anonymized: true, reason },
  })
  if (!after) throw notFound('Person')
}
