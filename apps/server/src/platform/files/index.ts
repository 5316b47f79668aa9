/**
 * platform/files: blob storage for every module (local disk or S3), content-addressed per org,
 * with quotas, content sniffing and signed links. See docs/modules/files.md.
 */
export { FileRejectedError, type FileRejectionReason } from './file-rejection.ts'
export {
  cleanFileName,
  DEFAULT_LINK_TTL_SECONDS,
  type FileUsage,
  fileUsage,
  getFile,
  MAX_LINK_TTL_SECONDS,
  readFile,
  type StoredFile,
  type StoreFileInput,
  setFileQuota,
  signedDownloadUrl,
  signedUploadUrl,
  storeFile,
} from './files.service.ts'
export { configureFiles } from './files-runtime.ts'
export {
  type MultipartForm,
  readMultipartForm,
  requireUpload,
  type UploadedFile,
} from './multipart-form.ts'
