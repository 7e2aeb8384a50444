import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useServerEvents } from '../api/hooks.js';
import { SignIn } from '../features/auth/SignIn.js';
import { BuildingDetail } from '../features/buildings/BuildingDetail.js';
import { BuildingsList } from '../features/buildings/BuildingsList.js';
import { InvoiceInbox } from '../features/finance/InvoiceInbox.js';
import { LedgerPage } from '../features/finance/LedgerPage.js';
import { SettingsPage } from '../features/settings/SettingsPage.js';
import { UsersPage } from '../features/users/UsersPage.js';
import { AssemblyPage } from '../features/governance/AssemblyPage.js';
import { BankPage } from '../features/banking/BankPage.js';
import { ProjectorScreen } from '../features/governance/ProjectorScreen.js';
import { NotFound } from '../components/NotFound.js';
import { AuthProvider, useAuth } from './AuthProvider.js';
import { Layout } from './Layout.js';
import { can } from './permissions.js';
import { useRoute } from './router.js';

function Screens() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [route, navigate] = useRoute();
  // The projector listens too, signed in or not: it shows no personal data (ag.projector is public).
  useServerEvents(!!user || route.name === 'projector');

  if (route.name === 'projector') return <ProjectorScreen key={route.assemblyId} assemblyId={route.assemblyId} projectorKey={route.key} />;

  if (user === undefined) {
    return (
      <Center h="100vh" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (user === null) return <SignIn />;

  let screen;
  switch (route.name) {
    case 'buildings':
      screen = <BuildingsList onOpen={(id) => navigate({ name: 'building', id, tab: 'lots' })} />;
      break;
    case 'building':
      screen = <BuildingDetail key={route.id} id={route.id} tab={route.tab} navigate={navigate} />;
      break;
    case 'invoices':
      screen = can(user, 'finance.read') ? <InvoiceInbox key={route.buildingId ?? 0} buildingId={route.buildingId} /> : <NotFound />;
      break;
    case 'ledger':
      screen = can(user, 'finance.read') ? <LedgerPage buildingId={route.buildingId} view={route.view} account={route.account} navigate={navigate} /> : <NotFound />;
      break;
    case 'bank':
      screen = can(user, 'finance.read') ? <BankPage view={route.view} buildingId={route.buildingId} navigate={navigate} /> : <NotFound />;
      break;
    case 'assembly':
      screen = <AssemblyPage key={route.id} id={route.id} view={route.view} navigate={navigate} />;
      break;
    case 'settings':
      screen = <SettingsPage />;
      break;
    case 'users':
      screen = can(user, 'users.manage') ? <UsersPage /> : <NotFound />;
      break;
    default:
      screen = <NotFound />;
  }
  return (
    <Layout route={route} navigate={navigate}>
      {screen}
    </Layout>
  );
}

export function App() {
  return (
    <AuthProvider>
      <Screens />
    </AuthProvider>
  );
}
