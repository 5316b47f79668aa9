import { and, eq, inArray, sql } from 'drizzle-orm'
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/connection.ts'
import { withOrg } from '../db/with-org.ts'
import type { JobRunner } from '../jobs/jobs.ts'
import type { Mailer } from '../mail/mailer.ts'
import { type ServiceContext, systemContext } from '../service-context.ts'
import { outboxEvents, processedEvents } from './events.tables.ts'

export type DomainEvent = {
  id: string
  orgId: string
  type: string
  entityId: string | null
  actorId: string | null
  payload: Record<string, unknown>
  occurredAt: Date
}

/** What a handler may reach besides its org-scoped transaction. */
export type EventHandlerServices = {
  /**
   * Runs `fn` once the handler's transaction has committed (e.g. a realtime push about rows it wrote).
   * At most once: a crash right after the commit skips it, so use it only for what a refetch repairs.
   */
  afterCommit(fn: () => Promise<void> | void): void
  /** Send jobs only from `afterCommit` (never inside the handler's transaction: PGlite would deadlock). */
  jobs: Pick<JobRunner, 'send'>
  realtime: {
    emitToOrg(orgId: string, event: string, payload: unknown): void
    emitToUser(userId: string, event: string, payload: unknown): void
  }
  mailer: Mailer
}

/** A reaction to domain events. `name` must be stable: it keys the idempotency record. */
export type EventHandlerDef = {
  name: string
  /** Event types, or `*` for all. */
  on: readonly string[]
  handle: (ctx: ServiceContext, event: DomainEvent, services: EventHandlerServices) => Promise<void>
  /**
   * Someone is watching a screen for this (a bell, a live board): its deliveries go through a queue of
   * their own, so they never wait behind bulk work such as a thousand queued emails.
   */
  urgent?: boolean
}

/** Records a domain event in the outbox, inside the caller's transaction (commits with the change). */
export async function recordEvent(
  ctx: ServiceContext,
  event: { type: string; entityId?: string; payload: Record<string, unknown> },
) {
  await ctx.db.insert(outboxEvents).values({
    orgId: ctx.orgId,
    type: event.type,
    entityId: event.entityId ?? null,
    actorId: ctx.actor.userId,
    payload: event.payload,
    occurredAt: ctx.now,
  })
}

export const DELIVER_EVENT_JOB = 'platform.deliver-event'
export const DELIVER_URGENT_EVENT_JOB = 'platform.deliver-urgent-event'

/**
 * Moves committed outbox events into one pg-boss job per (event, handler), then runs each handler
 * in its org's scope. A handler's database work and its "processed" mark commit together, so a
 * retried delivery never applies twice.
 */
export class EventBus {
  private readonly handlers = new Map<string, EventHandlerDef>()
  private timer: NodeJS.Timeout | undefined
  private running = false
  private again = false

  private readonly db: Db
  private readonly jobs: JobRunner
  private readonly log: FastifyBaseLogger
  private readonly services: Omit<EventHandlerServices, 'afterCommit' | 'jobs'>

  constructor(
    db: Db,
    jobs: JobRunner,
    log: FastifyBaseLogger,
    services: Omit<EventHandlerServices, 'afterCommit' | 'jobs'>,
  ) {
    this.db = db
    this.jobs = jobs
    this.log = log
    this.services = services
    jobs.define<{ eventId: string; handler: string }>({
      name: DELIVER_EVENT_JOB,
      concurrency: 2,
      handler: (data) => this.deliver(data.eventId, data.handler),
    })
    jobs.define<{ eventId: string; handler: string }>({
      name: DELIVER_URGENT_EVENT_JOB,
      concurrency: 2,
      handler: (data) => this.deliver(data.eventId, data.handler),
    })
  }

  subscribe(handler: EventHandlerDef) {
    if (this.handlers.has(handler.name)) throw new Error(`Event handler ${handler.name} is registered twice`)
    this.handlers.set(handler.name, handler)
  }

