/** Domain events of the module (outbox); the manifest's handlers push them to the org's room. */
export const ASSEMBLY_CONVENED = 'assembly.convened'
export const ASSEMBLY_STARTED = 'assembly.started'
export const ASSEMBLY_CLOSED = 'assembly.closed'
export const ASSEMBLY_QUORUM_CHANGED = 'assembly.quorum_changed'
export const MOTION_OPENED = 'motion.opened'
export const MOTION_CLOSED = 'motion.closed'
export const MOTION_PUBLISHED = 'motion.published'
/** Payload {assemblyId, motionId} only: the handler reads the totals after commit (never the ballot). */
export const MOTION_TALLY_CHANGED = 'motion.tally_changed'
