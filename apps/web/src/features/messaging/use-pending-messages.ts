import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import type { OutgoingMessage } from './composer.tsx'
import { conversationsKey, fetchMessage, sendMessage, storeMessage } from './messaging-api.ts'

export interface PendingMessage extends OutgoingMessage {
  /** Also the Idempotency-Key: a retry after a lost response creates the message once. */
  clientId: string
  parentId: string | undefined
  createdAt: string
  status: 'sending' | 'failed'
  error?: string
}

/**
 * Optimistic sending: the message shows at once as "Enviando…"; on success the server's message
 * replaces it in the cache, on failure it stays with the reason (the server's 422 text) and
 * "Reintentar" / "Descartar".
 */
export function usePendingMessages(slug: string, conversationId: string) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [pending, setPending] = useState<PendingMessage[]>([])

  const deliver = useCallback(
    async (message: PendingMessage) => {
      setPending((list) =>
        list.map((p) =>
          p.clientId === message.clientId ? { ...p, status: 'sending', error: undefined } : p,
        ),
      )
      try {
        const saved = await sendMessage(
          slug,
          conversationId,
          {
            body: message.body,
            mentions: message.mentions,
            attachments: message.attachments,
            ...(message.parentId ? { parentId: message.parentId } : {}),
          },
          message.clientId,
        )
        storeMessage(queryClient, slug, saved)
        // A reply changes its root's reply count in the timeline.
        if (saved.parentId)
          void fetchMessage(slug, conversationId, saved.parentId)
            .then((root) => storeMessage(queryClient, slug, root))
            .catch(() => {})
        setPending((list) => list.filter((p) => p.clientId !== message.clientId))
        void queryClient.invalidateQueries({ queryKey: conversationsKey(slug) })
      } catch (failure) {
        // A field problem (e.g. body.body too long, body.mentions) says exactly what is wrong.
        const fields = isApiError(failure) ? Object.values(failure.fieldErrors) : []
        const error = fields[0] ?? errorMessage(t, failure)
        setPending((list) =>
          list.map((p) => (p.clientId === message.clientId ? { ...p, status: 'failed', error } : p)),
        )
      }
    },
    [slug, conversationId, queryClient, t],
  )

  const send = useCallback(
    (message: OutgoingMessage, parentId?: string) => {
      const entry: PendingMessage = {
        ...message,
        clientId: newClientId(),
        parentId,
        createdAt: new Date().toISOString(),
        status: 'sending',
      }
      setPending((list) => [...list, entry])
      void deliver(entry)
    },
    [deliver],
  )

  const discard = useCallback((clientId: string) => {
    setPending((list) => list.filter((p) => p.clientId !== clientId))
  }, [])

  return { pending, send, retry: deliver, discard }
}

/** A random id for the Idempotency-Key (`randomUUID` only exists on secure origins). */
function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
