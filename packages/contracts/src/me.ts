import { z } from 'zod'

export const Me = z
  .object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      emailVerified: z.boolean(),
      twoFactorEnabled: z.boolean(),
    }),
  })
  .meta({ id: 'Me' })
export type Me = z.infer<typeof Me>
