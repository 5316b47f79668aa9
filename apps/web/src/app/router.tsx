import type { QueryClient } from '@tanstack/react-query'
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  type ErrorComponentProps,
  lazyRouteComponent,
  notFound,
  Outlet,
  type RouterHistory,
  redirect,
} from '@tanstack/react-router'
import { AuditPage } from '../features/audit/audit-page.tsx'
import { SignInPage } from '../features/auth/sign-in-page.tsx'
import { SignUpPage } from '../features/auth/sign-up-page.tsx'
import { ModulePage } from '../features/orgs/module-page.tsx'
import { MyOrgsPage } from '../features/orgs/my-orgs-page.tsx'
import { OrgHomePage } from '../features/orgs/org-home-page.tsx'
import { orgQuery } from '../features/orgs/orgs-api.ts'
import { ErrorPage } from '../ui/error-page.tsx'
import { NotFoundPage } from '../ui/not-found-page.tsx'
import { PageLoader } from '../ui/page-loader.tsx'
import { isApiError } from './api-client.ts'
import { loadSession, safeRedirect } from './auth/session.ts'
import { AccountShell } from './layout/account-shell.tsx'
import { OrgShell } from './layout/org-shell.tsx'

export interface RouterContext {
  queryClient: QueryClient
}

interface RedirectSearch {
  redirect?: string
}

function validateRedirectSearch(search: Record<string, unknown>): RedirectSearch {
  const target = safeRedirect(search.redirect)
  return target ? { redirect: target } : {}
}

function RouteError({ error, reset }: ErrorComponentProps) {
  return <ErrorPage error={error} reset={reset} />
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteError,
})

// Public pages. A signed-in visitor skips them.
async function skipWhenSignedIn({ context, search }: { context: RouterContext; search: RedirectSearch }) {
  const user = await loadSession(context.queryClient).catch(() => null)
  if (user?.id) throw redirect({ href: search.redirect ?? '/orgs' })
}

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-in',
  validateSearch: validateRedirectSearch,
  beforeLoad: skipWhenSignedIn,
  component: SignInPage,
})

const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-up',
  validateSearch: validateRedirectSearch,
  beforeLoad: skipWhenSignedIn,
  component: SignUpPage,
})

// Everything below needs a session; without one, go to sign-in and come back afterwards.
const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_authed',
  beforeLoad: async ({ context, location }) => {
    const user = await loadSession(context.queryClient)
    if (!user) throw redirect({ to: '/sign-in', search: { redirect: location.href } })
    return { user }
  },
})

const indexRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/orgs' })
  },
})

const accountRoute = createRoute({
  getParentRoute: () => authedRoute,
  id: '_account',
  component: AccountShell,
})

const myOrgsRoute = createRoute({
  getParentRoute: () => accountRoute,
  path: 'orgs',
  component: MyOrgsPage,
})

const createOrgRoute = createRoute({
  getParentRoute: () => accountRoute,
  path: 'orgs/new',
  // Lazy: the form pulls in zod through the shared contracts.
  component: lazyRouteComponent(() => import('../features/orgs/create-org-page.tsx'), 'CreateOrgPage'),
})

const orgRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'o/$org',
  loader: async ({ context, params }) => {
    try {
      await context.queryClient.ensureQueryData(orgQuery(params.org))
    } catch (error) {
      if (isApiError(error) && error.status === 404) throw notFound()
      throw error
    }
  },
  component: OrgShell,
  notFoundComponent: NotFoundPage,
})

const orgHomeRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: '/',
  component: OrgHomePage,
})

const auditRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'audit',
  component: AuditPage,
})

const moduleRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: '$module',
  component: ModulePage,
})

export const routeTree = rootRoute.addChildren([
  signInRoute,
  signUpRoute,
  authedRoute.addChildren([
    indexRoute,
    accountRoute.addChildren([myOrgsRoute, createOrgRoute]),
    orgRoute.addChildren([orgHomeRoute, auditRoute, moduleRoute]),
  ]),
])

export function createAppRouter({
  queryClient,
  history,
}: {
  queryClient: QueryClient
  history?: RouterHistory
}) {
  return createRouter({
    routeTree,
    context: { queryClient },
    ...(history ? { history } : {}),
    defaultPreload: 'intent',
    // Loaders only warm the query cache; TanStack Query decides freshness.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PageLoader,
    defaultNotFoundComponent: NotFoundPage,
    defaultErrorComponent: RouteError,
    scrollRestoration: true,
  })
}

export type AppRouter = ReturnType<typeof createAppRouter>

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter
  }
}
