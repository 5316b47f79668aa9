import { z } from 'zod'
import { PageQuery, pageOf } from './pagination.ts'

/*
 * Assemblies (asambleas): convocation, attendance and quorum, proxies (poderes), motions, ballots,
 * the tamper-evident log and the acta. Coefficients are integers in millionths of a percent
 * (100 % = 100_000_000); format them with the domain's `formatCoefficient` rule (6 decimals).
 * Routes and permissions: docs/modules/assemblies.md § API.
 */

const id = z.uuid()
const isoDateTime = z.iso.datetime({ offset: true })
const isoDate = z.iso.date()
/** Integer millionths of a percent: 12.345678 % → 12_345_678. */
const coefficient = z.number().int().min(0).max(100_000_000)

export const ASSEMBLY_KINDS = ['ordinary', 'extraordinary'] as const
export const ASSEMBLY_MODALITIES = ['presential', 'virtual', 'mixed', 'written'] as const
/** horizontal-property: Ley 675 de 2001; cooperative: Ley 79 de 1988. */
export const LEGAL_FRAMEWORKS = ['horizontal-property', 'cooperative'] as const
export const ASSEMBLY_STATUSES = ['draft', 'convened', 'in_session', 'closed'] as const
export const PROXY_BARRED_ROLES = ['administrator', 'council-member', 'staff'] as const
export const ATTENDANCE_CHANNELS = ['presential', 'virtual', 'qr'] as const
export const PRESENCE_VIA = ['holder', 'proxy'] as const
export const MOTION_DECISION_BASES = ['coefficient', 'unit', 'head', 'delegate'] as const
export const MOTION_VOTING_METHODS = [
  'yes-no',
  'yes-no-abstain',
  'single-choice',
  'multiple-choice',
  'ranked',
] as const
export const MOTION_STATES = ['draft', 'open', 'closed', 'published'] as const
export const MOTION_SECRECY = ['secret', 'named'] as const
export const RESULTS_VISIBILITY = ['live', 'hidden-until-closed'] as const
/** Majority presets: Ley 675 art. 45 (> 1/2 of present coefficients), art. 46 (≥ 70 % of total), Ley 79, plurality. */
export const MAJORITY_PRESETS = [
  'ley-675-art-45',
  'ley-675-art-46',
  'ley-79-absolute',
  'ley-79-two-thirds',
  'plurality',
  'custom',
] as const
export const MOTION_OUTCOMES = ['approved', 'rejected', 'tie', 'no-quorum'] as const

// ---------------------------------------------------------------- assemblies

export const AssemblyProxyPolicy = z.strictObject({
  /** Cap of poderes one holder may carry at once (from the reglamento); null = no cap. */
  maxProxiesPerHolder: z.number().int().min(1).max(1000).nullable().default(null),
  barredRoles: z
    .array(z.enum(PROXY_BARRED_ROLES))
    .max(3)
    .default(['administrator', 'council-member', 'staff']),
})
export type AssemblyProxyPolicy = z.infer<typeof AssemblyProxyPolicy>

/** Ley 79 art. 31 options; ignored under horizontal-property. */
export const AssemblyCooperativeOptions = z.strictObject({
  waitMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .optional(),
  minimumToFormCooperative: z.number().int().min(1).max(10_000).optional(),
  delegates: z.boolean().optional(),
})

export const AgendaItem = z
  .object({
    id,
    position: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
  })
  .meta({ id: 'AgendaItem' })
export type AgendaItem = z.infer<typeof AgendaItem>

