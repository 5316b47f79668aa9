import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router'

/**
 * The directory under /o/$org/profiles (the navbar links the module key there), "Mi perfil" at
 * /o/$org/profiles/me and a member's page at /o/$org/profiles/$userId; lazy pages.
 */
export function createProfileRoutes<TParent extends AnyRoute>(orgRoute: TParent) {
  const directory = createRoute({
    getParentRoute: () => orgRoute,
    path: 'profiles',
    component: lazyRouteComponent(() => import('./directory-page.tsx'), 'DirectoryPage'),
  })
  const mine = createRoute({
    getParentRoute: () => orgRoute,
    path: 'profiles/me',
    // Lazy: the form pulls in the DANE list through the shared contracts.
    component: lazyRouteComponent(() => import('./my-profile-page.tsx'), 'MyProfilePage'),
  })
  const member = createRoute({
    getParentRoute: () => orgRoute,
    path: 'profiles/$userId',
    component: lazyRouteComponent(() => import('./profile-page.tsx'), 'ProfilePage'),
  })
  return [directory, mine, member] as const
}
