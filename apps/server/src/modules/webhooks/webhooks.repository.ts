import { and, asc, desc, eq, lt, sql } from 'drizzle-orm'
import type { ServiceContext } from '../../platform/service-context.ts'
import { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEventTypes } from './webhooks.tables.ts'

export type EndpointRow = typeof webhookEndpoints.$inferSelect
export type DeliveryRow = typeof webhookDeliveries.$inferSelect
export type AttemptRow = typeof webhookAttempts.$inferSelect

export async function listEndpoints(
  ctx: ServiceContext,
  page: { limit: number; after?: string | undefined },
) {
  return ctx.db
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.orgId, ctx.orgId),
        page.after ? lt(webhookEndpoints.id, page.after) : undefined,
      ),
    )
    .orderBy(desc(webhookEndpoints.id))
    .limit(page.limit + 1)
}

export async function enabledEndpoints(ctx: ServiceContext) {
  return ctx.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, ctx.orgId), eq(webhookEndpoints.enabled, true)))
}

export async function findEndpoint(ctx: ServiceContext, id: string, options: { lock?: boolean } = {}) {
  const query = ctx.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, ctx.orgId), eq(webhookEndpoints.id, id)))
  const [row] = options.lock ? await query.for('update') : await query
  return row ?? null
}

export async function insertEndpoint(
  ctx: ServiceContext,
  values: Pick<EndpointRow, 'url' | 'description' | 'eventTypes' | 'secret' | 'enabled'>,
) {
  const [row] = await ctx.db
    .insert(webhookEndpoints)
    .values({
      ...values,
      orgId: ctx.orgId,
      createdBy: ctx.actor.userId,
      disabledReason: values.enabled ? null : 'manual',
      disabledAt: values.enabled ? null : ctx.now,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function updateEndpoint(
  ctx: ServiceContext,
  id: string,
  patch: Partial<
    Pick<
      EndpointRow,
      | 'url'
      | 'description'
      | 'eventTypes'
      | 'secret'
      | 'enabled'
      | 'disabledReason'
      | 'disabledAt'
      | 'consecutiveFailures'
    >
  >,
) {
  const [row] = await ctx.db
    .update(webhookEndpoints)
    .set({ ...patch, updatedAt: ctx.now })
    .where(and(eq(webhookEndpoints.orgId, ctx.orgId), eq(webhookEndpoints.id, id)))
    .returning()
  return row ?? null
}

export async function deleteEndpoint(ctx: ServiceContext, id: string) {
  const rows = await ctx.db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, ctx.orgId), eq(webhookEndpoints.id, id)))
    .returning({ id: webhookEndpoints.id })
  return rows.length > 0
}

/** Inserts deliveries; an (endpoint, event) pair that already has one is skipped (exactly once). */
export async function insertDeliveries(
  ctx: ServiceContext,
  rows: Pick<
    DeliveryRow,
    'endpointId' | 'eventId' | 'eventType' | 'payload' | 'attemptLimit' | 'nextAttemptAt'
  >[],
) {
  if (rows.length === 0) return []
  return ctx.db
    .insert(webhookDeliveries)
    .values(rows.map((r) => ({ ...r, orgId: ctx.orgId, createdAt: ctx.now, updatedAt: ctx.now })))
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id })
}

export async function listDeliveries(
  ctx: ServiceContext,
  filter: {
    endpointId: string
    limit: number
    after?: string | undefined
    status?: DeliveryRow['status'] | undefined
  },
) {
  return ctx.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.orgId, ctx.orgId),
        eq(webhookDeliveries.endpointId, filter.endpointId),
        filter.after ? lt(webhookDeliveries.id, filter.after) : undefined,
        filter.status ? eq(webhookDeliveries.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(filter.limit + 1)
}

export async function findDelivery(ctx: ServiceContext, id: string, options: { lock?: boolean } = {}) {
  const query = ctx.db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.orgId, ctx.orgId), eq(webhookDeliveries.id, id)))
  const [row] = options.lock ? await query.for('update') : await query
  return row ?? null
}

export async function updateDelivery(ctx: ServiceContext, id: string, patch: Partial<DeliveryRow>) {
  const [row] = await ctx.db
    .update(webhookDeliveries)
    .set({ ...patch, updatedAt: ctx.now })
    .where(and(eq(webhookDeliveries.orgId, ctx.orgId), eq(webhookDeliveries.id, id)))
    .returning()
  return row ?? null
}

/**
 * Leases the deliveries due at `now` whose endpoint is enabled (`onlyId` narrows to one): a
 * leased delivery is invisible to other workers until `lockedUntil`, so it is never sent twice at once.
 */
export async function claimDue(
  ctx: ServiceContext,
  options: { limit: number; leaseSeconds: number; onlyId?: string },
): Promise<DeliveryRow[]> {
  const now = ctx.now.toISOString()
  const result = await ctx.db.execute<{ id: string }>(sql`
    update webhook_deliveries d
    set locked_until = ${now}::timestamptz + make_interval(secs => ${options.leaseSeconds})
    where d.org_id = ${ctx.orgId} and d.id in (
      select d2.id from webhook_deliveries d2
      join webhook_endpoints e on e.org_id = d2.org_id and e.id = d2.endpoint_id
      where d2.org_id = ${ctx.orgId}
        and d2.status = 'pending'
        and e.enabled
        and d2.next_attempt_at <= ${now}::timestamptz
        and (d2.locked_until is null or d2.locked_until < ${now}::timestamptz)
        ${options.onlyId ? sql`and d2.id = ${options.onlyId}` : sql``}
      order by d2.next_attempt_at
      limit ${options.limit}
      for update of d2 skip locked)
    returning d.id`)
  const ids = result.rows.map((r) => r.id)
  if (ids.length === 0) return []
  const rows: DeliveryRow[] = []
  for (const id of ids) {
    const row = await findDelivery(ctx, id)
    if (row) rows.push(row)
  }
  return rows
}

export async function insertAttempt(
  ctx: ServiceContext,
  values: Omit<typeof webhookAttempts.$inferInsert, 'orgId' | 'id'>,
) {
  const [row] = await ctx.db
    .insert(webhookAttempts)
    .values({ ...values, orgId: ctx.orgId })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function listAttempts(ctx: ServiceContext, deliveryId: string) {
  return ctx.db
    .select()
    .from(webhookAttempts)
    .where(and(eq(webhookAttempts.orgId, ctx.orgId), eq(webhookAttempts.deliveryId, deliveryId)))
    .orderBy(asc(webhookAttempts.number))
}

export async function touchEventType(ctx: ServiceContext, type: string) {
  await ctx.db
    .insert(webhookEventTypes)
    .values({ orgId: ctx.orgId, type, lastSeenAt: ctx.now })
    .onConflictDoUpdate({
      target: [webhookEventTypes.orgId, webhookEventTypes.type],
      set: { lastSeenAt: ctx.now },
    })
}

export async function listEventTypes(ctx: ServiceContext) {
  return ctx.db
    .select()
    .from(webhookEventTypes)
    .where(eq(webhookEventTypes.orgId, ctx.orgId))
    .orderBy(asc(webhookEventTypes.type))
    .limit(500)
}
