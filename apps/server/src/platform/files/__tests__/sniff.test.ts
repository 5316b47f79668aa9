import { describe, expect, it } from 'vitest'
import { FileRejectedError } from '../file-rejection.ts'
import { sniffMimeType } from '../sniff.ts'
import { exeBytes, pdfBytes, pngBytes } from './samples.ts'

const jpeg = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(32)])
const cfb = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)])

async function reason(promise: Promise<unknown>) {
  try {
    await promise
  } catch (err) {
    if (err instanceof FileRejectedError) return err.reason
    throw err
  }
  return 'accepted'
}

describe('sniffMimeType', () => {
  it('takes the type from the content and tolerates the usual aliases', async () => {
    expect(await sniffMimeType({ bytes: pdfBytes(), originalName: 'acta.PDF' })).toBe('application/pdf')
    expect(
      await sniffMimeType({ bytes: jpeg, originalName: 'foto.jpeg', declaredMimeType: 'image/jpg' }),
    ).toBe('image/jpeg')
    expect(await sniffMimeType({ bytes: cfb, originalName: 'informe.xls' })).toBe('application/vnd.ms-excel')
  })

  it('accepts Windows-1252 CSV declared the Windows way, and text with no extension', async () => {
    const latin1 = Buffer.from('nombre;cédula\nMaría Peña;123\n', 'latin1')
    const csv = { bytes: latin1, originalName: 'socios.csv', declaredMimeType: 'application/vnd.ms-excel' }
    expect(await sniffMimeType(csv)).toBe('text/csv')
    expect(await sniffMimeType({ bytes: Buffer.from('hola'), originalName: 'LEEME' })).toBe('text/plain')
  })

  it('refuses empty, executable, disguised, unknown binary and not-allowed content', async () => {
    expect(await reason(sniffMimeType({ bytes: Buffer.alloc(0), originalName: 'a.txt' }))).toBe('empty')
    expect(await reason(sniffMimeType({ bytes: exeBytes(), originalName: 'factura.pdf' }))).toBe('executable')
    expect(await reason(sniffMimeType({ bytes: Buffer.from('x'), originalName: 'a.PS1' }))).toBe('executable')
    const html = { bytes: Buffer.from('<p>'), originalName: 'a.txt', declaredMimeType: 'text/html' }
    expect(await reason(sniffMimeType(html))).toBe('executable')
    expect(await reason(sniffMimeType({ bytes: pngBytes(), originalName: 'foto.jpg' }))).toBe(
      'extension_mismatch',
    )
    const declared = { bytes: pngBytes(), originalName: 'foto', declaredMimeType: 'image/jpeg' }
    expect(await reason(sniffMimeType(declared))).toBe('type_mismatch')
    expect(await reason(sniffMimeType({ bytes: Buffer.from('texto'), originalName: 'a.pdf' }))).toBe(
      'extension_mismatch',
    )
    expect(await reason(sniffMimeType({ bytes: Buffer.from([0, 1, 2, 3]), originalName: 'x' }))).toBe(
      'unrecognized',
    )
    const onlyPdf = { bytes: pngBytes(), originalName: 'a.png', allowed: ['application/pdf'] }
    expect(await reason(sniffMimeType(onlyPdf))).toBe('not_allowed')
  })
})
