import { AppShell, Container } from '@mantine/core'
import { Outlet } from '@tanstack/react-router'
import { AppHeader } from './app-header.tsx'

/** Layout for signed-in pages outside an organization (my orgs, create org). */
export function AccountShell() {
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <AppHeader />
      </AppShell.Header>
      <AppShell.Main>
        <Container size="md" py="md">
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  )
}
