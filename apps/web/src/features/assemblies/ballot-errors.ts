import type { TFunction } from 'i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { ruleCode } from './assembly-problems.ts'

/**
 * A failed ballot in words a voter understands: already voted, not open, not present, not entitled.
 * `duplicate` tells the widget to switch to its "ya votó" state.
 */
export function ballotErrorMessage(t: TFunction, error: unknown): { text: string; duplicate: boolean } {
  const code = ruleCode(error)
  if (code === 'DUPLICATE_VOTE') return { text: t('assemblies.vote.errors.alreadyVoted'), duplicate: true }
  if (code === 'MOTION_NOT_OPEN' || code === 'INVALID_MOTION_TRANSITION') {
    return { text: t('assemblies.vote.errors.notOpen'), duplicate: false }
  }
  if (code === 'SEAT_NOT_PRESENT') return { text: t('assemblies.vote.errors.notPresent'), duplicate: false }
  if (code === 'INVALID_BALLOT') return { text: t('assemblies.vote.errors.invalid'), duplicate: false }
  if (code === 'PROXY_OUT_OF_SCOPE' || code === 'PROXY_REVOKED' || code === 'UNKNOWN_SEAT') {
    return { text: t('assemblies.vote.errors.notEntitled'), duplicate: false }
  }
  if (isApiError(error)) {
    if (error.status === 403) return { text: t('assemblies.vote.errors.notEntitled'), duplicate: false }
    // A 409 without a rule code: the unique register refused a second ballot for the unit.
    if (error.status === 409 && /already|duplicate/i.test(error.message)) {
      return { text: t('assemblies.vote.errors.alreadyVoted'), duplicate: true }
    }
  }
  return { text: errorMessage(t, error), duplicate: false }
}
