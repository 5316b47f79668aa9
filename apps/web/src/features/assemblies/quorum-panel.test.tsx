import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeQuorum } from './assembly-fixtures.ts'
import { QuorumPanel } from './quorum-panel.tsx'
import { renderPart } from './test-render.tsx'

describe('quorum panel', () => {
  it('shows present, absent and proxy counts, heads and coefficient bars and the verdict', () => {
    renderPart(<QuorumPanel status={makeQuorum()} timeZone="America/Bogota" />)

    expect(screen.getByRole('heading', { name: 'Quórum en vivo' })).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('Hay quórum')
    expect(screen.getByText('Primera convocatoria · Quórum de primera convocatoria')).toBeInTheDocument()
    expect(screen.getByLabelText('Presentes: 22')).toBeInTheDocument()
    expect(screen.getByLabelText('Ausentes: 18')).toBeInTheDocument()
    expect(screen.getByLabelText('Por poder: 3')).toBeInTheDocument()
    expect(screen.getByLabelText('Personas en la sala: 20')).toBeInTheDocument()

    const heads = screen.getByRole('progressbar', { name: 'Unidades presentes' })
    expect(heads).toHaveAttribute('aria-valuenow', '55')
    expect(screen.getByText('22 de 40 unidades')).toBeInTheDocument()
    const weight = screen.getByRole('progressbar', { name: 'Coeficiente presente' })
    expect(weight).toHaveAttribute('aria-valuenow', '52.5')
    expect(screen.getByText('52,500000 % de 100,000000 %')).toBeInTheDocument()

    const conditions = within(screen.getByRole('list', { name: 'Condiciones' })).getAllByRole('listitem')
    expect(conditions.map((item) => item.textContent)).toEqual([
      'Al menos 2 unidades presentes · Se necesita: 2 unidades · Cumplida',
      'Coeficiente presente: más de 50 % del total · Se necesita: 50,000001 % · Cumplida',
    ])
    expect(screen.getByText(/^Actualizado: 28\/03\/2026,\s9:20\sa\.\sm\.$/)).toBeInTheDocument()
  })

  it('says there is no quorum, under the second call, and what is still needed', () => {
    const status = makeQuorum({
      call: 'second',
      count: {
        ...makeQuorum().count,
        presentSeats: 1,
        presentByHolder: 1,
        presentByProxy: 0,
        attendees: 1,
        presentWeight: 4_000_000,
      },
      verdict: {
        met: false,
        basis: null,
        conditions: [
          {
            kind: 'minimum-seats',
            share: null,
            comparison: null,
            count: 2,
            present: 1,
            of: 40,
            required: 2,
            met: false,
          },
        ],
      },
    })
    renderPart(<QuorumPanel status={status} timeZone="America/Bogota" />)

    expect(screen.getByRole('status')).toHaveTextContent('Sin quórum')
    expect(screen.getByText('Segunda convocatoria')).toBeInTheDocument()
    expect(screen.getByLabelText('Ausentes: 39')).toBeInTheDocument()
    expect(screen.getByRole('progressbar', { name: 'Coeficiente presente' })).toHaveAttribute(
      'aria-valuenow',
      '4',
    )
    expect(screen.getByText('4,000000 % de 100,000000 %')).toBeInTheDocument()
    expect(screen.getByRole('listitem')).toHaveTextContent(
      'Al menos 2 unidades presentes · Se necesita: 2 unidades · No cumplida',
    )
  })

  it('speaks English when the UI does', async () => {
    const { i18n } = await import('../../app/i18n/i18n.ts')
    await i18n.changeLanguage('en')
    renderPart(<QuorumPanel status={makeQuorum()} timeZone="America/Bogota" />)
    expect(screen.getByRole('status')).toHaveTextContent('Quorum reached')
    expect(screen.getByText('52.500000 % of 100.000000 %')).toBeInTheDocument()
  })
})
