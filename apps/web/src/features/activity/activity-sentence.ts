import type { ActivityEntry } from '@minga/contracts'
import type { TFunction } from 'i18next'

/** Verbs with a sentence in `activity.verbs` (the server's event map; docs/modules/activity.md). */
const KNOWN_VERBS = new Set([
  'announcement.published',
  'assembly.convened',
  'assembly.started',
  'assembly.closed',
  'motion.opened',
  'motion.closed',
  'motion.published',
  'poll.closed',
  'task.changed',
])

/** Who did it, as shown: the member's name, the system, or a former member. */
export function actorName(t: TFunction, entry: Pick<ActivityEntry, 'actor'>): string {
  if (!entry.actor) return t('activity.system')
  return entry.actor.name ?? t('activity.formerMember')
}

/** "Ana publicó el anuncio «Corte de agua»"; an unknown verb (a newer server) gets a neutral sentence. */
export function activitySentence(
  t: TFunction,
  entry: Pick<ActivityEntry, 'verb' | 'title' | 'actor'>,
): string {
  const actor = actorName(t, entry)
  if (!KNOWN_VERBS.has(entry.verb)) return t('activity.verbs.other', { actor })
  const key = `activity.verbs.${entry.verb}${entry.title ? '' : '_untitled'}`
  return t(key as 'activity.verbs.other', { actor, title: entry.title ?? '' })
}
