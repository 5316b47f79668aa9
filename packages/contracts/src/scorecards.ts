import { z } from 'zod'

/** An exact share and its percentage text ("12.34", 2 decimals, half-up); null means "sin datos". */
export const KpiShare = z
  .object({ numerator: z.number().int(), denominator: z.number().int(), percent: z.string() })
  .nullable()
  .meta({ id: 'KpiShare' })
export type KpiShare = z.infer<typeof KpiShare>

const isoDate = z.iso.date()

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD` (Bogotá dates, both included); default: the last 12 months. */
export const ScorecardQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() })
export type ScorecardQuery = z.infer<typeof ScorecardQuery>

const ScorecardRange = z.object({ from: z.string(), to: z.string() })

export const OrgScorecard = z
  .object({
    range: ScorecardRange,
    assemblies: z.object({
      count: z.number().int(),
      attendanceByHeads: KpiShare,
      attendanceByWeight: KpiShare,
      proxyReliance: KpiShare,
      maxProxiesHeldByOnePerson: z.number().int(),
      quorumSuccessRate: KpiShare,
      motions: z.number().int(),
      voteTurnout: KpiShare,
    }),
    polls: z.object({ count: z.number().int(), participation: KpiShare }),
    tasks: z.object({
      count: z.number().int(),
      onTime: KpiShare,
      medianDaysOverdue: z.number().nullable(),
      openPerMember: z.array(
        z.object({ userId: z.string(), name: z.string().nullable(), open: z.number().int() }),
      ),
    }),
    participation: z.object({
      members: z.number().int(),
      activeMembers: z.number().int(),
      breadth: KpiShare,
    }),
  })
  .meta({ id: 'OrgScorecard' })
export type OrgScorecard = z.infer<typeof OrgScorecard>

export const MyScorecard = z
  .object({
    range: ScorecardRange,
    assemblies: z.object({
      count: z.number().int(),
      /** My units present / my units eligible, pooled over assemblies. */
      attendance: KpiShare,
      motions: z.number().int(),
      voteTurnout: KpiShare,
    }),
    polls: z.object({ count: z.number().int(), participation: KpiShare }),
    tasks: z.object({
      count: z.number().int(),
      onTime: KpiShare,
      medianDaysOverdue: z.number().nullable(),
      open: z.number().int(),
    }),
    activity: z.object({
      votes: z.number().int(),
      attendances: z.number().int(),
      tasksDone: z.number().int(),
      comments: z.number().int(),
    }),
  })
  .meta({ id: 'MyScorecard' })
export type MyScorecard = z.infer<typeof MyScorecard>
