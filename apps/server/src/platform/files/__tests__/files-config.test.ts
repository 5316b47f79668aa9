import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../config.ts'

const s3 = {
  MINGA_FILES_DRIVER: 's3',
  S3_BUCKET: 'minga-files',
  S3_ACCESS_KEY_ID: 'key',
  S3_SECRET_ACCESS_KEY: 'secret',
}

describe('files configuration', () => {
  it('defaults to local disk under the data directory, 25 MiB uploads and a 1 GiB org quota', () => {
    const { files } = loadConfig({ MINGA_DATA_DIR: '/srv/minga' })
    expect(files).toEqual({
      driver: 'local',
      localDir: '/srv/minga/files',
      maxUploadBytes: 25 * 1024 * 1024,
      defaultOrgQuotaBytes: 1024 * 1024 * 1024,
      s3: undefined,
    })
  })

  it('reads the S3 settings together, path style when an endpoint is given', () => {
    const { files } = loadConfig({ ...s3, S3_ENDPOINT: 'http://127.0.0.1:9000' })
    expect(files.driver).toBe('s3')
    expect(files.s3).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'minga-files',
      region: 'us-east-1',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    })
    expect(loadConfig(s3).files.s3?.forcePathStyle).toBe(false)
  })

  it('names every missing S3 variable, and refuses S3 variables without the S3 driver', () => {
    expect(() => loadConfig({ MINGA_FILES_DRIVER: 's3', S3_BUCKET: 'minga-files' })).toThrow(
      /S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: MINGA_FILES_DRIVER=s3 needs/,
    )
    expect(() => loadConfig({ S3_BUCKET: 'minga-files' })).toThrow(/S3_BUCKET: set MINGA_FILES_DRIVER=s3/)
    expect(() => loadConfig({ MINGA_FILES_DRIVER: 'ftp' })).toThrow(ConfigError)
    expect(() => loadConfig({ MINGA_FILES_MAX_BYTES: '10' })).toThrow(/MINGA_FILES_MAX_BYTES/)
  })
})
