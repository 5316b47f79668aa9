import { Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { timeLeft } from './poll-format.ts'

/** "Cierra en 2 d 5 h", ticking every second; the poll.changed push brings the closed state. */
export function Countdown({ closingAt }: { closingAt: string }) {
  const { t } = useTranslation()
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  const left = timeLeft(t, closingAt, now)
  return (
    <Text size="sm" fw={500} role="timer">
      {left ? t('polls.closesIn', { time: left }) : t('polls.closingPassed')}
    </Text>
  )
}
