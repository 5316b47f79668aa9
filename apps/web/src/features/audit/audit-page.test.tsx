import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json, problem } from '../../test/fake-api.ts'
import { makeAuditEvent, makeOrg, moduleCatalog, signedIn } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'

function auditApi(role: 'owner' | 'admin' | 'member', audit: Parameters<typeof fakeApi>[0][string]) {
  const org = makeOrg({ role })
  return fakeApi({
    'GET /api/v1/me': signedIn,
    'GET /api/v1/modules': moduleCatalog,
    'GET /api/v1/orgs': () => json({ items: [org], nextCursor: null }),
    'GET /api/v1/orgs/coop-la-minga': () => json(org),
    'GET /api/v1/orgs/coop-la-minga/audit': audit,
  })
}

describe('audit page', () => {
  it('lists events with the date in Bogotá time, the actor, action and entity, and loads more', async () => {
    const api = auditApi('admin', (request) =>
      request.query.get('cursor') === 'c2'
        ? json({
            items: [
              makeAuditEvent({ id: 'e3', action: 'member.added', entityType: 'membership', actorId: null }),
            ],
            nextCursor: null,
          })
        : json({
            items: [
              // 02:00 UTC on 6 March is 9:00 p. m. on 5 March in Bogotá (UTC−5)
              makeAuditEvent({ id: 'e1' }),
              makeAuditEvent({
                id: 'e2',
                actorId: 'user-luis',
                action: 'branch.created',
                entityType: 'branch',
                entityId: 'br-1',
                occurredAt: '2026-03-04T15:05:00.000Z',
              }),
            ],
            nextCursor: 'c2',
          }),
    )
    const { user } = renderApp('/o/coop-la-minga/audit')
    const table = await screen.findByRole('table', { name: 'Eventos de auditoría' })
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent)
    expect(headers).toEqual(['Fecha', 'Actor', 'Acción', 'Entidad'])
    expect(document.title).toBe('Auditoría · Minga')

    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(2)
    const first = within(rows[0]!)
      .getAllByRole('cell')
      .map((cell) => cell.textContent)
    expect(first[0]).toMatch(/^5\/03\/2026,\s9:00\sp\.\sm\.$/)
    expect(first[1]).toBe('Ana Restrepo (tú)')
    expect(first[2]).toBe('org.created')
    const second = within(rows[1]!)
      .getAllByRole('cell')
      .map((cell) => cell.textContent)
    expect(second[0]).toMatch(/^4\/03\/2026,\s10:05\sa\.\sm\.$/)
    expect(second[1]).toBe('user-luis')
    expect(second[3]).toBe('branchbr-1')

    await user.click(screen.getByRole('button', { name: 'Cargar más' }))
    expect(await screen.findByText('member.added')).toBeInTheDocument()
    expect(within(table).getAllByRole('row')).toHaveLength(4)
    expect(screen.getByText('Sistema')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Cargar más' })).not.toBeInTheDocument()
    expect(
      api.callsTo('GET', '/api/v1/orgs/coop-la-minga/audit').map((call) => call.query.get('cursor')),
    ).toEqual([null, 'c2'])
  })

  it('shows an empty state', async () => {
    auditApi('owner', () => json({ items: [], nextCursor: null }))
    renderApp('/o/coop-la-minga/audit')
    expect(await screen.findByText('Aún no hay eventos de auditoría.')).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('does not ask the server when the role is member', async () => {
    const api = auditApi('member', () => json({ items: [], nextCursor: null }))
    renderApp('/o/coop-la-minga/audit')
    expect(
      await screen.findByText('Solo los propietarios y administradores pueden ver la auditoría.'),
    ).toBeInTheDocument()
    expect(api.callsTo('GET', '/api/v1/orgs/coop-la-minga/audit')).toHaveLength(0)
  })

  it('explains a 403 from the server', async () => {
    auditApi('admin', () => problem(403, 'forbidden', { title: 'Prohibido' }))
    renderApp('/o/coop-la-minga/audit')
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Solo los propietarios y administradores pueden ver la auditoría.',
    )
  })
})
