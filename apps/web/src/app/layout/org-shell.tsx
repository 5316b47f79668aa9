import { AppShell } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi, Outlet } from '@tanstack/react-router'
import { NotificationBell } from '../../features/notifications/notification-bell.tsx'
import { orgQuery } from '../../features/orgs/orgs-api.ts'
import { TwoFactorRequiredNotice, useTwoFactorRequired } from '../../ui/two-factor-required-notice.tsx'
import { AppHeader } from './app-header.tsx'
import { OrgNav } from './org-nav.tsx'
import { OrgSwitcher } from './org-switcher.tsx'

const orgRoute = getRouteApi('/_authed/o/$org')

/** Layout of every page inside an organization: header with org switcher, module navigation. */
export function OrgShell() {
  const { org: slug } = orgRoute.useParams()
  const { data: org } = useSuspenseQuery(orgQuery(slug))
  const [opened, { toggle, close }] = useDisclosure(false)
  const twoFactorRequired = useTwoFactorRequired()
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <AppHeader navOpened={opened} onToggleNav={toggle} actions={<NotificationBell slug={slug} />}>
          <OrgSwitcher current={org} />
        </AppHeader>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <OrgNav org={org} onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main>
        {twoFactorRequired ? <TwoFactorRequiredNotice /> : null}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  )
}
