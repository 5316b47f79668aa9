import type { Motion } from '@minga/contracts'
import { useQueryClient } from '@tanstack/react-query'
import { useOrgEvent } from '../../app/realtime.ts'
import { assemblyKey, type MotionOptionTotals, motionsQuery } from './assemblies-api.ts'

interface AssemblyEvent {
  assemblyId?: string
  motionId?: string
}

interface TallyEvent extends AssemblyEvent {
  ballotsCast?: number
  /** Only when the motion's results are live. */
  totals?: MotionOptionTotals[]
}

/**
 * Keeps an assembly's screens current from the org room: attendance changes refetch the quorum and
 * the person's seats; motion transitions refetch the motions; tally changes patch the cached motion
 * in place (no refetch, so hundreds of viewers do not turn each ballot into hundreds of requests).
 */
export function useAssemblyLive(slug: string, assemblyId: string) {
  const queryClient = useQueryClient()
  const key = assemblyKey(slug, assemblyId)
  const mine = (payload: AssemblyEvent | undefined) =>
    !payload?.assemblyId || payload.assemblyId === assemblyId
  const refetch = (...parts: string[]) => {
    for (const part of parts) void queryClient.invalidateQueries({ queryKey: [...key, part] })
  }

  useOrgEvent<AssemblyEvent>(slug, 'assembly.quorum_changed', (payload) => {
    if (mine(payload)) refetch('quorum', 'attendance', 'my-seats')
  })
  const onMotionChange = (payload: AssemblyEvent) => {
    if (mine(payload)) refetch('motions', 'my-seats', 'detail', 'quorum')
  }
  useOrgEvent<AssemblyEvent>(slug, 'motion.opened', onMotionChange)
  useOrgEvent<AssemblyEvent>(slug, 'motion.closed', onMotionChange)
  useOrgEvent<AssemblyEvent>(slug, 'motion.published', onMotionChange)
  useOrgEvent<TallyEvent>(slug, 'motion.tally_changed', (payload) => {
    if (!mine(payload) || !payload.motionId) return
    if (typeof payload.ballotsCast !== 'number') {
      refetch('motions')
      return
    }
    const { ballotsCast, totals, motionId } = payload
    queryClient.setQueryData(motionsQuery(slug, assemblyId).queryKey, (current) =>
      current
        ? { items: current.items.map((motion) => patchTally(motion, motionId, ballotsCast, totals)) }
        : current,
    )
  })
}

export function patchTally(
  motion: Motion,
  motionId: string,
  ballotsCast: number,
  totals: MotionOptionTotals[] | undefined,
): Motion {
  if (motion.id !== motionId) return motion
  // Events can arrive out of order: never move the count backwards.
  if (ballotsCast < motion.ballotsCast) return motion
  return { ...motion, ballotsCast, ...(totals ? { totals } : {}) }
}
