import { MantineProvider } from '@mantine/core'
import type { StanceChoice } from '@minga/contracts'
import { fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { StanceWidget, type StanceWidgetProps, stanceReady, startingChoices } from './stance-widgets.tsx'

const options = [
  { id: 'o1', label: 'Ascensor' },
  { id: 'o2', label: 'Parque' },
  { id: 'o3', label: 'Portería' },
]
const base: StanceWidgetProps['poll'] = {
  type: 'choose',
  options,
  minChoices: null,
  maxChoices: null,
  minScore: null,
  maxScore: null,
  dotsPerPerson: null,
}

/** A widget with its own state; `seen` receives the latest choices it produced. */
function Harness({ poll, seen }: { poll: StanceWidgetProps['poll']; seen: { current: StanceChoice[] } }) {
  const [value, setValue] = useState<StanceChoice[]>(seen.current)
  return (
    <StanceWidget
      poll={poll}
      value={value}
      onChange={(next) => {
        seen.current = next
        setValue(next)
      }}
    />
  )
}

function renderWidget(poll: StanceWidgetProps['poll']) {
  const seen: { current: StanceChoice[] } = { current: startingChoices(poll, undefined) }
  render(
    <MantineProvider>
      <Harness poll={poll} seen={seen} />
    </MantineProvider>,
  )
  return { seen, user: userEvent.setup() }
}

describe('voting widgets', () => {
  it('proposal: one translated position as a radio group', async () => {
    const poll = {
      ...base,
      type: 'proposal' as const,
      options: ['agree', 'abstain', 'disagree', 'block'].map((id) => ({ id, label: id })),
    }
    const { seen, user } = renderWidget(poll)
    expect(screen.getAllByRole('radio')).toHaveLength(4)
    expect(stanceReady(poll, seen.current)).toBe(false)
    await user.click(screen.getByRole('radio', { name: 'En desacuerdo' }))
    await user.click(screen.getByRole('radio', { name: 'De acuerdo' }))
    expect(seen.current).toEqual([{ optionId: 'agree', score: 1 }])
    expect(stanceReady(poll, seen.current)).toBe(true)
  })

  it('choose (multiple): checkboxes up to the maximum', async () => {
    const poll = { ...base, minChoices: 1, maxChoices: 2 }
    const { seen, user } = renderWidget(poll)
    expect(screen.getByText('Marca entre 1 y 2 opciones')).toBeInTheDocument()
    await user.click(screen.getByRole('checkbox', { name: 'Ascensor' }))
    await user.click(screen.getByRole('checkbox', { name: 'Portería' }))
    expect(screen.getByRole('checkbox', { name: 'Parque' })).toBeDisabled()
    expect(seen.current).toEqual([
      { optionId: 'o1', score: 1 },
      { optionId: 'o3', score: 1 },
    ])
    await user.click(screen.getByRole('checkbox', { name: 'Ascensor' }))
    expect(screen.getByRole('checkbox', { name: 'Parque' })).not.toBeDisabled()
    expect(seen.current).toEqual([{ optionId: 'o3', score: 1 }])
  })

  it('choose (single): a radio group when at most one option', async () => {
    const { seen, user } = renderWidget({ ...base, maxChoices: 1 })
    await user.click(screen.getByRole('radio', { name: 'Parque' }))
    expect(seen.current).toEqual([{ optionId: 'o2', score: 1 }])
  })

  it('score: one slider per option within the scale', () => {
    const poll = { ...base, type: 'score' as const, minScore: 1, maxScore: 5 }
    const { seen } = renderWidget(poll)
    const slider = screen.getByRole('slider', { name: 'Puntaje de Parque' })
    expect(slider).toHaveAttribute('aria-valuemin', '1')
    expect(slider).toHaveAttribute('aria-valuemax', '5')
    fireEvent.keyDown(slider, { key: 'ArrowRight' })
    fireEvent.keyDown(slider, { key: 'ArrowRight' })
    expect(seen.current).toEqual([
      { optionId: 'o1', score: 1 },
      { optionId: 'o2', score: 3 },
      { optionId: 'o3', score: 1 },
    ])
    fireEvent.keyDown(slider, { key: 'End' })
    expect(seen.current.find((c) => c.optionId === 'o2')?.score).toBe(5)
  })

  it('ranked choice: reorders with up and down buttons, ranks 1..n', async () => {
    const poll = { ...base, type: 'ranked-choice' as const }
    const { seen, user } = renderWidget(poll)
    expect(screen.getByRole('button', { name: 'Subir Ascensor' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Bajar Portería' })).toBeDisabled()
    await user.click(screen.getByRole('button', { name: 'Subir Portería' }))
    await user.click(screen.getByRole('button', { name: 'Subir Portería' }))
    const items = within(screen.getByRole('list')).getAllByRole('listitem')
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringContaining('Portería'),
      expect.stringContaining('Ascensor'),
      expect.stringContaining('Parque'),
    ])
    expect(seen.current).toEqual([
      { optionId: 'o3', score: 1 },
      { optionId: 'o1', score: 2 },
      { optionId: 'o2', score: 3 },
    ])
    expect(stanceReady(poll, seen.current)).toBe(true)
  })

  it('dot vote: spreads at most the dots per person', async () => {
    const poll = { ...base, type: 'dot-vote' as const, dotsPerPerson: 3 }
    const { seen, user } = renderWidget(poll)
    expect(screen.getByText('Te quedan 3 de 3 puntos')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Un punto más para Parque' }))
    await user.click(screen.getByRole('button', { name: 'Un punto más para Parque' }))
    await user.click(screen.getByRole('button', { name: 'Un punto más para Ascensor' }))
    expect(screen.getByText('Te quedan 0 de 3 puntos')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Un punto más para Portería' })).toBeDisabled()
    expect(seen.current).toEqual([
      { optionId: 'o1', score: 1 },
      { optionId: 'o2', score: 2 },
    ])
    await user.click(screen.getByRole('button', { name: 'Un punto menos para Ascensor' }))
    expect(seen.current).toEqual([{ optionId: 'o2', score: 2 }])
    expect(stanceReady(poll, seen.current)).toBe(true)
    expect(stanceReady(poll, [])).toBe(false)
  })
})
