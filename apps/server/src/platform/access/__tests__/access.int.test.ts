import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  addMember,
  as,
  createOrg,
  createTestApp,
  signUp,
  type TestApp,
  type TestUser,
} from '../../../../test/harness.ts'
import { announcementsModule } from '../../../modules/announcements/index.ts'
import { orgRoute } from '../../http/org-route.ts'
import type { ModuleManifest } from '../../module-manifest.ts'
import { grantPlatformAdmin } from '../../plans/plans.service.ts'
import { branchesWith, requireBranchPermission } from '../effective-permissions.ts'

/** A module with branch-scoped routes, to exercise branch assignments end to end. */
const tillModule: ModuleManifest = {
  key: 'till',
  label: { es: 'Caja', en: 'Till' },
  description: { es: 'Prueba', en: 'Test' },
  defaultFor: [],
  permissions: [
    { key: 'till:operate', label: { es: 'Operar caja', en: 'Operate the till' }, roles: ['owner'] },
  ],
  routes(app) {
    orgRoute(app, {
      method: 'GET',
      url: '/till/:branchId',
      permission: 'till:operate',
      schema: {
        summary: 'A branch till',
        params: z.object({ branchId: z.uuid() }),
        response: { 200: z.object({ ok: z.boolean() }) },
      },
      handler: async () => ({ ok: true }),
    })
    orgRoute(app, {
      method: 'POST',
      url: '/till',
      permission: 'till:operate',
      schema: {
        summary: 'Open a till in a branch',
        body: z.strictObject({ branchId: z.uuid() }),
        response: {
          200: z.object({ ok: z.boolean(), scope: z.union([z.literal('all'), z.array(z.string())]) }),
        },
      },
      handler: async (ctx, { body }) => {
        requireBranchPermission(ctx, 'till:operate', body.branchId)
        return { ok: true, scope: branchesWith(ctx, 'till:operate') }
      },
    })
  },
}

let t: TestApp
let owner: TestUser
let member: TestUser

beforeAll(async () => {
  // Announcements and a test-only till module: the figures below stay true as real modules are added.
  t = await createTestApp({ workers: false, modules: [announcementsModule, tillModule] })
  owner = await signUp(t.app, 'Olga Dueña')
  member = await signUp(t.app, 'Mario Miembro')
})
afterAll(() => t.close())

const api = (user: TestUser | null) => as(t.app, user)

async function rolesOf(slug: string, user = owner) {
  const response = await api(user)({ method: 'GET', url: `/api/v1/orgs/${slug}/roles` })
  expect(response.statusCode).toBe(200)
  return response.json().items as {
    id: string
    key: string
    permissions: string[]
    effectivePermissions: string[]
  }[]
}

async function createRole(slug: string, body: object, user = owner) {
  return api(user)({ method: 'POST', url: `/api/v1/orgs/${slug}/roles`, payload: body })
}

async function assign(slug: string, body: object, user = owner) {
  return api(user)({ method: 'POST', url: `/api/v1/orgs/${slug}/role-assignments`, payload: body })
}

async function branch(slug: string, code: string) {
  const response = await api(owner)({
    method: 'POST',
    url: `/api/v1/orgs/${slug}/branches`,
    payload: { name: `Sede ${code}`, code },
  })
  expect(response.statusCode).toBe(201)
  return response.json().id as string
}

describe('permission catalog', () => {
  it('lists every permission grouped by module, with Spanish and English labels', async () => {
    const response = await api(member)({ method: 'GET', url: '/api/v1/permissions' })
    expect(response.statusCode).toBe(200)
    const groups = response.json().groups as {
      module: string
      permissions: { key: string; label: object }[]
    }[]
    expect(groups.map((g) => g.module)).toEqual(['platform', 'announcements', 'till'])
    const platform = groups[0]?.permissions.map((p) => p.key)
    expect(platform).toEqual(expect.arrayContaining(['org:read', 'roles:manage', 'api_keys:manage']))
    expect(groups[1]?.permissions[0]).toEqual({
      key: 'announcements:read',
      label: { es: 'Ver anuncios', en: 'Read announcements' },
    })
    expect((await api(null)({ method: 'GET', url: '/api/v1/permissions' })).statusCode).toBe(401)
  })
})

