import type { MembershipRole } from '@minga/contracts'

export type Role = MembershipRole
export type Localized = { es: string; en: string }

/**
 * A permission a module declares: `resource:action` and its label. `roles` says which *platform*
 * roles hold it by default: `owner` and `admin` always hold every permission; a permission listing
 * `member` belongs to the default member role of every org kind (see role-templates.ts).
 */
export type PermissionDef = {
  key: `${string}:${string}`
  label: Localized
  roles: readonly Role[]
}

/** The permissions of one module (or of the platform), as the catalog groups them. */
export type PermissionGroup = { module: string; label: Localized; permissions: readonly PermissionDef[] }

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
  {
    key: 'members:manage',
    label: { es: 'Gestionar miembros e invitaciones', en: 'Manage members and invitations' },
    roles: managers,
  },
  { key: 'branches:read', label: { es: 'Ver sedes', en: 'View branches' }, roles: everyone },
  { key: 'branches:manage', label: { es: 'Gestionar sedes', en: 'Manage branches' }, roles: managers },
  { key: 'audit:read', label: { es: 'Consultar la auditoría', en: 'Read the audit log' }, roles: managers },
  {
    key: 'roles:read',
    label: { es: 'Ver roles y asignaciones', en: 'View roles and assignments' },
    roles: managers,
  },
  {
    key: 'roles:manage',
    label: { es: 'Gestionar roles y asignaciones', en: 'Manage roles and assignments' },
    roles: managers,
  },
  {
    key: 'files:read',
    label: { es: 'Ver archivos subidos y sus enlaces', en: 'View uploaded files and their links' },
    roles: managers,
  },
  { key: 'files:write', label: { es: 'Subir archivos', en: 'Upload files' }, roles: managers },
  {
    key: 'api_keys:manage',
    label: { es: 'Gestionar llaves de API', en: 'Manage API keys' },
    roles: managers,
  },
]

export const platformGroup: PermissionGroup = {
  module: 'platform',
  label: { es: 'Plataforma', en: 'Platform' },
  permissions: platformPermissions,
}

/** Every permission of the platform and the loaded modules: the single source of permission keys. */
export class PermissionCatalog {
  readonly definitions: ReadonlyMap<string, PermissionDef>
  readonly groups: readonly PermissionGroup[]
  /** Which group (module key) declared each permission. */
  private readonly moduleOf = new Map<string, string>()

  constructor(input: PermissionDef[] | PermissionGroup[]) {
    const groups: PermissionGroup[] = isGroups(input)
      ? input
      : [{ module: 'platform', label: platformGroup.label, permissions: input }]
    const map = new Map<string, PermissionDef>()
    for (const group of groups) {
      for (const def of group.permissions) {
        if (map.has(def.key)) throw new Error(`Permission ${def.key} is declared twice`)
        map.set(def.key, def)
        this.moduleOf.set(def.key, group.module)
      }
    }
    this.definitions = map
    this.groups = groups
  }
  has(key: string): boolean {
    return this.definitions.has(key)
  }
  /** Does this platform role hold the permission by default? (owner and admin: always.) */
  allows(role: Role, key: string): boolean {
    if (!this.definitions.has(key)) return false
    if (role === 'owner' || role === 'admin') return true
    return this.definitions.get(key)?.roles.includes(role) ?? false
  }
  keys(): string[] {
    return [...this.definitions.keys()]
  }
  module(key: string): string | undefined {
    return this.moduleOf.get(key)
  }
  /**
   * Expands template patterns against the catalog: `*` (all), `@member` (the member defaults),
   * `resource:*`, `*:action`, or an exact key (ignored when no loaded module declares it).
   */
  expand(patterns: readonly string[]): string[] {
    const out = new Set<string>()
    for (const pattern of patterns) {
      for (const [key, def] of this.definitions) {
        if (matches(pattern, key, def)) out.add(key)
      }
    }
    return [...out].sort()
  }
}

function isGroups(input: PermissionDef[] | PermissionGroup[]): input is PermissionGroup[] {
  return input.length > 0 && 'module' in (input[0] as object)
}

function matches(pattern: string, key: string, def: PermissionDef): boolean {
  if (pattern === '*') return true
  if (pattern === '@member') return def.roles.includes('member')
  const [resource, action] = key.split(':')
  const [pr, pa] = pattern.split(':')
  return (pr === '*' || pr === resource) && (pa === '*' || pa === action)
}

/** The catalog of the platform plus these modules (what `buildApp` serves). */
export function catalogOf(
  modules: readonly { key: string; label: Localized; permissions: PermissionDef[] }[],
) {
  return new PermissionCatalog([
    platformGroup,
    ...modules.map((m) => ({ module: m.key, label: m.label, permissions: m.permissions })),
  ])
}
