import { Alert, Badge, Button, Chip, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import type { ProfileSummary } from '@minga/contracts'
import { useInfiniteQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/error-message.ts'
import { EmptyState } from '../../ui/empty-state.tsx'
import { UserIcon } from '../../ui/icons.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { ButtonLink, CardLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { ProfileAvatar } from './profile-avatar.tsx'
import { directoryQuery } from './profiles-api.ts'

const orgRoute = getRouteApi('/_authed/o/$org')

/** /o/$org/profiles: member cards, search, skill chips with counts (the tag cloud), load more. */
export function DirectoryPage() {
  const { t } = useTranslation()
  const { org: slug } = orgRoute.useParams()
  usePageTitle(t('profiles.directory'))
  const [q, setQ] = useState('')
  const [skills, setSkills] = useState<string[]>([])
  const [debouncedQ] = useDebouncedValue(q.trim(), 250)
  const filters = { q: debouncedQ || undefined, skill: skills.length ? skills.join(',') : undefined }
  const directory = useInfiniteQuery(directoryQuery(slug, filters))
  const items = directory.data?.pages.flatMap((page) => page.items) ?? []
  const facets = directory.data?.pages[0]?.facets.skills ?? {}
  // Keep the chosen chips visible even when the counts no longer list them.
  const chips = [...new Set([...skills, ...Object.keys(facets)])]
  const filtered = Boolean(filters.q || filters.skill)

  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('profiles.directory')}</Title>
          <Text c="dimmed">{t('profiles.subtitle')}</Text>
        </div>
        <ButtonLink to="/o/$org/profiles/me" params={{ org: slug }} leftSection={<UserIcon size={16} />}>
          {t('profiles.myProfile')}
        </ButtonLink>
      </Group>

      <TextInput
        label={t('profiles.search')}
        description={t('profiles.searchHint')}
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
        maw={420}
      />
      {chips.length > 0 && (
        <Chip.Group multiple value={skills} onChange={setSkills}>
          <Group gap="xs" role="group" aria-label={t('profiles.skillsFilter')}>
            {chips.map((skill) => (
              <Chip key={skill} value={skill} size="xs">
                {`${skill} (${facets[skill] ?? 0})`}
              </Chip>
            ))}
            {skills.length > 0 && (
              <Button variant="subtle" size="compact-xs" onClick={() => setSkills([])}>
                {t('profiles.clearSkills')}
              </Button>
            )}
          </Group>
        </Chip.Group>
      )}

      {directory.isPending ? (
        <PageLoader />
      ) : !directory.data ? (
        <Alert color="red" role="alert">
          {errorMessage(t, directory.error)}
        </Alert>
      ) : items.length === 0 ? (
        filtered ? (
          <Text c="dimmed">{t('profiles.noMatches')}</Text>
        ) : (
          <EmptyState title={t('profiles.empty')}>{t('profiles.emptyHint')}</EmptyState>
        )
      ) : (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {items.map((profile) => (
              <MemberCard key={profile.userId} slug={slug} profile={profile} />
            ))}
          </SimpleGrid>
          {directory.hasNextPage && (
            <Button
              variant="default"
              onClick={() => directory.fetchNextPage()}
              loading={directory.isFetchingNextPage}
            >
              {t('profiles.loadMore')}
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  )
}

function MemberCard({ slug, profile }: { slug: string; profile: ProfileSummary }) {
  const { t } = useTranslation()
  return (
    <CardLink
      to="/o/$org/profiles/$userId"
      params={{ org: slug, userId: profile.userId }}
      withBorder
      radius="md"
      padding="md"
      h="100%"
      aria-label={profile.name}
    >
      <Group wrap="nowrap" align="flex-start">
        <ProfileAvatar org={slug} profile={profile} />
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600}>{profile.name}</Text>
            {profile.visibility === 'admins' && (
              <Badge size="xs" color="gray" title={t('profiles.hiddenHint')}>
                {t('profiles.hidden')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" lineClamp={2}>
            {profile.headline || t('profiles.noHeadline')}
          </Text>
          {profile.skills.length > 0 && (
            <Group gap={4}>
              {profile.skills.slice(0, 6).map((skill) => (
                <Badge key={skill} variant="light" size="sm" tt="none">
                  {skill}
                </Badge>
              ))}
              {profile.skills.length > 6 && (
                <Badge variant="outline" size="sm">{`+${profile.skills.length - 6}`}</Badge>
              )}
            </Group>
          )}
        </Stack>
      </Group>
    </CardLink>
  )
}
