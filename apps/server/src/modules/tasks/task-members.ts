import { AppError } from '../../platform/http/app-error.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { findMemberView } from '../../platform/tenancy/tenancy.repository.ts'

/**
 * Fails with 422 and one field error per id that is not a member of the org (assignees, mentions).
 * `path` is the input field, e.g. `body.assigneeIds`.
 */
export async function assertMembers(ctx: ServiceContext, userIds: readonly string[], path: string) {
  const errors: { path: string; message: string }[] = []
  for (const [i, userId] of userIds.entries()) {
    if (!(await findMemberView(ctx.db, ctx.orgId, userId)))
      errors.push({ path: `${path}.${i}`, message: 'Not a member of this organization' })
  }
  if (errors.length > 0)
    throw new AppError('unprocessable', 'Some people are not members of this organization', errors)
}

/** Name and email of each member among `userIds` (people who left the org are skipped). */
export async function memberContacts(ctx: ServiceContext, userIds: readonly string[]) {
  const contacts: { userId: string; name: string; email: string }[] = []
  for (const userId of userIds) {
    const member = await findMemberView(ctx.db, ctx.orgId, userId)
    if (member) contacts.push({ userId, name: member.name, email: member.email })
  }
  return contacts
}
