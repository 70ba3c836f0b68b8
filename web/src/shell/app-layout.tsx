import { AppShell, Burger, Button, Group, Loader, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useSession, useSignOut } from '../api/session';
import { ApiErrorAlert } from '../components/api-error-alert';
import { SignInPage } from '../pages/sign-in-page';
import { useUpgradeNavVisible } from '../pages/upgrade/upgrade-queries';
import { JobsIndicator } from './jobs-indicator';
import { NAV_ITEMS } from './nav-items';

/** The frame of every page: header, navigation, and the page; sign-in until there is a session. */
export function AppLayout() {
  const session = useSession();
  const signOut = useSignOut();
  const [opened, { toggle }] = useDisclosure();
  const location = useLocation();
  const upgradeVisible = useUpgradeNavVisible();

  if (session.isPending) return <Loader aria-label="Loading" m="xl" />;
  if (session.isError) return <ApiErrorAlert error={session.error} title="Warden could not be reached" />;
  if (!session.data) return <SignInPage />;

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={2} size="h4">
              Warden
            </Title>
          </Group>
          <Group>
            <JobsIndicator />
            <Text size="sm" aria-label="Signed in as">
              {session.data.user.name}
            </Text>
            <Button variant="default" size="compact-sm" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {NAV_ITEMS.filter((item) => item.path !== '/upgrade' || upgradeVisible).map((item) => (
          <NavLink key={item.path} component={Link} to={item.path} label={item.label} active={location.pathname.startsWith(item.path)} variant="filled" />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <ApiErrorAlert error={signOut.error} title="Sign-out failed" />
        <Suspense fallback={<Loader aria-label="Loading" />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