describe('roles as data', () => {
  it('creates the org kind’s built-in roles, and gives plain members the default one', async () => {
    const coop = await createOrg(t.app, owner, { kind: 'savings_credit' })
    const roles = await rolesOf(coop.slug)
    expect(roles.map((r) => r.key).sort()).toEqual([
      'admin',
      'analista_credito',
      'asociado',
      'gerente',
      'tesorero',
    ])
    const gerente = roles.find((r) => r.key === 'gerente')
    // gerente inherits tesorero and analista_credito, which inherit asociado.
    expect(gerente?.effectivePermissions).toEqual(
      expect.arrayContaining(['announcements:read', 'members:manage']),
    )
    await addMember(t.app, owner, coop.slug, member)
    const mine = (
      await api(member)({ method: 'GET', url: `/api/v1/orgs/${coop.slug}/me/permissions` })
    ).json()
    expect(mine).toMatchObject({ role: 'member', all: false })
    expect(mine.permissions).toEqual(['announcements:read', 'branches:read', 'members:read', 'org:read'])
    const assignments = (
      await api(owner)({
        method: 'GET',
        url: `/api/v1/orgs/${coop.slug}/role-assignments?userId=${member.id}`,
      })
    ).json()
    expect(assignments.items.map((a: { roleKey: string }) => a.roleKey)).toEqual(['asociado'])
    for (const [kind, keys] of [
      ['housing', ['admin', 'consejo', 'observador', 'residente']],
      ['food_service', ['admin', 'cashier', 'cook', 'delivery', 'manager', 'owner', 'waiter']],
      ['incubator', ['admin', 'cliente', 'coordinador', 'emprendedor', 'mentor']],
      ['community', ['admin', 'freelancer', 'guest', 'member', 'mentor', 'moderator', 'project_owner']],
    ] as const) {
      const org = await createOrg(t.app, owner, { kind })
      expect((await rolesOf(org.slug)).map((r) => r.key).sort(), kind).toEqual(keys)
    }
  })

  it('creates, edits (If-Match) and deletes custom roles with inheritance; rejects cycles and unknown permissions', async () => {
    const org = await createOrg(t.app, owner)
    const base = `/api/v1/orgs/${org.slug}/roles`
    const writer = await createRole(org.slug, {
      key: 'writer',
      name: 'Redactor',
      permissions: ['announcements:write'],
    })
    expect(writer.statusCode).toBe(201)
    const editor = await createRole(org.slug, {
      key: 'editor',
      name: 'Editor',
      permissions: ['audit:read'],
      inherits: [writer.json().id],
    })
    expect(editor.statusCode).toBe(201)
    expect(editor.json().effectivePermissions).toEqual(['announcements:write', 'audit:read'])
    const dup = await createRole(org.slug, { key: 'writer', name: 'Otro' })
    expect(dup.statusCode).toBe(409)
    expect(dup.json().errors[0].path).toBe('body.key')
    const unknown = await createRole(org.slug, { key: 'rare', name: 'Raro', permissions: ['nope:never'] })
    expect(unknown.statusCode).toBe(422)
    expect(unknown.json().errors[0].path).toBe('body.permissions.0')
    const badKey = await createRole(org.slug, { key: 'Mal Nombre', name: 'x' })
    expect(badKey.statusCode).toBe(400)
    // writer inherits editor, which inherits writer: a cycle.
    const cycle = await api(owner)({
      method: 'PATCH',
      url: `${base}/${writer.json().id}`,
      headers: { 'if-match': '"1"' },
      payload: { inherits: [editor.json().id] },
    })
    expect(cycle.statusCode).toBe(422)
    expect(cycle.json().errors[0].path).toBe('body.inherits')
    const noMatch = await api(owner)({
      method: 'PATCH',
      url: `${base}/${writer.json().id}`,
      payload: { name: 'x1' },
    })
    expect(noMatch.statusCode).toBe(428)
    const renamed = await api(owner)({
      method: 'PATCH',
      url: `${base}/${writer.json().id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Redacción', permissions: ['announcements:write', 'announcements:read'] },
    })
    expect(renamed.statusCode).toBe(200)
    expect(renamed.json()).toMatchObject({ name: 'Redacción', version: 2 })
    expect(
      (await api(owner)({ method: 'GET', url: `${base}/${editor.json().id}` })).json().effectivePermissions,
    ).toEqual(['announcements:read', 'announcements:write', 'audit:read'])
    const inherited = await api(owner)({ method: 'DELETE', url: `${base}/${writer.json().id}` })
    expect(inherited.statusCode).toBe(409)
    expect((await api(owner)({ method: 'DELETE', url: `${base}/${editor.json().id}` })).statusCode).toBe(204)
    expect((await api(owner)({ method: 'DELETE', url: `${base}/${writer.json().id}` })).statusCode).toBe(204)
    const builtIn = (await rolesOf(org.slug)).find((r) => r.key === 'member')
    expect((await api(owner)({ method: 'DELETE', url: `${base}/${builtIn?.id}` })).statusCode).toBe(409)
    const audit = (
      await api(owner)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/audit?entityType=role` })
    ).json()
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual([
      'role.deleted',
      'role.deleted',
      'role.updated',
      'role.created',
      'role.created',
    ])
  })
})

