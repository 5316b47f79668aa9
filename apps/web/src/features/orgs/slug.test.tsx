import { CreateOrg } from '@minga/contracts'
import { describe, expect, it } from 'vitest'
import { suggestSlug } from './slug.ts'

describe('suggestSlug', () => {
  it.each([
    ['Cooperativa Ñandú', 'cooperativa-nandu'],
    ['  Conjunto Residencial  Los Álamos P.H. ', 'conjunto-residencial-los-alamos-p-h'],
    ['Café & Arepas #1', 'cafe-arepas-1'],
    ['---', ''],
  ])('%s → %s', (name, slug) => {
    expect(suggestSlug(name)).toBe(slug)
  })

  it('stays within 48 characters and never ends with a hyphen', () => {
    const slug = suggestSlug(`${'a'.repeat(47)} bcd`)
    expect(slug.length).toBeLessThanOrEqual(48)
    expect(slug.endsWith('-')).toBe(false)
  })

  it('produces slugs the contract accepts', () => {
    for (const name of ['Fondo de Empleados Ñ', 'Restaurante El Sabor Paisa', 'Comunidad JS Medellín']) {
      expect(CreateOrg.shape.slug.safeParse(suggestSlug(name)).success).toBe(true)
    }
  })
})
