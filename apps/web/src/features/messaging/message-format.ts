import type { Conversation, Message } from '@minga/contracts'

// Chat dates are shown in Bogotá, whatever the browser's zone.
const ZONE = 'America/Bogota'
const locale = (language: string) => (language === 'en' ? 'en-US' : 'es-CO')

/** `2026-11-21`: the Bogotá calendar day of an instant, to group messages under day separators. */
export function bogotaDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso))
}

/** "9:05 a. m." in Bogotá. */
export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { timeZone: ZONE, timeStyle: 'short' }).format(
    new Date(iso),
  )
}

/** "21/11/2026, 9:05 a. m." in Bogotá (tooltips, search results). */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: ZONE,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso))
}

/** The day separator: 'today', 'yesterday', or a long date like "viernes, 20 de noviembre de 2026". */
export function dayLabel(day: string, language: string, now = new Date()): 'today' | 'yesterday' | string {
  const today = bogotaDay(now.toISOString())
  if (day === today) return 'today'
  const yesterday = bogotaDay(new Date(now.getTime() - 86_400_000).toISOString())
  if (day === yesterday) return 'yesterday'
  // Noon UTC of that civil day is the same day in Bogotá (UTC−5).
  return new Intl.DateTimeFormat(locale(language), { timeZone: ZONE, dateStyle: 'full' }).format(
    new Date(`${day}T12:00:00Z`),
  )
}

export type TimelineItem<T> = { type: 'day'; day: string } | { type: 'message'; message: T }

/** Oldest-first messages with a day marker before the first message of each Bogotá day. */
export function withDaySeparators<T extends { createdAt: string }>(messages: T[]): TimelineItem<T>[] {
  const items: TimelineItem<T>[] = []
  let current = ''
  for (const message of messages) {
    const day = bogotaDay(message.createdAt)
    if (day !== current) {
      items.push({ type: 'day', day })
      current = day
    }
    items.push({ type: 'message', message })
  }
  return items
}

/** The name shown for a conversation: its title, or the other person's name in a direct chat. */
export function conversationName(
  conversation: Conversation,
  myId: string | undefined,
  fallback: string,
): string {
  if (conversation.title) return conversation.title
  const others = conversation.participants.filter((p) => p.userId !== myId)
  return others.map((p) => p.name).join(', ') || fallback
}

/** Lowercase without accents, so "jose" finds "José". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Participants (other than the author) whose read pointer is at or past the message: "Visto por …". */
export function seenBy(
  conversation: Conversation,
  message: Pick<Message, 'id' | 'authorId'>,
  myId: string | undefined,
) {
  // Message ids are UUIDv7: they sort by creation time, so a pointer "at or past" compares as text.
  return conversation.participants.filter(
    (p) =>
      p.userId !== message.authorId &&
      p.userId !== myId &&
      p.lastReadMessageId !== null &&
      p.lastReadMessageId >= message.id,
  )
}

/** The list's timestamp: the time for today's messages, the day and month for older ones. */
export function formatListTime(iso: string, language: string, now = new Date()): string {
  if (bogotaDay(iso) === bogotaDay(now.toISOString())) return formatTime(iso, language)
  return new Intl.DateTimeFormat(locale(language), { timeZone: ZONE, day: 'numeric', month: 'short' }).format(
    new Date(iso),
  )
}
