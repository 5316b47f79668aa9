import type {
  ConversationChangedEvent,
  ConversationReadEvent,
  ConversationTypingEvent,
  MessageEvent,
} from '@minga/contracts'
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { emitClientEvent, useUserEvent } from '../../app/realtime.ts'
import { orgQuery } from '../orgs/orgs-api.ts'
import {
  conversationKey,
  conversationsKey,
  fetchMessage,
  messagesKey,
  storeLastMessage,
  storeMessage,
  storeReadPointer,
} from './messaging-api.ts'

/** How long "Ana está escribiendo…" stays after the last typing event (the server relays every 2 s). */
export const TYPING_VISIBLE_MS = 4000
const TYPING_THROTTLE_MS = 2000

export type TypingPeople = Record<string, { userId: string; name: string; until: number }[]>

/**
 * Applies the chat events pushed to the user's own room. Events come at least once and only carry
 * ids, so a message event refetches that one message and upserts it by id; the list refetches for
 * previews and unread counts. Events of conversations never opened only refresh the list.
 */
export function useMessagingLive(slug: string, myId: string | undefined) {
  const queryClient = useQueryClient()
  const [typing, setTyping] = useState<TypingPeople>({})
  // The user's room carries every org's chat events: keep only this org's (unknown id: keep all).
  const orgId = queryClient.getQueryData(orgQuery(slug).queryKey)?.id
  const mine = (event: { orgId?: string }) => !orgId || !event.orgId || event.orgId === orgId

  // useUserEvent always calls the latest handler, so plain functions are fine here.
  const onMessage = async (event: MessageEvent) => {
    if (!mine(event)) return
    const { conversationId, messageId } = event
    void queryClient.invalidateQueries({ queryKey: conversationsKey(slug), exact: true })
    if (!queryClient.getQueryData(messagesKey(slug, conversationId))) return
    try {
      const message = await fetchMessage(slug, conversationId, messageId)
      storeMessage(queryClient, slug, message)
      if (message.authorId !== myId) storeLastMessage(queryClient, slug, message)
      if (message.parentId) {
        // A reply changes its root's reply count.
        storeMessage(queryClient, slug, await fetchMessage(slug, conversationId, message.parentId))
      }
      // The author stopped typing once the message is in.
      setTyping((current) => withoutPerson(current, conversationId, message.authorId))
    } catch {
      void queryClient.invalidateQueries({ queryKey: messagesKey(slug, conversationId) })
    }
  }
  useUserEvent<MessageEvent>('message.created', onMessage)
  useUserEvent<MessageEvent>('message.updated', onMessage)
  useUserEvent<MessageEvent>('message.deleted', onMessage)

  useUserEvent<ConversationReadEvent>('conversation.read', (event) => {
    if (!mine(event)) return
    const { conversationId, userId, lastReadMessageId } = event
    storeReadPointer(queryClient, slug, conversationId, userId, lastReadMessageId)
    if (userId === myId) void queryClient.invalidateQueries({ queryKey: conversationsKey(slug), exact: true })
  })

  useUserEvent<ConversationChangedEvent>('conversation.updated', (event) => {
    if (!mine(event)) return
    const { conversationId } = event
    void queryClient.invalidateQueries({ queryKey: conversationsKey(slug), exact: true })
    void queryClient.invalidateQueries({ queryKey: conversationKey(slug, conversationId), exact: true })
  })

  useUserEvent<ConversationTypingEvent>('conversation.typing', (event) => {
    const { conversationId, userId, name } = event
    if (userId === myId || !mine(event)) return
    const until = Date.now() + TYPING_VISIBLE_MS
    setTyping((current) => ({
      ...current,
      [conversationId]: [
        ...(current[conversationId] ?? []).filter((p) => p.userId !== userId),
        { userId, name, until },
      ],
    }))
  })

  // Drop typing people whose time is up.
  const hasTyping = Object.values(typing).some((people) => people.length > 0)
  useEffect(() => {
    if (!hasTyping) return
    const timer = setInterval(() => {
      const now = Date.now()
      setTyping((current) => {
        const next: TypingPeople = {}
        for (const [id, people] of Object.entries(current)) {
          const left = people.filter((p) => p.until > now)
          if (left.length > 0) next[id] = left
        }
        return next
      })
    }, 1000)
    return () => clearInterval(timer)
  }, [hasTyping])

  return typing
}

function withoutPerson(typing: TypingPeople, conversationId: string, userId: string): TypingPeople {
  const people = typing[conversationId]
  if (!people?.some((p) => p.userId === userId)) return typing
  return { ...typing, [conversationId]: people.filter((p) => p.userId !== userId) }
}

/** Tells the other participants "I am typing", at most once every 2 s. */
export function useTypingEmitter(slug: string, conversationId: string) {
  const last = useRef(0)
  return useCallback(() => {
    const now = Date.now()
    if (now - last.current < TYPING_THROTTLE_MS) return
    last.current = now
    emitClientEvent('conversation:typing', { orgSlug: slug, conversationId })
  }, [slug, conversationId])
}
