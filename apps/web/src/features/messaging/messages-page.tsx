import { Alert, Box, Grid, Paper, Stack, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { meQuery } from '../../app/auth/session.ts'
import { errorMessage } from '../../app/error-message.ts'
import { PageLoader } from '../../ui/page-loader.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { ConversationList } from './conversation-list.tsx'
import { ConversationThread } from './conversation-thread.tsx'
import { conversationsQuery } from './messaging-api.ts'
import { NewConversationDialog } from './new-conversation-dialog.tsx'
import { useMessagingLive } from './use-messaging-live.ts'

const listRoute = getRouteApi('/_authed/o/$org/messages')
const conversationRoute = getRouteApi('/_authed/o/$org/messages/$conversationId')

// The chat fills the window below the header; the message log scrolls inside it.
const CHAT_HEIGHT = 'calc(100dvh - 60px - 2 * var(--mantine-spacing-md))'

/** /o/$org/messages: the conversation list, and a prompt to pick one. */
export function MessagesPage() {
  const { org } = listRoute.useParams()
  return <MessagesLayout slug={org} conversationId={undefined} />
}

/** /o/$org/messages/$conversationId: the list beside the open conversation. */
export function ConversationPage() {
  const { org, conversationId } = conversationRoute.useParams()
  return <MessagesLayout slug={org} conversationId={conversationId} />
}

function MessagesLayout({ slug, conversationId }: { slug: string; conversationId: string | undefined }) {
  const { t } = useTranslation()
  usePageTitle(t('messaging.title'))
  const myId = useQuery(meQuery).data?.user.id
  const conversations = useInfiniteQuery(conversationsQuery(slug))
  const typing = useMessagingLive(slug, myId)
  const [creating, creation] = useDisclosure(false)

  if (conversations.isPending) return <PageLoader />
  if (conversations.isError) {
    const forbidden = isApiError(conversations.error) && conversations.error.status === 403
    return (
      <Alert color={forbidden ? 'yellow' : 'red'} role="alert">
        {forbidden ? t('messaging.forbidden') : errorMessage(t, conversations.error)}
      </Alert>
    )
  }
  const items = conversations.data.pages.flatMap((page) => page.items)

  return (
    <>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 5, lg: 4 }} visibleFrom={conversationId ? 'sm' : undefined}>
          <Paper withBorder p="sm" h={{ base: 'auto', sm: CHAT_HEIGHT }} mih={320}>
            <ConversationList
              slug={slug}
              conversations={items}
              myId={myId}
              activeId={conversationId}
              hasMore={conversations.hasNextPage}
              loadingMore={conversations.isFetchingNextPage}
              onLoadMore={() => void conversations.fetchNextPage()}
              onNew={creation.open}
            />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 7, lg: 8 }} visibleFrom={conversationId ? undefined : 'sm'}>
          <Paper withBorder p="sm" h={CHAT_HEIGHT} mih={420}>
            {conversationId ? (
              <ConversationThread
                key={conversationId}
                slug={slug}
                conversationId={conversationId}
                myId={myId}
                typing={typing[conversationId] ?? []}
              />
            ) : (
              <Stack h="100%" align="center" justify="center" gap={4} ta="center">
                <Text fw={600}>{t('messaging.thread.select')}</Text>
                <Text size="sm" c="dimmed">
                  {t('messaging.thread.selectHint')}
                </Text>
              </Stack>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
      <Box>
        <NewConversationDialog slug={slug} myId={myId} opened={creating} onClose={creation.close} />
      </Box>
    </>
  )
}
