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
import { adminOrgsQuery } from '../features/admin/admin-api.ts'
import { createAssemblyRoutes } from '../features/assemblies/assembly-routes.tsx'
import { AuditPage } from '../features/audit/audit-page.tsx'
import { ForgotPasswordPage } from '../features/auth/forgot-password-page.tsx'
import { ResetPasswordPage } from '../features/auth/reset-password-page.tsx'
import { SignInPage } from '../features/auth/sign-in-page.tsx'
import { SignUpPage } from '../features/auth/sign-up-page.tsx'
import { InvitationPage } from '../features/invitations/invitation-page.tsx'
import { createMessagingRoutes } from '../features/messaging/messaging-routes.tsx'
import { ModulePage } from '../features/orgs/module-page.tsx'
import { MyOrgsPage } from '../features/orgs/my-orgs-page.tsx'
import { OrgHomePage } from '../features/orgs/org-home-page.tsx'
import { orgQuery } from '../features/orgs/orgs-api.ts'
import { validateImportSearch } from '../features/people/import/import-search.ts'
import { createProfileRoutes } from '../features/profiles/profiles-routes.tsx'
import { isSettingsTab, type SettingsTab } from '../features/settings/settings-tabs.ts'
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

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'forgot-password',
  component: ForgotPasswordPage,
})

export interface ResetPasswordSearch {
  token?: string
  error?: string
}

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'reset-password',
  validateSearch: (search: Record<string, unknown>): ResetPasswordSearch => ({
    ...(typeof search.token === 'string' && search.token ? { token: search.token } : {}),
    ...(typeof search.error === 'string' ? { error: search.error } : {}),
  }),
  component: ResetPasswordPage,
})

// Signed in or not: the page offers to sign in (and come back) when there is no session.
const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'invitations/$token',
  component: InvitationPage,
})

// Development only: the server answers 404 for the mailbox API in production or with SMTP, and the page says so.
const devMailboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'dev/mailbox',
  component: lazyRouteComponent(
    () => import('../features/dev-mailbox/dev-mailbox-page.tsx'),
    'DevMailboxPage',
  ),
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

const myAccountRoute = createRoute({
  getParentRoute: () => accountRoute,
  path: 'account',
  // Lazy: the QR code generator is only needed here.
  component: lazyRouteComponent(() => import('../features/account/account-page.tsx'), 'AccountPage'),
})

// Only platform admins get 200 from the admin API; anyone else sees "not found".
const adminRoute = createRoute({
  getParentRoute: () => accountRoute,
  path: 'admin',
  loader: async ({ context }) => {
    try {
      await context.queryClient.ensureInfiniteQueryData(adminOrgsQuery)
    } catch (error) {
      if (isApiError(error) && (error.status === 403 || error.status === 404)) throw notFound()
      throw error
    }
  },
  component: lazyRouteComponent(() => import('../features/admin/admin-page.tsx'), 'AdminPage'),
  notFoundComponent: NotFoundPage,
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

export interface SettingsSearch {
  tab?: SettingsTab
}

const settingsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'settings',
  validateSearch: (search: Record<string, unknown>): SettingsSearch =>
    isSettingsTab(search.tab) ? { tab: search.tab } : {},
  component: lazyRouteComponent(() => import('../features/settings/settings-page.tsx'), 'SettingsPage'),
})

const unitsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'units',
  component: lazyRouteComponent(() => import('../features/units/units-page.tsx'), 'UnitsPage'),
})

// Static paths win over `$module`, so the nav link /o/$org/polls opens these pages.
const pollsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'polls',
  // Lazy: the create form pulls in zod through the shared contracts.
  component: lazyRouteComponent(() => import('../features/polls/polls-page.tsx'), 'PollsPage'),
})

const pollRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'polls/$pollId',
  component: lazyRouteComponent(() => import('../features/polls/poll-page.tsx'), 'PollPage'),
})

const privacyRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'privacy',
  component: lazyRouteComponent(() => import('../features/privacy/privacy-page.tsx'), 'PrivacyPage'),
})

const privacyRequestRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'privacy/requests/$requestId',
  component: lazyRouteComponent(() => import('../features/privacy/request-page.tsx'), 'PrivacyRequestPage'),
})

const privacyPersonRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'privacy/people/$personId',
  component: lazyRouteComponent(() => import('../features/privacy/consents-page.tsx'), 'PrivacyConsentsPage'),
})

const assemblyRoutes = createAssemblyRoutes(orgRoute)

const messagingRoutes = createMessagingRoutes(orgRoute)

const profileRoutes = createProfileRoutes(orgRoute)

const tasksRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'tasks',
  // Lazy: the board pulls in @dnd-kit and zod through the shared contracts.
  component: lazyRouteComponent(() => import('../features/tasks/boards-page.tsx'), 'BoardsPage'),
})

const taskBoardRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'tasks/$boardId',
  component: lazyRouteComponent(() => import('../features/tasks/board-page.tsx'), 'BoardPage'),
})

const scorecardsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'scorecards',
  component: lazyRouteComponent(() => import('../features/scorecards/scorecards-page.tsx'), 'ScorecardsPage'),
})

const activityRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'activity',
  component: lazyRouteComponent(() => import('../features/activity/activity-page.tsx'), 'ActivityPage'),
})

const webhooksRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'webhooks',
  component: lazyRouteComponent(() => import('../features/webhooks/webhooks-page.tsx'), 'WebhooksPage'),
})

const notificationsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'notifications',
  component: lazyRouteComponent(() => import('../features/notifications/inbox-page.tsx'), 'InboxPage'),
})

const notificationPreferencesRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'notifications/preferences',
  component: lazyRouteComponent(
    () => import('../features/notifications/preferences-page.tsx'),
    'PreferencesPage',
  ),
})

const peopleRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'people',
  // Lazy: the create form pulls in zod through the shared contracts.
  component: lazyRouteComponent(() => import('../features/people/people-page.tsx'), 'PeoplePage'),
})

// Before `people/$personId`, so "import" is not taken for a person id.
const peopleImportRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'people/import',
  validateSearch: validateImportSearch,
  component: lazyRouteComponent(
    () => import('../features/people/import/people-import-page.tsx'),
    'PeopleImportPage',
  ),
})

const personRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'people/$personId',
  component: lazyRouteComponent(() => import('../features/people/person-page.tsx'), 'PersonPage'),
})

const moduleRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: '$module',
  component: ModulePage,
})

export const routeTree = rootRoute.addChildren([
  signInRoute,
  signUpRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  invitationRoute,
  devMailboxRoute,
  authedRoute.addChildren([
    indexRoute,
    accountRoute.addChildren([myOrgsRoute, createOrgRoute, myAccountRoute, adminRoute]),
    orgRoute.addChildren([
      orgHomeRoute,
      auditRoute,
      settingsRoute,
      unitsRoute,
      scorecardsRoute,
      pollsRoute,
      pollRoute,
      ...assemblyRoutes,
      ...messagingRoutes,
      ...profileRoutes,
      tasksRoute,
      taskBoardRoute,
      activityRoute,
      privacyRoute,
      privacyRequestRoute,
      privacyPersonRoute,
      webhooksRoute,
      notificationsRoute,
      notificationPreferencesRoute,
      peopleRoute,
      peopleImportRoute,
      personRoute,
      moduleRoute,
    ]),
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
