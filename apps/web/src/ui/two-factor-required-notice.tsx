import { Alert, Group, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { isTwoFactorRequired } from '../app/api-client.ts'
import { AlertIcon } from './icons.tsx'
import { ButtonLink } from './router-links.tsx'

/** "This org requires 2FA for your role", with a button to Mi cuenta. */
export function TwoFactorRequiredNotice() {
  const { t } = useTranslation()
  return (
    <Alert
      color="orange"
      icon={<AlertIcon />}
      role="alert"
      title={t('errors.twoFactorRequired.title')}
      mb="md"
      data-testid="two-factor-required"
    >
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('errors.twoFactorRequired.body')}</Text>
        <ButtonLink to="/account" size="xs">
          {t('errors.twoFactorRequired.action')}
        </ButtonLink>
      </Group>
    </Alert>
  )
}

/** True while any query or mutation in the cache failed with 403 `two_factor_required`. */
export function useTwoFactorRequired(): boolean {
  const queryClient = useQueryClient()
  const subscribe = useCallback(
    (onChange: () => void) => {
      const offQueries = queryClient.getQueryCache().subscribe(onChange)
      const offMutations = queryClient.getMutationCache().subscribe(onChange)
      return () => {
        offQueries()
        offMutations()
      }
    },
    [queryClient],
  )
  const snapshot = useCallback(
    () =>
      queryClient
        .getQueryCache()
        .getAll()
        .some((query) => isTwoFactorRequired(query.state.error)) ||
      queryClient
        .getMutationCache()
        .getAll()
        .some((mutation) => isTwoFactorRequired(mutation.state.error)),
    [queryClient],
  )
  return useSyncExternalStore(subscribe, snapshot, snapshot)
}
