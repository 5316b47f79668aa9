import type { MyScorecard, OrgScorecard, ScorecardQuery } from '@minga/contracts'
import { bogotaDate } from '../../platform/calendar/index.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { memberDirectory } from '../../platform/tenancy/tenancy.service.ts'
import { buildMyScorecard, buildOrgScorecard } from './scorecards.compute.ts'
import { gatherFacts } from './scorecards.facts.ts'
import { scorecardRange } from './scorecards.range.ts'

/** Every member of the org: participation breadth's denominator. */
async function allMembers(ctx: ServiceContext) {
  return [...(await memberDirectory(ctx)).values()].map((m) => ({ userId: m.userId, name: m.name }))
}

export async function orgScorecard(ctx: ServiceContext, query: ScorecardQuery): Promise<OrgScorecard> {
  const range = scorecardRange(query, ctx.now)
  const facts = await gatherFacts(ctx, range)
  return buildOrgScorecard(facts, await allMembers(ctx), range, bogotaDate(ctx.now))
}

/** The caller's own figures only: the facts are asked for with their user id. */
export async function myScorecard(ctx: ServiceContext, query: ScorecardQuery): Promise<MyScorecard> {
  const userId = ctx.actor.userId
  const range = scorecardRange(query, ctx.now)
  if (userId === null) return buildMyScorecard(emptyFacts, '', range, bogotaDate(ctx.now))
  const facts = await gatherFacts(ctx, range, userId)
  return buildMyScorecard(facts, userId, range, bogotaDate(ctx.now))
}

const emptyFacts = {
  assemblies: { assemblies: [], motions: [], activities: [] },
  polls: { polls: [], activities: [] },
  tasks: { tasks: [], activities: [] },
}
