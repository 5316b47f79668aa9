import { Alert } from '@mantine/core'
import { AlertIcon } from './icons.tsx'

/** The error a form's last submission got (a server problem or network failure), above its fields. */
export function FormErrorAlert({ message }: { message: string | null }) {
  if (!message) return null
  return (
    <Alert color="red" icon={<AlertIcon />} role="alert">
      {message}
    </Alert>
  )
}
