import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router'

export interface QrCheckInSearch {
  token?: string
}

/**
 * The assembly screens under /o/$org/assemblies, created as children of the org route. Every page is
 * lazy: residents on a phone load only the voting screen, and the QR generator only comes with
 * the check-in desk. The static `assemblies` paths win over the generic `$module` route.
 */
export function createAssemblyRoutes<TParent extends AnyRoute>(orgRoute: TParent) {
  const list = createRoute({
    getParentRoute: () => orgRoute,
    path: 'assemblies',
    component: lazyRouteComponent(() => import('./assemblies-page.tsx'), 'AssembliesPage'),
  })
  const create = createRoute({
    getParentRoute: () => orgRoute,
    path: 'assemblies/new',
    component: lazyRouteComponent(() => import('./create-assembly-page.tsx'), 'CreateAssemblyPage'),
  })
  const console = createRoute({
    getParentRoute: () => orgRoute,
    path: 'assemblies/$assemblyId',
    component: lazyRouteComponent(() => import('./assembly-console-page.tsx'), 'AssemblyConsolePage'),
  })
  const checkIn = createRoute({
    getParentRoute: () => orgRoute,
    path: 'assemblies/$assemblyId/check-in',
    component: lazyRouteComponent(() => import('./check-in-page.tsx'), 'CheckInPage'),
  })
  const vote = createRoute({
    getParentRoute: () => orgRoute,
    path: 'assemblies/$assemblyId/vote',
    component: lazyRouteComponent(() => import('./vote-page.tsx'), 'VotePage'),
  })
  const projector = createRoute({
    getParentRoute: () => orgRoute,
    path: 'assemblies/$assemblyId/projector',
    component: lazyRouteComponent(() => import('./projector-page.tsx'), 'ProjectorPage'),
  })
  const qr = createRoute({
    getParentRoute: () => orgRoute,
    path: 'assemblies/$assemblyId/qr',
    validateSearch: (search: Record<string, unknown>): QrCheckInSearch =>
      typeof search.token === 'string' && search.token ? { token: search.token } : {},
    component: lazyRouteComponent(() => import('./qr-check-in-page.tsx'), 'QrCheckInPage'),
  })
  return [list, create, console, checkIn, vote, projector, qr] as const
}
