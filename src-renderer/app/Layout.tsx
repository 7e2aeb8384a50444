import { useState, type ReactNode } from 'react';
import { AppShell, Avatar, Badge, Burger, Group, Menu, NavLink, Stack, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconBook2, IconBuildingBank, IconBuildingCommunity, IconChevronDown, IconFileInvoice, IconKey, IconLogout, IconSettings, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useOpQuery } from '../api/hooks.js';
import { LanguageMenu } from '../components/LanguageMenu.js';
import { ChangePasswordDialog } from '../features/auth/ChangePasswordDialog.js';
import { useAuth, useUser } from './AuthProvider.js';
import { can } from './permissions.js';
import type { Route } from './router.js';
import { routeHref } from './router.js';
import classes from './Layout.module.css';

/** Id of the buildings search box: Ctrl+K (⌘K) and "/" bring the focus there from anywhere. */
export const SEARCH_INPUT_ID = 'buildings-search';

export function Layout({ route, navigate, children }: { route: Route; navigate: (r: Route) => void; children: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  const { signOut } = useAuth();
  const [navOpened, nav] = useDisclosure(false);
  // The meeting room takes the whole width: the navigation folds away (the burger brings it back).
  const focus = route.name === 'assembly' && route.view === 'meeting';
  const [passwordOpened, setPasswordOpened] = useState(false);

  const focusSearch = () => {
    if (route.name !== 'buildings') navigate({ name: 'buildings' });
    // After the list renders: the hashchange that renders it is a task of its own, which a
    // busy page may run after the next frames, so look again for up to ~half a second.
    let frames = 30;
    const tryFocus = () => {
      const input = document.getElementById(SEARCH_INPUT_ID);
      if (input) input.focus();
      else if (--frames > 0) requestAnimationFrame(tryFocus);
    };
    requestAnimationFrame(tryFocus);
  };
  // "/" only outside text fields (it is typed there); Ctrl+K / ⌘K from anywhere.
  useHotkeys([['/', focusSearch]]);
  useHotkeys([['mod+K', focusSearch]], []);

  const finance = can(user, 'finance.read');
  const approver = can(user, 'invoices.approve');
  // What waits for my approval (four-eyes: not what I submitted, not what I approved already).
  const inbox = useOpQuery('invoices.inboxCount', {}, { enabled: finance, refetchInterval: 60_000 });
  const waiting = approver ? (inbox.data?.waitingForMe ?? 0) : 0;
  // Movements to match: one page of at most 100 unmatched rows (no count operation yet); "99+" beyond.
  const toMatch = useOpQuery('bank.movements', { status: 'unmatched', limit: 100 }, { enabled: finance, refetchInterval: 60_000 });
  const unmatched = toMatch.data ? toMatch.data.rows.length : 0;
  const unmatchedText = toMatch.data?.nextCursor ? '99+' : String(unmatched);

  const links: { route: Route; label: string; icon: ReactNode; active: boolean; badge?: ReactNode; description?: string }[] = [
    { route: { name: 'buildings' }, label: t('nav.buildings'), icon: <IconBuildingCommunity size={18} aria-hidden />, active: route.name === 'buildings' || route.name === 'building' || route.name === 'assembly' },
    ...(finance
      ? [
          {
            route: { name: 'invoices' } as Route,
            label: t('nav.invoices'),
            icon: <IconFileInvoice size={18} aria-hidden />,
            active: route.name === 'invoices',
            badge: waiting ? <Badge size="sm" color="orange" variant="filled" circle={waiting < 10} aria-hidden>{waiting}</Badge> : undefined,
            description: waiting ? t('nav.waitingForMe', { n: waiting }) : undefined,
          },
          { route: { name: 'ledger', view: 'accounts' } as Route, label: t('nav.ledger'), icon: <IconBook2 size={18} aria-hidden />, active: route.name === 'ledger' },
          {
            route: { name: 'bank', view: 'reconcile' } as Route,
            label: t('nav.bank'),
            icon: <IconBuildingBank size={18} aria-hidden />,
            active: route.name === 'bank',
            badge: unmatched ? <Badge size="sm" color="blue" variant="light" circle={unmatched < 10} aria-hidden>{unmatchedText}</Badge> : undefined,
            description: unmatched ? t('nav.toMatch', { n: unmatchedText }) : undefined,
          },
        ]
      : []),
    ...(can(user, 'users.manage') ? [{ route: { name: 'users' } as Route, label: t('nav.users'), icon: <IconUsers size={18} aria-hidden />, active: route.name === 'users' }] : []),
    { route: { name: 'settings' }, label: t('nav.settings'), icon: <IconSettings size={18} aria-hidden />, active: route.name === 'settings' },
  ];
  const initials = user.displayName.split(/\s+/).filter((w) => /^\p{L}/u.test(w)).slice(0, 2).map((w) => w[0]).join('').toUpperCase();

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpened, desktop: focus && !navOpened } }} padding="lg">
      {/* A button, not href="#main": the hash is the router's. */}
      <UnstyledButton className={classes.skip} onClick={() => document.getElementById('main')?.focus()}>{t('app.skipToContent')}</UnstyledButton>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom={focus ? undefined : 'sm'} size="sm" aria-label={t('nav.toggle')} />
            <IconBuildingCommunity size={28} stroke={1.6} color="var(--mantine-primary-color-filled)" aria-hidden />
            <Title order={2} size="h4">{t('app.name')}</Title>
            <Text size="sm" c="dimmed" visibleFrom="md">{t('app.tagline')}</Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageMenu />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton className={classes.user} aria-label={t('user.menu', { name: user.displayName })}>
                  <Group gap="xs" wrap="nowrap">
                    <Avatar size={32} radius="xl" color="teal">{initials}</Avatar>
                    <Stack gap={0} visibleFrom="sm">
                      <Text size="sm" fw={600} lh={1.2}>{user.displayName}</Text>
                      <Text size="xs" c="dimmed" lh={1.2}>{user.roles.map((r) => t(`roles.${r.role}`)).join(', ')}</Text>
                    </Stack>
                    <IconChevronDown size={14} aria-hidden />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{user.email}</Menu.Label>
                <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => setPasswordOpened(true)}>{t('user.changePassword')}</Menu.Item>
                <Menu.Divider />
                <Menu.Item color="red" leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()}>{t('user.signOut')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={t('nav.main')}>
        {links.map((l) => (
          <NavLink
            key={l.route.name}
            href={routeHref(l.route)}
            label={l.label}
            aria-label={l.description ? `${l.label} (${l.description})` : undefined}
            leftSection={l.icon}
            rightSection={l.badge}
            active={l.active}
            aria-current={l.active ? 'page' : undefined}
            onClick={nav.close}
            className={classes.navLink}
          />
        ))}
        <VisuallyHidden>{t('nav.searchHint')}</VisuallyHidden>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        {children}
      </AppShell.Main>
      <ChangePasswordDialog opened={passwordOpened} onClose={() => setPasswordOpened(false)} />
    </AppShell>
  );
}
