import { describe, expect, it } from 'vitest'
import { closeRoles, holds, holdsAnywhere } from '../effective-permissions.ts'
import { PermissionCatalog, platformGroup } from '../permissions.ts'
import { roleTemplates } from '../role-templates.ts'

const catalog = new PermissionCatalog([
  platformGroup,
  {
    module: 'loans',
    label: { es: 'Créditos', en: 'Loans' },
    permissions: [
      { key: 'loans:read', label: { es: 'Ver', en: 'Read' }, roles: ['owner', 'admin', 'member'] },
      { key: 'loans:approve', label: { es: 'Aprobar', en: 'Approve' }, roles: ['owner', 'admin'] },
    ],
  },
])

describe('permission catalog', () => {
  it('expands template patterns against the declared permissions only', () => {
    expect(catalog.expand(['loans:*'])).toEqual(['loans:approve', 'loans:read'])
    expect(catalog.expand(['*:approve', 'nothing:here'])).toEqual(['loans:approve'])
    expect(catalog.expand(['@member'])).toEqual(['branches:read', 'loans:read', 'members:read', 'org:read'])
    expect(catalog.expand(['*'])).toHaveLength(catalog.keys().length)
  })

  it('knows each permission’s module and refuses duplicates', () => {
    expect(catalog.module('loans:approve')).toBe('loans')
    expect(catalog.module('org:read')).toBe('platform')
    expect(() => new PermissionCatalog([platformGroup, platformGroup])).toThrow(/declared twice/)
    expect(catalog.allows('admin', 'loans:approve')).toBe(true)
    expect(catalog.allows('member', 'loans:approve')).toBe(false)
    expect(catalog.allows('owner', 'nope:nope')).toBe(false)
  })

  it('every template names existing roles in inherits and has its default role', () => {
    for (const [kind, templates] of Object.entries(roleTemplates)) {
      const keys = new Set(templates.roles.map((r) => r.key))
      expect(keys.has(templates.defaultRole), kind).toBe(true)
      for (const role of templates.roles) {
        for (const parent of role.inherits ?? []) expect(keys.has(parent), `${kind}.${role.key}`).toBe(true)
      }
    }
  })
})

describe('role closure', () => {
  it('follows inheritance transitively and survives a cycle', () => {
    const closure = closeRoles(
      [
        { id: 'a', inherits: ['b'] },
        { id: 'b', inherits: ['c'] },
        { id: 'c', inherits: ['a'] },
        { id: 'd', inherits: [] },
      ],
      [
        { roleId: 'a', permission: 'x:a' },
        { roleId: 'b', permission: 'x:b' },
        { roleId: 'c', permission: 'x:c' },
      ],
    )
    expect([...(closure.get('a') ?? [])].sort()).toEqual(['x:a', 'x:b', 'x:c'])
    expect([...(closure.get('d') ?? [])]).toEqual([])
  })

  it('checks org-wide and per-branch holdings', () => {
    const access = {
      role: 'member' as const,
      all: false,
      orgWide: new Set(['org:read']),
      branches: new Map([['b1', new Set(['till:operate'])]]),
      roleKeys: [],
    }
    expect(holds(access, 'org:read')).toBe(true)
    expect(holds(access, 'till:operate')).toBe(false)
    expect(holds(access, 'till:operate', 'b1')).toBe(true)
    expect(holds(access, 'till:operate', 'b2')).toBe(false)
    expect(holdsAnywhere(access, 'till:operate')).toBe(true)
    expect(holds({ ...access, all: true }, 'anything:at-all', 'b2')).toBe(true)
  })
})
