import type { OrgKind } from '@minga/contracts'
import { eq } from 'drizzle-orm'
import { catalogOf, type PermissionCatalog } from '../access/permissions.ts'
import { users } from '../auth/auth.tables.ts'
import type { Auth } from '../auth/auth.ts'
import type { Db } from '../db/connection.ts'
import { withOrg } from '../db/with-org.ts'
import type { ModuleManifest } from '../module-manifest.ts'
import { orgSlugExists } from '../tenancy/tenancy.repository.ts'
import { createBranch, createOrg } from '../tenancy/tenancy.service.ts'

export type DemoLogin = { org: string; slug: string; email: string; password: string }

/** One org of each kind, each with an admin login. Passwords are for local demos only. */
const demoOrgs: {
  slug: string
  name: string
  kind: OrgKind
  email: string
  admin: string
  branches?: string[]
}[] = [
  {
    slug: 'coopeenortol',
    name: 'Cooperativa Coopeenortol',
    kind: 'savings_credit',
    email: 'admin@coopeenortol.demo',
    admin: 'Gerencia Coopeenortol',
  },
  {
    slug: 'conjunto-los-robles',
    name: 'Conjunto Residencial Los Robles',
    kind: 'housing',
    email: 'admin@losrobles.demo',
    admin: 'Administración Los Robles',
  },
  {
    slug: 'fogon-paisa',
    name: 'Restaurante El Fogón Paisa',
    kind: 'food_service',
    email: 'admin@fogonpaisa.demo',
    admin: 'Dueña Fogón Paisa',
    branches: ['Sede Laureles', 'Sede El Poblado'],
  },
  {
    slug: 'incuba-pacifico',
    name: 'Incubadora Pacífico Emprende',
    kind: 'incubator',
    email: 'admin@incubapacifico.demo',
    admin: 'Coordinación Incuba',
  },
  {
    slug: 'comunidad-dev-cali',
    name: 'Comunidad Dev Cali',
    kind: 'community',
    email: 'admin@devcali.demo',
    admin: 'Moderación Dev Cali',
  },
]

export const DEMO_PASSWORD = 'minga-demo-2026'

/** Creates the demo orgs that are missing; returns every demo login. Safe to run again. */
export async function seedDemo(
  db: Db,
  auth: Auth,
  modules: ModuleManifest[],
  catalog: PermissionCatalog = catalogOf(modules),
): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = []
  for (const demo of demoOrgs) {
    logins.push({ org: demo.name, slug: demo.slug, email: demo.email, password: DEMO_PASSWORD })
    if (await orgSlugExists(db, demo.slug)) continue
    const [existing] = await db.select().from(users).where(eq(users.email, demo.email))
    const userId =
      existing?.id ??
      (await auth.api.signUpEmail({ body: { name: demo.admin, email: demo.email, password: DEMO_PASSWORD } }))
        .user.id
    const enabled = modules.filter((m) => m.defaultFor.includes(demo.kind)).map((m) => m.key)
    const meta = { userId, requestId: 'seed', ip: null }
    const { org } = await createOrg(
      db,
      meta,
      { name: demo.name, slug: demo.slug, kind: demo.kind },
      enabled,
      catalog,
    )
    await withOrg(db, org.id, async (tx) => {
      const ctx = {
        db: tx,
        orgId: org.id,
        actor: { userId, role: 'owner' as const },
        requestId: 'seed',
        now: new Date(),
        ip: null,
      }
      for (const [i, name] of (demo.branches ?? []).entries()) {
        await createBranch(ctx, { name, code: `S${i + 1}` })
      }
      for (const module of modules) {
        if (enabled.includes(module.key)) await module.seedDemo?.(ctx)
      }
    })
  }
  return logins
}
