import { lazy, type ReactNode, Suspense } from 'react';
import { NavLink, Navigate, Route, Routes } from 'react-router-dom';
import type { Role } from '../../../gql/graphql';
import { useSession } from '../../auth/hooks/useSession';
import { LoadingState } from '../../shell/components/LoadingState';
import { PageHeading } from '../../shell/components/PageHeading';
import { DirectoryImportSection } from './DirectoryImportSection';
import { OrgUnitsSection } from './OrgUnitsSection';
import { PeopleSection } from './PeopleSection';
import { PolicySection } from './PolicySection';
import { ProgrammesSection } from './ProgrammesSection';
import '../admin.css';

// Signals and KPIs are their own chunks: most admin visits never open them.
const SignalsSection = lazy(() => import('./SignalsSection'));
const SignalImportSection = lazy(() => import('./SignalImportSection'));
const ImportKeysSection = lazy(() => import('./ImportKeysSection'));
const KpisSection = lazy(() => import('./KpisSection'));
const IdentitySection = lazy(() => import('./IdentitySection'));

const ADMIN: readonly Role[] = ['TENANT_ADMIN'];
// What the API allows HR leaders too (signals, signal import, KPIs; import keys stay with admins).
const ADMIN_OR_HR: readonly Role[] = ['TENANT_ADMIN', 'HR_LEADER'];

interface Tab {
  path: string;
  label: string;
  roles: readonly Role[];
  render: () => ReactNode;
}

const TABS: readonly Tab[] = [
  { path: 'directory', label: 'Directory import', roles: ADMIN, render: () => <DirectoryImportSection /> },
  { path: 'people', label: 'People', roles: ADMIN, render: () => <PeopleSection /> },
  { path: 'org-units', label: 'Org units', roles: ADMIN, render: () => <OrgUnitsSection /> },
  { path: 'policies', label: 'Policies', roles: ADMIN, render: () => <PolicySection /> },
  { path: 'programmes', label: 'Pulse programmes', roles: ADMIN, render: () => <ProgrammesSection /> },
  { path: 'signals', label: 'Signals', roles: ADMIN_OR_HR, render: () => <SignalsSection /> },
  { path: 'signal-import', label: 'Signal import', roles: ADMIN_OR_HR, render: () => <SignalImportSection /> },
  { path: 'import-keys', label: 'Import keys', roles: ADMIN, render: () => <ImportKeysSection /> },
  { path: 'kpis', label: 'KPIs', roles: ADMIN_OR_HR, render: () => <KpisSection /> },
  { path: 'identity', label: 'SSO & SCIM', roles: ADMIN, render: () => <IdentitySection /> },
];

/** Organisation admin: directory, people, policies, pulse programmes, signals and KPIs (the last also for HR leaders). */
export default function AdminPage() {
  const session = useSession();
  const roles = session.status === 'signed-in' ? session.viewer.roles : [];
  const tabs = TABS.filter((tab) => tab.roles.some((role) => roles.includes(role)));
  const first = tabs[0]?.path ?? 'signals';
  return (
    <article className="page page--admin">
      <Routes>
        <Route index element={<Navigate to={`/admin/${first}`} replace />} />
        {tabs.map((tab) => (
          <Route
            key={tab.path}
            path={tab.path}
            element={
              <>
                <PageHeading title={`Admin · ${tab.label}`}>
                  Admin <span className="page-heading__sub">{tab.label}</span>
                </PageHeading>
                <AdminTabs tabs={tabs} />
                <Suspense fallback={<LoadingState label={`Loading ${tab.label.toLowerCase()}…`} />}>{tab.render()}</Suspense>
              </>
            }
          />
        ))}
        <Route path="*" element={<Navigate to={`/admin/${first}`} replace />} />
      </Routes>
    </article>
  );
}

function AdminTabs({ tabs }: { tabs: readonly Tab[] }) {
  return (
    <nav className="sub-nav" aria-label="Admin sections">
      <ul className="sub-nav__list">
        {tabs.map((tab) => (
          <li key={tab.path}>
            <NavLink to={`/admin/${tab.path}`} className="sub-nav__link">
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
