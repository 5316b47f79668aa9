import { generateSync } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addMember,
  as,
  createOrg,
  createTestApp,
  signUp,
  type TestApp,
  type TestUser,
} from '../../../../test/harness.ts'

let t: TestApp
let owner: TestUser
let admin: TestUser
let moderator: TestUser
let member: TestUser
let slug: string

async function enrolTwoFactor(user: TestUser) {
  const enable = await as(
    t.app,
    user,
  )({ method: 'POST', url: '/api/auth/two-factor/enable', payload: { password: 'correct-horse-battery' } })
  const secret = new URL(enable.json().totpURI).searchParams.get('secret')!
  const confirm = await as(
    t.app,
    user,
  )({ method: 'POST', url: '/api/auth/two-factor/verify-totp', payload: { code: generateSync({ secret }) } })
  expect(confirm.statusCode).toBe(200)
  // Confirming 2FA replaces the session (as a browser would, keep the new cookie).
  const fresh = [confirm.headers['set-cookie']]
    .flat()
    .find(
      (c) =>
        String(c).startsWith('better-auth.session_token=') &&
        !String(c).startsWith('better-auth.session_token=;'),
    )
  if (fresh) user.cookie = String(fresh).split(';')[0]!
}

const setPolicy = (user: TestUser, twoFactorRequiredFor: string[]) =>
  as(
    t.app,
    user,
  )({ method: 'PUT', url: `/api/v1/orgs/${slug}/security-policy`, payload: { twoFactorRequiredFor } })

beforeAll(async () => {
  t = await createTestApp({ workers: false })
  owner = await signUp(t.app, 'Dueña')
  admin = await signUp(t.app, 'Admin')
  moderator = await signUp(t.app, 'Moderadora')
  member = await signUp(t.app, 'Miembro')
  slug = (await createOrg(t.app, owner, { kind: 'community' })).slug
  await addMember(t.app, owner, slug, admin, 'admin')
  await addMember(t.app, owner, slug, moderator, 'member')
  await addMember(t.app, owner, slug, member, 'member')
  const roles = (await as(t.app, owner)({ method: 'GET', url: `/api/v1/orgs/${slug}/roles` })).json().items
  const moderatorRole = roles.find((r: { key: string }) => r.key === 'moderator')
  const assigned = await as(
    t.app,
    owner,
  )({
    method: 'POST',
    url: `/api/v1/orgs/${slug}/role-assignments`,
    payload: { userId: moderator.id, roleId: moderatorRole.id },
  })
  expect(assigned.statusCode).toBe(201)
})
afterAll(() => t.close())

describe('org policy: two-factor authentication for chosen roles', () => {
  it('validates role keys and refuses a policy that locks out the admin setting it', async () => {
    const unknown = await setPolicy(owner, ['admin', 'no-such-role'])
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().errors[0].path).toBe('body.twoFactorRequiredFor.1')
    const lockout = await setPolicy(owner, ['owner'])
    expect(lockout.statusCode).toBe(422)
    const byMember = await setPolicy(member, ['admin'])
    expect(byMember.statusCode).toBe(403)
  })

  it('blocks holders of a listed role until they enrol, and leaves others alone', async () => {
    const set = await setPolicy(owner, ['admin', 'moderator'])
    expect(set.statusCode).toBe(200)
    expect(set.json()).toEqual({ twoFactorRequiredFor: ['admin', 'moderator'] })

    for (const blocked of [admin, moderator]) {
      const response = await as(t.app, blocked)({ method: 'GET', url: `/api/v1/orgs/${slug}` })
      expect(response.statusCode).toBe(403)
      expect(response.json().code).toBe('two_factor_required')
    }
    expect((await as(t.app, member)({ method: 'GET', url: `/api/v1/orgs/${slug}` })).statusCode).toBe(200)
    expect((await as(t.app, owner)({ method: 'GET', url: `/api/v1/orgs/${slug}` })).statusCode).toBe(200)

    // Enrolling works from the account (not org-scoped) and lifts the block on the next request.
    await enrolTwoFactor(admin)
    expect((await as(t.app, admin)({ method: 'GET', url: `/api/v1/orgs/${slug}` })).statusCode).toBe(200)
    expect((await as(t.app, moderator)({ method: 'GET', url: `/api/v1/orgs/${slug}` })).statusCode).toBe(403)
  })

  it('is audited and readable by members', async () => {
    const policy = await as(t.app, member)({ method: 'GET', url: `/api/v1/orgs/${slug}/security-policy` })
    expect(policy.json()).toEqual({ twoFactorRequiredFor: ['admin', 'moderator'] })
    const audit = await as(
      t.app,
      owner,
    )({ method: 'GET', url: `/api/v1/orgs/${slug}/audit?action=security_policy.updated` })
    expect(audit.json().items[0].changes).toEqual({
      twoFactorRequiredFor: { from: '', to: 'admin,moderator' },
    })
  })

  it('lets the owner require it for owners once the owner has enrolled', async () => {
    await enrolTwoFactor(owner)
    expect((await setPolicy(owner, ['owner', 'admin', 'moderator'])).statusCode).toBe(200)
  })
})

describe('security log of the org', () => {
  it('records role changes, which admins read and members cannot', async () => {
    const log = await as(t.app, owner)({ method: 'GET', url: `/api/v1/orgs/${slug}/security-events` })
    const changes = log.json().items.filter((e: { type: string }) => e.type === 'role.changed')
    expect(changes.map((e: { userId: string }) => e.userId)).toContain(moderator.id)
    const byMember = await as(t.app, member)({ method: 'GET', url: `/api/v1/orgs/${slug}/security-events` })
    expect(byMember.statusCode).toBe(403)
  })
})
