import { describe, expect, it } from 'vitest';
import { describeRoles, homePathFor, navItemsFor, safeReturnPath } from './navigation';

const labels = (roles: Parameters<typeof navItemsFor>[0]) => navItemsFor(roles).map((i) => i.label);

describe('role-based navigation', () => {
  it('shows each role its pages', () => {
    expect(labels(['HR_LEADER'])).toEqual(['Dashboard', 'My success', 'Admin']);
    expect(labels(['TENANT_ADMIN'])).toEqual(['Dashboard', 'My success', 'Admin']);
    expect(labels(['MANAGER'])).toEqual(['My teams', 'My success']);
    expect(labels(['EMPLOYEE'])).toEqual(['My success']);
    expect(labels(['PLATFORM_ADMIN'])).toEqual(['Tenants']);
  });

  it('combines roles in a stable order without duplicates', () => {
    expect(labels(['EMPLOYEE', 'MANAGER', 'HR_LEADER', 'TENANT_ADMIN'])).toEqual([
      'Dashboard',
      'My teams',
      'My success',
      'Admin',
    ]);
  });

  it('sends people to their first page', () => {
    expect(homePathFor(['EMPLOYEE', 'MANAGER'])).toBe('/teams');
    expect(homePathFor([])).toBeNull();
  });
});

describe('safeReturnPath', () => {
  it('only follows paths inside the app', () => {
    expect(safeReturnPath('/admin?tab=people')).toBe('/admin?tab=people');
    expect(safeReturnPath('//evil.example')).toBeNull();
    expect(safeReturnPath('/\\evil.example')).toBeNull();
    expect(safeReturnPath('https://evil.example')).toBeNull();
    expect(safeReturnPath('/sign-in')).toBeNull();
    expect(safeReturnPath(undefined)).toBeNull();
  });
});

describe('describeRoles', () => {
  it('lists roles most responsible first, once each', () => {
    expect(describeRoles(['EMPLOYEE', 'MANAGER', 'HR_LEADER', 'EMPLOYEE'])).toBe('HR leader, Manager, Employee');
  });
});