describe('enforcement and invalidation', () => {
  it('applies a new assignment and a revocation on the very next request', async () => {
    const org = await createOrg(t.app, owner)
    const user = await signUp(t.app)
    await addMember(t.app, owner, org.slug, user)
    const post = () =>
      api(user)({
        method: 'POST',
        url: `/api/v1/orgs/${org.slug}/announcements`,
        payload: { title: 'Aviso', body: 'x' },
      })
    expect((await post()).statusCode).toBe(403)
    const writer = (
      await createRole(org.slug, { key: 'writer', name: 'Redactor', permissions: ['announcements:write'] })
    ).json()
    const assignment = await assign(org.slug, { userId: user.id, roleId: writer.id })
    expect(assignment.statusCode).toBe(201)
    const hitsBefore = t.app.platform.accessCache.hits
    expect((await post()).statusCode).toBe(201)
    expect((await post()).statusCode).toBe(201)
    expect(t.app.platform.accessCache.hits).toBeGreaterThan(hitsBefore)
    // Take the permission away from the role (not the assignment): still the next request.
    const edited = await api(owner)({
      method: 'PATCH',
      url: `/api/v1/orgs/${org.slug}/roles/${writer.id}`,
      headers: { 'if-match': '"1"' },
      payload: { permissions: [] },
    })
    expect(edited.statusCode).toBe(200)
    expect((await post()).statusCode).toBe(403)
    await api(owner)({
      method: 'PATCH',
      url: `/api/v1/orgs/${org.slug}/roles/${writer.id}`,
      headers: { 'if-match': '"2"' },
      payload: { permissions: ['announcements:write'] },
    })
    expect((await post()).statusCode).toBe(201)
    const removed = await api(owner)({
      method: 'DELETE',
      url: `/api/v1/orgs/${org.slug}/role-assignments/${assignment.json().id}`,
    })
    expect(removed.statusCode).toBe(204)
    expect((await post()).statusCode).toBe(403)
  })

  it('a removed member loses access on the next request', async () => {
    const org = await createOrg(t.app, owner)
    const user = await signUp(t.app)
    await addMember(t.app, owner, org.slug, user)
    expect((await api(user)({ method: 'GET', url: `/api/v1/orgs/${org.slug}` })).statusCode).toBe(200)
    const removed = await api(owner)({ method: 'DELETE', url: `/api/v1/orgs/${org.slug}/members/${user.id}` })
    expect(removed.statusCode).toBe(204)
    expect((await api(user)({ method: 'GET', url: `/api/v1/orgs/${org.slug}` })).statusCode).toBe(404)
    const audit = (
      await api(owner)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/audit?action=member.removed` })
    ).json()
    expect(audit.items).toHaveLength(1)
  })

  it('scopes a role to one branch: routes and services of other branches answer 403', async () => {
    const org = await createOrg(t.app, owner)
    const [a, b] = [await branch(org.slug, 'A'), await branch(org.slug, 'B')]
    const cashier = await signUp(t.app)
    await addMember(t.app, owner, org.slug, cashier)
    const role = (
      await createRole(org.slug, { key: 'cajero', name: 'Cajero', permissions: ['till:operate'] })
    ).json()
    expect((await assign(org.slug, { userId: cashier.id, roleId: role.id, branchId: a })).statusCode).toBe(
      201,
    )
    const till = (id: string) => api(cashier)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/till/${id}` })
    expect((await till(a)).statusCode).toBe(200)
    expect((await till(b)).statusCode).toBe(403)
    const open = (id: string) =>
      api(cashier)({ method: 'POST', url: `/api/v1/orgs/${org.slug}/till`, payload: { branchId: id } })
    const inA = await open(a)
    expect(inA.statusCode).toBe(200)
    expect(inA.json().scope).toEqual([a])
    expect((await open(b)).statusCode).toBe(403)
    const ownerOpen = await api(owner)({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/till`,
      payload: { branchId: b },
    })
    expect(ownerOpen.json().scope).toBe('all')
    const mine = (
      await api(cashier)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/me/permissions` })
    ).json()
    expect(mine.branches).toEqual([{ branchId: a, permissions: ['till:operate'] }])
    // An unknown branch is a field error.
    const bad = await assign(org.slug, {
      userId: cashier.id,
      roleId: role.id,
      branchId: '01900000-0000-7000-8000-000000000000',
    })
    expect(bad.statusCode).toBe(422)
    expect(bad.json().errors[0].path).toBe('body.branchId')
  })
})

