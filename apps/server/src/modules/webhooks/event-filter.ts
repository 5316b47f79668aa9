/** Does an endpoint's filter list accept `type`? `*` accepts all, `a.*` every type starting with `a.`. */
export function filterMatches(filters: readonly string[], type: string): boolean {
  return filters.some((filter) => {
    if (filter === '*') return true
    if (filter.endsWith('.*')) return type.startsWith(filter.slice(0, -1))
    return filter === type
  })
}

/**
 * Event types that never leave Minga, whatever the filter: platform, mail and notification plumbing carries
 * recipients' addresses and sign-in links, not business facts.
 */
const INTERNAL_PREFIXES = ['platform.', 'mail.', 'notification.', 'notifications.', 'webhooks.']

export function isDeliverable(type: string): boolean {
  return !INTERNAL_PREFIXES.some((prefix) => type.startsWith(prefix))
}
