import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json, problem } from '../../test/fake-api.ts'
import { makeOrg, moduleCatalog, signedIn } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'
import { assemblyId, makeAssembly, makeMotion, makeQuorum } from './assembly-fixtures.ts'

const org = makeOrg({ kind: 'housing', enabledModules: ['assemblies'], role: 'admin' })
const base = '/api/v1/orgs/coop-la-minga'

function assemblyApi(
  routes: Parameters<typeof fakeApi>[0],
  permissions = { all: true, permissions: [] as string[] },
) {
  return fakeApi({
    'GET /api/v1/me': signedIn,
    'GET /api/v1/modules': moduleCatalog,
    'GET /api/v1/orgs': () => json({ items: [org], nextCursor: null }),
    [`GET ${base}`]: () => json(org),
    [`GET ${base}/me/permissions`]: () => json({ role: org.role, branches: [], ...permissions }),
    ...routes,
  })
}

describe('assembly pages', () => {
  it('creates an assembly with its agenda, reading the first call in Bogotá time', async () => {
    const api = assemblyApi({
      [`GET ${base}/assemblies`]: () => json({ items: [], nextCursor: null }),
      [`POST ${base}/assemblies`]: () => json(makeAssembly({ status: 'draft' }), 201),
      [`GET ${base}/assemblies/${assemblyId}`]: () => json(makeAssembly({ status: 'draft' })),
      [`GET ${base}/assemblies/${assemblyId}/motions`]: () => json({ items: [] }),
    })
    const { user, router } = renderApp('/o/coop-la-minga/assemblies')
    expect(await screen.findByText('Aún no hay asambleas.')).toBeInTheDocument()
    await user.click(screen.getByRole('link', { name: 'Nueva asamblea' }))

    await user.type(await screen.findByLabelText(/Nombre de la asamblea/), 'Asamblea ordinaria 2026')
    await user.type(screen.getByLabelText(/Fecha y hora de la primera convocatoria/), '2026-03-28T09:00')
    await user.type(screen.getByLabelText('Fecha de envío de la convocatoria'), '2026-03-20')
    // 15 calendar days from 20 March: the inline legal-notice warning before anything is sent.
    expect(
      screen.getByText(
        'Con la convocatoria enviada el 20/03/2026, la asamblea no puede reunirse antes del 4/04/2026.',
      ),
    ).toBeInTheDocument()
    await user.clear(screen.getByLabelText('Fecha de envío de la convocatoria'))
    await user.type(screen.getByLabelText('Fecha de envío de la convocatoria'), '2026-03-10')
    expect(screen.queryByText(/no puede reunirse antes/)).not.toBeInTheDocument()
    await user.type(screen.getByLabelText('Punto 1 del orden del día'), 'Presupuesto 2026')
    await user.click(screen.getByRole('button', { name: 'Agregar punto' }))
    await user.type(screen.getByLabelText('Punto 2 del orden del día'), 'Elección del consejo')
    await user.click(screen.getByRole('button', { name: 'Crear asamblea' }))

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Asamblea ordinaria 2026' }),
    ).toBeInTheDocument()
    expect(router.state.location.pathname).toBe(`/o/coop-la-minga/assemblies/${assemblyId}`)
    const [sent] = api.callsTo('POST', `${base}/assemblies`)
    expect(sent?.body).toMatchObject({
      title: 'Asamblea ordinaria 2026',
      kind: 'ordinary',
      modality: 'presential',
      legalFramework: 'horizontal-property',
      residential: true,
      firstCallAt: '2026-03-28T14:00:00.000Z',
      noticeSentOn: '2026-03-10',
      agenda: [{ title: 'Presupuesto 2026' }, { title: 'Elección del consejo' }],
    })
  })

  it('shows the convocation problems from problem+json: notice under the date, coefficients above', async () => {
    assemblyApi({
      [`GET ${base}/assemblies/${assemblyId}`]: () =>
        json(makeAssembly({ status: 'draft', noticeSentOn: '2026-03-20' })),
      [`GET ${base}/assemblies/${assemblyId}/motions`]: () => json({ items: [] }),
      [`POST ${base}/assemblies/${assemblyId}/convene`]: () =>
        problem(422, 'unprocessable', {
          title: 'Unprocessable',
          errors: [
            {
              path: 'body.noticeSentOn',
              message:
                'NOTICE_PERIOD_TOO_SHORT: an assembly convened on 2026-03-20 cannot meet before 2026-04-04; 2026-03-28 is too early',
            },
            {
              path: 'electorate.coefficients',
              message:
                'COEFFICIENTS_NOT_100: the coefficients of 40 units sum to 99.999999 %, 0.000001 % short of 100 %',
            },
          ],
        }),
    })
    const { user } = renderApp(`/o/coop-la-minga/assemblies/${assemblyId}`)
    await user.click(await screen.findByRole('button', { name: 'Convocar' }))
    const dialog = screen.getByRole('dialog', { name: 'Convocar la asamblea' })
    expect(within(dialog).getByLabelText('Fecha de envío de la convocatoria')).toHaveValue('2026-03-20')
    await user.click(within(dialog).getByRole('button', { name: 'Convocar ahora' }))

    expect(
      await within(dialog).findByText(
        'Con la convocatoria enviada el 20/03/2026, la asamblea no puede reunirse antes del 4/04/2026.',
      ),
    ).toBeInTheDocument()
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Los coeficientes de 40 unidades suman 99,999999 %: faltan 0,000001 % para el 100 %.',
    )
  })

  it('lets a resident vote for their unit from the phone screen', async () => {
    const motion = makeMotion()
    const seat = {
      unitId: '0190f7a0-0000-7000-8000-00000000d101',
      code: 'T1-101',
      coefficient: 2_500_000,
      via: 'holder' as const,
      proxyId: null,
      present: true,
      motions: [
        {
          motionId: motion.id,
          agendaItemId: motion.agendaItemId,
          state: 'open' as const,
          canVote: true,
          voted: false,
        },
      ],
    }
    const api = assemblyApi(
      {
        [`GET ${base}/assemblies/${assemblyId}`]: () => json(makeAssembly()),
        [`GET ${base}/assemblies/${assemblyId}/motions`]: () => json({ items: [motion] }),
        [`GET ${base}/assemblies/${assemblyId}/quorum`]: () => json(makeQuorum()),
        [`GET ${base}/assemblies/${assemblyId}/my-seats`]: () => json({ assemblyId, seats: [seat] }),
        [`POST ${base}/motions/${motion.id}/ballots`]: () =>
          json(
            {
              motionId: motion.id,
              unitId: seat.unitId,
              receipt: 'r'.repeat(64),
              nonce: 'n'.repeat(32),
              weight: 2_500_000,
              choice: ['no'],
            },
            201,
          ),
      },
      { all: false, permissions: ['assemblies:read', 'assemblies:vote'] },
    )
    const { user } = renderApp(`/o/coop-la-minga/assemblies/${assemblyId}/vote`)
    expect(await screen.findByRole('heading', { name: 'Mis unidades' })).toBeInTheDocument()
    expect(screen.getByText('Propia')).toBeInTheDocument()
    await user.click(
      within(screen.getByRole('group', { name: 'Opciones de T1-101' })).getByRole('button', { name: 'No' }),
    )
    await user.click(screen.getByRole('button', { name: 'Votar por T1-101' }))
    await user.click(screen.getByRole('button', { name: 'Confirmar voto' }))
    expect(await screen.findByText('Voto registrado')).toBeInTheDocument()
    expect(api.callsTo('POST', `${base}/motions/${motion.id}/ballots`)[0]?.body).toEqual({
      unitId: seat.unitId,
      choice: ['no'],
    })
  })

  it('shows a resident the arrival QR of a unit not yet checked in', async () => {
    const seat = {
      unitId: '0190f7a0-0000-7000-8000-00000000d102',
      code: 'T1-102',
      coefficient: 2_500_000,
      via: 'holder' as const,
      proxyId: null,
      present: false,
      qrToken: 'v1.token-of-t1-102',
      motions: [],
    }
    assemblyApi(
      {
        [`GET ${base}/assemblies/${assemblyId}`]: () => json(makeAssembly()),
        [`GET ${base}/assemblies/${assemblyId}/motions`]: () => json({ items: [] }),
        [`GET ${base}/assemblies/${assemblyId}/quorum`]: () => json(makeQuorum()),
        [`GET ${base}/assemblies/${assemblyId}/my-seats`]: () => json({ assemblyId, seats: [seat] }),
      },
      { all: false, permissions: ['assemblies:read', 'assemblies:vote'] },
    )
    const { user } = renderApp(`/o/coop-la-minga/assemblies/${assemblyId}/vote`)
    const show = await screen.findByRole('button', { name: 'Mostrar el código QR de llegada de T1-102' })
    expect(screen.queryByText(/al escanearlo queda registrada/)).not.toBeInTheDocument()
    await user.click(show)
    expect(await screen.findByText(/al escanearlo queda registrada tu llegada/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Ocultar el código QR' })).toHaveAttribute(
      'aria-expanded',
      'true',
    )
  })

  it('hides the console actions from a member and never asks for the attendance register', async () => {
    const api = assemblyApi(
      {
        [`GET ${base}/assemblies/${assemblyId}`]: () => json(makeAssembly()),
        [`GET ${base}/assemblies/${assemblyId}/motions`]: () => json({ items: [makeMotion()] }),
        [`GET ${base}/assemblies/${assemblyId}/quorum`]: () => json(makeQuorum()),
      },
      { all: false, permissions: ['assemblies:read', 'assemblies:vote'] },
    )
    renderApp(`/o/coop-la-minga/assemblies/${assemblyId}`)
    expect(await screen.findByRole('heading', { name: 'Quórum en vivo' })).toBeInTheDocument()
    expect(await screen.findByRole('link', { name: 'Votar' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Cerrar votación/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Registro de asistencia' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Cerrar la asamblea' })).not.toBeInTheDocument()
    expect(api.callsTo('GET', `${base}/assemblies/${assemblyId}/attendance`)).toHaveLength(0)
  })
})
