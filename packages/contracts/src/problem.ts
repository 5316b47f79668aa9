import { z } from 'zod'

/** RFC 9457 problem details, as every Minga error response is shaped. */
export const FieldError = z.object({
  path: z.string().meta({ description: 'Dotted path of the offending field, e.g. `body.slug`' }),
  message: z.string(),
})

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string(),
    errors: z.array(FieldError).optional(),
    requestId: z.string(),
  })
  .meta({ id: 'Problem' })

export type Problem = z.infer<typeof Problem>
export type FieldError = z.infer<typeof FieldError>
