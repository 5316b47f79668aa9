// s3rver ships no types; the tests use only these.
declare module 's3rver' {
  // biome-ignore lint/style/noDefaultExport: the package exports its class as default.
  export default class S3rver {
    constructor(options: {
      address?: string
      port?: number
      directory: string
      silent?: boolean
      configureBuckets?: { name: string }[]
    })
    run(): Promise<{ address: string; port: number }>
    close(): Promise<void>
  }
}