export const Assembly = z
  .object({
    id,
    title: z.string(),
    kind: z.enum(ASSEMBLY_KINDS),
    modality: z.enum(ASSEMBLY_MODALITIES),
    legalFramework: z.enum(LEGAL_FRAMEWORKS),
    /** C-522/2002 applies to residential buildings (non-economic decisions are not weighted). */
    residential: z.boolean(),
    status: z.enum(ASSEMBLY_STATUSES),
    firstCallAt: isoDateTime,
    secondCallAt: isoDateTime.nullable(),
    noticeSentOn: isoDate.nullable(),
    /** Notice period in days (Ley 675 art. 39: 15 calendar days by default for ordinary assemblies). */
    noticeDays: z.number().int().nullable(),
    noticeDayCount: z.enum(['calendar', 'business']),
    proxyPolicy: z.object({
      maxProxiesPerHolder: z.number().int().nullable(),
      barredRoles: z.array(z.enum(PROXY_BARRED_ROLES)),
    }),
    cooperative: z
      .object({
        waitMinutes: z.number().int().optional(),
        minimumToFormCooperative: z.number().int().optional(),
        delegates: z.boolean().optional(),
      })
      .nullable(),
    /** Which call the session runs under (set when the session starts). */
    currentCall: z.enum(['first', 'second']).nullable(),
    convenedAt: isoDateTime.nullable(),
    startedAt: isoDateTime.nullable(),
    closedAt: isoDateTime.nullable(),
    agenda: z.array(AgendaItem),
    /** Head of the tamper-evident log (null before the first entry). */
    logHeadHash: z.string().nullable(),
    version: z.number().int(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'Assembly' })
export type Assembly = z.infer<typeof Assembly>

const title = z.string().trim().min(3).max(200)
const description = z.string().trim().max(5000)

export const CreateAgendaItem = z.strictObject({
  title,
  description: description.optional(),
  /** 1-based; omitted → appended at the end. */
  position: z.number().int().min(1).max(500).optional(),
})
export type CreateAgendaItem = z.infer<typeof CreateAgendaItem>

export const CreateAssembly = z.strictObject({
  title,
  kind: z.enum(ASSEMBLY_KINDS).default('ordinary'),
  modality: z.enum(ASSEMBLY_MODALITIES).default('presential'),
  /** Default: horizontal-property for housing orgs, cooperative otherwise. */
  legalFramework: z.enum(LEGAL_FRAMEWORKS).optional(),
  residential: z.boolean().default(true),
  firstCallAt: isoDateTime,
  /** Default: Ley 675 art. 41, third business day after the first call at 20:00 (America/Bogota). */
  secondCallAt: isoDateTime.optional(),
  noticeSentOn: isoDate.optional(),
  /** Required for extraordinary assemblies (from the reglamento); ordinary defaults to 15. */
  noticeDays: z.number().int().min(0).max(365).optional(),
  noticeDayCount: z.enum(['calendar', 'business']).default('calendar'),
  proxyPolicy: AssemblyProxyPolicy.optional(),
  cooperative: AssemblyCooperativeOptions.optional(),
  agenda: z
    .array(CreateAgendaItem.omit({ position: true }))
    .max(100)
    .default([]),
})
export type CreateAssembly = z.infer<typeof CreateAssembly>

/** PATCH (If-Match) while draft; no defaults so nothing resets. Agenda has its own routes. */
export const UpdateAssembly = z.strictObject({
  title: title.optional(),
  kind: z.enum(ASSEMBLY_KINDS).optional(),
  modality: z.enum(ASSEMBLY_MODALITIES).optional(),
  legalFramework: z.enum(LEGAL_FRAMEWORKS).optional(),
  residential: z.boolean().optional(),
  firstCallAt: isoDateTime.optional(),
  secondCallAt: isoDateTime.nullable().optional(),
  noticeSentOn: isoDate.nullable().optional(),
  noticeDays: z.number().int().min(0).max(365).nullable().optional(),
  noticeDayCount: z.enum(['calendar', 'business']).optional(),
  proxyPolicy: z
    .strictObject({
      maxProxiesPerHolder: z.number().int().min(1).max(1000).nullable().optional(),
      barredRoles: z.array(z.enum(PROXY_BARRED_ROLES)).max(3).optional(),
    })
    .optional(),
  cooperative: AssemblyCooperativeOptions.nullable().optional(),
})
export type UpdateAssembly = z.infer<typeof UpdateAssembly>

/** POST /assemblies/:id/convene: validates notice and electorate, freezes the electorate. */
export const ConveneAssembly = z.strictObject({
  /** Overrides the stored notice date (the day the convocation went out). */
  noticeSentOn: isoDate.optional(),
})
export type ConveneAssembly = z.infer<typeof ConveneAssembly>

/** POST /assemblies/:id/start: opens the session under the first or second call. */
export const StartAssembly = z.strictObject({ call: z.enum(['first', 'second']).default('first') })
export type StartAssembly = z.infer<typeof StartAssembly>

export const AssemblyQuery = PageQuery.extend({ status: z.enum(ASSEMBLY_STATUSES).optional() })
export const AssemblyPage = pageOf(Assembly)
export const AssemblyParams = z.object({ id })
export const AgendaItemParams = z.object({ id, itemId: id })

/** The electorate frozen at convocation. */
export const AssemblyElectorateSeat = z
  .object({ unitId: id, code: z.string(), building: z.string().nullable(), coefficient })
  .meta({ id: 'AssemblyElectorateSeat' })
export const AssemblyElectorate = z.object({
  seats: z.array(AssemblyElectorateSeat),
  totalCoefficient: z.number().int(),
  frozenAt: isoDateTime.nullable(),
})
export type AssemblyElectorate = z.infer<typeof AssemblyElectorate>

// ---------------------------------------------------------------- attendance and quorum

export const AssemblyAttendanceEntry = z
  .object({
    id,
    seq: z.number().int(),
    kind: z.enum(['check-in', 'check-out']),
    unitId: id,
    unitCode: z.string(),
    via: z.enum(PRESENCE_VIA),
    proxyId: id.nullable(),
    attendeeName: z.string(),
    attendeeUserId: id.nullable(),
    channel: z.enum(ATTENDANCE_CHANNELS),
    recordedBy: id.nullable(),
    recordedAt: isoDateTime,
  })
  .meta({ id: 'AssemblyAttendanceEntry' })
export type AssemblyAttendanceEntry = z.infer<typeof AssemblyAttendanceEntry>

export const AssemblyCheckIn = z.strictObject({
  unitId: id,
  /** holder: the unit's own representative (default: the voter in force); proxy: needs proxyId. */
  via: z.enum(PRESENCE_VIA).default('holder'),
  proxyId: id.optional(),
  /** Who is physically present for a holder check-in; default: the unit's voter in force. */
  attendeeName: z.string().trim().min(2).max(200).optional(),
  attendeeUserId: id.optional(),
  channel: z.enum(['presential', 'virtual']).default('presential'),
})
export type AssemblyCheckIn = z.infer<typeof AssemblyCheckIn>

export const AssemblyCheckOut = z.strictObject({
  unitId: id,
  channel: z.enum(['presential', 'virtual']).default('presential'),
})
export type AssemblyCheckOut = z.infer<typeof AssemblyCheckOut>

/** A QR payload: scanned by an admin (manage) or opened by the unit's voter / proxy holder (vote). */
export const AssemblyQrCheckIn = z.strictObject({ token: z.string().min(10).max(1000) })
export type AssemblyQrCheckIn = z.infer<typeof AssemblyQrCheckIn>

export const AssemblyQrToken = z.object({ unitId: id, unitCode: z.string(), token: z.string() })
export const AssemblyQrTokenList = z.object({ items: z.array(AssemblyQrToken) })

export const AssemblyAttendanceList = z.object({ items: z.array(AssemblyAttendanceEntry) })

export const AssemblyQuorumConditionResult = z.object({
  kind: z.enum(['seat-share', 'weight-share', 'minimum-seats']),
  /** seat-share / weight-share: the fraction; minimum-seats: null. */
  share: z.object({ numerator: z.number().int(), denominator: z.number().int() }).nullable(),
  comparison: z.enum(['gt', 'gte']).nullable(),
  count: z.number().int().nullable(),
  present: z.number().int(),
  of: z.number().int(),
  required: z.number().int().nullable(),
  met: z.boolean(),
})

export const AssemblyQuorumCount = z.object({
  eligibleSeats: z.number().int(),
  presentSeats: z.number().int(),
  presentByHolder: z.number().int(),
  presentByProxy: z.number().int(),
  attendees: z.number().int(),
  totalWeight: z.number().int(),
  presentWeight: z.number().int(),
})

export const AssemblyQuorumVerdict = z.object({
  met: z.boolean(),
  basis: z.enum(['first-call', 'reduced-after-wait', 'second-call', 'held-once-formed']).nullable(),
  conditions: z.array(AssemblyQuorumConditionResult),
})

/** A quorum snapshot as stored on a motion (at open and close) and shown in the acta. */
export const AssemblyQuorumSnapshot = z
  .object({
    takenAt: isoDateTime,
    call: z.enum(['first', 'second']),
    count: AssemblyQuorumCount,
    verdict: AssemblyQuorumVerdict,
    /** Sorted: never the arrival order. */
    presentUnitIds: z.array(id),
  })
  .meta({ id: 'AssemblyQuorumSnapshot' })
export type AssemblyQuorumSnapshot = z.infer<typeof AssemblyQuorumSnapshot>

export const AssemblyQuorumSeat = z.object({
  unitId: id,
  code: z.string(),
  building: z.string().nullable(),
  coefficient,
  present: z.boolean(),
  via: z.enum(PRESENCE_VIA).nullable(),
  attendeeName: z.string().nullable(),
})

/** GET /assemblies/:id/quorum: the live quorum screen. */
export const AssemblyQuorumStatus = z
  .object({
    assemblyId: id,
    status: z.enum(ASSEMBLY_STATUSES),
    legalFramework: z.enum(LEGAL_FRAMEWORKS),
    call: z.enum(['first', 'second']),
    minutesSinceConvened: z.number().int(),
    formedEarlier: z.boolean(),
    count: AssemblyQuorumCount,
    verdict: AssemblyQuorumVerdict,
    seats: z.array(AssemblyQuorumSeat),
    asOf: isoDateTime,
  })
  .meta({ id: 'AssemblyQuorumStatus' })
export type AssemblyQuorumStatus = z.infer<typeof AssemblyQuorumStatus>

// ---------------------------------------------------------------- proxies (poderes)

export const AssemblyProxyScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('whole-assembly') }),
  z.strictObject({ kind: z.literal('agenda-items'), agendaItemIds: z.array(id).min(1).max(100) }),
])
export type AssemblyProxyScope = z.infer<typeof AssemblyProxyScope>

