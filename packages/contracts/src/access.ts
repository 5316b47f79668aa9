import { z } from 'zod'
import { Localized } from './modules.ts'
import { MembershipRole, OrgKind } from './orgs.ts'
import { PageQuery, pageOf } from './pagination.ts'

/** A permission key: `resource:action` (lowercase, digits, `_` and `-`). */
export const PermissionKey = z
  .string()
  .max(80)
  .regex(/^[a-z0-9_-]+:[a-z0-9_-]+$/, 'Use resource:action')

/** The permission catalog, grouped by module (the platform's own group is `platform`). */
export const PermissionCatalogResponse = z
  .object({
    groups: z.array(
      z.object({
        module: z.string(),
        label: Localized,
        permissions: z.array(z.object({ key: z.string(), label: Localized })),
      }),
    ),
  })
  .meta({ id: 'PermissionCatalog' })
export type PermissionCatalogResponse = z.infer<typeof PermissionCatalogResponse>

// Roles ---------------------------------------------------------------------------------------------

export const RoleKey = z
  .string()
  .trim()
  .min(2)
  .max(48)
  .regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, 'Use lowercase letters, digits and single underscores')

export const Role = z
  .object({
    id: z.uuid(),
    key: z.string(),
    name: z.string(),
    description: z.string(),
    builtIn: z.boolean(),
    inherits: z.array(z.uuid()),
    /** Permissions granted directly (inherited ones are in `effectivePermissions`). */
    permissions: z.array(z.string()),
    effectivePermissions: z.array(z.string()),
    version: z.number().int(),
  })
  .meta({ id: 'Role' })
export type Role = z.infer<typeof Role>

export const RoleList = z.object({ items: z.array(Role) }).meta({ id: 'RoleList' })

const roleName = z.string().trim().min(2).max(80)
const roleDescription = z.string().trim().max(500)
const permissionList = z.array(PermissionKey).max(500)
const inheritsList = z.array(z.uuid()).max(50)

export const CreateRole = z.strictObject({
  key: RoleKey,
  name: roleName,
  description: roleDescription.default(''),
  permissions: permissionList.default([]),
  inherits: inheritsList.default([]),
})
export type CreateRole = z.infer<typeof CreateRole>

export const UpdateRole = z.strictObject({
  name: roleName.optional(),
  description: roleDescription.optional(),
  permissions: permissionList.optional(),
  inherits: inheritsList.optional(),
})
export type UpdateRole = z.infer<typeof UpdateRole>

export const IdParams = z.object({ id: z.uuid() })

export const RoleAssignment = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    roleId: z.uuid(),
    roleKey: z.string(),
    branchId: z.uuid().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'RoleAssignment' })
export type RoleAssignment = z.infer<typeof RoleAssignment>
export const RoleAssignmentList = z.object({ items: z.array(RoleAssignment) })
export const RoleAssignmentQuery = z.object({ userId: z.uuid().optional() })
export const CreateRoleAssignment = z.strictObject({
  userId: z.uuid(),
  roleId: z.uuid(),
  branchId: z.uuid().optional(),
})
export type CreateRoleAssignment = z.infer<typeof CreateRoleAssignment>

/** What the caller may do in an org: `all` for owners and admins, else org-wide and per-branch lists. */
export const MyPermissions = z
  .object({
    role: MembershipRole,
    all: z.boolean(),
    permissions: z.array(z.string()),
    branches: z.array(z.object({ branchId: z.uuid(), permissions: z.array(z.string()) })),
  })
  .meta({ id: 'MyPermissions' })
export type MyPermissions = z.infer<typeof MyPermissions>

// Members -------------------------------------------------------------------------------------------

export const MemberParams = z.object({ userId: z.uuid() })
export const UpdateMember = z.strictObject({ role: MembershipRole })

// Invitations ---------------------------------------------------------------------------------------

export const InvitationStatus = z.enum(['pending', 'accepted', 'declined', 'revoked', 'expired'])

export const Invitation = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: MembershipRole.exclude(['owner']),
    roleId: z.uuid().nullable(),
    branchId: z.uuid().nullable(),
    status: InvitationStatus,
    expiresAt: z.string(),
    invitedBy: z.uuid(),
    sentCount: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'Invitation' })
export type Invitation = z.infer<typeof Invitation>

