import {
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import {
  DANE_DEPARTMENTS,
  DANE_MUNICIPALITIES,
  EXPERIENCE_LEVELS,
  type ExperienceLevel,
  PROFILE_LIMITS,
  type Profile,
  type ProfileVisibility,
} from '@minga/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { FormErrorAlert } from '../../ui/form-error-alert.tsx'
import { PageLoader } from '../../ui/page-loader.tsx'
import { AnchorLink } from '../../ui/router-links.tsx'
import { usePageTitle } from '../../ui/use-page-title.ts'
import { AvatarSection } from './avatar-section.tsx'
import { myProfileQuery, profilesKey, saveMyProfile, skillsQuery } from './profiles-api.ts'

const orgRoute = getRouteApi('/_authed/o/$org')

type Values = {
  headline: string
  bio: string
  skills: string[]
  experienceLevel: string | null
  location: string
  municipalityCode: string | null
  timezone: string | null
  github: string
  linkedin: string
  website: string
  visibility: ProfileVisibility
}

const valuesOf = (p: Profile): Values => ({
  headline: p.headline,
  bio: p.bio,
  skills: p.skills,
  experienceLevel: p.experienceLevel,
  location: p.location,
  municipalityCode: p.municipality?.code ?? null,
  timezone: p.timezone,
  github: p.links.github ?? '',
  linkedin: p.links.linkedin ?? '',
  website: p.links.website ?? '',
  visibility: p.visibility,
})

/** IANA zones the browser knows, for the time zone select. */
function timeZones(current: string | null) {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
  return current && !zones.includes(current) ? [current, ...zones] : zones
}

let municipalityOptions: { value: string; label: string }[] | undefined
function municipalities() {
  municipalityOptions ??= Object.values(DANE_MUNICIPALITIES)
    .map((m) => ({
      value: m.code,
      label: `${m.name} (${DANE_DEPARTMENTS[m.departmentCode] ?? m.departmentCode})`,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'es'))
  return municipalityOptions
}

/** /o/$org/profiles/me ("Mi perfil"): the member edits their profile and picture. */
export function MyProfilePage() {
  const { t } = useTranslation()
  const { org: slug } = orgRoute.useParams()
  usePageTitle(t('profiles.myProfile'))
  const profile = useQuery(myProfileQuery(slug))

  if (profile.isPending) return <PageLoader />
  if (!profile.data)
    return (
      <Alert color="red" role="alert">
        {errorMessage(t, profile.error)}
      </Alert>
    )
  return (
    <Stack gap="lg" maw={800}>
      <AnchorLink to="/o/$org/profiles" params={{ org: slug }} size="sm">
        {t('profiles.backToDirectory')}
      </AnchorLink>
      <div>
        <Title order={1}>{t('profiles.form.title')}</Title>
        <Text c="dimmed">{t('profiles.form.subtitle')}</Text>
      </div>
      <AvatarSection slug={slug} profile={profile.data} />
      {/* Re-mounted per version, so a save or a reload starts from the server's values. */}
      <ProfileForm key={profile.data.version} slug={slug} profile={profile.data} />
    </Stack>
  )
}

function ProfileForm({ slug, profile }: { slug: string; profile: Profile }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [formError, setFormError] = useState<string | null>(null)
  const skills = useQuery(skillsQuery(slug))
  const form = useForm<Values>({ initialValues: valuesOf(profile) })
  const zones = useMemo(() => timeZones(profile.timezone), [profile.timezone])

  const save = useMutation({
    mutationFn: (v: Values) =>
      saveMyProfile(slug, profile, {
        headline: v.headline,
        bio: v.bio,
        skills: v.skills,
        experienceLevel: (v.experienceLevel as ExperienceLevel | null) ?? null,
        location: v.location,
        municipalityCode: v.municipalityCode,
        ...(v.timezone ? { timezone: v.timezone } : {}),
        links: { github: v.github || null, linkedin: v.linkedin || null, website: v.website || null },
        visibility: v.visibility,
      }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(myProfileQuery(slug).queryKey, saved)
      await queryClient.invalidateQueries({ queryKey: profilesKey(slug) })
      notifications.show({ color: 'teal', message: t('profiles.form.saved') })
    },
    onError: async (error) => {
      if (isApiError(error) && error.status === 412) {
        setFormError(t('profiles.form.conflict'))
        await queryClient.invalidateQueries({ queryKey: myProfileQuery(slug).queryKey })
        return
      }
      if (isApiError(error)) form.setErrors(error.fieldErrors)
      setFormError(errorMessage(t, error))
    },
  })

  return (
    <Paper withBorder p="md" radius="md">
      <form
        onSubmit={form.onSubmit((values) => {
          setFormError(null)
          save.mutate(values)
        })}
        noValidate
      >
        <Stack gap="sm">
          <FormErrorAlert message={formError} />
          {profile.hiddenByAdmin && <Alert color="yellow">{t('profiles.form.hiddenByAdmin')}</Alert>}
          <TextInput
            label={t('profiles.form.headline')}
            description={t('profiles.form.headlineHint')}
            maxLength={PROFILE_LIMITS.headline}
            {...form.getInputProps('headline')}
          />
          <Textarea
            label={t('profiles.form.bio')}
            description={t('profiles.form.counter', {
              count: form.values.bio.length,
              max: PROFILE_LIMITS.bio,
            })}
            rows={6}
            {...form.getInputProps('bio')}
          />
          <TagsInput
            label={t('profiles.form.skills')}
            description={t('profiles.form.skillsHint')}
            data={(skills.data?.items ?? []).map((s) => s.skill)}
            maxTags={PROFILE_LIMITS.skills}
            clearable
            {...form.getInputProps('skills')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('profiles.form.experienceLevel')}
              data={EXPERIENCE_LEVELS.map((value) => ({ value, label: t(`profiles.experience.${value}`) }))}
              clearable
              {...form.getInputProps('experienceLevel')}
            />
            <Select
              label={t('profiles.form.timezone')}
              data={zones}
              searchable
              allowDeselect={false}
              limit={50}
              {...form.getInputProps('timezone')}
            />
            <TextInput
              label={t('profiles.form.location')}
              description={t('profiles.form.locationHint')}
              maxLength={PROFILE_LIMITS.location}
              {...form.getInputProps('location')}
            />
            <Select
              label={t('profiles.form.municipality')}
              description={t('profiles.form.municipalityHint')}
              data={municipalities()}
              searchable
              clearable
              limit={50}
              {...form.getInputProps('municipalityCode')}
            />
          </SimpleGrid>
          <TextInput
            label={t('profiles.form.github')}
            placeholder="https://github.com/…"
            type="url"
            {...form.getInputProps('github')}
          />
          <TextInput
            label={t('profiles.form.linkedin')}
            placeholder="https://www.linkedin.com/in/…"
            type="url"
            {...form.getInputProps('linkedin')}
          />
          <TextInput
            label={t('profiles.form.website')}
            placeholder="https://…"
            type="url"
            {...form.getInputProps('website')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="profile-visibility">
              {t('profiles.form.visibility')}
            </Text>
            <SegmentedControl
              aria-labelledby="profile-visibility"
              data={(['members', 'admins'] as const).map((value) => ({
                value,
                label: t(`profiles.visibility.${value}`),
              }))}
              {...form.getInputProps('visibility')}
            />
            {form.errors.visibility && (
              <Text c="red" size="sm">
                {form.errors.visibility}
              </Text>
            )}
          </Stack>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('profiles.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
