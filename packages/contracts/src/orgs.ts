import { z } from 'zod'
import { pageOf } from './pagination.ts'

export const OrgKind = z.enum(['savings_credit', 'housing', 'food_service', 'incubator', 'community'])
export type OrgKind = z.infer<typeof OrgKind>

export const MembershipRole = z.enum(['owner', 'admin', 'member'])
export type MembershipRole = z.infer<typeof MembershipRole>

export const OrgSlug = z
  .string()
  .min(3)
  .max(48)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens')

export const Org = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    kind: OrgKind,
    timezone: z.string(),
    currency: z.string(),
    locale: z.string(),
    enabledModules: z.array(z.string()),
    status: z.enum(['active', 'suspended']),
    role: MembershipRole,
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Org' })
export type Org = z.infer<typeof Org>

export const CreateOrg = z.strictObject({
  name: z.string().trim().min(2).max(120),
  slug: OrgSlug,
  kind: OrgKind,
  timezone: z.string().max(64).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  locale: z.enum(['es-CO', 'en']).optional(),
})
export type CreateOrg = z.infer<typeof CreateOrg>

export const UpdateOrg = z.strictObject({
  name: z.string().trim().min(2).max(120).optional(),
  timezone: z.string().max(64).optional(),
  locale: z.enum(['es-CO', 'en']).optional(),
})
export type UpdateOrg = z.infer<typeof UpdateOrg>

export const OrgPage = pageOf(Org)

export const Branch = z
  .object({ id: z.uuid(), name: z.string(), code: z.string(), address: z.string().nullable() })
  .meta({ id: 'Branch' })
export type Branch = z.infer<typeof Branch>
export const CreateBranch = z.strictObject({
  name: z.string().trim().min(2).max(120),
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9-]+$/),
  address: z.string().trim().max(200).optional(),
})
export const BranchPage = pageOf(Branch)

export const Member = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: MembershipRole,
    joinedAt: z.string(),
  })
  .meta({ id: 'Member' })
export type Member = z.infer<typeof Member>
export const AddMember = z.strictObject({ email: z.email(), role: MembershipRole.exclude(['owner']) })
export const MemberPage = pageOf(Member)
