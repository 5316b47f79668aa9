import { useEffect, useRef } from 'react'
import { io, type Socket } from 'socket.io-client'

/**
 * One Socket.IO connection for the whole tab, opened on first use. The server authenticates it with
 * the session cookie and lets it join an org's room only as a member (`org:join`).
 */
let socket: Socket | undefined
const joinedOrgs = new Map<string, number>()

function sharedSocket(): Socket {
  if (!socket) {
    socket = io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'] })
    // A reconnect starts a new server-side socket: join the rooms again.
    socket.on('connect', () => {
      for (const slug of joinedOrgs.keys()) socket?.emit('org:join', slug)
    })
  }
  return socket
}

function joinOrg(slug: string) {
  const count = joinedOrgs.get(slug) ?? 0
  joinedOrgs.set(slug, count + 1)
  const connection = sharedSocket()
  if (count === 0 && connection.connected) connection.emit('org:join', slug)
}

function leaveOrg(slug: string) {
  const count = (joinedOrgs.get(slug) ?? 1) - 1
  if (count > 0) {
    joinedOrgs.set(slug, count)
    return
  }
  joinedOrgs.delete(slug)
  socket?.emit('org:leave', slug)
}

/**
 * Calls `onEvent` for each `event` the server pushes to the org `slug` while the component is mounted.
 * Typical use: invalidate a TanStack Query key so the screen refetches.
 */
export function useOrgEvent<T = unknown>(slug: string, event: string, onEvent: (payload: T) => void) {
  const handler = useRef(onEvent)
  handler.current = onEvent
  useEffect(() => {
    const connection = sharedSocket()
    const listener = (payload: T) => handler.current(payload)
    joinOrg(slug)
    connection.on(event, listener)
    return () => {
      connection.off(event, listener)
      leaveOrg(slug)
    }
  }, [slug, event])
}

/**
 * Calls `onEvent` for each `event` the server pushes to the signed-in user's own room (`user:<id>`,
 * joined by every connection on connect): chat messages, read receipts, typing, inbox items.
 * Payloads carry their own ids (conversation, notification), so no org room is needed.
 */
export function useUserEvent<T = unknown>(event: string, onEvent: (payload: T) => void) {
  const handler = useRef(onEvent)
  handler.current = onEvent
  useEffect(() => {
    const connection = sharedSocket()
    const listener = (payload: T) => handler.current(payload)
    connection.on(event, listener)
    return () => {
      connection.off(event, listener)
    }
  }, [event])
}

/**
 * Sends a client event (e.g. `conversation:typing`) that a server module answers with
 * `realtime.onClientEvent`. Fire and forget: Socket.IO buffers it while reconnecting.
 */
export function emitClientEvent(event: string, payload: unknown) {
  sharedSocket().emit(event, payload)
}
