import type { FastifyRequest } from 'fastify'
import { AppError } from '../http/app-error.ts'

/** One uploaded file as a route hands it to `storeFile`. */
export type UploadedFile = { bytes: Buffer; originalName: string; declaredMimeType: string }

/** A multipart form: its `file` part (others are drained and ignored) and its text fields. */
export type MultipartForm = { upload: UploadedFile | null; fields: Record<string, string> }

/**
 * Reads a multipart/form-data body (the route's scope registers @fastify/multipart with its size
 * limit). `what` names the upload in the 415 message; `tooLarge` is the error for a part over the limit
 * (each module words and localizes its own).
 */
export async function readMultipartForm(
  request: FastifyRequest,
  options: { what: string; tooLarge: () => Error },
): Promise<MultipartForm> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', `Send the ${options.what} as multipart/form-data`, [
      { path: 'file', message: 'Expected a multipart/form-data body with a `file` part' },
    ])
  }
  const form: MultipartForm = { upload: null, fields: {} }
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') {
        form.fields[part.fieldname] = String(part.value ?? '')
        continue
      }
      const bytes = await part.toBuffer()
      if (part.fieldname === 'file' && !form.upload) {
        form.upload = { bytes, originalName: part.filename, declaredMimeType: part.mimetype }
      }
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw options.tooLarge()
    throw err
  }
  return form
}

/** The form's file, or a 400 naming the missing `file` part. */
export function requireUpload(form: MultipartForm): UploadedFile {
  if (!form.upload)
    throw new AppError('validation_failed', 'No file was sent', [{ path: 'file', message: 'Required' }])
  return form.upload
}
