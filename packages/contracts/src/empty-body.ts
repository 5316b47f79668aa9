import { z } from 'zod'

/** The body of an action route (open, close, rotate a secret…): none at all, or an empty JSON object. */
export const EmptyBody = z.strictObject({}).nullish()
