import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { GraphQLClient } from '../../../lib/graphql-client';
import { GetCultureOverviewDocument } from '../graphql/culture.operations';
import { GetOrgUnitsDocument, GetReleaseResultsDocument, GetReleasesDocument } from '../graphql/dashboard.operations';
import { dashboardKeys } from './dashboard-query-keys';

// The dashboard's queries, defined once: its hooks use them, and so does the prefetch that
// starts them while the page's code is still loading (prefetch.ts).

/** Org units in tree order (managers: their own subtree). */
export const orgUnitsQuery = (client: GraphQLClient) =>
  queryOptions({
    queryKey: dashboardKeys.orgUnits(),
    queryFn: async ({ signal }) => (await client.request(GetOrgUnitsDocument, {}, { signal })).orgUnits,
    staleTime: 5 * 60_000,
  });

/** Audited releases, newest period first. */
export const releasesQuery = (client: GraphQLClient) =>
  queryOptions({
    queryKey: dashboardKeys.releases(),
    queryFn: async ({ signal }) => (await client.request(GetReleasesDocument, { first: 24 }, { signal })).releases,
    staleTime: 60_000,
  });

/** The heatmap of one release for a unit and its children, optionally cut by one dimension. */
export const releaseResultsQuery = (client: GraphQLClient, releaseId: string | null, orgUnitId: string | null, dimension: string | null) =>
  queryOptions({
    queryKey: dashboardKeys.results(releaseId ?? '', orgUnitId, dimension),
    queryFn: async ({ signal }) =>
      (await client.request(GetReleaseResultsDocument, { releaseId: releaseId!, orgUnitId, dimension }, { signal })).releaseResults,
    enabled: releaseId !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

/** Signals and KPIs of a unit on one month axis (default: the last 12 months). */
export const cultureOverviewQuery = (client: GraphQLClient, orgUnitId: string) =>
  queryOptions({
    queryKey: dashboardKeys.culture(orgUnitId),
    queryFn: async ({ signal }) => (await client.request(GetCultureOverviewDocument, { orgUnitId }, { signal })).cultureOverview,
    staleTime: 5 * 60_000,
  });
