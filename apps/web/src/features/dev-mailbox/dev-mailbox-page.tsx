import { Alert, Badge, Button, Card, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/error-message.ts'
import { EmptyState } from '../../ui/empty-state.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { type DevMail, devMailboxQuery } from './dev-mailbox-api.ts'

/** Development only: the mail the server kept instead of sending, with the HTML in a sandboxed frame. */
export function DevMailboxPage() {
  const { t } = useTranslation()
  usePageTitle(t('devMailbox.title'))
  const mailbox = useQuery(devMailboxQuery)
  const [selectedId, setSelectedId] = useState<string | null>(null)

  let body: React.ReactNode
  if (mailbox.isPending) body = <PageLoader />
  else if (mailbox.isError)
    body = (
      <Alert color="red" role="alert">
        {errorMessage(t, mailbox.error)}
      </Alert>
    )
  else if (mailbox.data === null) body = <Alert color="yellow">{t('devMailbox.disabled')}</Alert>
  else if (mailbox.data.length === 0) body = <EmptyState title={t('devMailbox.empty')} />
  else {
    const selected = mailbox.data.find((m) => m.id === selectedId) ?? mailbox.data[0]!
    body = (
      <Group align="flex-start" gap="lg" wrap="wrap">
        <Stack gap="xs" w={340} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {mailbox.data.map((mail) => (
            <li key={mail.id}>
              <Card
                withBorder
                padding="sm"
                component="button"
                type="button"
                onClick={() => setSelectedId(mail.id)}
                aria-current={mail.id === selected.id ? 'true' : undefined}
                style={{ width: '100%', textAlign: 'left', cursor: 'pointer' }}
                bg={mail.id === selected.id ? 'var(--mantine-color-teal-light)' : undefined}
              >
                <Text fw={600} lineClamp={1}>
                  {mail.subject}
                </Text>
                <Text size="sm" c="dimmed" lineClamp={1}>
                  {mail.to}
                </Text>
                <Text size="xs" c="dimmed">
                  {new Date(mail.sentAt).toLocaleString('es-CO', { timeZone: 'America/Bogota' })}
                </Text>
              </Card>
            </li>
          ))}
        </Stack>
        <MailPreview key={selected.id} mail={selected} />
      </Group>
    )
  }

  return (
    <Stack gap="lg" p="lg" maw={1300} mx="auto">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('devMailbox.title')}</Title>
          <Text c="dimmed">{t('devMailbox.subtitle')}</Text>
        </div>
        <Button variant="light" onClick={() => void mailbox.refetch()} loading={mailbox.isFetching}>
          {t('devMailbox.refresh')}
        </Button>
      </Group>
      {body}
    </Stack>
  )
}

function MailPreview({ mail }: { mail: DevMail }) {
  const { t } = useTranslation()
  const [view, setView] = useState<'html' | 'text'>(mail.html ? 'html' : 'text')
  return (
    <Paper withBorder p="md" style={{ flex: 1, minWidth: 320 }}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {mail.subject}
        </Title>
        <Text size="sm">
          <b>{t('devMailbox.to')}:</b> {mail.to} · <b>{t('devMailbox.from')}:</b> {mail.from}
        </Text>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(value) => setView(value as 'html' | 'text')}
            data={[
              { value: 'html', label: t('devMailbox.html'), disabled: !mail.html },
              { value: 'text', label: t('devMailbox.text') },
            ]}
          />
          {!mail.html && <Badge variant="light">{t('devMailbox.noHtml')}</Badge>}
        </Group>
        {view === 'html' && mail.html ? (
          // sandbox="" (no allow-scripts, no allow-same-origin): the mail's HTML can neither run
          // scripts nor reach this page's cookies or storage.
          <iframe
            title={t('devMailbox.previewTitle')}
            sandbox=""
            srcDoc={mail.html}
            style={{ width: '100%', height: 640, border: '1px solid var(--mantine-color-default-border)' }}
          />
        ) : (
          <Text component="pre" size="sm" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {mail.text}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
