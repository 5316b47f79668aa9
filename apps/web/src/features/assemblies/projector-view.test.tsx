import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeAssembly, makeMotion, makeQuorum } from './assembly-fixtures.ts'
import { motionsToProject, ProjectorView } from './projector-view.tsx'
import { renderPart } from './test-render.tsx'
import { patchTally } from './use-assembly-live.ts'

describe('projector view', () => {
  it('shows live totals per option with coefficient and unit bars, turnout and the votes still needed', () => {
    renderPart(<ProjectorView assembly={makeAssembly()} quorum={makeQuorum()} motions={[makeMotion()]} />)

    expect(screen.getByRole('heading', { level: 1, name: 'Asamblea ordinaria 2026' })).toBeInTheDocument()
    const motion = within(screen.getByRole('region', { name: 'Aprobar el presupuesto 2026' }))
    // 17 ballots of the 22 units present when the motion opened.
    expect(motion.getByRole('progressbar', { name: '17 de 22 votos emitidos' })).toHaveAttribute(
      'aria-valuenow',
      '77.27',
    )
    // Art. 45: more than half of the 52.5 % present → 26.250001 % needed; the bars are shares of 52.5 %.
    expect(motion.getByText('Umbral: más de 50 % de lo presente en la reunión')).toBeInTheDocument()
    expect(motion.getByText('Votos necesarios: 26,250001 %')).toBeInTheDocument()
    expect(motion.getByRole('progressbar', { name: 'Coeficiente de Sí' })).toHaveAttribute(
      'aria-valuenow',
      '76.19',
    )
    expect(motion.getByText('40,00 %')).toBeInTheDocument()
    expect(motion.getByRole('progressbar', { name: 'Unidades de Sí' })).toHaveAttribute(
      'aria-valuenow',
      '54.55',
    )
    expect(motion.getByText('12 unidades')).toBeInTheDocument()
    expect(motion.getByRole('progressbar', { name: 'Coeficiente de No' })).toHaveAttribute(
      'aria-valuenow',
      '19.05',
    )
    expect(motion.getByRole('progressbar', { name: 'Coeficiente de Abstención' })).toHaveAttribute(
      'aria-valuenow',
      '4.76',
    )
    expect(screen.getByText('Hay quórum')).toBeInTheDocument()
  })

  it('shows only the turnout while results are hidden until the close', () => {
    const motion = makeMotion({ resultsVisibility: 'hidden-until-closed', totals: null, ballotsCast: 5 })
    renderPart(<ProjectorView assembly={makeAssembly()} quorum={makeQuorum()} motions={[motion]} />)

    expect(screen.getByRole('progressbar', { name: '5 de 22 votos emitidos' })).toBeInTheDocument()
    expect(screen.getByText('Los resultados se mostrarán al cerrar la votación.')).toBeInTheDocument()
    expect(screen.queryByRole('progressbar', { name: 'Coeficiente de Sí' })).not.toBeInTheDocument()
    expect(screen.queryByText(/Votos necesarios/)).not.toBeInTheDocument()
  })

  it('counts one vote per unit without coefficient bars when the basis is not weighted', () => {
    const motion = makeMotion({
      basis: 'unit',
      majority: {
        id: 'custom',
        conditions: [
          {
            measure: 'weight',
            denominator: 'votes-cast',
            threshold: { numerator: 2, denominator: 3 },
            comparison: 'gte',
          },
        ],
      },
      majorityPreset: 'custom',
      totals: [
        { optionId: 'yes', weight: 12, heads: 12 },
        { optionId: 'no', weight: 4, heads: 4 },
        { optionId: 'abstain', weight: 1, heads: 1 },
      ],
    })
    renderPart(<ProjectorView assembly={makeAssembly()} quorum={makeQuorum()} motions={[motion]} />)
    expect(screen.queryByRole('progressbar', { name: 'Coeficiente de Sí' })).not.toBeInTheDocument()
    // Two thirds of 17 ballots → at least 12 votes.
    expect(screen.getByText('Votos necesarios: 12 votos')).toBeInTheDocument()
    expect(screen.getByRole('progressbar', { name: 'Votos de Sí' })).toHaveAttribute('aria-valuenow', '70.59')
  })

  it('falls back to the last closed motion with its outcome, or waits for the next one', () => {
    const closed = makeMotion({
      state: 'published',
      closedAt: '2026-03-28T15:00:00.000Z',
      result: {
        outcome: 'approved',
        winners: ['yes'],
        tied: [],
        options: [
          { optionId: 'yes', weight: 40_000_000, heads: 12, passes: true, conditions: [] },
          { optionId: 'no', weight: 10_000_000, heads: 4, passes: false, conditions: [] },
          { optionId: 'abstain', weight: 2_500_000, heads: 1, passes: false, conditions: [] },
        ],
        cast: { weight: 52_500_000, heads: 17 },
        abstained: { weight: 2_500_000, heads: 1 },
        quorumMet: true,
        runoff: null,
      },
    })
    const { unmount } = renderPart(
      <ProjectorView assembly={makeAssembly()} quorum={makeQuorum()} motions={[closed]} />,
    )
    expect(screen.getByText('Aprobada')).toBeInTheDocument()
    expect(screen.getByText('Sí ✓')).toBeInTheDocument()
    unmount()

    renderPart(<ProjectorView assembly={makeAssembly()} quorum={makeQuorum()} motions={[]} />)
    expect(screen.getByText('Esperando la próxima votación…')).toBeInTheDocument()
  })

  it('projects every open motion before any closed one', () => {
    const open = makeMotion({ id: 'open-1' })
    const older = makeMotion({ id: 'closed-1', state: 'closed', closedAt: '2026-03-28T14:00:00.000Z' })
    const newer = makeMotion({ id: 'closed-2', state: 'closed', closedAt: '2026-03-28T15:00:00.000Z' })
    expect(motionsToProject([older, open, newer]).map((m) => m.id)).toEqual(['open-1'])
    expect(motionsToProject([older, newer]).map((m) => m.id)).toEqual(['closed-2'])
  })

  it('applies tally events in place and never moves the count backwards', () => {
    const motion = makeMotion({ ballotsCast: 17 })
    const totals = [{ optionId: 'yes', weight: 42_000_000, heads: 13 }]
    expect(patchTally(motion, motion.id, 18, totals)).toMatchObject({ ballotsCast: 18, totals })
    expect(patchTally(motion, motion.id, 16, totals)).toBe(motion)
    expect(patchTally(motion, 'other', 30, totals)).toBe(motion)
    expect(patchTally(motion, motion.id, 18, undefined).totals).toBe(motion.totals)
  })
})
