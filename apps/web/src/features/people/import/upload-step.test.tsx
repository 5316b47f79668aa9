import { act, fireEvent, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { json } from '../../../test/fake-api.ts'
import { renderApp } from '../../../test/render-app.tsx'
import { base, importApi, importId, makeImport } from './import-fixtures.ts'

/** XMLHttpRequest stand-in: records each upload and answers when the test says so. */
class FakeXhr {
  static sent: FakeXhr[] = []
  method = ''
  url = ''
  body: FormData | null = null
  status = 0
  statusText = ''
  responseText = ''
  withCredentials = false
  headers: Record<string, string> = {}
  upload: {
    onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null
  } = {
    onprogress: null,
  }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }
  send(body: FormData) {
    this.body = body
    FakeXhr.sent.push(this)
  }
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total }))
  }
  respond(status: number, body: unknown) {
    this.status = status
    this.responseText = JSON.stringify(body)
    act(() => this.onload?.())
  }
}

beforeEach(() => {
  FakeXhr.sent = []
  vi.stubGlobal('XMLHttpRequest', FakeXhr)
})
afterEach(() => vi.unstubAllGlobals())

const fileInput = () => {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')
  if (!input) throw new Error('no file input')
  return input
}

describe('people import wizard: upload', () => {
  it('uploads with progress, shows the server 422 messages, then opens the mapping step', async () => {
    importApi({ [`GET ${base}/people/imports/${importId}`]: () => json(makeImport()) })
    const { user, router } = renderApp('/o/coop-la-minga/people/import')
    await screen.findByRole('heading', { name: 'Importar personas' })
    expect(await screen.findByText('Aún no hay importaciones.')).toBeInTheDocument()

    const csv = new File(['Tipo Doc;Cédula\nCC;123\n'], 'asociados.csv', { type: 'text/csv' })
    await user.upload(fileInput(), csv)
    await user.click(screen.getByRole('button', { name: 'Subir archivo' }))
    const first = FakeXhr.sent[0]!
    expect(first.method).toBe('POST')
    expect(first.url).toBe(`${base}/people/imports`)
    expect(first.body?.get('file')).toMatchObject({ name: 'asociados.csv' })
    first.progress(50, 100)
    expect(screen.getByRole('progressbar', { name: 'Subiendo 50 %' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Subir archivo' })).toBeDisabled()
    first.respond(422, {
      type: 'https://minga.dev/problems/unprocessable',
      title: 'Solicitud no procesable',
      status: 422,
      code: 'unprocessable',
      detail: 'El archivo no se puede importar.',
      requestId: 'req-1',
      errors: [{ path: 'body.file', message: 'La columna «Nombres» aparece dos veces (columnas C y E).' }],
    })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('El archivo no se puede importar.')
    expect(alert).toHaveTextContent('La columna «Nombres» aparece dos veces (columnas C y E).')

    await user.click(screen.getByRole('button', { name: 'Subir archivo' }))
    FakeXhr.sent[1]!.respond(201, makeImport())
    expect(await screen.findByRole('combobox', { name: /^Tipo de documento/ })).toHaveValue('Tipo Doc')
    expect(router.state.location.search).toEqual({ import: importId })
  })

  it('refuses a dropped file that is not .csv or .xlsx before sending it', async () => {
    importApi()
    renderApp('/o/coop-la-minga/people/import')
    const zone = (await screen.findByText('Arrastra el archivo aquí o elígelo abajo.')).closest('div')!
    const pdf = new File(['%PDF'], 'personas.pdf', { type: 'application/pdf' })
    fireEvent.drop(zone, { dataTransfer: { files: [pdf] } })
    expect(await screen.findByText('Solo se aceptan archivos .csv o .xlsx.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Subir archivo' })).toBeDisabled()
    expect(FakeXhr.sent).toHaveLength(0)
  })
})
