import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { type RouterHistory, RouterProvider } from '@tanstack/react-router'
import { I18nextProvider } from 'react-i18next'
import { i18n } from './i18n/i18n.ts'
import { createQueryClient } from './query-client.ts'
import { type AppRouter, createAppRouter } from './router.tsx'
import { colorSchemeManager, theme } from './theme.ts'

/** Query client and router wired together: a 401 anywhere sends the person to sign in. */
export function createApp(options: { history?: RouterHistory } = {}): {
  queryClient: QueryClient
  router: AppRouter
} {
  let router: AppRouter | undefined
  const queryClient = createQueryClient({
    onUnauthorized() {
      if (!router) return
      const location = router.state.location
      if (location.pathname === '/sign-in' || location.pathname === '/sign-up') return
      queryClient.removeQueries({ queryKey: ['me'] })
      void router.navigate({ to: '/sign-in', search: { redirect: location.href } })
    },
  })
  router = createAppRouter({ queryClient, ...options })
  return { queryClient, router }
}

export function App({
  queryClient,
  router,
  env = 'default',
}: {
  queryClient: QueryClient
  router: AppRouter
  /** `test` turns off Mantine transitions and portals (jsdom). */
  env?: 'default' | 'test'
}) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider
        theme={theme}
        defaultColorScheme="auto"
        colorSchemeManager={colorSchemeManager}
        env={env}
      >
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  )
}
