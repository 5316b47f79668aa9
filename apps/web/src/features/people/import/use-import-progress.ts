import { PERSON_IMPORT_PROGRESS_EVENT, type PersonImport, type PersonImportProgress } from '@minga/contracts'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useUserEvent } from '../../../app/realtime.ts'
import { peopleKey } from '../people-api.ts'
import { importsKey, isImportRunning } from './import-api.ts'

/**
 * The latest realtime progress of the job running on `imp` (null until an event arrives, or when the
 * event belongs to an earlier job). The final event refetches the import and the history, and after a
 * commit the people list too.
 */
export function useImportProgress(slug: string, imp: PersonImport | undefined): PersonImportProgress | null {
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<PersonImportProgress | null>(null)
  const importId = imp?.id
  useUserEvent<PersonImportProgress>(PERSON_IMPORT_PROGRESS_EVENT, (payload) => {
    if (!importId || payload.importId !== importId) return
    setProgress(payload)
    if (isImportRunning(payload.status)) return
    const key = payload.status === 'committed' ? peopleKey(slug) : importsKey(slug)
    void queryClient.invalidateQueries({ queryKey: key })
  })
  // Without realtime, polling is what sees a job end: refresh the history (and the people list after a
  // commit) then too.
  const previousStatus = useRef(imp?.status)
  useEffect(() => {
    const previous = previousStatus.current
    previousStatus.current = imp?.status
    if (!previous || !imp || previous === imp.status) return
    void queryClient.invalidateQueries({ queryKey: [...importsKey(slug), 'list'] })
    if (imp.status === 'committed')
      void queryClient.invalidateQueries({ queryKey: [...peopleKey(slug), 'list'] })
  }, [imp, queryClient, slug])
  // A validation's last event must not show as the commit's progress.
  return progress && imp && progress.status === imp.status ? progress : null
}
