/** Query-key factory for the admin domain. */
export const adminKeys = {
  all: ['admin'] as const,
  people: (search: string, orgUnitId: string | null, after: string | null) =>
    [...adminKeys.all, 'people', search, orgUnitId, after] as const,
  peopleAll: () => [...adminKeys.all, 'people'] as const,
  policy: () => [...adminKeys.all, 'policy'] as const,
  programmes: () => [...adminKeys.all, 'programmes'] as const,
  rounds: (programmeId: string) => [...adminKeys.all, 'rounds', programmeId] as const,
  roundsAll: () => [...adminKeys.all, 'rounds'] as const,
  questions: () => [...adminKeys.all, 'questions'] as const,
  signals: () => [...adminKeys.all, 'signals'] as const,
  importKeys: () => [...adminKeys.all, 'import-keys'] as const,
  ssoConfiguration: () => [...adminKeys.all, 'sso-configuration'] as const,
  scimTokens: () => [...adminKeys.all, 'scim-tokens'] as const,
  kpis: () => [...adminKeys.all, 'kpis'] as const,
  kpiObservations: (kpiId: string) => [...adminKeys.all, 'kpi-observations', kpiId] as const,
  kpiObservationsAll: () => [...adminKeys.all, 'kpi-observations'] as const,
};
