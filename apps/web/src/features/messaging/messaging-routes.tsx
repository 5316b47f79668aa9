import { type AnyRoute, createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router'

/**
 * The chat under /o/$org/messages, created as children of the org route (lazy pages). The navbar
 * links modules by key (`/o/$org/messaging`), so that path redirects to the chat.
 */
export function createMessagingRoutes<TParent extends AnyRoute>(orgRoute: TParent) {
  const list = createRoute({
    getParentRoute: () => orgRoute,
    path: 'messages',
    component: lazyRouteComponent(() => import('./messages-page.tsx'), 'MessagesPage'),
  })
  const conversation = createRoute({
    getParentRoute: () => orgRoute,
    path: 'messages/$conversationId',
    component: lazyRouteComponent(() => import('./messages-page.tsx'), 'ConversationPage'),
  })
  const moduleLink = createRoute({
    getParentRoute: () => orgRoute,
    path: 'messaging',
    beforeLoad: ({ params }) => {
      throw redirect({ to: '/o/$org/messages', params: { org: (params as { org: string }).org } })
    },
  })
  return [list, conversation, moduleLink] as const
}