describe('privilege escalation', () => {
  let slug: string
  let manager: TestUser
  beforeAll(async () => {
    const org = await createOrg(t.app, owner)
    slug = org.slug
    manager = await signUp(t.app, 'Gestora de roles')
    await addMember(t.app, owner, slug, manager)
    const role = (
      await createRole(slug, {
        key: 'role_manager',
        name: 'Gestión de roles',
        permissions: ['roles:read', 'roles:manage', 'members:manage', 'members:read'],
      })
    ).json()
    expect((await assign(slug, { userId: manager.id, roleId: role.id })).statusCode).toBe(201)
  })

  it('a member cannot make itself (or anyone) admin', async () => {
    const self = await api(manager)({
      method: 'PATCH',
      url: `/api/v1/orgs/${slug}/members/${manager.id}`,
      payload: { role: 'admin' },
    })
    expect(self.statusCode).toBe(403)
    const other = await signUp(t.app)
    const add = await api(manager)({
      method: 'POST',
      url: `/api/v1/orgs/${slug}/members`,
      payload: { email: other.email, role: 'admin' },
    })
    expect(add.statusCode).toBe(403)
    const invite = await api(manager)({
      method: 'POST',
      url: `/api/v1/orgs/${slug}/invitations`,
      payload: { email: other.email, role: 'admin' },
    })
    expect(invite.statusCode).toBe(403)
    const adminRole = (await rolesOf(slug, manager)).find((r) => r.key === 'admin')
    const selfAssign = await assign(slug, { userId: manager.id, roleId: adminRole?.id }, manager)
    expect(selfAssign.statusCode).toBe(403)
    expect(selfAssign.json().errors[0].path).toBe('body.roleId')
    const mine = (await api(manager)({ method: 'GET', url: `/api/v1/orgs/${slug}/me/permissions` })).json()
    expect(mine.all).toBe(false)
    expect(mine.permissions).not.toContain('audit:read')
  })

  it('nobody grants permissions they lack: not in new roles, edits, inheritance or API keys', async () => {
    const create = await createRole(
      slug,
      { key: 'auditor', name: 'Auditor', permissions: ['audit:read'] },
      manager,
    )
    expect(create.statusCode).toBe(403)
    expect(create.json().errors[0].message).toContain('audit:read')
    const adminRole = (await rolesOf(slug, manager)).find((r) => r.key === 'admin')
    const viaInheritance = await createRole(
      slug,
      { key: 'sneaky', name: 'Astuto', inherits: [adminRole?.id] },
      manager,
    )
    expect(viaInheritance.statusCode).toBe(403)
    const own = await createRole(
      slug,
      { key: 'helper', name: 'Ayudante', permissions: ['members:read'] },
      manager,
    )
    expect(own.statusCode).toBe(201)
    const widen = await api(manager)({
      method: 'PATCH',
      url: `/api/v1/orgs/${slug}/roles/${own.json().id}`,
      headers: { 'if-match': '"1"' },
      payload: { permissions: ['members:read', 'org:update'] },
    })
    expect(widen.statusCode).toBe(403)
    const roles = await rolesOf(slug, manager)
    expect(roles.find((r) => r.key === 'helper')?.permissions).toEqual(['members:read'])
    expect(roles.map((r) => r.key)).not.toContain('auditor')
  })
})

