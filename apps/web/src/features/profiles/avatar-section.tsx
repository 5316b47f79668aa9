import { Avatar, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { AVATAR_MIME_TYPES, PROFILE_LIMITS, type Profile } from '@minga/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { ProfileAvatar } from './profile-avatar.tsx'
import { myProfileQuery, profilesKey, removeAvatar, uploadAvatar } from './profiles-api.ts'

/** The picture: choose a file, see it before uploading, upload or remove it. */
export function AvatarSection({ slug, profile }: { slug: string; profile: Profile }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [preview, setPreview] = useState<string | null>(null)

  useEffect(() => {
    if (!file || typeof URL.createObjectURL !== 'function') return setPreview(null)
    const url = URL.createObjectURL(file)
    setPreview(url)
    return () => URL.revokeObjectURL(url)
  }, [file])

  const refresh = async (saved?: Profile) => {
    if (saved) queryClient.setQueryData(myProfileQuery(slug).queryKey, saved)
    await queryClient.invalidateQueries({ queryKey: profilesKey(slug) })
  }
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadAvatar(slug, chosen),
    onSuccess: async (saved) => {
      setFile(null)
      await refresh(saved)
      notifications.show({ color: 'teal', message: t('profiles.avatar.uploaded') })
    },
    onError: (err) =>
      setError(isApiError(err) ? (err.fieldErrors.file ?? errorMessage(t, err)) : errorMessage(t, err)),
  })
  const remove = useMutation({
    mutationFn: () => removeAvatar(slug),
    onSuccess: async () => {
      await refresh()
      notifications.show({ color: 'teal', message: t('profiles.avatar.removed') })
    },
    onError: (err) => setError(errorMessage(t, err)),
  })

  const choose = (chosen: File | null) => {
    setError(null)
    // Checked here too so a large photo is refused before it is sent.
    if (chosen && chosen.size > PROFILE_LIMITS.avatarBytes) {
      setFile(null)
      setError(t('profiles.avatar.tooLarge'))
      return
    }
    setFile(chosen)
  }

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('profiles.avatar.title')}
        </Title>
        <Group align="flex-end">
          {preview ? (
            <Avatar src={preview} size={80} radius={999} alt={t('profiles.avatar.preview')} />
          ) : (
            <ProfileAvatar org={slug} profile={profile} size={80} />
          )}
          <FileInput
            label={t('profiles.avatar.choose')}
            description={t('profiles.avatar.hint')}
            accept={AVATAR_MIME_TYPES.join(',')}
            value={file}
            onChange={choose}
            error={error}
            clearable
            w={280}
          />
          <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
            {t('profiles.avatar.upload')}
          </Button>
          {profile.avatarFileId && !file && (
            <Button variant="default" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('profiles.avatar.remove')}
            </Button>
          )}
        </Group>
        {!error && file && (
          <Text size="sm" c="dimmed">
            {file.name}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
