import { eq } from 'drizzle-orm'
import type { Db } from '../db/connection.ts'
import { withOrg } from '../db/with-org.ts'
import { memberships } from '../tenancy/tenancy.tables.ts'
import { orgsWithoutAccessSeed } from './access.repository.ts'
import { assignDefaultRole, seedOrgRoles } from './access.service.ts'
import type { PermissionCatalog } from './permissions.ts'

/**
 * Orgs created before roles were data get their kind's built-in roles, and their plain members the
 * default role, so nobody loses access on upgrade. Each org in its own transaction; cheap once done.
 */
export async function backfillOrgRoles(db: Db, catalog: PermissionCatalog) {
  for (const org of await orgsWithoutAccessSeed(db)) {
    await withOrg(db, org.id, async (tx) => {
      await seedOrgRoles(tx, org.id, org.kind, catalog)
      const members = await tx
        .select({ userId: memberships.userId, role: memberships.role })
        .from(memberships)
        .where(eq(memberships.orgId, org.id))
      for (const m of members) {
        if (m.role === 'member') await assignDefaultRole(tx, org.id, org.kind, m.userId, null)
      }
    })
  }
}
