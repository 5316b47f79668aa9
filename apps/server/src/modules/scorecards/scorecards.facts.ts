import type { ServiceContext } from '../../platform/service-context.ts'
import { assemblyScorecardFacts } from '../assemblies/index.ts'
import { pollScorecardFacts } from '../polls/index.ts'
import { taskScorecardFacts } from '../tasks/index.ts'

export type ScorecardFacts = {
  assemblies: Awaited<ReturnType<typeof assemblyScorecardFacts>>
  polls: Awaited<ReturnType<typeof pollScorecardFacts>>
  tasks: Awaited<ReturnType<typeof taskScorecardFacts>>
}

/**
 * The facts of the three modules that record participation, through their exported functions only
 * (registers of who attended, voted, answered, finished: never a ballot choice).
 */
export async function gatherFacts(
  ctx: ServiceContext,
  range: { from: Date; to: Date },
  userId?: string,
): Promise<ScorecardFacts> {
  // Sequential on purpose: they share the request transaction (one connection).
  const assemblies = await assemblyScorecardFacts(ctx, range, userId)
  const polls = await pollScorecardFacts(ctx, range, userId)
  const tasks = await taskScorecardFacts(ctx, range, userId)
  return { assemblies, polls, tasks }
}
