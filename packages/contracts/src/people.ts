import { z } from 'zod'
import { PageQuery } from './pagination.ts'

export const PERSON_STATUSES = ['activo', 'inactivo', 'retirado', 'excluido', 'fallecido'] as const
export const PersonStatus = z.enum(PERSON_STATUSES)
export type PersonStatus = z.infer<typeof PersonStatus>

export const PERSON_DOCUMENT_TYPES = ['CC', 'CE', 'TI', 'RC', 'NUIP', 'PA', 'PEP', 'PPT', 'NIT'] as const
export const PersonDocumentType = z.enum(PERSON_DOCUMENT_TYPES)
export type PersonDocumentType = z.infer<typeof PersonDocumentType>

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD')

export const PersonAddress = z
  .object({
    line: z.string().trim().max(300).nullable().optional(),
    departmentCode: z
      .string()
      .regex(/^\d{2}$/, 'Two-digit DANE department code')
      .nullable()
      .optional(),
    municipalityCode: z
      .string()
      .regex(/^\d{5}$/, 'Five-digit DANE municipality code')
      .nullable()
      .optional(),
  })
  .meta({ id: 'PersonAddress' })

export const PersonRelative = z
  .object({
    id: z.uuid(),
    name: z.string(),
    relationship: z.string(),
    documentType: PersonDocumentType.nullable(),
    /** Masked ("****5678") without people:read_sensitive. */
    documentNumber: z.string().nullable(),
    percentage: z.number().nullable(),
  })
  .meta({ id: 'PersonRelative' })

export const Person = z
  .object({
    id: z.uuid(),
    kind: z.enum(['natural', 'legal']),
    documentType: PersonDocumentType,
    /** Plain with people:read_sensitive, else masked ("****5678"). */
    documentNumber: z.string(),
    nitCheckDigit: z.string().nullable(),
    firstNames: z.string().nullable(),
    lastNames: z.string().nullable(),
    businessName: z.string().nullable(),
    displayName: z.string(),
    birthDate: z.string().nullable(),
    emails: z.array(z.string()),
    /** Plain with people:read_sensitive, else masked. */
    phones: z.array(z.string()),
    address: PersonAddress.nullable(),
    employerName: z.string().nullable(),
    position: z.string().nullable(),
    /** Integer COP; null without people:read_sensitive or when unknown. */
    salary: z.number().int().nullable(),
    status: PersonStatus,
    statusChangedOn: z.string().nullable(),
    statusReason: z.string().nullable(),
    membershipNumber: z.number().int().nullable(),
    joinedOn: z.string().nullable(),
    tags: z.array(z.string()),
    branchId: z.uuid().nullable(),
    userId: z.uuid().nullable(),
    claimInProgress: z.boolean(),
    anonymized: z.boolean(),
    relatives: z.array(PersonRelative),
    sensitiveVisible: z.boolean(),
    completeness: z.object({ percent: z.number().int(), missing: z.array(z.string()) }),
    version: z.number().int(),
  })
  .meta({ id: 'Person' })
export type Person = z.infer<typeof Person>

export const PersonListItem = Person.pick({
  id: true,
  kind: true,
  documentType: true,
  documentNumber: true,
  displayName: true,
  status: true,
  membershipNumber: true,
  tags: true,
  claimInProgress: true,
}).meta({ id: 'PersonListItem' })
export type PersonListItem = z.infer<typeof PersonListItem>

const name = z.string().trim().min(1).max(120)
const tag = z.string().trim().min(1).max(40)

const personFields = {
  documentType: PersonDocumentType,
  documentNumber: z.string().trim().min(1).max(30),
  nitCheckDigit: z.string().regex(/^\d$/).nullable().optional(),
  firstNames: name.nullable().optional(),
  lastNames: name.nullable().optional(),
  businessName: z.string().trim().min(1).max(200).nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  emails: z.array(z.email().max(200)).max(5).optional(),
  phones: z
    .array(
      z
        .string()
        .trim()
        .regex(/^\+?[\d\s-]{7,20}$/, 'Digits, spaces, dashes, optional +'),
    )
    .max(5)
    .optional(),
  address: PersonAddress.nullable().optional(),
  employerName: z.string().trim().max(200).nullable().optional(),
  position: z.string().trim().max(120).nullable().optional(),
  salary: z.number().int().min(0).max(10_000_000_000).nullable().optional(),
  joinedOn: isoDate.nullable().optional(),
  tags: z.array(tag).max(30).optional(),
  branchId: z.uuid().nullable().optional(),
  userId: z.uuid().nullable().optional(),
}

export const CreatePerson = z.strictObject({
  kind: z.enum(['natural', 'legal']).default('natural'),
  ...personFields,
  /** Draw the next membership number from the org counter (default true). */
  assignMembershipNumber: z.boolean().default(true),
})
export type CreatePerson = z.infer<typeof CreatePerson>

export const UpdatePerson = z.strictObject({
  ...personFields,
  documentType: personFields.documentType.optional(),
  documentNumber: personFields.documentNumber.optional(),
})
export type UpdatePerson = z.infer<typeof UpdatePerson>

export const ChangePersonStatus = z.strictObject({
  status: PersonStatus,
  effectiveOn: isoDate.optional(),
  reason: z.string().trim().min(3).max(500),
})
export type ChangePersonStatus = z.infer<typeof ChangePersonStatus>

export const SetPersonRelatives = z.strictObject({
  relatives: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(200),
        relationship: z.string().trim().min(1).max(60),
        documentType: PersonDocumentType.nullable().optional(),
        documentNumber: z.string().trim().min(1).max(30).nullable().optional(),
        /** Beneficiary share, up to two decimals; beneficiaries must sum to exactly 100. */
        percentage: z.number().gt(0).max(100).nullable().optional(),
      }),
    )
    .max(30),
})
export type SetPersonRelatives = z.infer<typeof SetPersonRelatives>

export const PersonQuery = PageQuery.extend({
  /** Name (accent-insensitive, typo-tolerant), or exact document / membership number / email. */
  q: z.string().trim().min(1).max(100).optional(),
  status: PersonStatus.optional(),
  /** Comma-separated; a person must have every tag. */
  tags: z.string().trim().max(400).optional(),
  branchId: z.uuid().optional(),
})
export type PersonQuery = z.infer<typeof PersonQuery>

export const PersonPage = z
  .object({
    items: z.array(PersonListItem),
    nextCursor: z.string().nullable(),
    facets: z.object({
      status: z.record(z.string(), z.number().int()),
      tags: z.record(z.string(), z.number().int()),
    }),
  })
  .meta({ id: 'PersonPage' })
export type PersonPage = z.infer<typeof PersonPage>

export const PersonParams = z.object({ id: z.uuid() })

export const PersonHistoryEntry = z
  .object({
    at: z.string(),
    actorId: z.string().nullable(),
    action: z.string(),
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  })
  .meta({ id: 'PersonHistoryEntry' })
export const PersonHistory = z.object({
  items: z.array(PersonHistoryEntry),
  statusHistory: z.array(
    z.object({
      fromStatus: PersonStatus.nullable(),
      toStatus: PersonStatus,
      effectiveOn: z.string(),
      reason: z.string().nullable(),
      actorId: z.string().nullable(),
      at: z.string(),
    }),
  ),
})
export type PersonHistory = z.infer<typeof PersonHistory>
