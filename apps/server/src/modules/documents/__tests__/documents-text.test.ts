import { describe, expect, it } from 'vitest'
import { extractPdfText, searchable } from '../documents.text.ts'

describe('document text', () => {
  it('lowercases and strips accents, keeping ñ as n, so queries and stored text meet', () => {
    expect(searchable('Panadería CAÑAVERAL Ütil')).toBe('panaderia canaveral util')
  })

  it('yields empty text for bytes that are not a readable PDF', async () => {
    expect(await extractPdfText(Buffer.from('%PDF-1.4 broken'))).toBe('')
  })
})
