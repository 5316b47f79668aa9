import { Divider, ScrollArea, Stack, Text } from '@mantine/core'
import type { Org } from '@minga/contracts'
import { useQuery } from '@tanstack/react-query'
import { useLocation } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { moduleLabel } from '../../features/orgs/module-label.ts'
import { moduleCatalogQuery } from '../../features/orgs/orgs-api.ts'
import { HomeIcon, ModuleIcon, SettingsIcon, ShieldIcon } from '../../ui/icons.tsx'
import { NavLinkLink } from '../../ui/router-links.tsx'

export function canSeeAudit(org: Pick<Org, 'role'>): boolean {
  return org.role === 'owner' || org.role === 'admin'
}

/** Owners and admins see the org settings (members, roles, API keys…). */
export function canManageOrg(org: Pick<Org, 'role'>): boolean {
  return org.role === 'owner' || org.role === 'admin'
}

/** Org navigation: home, one link per enabled module, and the audit log for owners and admins. */
export function OrgNav({ org, onNavigate }: { org: Org; onNavigate?: () => void }) {
  const { t, i18n } = useTranslation()
  const { data: catalog } = useQuery(moduleCatalogQuery)
  const pathname = useLocation({ select: (location) => location.pathname })
  const base = `/o/${org.slug}`
  const isActive = (href: string, exact = false) =>
    exact
      ? pathname === href || pathname === `${href}/`
      : pathname === href || pathname.startsWith(`${href}/`)

  return (
    <nav aria-label={t('nav.label')} style={{ display: 'contents' }}>
      <ScrollArea type="auto" style={{ flex: 1 }}>
        <Stack gap={2}>
          <NavLinkLink
            to="/o/$org"
            params={{ org: org.slug }}
            label={t('nav.home')}
            leftSection={<HomeIcon size={18} />}
            active={isActive(base, true)}
            onClick={onNavigate}
          />
          {org.enabledModules.length > 0 ? (
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
              {t('nav.modules')}
            </Text>
          ) : null}
          {org.enabledModules.map((key) => (
            <NavLinkLink
              key={key}
              to="/o/$org/$module"
              params={{ org: org.slug, module: key }}
              label={moduleLabel(key, catalog?.items, i18n)}
              leftSection={<ModuleIcon size={18} />}
              active={isActive(`${base}/${key}`)}
              onClick={onNavigate}
            />
          ))}
          {canManageOrg(org) ? (
            <>
              <Divider my="sm" />
              <NavLinkLink
                to="/o/$org/audit"
                params={{ org: org.slug }}
                label={t('nav.audit')}
                leftSection={<ShieldIcon size={18} />}
                active={isActive(`${base}/audit`)}
                onClick={onNavigate}
              />
              <NavLinkLink
                to="/o/$org/settings"
                params={{ org: org.slug }}
                label={t('nav.settings')}
                leftSection={<SettingsIcon size={18} />}
                active={isActive(`${base}/settings`)}
                onClick={onNavigate}
              />
            </>
          ) : null}
        </Stack>
      </ScrollArea>
    </nav>
  )
}
