import type {
  ApiKey,
  ApiKeyCreated as ApiKeyCreatedSchema,
  Branch,
  CreateApiKey,
  CreateInvitation,
  CreateRole,
  CreateRoleAssignment,
  Invitation,
  InvitationSent as InvitationSentSchema,
  Member,
  MembershipRole,
  PermissionCatalogResponse,
  Role,
  RoleAssignment,
  SecurityPolicy,
  Subscription as SubscriptionSchema,
  UpdateRole,
} from '@minga/contracts'
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import { apiFetch } from '../../app/api-client.ts'
import type { SecurityEventPage } from '../account/account-api.ts'

export type Subscription = z.infer<typeof SubscriptionSchema>
export type InvitationSent = z.infer<typeof InvitationSentSchema>
export type ApiKeyCreated = z.infer<typeof ApiKeyCreatedSchema>
export type InvitationStatus = Invitation['status']

interface Page<T> {
  items: T[]
  nextCursor: string | null
}

const orgPath = (slug: string, path: string) => `/api/v1/orgs/${encodeURIComponent(slug)}${path}`
const orgKey = (slug: string, ...rest: unknown[]) => ['orgs', 'bySlug', slug, 'settings', ...rest]

/** Invalidate every settings query of an org. */
export const settingsKey = (slug: string) => orgKey(slug)

const pageSize = 100

export const permissionCatalogQuery = queryOptions({
  queryKey: ['permissions'],
  queryFn: ({ signal }) => apiFetch<PermissionCatalogResponse>('/api/v1/permissions', { signal }),
  staleTime: 60 * 60_000,
})

export function membersQuery(slug: string) {
  return infiniteQueryOptions({
    queryKey: orgKey(slug, 'members'),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<Member>>(orgPath(slug, '/members'), {
        query: { limit: pageSize, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}

export function invitationsQuery(slug: string, status: InvitationStatus | undefined) {
  return infiniteQueryOptions({
    queryKey: orgKey(slug, 'invitations', status ?? 'all'),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<Invitation>>(orgPath(slug, '/invitations'), {
        query: { limit: 50, cursor: pageParam, status },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}

export function rolesQuery(slug: string) {
  return queryOptions({
    queryKey: orgKey(slug, 'roles'),
    queryFn: ({ signal }) => apiFetch<{ items: Role[] }>(orgPath(slug, '/roles'), { signal }),
  })
}

export function assignmentsQuery(slug: string) {
  return queryOptions({
    queryKey: orgKey(slug, 'role-assignments'),
    queryFn: ({ signal }) =>
      apiFetch<{ items: RoleAssignment[] }>(orgPath(slug, '/role-assignments'), { signal }),
  })
}

export function branchesQuery(slug: string) {
  return queryOptions({
    queryKey: orgKey(slug, 'branches'),
    queryFn: ({ signal }) =>
      apiFetch<Page<Branch>>(orgPath(slug, '/branches'), { query: { limit: pageSize }, signal }),
  })
}

export function apiKeysQuery(slug: string) {
  return infiniteQueryOptions({
    queryKey: orgKey(slug, 'api-keys'),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<ApiKey>>(orgPath(slug, '/api-keys'), {
        query: { limit: 50, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}

export function subscriptionQuery(slug: string) {
  return queryOptions({
    queryKey: orgKey(slug, 'subscription'),
    queryFn: ({ signal }) => apiFetch<Subscription>(orgPath(slug, '/subscription'), { signal }),
  })
}

export function securityPolicyQuery(slug: string) {
  return queryOptions({
    queryKey: orgKey(slug, 'security-policy'),
    queryFn: ({ signal }) => apiFetch<SecurityPolicy>(orgPath(slug, '/security-policy'), { signal }),
  })
}

export function orgSecurityEventsQuery(slug: string) {
  return infiniteQueryOptions({
    queryKey: orgKey(slug, 'security-events'),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<SecurityEventPage>(orgPath(slug, '/security-events'), {
        query: { limit: 25, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}

// Writes ---------------------------------------------------------------------------------------------

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` })

export const addMember = (slug: string, input: { email: string; role: Exclude<MembershipRole, 'owner'> }) =>
  apiFetch<Member>(orgPath(slug, '/members'), { method: 'POST', body: input })

export const changeMemberRole = (slug: string, userId: string, role: MembershipRole) =>
  apiFetch<Member>(orgPath(slug, `/members/${userId}`), { method: 'PATCH', body: { role } })

export const removeMember = (slug: string, userId: string) =>
  apiFetch<void>(orgPath(slug, `/members/${userId}`), { method: 'DELETE' })

export const createInvitation = (slug: string, input: Partial<CreateInvitation> & { email: string }) =>
  apiFetch<InvitationSent>(orgPath(slug, '/invitations'), { method: 'POST', body: input })

export const resendInvitation = (slug: string, id: string) =>
  apiFetch<InvitationSent>(orgPath(slug, `/invitations/${id}/resend`), { method: 'POST', body: {} })

export const revokeInvitation = (slug: string, id: string) =>
  apiFetch<Invitation>(orgPath(slug, `/invitations/${id}`), { method: 'DELETE' })

export const createRole = (slug: string, input: CreateRole) =>
  apiFetch<Role>(orgPath(slug, '/roles'), { method: 'POST', body: input })

export const updateRole = (slug: string, role: Pick<Role, 'id' | 'version'>, patch: UpdateRole) =>
  apiFetch<Role>(orgPath(slug, `/roles/${role.id}`), {
    method: 'PATCH',
    body: patch,
    headers: ifMatch(role.version),
  })

export const deleteRole = (slug: string, id: string) =>
  apiFetch<void>(orgPath(slug, `/roles/${id}`), { method: 'DELETE' })

export const createAssignment = (slug: string, input: CreateRoleAssignment) =>
  apiFetch<RoleAssignment>(orgPath(slug, '/role-assignments'), { method: 'POST', body: input })

export const deleteAssignment = (slug: string, id: string) =>
  apiFetch<void>(orgPath(slug, `/role-assignments/${id}`), { method: 'DELETE' })

export const createApiKey = (slug: string, input: CreateApiKey) =>
  apiFetch<ApiKeyCreated>(orgPath(slug, '/api-keys'), { method: 'POST', body: input })

export const revokeApiKey = (slug: string, id: string) =>
  apiFetch<ApiKey>(orgPath(slug, `/api-keys/${id}`), { method: 'DELETE' })

export const updateSecurityPolicy = (slug: string, input: SecurityPolicy) =>
  apiFetch<SecurityPolicy>(orgPath(slug, '/security-policy'), { method: 'PUT', body: input })
