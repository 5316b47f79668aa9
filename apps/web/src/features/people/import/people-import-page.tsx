import { Alert, Button, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core'
import type { PersonImport } from '@minga/contracts'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../app/api-client.ts'
import { errorMessage } from '../../../app/error-message.ts'
import { PageLoader } from '../../../ui/page-loader.tsx'
import { AnchorLink } from '../../../ui/router-links.tsx'
import { usePageTitle } from '../../../ui/use-page-title.ts'
import { canWritePeople, myPermissionsQuery } from '../people-api.ts'
import { CommitStep } from './commit-step.tsx'
import { importKey, importQuery, importsKey } from './import-api.ts'
import { ImportHistory } from './import-history.tsx'
import { ImportStatusBadge } from './import-status-badge.tsx'
import { MappingStep } from './mapping-step.tsx'
import { UploadStep } from './upload-step.tsx'
import { useImportProgress } from './use-import-progress.ts'
import { ValidationStep } from './validation-step.tsx'

const route = getRouteApi('/_authed/o/$org/people/import')

/** /o/$org/people/import: the 4-step import wizard, resumable from the history (`?import=<id>`). */
export function PeopleImportPage() {
  const { t } = useTranslation()
  const { org: slug } = route.useParams()
  const { import: importId } = route.useSearch()
  usePageTitle(t('people.import.title'))
  const permissions = useQuery(myPermissionsQuery(slug))

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <AnchorLink to="/o/$org/people" params={{ org: slug }} size="sm">
          {t('people.import.back')}
        </AnchorLink>
        <Title order={1}>{t('people.import.title')}</Title>
        <Text c="dimmed">{t('people.import.subtitle')}</Text>
      </div>
      {permissions.isPending ? (
        <PageLoader />
      ) : permissions.data && !canWritePeople(permissions.data) ? (
        <Alert color="yellow" role="alert">
          {t('people.import.forbidden')}
        </Alert>
      ) : (
        <>
          {/* key: a different import starts with fresh local state (mapping draft, chosen step). */}
          <Wizard key={importId ?? 'new'} slug={slug} importId={importId} />
          <ImportHistory slug={slug} currentId={importId} />
        </>
      )}
    </Stack>
  )
}

type View = 'mapping' | 'commit' | null

function Wizard({ slug, importId }: { slug: string; importId: string | undefined }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const imp = useQuery({ ...importQuery(slug, importId ?? ''), enabled: importId !== undefined })
  const progress = useImportProgress(slug, imp.data)
  // The step follows the server status; `view` is the user's own move (back to mapping, on to commit).
  const [view, setView] = useState<View>(null)

  function show(next: PersonImport) {
    queryClient.setQueryData(importKey(slug, next.id), next)
    void queryClient.invalidateQueries({ queryKey: [...importsKey(slug), 'list'] })
    setView(null)
  }

  function openImport(next: PersonImport) {
    queryClient.setQueryData(importKey(slug, next.id), next)
    void queryClient.invalidateQueries({ queryKey: [...importsKey(slug), 'list'] })
    void navigate({ to: '/o/$org/people/import', params: { org: slug }, search: { import: next.id } })
  }

  if (importId !== undefined && imp.isPending) return <PageLoader />
  if (importId !== undefined && !imp.data) {
    return (
      <Alert color={isApiError(imp.error) && imp.error.status === 404 ? 'yellow' : 'red'} role="alert">
        {errorMessage(t, imp.error)}
      </Alert>
    )
  }
  const current = imp.data
  const active = current ? stepOf(current, view) : 0

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="lg">
        {current && (
          <Group justify="space-between">
            <Group gap="xs">
              <Text fw={600}>{current.fileName}</Text>
              <ImportStatusBadge status={current.status} />
            </Group>
            <Button
              variant="subtle"
              size="xs"
              onClick={() =>
                void navigate({ to: '/o/$org/people/import', params: { org: slug }, search: {} })
              }
            >
              {t('people.import.newImport')}
            </Button>
          </Group>
        )}
        <Stepper
          active={active}
          allowNextStepsSelect={false}
          size="sm"
          aria-label={t('people.import.stepsLabel')}
        >
          <Stepper.Step label={t('people.import.steps.upload')} />
          <Stepper.Step label={t('people.import.steps.mapping')} />
          <Stepper.Step label={t('people.import.steps.validate')} />
          <Stepper.Step label={t('people.import.steps.commit')} />
        </Stepper>
        {!current ? (
          <UploadStep slug={slug} onUploaded={openImport} />
        ) : active === 1 ? (
          <MappingStep slug={slug} imp={current} onValidating={show} />
        ) : active === 2 ? (
          <ValidationStep
            slug={slug}
            imp={current}
            progress={progress}
            onChangeMapping={() => setView('mapping')}
            onContinue={() => setView('commit')}
          />
        ) : (
          <CommitStep
            slug={slug}
            imp={current}
            progress={progress}
            onCommitting={show}
            onBack={() => setView(current.status === 'validated' ? null : 'mapping')}
          />
        )}
      </Stack>
    </Paper>
  )
}

/** 0 upload, 1 mapping, 2 validation, 3 commit, 4 done (every step completed). */
function stepOf(imp: PersonImport, view: View): number {
  switch (imp.status) {
    case 'uploaded':
      return 1
    case 'validating':
      return 2
    case 'validated':
      return view === 'mapping' ? 1 : view === 'commit' ? 3 : 2
    case 'committing':
      return 3
    case 'committed':
      return 4
    case 'failed':
      // A failed commit stays on its step; a failed validation goes back to the results.
      if (view === 'mapping') return 1
      return imp.mode !== null ? 3 : 2
  }
}
