import { screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { renderPart } from '../assemblies/test-render.tsx'
import { Composer } from './composer.tsx'
import { LUIS, MARTA } from './messaging-fixtures.ts'

const candidates = [
  { userId: LUIS, name: 'Luis Pérez' },
  { userId: MARTA, name: 'Marta Gómez' },
]

function setup() {
  const onSend = vi.fn()
  const onTyping = vi.fn()
  const view = renderPart(
    <Composer label="Escribe un mensaje" candidates={candidates} onSend={onSend} onTyping={onTyping} />,
  )
  const box = screen.getByRole('textbox', { name: 'Escribe un mensaje' })
  return { ...view, onSend, onTyping, box }
}

describe('composer', () => {
  it('sends with Enter, adds a line with Shift+Enter, trims, clears and reports typing', async () => {
    const { user, onSend, onTyping, box } = setup()
    expect(screen.getByRole('button', { name: 'Enviar' })).toBeDisabled()
    await user.type(box, '  Hola{Shift>}{Enter}{/Shift}vecinos ')
    expect(box).toHaveValue('  Hola\nvecinos ')
    expect(onSend).not.toHaveBeenCalled()
    expect(onTyping).toHaveBeenCalled()
    await user.keyboard('{Enter}')
    expect(onSend).toHaveBeenCalledWith({ body: 'Hola\nvecinos', mentions: [], attachments: [] })
    expect(box).toHaveValue('')
  })

  it('opens the mention picker on @, filters without accents, picks with the keyboard and sends the id', async () => {
    const { user, onSend, box } = setup()
    await user.type(box, 'Hola @')
    const list = screen.getByRole('listbox', { name: 'Mencionar a' })
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Luis Pérez', 'Marta Gómez'])
    expect(box).toHaveAttribute('aria-controls', list.id)
    await user.type(box, 'gom')
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Marta Gómez'])
    await user.keyboard('{Enter}')
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument()
    expect(box).toHaveValue('Hola @Marta Gómez ')
    await user.type(box, 'y @l')
    await user.keyboard('{ArrowDown}{Enter}')
    expect(box).toHaveValue('Hola @Marta Gómez y @Luis Pérez ')
    await user.click(screen.getByRole('button', { name: 'Enviar' }))
    expect(onSend).toHaveBeenCalledWith({
      body: 'Hola @Marta Gómez y @Luis Pérez',
      mentions: [MARTA, LUIS],
      attachments: [],
    })
  })

  it('drops a picked mention whose name was erased from the text, and Escape closes the picker', async () => {
    const { user, onSend, box } = setup()
    await user.type(box, '@lu')
    await user.click(screen.getByRole('option', { name: 'Luis Pérez' }))
    expect(box).toHaveValue('@Luis Pérez ')
    await user.clear(box)
    await user.type(box, 'sin mención @')
    expect(screen.getByRole('listbox')).toBeInTheDocument()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument()
    await user.keyboard('{Enter}')
    expect(onSend).toHaveBeenCalledWith({ body: 'sin mención @', mentions: [], attachments: [] })
  })

  it('counts characters against the 4,000 limit and refuses to send a longer message', async () => {
    const { user, onSend, box } = setup()
    await user.click(box)
    await user.paste('a'.repeat(4000))
    expect(screen.getByText('4000 / 4000')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Enviar' })).toBeEnabled()
    await user.type(box, 'b')
    expect(screen.getByText('4001 / 4000')).toBeInTheDocument()
    expect(screen.getByText('El mensaje supera los 4000 caracteres.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Enviar' })).toBeDisabled()
    await user.keyboard('{Enter}')
    expect(onSend).not.toHaveBeenCalled()
  })

  it('adds https link attachments (refusing other links) and sends them', async () => {
    const { user, onSend, box } = setup()
    await user.click(screen.getByRole('button', { name: 'Adjuntar enlace' }))
    await user.type(screen.getByLabelText('Nombre del adjunto'), 'Acta')
    await user.type(screen.getByLabelText('Enlace (https://…)'), 'http://example.co/acta.pdf')
    await user.click(screen.getByRole('button', { name: 'Agregar adjunto' }))
    expect(screen.getByText('Usa un enlace que empiece por https://')).toBeInTheDocument()
    await user.clear(screen.getByLabelText('Enlace (https://…)'))
    await user.type(screen.getByLabelText('Enlace (https://…)'), 'https://example.co/acta.pdf')
    await user.click(screen.getByRole('button', { name: 'Agregar adjunto' }))
    expect(screen.getByRole('button', { name: 'Quitar Acta' })).toBeInTheDocument()
    await user.type(box, 'Aquí está el acta{Enter}')
    expect(onSend).toHaveBeenCalledWith({
      body: 'Aquí está el acta',
      mentions: [],
      attachments: [{ name: 'Acta', url: 'https://example.co/acta.pdf' }],
    })
    expect(screen.queryByRole('button', { name: 'Quitar Acta' })).not.toBeInTheDocument()
  })
})