export const AssemblyProxy = z
  .object({
    id,
    assemblyId: id,
    grantorUnitId: id,
    grantorUnitCode: z.string(),
    holderName: z.string(),
    holderDocument: z.string(),
    holderUserId: id.nullable(),
    /** Roles declared for the holder and/or detected from their membership (see docs). */
    holderRoles: z.array(z.enum(PROXY_BARRED_ROLES)),
    scope: AssemblyProxyScope,
    documentRef: z.string().nullable(),
    grantedAt: isoDateTime,
    revokedAt: isoDateTime.nullable(),
    revokedReason: z.string().nullable(),
  })
  .meta({ id: 'AssemblyProxy' })
export type AssemblyProxy = z.infer<typeof AssemblyProxy>

export const CreateAssemblyProxy = z.strictObject({
  grantorUnitId: id,
  holderName: z.string().trim().min(2).max(200),
  holderDocument: z.string().trim().min(3).max(40),
  /** An org member's user id, so the holder can vote from the phone. */
  holderUserId: id.optional(),
  /** A role the holder has in the building that the org's membership cannot show (e.g. staff). */
  holderRoles: z.array(z.enum(PROXY_BARRED_ROLES)).max(3).default([]),
  scope: AssemblyProxyScope.default({ kind: 'whole-assembly' }),
  /** Reference or hash of the signed poder document. */
  documentRef: z.string().trim().max(300).optional(),
})
export type CreateAssemblyProxy = z.infer<typeof CreateAssemblyProxy>

