import type { MotionBallotReceipt } from '@minga/contracts'
import { screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../app/api-client.ts'
import { makeMotion } from './assembly-fixtures.ts'
import { BallotWidget } from './ballot-widget.tsx'
import { renderPart } from './test-render.tsx'

const seat = { unitId: '0190f7a0-0000-7000-8000-00000000d101', code: 'T1-101', present: true }

function receiptFor(choice: string[]): MotionBallotReceipt {
  return {
    motionId: makeMotion().id,
    unitId: seat.unitId,
    receipt: `${'f3a9c2'.repeat(10)}beef`,
    nonce: '0123456789abcdef0123456789abcdef',
    weight: 2_500_000,
    choice,
  }
}

function ruleError(status: number, code: string) {
  return new ApiError({
    status,
    code: status === 409 ? 'conflict' : 'unprocessable',
    message: 'rule',
    problem: {
      type: 'about:blank',
      title: 'Conflict',
      status,
      requestId: 'req-test-1',
      code: status === 409 ? 'conflict' : 'unprocessable',
      errors: [{ path: 'body.unitId', message: `${code}: english detail` }],
    },
    errors: [{ path: 'body.unitId', message: `${code}: english detail` }],
  })
}

describe('ballot widget', () => {
  it('picks an option with a big button, asks to confirm, casts and shows the copyable receipt', async () => {
    const onCast = vi.fn(async (choice: string[]) => receiptFor(choice))
    const { user } = renderPart(
      <BallotWidget motion={makeMotion()} seat={seat} canVote voted={false} onCast={onCast} />,
    )
    const options = within(screen.getByRole('group', { name: 'Opciones de T1-101' }))
    expect(options.getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Sí',
      'No',
      'Abstención',
    ])
    const vote = screen.getByRole('button', { name: 'Votar por T1-101' })
    expect(vote).toBeDisabled()

    await user.click(options.getByRole('button', { name: 'Sí' }))
    expect(options.getByRole('button', { name: 'Sí' })).toHaveAttribute('aria-pressed', 'true')
    await user.click(options.getByRole('button', { name: 'No' }))
    expect(options.getByRole('button', { name: 'Sí' })).toHaveAttribute('aria-pressed', 'false')
    expect(options.getByRole('button', { name: 'No' })).toHaveAttribute('aria-pressed', 'true')
    await user.click(options.getByRole('button', { name: 'Sí' }))
    await user.click(vote)

    expect(screen.getByText('Vas a votar por T1-101: Sí. El voto no se puede cambiar.')).toBeInTheDocument()
    expect(onCast).not.toHaveBeenCalled()
    await user.click(screen.getByRole('button', { name: 'Confirmar voto' }))

    expect(onCast).toHaveBeenCalledWith(['yes'])
    expect(await screen.findByText('Voto registrado')).toBeInTheDocument()
    expect(screen.getByText('Ya votó')).toBeInTheDocument()
    expect(screen.getByText(receiptFor(['yes']).receipt)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Copiar comprobante' })).toBeInTheDocument()
    expect(screen.queryByRole('group', { name: 'Opciones de T1-101' })).not.toBeInTheDocument()
    // Only the receipt stays on the phone: never the choice or the nonce.
    expect(localStorage.getItem(`minga.receipt.${makeMotion().id}.${seat.unitId}`)).toBe(
      receiptFor(['yes']).receipt,
    )
  })

  it('lets the voter change the choice before confirming', async () => {
    const onCast = vi.fn(async (choice: string[]) => receiptFor(choice))
    const { user } = renderPart(
      <BallotWidget motion={makeMotion()} seat={seat} canVote voted={false} onCast={onCast} />,
    )
    await user.click(screen.getByRole('button', { name: 'Abstención' }))
    await user.click(screen.getByRole('button', { name: 'Votar por T1-101' }))
    await user.click(screen.getByRole('button', { name: 'Cambiar mi elección' }))
    await user.click(screen.getByRole('button', { name: 'No' }))
    await user.click(screen.getByRole('button', { name: 'Votar por T1-101' }))
    await user.click(screen.getByRole('button', { name: 'Confirmar voto' }))
    expect(onCast).toHaveBeenCalledExactlyOnceWith(['no'])
  })

  it('says in Spanish that the unit already voted when the server refuses a second ballot', async () => {
    const onCast = vi.fn(async () => {
      throw ruleError(409, 'DUPLICATE_VOTE')
    })
    const { user } = renderPart(
      <BallotWidget motion={makeMotion()} seat={seat} canVote voted={false} onCast={onCast} />,
    )
    await user.click(screen.getByRole('button', { name: 'No' }))
    await user.click(screen.getByRole('button', { name: 'Votar por T1-101' }))
    await user.click(screen.getByRole('button', { name: 'Confirmar voto' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Esta unidad ya votó en esta votación.')
    expect(screen.getByText('Ya votó')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Votar por T1-101' })).not.toBeInTheDocument()
  })

  it('explains a unit that is not present, both before voting and from the server', async () => {
    const { unmount } = renderPart(
      <BallotWidget
        motion={makeMotion()}
        seat={{ ...seat, present: false }}
        canVote={false}
        voted={false}
        onCast={vi.fn()}
      />,
    )
    expect(
      screen.getByText('La unidad T1-101 no está registrada como presente. Registra tu llegada para votar.'),
    ).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Sí' })).not.toBeInTheDocument()
    unmount()

    const onCast = vi.fn(async () => {
      throw ruleError(422, 'SEAT_NOT_PRESENT')
    })
    const { user } = renderPart(
      <BallotWidget motion={makeMotion()} seat={seat} canVote voted={false} onCast={onCast} />,
    )
    await user.click(screen.getByRole('button', { name: 'Sí' }))
    await user.click(screen.getByRole('button', { name: 'Votar por T1-101' }))
    await user.click(screen.getByRole('button', { name: 'Confirmar voto' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'La unidad no está registrada como presente en la asamblea.',
    )
    // Still able to try again once checked in.
    expect(screen.getByRole('button', { name: 'Votar por T1-101' })).toBeInTheDocument()
  })

  it('shows "Ya votó" with the stored receipt for a unit that voted earlier', () => {
    localStorage.setItem(`minga.receipt.${makeMotion().id}.${seat.unitId}`, 'abc123')
    renderPart(<BallotWidget motion={makeMotion()} seat={seat} canVote={false} voted onCast={vi.fn()} />)
    expect(screen.getByText('Ya votó')).toBeInTheDocument()
    expect(screen.getByText('abc123')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Sí' })).not.toBeInTheDocument()
  })

  it('caps multiple choice at maxChoices and keeps the blank vote exclusive', async () => {
    const motion = makeMotion({
      method: 'multiple-choice',
      maxChoices: 2,
      options: [
        { id: 'o1', label: 'Ana Gómez' },
        { id: 'o2', label: 'Luis Pérez' },
        { id: 'o3', label: 'Marta Ruiz' },
        { id: 'abstain', label: 'Blank' },
      ],
    })
    const onCast = vi.fn(async (choice: string[]) => receiptFor(choice))
    const { user } = renderPart(
      <BallotWidget motion={motion} seat={seat} canVote voted={false} onCast={onCast} />,
    )
    expect(screen.getByText('Elige hasta 2 opciones.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Ana Gómez' }))
    await user.click(screen.getByRole('button', { name: 'Luis Pérez' }))
    await user.click(screen.getByRole('button', { name: 'Marta Ruiz' }))
    expect(screen.getByRole('button', { name: 'Marta Ruiz' })).toHaveAttribute('aria-pressed', 'false')
    await user.click(screen.getByRole('button', { name: 'Voto en blanco' }))
    expect(screen.getByRole('button', { name: 'Ana Gómez' })).toHaveAttribute('aria-pressed', 'false')
    await user.click(screen.getByRole('button', { name: 'Marta Ruiz' }))
    await user.click(screen.getByRole('button', { name: 'Luis Pérez' }))
    await user.click(screen.getByRole('button', { name: 'Votar por T1-101' }))
    await user.click(screen.getByRole('button', { name: 'Confirmar voto' }))
    expect(onCast).toHaveBeenCalledWith(['o3', 'o2'])
  })

  it('records a ranked ballot in the order the options were tapped', async () => {
    const motion = makeMotion({
      method: 'ranked',
      options: [
        { id: 'o1', label: 'Pintura' },
        { id: 'o2', label: 'Ascensor' },
        { id: 'o3', label: 'Jardín' },
      ],
    })
    const onCast = vi.fn(async (choice: string[]) => receiptFor(choice))
    const { user } = renderPart(
      <BallotWidget motion={motion} seat={seat} canVote voted={false} onCast={onCast} />,
    )
    await user.click(screen.getByRole('button', { name: /Ascensor/ }))
    await user.click(screen.getByRole('button', { name: /Jardín/ }))
    await user.click(screen.getByRole('button', { name: /Pintura/ }))
    expect(screen.getByText('Tu orden de preferencia: 1. Ascensor 2. Jardín 3. Pintura')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Votar por T1-101' }))
    await user.click(screen.getByRole('button', { name: 'Confirmar voto' }))
    expect(onCast).toHaveBeenCalledWith(['o2', 'o3', 'o1'])
  })
})
