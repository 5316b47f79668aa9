import { describe, expect, it } from 'vitest'
import { en } from './en.ts'
import { esCO } from './es-co.ts'

function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'object' && child !== null ? keys(child, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1] ?? '').sort()
}

describe('i18n resources', () => {
  it('have the same keys in es-CO and en', () => {
    expect(keys(en).sort()).toEqual(keys(esCO).sort())
  })

  it('use the same interpolation variables in both languages', () => {
    const lookup = (root: object, path: string) =>
      path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root) as string
    for (const key of keys(esCO)) {
      expect(placeholders(lookup(en, key)), key).toEqual(placeholders(lookup(esCO, key)))
    }
  })

  it('have no empty texts', () => {
    const lookup = (root: object, path: string) =>
      path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root) as string
    for (const key of keys(esCO)) {
      expect(lookup(esCO, key).trim(), key).not.toBe('')
      expect(lookup(en, key).trim(), key).not.toBe('')
    }
  })
})
