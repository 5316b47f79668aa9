import type { MembershipRole } from '@minga/contracts'

export type Role = MembershipRole
export type Localized = { es: string; en: string }

/** A permission a module declares: `resource:action`, its label, and the built-in roles holding it. */
export type PermissionDef = {
  key: `${string}:${string}`
  label: Localized
  roles: readonly Role[]
}

const everyone: readonly Role[] = ['owner', 'admin', 'member']
const managers: readonly Role[] = ['owner', 'admin']

export const platformPermissions: PermissionDef[] = [
  { key: 'org:read', label: { es: 'Ver la organización', en: 'View the organization' }, roles: everyone },
  {
    key: 'org:update',
    label: { es: 'Editar la organización', en: 'Edit the organization' },
    roles: managers,
  },
  { key: 'members:read', label: { es: 'Ver miembros', en: 'View members' }, roles: everyone },
  { key: 'members:manage', label: { es: 'Gestionar miembros', en: 'Manage members' }, roles: managers },
  { key: 'branches:read', label: { es: 'Ver sedes', en: 'View branches' }, roles: everyone },
  { key: 'branches:manage', label: { es: 'Gestionar sedes', en: 'Manage branches' }, roles: managers },
  { key: 'audit:read', label: { es: 'Consultar la auditoría', en: 'Read the audit log' }, roles: managers },
]

/** Every permission of the platform and the loaded modules; answers "may this role do that?". */
export class PermissionCatalog {
  readonly definitions: ReadonlyMap<string, PermissionDef>
  constructor(defs: PermissionDef[]) {
    const map = new Map<string, PermissionDef>()
    for (const def of defs) {
      if (map.has(def.key)) throw new Error(`Permission ${def.key} is declared twice`)
      map.set(def.key, def)
    }
    this.definitions = map
  }
  has(key: string): boolean {
    return this.definitions.has(key)
  }
  allows(role: Role, key: string): boolean {
    return this.definitions.get(key)?.roles.includes(role) ?? false
  }
}
