import { randomBytes } from 'node:crypto'
import type { CreateInvitation, Invitation, OrgKind } from '@minga/contracts'
import { and, eq } from 'drizzle-orm'
import { recordAudit } from '../audit/audit.ts'
import type { SessionUser } from '../auth/auth.ts'
import type { Db } from '../db/connection.ts'
import { withOrg } from '../db/with-org.ts'
import { AppError, notFound } from '../http/app-error.ts'
import { decodeCursor, toPage } from '../http/pagination.ts'
import { renderMail } from '../mail/index.ts'
import { assertRoomForMember } from '../plans/plans.service.ts'
import type { ServiceContext } from '../service-context.ts'
import {
  findMembership,
  findOrgById,
  findUserByEmail,
  insertMembership,
} from '../tenancy/tenancy.repository.ts'
import { branches } from '../tenancy/tenancy.tables.ts'
import * as repo from './access.repository.ts'
import {
  assertCanGrant,
  assignDefaultRole,
  isPlatformManager,
  parseOrgToken,
  sha256,
} from './access.service.ts'
import { closeRoles } from './effective-permissions.ts'
import { roleTemplates } from './role-templates.ts'

export const INVITATION_PREFIX = 'inv_'

/** `inv_<org id, 32 hex>.<256-bit secret>`: unguessable; only its SHA-256 is stored. */
function newInvitationToken(orgId: string) {
  return `${INVITATION_PREFIX}${orgId.replaceAll('-', '')}.${randomBytes(32).toString('base64url')}`
}

export function invitationStatus(row: repo.InvitationRow, now: Date): Invitation['status'] {
  if (row.status === 'pending' && row.expiresAt.getTime() <= now.getTime()) return 'expired'
  return row.status
}

export const toInvitationDto = (row: repo.InvitationRow, now: Date): Invitation => ({
  id: row.id,
  email: row.email,
  role: row.role,
  roleId: row.roleId,
  branchId: row.branchId,
  status: invitationStatus(row, now),
  expiresAt: row.expiresAt.toISOString(),
  invitedBy: row.invitedBy,
  sentCount: row.sentCount,
  createdAt: row.createdAt.toISOString(),
})

export type InvitationMail = { to: string; orgName: string; token: string; expiresAt: Date; role: string }

async function orgKind(ctx: ServiceContext): Promise<{ kind: OrgKind; name: string }> {
  const org = await findOrgById(ctx.db, ctx.orgId)
  if (!org) throw notFound('Organization')
  return { kind: org.kind, name: org.name }
}

/** Checks the role (and branch) an invitation would give; returns the data role to assign. */
async function resolveInvitedRole(
  ctx: ServiceContext,
  kind: OrgKind,
  input: { role: 'admin' | 'member'; roleId?: string | undefined; branchId?: string | undefined },
) {
  if (input.role === 'admin' && !isPlatformManager(ctx)) {
    throw new AppError('forbidden', 'Only owners and admins can invite admins', [
      { path: 'body.role', message: 'Only owners and admins can invite admins' },
    ])
  }
  const rows = await repo.listRoles(ctx.db, ctx.orgId)
  const closure = closeRoles(rows, await repo.listRolePermissions(ctx.db, ctx.orgId))
  let role = input.roleId ? rows.find((r) => r.id === input.roleId) : undefined
  if (input.roleId && !role) {
    throw new AppError('unprocessable', 'No such role', [{ path: 'body.roleId', message: 'No such role' }])
  }
  if (!role && input.role === 'member') role = rows.find((r) => r.key === roleTemplates[kind].defaultRole)
  if (input.branchId) {
    const found = await ctx.db
      .select({ id: branches.id })
      .from(branches)
      .where(and(eq(branches.orgId, ctx.orgId), eq(branches.id, input.branchId)))
    if (!found.length) {
      throw new AppError('unprocessable', 'No such branch', [
        { path: 'body.branchId', message: 'No such branch' },
      ])
    }
  }
  if (role) assertCanGrant(ctx, closure.get(role.id) ?? [], 'body.roleId', input.branchId)
  return role ?? null
}

