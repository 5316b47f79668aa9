import { QueryCache, QueryClient } from '@tanstack/react-query'
import { isApiError } from './api-client.ts'

export interface QueryClientHooks {
  /** Called when any query answers 401 (the session ended elsewhere). */
  onUnauthorized?: () => void
}

export function createQueryClient(hooks: QueryClientHooks = {}): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError(error, query) {
        if (isApiError(error) && error.status === 401 && query.queryKey[0] !== 'me') hooks.onUnauthorized?.()
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // 4xx answers will not change by asking again.
        retry: (count, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  })
}
