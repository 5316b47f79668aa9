import type { ServiceContext } from '../../platform/service-context.ts'
import type { PollParticipationRecord } from '../assemblies/domain/index.ts'
import * as repo from './polls.repository.ts'

/**
 * Facts for the scorecards module (contracts-between-modules.md): one participation record per poll
 * closed in `range` (decided = invited people with a stance, invited = the invited set), and one `vote`
 * activity per stance cast in `range`. With `userId`, only that member's invitations and stances.
 * Reads the register of who took part, never what anyone chose.
 */
export async function pollScorecardFacts(
  ctx: ServiceContext,
  range: { from: Date; to: Date },
  userId?: string,
): Promise<{
  polls: PollParticipationRecord[]
  activities: { memberId: string; kind: 'vote' | 'comment' }[]
}> {
  const closed = (await repo.pollsClosedBetween(ctx, range.from, range.to)).map((p) => p.id)
  const polls: PollParticipationRecord[] = []
  if (userId) {
    const mine = await repo.userParticipation(ctx, closed, userId)
    for (const id of closed) {
      if (mine.invited.has(id)) polls.push({ decided: mine.voted.has(id) ? 1 : 0, invited: 1 })
    }
  } else {
    const counts = await repo.participationCounts(ctx, closed)
    for (const id of closed) polls.push(counts.get(id)!)
  }
  const activities = (await repo.stanceActivityBetween(ctx, range.from, range.to, userId)).map((s) => ({
    memberId: s.userId,
    kind: 'vote' as const,
  }))
  return { polls, activities }
}
