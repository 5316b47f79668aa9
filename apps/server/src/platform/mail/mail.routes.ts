import { MailSettings, Problem, UpdateMailSettings } from '@minga/contracts'
import type { AppInstance } from '../http/app-instance.ts'
import { orgRoute } from '../http/org-route.ts'
import { readMailSettings, updateMailSettings } from './mail-settings.ts'
import { registerMailTrackingRoutes } from './tracking.routes.ts'

/** The org's mail settings (branding, tracking) and the public tracking routes. */
export function registerMailRoutes(app: AppInstance) {
  const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }
  orgRoute(app, {
    method: 'GET',
    url: '/mail-settings',
    permission: 'org:read',
    schema: {
      summary: "The org's mail branding and open/click tracking setting",
      tags: ['mail'],
      response: { 200: MailSettings, ...errors },
    },
    handler: (ctx) => readMailSettings(ctx),
  })
  orgRoute(app, {
    method: 'PATCH',
    url: '/mail-settings',
    permission: 'org:update',
    schema: {
      summary: 'Change mail branding (logo, accent colour) or switch open/click tracking on or off',
      tags: ['mail'],
      body: UpdateMailSettings,
      response: { 200: MailSettings, ...errors },
    },
    handler: (ctx, { body }) => updateMailSettings(ctx, body),
  })
  registerMailTrackingRoutes(app)
}
