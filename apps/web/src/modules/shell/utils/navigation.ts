import type { Role } from '../../../gql/graphql';

export type PageKey = 'dashboard' | 'teams' | 'my-success' | 'admin' | 'tenants';

export interface NavItem {
  key: PageKey;
  label: string;
  path: string;
  /** Who sees this entry. The API enforces access again on every request. */
  roles: readonly Role[];
}

/** In the order they appear in the navigation. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'dashboard', label: 'Dashboard', path: '/dashboard', roles: ['HR_LEADER', 'TENANT_ADMIN'] },
  { key: 'teams', label: 'My teams', path: '/teams', roles: ['MANAGER'] },
  { key: 'my-success', label: 'My success', path: '/my-success', roles: ['EMPLOYEE', 'MANAGER', 'HR_LEADER', 'TENANT_ADMIN'] },
  { key: 'admin', label: 'Admin', path: '/admin', roles: ['TENANT_ADMIN', 'HR_LEADER'] },
  { key: 'tenants', label: 'Tenants', path: '/platform/tenants', roles: ['PLATFORM_ADMIN'] },
];

export function canSee(item: Pick<NavItem, 'roles'>, roles: readonly Role[]): boolean {
  return item.roles.some((role) => roles.includes(role));
}

export function navItemsFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => canSee(item, roles));
}

/** Where someone lands after signing in: their first page, or null if their roles have none yet. */
export function homePathFor(roles: readonly Role[]): string | null {
  return navItemsFor(roles)[0]?.path ?? null;
}

export const ROLE_LABELS: Record<Role, string> = {
  PLATFORM_ADMIN: 'Platform admin',
  TENANT_ADMIN: 'Organisation admin',
  HR_LEADER: 'HR leader',
  MANAGER: 'Manager',
  EMPLOYEE: 'Employee',
};

/** "HR leader, Manager, Employee": most responsible role first, whatever order the API uses. */
export function describeRoles(roles: readonly Role[]): string {
  const order = Object.keys(ROLE_LABELS) as Role[];
  return [...new Set(roles)]
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((role) => ROLE_LABELS[role])
    .join(', ');
}

/** Only same-app paths are followed after sign-in (no open redirects). */
export function safeReturnPath(from: unknown): string | null {
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/\\')) {
    return null;
  }
  return from === '/sign-in' || from.startsWith('/sign-in?') ? null : from;
}