describe('membership roles', () => {
  it('owners and admins change roles; admins cannot touch owners; the last owner stays', async () => {
    const org = await createOrg(t.app, owner)
    const [adminUser, plain] = [await signUp(t.app), await signUp(t.app)]
    await addMember(t.app, owner, org.slug, adminUser, 'admin')
    await addMember(t.app, owner, org.slug, plain)
    const patch = (by: TestUser, userId: string, role: string) =>
      api(by)({ method: 'PATCH', url: `/api/v1/orgs/${org.slug}/members/${userId}`, payload: { role } })
    const promoted = await patch(adminUser, plain.id, 'admin')
    expect(promoted.statusCode).toBe(200)
    expect(promoted.json()).toMatchObject({ userId: plain.id, role: 'admin' })
    expect((await api(plain)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/audit` })).statusCode).toBe(200)
    const demoted = await patch(adminUser, plain.id, 'member')
    expect(demoted.json().role).toBe('member')
    expect((await api(plain)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/audit` })).statusCode).toBe(403)
    // Demoted members get the kind's default role back.
    expect((await api(plain)({ method: 'GET', url: `/api/v1/orgs/${org.slug}` })).statusCode).toBe(200)
    expect((await patch(adminUser, owner.id, 'member')).statusCode).toBe(403)
    expect((await patch(adminUser, adminUser.id, 'owner')).statusCode).toBe(403)
    const lastOwner = await patch(owner, owner.id, 'admin')
    expect(lastOwner.statusCode).toBe(409)
    expect((await patch(owner, adminUser.id, 'owner')).statusCode).toBe(200)
    expect((await patch(owner, owner.id, 'admin')).statusCode).toBe(200)
    const unknown = await patch(adminUser, '01900000-0000-7000-8000-000000000000', 'member')
    expect(unknown.statusCode).toBe(404)
    const audit = (
      await api(adminUser)({
        method: 'GET',
        url: `/api/v1/orgs/${org.slug}/audit?action=member.role_changed`,
      })
    ).json()
    expect(audit.items).toHaveLength(4)
  })
})

