import { MantineProvider } from '@mantine/core'
import type { DocumentVersion, DocumentWithVersions } from '@minga/contracts'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { i18n } from '../../app/i18n/i18n.ts'
import { theme } from '../../app/theme.ts'
import { fakeApi, json } from '../../test/fake-api.ts'
import { DocumentsPanel } from './documents-panel.tsx'

const BASE = '/api/v1/orgs/coop-la-minga/documents'
const PERSON = '0190f7a0-0000-7000-8000-0000000000a1'
const DOC = '0190f7a0-0000-7000-8000-0000000000d1'

const version = (n: number, isLatest: boolean): DocumentVersion => ({
  id: `0190f7a0-0000-7000-8000-00000000010${n}`,
  versionNumber: n,
  isLatest,
  fileId: `0190f7a0-0000-7000-8000-00000000020${n}`,
  originalName: `certificado-v${n}.pdf`,
  mimeType: 'application/pdf',
  size: 1200,
  uploadedBy: null,
  createdAt: '2026-03-10T15:00:00.000Z',
})

const doc: DocumentWithVersions = {
  id: DOC,
  entityType: 'person',
  entityId: PERSON,
  documentType: 'certificado_laboral',
  title: 'Certificado laboral 2026',
  description: null,
  visibility: 'roles',
  visibleToRoles: ['tesoreria'],
  uploadedBy: null,
  versionCount: 2,
  latest: version(2, true),
  createdAt: '2026-03-10T15:00:00.000Z',
  version: 2,
  versions: [version(2, true), version(1, false)],
}

function renderPanel(canWrite: boolean) {
  const user = userEvent.setup()
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <MantineProvider theme={theme} env="test">
          <DocumentsPanel slug="coop-la-minga" entityType="person" entityId={PERSON} canWrite={canWrite} />
        </MantineProvider>
      </I18nextProvider>
    </QueryClientProvider>,
  )
  return { user }
}

describe('DocumentsPanel', () => {
  it('lists the entity’s documents and previews the latest PDF with its versions', async () => {
    const api = fakeApi({
      [`GET ${BASE}`]: () => json({ items: [doc], nextCursor: null }),
      [`GET ${BASE}/${DOC}`]: () => json(doc),
      [`GET ${BASE}/${DOC}/download-url`]: () =>
        json({ url: '/api/files/signed-token', expiresAt: '2026-03-10T15:02:00.000Z' }),
    })
    await i18n.changeLanguage('es-CO')
    const { user } = renderPanel(false)
    const table = await screen.findByRole('table', { name: 'Documentos adjuntos' })
    const cells = within(within(table).getAllByRole('row')[1]!)
      .getAllByRole('cell')
      .map((c) => c.textContent)
    expect(cells).toEqual([
      'Certificado laboral 2026',
      'Certificado laboral',
      '2 versiones',
      'Por roles',
      'Ver',
    ])
    const list = api.callsTo('GET', BASE)[0]!
    expect(list.query.get('entityType')).toBe('person')
    expect(list.query.get('entityId')).toBe(PERSON)
    expect(screen.queryByRole('button', { name: 'Subir documento' })).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Ver' }))
    const frame = await screen.findByTitle('Certificado laboral 2026')
    expect(frame.tagName).toBe('IFRAME')
    expect(frame.getAttribute('src')).toBe('/api/files/signed-token')
    expect(api.callsTo('GET', `${BASE}/${DOC}/download-url`)[0]!.query.get('versionId')).toBe(
      version(2, true).id,
    )
    expect(screen.getByText('Versión 2 · certificado-v2.pdf')).toBeInTheDocument()
    expect(screen.getByText('Versión 1 · certificado-v1.pdf')).toBeInTheDocument()
    expect(screen.getByText('vigente')).toBeInTheDocument()
  })

  it('shows the upload form to writers and an empty state', async () => {
    fakeApi({ [`GET ${BASE}`]: () => json({ items: [], nextCursor: null }) })
    await i18n.changeLanguage('es-CO')
    renderPanel(true)
    expect(await screen.findByText('Aún no hay documentos.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Subir documento' })).toBeDisabled()
  })
})
