import { AssemblyRuleError } from './errors.ts'

/** draft → open → closed → published; results are computed once, at close. */
export type MotionState = 'draft' | 'open' | 'closed' | 'published'

const NEXT: Readonly<Record<MotionState, MotionState | null>> = {
  draft: 'open',
  open: 'closed',
  closed: 'published',
  published: null,
}

export function transitionMotion(from: MotionState, to: MotionState): MotionState {
  if (NEXT[from] !== to) {
    throw new AssemblyRuleError('INVALID_MOTION_TRANSITION', `a motion cannot go from ${from} to ${to}`, {
      from,
      to,
    })
  }
  return to
}

export function assertMotionOpen(state: MotionState, motionId = 'the motion'): void {
  if (state !== 'open') {
    throw new AssemblyRuleError(
      'MOTION_NOT_OPEN',
      `${motionId} is ${state}; votes are accepted only while it is open`,
      {
        state,
      },
    )
  }
}

/** `live`: results stream while open. `hidden-until-closed` cannot be relaxed while voting (Loomio's one-way switch). */
export type ResultsVisibility = 'live' | 'hidden-until-closed'

export function changeResultsVisibility(
  state: MotionState,
  current: ResultsVisibility,
  next: ResultsVisibility,
): ResultsVisibility {
  if (state === 'open' && current === 'hidden-until-closed' && next === 'live') {
    throw new AssemblyRuleError(
      'RESULTS_VISIBILITY_ONE_WAY',
      'results hidden until close cannot be revealed while the motion is open',
    )
  }
  return next
}

export function resultsVisible(state: MotionState, visibility: ResultsVisibility): boolean {
  if (state === 'closed' || state === 'published') return true
  return state === 'open' && visibility === 'live'
}