describe('invitations', () => {
  it('invites by email with a role and branch; the invitee accepts once, by token, with the matching email', async () => {
    const org = await createOrg(t.app, owner, { kind: 'food_service' })
    const branchId = await branch(org.slug, 'LAU')
    const cashierRole = (await rolesOf(org.slug)).find((r) => r.key === 'cashier')
    const invitee = await signUp(t.app, 'Invitada')
    const stranger = await signUp(t.app, 'Extraña')
    const created = await api(owner)({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/invitations`,
      payload: { email: invitee.email.toUpperCase(), roleId: cashierRole?.id, branchId },
    })
    expect(created.statusCode).toBe(201)
    const invitation = created.json()
    expect(invitation).toMatchObject({
      email: invitee.email,
      role: 'member',
      status: 'pending',
      branchId,
      sentCount: 1,
    })
    expect(invitation.token).toMatch(/^inv_[0-9a-f]{32}\.[A-Za-z0-9_-]{43}$/)
    const expires = new Date(invitation.expiresAt).getTime() - Date.now()
    expect(expires).toBeGreaterThan(6.9 * 86_400_000)
    expect(expires).toBeLessThanOrEqual(7 * 86_400_000)
    const mail = t.app.platform.mailer.sent().find((m) => m.to === invitee.email)
    expect(mail?.text).toContain(encodeURIComponent(invitation.token))
    // Stored hashed: the token appears nowhere in the table.
    const raw = await t.database.db.execute(
      sql`select count(*)::int as n from invitations where token_hash = ${invitation.token}`,
    )
    expect(raw.rows[0]).toEqual({ n: 0 })
    const again = await api(owner)({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/invitations`,
      payload: { email: invitee.email },
    })
    expect(again.statusCode).toBe(409)
    const wrong = await api(stranger)({
      method: 'POST',
      url: `/api/v1/invitations/${invitation.token}/accept`,
      payload: {},
    })
    expect(wrong.statusCode).toBe(403)
    const anonymous = await api(null)({
      method: 'POST',
      url: `/api/v1/invitations/${invitation.token}/accept`,
      payload: {},
    })
    expect(anonymous.statusCode).toBe(401)
    const forged = await api(invitee)({
      method: 'POST',
      url: `/api/v1/invitations/${invitation.token.slice(0, -4)}AAAA/accept`,
      payload: {},
    })
    expect(forged.statusCode).toBe(404)
    const accepted = await api(invitee)({
      method: 'POST',
      url: `/api/v1/invitations/${invitation.token}/accept`,
    })
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json()).toEqual({ org: { id: org.id, slug: org.slug, name: org.name }, role: 'member' })
    const mine = (
      await api(invitee)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/me/permissions` })
    ).json()
    expect(mine.branches[0].branchId).toBe(branchId)
    expect(mine.branches[0].permissions).toEqual(expect.arrayContaining(['org:read']))
    const twice = await api(invitee)({
      method: 'POST',
      url: `/api/v1/invitations/${invitation.token}/accept`,
      payload: {},
    })
    expect(twice.statusCode).toBe(409)
    const listed = (await api(owner)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/invitations` })).json()
    expect(listed.items[0]).toMatchObject({ id: invitation.id, status: 'accepted' })
    expect(JSON.stringify(listed)).not.toContain(invitation.token)
    const audit = (
      await api(owner)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/audit?entityType=invitation` })
    ).json()
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual([
      'invitation.accepted',
      'invitation.created',
    ])
  })

  it('declines, revokes, resends (the old link dies) and expires', async () => {
    const org = await createOrg(t.app, owner)
    const invite = async (user: TestUser) =>
      (
        await api(owner)({
          method: 'POST',
          url: `/api/v1/orgs/${org.slug}/invitations`,
          payload: { email: user.email },
        })
      ).json()
    const [d, r, s, e] = [await signUp(t.app), await signUp(t.app), await signUp(t.app), await signUp(t.app)]
    const declined = await invite(d)
    expect(
      (await api(d)({ method: 'POST', url: `/api/v1/invitations/${declined.token}/decline`, payload: {} }))
        .statusCode,
    ).toBe(200)
    expect(
      (await api(d)({ method: 'POST', url: `/api/v1/invitations/${declined.token}/accept`, payload: {} }))
        .statusCode,
    ).toBe(409)
    expect((await api(d)({ method: 'GET', url: `/api/v1/orgs/${org.slug}` })).statusCode).toBe(404)

    const revoked = await invite(r)
    expect(
      (
        await api(owner)({ method: 'DELETE', url: `/api/v1/orgs/${org.slug}/invitations/${revoked.id}` })
      ).json().status,
    ).toBe('revoked')
    expect(
      (await api(r)({ method: 'POST', url: `/api/v1/invitations/${revoked.token}/accept`, payload: {} }))
        .statusCode,
    ).toBe(409)

    const resent = await invite(s)
    const second = await api(owner)({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/invitations/${resent.id}/resend`,
      payload: { expiresInDays: 3 },
    })
    expect(second.statusCode).toBe(200)
    expect(second.json().sentCount).toBe(2)
    expect(second.json().token).not.toBe(resent.token)
    expect(
      (await api(s)({ method: 'POST', url: `/api/v1/invitations/${resent.token}/accept`, payload: {} }))
        .statusCode,
    ).toBe(404)
    expect(
      (
        await api(s)({
          method: 'POST',
          url: `/api/v1/invitations/${second.json().token}/accept`,
          payload: {},
        })
      ).statusCode,
    ).toBe(200)

    const expired = await invite(e)
    await t.database.db.execute(
      sql`update invitations set expires_at = now() - interval '1 minute' where id = ${expired.id}`,
    )
    const late = await api(e)({
      method: 'POST',
      url: `/api/v1/invitations/${expired.token}/accept`,
      payload: {},
    })
    expect(late.statusCode).toBe(409)
    expect(late.json().detail).toMatch(/expired/)
    expect((await api(e)({ method: 'GET', url: `/api/v1/orgs/${org.slug}` })).statusCode).toBe(404)
    const list = (
      await api(owner)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/invitations?status=expired` })
    ).json()
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([expired.id])
    const bad = await api(owner)({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/invitations`,
      payload: { email: 'no-es-correo' },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0].path).toBe('body.email')
  })
})

