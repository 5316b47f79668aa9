import { z } from 'zod'
import type { ModuleManifest } from '../../platform/module-manifest.ts'
import type { NotificationTypeDef } from '../../platform/notification-type.ts'
import {
  DELIVER_JOB,
  deliverNow,
  ENDPOINT_DISABLED,
  runDueDeliveries,
  SWEEP_JOB,
} from './webhooks.delivery.ts'
import { registerWebhookRoutes } from './webhooks.routes.ts'
import { recordDeliveries } from './webhooks.service.ts'

export { deliverNow, runDueDeliveries } from './webhooks.delivery.ts'

const EndpointDisabledPayload = z.object({
  endpointId: z.uuid(),
  url: z.string(),
  failedDeliveries: z.number().int(),
  orgSlug: z.string(),
})
type EndpointDisabledPayload = z.infer<typeof EndpointDisabledPayload>

const DeliverJobData = z.object({ orgId: z.uuid(), deliveryId: z.uuid() })

const endpointDisabled: NotificationTypeDef<EndpointDisabledPayload> = {
  key: ENDPOINT_DISABLED,
  label: { es: 'Webhook desactivado', en: 'Webhook disabled' },
  description: {
    es: 'Un endpoint de webhook se desactivó tras fallar repetidamente.',
    en: 'A webhook endpoint was disabled after failing repeatedly.',
  },
  payload: EndpointDisabledPayload,
  defaultChannels: ['in_app', 'email'],
  critical: false,
  render(payload, locale) {
    const url = `/o/${payload.orgSlug}/webhooks`
    return locale === 'es'
      ? {
          title: 'Webhook desactivado',
          body: `Desactivamos ${payload.url} después de ${payload.failedDeliveries} entregas fallidas seguidas. Revísalo y vuelve a activarlo.`,
          url,
        }
      : {
          title: 'Webhook disabled',
          body: `We disabled ${payload.url} after ${payload.failedDeliveries} failed deliveries in a row. Check it and enable it again.`,
          url,
        }
  },
}

/**
 * Webhooks: org admins register HTTPS endpoints that receive the org's domain events, signed with
 * the Standard Webhooks scheme, retried for about a day, logged, replayable, and switched off
 * (with a notification to the admins) when they keep failing. See docs/modules/webhooks.md.
 */
export const webhooksModule: ModuleManifest = {
  key: 'webhooks',
  label: { es: 'Webhooks', en: 'Webhooks' },
  description: {
    es: 'Envía los eventos de la organización a otros sistemas por HTTPS, firmados.',
    en: "Sends the organization's events to other systems over HTTPS, signed.",
  },
  defaultFor: ['savings_credit', 'housing', 'food_service', 'incubator', 'community'],
  permissions: [
    {
      key: 'webhooks:manage',
      label: { es: 'Administrar webhooks', en: 'Manage webhooks' },
      roles: ['owner', 'admin'],
    },
  ],
  routes: registerWebhookRoutes,
  eventHandlers: [
    {
      // Records one pending delivery per matching endpoint and sends each at once after the commit;
      // the sweeper picks up any whose job was lost, and the retries.
      name: 'webhooks.record-deliveries',
      on: ['*'],
      async handle(ctx, event, { afterCommit, jobs }) {
        const deliveryIds = await recordDeliveries(ctx, event)
        afterCommit(async () => {
          for (const deliveryId of deliveryIds) await jobs.send(DELIVER_JOB, { orgId: ctx.orgId, deliveryId })
        })
      },
    },
  ],
  jobs: ({ db }) => [
    {
      name: SWEEP_JOB,
      // Every minute: new deliveries, retries whose backoff has passed. Retries are the deliveries'
      // own schedule (next_attempt_at), not pg-boss's, so the job itself is not retried.
      cron: { expression: '* * * * *' },
      retryLimit: 0,
      handler: async () => {
        await runDueDeliveries(db)
      },
    },
    {
      name: DELIVER_JOB,
      // A replay, sent after its commit; if this job is lost the sweeper attempts the delivery anyway.
      retryLimit: 0,
      concurrency: 2,
      handler: async (data) => {
        const job = DeliverJobData.parse(data)
        await deliverNow(db, job.orgId, job.deliveryId)
      },
    },
  ],
  notificationTypes: [endpointDisabled],
}
