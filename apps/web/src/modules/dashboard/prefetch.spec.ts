import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../../lib/graphql-client';
import { prefetchDashboard } from './prefetch';
import { dashboardKeys } from './utils/dashboard-query-keys';

const units = [
  { id: 'root', name: 'Acme', path: '', depth: 0, parentId: null },
  { id: 'eng', name: 'Engineering', path: 'Engineering', depth: 1, parentId: 'root' },
];
const release = (id: string, status: 'PUBLISHED' | 'WITHHELD') => ({ id, label: id, kind: 'ROUND', status, withheldReason: null, k: 5, dimensions: ['location'] });

/** A client that answers by operation name and records what it was asked. */
function fakeClient(releases: ReturnType<typeof release>[]) {
  const asked: { operation: string; variables: unknown }[] = [];
  const client = {
    request: async (document: unknown, variables: unknown) => {
      const operation = /(?:query|mutation) (\w+)/.exec(String(document))?.[1] ?? '';
      asked.push({ operation, variables });
      if (operation === 'GetOrgUnits') return { orgUnits: units };
      if (operation === 'GetReleases') return { releases };
      if (operation === 'GetReleaseResults') return { releaseResults: { operation } };
      if (operation === 'GetCultureOverview') return { cultureOverview: { operation } };
      throw new Error(`unexpected ${operation}`);
    },
  } as unknown as GraphQLClient;
  return { client, asked };
}

describe('prefetchDashboard', () => {
  it('starts the queries the dashboard opens with, under the keys its hooks read', async () => {
    const { client, asked } = fakeClient([release('r2', 'WITHHELD'), release('r1', 'PUBLISHED')]);
    const queryClient = new QueryClient();
    await prefetchDashboard(client, queryClient, new URLSearchParams());
    // The newest published release, the first unit, no cut.
    expect(asked.find((a) => a.operation === 'GetReleaseResults')?.variables).toEqual({ releaseId: 'r1', orgUnitId: 'root', dimension: null });
    expect(queryClient.getQueryData(dashboardKeys.results('r1', 'root', null))).toEqual({ operation: 'GetReleaseResults' });
    expect(queryClient.getQueryData(dashboardKeys.culture('root'))).toEqual({ operation: 'GetCultureOverview' });
    expect(queryClient.getQueryData(dashboardKeys.orgUnits())).toEqual(units);
  });

  it('follows the unit, period and cut in the address, and ignores a cut the release does not offer', async () => {
    const { client, asked } = fakeClient([release('r2', 'PUBLISHED'), release('r1', 'PUBLISHED')]);
    await prefetchDashboard(client, new QueryClient(), new URLSearchParams({ unit: 'eng', release: 'r1', cut: 'location' }));
    expect(asked.find((a) => a.operation === 'GetReleaseResults')?.variables).toEqual({ releaseId: 'r1', orgUnitId: 'eng', dimension: 'location' });
    const other = fakeClient([release('r1', 'PUBLISHED')]);
    await prefetchDashboard(other.client, new QueryClient(), new URLSearchParams({ cut: 'salary' }));
    expect(other.asked.find((a) => a.operation === 'GetReleaseResults')?.variables).toEqual({ releaseId: 'r1', orgUnitId: 'root', dimension: null });
  });

  it('asks for no results of a withheld period or of a unit that is not in the tree', async () => {
    const withheld = fakeClient([release('r1', 'WITHHELD')]);
    await prefetchDashboard(withheld.client, new QueryClient(), new URLSearchParams());
    expect(withheld.asked.map((a) => a.operation).sort()).toEqual(['GetCultureOverview', 'GetOrgUnits', 'GetReleases']);
    const unknown = fakeClient([release('r1', 'PUBLISHED')]);
    await prefetchDashboard(unknown.client, new QueryClient(), new URLSearchParams({ unit: 'elsewhere' }));
    expect(unknown.asked.map((a) => a.operation).sort()).toEqual(['GetOrgUnits', 'GetReleases']);
  });
});