describe('API keys', () => {
  it('works with its own permissions in its own org only, shows the key once, and dies when revoked', async () => {
    const org = await createOrg(t.app, owner)
    const other = await createOrg(t.app, owner)
    const created = await api(owner)({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/api-keys`,
      payload: {
        name: 'Integración contable',
        permissions: ['announcements:read', 'org:read'],
        expiresInDays: 30,
      },
    })
    expect(created.statusCode).toBe(201)
    const { key, id } = created.json()
    expect(key).toMatch(/^mk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/)
    const bearer = (k: string) => ({ authorization: `Bearer ${k}` })
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/announcements`,
      headers: bearer(key),
    })
    expect(read.statusCode).toBe(200)
    const write = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/announcements`,
      headers: { ...bearer(key), 'content-type': 'application/json' },
      payload: { title: 'Desde la llave', body: 'x' },
    })
    expect(write.statusCode).toBe(403)
    const elsewhere = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${other.slug}/announcements`,
      headers: bearer(key),
    })
    expect(elsewhere.statusCode).toBe(404)
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(key) })
    expect(me.statusCode).toBe(401)
    const tampered = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}`,
      headers: bearer(`${key.slice(0, -2)}xx`),
    })
    expect(tampered.statusCode).toBe(401)
    const list = (await api(owner)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/api-keys` })).json()
    expect(list.items[0]).toMatchObject({ id, name: 'Integración contable', hint: `mk_…${key.slice(-4)}` })
    expect(list.items[0].lastUsedAt).toEqual(expect.any(String))
    expect(JSON.stringify(list)).not.toContain(key)
    // A key cannot manage keys (it does not even hold the permission).
    const keyMakesKey = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/api-keys`,
      headers: { ...bearer(key), 'content-type': 'application/json' },
      payload: { name: 'otra', permissions: ['org:read'] },
    })
    expect(keyMakesKey.statusCode).toBe(403)
    const revoke = await api(owner)({ method: 'DELETE', url: `/api/v1/orgs/${org.slug}/api-keys/${id}` })
    expect(revoke.statusCode).toBe(200)
    expect(revoke.json().revokedAt).toEqual(expect.any(String))
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/announcements`,
      headers: bearer(key),
    })
    expect(after.statusCode).toBe(401)
    const audit = (
      await api(owner)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/audit?entityType=api_key` })
    ).json()
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual([
      'api_key.revoked',
      'api_key.created',
    ])
    expect(JSON.stringify(audit)).not.toContain(key)
  })

  it('holds only permissions its creator holds, then and later', async () => {
    const org = await createOrg(t.app, owner)
    const creator = await signUp(t.app)
    await addMember(t.app, owner, org.slug, creator)
    const role = (
      await createRole(org.slug, { key: 'integrador', name: 'Integrador', permissions: ['api_keys:manage'] })
    ).json()
    await assign(org.slug, { userId: creator.id, roleId: role.id })
    const tooMuch = await api(creator)({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/api-keys`,
      payload: { name: 'Llave', permissions: ['audit:read'] },
    })
    expect(tooMuch.statusCode).toBe(403)
    const unknown = await api(creator)({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/api-keys`,
      payload: { name: 'Llave', permissions: ['nada:de-nada'] },
    })
    expect(unknown.statusCode).toBe(422)
    const ok = await api(creator)({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/api-keys`,
      payload: { name: 'Llave', permissions: ['org:read'] },
    })
    expect(ok.statusCode).toBe(201)
    const headers = { authorization: `Bearer ${ok.json().key}` }
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${org.slug}`, headers })).statusCode).toBe(
      200,
    )
    await api(owner)({ method: 'DELETE', url: `/api/v1/orgs/${org.slug}/members/${creator.id}` })
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${org.slug}`, headers })).statusCode).toBe(
      401,
    )
  })
})

