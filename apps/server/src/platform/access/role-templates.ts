import type { OrgKind } from '@minga/contracts'
import type { Localized } from './permissions.ts'

/**
 * A built-in role created in every new org of a kind. `permissions` are catalog patterns
 * (`*`, `@member`, `resource:*`, `*:read`, exact keys) expanded when the org is created, so a template
 * may name permissions of modules that are not loaded yet. `inherits` names other roles of the same kind.
 */
export type RoleTemplate = {
  key: string
  name: Localized
  description: Localized
  permissions: readonly string[]
  inherits?: readonly string[]
}

export type KindTemplates = {
  /** The role a plain `member` gets when added or invited without one. */
  defaultRole: string
  roles: readonly RoleTemplate[]
}

const t = (
  key: string,
  es: string,
  en: string,
  permissions: readonly string[],
  inherits: readonly string[] = [],
  description: Localized = { es, en },
): RoleTemplate => ({ key, name: { es, en }, description, permissions, inherits })

const admin = t('admin', 'Administración', 'Administration', ['*'], [], {
  es: 'Todos los permisos de la organización',
  en: 'Every permission of the organization',
})
const readAll = ['*:read']

export const roleTemplates: Record<OrgKind, KindTemplates> = {
  savings_credit: {
    defaultRole: 'asociado',
    roles: [
      admin,
      t('asociado', 'Asociado', 'Member (associate)', ['@member', 'savings:read_own', 'loans:read_own']),
      t(
        'tesorero',
        'Tesorero / cajero',
        'Treasurer / cashier',
        ['cash:*', 'payments:*', 'savings:*'],
        ['asociado'],
      ),
      t(
        'analista_credito',
        'Analista de crédito',
        'Credit analyst',
        ['loans:*', 'credit:*', 'members:read'],
        ['asociado'],
      ),
      t(
        'gerente',
        'Gerente',
        'Manager',
        [...readAll, 'members:manage', 'branches:manage', 'announcements:write', 'reports:*'],
        ['tesorero', 'analista_credito'],
      ),
    ],
  },
  housing: {
    defaultRole: 'residente',
    roles: [
      admin,
      t('residente', 'Residente', 'Resident', ['@member', 'assemblies:vote', 'pqrs:create']),
      t(
        'consejo',
        'Consejo de administración',
        'Board',
        [...readAll, 'announcements:write', 'assemblies:*'],
        ['residente'],
      ),
      // Read-only on purpose: an observer (auditor, revisor fiscal) follows assemblies, polls and tasks
      // but never votes, manages or reads the audit log and roles.
      t('observador', 'Observador', 'Observer', [
        'org:read',
        'announcements:read',
        'assemblies:read',
        'branches:read',
        'units:read',
        'polls:read',
        'tasks:read',
      ]),
    ],
  },
  food_service: {
    defaultRole: 'waiter',
    roles: [
      t('owner', 'Propietario', 'Owner', ['*']),
      admin,
      t('waiter', 'Mesero', 'Waiter', ['@member', 'orders:read', 'orders:create', 'tables:*']),
      t('cook', 'Cocinero', 'Cook', ['@member', 'kds:*', 'orders:read', 'recipes:read']),
      t('delivery', 'Domiciliario', 'Delivery', ['@member', 'deliveries:*', 'orders:read']),
      t('cashier', 'Cajero', 'Cashier', ['orders:*', 'payments:*', 'cash:*'], ['waiter']),
      t(
        'manager',
        'Gerente de sede',
        'Manager',
        [...readAll, 'branches:manage', 'members:read', 'announcements:write', 'inventory:*', 'recipes:*'],
        ['cashier', 'cook', 'delivery'],
      ),
    ],
  },
  incubator: {
    defaultRole: 'emprendedor',
    roles: [
      admin,
      t('emprendedor', 'Emprendedor', 'Entrepreneur', ['@member', 'ventures:*']),
      t('cliente', 'Cliente', 'Client', ['org:read', 'announcements:read', 'catalog:read', 'orders:create']),
      t('mentor', 'Mentor / aliado', 'Mentor / partner', ['mentoring:*', 'ventures:read'], ['emprendedor']),
      t(
        'coordinador',
        'Coordinador',
        'Coordinator',
        [...readAll, 'announcements:write', 'programs:*'],
        ['mentor'],
      ),
    ],
  },
  community: {
    defaultRole: 'member',
    roles: [
      admin,
      t('member', 'Miembro', 'Member', ['@member']),
      t('guest', 'Invitado', 'Guest', ['org:read', 'announcements:read']),
      t('freelancer', 'Freelancer', 'Freelancer', ['gigs:*'], ['member']),
      t('mentor', 'Mentor', 'Mentor', ['mentoring:*'], ['member']),
      t('project_owner', 'Dueño de proyecto', 'Project owner', ['projects:*', 'gigs:create'], ['member']),
      t(
        'moderator',
        'Moderador',
        'Moderator',
        ['announcements:write', 'members:read', 'forum:*'],
        ['member'],
      ),
    ],
  },
}
