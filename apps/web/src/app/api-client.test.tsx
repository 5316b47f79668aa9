import { afterEach, describe, expect, it } from 'vitest'
import { fakeApi, json, problem } from '../test/fake-api.ts'
import { ApiError, apiFetch, fieldErrorsByName, toApiError } from './api-client.ts'
import { changeLanguage } from './i18n/i18n.ts'

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected the request to fail')
}

describe('apiFetch', () => {
  afterEach(() => changeLanguage('es-CO'))

  it('sends JSON with the UI language and drops empty query values', async () => {
    const api = fakeApi({ 'POST /api/v1/orgs': () => json({ ok: true }, 201) })
    await expect(
      apiFetch('/api/v1/orgs', {
        method: 'POST',
        body: { a: 1 },
        query: { limit: 5, cursor: undefined, q: '' },
      }),
    ).resolves.toEqual({ ok: true })
    const [call] = api.calls
    expect(call?.query.toString()).toBe('limit=5')
    expect(call?.body).toEqual({ a: 1 })
    expect(call?.headers.get('accept-language')).toBe('es-CO')
    expect(call?.headers.get('content-type')).toBe('application/json')

    await changeLanguage('en')
    await apiFetch('/api/v1/orgs', { method: 'POST', body: {} })
    expect(api.calls[1]?.headers.get('accept-language')).toBe('en')
  })

  it('turns a problem+json into an ApiError with field errors keyed by the last path segment', async () => {
    fakeApi({
      'POST /api/v1/orgs': () =>
        problem(409, 'conflict', {
          title: 'Conflicto',
          detail: 'El identificador ya existe',
          requestId: 'req-42',
          errors: [
            { path: 'body.slug', message: 'Ya está en uso' },
            { path: 'body.slug', message: 'segundo mensaje' },
            { path: 'name', message: 'Muy corto' },
          ],
        }),
    })
    const error = await failure(apiFetch('/api/v1/orgs', { method: 'POST', body: {} }))
    expect(error).toMatchObject({
      status: 409,
      code: 'conflict',
      requestId: 'req-42',
      message: 'El identificador ya existe',
    })
    expect(error.fieldErrors).toEqual({ slug: 'Ya está en uso', name: 'Muy corto' })
    expect(error.problem?.title).toBe('Conflicto')
  })

  it("keeps Better Auth's { code, message } code", async () => {
    fakeApi({
      'POST /api/auth/sign-up/email': () =>
        json({ code: 'USER_ALREADY_EXISTS', message: 'User already exists.' }, 422),
    })
    const error = await failure(apiFetch('/api/auth/sign-up/email', { method: 'POST', body: {} }))
    expect(error).toMatchObject({ status: 422, code: 'USER_ALREADY_EXISTS', problem: undefined })
  })

  it('reports network failures as status 0', async () => {
    const api = fakeApi({})
    api.fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    const error = await failure(apiFetch('/api/v1/me'))
    expect(error).toMatchObject({ status: 0, code: 'network_error' })
  })

  it('copes with bodies that are not JSON', () => {
    expect(toApiError({ status: 502, statusText: 'Bad Gateway' }, '<html>')).toMatchObject({
      status: 502,
      code: 'http_502',
    })
    expect(toApiError({ status: 429, statusText: '' }, { message: 'Too many requests' })).toMatchObject({
      code: 'rate_limited',
    })
  })

  it('maps nested and slash-separated paths', () => {
    expect(
      fieldErrorsByName([
        { path: 'body.address.city', message: 'x' },
        { path: '/body/slug', message: 'y' },
      ]),
    ).toEqual({
      city: 'x',
      slug: 'y',
    })
  })
})