describe('plans and subscriptions', () => {
  let admin: TestUser
  beforeAll(async () => {
    admin = await signUp(t.app, 'Plataforma')
    expect(await grantPlatformAdmin(t.database.db, admin.email)).toBe(true)
  })

  const setStatus = (orgId: string, body: object, user = admin) =>
    api(user)({ method: 'PATCH', url: `/api/v1/admin/orgs/${orgId}/subscription`, payload: body })

  it('only platform admins manage plans and subscriptions', async () => {
    const org = await createOrg(t.app, owner)
    expect((await api(owner)({ method: 'GET', url: '/api/v1/admin/status' })).json()).toEqual({
      platformAdmin: false,
    })
    expect((await api(admin)({ method: 'GET', url: '/api/v1/admin/status' })).json()).toEqual({
      platformAdmin: true,
    })
    expect((await api(owner)({ method: 'GET', url: '/api/v1/admin/plans' })).statusCode).toBe(403)
    expect((await setStatus(org.id, { status: 'active' }, owner)).statusCode).toBe(403)
    // Refused before validation: a non-admin learns nothing about the input.
    expect((await setStatus(org.id, { status: 'nope' }, owner)).statusCode).toBe(403)
    const plans = (await api(admin)({ method: 'GET', url: '/api/v1/admin/plans' })).json()
    expect(plans.items.map((p: { key: string }) => p.key)).toEqual(['basic', 'pro', 'standard'])
    const orgs = (await api(admin)({ method: 'GET', url: '/api/v1/admin/orgs?limit=100' })).json()
    expect(orgs.items.find((o: { id: string }) => o.id === org.id)).toMatchObject({
      planKey: 'standard',
      subscriptionStatus: 'trialing',
    })
    const sub = (await api(owner)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/subscription` })).json()
    expect(sub).toMatchObject({
      status: 'trialing',
      plan: { key: 'standard', maxUsers: null },
      usage: { users: 1, branches: 0 },
    })
    const noPlan = await setStatus(org.id, { planKey: 'no-existe' })
    expect(noPlan.statusCode).toBe(422)
    expect(noPlan.json().errors[0].path).toBe('body.planKey')
    expect((await setStatus(org.id, {})).statusCode).toBe(400)
  })

  it('past_due makes the org read-only with 402; cancelled closes it; active reopens it', async () => {
    const org = await createOrg(t.app, owner)
    const invitee = await signUp(t.app)
    const invitation = (
      await api(owner)({
        method: 'POST',
        url: `/api/v1/orgs/${org.slug}/invitations`,
        payload: { email: invitee.email },
      })
    ).json()
    expect((await setStatus(org.id, { status: 'past_due' })).json().subscriptionStatus).toBe('past_due')
    const join = await api(invitee)({
      method: 'POST',
      url: `/api/v1/invitations/${invitation.token}/accept`,
      payload: {},
    })
    expect(join.statusCode).toBe(402)
    expect((await api(invitee)({ method: 'GET', url: `/api/v1/orgs/${org.slug}` })).statusCode).toBe(404)
    const write = await api(owner)({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/announcements`,
      headers: { 'accept-language': 'es-CO' },
      payload: { title: 'Aviso', body: 'x' },
    })
    expect(write.statusCode).toBe(402)
    expect(write.headers['content-type']).toContain('application/problem+json')
    expect(write.json()).toMatchObject({
      code: 'payment_required',
      title: 'La suscripción de la organización no está al día',
      detail: expect.stringContaining('solo se permite consultar'),
    })
    expect(
      (await api(owner)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/announcements` })).statusCode,
    ).toBe(200)
    await setStatus(org.id, { status: 'cancelled' })
    const closed = await api(owner)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/announcements` })
    expect(closed.statusCode).toBe(402)
    expect(closed.json().detail).toMatch(/cancelled/)
    await setStatus(org.id, { status: 'active' })
    expect(
      (
        await api(owner)({
          method: 'POST',
          url: `/api/v1/orgs/${org.slug}/announcements`,
          payload: { title: 'Aviso', body: 'x' },
        })
      ).statusCode,
    ).toBe(201)
    const audit = (
      await api(owner)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/audit?action=subscription.updated` })
    ).json()
    expect(audit.items).toHaveLength(3)
  })

  it('enforces the plan’s member and branch limits with 422 field errors', async () => {
    const put = await api(admin)({
      method: 'PUT',
      url: '/api/v1/admin/plans/mini',
      payload: { name: 'Mini', maxUsers: 2, maxBranches: 1 },
    })
    expect(put.statusCode).toBe(200)
    const org = await createOrg(t.app, owner)
    await setStatus(org.id, { planKey: 'mini', status: 'active' })
    await addMember(t.app, owner, org.slug, await signUp(t.app))
    const third = await signUp(t.app)
    const tooMany = await api(owner)({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/members`,
      payload: { email: third.email, role: 'member' },
    })
    expect(tooMany.statusCode).toBe(422)
    expect(tooMany.json().errors[0]).toMatchObject({
      path: 'body.email',
      message: expect.stringContaining('2'),
    })
    const invite = await api(owner)({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/invitations`,
      payload: { email: third.email },
    })
    expect(invite.statusCode).toBe(422)
    await branch(org.slug, 'UNO')
    const second = await api(owner)({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/branches`,
      payload: { name: 'Dos', code: 'DOS' },
    })
    expect(second.statusCode).toBe(422)
    expect(second.json().errors[0].path).toBe('body.name')
  })
})
