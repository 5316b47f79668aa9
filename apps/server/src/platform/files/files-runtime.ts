import { type Config, type FilesConfig, loadConfig } from '../config.ts'
import { localDriver } from './local-driver.ts'
import { s3Driver } from './s3-driver.ts'
import type { StorageDriver } from './storage-driver.ts'

/** What the file services need besides the request: the driver and how to sign links. */
export type FilesRuntime = {
  driver: StorageDriver
  config: FilesConfig
  /** Signs local download and upload links (derived from BETTER_AUTH_SECRET). */
  secret: string
  baseUrl: string
}

let current: FilesRuntime | undefined

/**
 * Services receive only a ServiceContext, so the storage is process-wide: `buildApp` configures it
 * from its config (registerFileRoutes); a process that never built an app falls back to the env.
 */
export function configureFiles(config: Config, driver?: StorageDriver): FilesRuntime {
  current = {
    driver: driver ?? driverFor(config.files),
    config: config.files,
    secret: config.authSecret,
    baseUrl: config.baseUrl,
  }
  return current
}

export function filesRuntime(): FilesRuntime {
  return current ?? configureFiles(loadConfig())
}

function driverFor(files: FilesConfig): StorageDriver {
  if (files.driver === 's3' && files.s3) return s3Driver(files.s3)
  return localDriver(files.localDir)
}