export const RevokeAssemblyProxy = z.strictObject({ reason: z.string().trim().max(500).optional() })
export type RevokeAssemblyProxy = z.infer<typeof RevokeAssemblyProxy>

export const AssemblyProxyList = z.object({ items: z.array(AssemblyProxy) })
export const AssemblyProxyParams = z.object({ id })

// ---------------------------------------------------------------- motions

export const MotionRatio = z.strictObject({
  numerator: z.number().int().min(0).max(1_000_000_000),
  denominator: z.number().int().min(1).max(1_000_000_000),
})

export const MotionMajorityCondition = z.strictObject({
  measure: z.enum(['weight', 'heads']),
  denominator: z.enum(['present', 'votes-cast', 'votes-cast-excluding-abstentions', 'total']),
  threshold: MotionRatio,
  comparison: z.enum(['gt', 'gte']),
})

export const MotionMajorityRule = z.object({
  id: z.string(),
  conditions: z.array(
    z.object({
      measure: z.enum(['weight', 'heads']),
      denominator: z.enum(['present', 'votes-cast', 'votes-cast-excluding-abstentions', 'total']),
      threshold: z.object({ numerator: z.number().int(), denominator: z.number().int() }),
      comparison: z.enum(['gt', 'gte']),
    }),
  ),
})

