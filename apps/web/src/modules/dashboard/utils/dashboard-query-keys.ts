/** Query-key factory for the dashboard domain. */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  orgUnits: () => [...dashboardKeys.all, 'org-units'] as const,
  releases: () => [...dashboardKeys.all, 'releases'] as const,
  results: (releaseId: string, orgUnitId: string | null, dimension: string | null) =>
    [...dashboardKeys.all, 'results', releaseId, orgUnitId, dimension] as const,
  culture: (orgUnitId: string) => [...dashboardKeys.all, 'culture', orgUnitId] as const,
  comments: (releaseId: string, orgUnitId: string) => [...dashboardKeys.all, 'comments', releaseId, orgUnitId] as const,
};
