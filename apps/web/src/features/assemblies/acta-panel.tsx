import { Alert, Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { Assembly } from '@minga/contracts'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/error-message.ts'
import { CheckIcon, CopyIcon } from '../../ui/icons.tsx'
import { actaUrl, logVerificationQuery } from './assemblies-api.ts'

/** Acta download and the tamper-evident log: verify the chain and show its head hash. */
export function ActaPanel({ slug, assembly }: { slug: string; assembly: Assembly }) {
  const { t } = useTranslation()
  const verification = useQuery(logVerificationQuery(slug, assembly.id))
  const result = verification.data
  const head = result?.headHash ?? assembly.logHeadHash

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="acta-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="acta-title">
          {t('assemblies.acta.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('assemblies.acta.hint')}
        </Text>
        <Group gap="sm">
          <Button component="a" href={actaUrl(slug, assembly.id)} download variant="light">
            {t('assemblies.acta.download')}
          </Button>
          <Button
            variant="default"
            loading={verification.isFetching}
            onClick={() => void verification.refetch()}
          >
            {t('assemblies.acta.verify')}
          </Button>
        </Group>
        {verification.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(t, verification.error)}
          </Alert>
        ) : null}
        {result ? (
          <Alert color={result.valid ? 'teal' : 'red'} role="status">
            {result.valid
              ? t('assemblies.acta.valid', { length: result.length })
              : t('assemblies.acta.broken', { seq: result.firstBrokenSeq ?? '?' })}
          </Alert>
        ) : null}
        {head ? (
          <Stack gap={4}>
            <Text size="sm" fw={600} id="log-head-label">
              {t('assemblies.acta.head')}
            </Text>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Code
                block
                aria-labelledby="log-head-label"
                style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', flex: 1 }}
              >
                {head}
              </Code>
              <CopyButton value={head}>
                {({ copied, copy }) => (
                  <Button
                    variant="default"
                    size="xs"
                    onClick={copy}
                    aria-label={t('assemblies.acta.copyHead')}
                    leftSection={copied ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
                  >
                    {copied ? t('common.copied') : t('common.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('assemblies.acta.noEntries')}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
