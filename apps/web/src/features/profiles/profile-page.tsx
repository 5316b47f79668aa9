import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { Profile } from '@minga/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { apiFetch, isApiError } from '../../app/api-client.ts'
import { meQuery } from '../../app/auth/session.ts'
import { errorMessage } from '../../app/error-message.ts'
import { GithubIcon, LinkedinIcon, WorldIcon } from '../../ui/icons.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { AnchorLink, ButtonLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { orgQuery } from '../orgs/orgs-api.ts'
import { localTime } from './local-time.ts'
import { placeOf } from './place.ts'
import { ProfileAvatar } from './profile-avatar.tsx'
import { profileQuery, profilesKey } from './profiles-api.ts'

const route = getRouteApi('/_authed/o/$org/profiles/$userId')

/** /o/$org/profiles/$userId: bio, skills, location with their local time, links as icons. */
export function ProfilePage() {
  const { t } = useTranslation()
  const { org: slug, userId } = route.useParams()
  const profile = useQuery(profileQuery(slug, userId))
  usePageTitle(profile.data?.name ?? t('profiles.directory'))

  if (profile.isPending) return <PageLoader />
  if (!profile.data) {
    const missing = isApiError(profile.error) && profile.error.status === 404
    return (
      <Stack maw={800}>
        <Alert color={missing ? 'yellow' : 'red'} role="alert">
          {missing ? t('profiles.notFound') : errorMessage(t, profile.error)}
        </Alert>
        <AnchorLink to="/o/$org/profiles" params={{ org: slug }}>
          {t('profiles.backToDirectory')}
        </AnchorLink>
      </Stack>
    )
  }
  return <ProfileView slug={slug} profile={profile.data} />
}

function ProfileView({ slug, profile }: { slug: string; profile: Profile }) {
  const { t, i18n } = useTranslation()
  const me = useQuery(meQuery).data?.user.id
  const org = useQuery(orgQuery(slug)).data
  const manager = org?.role === 'owner' || org?.role === 'admin'
  const time = localTime(new Date(), profile.timezone, i18n.language)
  const links = [
    { href: profile.links.github, label: 'GitHub', icon: <GithubIcon /> },
    { href: profile.links.linkedin, label: 'LinkedIn', icon: <LinkedinIcon /> },
    { href: profile.links.website, label: t('profiles.form.website'), icon: <WorldIcon /> },
  ].filter((l): l is typeof l & { href: string } => Boolean(l.href))
  const place = placeOf(profile)

  return (
    <Stack gap="lg" maw={800}>
      <AnchorLink to="/o/$org/profiles" params={{ org: slug }} size="sm">
        {t('profiles.backToDirectory')}
      </AnchorLink>
      <Group align="flex-start" wrap="nowrap">
        <ProfileAvatar org={slug} profile={profile} size={96} />
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={1}>{profile.name}</Title>
            {profile.visibility === 'admins' && (
              <Badge color="gray" title={t('profiles.hiddenHint')}>
                {t('profiles.hidden')}
              </Badge>
            )}
          </Group>
          {profile.headline && <Text size="lg">{profile.headline}</Text>}
          {profile.experienceLevel && (
            <Text c="dimmed">{t(`profiles.experience.${profile.experienceLevel}`)}</Text>
          )}
          {links.length > 0 && (
            <Group gap="xs" aria-label={t('profiles.links')} role="group">
              {links.map((link) => (
                <Tooltip key={link.label} label={link.label}>
                  <ActionIcon
                    component="a"
                    href={link.href}
                    target="_blank"
                    rel="noopener noreferrer nofollow"
                    variant="default"
                    size="lg"
                    aria-label={link.label}
                  >
                    {link.icon}
                  </ActionIcon>
                </Tooltip>
              ))}
            </Group>
          )}
        </Stack>
      </Group>
      <Group>
        {me === profile.userId && (
          <ButtonLink to="/o/$org/profiles/me" params={{ org: slug }} variant="default">
            {t('profiles.edit')}
          </ButtonLink>
        )}
        {manager && me !== profile.userId && <HideButton slug={slug} profile={profile} />}
      </Group>

      <Paper withBorder p="md" radius="md">
        <Stack gap="md">
          <div>
            <Title order={2} size="h4">
              {t('profiles.about')}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }} c={profile.bio ? undefined : 'dimmed'}>
              {profile.bio || t('profiles.noBio')}
            </Text>
          </div>
          <div>
            <Title order={2} size="h4">
              {t('profiles.skills')}
            </Title>
            {profile.skills.length ? (
              <Group gap={6} mt={4}>
                {profile.skills.map((skill) => (
                  <Badge key={skill} variant="light" tt="none">
                    {skill}
                  </Badge>
                ))}
              </Group>
            ) : (
              <Text c="dimmed">{t('profiles.noSkills')}</Text>
            )}
          </div>
          <div>
            <Title order={2} size="h4">
              {t('profiles.location')}
            </Title>
            {place && <Text>{place}</Text>}
            {time && (
              <Text c="dimmed" size="sm">
                {t('profiles.localTime', { time, zone: profile.timezone })}
              </Text>
            )}
          </div>
          {links.length > 0 && (
            <Stack gap={2}>
              {links.map((link) => (
                <Anchor
                  key={link.label}
                  href={link.href}
                  target="_blank"
                  rel="noopener noreferrer nofollow"
                  size="sm"
                >
                  {link.href}
                </Anchor>
              ))}
            </Stack>
          )}
        </Stack>
      </Paper>
    </Stack>
  )
}

/** Owners and admins hide a profile from members (or show it again). */
function HideButton({ slug, profile }: { slug: string; profile: Profile }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const hidden = profile.visibility === 'admins'
  const toggle = useMutation({
    mutationFn: () =>
      apiFetch<Profile>(`/api/v1/orgs/${encodeURIComponent(slug)}/profiles/${profile.userId}`, {
        method: 'PATCH',
        body: { visibility: hidden ? 'members' : 'admins' },
        headers: { 'If-Match': `"${profile.version}"` },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: profilesKey(slug) })
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  })
  return (
    <Button variant="default" color="gray" loading={toggle.isPending} onClick={() => toggle.mutate()}>
      {hidden ? t('profiles.show') : t('profiles.hide')}
    </Button>
  )
}
