import { z } from 'zod'

/** An org's mail settings: branding of its mail and open/click tracking (off by default). */
export const MailSettings = z
  .object({
    trackingEnabled: z.boolean(),
    logoUrl: z.string().nullable(),
    accentColor: z.string().nullable(),
  })
  .meta({ id: 'MailSettings' })
export type MailSettings = z.infer<typeof MailSettings>

export const UpdateMailSettings = z.strictObject({
  trackingEnabled: z.boolean().optional(),
  /** Shown at the top of the org's mail; https only (mail clients block mixed content). */
  logoUrl: z
    .string()
    .trim()
    .max(2000)
    .url()
    .refine((v) => v.startsWith('https://'), 'Must be an https:// URL')
    .nullable()
    .optional(),
  accentColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'Must be a colour like #087f5b')
    .nullable()
    .optional(),
})
export type UpdateMailSettings = z.infer<typeof UpdateMailSettings>