export async function createInvitation(ctx: ServiceContext, input: CreateInvitation) {
  const email = input.email.toLowerCase()
  const { kind, name } = await orgKind(ctx)
  const role = await resolveInvitedRole(ctx, kind, input)
  const user = await findUserByEmail(ctx.db, email)
  if (user && (await findMembership(ctx.db, ctx.orgId, user.id))) {
    throw new AppError('conflict', 'This user is already a member', [
      { path: 'body.email', message: 'Already a member' },
    ])
  }
  const pending = await repo.findPendingInvitationForEmail(ctx.db, ctx.orgId, email)
  if (pending && invitationStatus(pending, ctx.now) === 'pending') {
    throw new AppError('conflict', 'This email already has a pending invitation (resend it)', [
      { path: 'body.email', message: 'Already invited' },
    ])
  }
  // An expired pending invitation for the same email is superseded.
  if (pending) await repo.updateInvitation(ctx.db, ctx.orgId, pending.id, { status: 'revoked' })
  await assertRoomForMember(ctx.db, ctx.orgId, 'body.email')
  const token = newInvitationToken(ctx.orgId)
  const row = await repo.insertInvitation(ctx.db, {
    orgId: ctx.orgId,
    email,
    role: input.role,
    roleId: role?.id ?? null,
    branchId: input.branchId ?? null,
    tokenHash: sha256(token),
    expiresAt: new Date(ctx.now.getTime() + input.expiresInDays * 86_400_000),
    invitedBy: ctx.actor.userId as string,
  })
  await recordAudit(ctx, {
    action: 'invitation.created',
    entityType: 'invitation',
    entityId: row.id,
    after: {
      email,
      role: input.role,
      roleKey: role?.key ?? null,
      branchId: row.branchId,
      expiresAt: row.expiresAt,
    },
  })
  const mail: InvitationMail = {
    to: email,
    orgName: name,
    token,
    expiresAt: row.expiresAt,
    role: role?.name ?? input.role,
  }
  return { invitation: toInvitationDto(row, ctx.now), token, mail }
}

export async function listInvitations(
  ctx: ServiceContext,
  page: { limit: number; cursor?: string | undefined; status?: Invitation['status'] | undefined },
) {
  const after = decodeCursor(page.cursor)
  const status = page.status === 'expired' ? 'pending' : page.status
  const rows = await repo.listInvitations(ctx.db, ctx.orgId, {
    limit: page.limit,
    ...(after ? { after } : {}),
    ...(status ? { status } : {}),
  })
  const result = toPage(rows, page.limit, (r) => r.id)
  let items = result.items.map((r) => toInvitationDto(r, ctx.now))
  if (page.status) items = items.filter((i) => i.status === page.status)
  return { items, nextCursor: result.nextCursor }
}

export async function resendInvitation(ctx: ServiceContext, id: string, expiresInDays: number) {
  const row = await repo.findInvitation(ctx.db, ctx.orgId, id)
  if (!row) throw notFound('Invitation')
  if (row.status !== 'pending') throw new AppError('conflict', `This invitation was already ${row.status}`)
  // Re-check the grant: the resender must be able to give this role too.
  const { kind, name } = await orgKind(ctx)
  const role = await resolveInvitedRole(ctx, kind, {
    role: row.role,
    roleId: row.roleId ?? undefined,
    branchId: row.branchId ?? undefined,
  })
  const token = newInvitationToken(ctx.orgId)
  const updated = await repo.updateInvitation(ctx.db, ctx.orgId, id, {
    tokenHash: sha256(token),
    expiresAt: new Date(ctx.now.getTime() + expiresInDays * 86_400_000),
    sentCount: row.sentCount + 1,
  })
  await recordAudit(ctx, {
    action: 'invitation.resent',
    entityType: 'invitation',
    entityId: id,
    before: { expiresAt: row.expiresAt, sentCount: row.sentCount },
    after: { expiresAt: updated.expiresAt, sentCount: updated.sentCount },
  })
  const mail: InvitationMail = {
    to: row.email,
    orgName: name,
    token,
    expiresAt: updated.expiresAt,
    role: role?.name ?? row.role,
  }
  return { invitation: toInvitationDto(updated, ctx.now), token, mail }
}

export async function revokeInvitation(ctx: ServiceContext, id: string) {
  const row = await repo.findInvitation(ctx.db, ctx.orgId, id)
  if (!row) throw notFound('Invitation')
  if (row.status !== 'pending') throw new AppError('conflict', `This invitation was already ${row.status}`)
  const updated = await repo.updateInvitation(ctx.db, ctx.orgId, id, { status: 'revoked' })
  await recordAudit(ctx, {
    action: 'invitation.revoked',
    entityType: 'invitation',
    entityId: id,
    before: { status: row.status },
    after: { status: 'revoked' },
  })
  return toInvitationDto(updated, ctx.now)
}