export const MotionMajorityInput = z.discriminatedUnion('preset', [
  z.strictObject({ preset: z.literal('ley-675-art-45') }),
  z.strictObject({ preset: z.literal('ley-675-art-46') }),
  z.strictObject({ preset: z.literal('ley-79-absolute') }),
  z.strictObject({ preset: z.literal('ley-79-two-thirds') }),
  z.strictObject({ preset: z.literal('plurality') }),
  z.strictObject({ preset: z.literal('custom'), conditions: z.array(MotionMajorityCondition).min(1).max(4) }),
])
export type MotionMajorityInput = z.infer<typeof MotionMajorityInput>

/** Option ids of yes/no methods are 'yes', 'no', 'abstain'; choice options get server ids 'o1', 'o2'…; 'abstain' is the blank vote. */
export const MotionOption = z.object({ id: z.string(), label: z.string() })

export const MotionOptionTotals = z.object({
  optionId: z.string(),
  weight: z.number().int(),
  heads: z.number().int(),
})

export const MotionResult = z
  .object({
    outcome: z.enum(MOTION_OUTCOMES),
    winners: z.array(z.string()),
    tied: z.array(z.string()),
    options: z.array(
      z.object({
        optionId: z.string(),
        weight: z.number().int(),
        heads: z.number().int(),
        passes: z.boolean(),
        conditions: z.array(
          z.object({
            measure: z.enum(['weight', 'heads']),
            denominator: z.string(),
            threshold: z.object({ numerator: z.number().int(), denominator: z.number().int() }),
            comparison: z.enum(['gt', 'gte']),
            numerator: z.number().int(),
            denominatorValue: z.number().int(),
            met: z.boolean(),
          }),
        ),
      }),
    ),
    cast: z.object({ weight: z.number().int(), heads: z.number().int() }),
    abstained: z.object({ weight: z.number().int(), heads: z.number().int() }),
    quorumMet: z.boolean(),
    /** Ranked motions: instant-runoff rounds as the domain reports them. */
    runoff: z.unknown().nullable(),
  })
  .meta({ id: 'MotionResult' })
