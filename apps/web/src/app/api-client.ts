import type { FieldError, Problem } from '@minga/contracts'
import { i18n } from './i18n/i18n.ts'

/**
 * Every failed request becomes an ApiError. It understands two error bodies:
 * - RFC 9457 problem+json from the Minga API: `{ type, title, status, code, errors?, requestId }`;
 * - Better Auth's `{ code, message }` from `/api/auth/*`.
 * Network failures get status 0 and code `network_error`.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly status: number
  readonly code: string
  readonly requestId: string | undefined
  readonly problem: Problem | undefined
  /** Field messages keyed by the last segment of the error path (`body.slug` → `slug`). */
  readonly fieldErrors: Record<string, string>

  constructor(init: {
    status: number
    code: string
    message: string
    requestId?: string | undefined
    problem?: Problem | undefined
    errors?: readonly FieldError[] | undefined
  }) {
    super(init.message)
    this.status = init.status
    this.code = init.code
    this.requestId = init.requestId
    this.problem = init.problem
    this.fieldErrors = fieldErrorsByName(init.errors ?? [])
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

/** 403 `two_factor_required`: the org requires two-step verification for this person's role. */
export function isTwoFactorRequired(error: unknown): boolean {
  return isApiError(error) && error.status === 403 && error.code === 'two_factor_required'
}

/** `body.slug` and `slug` both land on `slug`; the first message per field wins. */
export function fieldErrorsByName(errors: readonly FieldError[]): Record<string, string> {
  const byName: Record<string, string> = {}
  for (const error of errors) {
    const name = lastPathSegment(error.path)
    if (name && byName[name] === undefined) byName[name] = error.message
  }
  return byName
}

function lastPathSegment(path: string): string {
  const segments = path.split(/[./]/).filter(Boolean)
  return segments.at(-1) ?? ''
}

export type Query = Record<string, string | number | boolean | null | undefined>

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  query?: Query
  signal?: AbortSignal | undefined
  headers?: Record<string, string>
}

/** Same-origin JSON request to the Minga server; resolves with the parsed body or throws ApiError. */
export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = options.body === undefined ? 'GET' : 'POST', body, query, signal } = options
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18n.language,
    ...options.headers,
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json'

  let response: Response
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
      signal: signal ?? null,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError({ status: 0, code: 'network_error', message: 'Network error' })
  }

  const payload = await readBody(response)
  if (!response.ok) throw toApiError(response, payload)
  return payload as T
}

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined
  const text = await response.text()
  if (!text) return undefined
  const type = response.headers.get('content-type') ?? ''
  if (!type.includes('json')) return text
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** Turn an error response into an ApiError, whatever shape its body has. */
export function toApiError(response: Pick<Response, 'status' | 'statusText'>, payload: unknown): ApiError {
  const status = response.status
  if (isProblem(payload)) {
    return new ApiError({
      status: payload.status || status,
      code: payload.code,
      message: payload.detail ?? payload.title,
      requestId: payload.requestId,
      problem: payload,
      errors: payload.errors,
    })
  }
  if (isRecord(payload)) {
    // Better Auth: { code, message }; rate limiter: { message }
    const code = typeof payload.code === 'string' ? payload.code : defaultCode(status)
    const message = typeof payload.message === 'string' ? payload.message : response.statusText
    return new ApiError({ status, code, message })
  }
  return new ApiError({ status, code: defaultCode(status), message: response.statusText || `HTTP ${status}` })
}

function defaultCode(status: number): string {
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not_found'
  if (status === 429) return 'rate_limited'
  return `http_${status}`
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isProblem(value: unknown): value is Problem {
  return (
    isRecord(value) &&
    typeof value.status === 'number' &&
    typeof value.title === 'string' &&
    typeof value.code === 'string'
  )
}
