import { toApiError } from './api-client.ts'
import { i18n } from './i18n/i18n.ts'

/**
 * Same-origin multipart POST through XMLHttpRequest: fetch has no upload progress events. Resolves
 * with the parsed JSON body or rejects with an ApiError, like apiFetch. `onProgress` gets 0–100.
 */
export function uploadWithProgress<T>(
  url: string,
  form: FormData,
  onProgress: (percent: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json')
    xhr.setRequestHeader('Accept-Language', i18n.language)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onload = () => {
      let payload: unknown
      try {
        payload = JSON.parse(xhr.responseText)
      } catch {
        payload = xhr.responseText
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as T)
      else reject(toApiError({ status: xhr.status, statusText: xhr.statusText }, payload))
    }
    xhr.onerror = () => reject(toApiError({ status: 0, statusText: 'Network error' }, undefined))
    xhr.send(form)
  })
}
