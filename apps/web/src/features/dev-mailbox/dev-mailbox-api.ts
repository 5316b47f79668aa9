import { queryOptions } from '@tanstack/react-query'
import { apiFetch, isApiError } from '../../app/api-client.ts'

export interface DevMail {
  id: string
  from: string
  to: string
  subject: string
  text: string
  html?: string
  sentAt: string
}

/**
 * The dev mailbox, or null when the server does not offer it: the route exists only outside
 * production and without SMTP, so a 404 is the server saying "off".
 */
export const devMailboxQuery = queryOptions({
  queryKey: ['dev', 'mailbox'],
  queryFn: async ({ signal }): Promise<DevMail[] | null> => {
    try {
      const page = await apiFetch<{ items: DevMail[] }>('/api/dev/mailbox', { signal })
      return page.items
    } catch (error) {
      if (isApiError(error) && error.status === 404) return null
      throw error
    }
  },
})