/** Returned on create and resend only: the token goes by email; it is shown here once for sharing. */
export const InvitationSent = Invitation.extend({ token: z.string(), acceptUrl: z.string() }).meta({
  id: 'InvitationSent',
})

export const CreateInvitation = z.strictObject({
  email: z.email().max(254),
  role: MembershipRole.exclude(['owner']).default('member'),
  /** A data role to assign on acceptance (default: the org kind's member role for `member`). */
  roleId: z.uuid().optional(),
  /** Scope `roleId` to one branch. */
  branchId: z.uuid().optional(),
  expiresInDays: z.number().int().min(1).max(30).default(7),
})
export type CreateInvitation = z.infer<typeof CreateInvitation>
export const ResendInvitation = z.strictObject({
  expiresInDays: z.number().int().min(1).max(30).default(7),
})
export const InvitationQuery = PageQuery.extend({ status: InvitationStatus.optional() })
export const InvitationPage = pageOf(Invitation)
export const InvitationTokenParams = z.object({ token: z.string().min(20).max(200) })
export const RespondInvitation = z.strictObject({})
export const InvitationAccepted = z.object({
  org: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  role: MembershipRole,
})

// API keys ------------------------------------------------------------------------------------------

export const ApiKey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    hint: z.string(),
    permissions: z.array(z.string()),
    createdBy: z.uuid(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ApiKey' })
export type ApiKey = z.infer<typeof ApiKey>
/** Returned once, at creation: `key` is never shown again (only its hash is stored). */
export const ApiKeyCreated = ApiKey.extend({ key: z.string() }).meta({ id: 'ApiKeyCreated' })
export const CreateApiKey = z.strictObject({
  name: z.string().trim().min(2).max(80),
  permissions: z.array(PermissionKey).min(1).max(200),
  /** Default: never expires. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
})
export type CreateApiKey = z.infer<typeof CreateApiKey>
export const ApiKeyPage = pageOf(ApiKey)

// Plans and subscriptions ---------------------------------------------------------------------------

export const SubscriptionStatus = z.enum(['trialing', 'active', 'past_due', 'cancelled'])
export type SubscriptionStatus = z.infer<typeof SubscriptionStatus>

export const Plan = z
  .object({
    key: z.string(),
    name: z.string(),
    modules: z.array(z.string()).nullable(),
    maxUsers: z.number().int().nullable(),
    maxBranches: z.number().int().nullable(),
  })
  .meta({ id: 'Plan' })
export type Plan = z.infer<typeof Plan>
export const PlanList = z.object({ items: z.array(Plan) })
export const PlanKeyParams = z.object({
  key: z
    .string()
    .min(2)
    .max(40)
    .regex(/^[a-z0-9_-]+$/),
})
export const PutPlan = z.strictObject({
  name: z.string().trim().min(2).max(80),
  modules: z.array(z.string().min(1).max(60)).max(100).nullable().default(null),
  maxUsers: z.number().int().min(1).max(1_000_000).nullable().default(null),
  maxBranches: z.number().int().min(0).max(100_000).nullable().default(null),
})

export const Subscription = z
  .object({
    plan: Plan,
    status: SubscriptionStatus,
    usage: z.object({ users: z.number().int(), branches: z.number().int() }),
  })
  .meta({ id: 'Subscription' })

export const AdminOrg = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    kind: OrgKind,
    planKey: z.string(),
    subscriptionStatus: SubscriptionStatus,
    createdAt: z.string(),
  })
  .meta({ id: 'AdminOrg' })
export const AdminOrgPage = pageOf(AdminOrg)
export const AdminOrgParams = z.object({ orgId: z.uuid() })
export const UpdateSubscription = z
  .strictObject({ planKey: z.string().min(2).max(40).optional(), status: SubscriptionStatus.optional() })
  .refine((v) => v.planKey !== undefined || v.status !== undefined, {
    message: 'Send planKey or status',
  })

/** An org's security policy: holders of these role keys (owner, admin, member, or org roles) need 2FA. */
export const SecurityPolicy = z
  .object({ twoFactorRequiredFor: z.array(z.string()) })
  .meta({ id: 'SecurityPolicy' })
export type SecurityPolicy = z.infer<typeof SecurityPolicy>
export const UpdateSecurityPolicy = z.strictObject({
  twoFactorRequiredFor: z.array(z.string().trim().min(1).max(64)).max(50),
})
