import { useQuery } from '@tanstack/react-query'
import { assemblyAbilities, myPermissionsQuery } from './assemblies-api.ts'

/** `manage` (console, check-in, proxies) and `vote`, from GET /me/permissions; false while loading. */
export function useAssemblyAbilities(slug: string) {
  const { data, isPending } = useQuery(myPermissionsQuery(slug))
  return { ...assemblyAbilities(data), isPending }
}
