import { PERSON_IMPORT_PROGRESS_EVENT, type PersonImport, type PersonImportProgress } from '@minga/contracts'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useUserEvent } from '../../../app/realtime.ts'
import { importsKey, isImportRunning } from './import-api.ts'

/**
 * The latest realtime progress of the job running on `imp` (null until an event arrives, or when the
 * event belongs to an earlier job). The final event refetches the import and the history.
 */
export function useImportProgress(slug: string, imp: PersonImport | undefined): PersonImportProgress | null {
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<PersonImportProgress | null>(null)
  const importId = imp?.id
  useUserEvent<PersonImportProgress>(PERSON_IMPORT_PROGRESS_EVENT, (payload) => {
    if (!importId || payload.importId !== importId) return
    setProgress(payload)
    if (!isImportRunning(payload.status)) void queryClient.invalidateQueries({ queryKey: importsKey(slug) })
  })
  // A validation's last event must not show as the commit's progress.
  return progress && imp && progress.status === imp.status ? progress : null
}
