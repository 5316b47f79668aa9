import { Progress, Stack, Text } from '@mantine/core'
import type { PersonImportProgress } from '@minga/contracts'

/** A running job: determinate bar once a realtime event arrived, an animated one until then. */
export function JobProgress({
  progress,
  label,
  waiting,
  counter,
}: {
  progress: PersonImportProgress | null
  label: string
  waiting: string
  counter: (processed: number, total: number) => string
}) {
  const percent =
    progress && progress.total > 0 ? Math.round((progress.processed / progress.total) * 100) : null
  return (
    <Stack gap={4} aria-live="polite">
      <Progress
        value={percent ?? 100}
        animated={percent === null}
        striped={percent === null}
        aria-label={label}
        size="lg"
      />
      <Text size="sm" c="dimmed">
        {progress ? counter(progress.processed, progress.total) : waiting}
      </Text>
    </Stack>
  )
}
