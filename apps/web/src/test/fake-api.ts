import { vi } from 'vitest'

export interface FakeRequest {
  method: string
  path: string
  query: URLSearchParams
  body: unknown
  headers: Headers
}

type Handler = (request: FakeRequest) => Response | Promise<Response>

/** A JSON response as the server sends it. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

/** An RFC 9457 problem as the Minga API sends it. */
export function problem(
  status: number,
  code: string,
  extra: {
    title?: string
    detail?: string
    errors?: { path: string; message: string }[]
    requestId?: string
  } = {},
): Response {
  const body = {
    type: `https://minga.dev/problems/${code}`,
    title: extra.title ?? code,
    status,
    code,
    requestId: 'req-test-1',
    ...extra,
  }
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  })
}

/**
 * Replace fetch with a router keyed by "METHOD /path" (no query string). Unknown routes answer a
 * 404 problem, so a test never reaches the network. `calls` records every request.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const calls: FakeRequest[] = []
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      'http://minga.test',
    )
    const method = (init.method ?? 'GET').toUpperCase()
    const raw = typeof init.body === 'string' ? init.body : undefined
    const request: FakeRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body: raw === undefined ? undefined : (JSON.parse(raw) as unknown),
      headers: new Headers(init.headers),
    }
    calls.push(request)
    const handler = routes[`${method} ${url.pathname}`]
    return handler ? handler(request) : problem(404, 'not_found', { title: 'Not found' })
  })
  vi.stubGlobal('fetch', fetchMock)
  return {
    calls,
    fetchMock,
    callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path),
  }
}
