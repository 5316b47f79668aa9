import { Avatar, type MantineSize } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { avatarUrl } from './profiles-api.ts'

/** Initials of a name: "José Núñez" → "JN". */
export function initialsOf(name: string) {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words
  return letters.map((w) => w[0]!.toLocaleUpperCase('es')).join('') || '?'
}

/** A member's picture, or their initials when they have none. */
export function ProfileAvatar({
  org,
  profile,
  size = 'lg',
}: {
  org: string
  profile: { userId: string; name: string; avatarFileId: string | null }
  size?: MantineSize | number
}) {
  const { t } = useTranslation()
  return (
    <Avatar
      src={profile.avatarFileId ? avatarUrl(org, profile.userId, profile.avatarFileId) : null}
      alt={t('profiles.avatarOf', { name: profile.name })}
      size={size}
      radius={999}
      color="teal"
    >
      {initialsOf(profile.name)}
    </Avatar>
  )
}