export type MotionResult = z.infer<typeof MotionResult>

export const Motion = z
  .object({
    id,
    assemblyId: id,
    agendaItemId: id,
    title: z.string(),
    description: z.string().nullable(),
    state: z.enum(MOTION_STATES),
    basis: z.enum(MOTION_DECISION_BASES),
    method: z.enum(MOTION_VOTING_METHODS),
    /** Every option a ballot may carry (abstain included where allowed). */
    options: z.array(MotionOption),
    maxChoices: z.number().int().nullable(),
    winners: z.number().int(),
    majorityPreset: z.enum(MAJORITY_PRESETS),
    /** The rule actually applied (art. 43 turns denominators into `total` for written assemblies). */
    majority: MotionMajorityRule,
    economicContent: z.boolean(),
    secrecy: z.enum(MOTION_SECRECY),
    resultsVisibility: z.enum(RESULTS_VISIBILITY),
    ballotsCast: z.number().int(),
    /** Running totals: only when results are visible (live while open, or after close). */
    totals: z.array(MotionOptionTotals).nullable(),
    quorumAtOpen: AssemblyQuorumSnapshot.nullable(),
    quorumAtClose: AssemblyQuorumSnapshot.nullable(),
    /** Computed once at close. */
    result: MotionResult.nullable(),
    openedAt: isoDateTime.nullable(),
    closedAt: isoDateTime.nullable(),
    publishedAt: isoDateTime.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Motion' })
export type Motion = z.infer<typeof Motion>

const optionLabel = z.string().trim().min(1).max(200)

export const CreateMotion = z.strictObject({
  agendaItemId: id,
  title,
  description: description.optional(),
  /** Default: coefficient when economic, unit when residential non-economic (C-522/2002), head in cooperatives. */
  basis: z.enum(MOTION_DECISION_BASES).optional(),
  method: z.enum(MOTION_VOTING_METHODS).default('yes-no-abstain'),
  /** Choice and ranked methods: at least two labels. */
  options: z.array(optionLabel).max(50).default([]),
  maxChoices: z.number().int().min(1).max(50).optional(),
  winners: z.number().int().min(1).max(50).optional(),
  majority: MotionMajorityInput.default({ preset: 'ley-675-art-45' }),
  economicContent: z.boolean().default(true),
  /** Ley 675 art. 45: only the extinction of the regime may require more than 70 % of the total. */
  extinction: z.boolean().default(false),
  secrecy: z.enum(MOTION_SECRECY).default('named'),
  resultsVisibility: z.enum(RESULTS_VISIBILITY).default('hidden-until-closed'),
})
export type CreateMotion = z.infer<typeof CreateMotion>

/** PATCH (If-Match): every field while draft; afterwards only resultsVisibility (live → hidden, one way while open). */
export const UpdateMotion = z.strictObject({
  title: title.optional(),
  description: description.nullable().optional(),
  basis: z.enum(MOTION_DECISION_BASES).optional(),
  method: z.enum(MOTION_VOTING_METHODS).optional(),
  options: z.array(optionLabel).max(50).optional(),
  maxChoices: z.number().int().min(1).max(50).nullable().optional(),
  winners: z.number().int().min(1).max(50).optional(),
  majority: MotionMajorityInput.optional(),
  economicContent: z.boolean().optional(),
  extinction: z.boolean().optional(),
  secrecy: z.enum(MOTION_SECRECY).optional(),
  resultsVisibility: z.enum(RESULTS_VISIBILITY).optional(),
})
export type UpdateMotion = z.infer<typeof UpdateMotion>

export const MotionList = z.object({ items: z.array(Motion) })
export const MotionParams = z.object({ id })

// ---------------------------------------------------------------- ballots

export const CastMotionBallot = z.strictObject({
  unitId: id,
  /** One option id; several (multiple choice); an order (ranked); or ['abstain']. */
  choice: z.array(z.string().min(1).max(100)).min(1).max(50),
})
export type CastMotionBallot = z.infer<typeof CastMotionBallot>

/**
 * 201 answer to a ballot. Keep `nonce` secret: with it the voter recomputes `receipt`
 * (domain `ballotReceipt`) and finds it in GET /motions/:id/receipts after close. The server does not keep the nonce.
 */
export const MotionBallotReceipt = z
  .object({
    motionId: id,
    unitId: id,
    receipt: z.string(),
    nonce: z.string(),
    weight: z.number().int(),
    choice: z.array(z.string()),
  })
  .meta({ id: 'MotionBallotReceipt' })
export type MotionBallotReceipt = z.infer<typeof MotionBallotReceipt>

export const MotionReceiptList = z.object({
  motionId: id,
  /** Sorted: no order, no unit, no weight. */
  receipts: z.array(z.string()),
  digest: z.string(),
})

/** Named motions only (manage, or anyone once closed): who voted what. */
export const MotionNamedBallot = z.object({
  unitId: id,
  unitCode: z.string(),
  voterUserId: id,
  via: z.enum(PRESENCE_VIA),
  choice: z.array(z.string()),
  weight: z.number().int(),
})
export const MotionNamedBallotList = z.object({ items: z.array(MotionNamedBallot) })

/** The register of who voted (units, sorted by code), secret or named: never the choice. */
export const MotionVoterRegister = z.object({
  motionId: id,
  items: z.array(z.object({ unitId: id, unitCode: z.string() })),
})

/** GET /assemblies/:id/my-seats: the units the caller may vote for now. */
export const AssemblyMySeats = z
  .object({
    assemblyId: id,
    seats: z.array(
      z.object({
        unitId: id,
        code: z.string(),
        coefficient,
        /** holder: the caller is the unit's voter; proxy: a poder in force. */
        via: z.enum(PRESENCE_VIA),
        proxyId: id.nullable(),
        present: z.boolean(),
        /** Signed QR check-in token of this unit (show it to be scanned, or POST it to …/attendance/qr). */
        qrToken: z.string().optional(),
        motions: z.array(
          z.object({
            motionId: id,
            agendaItemId: id,
            state: z.enum(MOTION_STATES),
            /** The caller may vote for this unit on this motion (scope, presence, motion open). */
            canVote: z.boolean(),
            voted: z.boolean(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'AssemblyMySeats' })
export type AssemblyMySeats = z.infer<typeof AssemblyMySeats>

// ---------------------------------------------------------------- log and acta

export const ASSEMBLY_LOG_ENTRY_TYPES = [
  'assembly.convened',
  'assembly.started',
  'assembly.closed',
  'attendance.check-in',
  'attendance.check-out',
  'proxy.granted',
  'proxy.revoked',
  'motion.opened',
  'motion.closed',
  'motion.published',
  'ballot.cast',
  'motion.results',
] as const

export const AssemblyLogEntry = z
  .object({
    seq: z.number().int(),
    type: z.string(),
    payload: z.unknown(),
    prevHash: z.string(),
    hash: z.string(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'AssemblyLogEntry' })
export type AssemblyLogEntry = z.infer<typeof AssemblyLogEntry>

export const AssemblyLogQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})
export const AssemblyLogPage = z.object({
  items: z.array(AssemblyLogEntry),
  nextAfter: z.number().int().nullable(),
})

export const AssemblyLogVerification = z
  .object({
    assemblyId: id,
    valid: z.boolean(),
    length: z.number().int(),
    headHash: z.string().nullable(),
    /** First seq whose hash or link does not verify; null when valid. */
    firstBrokenSeq: z.number().int().nullable(),
  })
  .meta({ id: 'AssemblyLogVerification' })
export type AssemblyLogVerification = z.infer<typeof AssemblyLogVerification>
