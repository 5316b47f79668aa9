import type { PersonImport, PersonImportProgress } from '@minga/contracts'
import { act, screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { json, problem } from '../../../test/fake-api.ts'
import { renderApp } from '../../../test/render-app.tsx'
import { base, importApi, importId, makeImport, validated } from './import-fixtures.ts'

const realtime = vi.hoisted(() => ({ handlers: new Map<string, (payload: unknown) => void>() }))
vi.mock('../../../app/realtime.ts', () => ({
  useOrgEvent: () => {},
  useUserEvent: (event: string, handler: (payload: unknown) => void) => {
    realtime.handlers.set(event, handler)
  },
  emitClientEvent: () => {},
}))
beforeEach(() => realtime.handlers.clear())

function push(progress: PersonImportProgress) {
  const handler = realtime.handlers.get('people.import.progress')
  if (!handler) throw new Error('nobody listens to people.import.progress')
  act(() => handler(progress))
}

const importPath = `${base}/people/imports/${importId}`
const wizardUrl = `/o/coop-la-minga/people/import?import=${importId}`

async function pick(user: ReturnType<typeof renderApp>['user'], field: RegExp, option: string) {
  await user.click(screen.getByRole('combobox', { name: field }))
  await user.click(await screen.findByRole('option', { name: option }))
}

describe('people import wizard: mapping', () => {
  it('preselects the suggestion, flags a header used twice, shows server field errors and sends the mapping', async () => {
    let current: PersonImport = makeImport()
    let validateCalls = 0
    const api = importApi({
      [`GET ${importPath}`]: () => json(current),
      [`POST ${importPath}/validate`]: () => {
        validateCalls += 1
        if (validateCalls === 1) {
          return problem(422, 'unprocessable', {
            title: 'Solicitud no procesable',
            errors: [
              {
                path: 'body.mapping.phone',
                message: 'Mapear el teléfono requiere permiso de datos sensibles',
              },
            ],
          })
        }
        current = makeImport({ status: 'validating', assignMembershipNumbers: true })
        return json(current, 202)
      },
    })
    const { user } = renderApp(wizardUrl)

    const documentType = await screen.findByRole('combobox', { name: /^Tipo de documento/ })
    expect(documentType).toHaveValue('Tipo Doc')
    expect(screen.getByRole('combobox', { name: /^Número de documento/ })).toHaveValue('Cédula')
    expect(screen.getByRole('combobox', { name: /^Correo/ })).toHaveValue('Correo')
    expect(screen.getByRole('combobox', { name: /^Razón social/ })).toHaveValue('No importar')
    expect(screen.getByText('Ejemplo: CC · NIT')).toBeInTheDocument()
    expect(screen.getByText('asociados.csv: 2500 filas')).toBeInTheDocument()

    await pick(user, /^Razón social/, 'Nombres')
    expect(screen.getAllByText('La columna «Nombres» está asignada a más de un campo.')).toHaveLength(2)
    expect(screen.getByRole('button', { name: 'Validar' })).toBeDisabled()
    await pick(user, /^Razón social/, 'No importar')
    expect(screen.queryByText(/está asignada a más de un campo/)).toBeNull()

    await pick(user, /^Teléfono/, 'Celular')
    expect(screen.getByText('Ejemplo: ****567')).toBeInTheDocument()
    await user.click(screen.getByRole('switch', { name: /^Asignar número de asociado a los nuevos/ }))
    await user.click(screen.getByRole('button', { name: 'Validar' }))
    const phone = screen.getByRole('combobox', { name: /^Teléfono/ })
    expect(
      await screen.findByText('Mapear el teléfono requiere permiso de datos sensibles'),
    ).toBeInTheDocument()
    expect(phone).toHaveAttribute('aria-invalid', 'true')

    await pick(user, /^Teléfono/, 'No importar')
    await user.click(screen.getByRole('button', { name: 'Validar' }))
    expect(await screen.findByRole('progressbar', { name: 'Progreso de la validación' })).toBeInTheDocument()
    expect(api.callsTo('POST', `${importPath}/validate`)[1]?.body).toEqual({
      mapping: {
        documentType: 'Tipo Doc',
        documentNumber: 'Cédula',
        firstNames: 'Nombres',
        lastNames: 'Apellidos',
        email: 'Correo',
      },
      assignMembershipNumbers: true,
    })
  })
})

describe('people import wizard: validation', () => {
  it('follows realtime progress, then shows the counts, the paginated errors and the report link', async () => {
    let current: PersonImport = makeImport({ status: 'validating' })
    const api = importApi({
      [`GET ${importPath}`]: () => json(current),
      [`GET ${importPath}/errors`]: (request) =>
        request.query.get('cursor') === 'page-2'
          ? json({ items: [{ row: 40, column: null, message: 'Fila repetida' }], nextCursor: null })
          : json({
              items: [
                { row: 3, column: 'Cédula', message: 'Una CC tiene de 3 a 10 dígitos' },
                { row: 7, column: 'Fecha nacimiento', message: 'La fecha 2024-02-30 no existe' },
              ],
              nextCursor: 'page-2',
            }),
    })
    const { user } = renderApp(wizardUrl)
    const bar = await screen.findByRole('progressbar', { name: 'Progreso de la validación' })
    expect(screen.getByText('Validando el archivo…')).toBeInTheDocument()

    push({ importId, status: 'validating', processed: 1000, total: 2500 })
    expect(screen.getByText('Procesadas 1000 de 2500 filas')).toBeInTheDocument()
    expect(bar).toHaveAttribute('aria-valuenow', '40')
    // Another import's events are not this one's progress.
    push({ importId: '0190f7a0-0000-7000-8000-0000000000f9', status: 'validating', processed: 5, total: 9 })
    expect(screen.getByText('Procesadas 1000 de 2500 filas')).toBeInTheDocument()

    current = validated()
    push({ importId, status: 'validated', processed: 2500, total: 2500 })
    const counts = await screen.findByLabelText('Resultado de la validación')
    expect(within(counts).getByText('Con errores').nextSibling?.textContent).toBe('3')
    expect(within(counts).getByText('Nuevas').nextSibling?.textContent).toBe('2.000')
    expect(within(counts).getByText('A actualizar').nextSibling?.textContent).toBe('497')

    const table = await screen.findByRole('table', { name: 'Errores encontrados' })
    await within(table).findByText('Una CC tiene de 3 a 10 dígitos')
    const cells = within(within(table).getAllByRole('row')[2]!)
      .getAllByRole('cell')
      .map((c) => c.textContent)
    expect(cells).toEqual(['7', 'Fecha nacimiento', 'La fecha 2024-02-30 no existe'])
    expect(screen.getByRole('link', { name: 'Descargar reporte' })).toHaveAttribute(
      'href',
      `${importPath}/report.csv`,
    )

    await user.click(screen.getByRole('button', { name: 'Página siguiente' }))
    expect(await within(table).findByText('Toda la fila')).toBeInTheDocument()
    expect(screen.getByText('Página 2')).toBeInTheDocument()
    expect(api.callsTo('GET', `${importPath}/errors`).at(-1)?.query.get('cursor')).toBe('page-2')
    await user.click(screen.getByRole('button', { name: 'Página anterior' }))
    expect(await within(table).findByText('Una CC tiene de 3 a 10 dígitos')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Cambiar mapeo' }))
    expect(await screen.findByRole('combobox', { name: /^Tipo de documento/ })).toHaveValue('Tipo Doc')
  })
})

describe('people import wizard: commit', () => {
  it('disables all-or-nothing with errors, commits the valid rows and shows the summary', async () => {
    let current: PersonImport = validated()
    const api = importApi({
      [`GET ${importPath}`]: () => json(current),
      [`GET ${importPath}/errors`]: () =>
        json({ items: [{ row: 3, column: 'Cédula', message: 'Inválida' }], nextCursor: null }),
      [`POST ${importPath}/commit`]: () => {
        current = validated({ status: 'committing', mode: 'valid_only' })
        return json(current, 202)
      },
    })
    const { user } = renderApp(wizardUrl)
    await user.click(await screen.findByRole('button', { name: 'Continuar' }))

    const allOrNothing = await screen.findByRole('radio', { name: 'Todo o nada' })
    expect(allOrNothing).toBeDisabled()
    expect(screen.getByText(/No disponible: hay filas con errores/)).toBeInTheDocument()
    const validOnly = screen.getByRole('radio', { name: 'Solo las filas válidas (se omiten 3)' })
    expect(validOnly).toBeChecked()

    await user.click(screen.getByRole('button', { name: 'Confirmar importación' }))
    expect(await screen.findByRole('progressbar', { name: 'Progreso de la importación' })).toBeInTheDocument()
    expect(api.callsTo('POST', `${importPath}/commit`)[0]?.body).toEqual({ mode: 'valid_only' })
    // The validation's last event does not count as the commit's progress.
    push({ importId, status: 'validated', processed: 2500, total: 2500 })
    expect(screen.getByText('Importando…')).toBeInTheDocument()
    push({ importId, status: 'committing', processed: 1000, total: 2497 })
    expect(screen.getByText('Procesadas 1000 de 2497 filas')).toBeInTheDocument()

    current = validated({
      status: 'committed',
      mode: 'valid_only',
      created: 2000,
      updated: 400,
      unchanged: 97,
      skipped: 3,
    })
    push({ importId, status: 'committed', processed: 2497, total: 2497 })
    expect(await screen.findByText('Importación terminada')).toBeInTheDocument()
    const summary = screen.getByLabelText('Resultado de la importación')
    expect(within(summary).getByText('Creadas').nextSibling?.textContent).toBe('2.000')
    expect(within(summary).getByText('Actualizadas').nextSibling?.textContent).toBe('400')
    expect(within(summary).getByText('Sin cambios').nextSibling?.textContent).toBe('97')
    expect(within(summary).getByText('Omitidas').nextSibling?.textContent).toBe('3')
    expect(screen.getByRole('link', { name: 'Ir a la lista de personas' })).toHaveAttribute(
      'href',
      '/o/coop-la-minga/people',
    )
  })

  it('offers all-or-nothing without errors and shows why a commit failed', async () => {
    let current: PersonImport = validated({ errorRows: 0, validRows: 2500 })
    const api = importApi({
      [`GET ${importPath}`]: () => json(current),
      [`POST ${importPath}/commit`]: () => {
        current = validated({
          status: 'failed',
          mode: 'all_or_nothing',
          errorRows: 1,
          failureMessage: 'Una fila no pasó la validación al importar: no se guardó nada.',
        })
        return json(current, 202)
      },
      [`GET ${importPath}/errors`]: () =>
        json({ items: [{ row: 9, column: 'Cédula', message: 'Ya existe otra persona' }], nextCursor: null }),
    })
    const { user } = renderApp(wizardUrl)
    expect(
      await screen.findByText('No se encontraron errores: todas las filas son válidas.'),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Continuar' }))
    expect(screen.getByRole('radio', { name: 'Todo o nada' })).toBeChecked()
    expect(screen.getByRole('radio', { name: 'Todo o nada' })).toBeEnabled()
    await user.click(screen.getByRole('button', { name: 'Confirmar importación' }))
    expect(api.callsTo('POST', `${importPath}/commit`)[0]?.body).toEqual({ mode: 'all_or_nothing' })
    expect(
      await screen.findByText('Una fila no pasó la validación al importar: no se guardó nada.'),
    ).toBeInTheDocument()
    expect(await screen.findByText('Ya existe otra persona')).toBeInTheDocument()
  })
})
