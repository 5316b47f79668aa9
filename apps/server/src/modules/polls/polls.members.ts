import type { Member } from '@minga/contracts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { listMembers } from '../../platform/tenancy/tenancy.service.ts'

/** Every current member of the org (the whole-org audience, names for named results, reminder emails). */
export async function memberDirectory(ctx: ServiceContext): Promise<Map<string, Member>> {
  const members = new Map<string, Member>()
  let cursor: string | undefined
  do {
    const page = await listMembers(ctx, { limit: 100, ...(cursor ? { cursor } : {}) })
    for (const m of page.items) members.set(m.userId, m)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return members
}
