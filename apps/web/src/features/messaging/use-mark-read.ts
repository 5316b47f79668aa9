import type { Conversation, Message } from '@minga/contracts'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { conversationsKey, markRead, storeReadPointer } from './messaging-api.ts'

/**
 * Moves my read pointer to the newest message of the open conversation while the tab is visible (and again when it
 * becomes visible). Ids are UUIDv7, so "newer than my pointer" compares as text.
 */
export function useMarkRead(
  slug: string,
  conversationId: string,
  conversation: Conversation | undefined,
  myId: string | undefined,
  newest: Pick<Message, 'id'> | undefined,
) {
  const queryClient = useQueryClient()
  const sent = useRef<string | null>(null)
  const pointer = conversation?.participants.find((p) => p.userId === myId)?.lastReadMessageId ?? null
  // Replies live in the thread panel, but they count as unread too: the conversation's last message
  // (kept current by realtime events) may be a reply newer than the timeline's newest message.
  const candidates = [newest?.id, conversation?.lastMessage?.id].filter((id): id is string => Boolean(id))
  const latest = candidates.sort().at(-1)
  const target = latest && (!pointer || pointer < latest) ? latest : null

  useEffect(() => {
    if (!target || !myId) return
    const mark = () => {
      if (document.visibilityState === 'hidden' || sent.current === target) return
      sent.current = target
      markRead(slug, conversationId, target)
        .then(() => {
          storeReadPointer(queryClient, slug, conversationId, myId, target)
          void queryClient.invalidateQueries({ queryKey: conversationsKey(slug), exact: true })
        })
        .catch(() => {
          // Not fatal: the next message or visit tries again.
          sent.current = null
        })
    }
    mark()
    document.addEventListener('visibilitychange', mark)
    return () => document.removeEventListener('visibilitychange', mark)
  }, [slug, conversationId, myId, target, queryClient])
}
