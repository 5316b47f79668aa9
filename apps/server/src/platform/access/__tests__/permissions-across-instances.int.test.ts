import { Redis } from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'
import {
  addMember,
  as,
  createOrg,
  createTestApp,
  signUp,
  type TestApp,
  testConfig,
} from '../../../../test/harness.ts'
import { buildApp } from '../../../app.ts'
import type { AppInstance } from '../../http/app-instance.ts'
import { PermissionCache } from '../effective-permissions.ts'

const redisUrl = process.env.REDIS_URL

describe.skipIf(!redisUrl)(
  'permission changes across two instances (shared database and Redis; needs REDIS_URL)',
  () => {
    let a: TestApp
    let b: AppInstance
    let redis: Redis | undefined
    afterAll(async () => {
      redis?.disconnect()
      await b?.close()
      await a?.close()
    })

    it('a revocation on instance A stops the permission on instance B at the next request', async () => {
      a = await createTestApp({ config: { REDIS_URL: redisUrl! }, workers: false })
      b = await buildApp(testConfig({ REDIS_URL: redisUrl! }), { database: a.database, workers: false })
      await b.ready()
      redis = new Redis(redisUrl!)
      const owner = await signUp(a.app)
      const user = await signUp(a.app)
      const org = await createOrg(a.app, owner)
      await addMember(a.app, owner, org.slug, user)
      const base = `/api/v1/orgs/${org.slug}`
      const role = await as(
        a.app,
        owner,
      )({
        method: 'POST',
        url: `${base}/roles`,
        payload: { key: 'writer', name: 'Redactor', permissions: ['announcements:write'] },
      })
      const assignment = await as(
        a.app,
        owner,
      )({
        method: 'POST',
        url: `${base}/role-assignments`,
        payload: { userId: user.id, roleId: role.json().id },
      })
      expect(assignment.statusCode).toBe(201)
      const postOnB = () =>
        as(
          b,
          user,
        )({ method: 'POST', url: `${base}/announcements`, payload: { title: 'Desde B', body: 'x' } })
      expect((await postOnB()).statusCode).toBe(201)
      // B computed the member's permissions once and shared them through Redis.
      const cached = JSON.parse((await redis.get(PermissionCache.redisKey(org.id, user.id))) ?? 'null')
      expect(cached.access.orgWide).toContain('announcements:write')
      expect((await postOnB()).statusCode).toBe(201)

      const revoked = await as(
        a.app,
        owner,
      )({
        method: 'DELETE',
        url: `${base}/role-assignments/${assignment.json().id}`,
      })
      expect(revoked.statusCode).toBe(204)
      expect((await postOnB()).statusCode).toBe(403)

      // API keys too: revoked on A, refused by B on the next request.
      const key = await as(
        a.app,
        owner,
      )({
        method: 'POST',
        url: `${base}/api-keys`,
        payload: { name: 'Llave', permissions: ['org:read'] },
      })
      const headers = { authorization: `Bearer ${key.json().key}` }
      expect((await b.inject({ method: 'GET', url: base, headers })).statusCode).toBe(200)
      await as(a.app, owner)({ method: 'DELETE', url: `${base}/api-keys/${key.json().id}` })
      expect((await b.inject({ method: 'GET', url: base, headers })).statusCode).toBe(401)

      // And memberships: removed on A, gone on B.
      await as(a.app, owner)({ method: 'DELETE', url: `${base}/members/${user.id}` })
      expect((await as(b, user)({ method: 'GET', url: base })).statusCode).toBe(404)
    })
  },
)
