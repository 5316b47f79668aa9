import type { MailSettings, UpdateMailSettings } from '@minga/contracts'
import { eq } from 'drizzle-orm'
import { recordAudit } from '../audit/audit.ts'
import type { ServiceContext } from '../service-context.ts'
import { orgMailSettings } from './mail.tables.ts'

/** The org's mail settings; no row means Minga's defaults and tracking off. */
export async function readMailSettings(ctx: ServiceContext): Promise<MailSettings> {
  const [row] = await ctx.db.select().from(orgMailSettings).where(eq(orgMailSettings.orgId, ctx.orgId))
  return {
    trackingEnabled: row?.trackingEnabled ?? false,
    logoUrl: row?.logoUrl ?? null,
    accentColor: row?.accentColor ?? null,
  }
}

export async function updateMailSettings(
  ctx: ServiceContext,
  input: UpdateMailSettings,
): Promise<MailSettings> {
  const before = await readMailSettings(ctx)
  const after: MailSettings = {
    trackingEnabled: input.trackingEnabled ?? before.trackingEnabled,
    logoUrl: input.logoUrl === undefined ? before.logoUrl : input.logoUrl,
    accentColor: input.accentColor === undefined ? before.accentColor : input.accentColor,
  }
  await ctx.db
    .insert(orgMailSettings)
    .values({ orgId: ctx.orgId, ...after })
    .onConflictDoUpdate({ target: orgMailSettings.orgId, set: { ...after, updatedAt: ctx.now } })
  await recordAudit(ctx, {
    action: 'mail_settings.updated',
    entityType: 'org',
    entityId: ctx.orgId,
    before,
    after,
  })
  return after
}
