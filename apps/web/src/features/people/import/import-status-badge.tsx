import { Badge } from '@mantine/core'
import type { PersonImportStatus } from '@minga/contracts'
import { useTranslation } from 'react-i18next'

const COLORS: Record<PersonImportStatus, string> = {
  uploaded: 'gray',
  validating: 'blue',
  validated: 'teal',
  committing: 'blue',
  committed: 'green',
  failed: 'red',
}

export function ImportStatusBadge({ status }: { status: PersonImportStatus }) {
  const { t } = useTranslation()
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`people.import.status.${status}`)}
    </Badge>
  )
}
