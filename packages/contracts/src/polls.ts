import { z } from 'zod'
import { PageQuery, pageOf } from './pagination.ts'

/** Loomio's poll types (governance.md §2.1); the math lives in the assemblies domain (polls.ts). */
export const POLL_TYPES = ['proposal', 'choose', 'score', 'ranked-choice', 'dot-vote'] as const
export const PollType = z.enum(POLL_TYPES)
export type PollType = z.infer<typeof PollType>

export const PROPOSAL_POSITIONS = ['agree', 'abstain', 'disagree', 'block'] as const

export const PollState = z.enum(['draft', 'open', 'closed'])
export type PollState = z.infer<typeof PollState>

/** The caller's part in a poll: invited and not voted yet, voted, or not in the invited set. */
export const MyPollStatus = z.enum(['pending', 'voted', 'not_invited'])
export type MyPollStatus = z.infer<typeof MyPollStatus>

export const PollOption = z.object({ id: z.string(), label: z.string() })
export type PollOption = z.infer<typeof PollOption>

export const Poll = z
  .object({
    id: z.uuid(),
    title: z.string(),
    details: z.string(),
    type: PollType,
    /** Proposals always offer agree / abstain / disagree / block (labels are the ids; the UI translates). */
    options: z.array(PollOption),
    minChoices: z.number().int().nullable(),
    maxChoices: z.number().int().nullable(),
    minScore: z.number().int().nullable(),
    maxScore: z.number().int().nullable(),
    dotsPerPerson: z.number().int().nullable(),
    closingAt: z.string(),
    anonymous: z.boolean(),
    hideResultsUntilClosed: z.boolean(),
    audience: z.enum(['org', 'members']),
    /** Draft: the chosen members; open or closed: the invited set fixed at opening. */
    invitedUserIds: z.array(z.uuid()),
    state: PollState,
    authorId: z.uuid(),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    decidedCount: z.number().int(),
    invitedCount: z.number().int(),
    myStatus: MyPollStatus,
    /** Results may be read now (visible while open, or closed). */
    resultsVisible: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Poll' })
export type Poll = z.infer<typeof Poll>

const title = z.string().trim().min(3).max(200)
const details = z.string().trim().max(10_000)
const optionLabel = z.string().trim().min(1).max(200)
const smallInt = z.number().int().min(-1000).max(1000)

export const CreatePoll = z
  .strictObject({
    title,
    details: details.default(''),
    type: PollType,
    /** Required (2 to 20, distinct) for every type but proposal; must be empty for proposals. */
    options: z.array(optionLabel).max(20).default([]),
    minChoices: z.number().int().min(0).max(20).optional(),
    maxChoices: z.number().int().min(1).max(20).optional(),
    minScore: smallInt.optional(),
    maxScore: smallInt.optional(),
    dotsPerPerson: z.number().int().min(1).max(1000).optional(),
    /** Must be in the future (checked by the server against its clock). */
    closingAt: z.iso.datetime({ offset: true }),
    anonymous: z.boolean().default(false),
    hideResultsUntilClosed: z.boolean().default(false),
    audience: z.enum(['org', 'members']).default('org'),
    invitedUserIds: z.array(z.uuid()).max(5000).default([]),
    /** `open` (default) starts the vote at once; `draft` keeps it editable and invisible to members. */
    state: z.enum(['draft', 'open']).default('open'),
  })
  .superRefine((poll, issue) => {
    const add = (path: string, message: string) => issue.addIssue({ code: 'custom', path: [path], message })
    const n = poll.options.length
    if (poll.type === 'proposal') {
      if (n > 0) add('options', 'A proposal has fixed options (agree, abstain, disagree, block)')
    } else {
      if (n < 2) add('options', 'Give at least two options')
      const keys = poll.options.map((o) => o.toLocaleLowerCase('es'))
      if (new Set(keys).size !== keys.length) add('options', 'Options must be different')
    }
    if (poll.type === 'choose' || poll.type === 'ranked-choice') {
      const min = poll.minChoices ?? 1
      const max = poll.maxChoices ?? n
      if (poll.type === 'choose' && min < 1) add('minChoices', 'Mark at least one option')
      if (n >= 2 && max > n) add('maxChoices', 'Cannot exceed the number of options')
      if (n >= 2 && min > n) add('minChoices', 'Cannot exceed the number of options')
      if (min > max) add('minChoices', 'Must not exceed the maximum')
    } else {
      if (poll.minChoices !== undefined) add('minChoices', 'Only for choose and ranked-choice polls')
      if (poll.maxChoices !== undefined) add('maxChoices', 'Only for choose and ranked-choice polls')
    }
    if (poll.type === 'score') {
      if ((poll.minScore ?? 0) >= (poll.maxScore ?? 5))
        add('maxScore', 'Must be greater than the minimum score')
    } else {
      if (poll.minScore !== undefined) add('minScore', 'Only for score polls')
      if (poll.maxScore !== undefined) add('maxScore', 'Only for score polls')
    }
    if (poll.type !== 'dot-vote' && poll.dotsPerPerson !== undefined) {
      add('dotsPerPerson', 'Only for dot-vote polls')
    }
    if (poll.audience === 'members' && poll.invitedUserIds.length === 0) {
      add('invitedUserIds', 'Choose at least one member')
    }
    if (poll.audience === 'org' && poll.invitedUserIds.length > 0) {
      add('invitedUserIds', 'Only when the audience is a list of members')
    }
    if (new Set(poll.invitedUserIds).size !== poll.invitedUserIds.length) {
      add('invitedUserIds', 'A member is listed twice')
    }
  })
export type CreatePoll = z.infer<typeof CreatePoll>
export type CreatePollInput = z.input<typeof CreatePoll>

/**
 * Edits. In a draft: title, details, closing time, both switches. Once open: title, details and the
 * closing time; the switches only move one way (visible → hidden, named → anonymous), after Loomio's
 * `cannot_reveal_results_early` and `cannot_deanonymize`. Closed polls cannot be edited.
 */
export const UpdatePoll = z.strictObject({
  title: title.optional(),
  details: details.optional(),
  closingAt: z.iso.datetime({ offset: true }).optional(),
  anonymous: z.boolean().optional(),
  hideResultsUntilClosed: z.boolean().optional(),
})
export type UpdatePoll = z.infer<typeof UpdatePoll>

export const StanceChoice = z.object({
  optionId: z.string().min(1).max(100),
  score: z.number().int().min(-1000).max(1000),
})
export type StanceChoice = z.infer<typeof StanceChoice>

export const CastStance = z.strictObject({
  choices: z.array(StanceChoice).max(20),
  reason: z.string().trim().max(2000).optional(),
})
export type CastStance = z.infer<typeof CastStance>

export const MyStance = z
  .object({
    pollId: z.uuid(),
    current: z
      .object({ choices: z.array(StanceChoice), reason: z.string().nullable(), castAt: z.string() })
      .nullable(),
    /** Earlier stances of the caller, newest first (Loomio keeps them as not-latest rows). */
    history: z.array(
      z.object({ choices: z.array(StanceChoice), reason: z.string().nullable(), castAt: z.string() }),
    ),
  })
  .meta({ id: 'MyPollStance' })
export type MyStance = z.infer<typeof MyStance>

export const PollOptionResult = z.object({
  optionId: z.string(),
  label: z.string(),
  totalScore: z.number().int(),
  voterCount: z.number().int(),
  /** Mean score among the stances that scored the option, 2 decimals; null when none did. */
  average: z.number().nullable(),
})

export const PollRunoff = z.object({
  winner: z.string().nullable(),
  tied: z.array(z.string()),
  rounds: z.array(
    z.object({
      counts: z.array(z.object({ optionId: z.string(), votes: z.number().int() })),
      exhausted: z.number().int(),
      eliminated: z.array(z.string()),
    }),
  ),
})

export const PollResults = z
  .object({
    pollId: z.uuid(),
    type: PollType,
    final: z.boolean(),
    decided: z.number().int(),
    invited: z.number().int(),
    /** decided / invited in percent, 2 decimals; null with nobody invited. */
    participationPercent: z.number().nullable(),
    /** Highest total first. */
    options: z.array(PollOptionResult),
    runoff: PollRunoff.nullable(),
    /** Who voted what: named polls only; always null for anonymous polls. */
    stances: z
      .array(
        z.object({
          userId: z.uuid(),
          name: z.string(),
          choices: z.array(StanceChoice),
          reason: z.string().nullable(),
          castAt: z.string(),
        }),
      )
      .nullable(),
  })
  .meta({ id: 'PollResults' })
export type PollResults = z.infer<typeof PollResults>

/** Body of open / close: nothing to send yet (`{}` or no body); kept as an object so it can grow. */
export const PollTransition = z.preprocess((body) => body ?? {}, z.strictObject({}))

export const PollQuery = PageQuery.extend({ state: PollState.optional() })
export const PollPage = pageOf(Poll)
export const PollParams = z.object({ id: z.uuid() })
