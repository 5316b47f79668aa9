import {
  Alert,
  Badge,
  Button,
  Drawer,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core'
import type { Person } from '@minga/contracts'
import { useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { PageLoader } from '../../ui/page-loader.tsx'
import { AnchorLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { DocumentsPanel } from '../documents/documents-panel.tsx'
import { daneNames } from './dane-options.ts'
import { canWritePeople, myPermissionsQuery, personHistoryQuery, personQuery } from './people-api.ts'
import { PersonForm } from './person-form.tsx'

const route = getRouteApi('/_authed/o/$org/people/$personId')

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  )
}

const cop = new Intl.NumberFormat('es-CO', { style: 'currency', currency: 'COP', maximumFractionDigits: 0 })

/** /o/$org/people/$personId: the expediente in sections with a completeness indicator. */
export function PersonPage() {
  const { t } = useTranslation()
  const { org: slug, personId } = route.useParams()
  const person = useQuery(personQuery(slug, personId))
  const permissions = useQuery(myPermissionsQuery(slug))
  const [editing, setEditing] = useState(false)
  usePageTitle(person.data?.displayName ?? t('people.title'))

  if (person.isPending) return <PageLoader />
  if (!person.data) {
    return (
      <Alert color={isApiError(person.error) && person.error.status === 404 ? 'yellow' : 'red'} role="alert">
        {isApiError(person.error) && person.error.status === 404
          ? t('people.notFound')
          : errorMessage(t, person.error)}
      </Alert>
    )
  }
  const p = person.data
  const dash = t('people.empty_value')
  const place = daneNames(p.address)
  return (
    <Stack gap="lg" maw={1000}>
      <AnchorLink to="/o/$org/people" params={{ org: slug }} size="sm">
        {t('people.back')}
      </AnchorLink>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{p.displayName}</Title>
          <Group gap="xs" mt={4}>
            <Badge variant="light">{t(`people.status.${p.status}`)}</Badge>
            <Text c="dimmed">{`${p.documentType} ${p.documentNumber}${p.nitCheckDigit ? `-${p.nitCheckDigit}` : ''}`}</Text>
            {p.membershipNumber !== null && (
              <Text c="dimmed">{`· ${t('people.fields.membershipNumber')} ${p.membershipNumber}`}</Text>
            )}
            {p.claimInProgress && <Badge color="orange">{t('people.claimInProgress')}</Badge>}
            {p.anonymized && <Badge color="gray">{t('people.anonymized')}</Badge>}
          </Group>
        </div>
        {canWritePeople(permissions.data) && !p.anonymized && (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('people.edit')}
          </Button>
        )}
      </Group>
      <div>
        <Text size="sm">{t('people.completeness', { percent: p.completeness.percent })}</Text>
        <Progress
          value={p.completeness.percent}
          aria-label={t('people.completeness', { percent: p.completeness.percent })}
        />
      </div>

      <Tabs defaultValue="personal">
        <Tabs.List>
          <Tabs.Tab value="personal">{t('people.sections.personal')}</Tabs.Tab>
          <Tabs.Tab value="contact">{t('people.sections.contact')}</Tabs.Tab>
          {p.sensitiveVisible && <Tabs.Tab value="employment">{t('people.sections.employment')}</Tabs.Tab>}
          <Tabs.Tab value="family">{t('people.sections.family')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('people.sections.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="personal" pt="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Field label={t('people.fields.kind')}>{t(`people.kind.${p.kind}`)}</Field>
            <Field label={t('people.fields.birthDate')}>{p.birthDate ?? dash}</Field>
            <Field label={t('people.fields.joinedOn')}>{p.joinedOn ?? dash}</Field>
            <Field label={t('people.fields.tags')}>{p.tags.join(', ') || dash}</Field>
            <Field label={t('people.fields.statusReason')}>{p.statusReason ?? dash}</Field>
          </SimpleGrid>
        </Tabs.Panel>
        <Tabs.Panel value="contact" pt="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Field label={t('people.fields.emails')}>{p.emails.join(', ') || dash}</Field>
            <Field label={t('people.fields.phones')}>{p.phones.join(', ') || dash}</Field>
            <Field label={t('people.fields.address')}>{p.address?.line ?? dash}</Field>
            <Field label={t('people.fields.departmentCode')}>{place.department ?? dash}</Field>
            <Field label={t('dane.municipality')}>{place.municipality ?? dash}</Field>
          </SimpleGrid>
        </Tabs.Panel>
        {p.sensitiveVisible && (
          <Tabs.Panel value="employment" pt="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Field label={t('people.fields.employerName')}>{p.employerName ?? dash}</Field>
              <Field label={t('people.fields.position')}>{p.position ?? dash}</Field>
              <Field label={t('people.fields.salary')}>
                {p.salary === null ? dash : cop.format(p.salary)}
              </Field>
            </SimpleGrid>
          </Tabs.Panel>
        )}
        <Tabs.Panel value="family" pt="md">
          <Relatives person={p} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <History slug={slug} personId={p.id} />
        </Tabs.Panel>
      </Tabs>
      <DocumentsPanel
        slug={slug}
        entityType="person"
        entityId={p.id}
        canWrite={Boolean(permissions.data?.all || permissions.data?.permissions.includes('documents:write'))}
      />
      {!p.sensitiveVisible && (
        <Text c="dimmed" size="sm">
          {t('people.sensitiveHidden')}
        </Text>
      )}

      <Drawer
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('people.edit')}
        position="right"
        size="lg"
      >
        {editing && (
          <PersonForm
            slug={slug}
            person={p}
            sensitive={p.sensitiveVisible}
            onDone={() => setEditing(false)}
          />
        )}
      </Drawer>
    </Stack>
  )
}

function Relatives({ person }: { person: Person }) {
  const { t } = useTranslation()
  if (person.relatives.length === 0) return <Text c="dimmed">{t('people.noRelatives')}</Text>
  return (
    <Stack gap="xs">
      {person.relatives.map((r) => (
        <Paper key={r.id} withBorder p="sm">
          <Group justify="space-between">
            <Text>{`${r.name} · ${r.relationship}${r.documentType ? ` · ${r.documentType} ${r.documentNumber ?? ''}` : ''}`}</Text>
            {r.percentage !== null && <Badge>{t('people.beneficiary', { percent: r.percentage })}</Badge>}
          </Group>
        </Paper>
      ))}
    </Stack>
  )
}

function History({ slug, personId }: { slug: string; personId: string }) {
  const { t } = useTranslation()
  const history = useQuery(personHistoryQuery(slug, personId))
  if (history.isPending) return <PageLoader />
  if (!history.data) return <Alert color="red">{errorMessage(t, history.error)}</Alert>
  const show = (value: unknown) =>
    value === null || value === undefined
      ? t('people.empty_value')
      : Array.isArray(value)
        ? value.join(', ')
        : String(value)
  const entries = [...history.data.items].reverse()
  return (
    <Stack gap="sm">
      {history.data.statusHistory.map((s) => (
        <Text key={s.at + s.toStatus} size="sm">
          {t('people.statusChange', {
            to: t(`people.status.${s.toStatus}`),
            date: s.effectiveOn,
            reason: s.reason ?? '',
          })}
        </Text>
      ))}
      {entries.length === 0 && <Text c="dimmed">{t('people.noHistory')}</Text>}
      {entries.map((entry) => (
        <Paper key={entry.at + entry.action} withBorder p="sm">
          <Text
            size="xs"
            c="dimmed"
          >{`${new Date(entry.at).toLocaleString('es-CO', { timeZone: 'America/Bogota' })} · ${entry.action}`}</Text>
          {Object.entries(entry.changes).map(([field, change]) => (
            <Text key={field} size="sm">
              {t('people.historyChange', { field, from: show(change.from), to: show(change.to) })}
            </Text>
          ))}
        </Paper>
      ))}
    </Stack>
  )
}
