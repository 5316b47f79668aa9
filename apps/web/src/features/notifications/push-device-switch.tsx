import { Switch, Text } from '@mantine/core'
import type { CreatePushSubscription } from '@minga/contracts'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'
import { deletePushSubscription, pushPublicKeyQuery, savePushSubscription } from './notifications-api.ts'

export const PUSH_SERVICE_WORKER = '/push-sw.js'

function browserSupportsPush() {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window
}

/** The VAPID key as PushManager wants it: base64url text → bytes. */
export function keyBytes(base64Url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64Url + '='.repeat((4 - (base64Url.length % 4)) % 4))
    .replace(/-/g, '+')
    .replace(/_/g, '/')
  const raw = atob(base64)
  const bytes = new Uint8Array(new ArrayBuffer(raw.length))
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i)
  return bytes
}

async function currentSubscription() {
  const registration = await navigator.serviceWorker.getRegistration(PUSH_SERVICE_WORKER)
  return (await registration?.pushManager.getSubscription()) ?? null
}

/**
 * "Notifications on this device": registers the push service worker, subscribes this browser with
 * the server's VAPID key and hands the subscription to the server (off: unsubscribes and forgets it).
 * Hidden when the server has no push (404 for the key) or the browser has no PushManager.
 */
export function PushDeviceSwitch({ slug }: { slug: string }) {
  const supported = browserSupportsPush()
  const { t } = useTranslation()
  const key = useQuery({ ...pushPublicKeyQuery(slug), enabled: supported })
  const [on, setOn] = useState<boolean | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!supported || !key.data) return
    let cancelled = false
    currentSubscription()
      .then((s) => !cancelled && setOn(s !== null))
      .catch(() => !cancelled && setOn(false))
    return () => {
      cancelled = true
    }
  }, [supported, key.data])

  if (!supported || !key.data || on === null) return null
  const publicKey = key.data.publicKey

  async function turnOn() {
    const registration = await navigator.serviceWorker.register(PUSH_SERVICE_WORKER)
    const subscription = await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(publicKey),
    })
    await savePushSubscription(slug, subscription.toJSON() as CreatePushSubscription)
  }

  async function turnOff() {
    const subscription = await currentSubscription()
    if (!subscription) return
    await deletePushSubscription(slug, subscription.endpoint)
    await subscription.unsubscribe()
  }

  async function toggle(next: boolean) {
    setBusy(true)
    setError(null)
    try {
      await (next ? turnOn() : turnOff())
      setOn(next)
    } catch (e) {
      const denied = typeof Notification !== 'undefined' && Notification.permission === 'denied'
      setError(
        denied
          ? t('notifications.push.denied')
          : isApiError(e)
            ? errorMessage(t, e)
            : t('notifications.push.failed'),
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <div>
      <Switch
        label={t('notifications.push.thisDevice')}
        description={t('notifications.push.hint')}
        checked={on}
        disabled={busy}
        onChange={(e) => void toggle(e.currentTarget.checked)}
      />
      {error ? (
        <Text size="sm" c="red" role="alert" mt={4}>
          {error}
        </Text>
      ) : null}
    </div>
  )
}