  /** Polls the outbox; `wake()` makes a fresh commit go out at once instead of at the next tick. */
  start(intervalMs = 500) {
    this.timer = setInterval(() => this.wake(), intervalMs)
    this.timer.unref()
  }

  stop() {
    clearInterval(this.timer)
    this.timer = undefined
  }

  wake() {
    if (!this.timer) return // this process does not dispatch (`serve --no-worker`)
    if (this.running) {
      this.again = true
      return
    }
    this.running = true
    this.dispatchPending()
      .catch((err) => this.log.error({ err }, 'event dispatch failed'))
      .finally(() => {
        this.running = false
        if (this.again) {
          this.again = false
          this.wake()
        }
      })
  }

  /**
   * Dispatches one batch of committed events; returns how many it took. Three short steps, none
   * holding a transaction while pg-boss works (on PGlite that would deadlock): lease a batch, enqueue
   * one job per (event, handler), mark the batch dispatched. A crash in between only delays events:
   * the lease expires and another pass sends them again; handlers dedupe through processed_events.
   */
  async dispatchPending(batchSize = 100): Promise<number> {
    const leased = await this.db.execute<{ id: string; type: string }>(sql`
      update outbox_events set claimed_at = now()
      where id in (
        select id from outbox_events
        where dispatched_at is null and (claimed_at is null or claimed_at < now() - interval '1 minute')
        order by occurred_at, id
        limit ${batchSize}
        for update skip locked)
      returning id, type`)
    const events = leased.rows
    if (events.length === 0) return 0
    // One insert for the whole batch: a burst of a thousand events must not take a thousand round trips
    // to reach the queue (urgent deliveries behind it would wait for all of them).
    const deliveries = events.flatMap((event) =>
      [...this.handlers.values()]
        .filter((handler) => handler.on.includes(event.type) || handler.on.includes('*'))
        .map((handler) => ({
          urgent: handler.urgent ?? false,
          job: {
            data: { eventId: event.id, handler: handler.name },
            singletonKey: `${event.id}:${handler.name}`,
          },
        })),
    )
    await this.jobs.sendMany(
      DELIVER_URGENT_EVENT_JOB,
      deliveries.filter((d) => d.urgent).map((d) => d.job),
    )
    await this.jobs.sendMany(
      DELIVER_EVENT_JOB,
      deliveries.filter((d) => !d.urgent).map((d) => d.job),
    )
    await this.db
      .update(outboxEvents)
      .set({ dispatchedAt: sql`now()` })
      .where(
        inArray(
          outboxEvents.id,
          events.map((e) => e.id),
        ),
      )
    return events.length
  }

  private async deliver(eventId: string, handlerName: string) {
    const handler = this.handlers.get(handlerName)
    if (!handler) return
    const [event] = await this.db.select().from(outboxEvents).where(eq(outboxEvents.id, eventId))
    if (!event) return
    const afterCommit: (() => Promise<void> | void)[] = []
    await withOrg(this.db, event.orgId, async (tx) => {
      const fresh = await tx
        .insert(processedEvents)
        .values({ handler: handlerName, eventId })
        .onConflictDoNothing()
        .returning({ eventId: processedEvents.eventId })
      if (fresh.length === 0) return
      await handler.handle(
        systemContext(tx, event.orgId, `event:${event.id}`, { userId: event.actorId }),
        event,
        { ...this.services, jobs: this.jobs, afterCommit: (fn) => afterCommit.push(fn) },
      )
    })
    for (const fn of afterCommit) {
      await Promise.resolve()
        .then(fn)
        .catch((err: unknown) => this.log.error({ err, handler: handlerName }, 'after-commit task failed'))
    }
    // The handler may have recorded events of its own: send them now, not at the next poll.
    this.wake()
  }

  /** Test and operations aid: has handler `name` applied event `eventId`? */
  async processed(handlerName: string, eventId: string): Promise<boolean> {
    const rows = await this.db
      .select()
      .from(processedEvents)
      .where(and(eq(processedEvents.handler, handlerName), eq(processedEvents.eventId, eventId)))
    return rows.length > 0
  }
}
