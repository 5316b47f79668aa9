import { z } from 'zod'

export const Localized = z.object({ es: z.string(), en: z.string() })

/** The modules a server offers, for navigation and org settings. */
export const ModuleCatalog = z
  .object({ items: z.array(z.object({ key: z.string(), label: Localized, description: Localized })) })
  .meta({ id: 'ModuleCatalog' })
export type ModuleCatalog = z.infer<typeof ModuleCatalog>
