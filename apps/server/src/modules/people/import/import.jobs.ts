import type { JobDef } from '../../../platform/jobs/jobs.ts'
import type { JobServices } from '../../../platform/module-manifest.ts'
import { COMMIT_JOB, type ImportJobData, runCommit, runValidation, VALIDATE_JOB } from './import.process.ts'

/** Validation and commit of people imports: never retried (a failure marks the import failed). */
export function peopleImportJobs(services: JobServices): JobDef[] {
  return [
    {
      name: VALIDATE_JOB,
      retryLimit: 0,
      handler: (data: object) => runValidation(services, data as ImportJobData),
    },
    {
      name: COMMIT_JOB,
      retryLimit: 0,
      handler: (data: object) => runCommit(services, data as ImportJobData),
    },
  ]
}