/**
 * Accepts or declines by token, as the signed-in user whose email the invitation was sent to. Runs in
 * the invitation's org (the token names it), so RLS applies as for any org-scoped write.
 */
export async function respondToInvitation(
  db: Db,
  user: SessionUser,
  meta: { requestId: string; ip: string | null },
  token: string,
  answer: 'accept' | 'decline',
) {
  const parsed = parseOrgToken(token, INVITATION_PREFIX)
  if (!parsed) throw notFound('Invitation')
  return withOrg(db, parsed.orgId, async (tx) => {
    const ctx: ServiceContext = {
      db: tx,
      orgId: parsed.orgId,
      actor: { userId: user.id, role: 'member' },
      requestId: meta.requestId,
      now: new Date(),
      ip: meta.ip,
    }
    const row = await repo.findInvitationByHash(tx, parsed.orgId, sha256(token))
    if (!row) throw notFound('Invitation')
    const status = invitationStatus(row, ctx.now)
    if (status === 'expired') {
      throw new AppError('conflict', 'This invitation has expired; ask for a new one', [
        { path: 'params.token', message: 'Expired' },
      ])
    }
    if (status !== 'pending') {
      throw new AppError('conflict', `This invitation was already ${status}`, [
        { path: 'params.token', message: `Already ${status}` },
      ])
    }
    if (row.email !== user.email.toLowerCase()) {
      throw new AppError('forbidden', 'This invitation was sent to another email address')
    }
    const org = await findOrgById(tx, parsed.orgId)
    if (!org) throw notFound('Invitation')
    if (answer === 'decline') {
      await repo.updateInvitation(tx, ctx.orgId, row.id, {
        status: 'declined',
        respondedBy: user.id,
        respondedAt: ctx.now,
      })
      await recordAudit(ctx, {
        action: 'invitation.declined',
        entityType: 'invitation',
        entityId: row.id,
        before: { status: 'pending' },
        after: { status: 'declined' },
      })
      return { org: { id: org.id, slug: org.slug, name: org.name }, role: row.role }
    }
    if (await findMembership(tx, ctx.orgId, user.id)) {
      throw new AppError('conflict', 'You are already a member of this organization')
    }
    // Joining is a write: a past-due or cancelled org takes no new members.
    if (org.subscriptionStatus === 'past_due' || org.subscriptionStatus === 'cancelled') {
      throw new AppError('payment_required', "The organization's subscription is not in good standing")
    }
    await assertRoomForMember(tx, ctx.orgId, 'params.token')
    await insertMembership(tx, ctx.orgId, user.id, row.role)
    if (row.roleId) {
      await repo.insertAssignment(tx, {
        orgId: ctx.orgId,
        userId: user.id,
        roleId: row.roleId,
        branchId: row.branchId,
        createdBy: row.invitedBy,
      })
    } else if (row.role === 'member') {
      await assignDefaultRole(tx, ctx.orgId, org.kind, user.id, row.invitedBy)
    }
    await repo.updateInvitation(tx, ctx.orgId, row.id, {
      status: 'accepted',
      respondedBy: user.id,
      respondedAt: ctx.now,
    })
    await repo.bumpPermissionsVersion(tx, ctx.orgId)
    await recordAudit(ctx, {
      action: 'invitation.accepted',
      entityType: 'invitation',
      entityId: row.id,
      before: { status: 'pending' },
      after: { status: 'accepted' },
    })
    await recordAudit(ctx, {
      action: 'member.added',
      entityType: 'membership',
      entityId: user.id,
      after: { email: user.email, role: row.role, invitationId: row.id },
    })
    return { org: { id: org.id, slug: org.slug, name: org.name }, role: row.role }
  })
}

export function invitationEmail(mail: InvitationMail, baseUrl: string) {
  const url = `${baseUrl.replace(/\/$/, '')}/invitations/${encodeURIComponent(mail.token)}`
  const rendered = renderMail(
    'invitation',
    { orgName: mail.orgName, role: mail.role, url, expiresAt: mail.expiresAt },
    { locale: 'es', baseUrl, branding: { orgName: mail.orgName } },
  )
  return { url, message: { to: mail.to, ...rendered } }
}
