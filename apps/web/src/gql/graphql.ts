/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AcceptInvitationInput = {
  password: string;
  token: string;
};

export type Cadence =
  | 'BIWEEKLY'
  | 'MONTHLY'
  | 'WEEKLY';

export type CreateKpiInput = {
  description?: string;
  /** Stable key used by CSV imports (lower-case letters, digits, underscores). */
  key: string;
  name: string;
  /** The org unit that owns the KPI. */
  orgUnitId: string;
  unit: string;
};

export type CreateProgrammeInput = {
  audienceUnitIds: Array<string>;
  cadence: Cadence;
  excludedUnitIds?: Array<string>;
  name: string;
  /** Days each round stays open (1–28). */
  openDays: number;
  /** Question keys to draw from; more than questionsPerRound rotates them across rounds. */
  questionKeys: Array<string>;
  /** 3–8 questions per round. */
  questionsPerRound: number;
  /** First launch; defaults to now. */
  startsAt?: string | null | undefined;
};

export type CreateTenantInput = {
  name: string;
  /** Lower-case letters, digits and dashes, e.g. "acme-robotics". */
  slug: string;
};

export type DefineImportedSignalInput = {
  description: string;
  /** Stable key (lower-case letters, digits, underscores). */
  key: string;
  name: string;
  unit: string;
  valueMax?: number | null | undefined;
  /** Smallest possible value per person (give both ends or neither). */
  valueMin?: number | null | undefined;
};

/** Why a point shows no figure: fewer than k people (BELOW_THRESHOLD); hidden so that a small group next to it cannot be worked out (COMPLEMENTARY); near-unanimous, shown only as a band (BANDED); the whole month could not be made safe and is not shown (WITHHELD). */
export type HiddenPointReason =
  | 'BANDED'
  | 'BELOW_THRESHOLD'
  | 'COMPLEMENTARY'
  | 'WITHHELD';

export type HiddenReason =
  | 'BANDED'
  | 'BELOW_THRESHOLD'
  | 'COMPLEMENTARY';

export type InviteTenantAdminInput = {
  displayName: string;
  email: string;
  tenantId: string;
};

export type KpiObservationInput = {
  /** YYYY-MM */
  month: string;
  value: number;
};

export type ProgrammeStatus =
  | 'ACTIVE'
  | 'PAUSED';

export type PulseAnswerInput = {
  questionId: string;
  text?: string | null | undefined;
  value?: number | null | undefined;
};

/** OPEN: can be answered; ANSWERED: this link was already used; CLOSED: the round has ended. */
export type PulseState =
  | 'ANSWERED'
  | 'CLOSED'
  | 'OPEN';

export type QuestionType =
  | 'AGREEMENT_5'
  | 'COMMENT'
  | 'ENPS_0_10'
  | 'YES_NO';

export type RecordKpiObservationsInput = {
  kpiId: string;
  /** Replaces the figure of each month given; other months are kept. */
  observations: Array<KpiObservationInput>;
};

/** ROUND: one pulse round. MONTH: a roll-up of the rounds opened in a month, made once the month has ended and only when a programme ran two or more rounds in it. */
export type ReleaseKind =
  | 'MONTH'
  | 'ROUND';

/** WITHHELD: the privacy audit could not be satisfied, so nothing of it is shown. */
export type ReleaseStatus =
  | 'PUBLISHED'
  | 'WITHHELD';

export type Role =
  | 'EMPLOYEE'
  | 'HR_LEADER'
  | 'MANAGER'
  | 'PLATFORM_ADMIN'
  | 'TENANT_ADMIN';

export type RoundStatus =
  | 'CLOSED'
  | 'OPEN';

export type SaveMySuccessStatementsInput = {
  /** YYYY-Qn; default: the current quarter. */
  quarter?: string | null | undefined;
  /** Up to 5 short statements (an empty list clears them). */
  statements: Array<string>;
};

export type SaveReportSuccessStatementsInput = {
  personId: string;
  quarter?: string | null | undefined;
  statements: Array<string>;
};

export type SetSignalHealthyBandInput = {
  /** Upper end; null for none. */
  healthyMax?: number | null | undefined;
  /** Lower end; null for none. */
  healthyMin?: number | null | undefined;
  key: string;
};

export type ShareMySuccessStatementsInput = {
  quarter?: string | null | undefined;
  /** true: my manager can read my statements; false: private again. */
  shared: boolean;
};

export type SignInInput = {
  email: string;
  /** Organisation slug; needed only when the email belongs to several organisations. */
  organization?: string | null | undefined;
  password: string;
};

/** PULSE: from pulse answers, through audited releases. IMPORT: aggregated behavioural data from an HR system, audited the same way. */
export type SignalSource =
  | 'IMPORT'
  | 'PULSE';

export type SsoConfigurationInput = {
  allowedDomains: Array<string>;
  clientId: string;
  /** Leave out to keep the stored secret. */
  clientSecret?: string | null | undefined;
  enabled: boolean;
  /** https URL of the identity provider (its issuer identifier). */
  issuer: string;
  passwordSignInEnabled: boolean;
};

export type TenantStatus =
  | 'ACTIVE'
  | 'SUSPENDED';

export type UpdateKpiInput = {
  description?: string | null | undefined;
  id: string;
  name?: string | null | undefined;
  orgUnitId?: string | null | undefined;
  unit?: string | null | undefined;
};

export type UpdateTenantPolicyInput = {
  allowedDimensions?: Array<string> | null | undefined;
  anonymityThreshold?: number | null | undefined;
  maxPulsesPerMonth?: number | null | undefined;
  quietHoursEnd?: string | null | undefined;
  quietHoursStart?: string | null | undefined;
  responseRetentionMonths?: number | null | undefined;
};

export type ImportDirectoryMutationVariables = Exact<{
  csv: string;
}>;


export type ImportDirectoryMutation = { importDirectory: { ok: boolean, rowsRead: number, peopleCreated: number, peopleUpdated: number, peopleUnchanged: number, orgUnitsCreated: number, errors: Array<{ row: number, column: string | null, message: string }> } };

export type GetPeopleQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  search?: string | null | undefined;
  orgUnitId?: string | null | undefined;
}>;


export type GetPeopleQuery = { people: { totalCount: number, nextCursor: string | null, items: Array<{ id: string, displayName: string, email: string, orgUnitId: string, location: string | null, roles: Array<Role>, active: boolean, timeZone: string }> } };

export type GetTenantPolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type GetTenantPolicyQuery = { tenantPolicy: { anonymityThreshold: number, quietHoursStart: string, quietHoursEnd: string, maxPulsesPerMonth: number, responseRetentionMonths: number, allowedDimensions: Array<string>, updatedAt: string } };

export type UpdateTenantPolicyMutationVariables = Exact<{
  input: UpdateTenantPolicyInput;
}>;


export type UpdateTenantPolicyMutation = { updateTenantPolicy: { anonymityThreshold: number, quietHoursStart: string, quietHoursEnd: string, maxPulsesPerMonth: number, responseRetentionMonths: number, allowedDimensions: Array<string>, updatedAt: string } };

export type PulseProgrammeFieldsFragment = { id: string, name: string, cadence: Cadence, status: ProgrammeStatus, openDays: number, questionsPerRound: number, questionKeys: Array<string>, audienceUnitIds: Array<string>, excludedUnitIds: Array<string>, startsAt: string };

export type GetPulseProgrammesQueryVariables = Exact<{ [key: string]: never; }>;


export type GetPulseProgrammesQuery = { pulseProgrammes: Array<{ id: string, name: string, cadence: Cadence, status: ProgrammeStatus, openDays: number, questionsPerRound: number, questionKeys: Array<string>, audienceUnitIds: Array<string>, excludedUnitIds: Array<string>, startsAt: string }> };

export type GetPulseRoundsQueryVariables = Exact<{
  programmeId: string;
}>;


export type GetPulseRoundsQuery = { pulseRounds: Array<{ id: string, sequence: number, status: RoundStatus, opensAt: string, closesAt: string, eligibleCount: number, invitedCount: number, skippedFatigueCount: number, respondedCount: number | null, responseRate: number | null }> };

export type GetQuestionsQueryVariables = Exact<{ [key: string]: never; }>;


export type GetQuestionsQuery = { questions: Array<{ id: string, key: string, text: string, type: QuestionType, active: boolean }> };

export type CreatePulseProgrammeMutationVariables = Exact<{
  input: CreateProgrammeInput;
}>;


export type CreatePulseProgrammeMutation = { createPulseProgramme: { id: string, name: string, cadence: Cadence, status: ProgrammeStatus, openDays: number, questionsPerRound: number, questionKeys: Array<string>, audienceUnitIds: Array<string>, excludedUnitIds: Array<string>, startsAt: string } };

export type PausePulseProgrammeMutationVariables = Exact<{
  id: string;
}>;


export type PausePulseProgrammeMutation = { pausePulseProgramme: { id: string, name: string, cadence: Cadence, status: ProgrammeStatus, openDays: number, questionsPerRound: number, questionKeys: Array<string>, audienceUnitIds: Array<string>, excludedUnitIds: Array<string>, startsAt: string } };

export type ResumePulseProgrammeMutationVariables = Exact<{
  id: string;
}>;


export type ResumePulseProgrammeMutation = { resumePulseProgramme: { id: string, name: string, cadence: Cadence, status: ProgrammeStatus, openDays: number, questionsPerRound: number, questionKeys: Array<string>, audienceUnitIds: Array<string>, excludedUnitIds: Array<string>, startsAt: string } };

export type LaunchPulseRoundMutationVariables = Exact<{
  programmeId: string;
}>;


export type LaunchPulseRoundMutation = { launchPulseRound: boolean };

export type SsoConfigurationFieldsFragment = { issuer: string, clientId: string, clientSecretSet: boolean, allowedDomains: Array<string>, enabled: boolean, passwordSignInEnabled: boolean, updatedAt: string };

export type GetSsoSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type GetSsoSettingsQuery = { ssoSettings: { redirectUri: string, configuration: { issuer: string, clientId: string, clientSecretSet: boolean, allowedDomains: Array<string>, enabled: boolean, passwordSignInEnabled: boolean, updatedAt: string } | null } };

export type SaveSsoConfigurationMutationVariables = Exact<{
  input: SsoConfigurationInput;
}>;


export type SaveSsoConfigurationMutation = { saveSsoConfiguration: { issuer: string, clientId: string, clientSecretSet: boolean, allowedDomains: Array<string>, enabled: boolean, passwordSignInEnabled: boolean, updatedAt: string } };

export type DeleteSsoConfigurationMutationVariables = Exact<{ [key: string]: never; }>;


export type DeleteSsoConfigurationMutation = { deleteSsoConfiguration: boolean };

export type ScimTokenFieldsFragment = { id: string, name: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null };

export type GetScimTokensQueryVariables = Exact<{ [key: string]: never; }>;


export type GetScimTokensQuery = { scimTokens: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> };

export type CreateScimTokenMutationVariables = Exact<{
  name: string;
}>;


export type CreateScimTokenMutation = { createScimToken: { secret: string, endpoint: string, scimToken: { id: string, name: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } } };

export type RotateScimTokenMutationVariables = Exact<{
  id: string;
}>;


export type RotateScimTokenMutation = { rotateScimToken: { secret: string, endpoint: string, scimToken: { id: string, name: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } } };

export type RevokeScimTokenMutationVariables = Exact<{
  id: string;
}>;


export type RevokeScimTokenMutation = { revokeScimToken: { id: string, name: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } };

export type KpiFieldsFragment = { id: string, key: string, name: string, description: string, unit: string, orgUnitId: string, orgUnitPath: string };

export type GetKpisQueryVariables = Exact<{ [key: string]: never; }>;


export type GetKpisQuery = { kpis: Array<{ id: string, key: string, name: string, description: string, unit: string, orgUnitId: string, orgUnitPath: string }> };

export type GetKpiObservationsQueryVariables = Exact<{
  kpiId: string;
}>;


export type GetKpiObservationsQuery = { kpiObservations: Array<{ month: string, value: number }> };

export type CreateKpiMutationVariables = Exact<{
  input: CreateKpiInput;
}>;


export type CreateKpiMutation = { createKpi: { id: string, key: string, name: string, description: string, unit: string, orgUnitId: string, orgUnitPath: string } };

export type UpdateKpiMutationVariables = Exact<{
  input: UpdateKpiInput;
}>;


export type UpdateKpiMutation = { updateKpi: { id: string, key: string, name: string, description: string, unit: string, orgUnitId: string, orgUnitPath: string } };

export type DeleteKpiMutationVariables = Exact<{
  id: string;
}>;


export type DeleteKpiMutation = { deleteKpi: boolean };

export type RecordKpiObservationsMutationVariables = Exact<{
  input: RecordKpiObservationsInput;
}>;


export type RecordKpiObservationsMutation = { recordKpiObservations: Array<{ month: string, value: number }> };

export type ImportKpiObservationsMutationVariables = Exact<{
  csv: string;
}>;


export type ImportKpiObservationsMutation = { importKpiObservations: { ok: boolean, rowsRead: number, observationsWritten: number, errors: Array<{ row: number, column: string | null, message: string }> } };

export type SignalFieldsFragment = { id: string, key: string, name: string, description: string, unit: string, source: SignalSource, builtIn: boolean, questionKey: string | null, healthyMin: number | null, healthyMax: number | null, valueMin: number | null, valueMax: number | null };

export type GetSignalsQueryVariables = Exact<{ [key: string]: never; }>;


export type GetSignalsQuery = { signals: Array<{ id: string, key: string, name: string, description: string, unit: string, source: SignalSource, builtIn: boolean, questionKey: string | null, healthyMin: number | null, healthyMax: number | null, valueMin: number | null, valueMax: number | null }> };

export type SetSignalHealthyBandMutationVariables = Exact<{
  input: SetSignalHealthyBandInput;
}>;


export type SetSignalHealthyBandMutation = { setSignalHealthyBand: { id: string, key: string, name: string, description: string, unit: string, source: SignalSource, builtIn: boolean, questionKey: string | null, healthyMin: number | null, healthyMax: number | null, valueMin: number | null, valueMax: number | null } };

export type DefineImportedSignalMutationVariables = Exact<{
  input: DefineImportedSignalInput;
}>;


export type DefineImportedSignalMutation = { defineImportedSignal: { id: string, key: string, name: string, description: string, unit: string, source: SignalSource, builtIn: boolean, questionKey: string | null, healthyMin: number | null, healthyMax: number | null, valueMin: number | null, valueMax: number | null } };

export type SignalImportResultFieldsFragment = { ok: boolean, rowsRead: number, monthsImported: number, monthsPublished: number, monthsWithheld: number, errors: Array<{ row: number, column: string | null, message: string }> };

export type ImportSignalObservationsMutationVariables = Exact<{
  csv: string;
}>;


export type ImportSignalObservationsMutation = { importSignalObservations: { ok: boolean, rowsRead: number, monthsImported: number, monthsPublished: number, monthsWithheld: number, errors: Array<{ row: number, column: string | null, message: string }> } };

export type RepublishSignalObservationsMutationVariables = Exact<{ [key: string]: never; }>;


export type RepublishSignalObservationsMutation = { republishSignalObservations: { ok: boolean, rowsRead: number, monthsImported: number, monthsPublished: number, monthsWithheld: number, errors: Array<{ row: number, column: string | null, message: string }> } };

export type SignalImportKeyFieldsFragment = { id: string, name: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null };

export type GetSignalImportKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type GetSignalImportKeysQuery = { signalImportKeys: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> };

export type CreateSignalImportKeyMutationVariables = Exact<{
  name: string;
}>;


export type CreateSignalImportKeyMutation = { createSignalImportKey: { secret: string, importKey: { id: string, name: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } } };

export type RevokeSignalImportKeyMutationVariables = Exact<{
  id: string;
}>;


export type RevokeSignalImportKeyMutation = { revokeSignalImportKey: { id: string, name: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } };

export type MySuccessAlignmentFieldsFragment = { quarter: string, mine: Array<string>, mineUpdatedAt: string | null, shared: boolean, fromManagers: Array<{ authorName: string, statements: Array<string>, updatedAt: string }> };

export type GetMySuccessAlignmentQueryVariables = Exact<{
  quarter?: string | null | undefined;
}>;


export type GetMySuccessAlignmentQuery = { mySuccessAlignment: { quarter: string, mine: Array<string>, mineUpdatedAt: string | null, shared: boolean, fromManagers: Array<{ authorName: string, statements: Array<string>, updatedAt: string }> } };

export type SaveMySuccessStatementsMutationVariables = Exact<{
  input: SaveMySuccessStatementsInput;
}>;


export type SaveMySuccessStatementsMutation = { saveMySuccessStatements: { quarter: string, mine: Array<string>, mineUpdatedAt: string | null, shared: boolean, fromManagers: Array<{ authorName: string, statements: Array<string>, updatedAt: string }> } };

export type ShareMySuccessStatementsMutationVariables = Exact<{
  input: ShareMySuccessStatementsInput;
}>;


export type ShareMySuccessStatementsMutation = { shareMySuccessStatements: { quarter: string, mine: Array<string>, mineUpdatedAt: string | null, shared: boolean, fromManagers: Array<{ authorName: string, statements: Array<string>, updatedAt: string }> } };

export type ReportSuccessAlignmentFieldsFragment = { personId: string, displayName: string, quarter: string, mine: Array<string>, theirs: Array<string> | null };

export type GetMyReportsSuccessAlignmentQueryVariables = Exact<{
  quarter?: string | null | undefined;
}>;


export type GetMyReportsSuccessAlignmentQuery = { myReportsSuccessAlignment: Array<{ personId: string, displayName: string, quarter: string, mine: Array<string>, theirs: Array<string> | null }> };

export type SaveReportSuccessStatementsMutationVariables = Exact<{
  input: SaveReportSuccessStatementsInput;
}>;


export type SaveReportSuccessStatementsMutation = { saveReportSuccessStatements: { personId: string, displayName: string, quarter: string, mine: Array<string>, theirs: Array<string> | null } };

export type SessionViewerFragment = { personId: string, email: string, displayName: string, roles: Array<Role>, tenant: { id: string, name: string, slug: string, status: TenantStatus } };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn: { accessToken: string, accessTokenExpiresAt: string, viewer: { personId: string, email: string, displayName: string, roles: Array<Role>, tenant: { id: string, name: string, slug: string, status: TenantStatus } } } };

export type RefreshSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type RefreshSessionMutation = { refreshSession: { accessToken: string, accessTokenExpiresAt: string, viewer: { personId: string, email: string, displayName: string, roles: Array<Role>, tenant: { id: string, name: string, slug: string, status: TenantStatus } } } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type GetViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type GetViewerQuery = { viewer: { personId: string, email: string, displayName: string, roles: Array<Role>, tenant: { id: string, name: string, slug: string, status: TenantStatus } } };

export type AcceptInvitationMutationVariables = Exact<{
  input: AcceptInvitationInput;
}>;


export type AcceptInvitationMutation = { acceptInvitation: { accessToken: string, accessTokenExpiresAt: string, viewer: { personId: string, email: string, displayName: string, roles: Array<Role>, tenant: { id: string, name: string, slug: string, status: TenantStatus } } } };

export type GetCultureOverviewQueryVariables = Exact<{
  orgUnitId: string;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type GetCultureOverviewQuery = { cultureOverview: { orgUnitId: string, name: string, from: string, to: string, months: Array<string>, anonymityThreshold: number, signals: Array<{ signal: { key: string, name: string, description: string, unit: string, healthyMin: number | null, healthyMax: number | null, source: SignalSource }, points: Array<{ month: string, value: number | null, hidden: boolean, reason: HiddenPointReason | null, band: string | null, n: number | null }>, trend: Array<{ month: string, value: number | null }> }>, kpis: Array<{ kpiId: string, key: string, name: string, unit: string, description: string, orgUnitPath: string, points: Array<{ month: string, value: number | null }> }> } };

export type GetOrgUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type GetOrgUnitsQuery = { orgUnits: Array<{ id: string, name: string, path: string, depth: number, parentId: string | null }> };

export type GetReleasesQueryVariables = Exact<{
  first: number;
}>;


export type GetReleasesQuery = { releases: Array<{ id: string, label: string, kind: ReleaseKind, status: ReleaseStatus, withheldReason: string | null, k: number, dimensions: Array<string>, periodStart: string }> };

export type GetReleaseResultsQueryVariables = Exact<{
  releaseId: string;
  orgUnitId?: string | null | undefined;
  dimension?: string | null | undefined;
}>;


export type GetReleaseResultsQuery = { releaseResults: { orgUnitId: string, dimension: string | null, commentsAvailable: boolean, release: { id: string, label: string, status: ReleaseStatus, withheldReason: string | null, k: number, dimensions: Array<string>, notCounted: number }, questions: Array<{ key: string, text: string, min: number, max: number }>, rows: Array<{ orgUnitId: string, name: string, isSelectedUnit: boolean, direct: boolean, hasChildren: boolean, dimensionValue: string | null, hidden: boolean, reason: HiddenReason | null, respondents: number | null, responseRate: number | null, values: Array<{ questionKey: string, hidden: boolean, reason: HiddenReason | null, band: string | null, mean: number | null, favourableShare: number | null, answered: number | null }> }> } };

export type GetReleaseCommentsQueryVariables = Exact<{
  releaseId: string;
  orgUnitId: string;
}>;


export type GetReleaseCommentsQuery = { releaseComments: { available: boolean, threshold: number, unavailableReason: string | null, comments: Array<{ text: string, roundLabel: string }> } };

export type TenantFieldsFragment = { id: string, name: string, slug: string, status: TenantStatus, createdAt: string };

export type GetTenantsQueryVariables = Exact<{ [key: string]: never; }>;


export type GetTenantsQuery = { tenants: Array<{ id: string, name: string, slug: string, status: TenantStatus, createdAt: string }> };

export type CreateTenantMutationVariables = Exact<{
  input: CreateTenantInput;
}>;


export type CreateTenantMutation = { createTenant: { id: string, name: string, slug: string, status: TenantStatus, createdAt: string } };

export type SuspendTenantMutationVariables = Exact<{
  id: string;
}>;


export type SuspendTenantMutation = { suspendTenant: { id: string, name: string, slug: string, status: TenantStatus, createdAt: string } };

export type ReactivateTenantMutationVariables = Exact<{
  id: string;
}>;


export type ReactivateTenantMutation = { reactivateTenant: { id: string, name: string, slug: string, status: TenantStatus, createdAt: string } };

export type InviteTenantAdminMutationVariables = Exact<{
  input: InviteTenantAdminInput;
}>;


export type InviteTenantAdminMutation = { inviteTenantAdmin: boolean };

export type GetPulseQueryVariables = Exact<{
  token: string;
}>;


export type GetPulseQuery = { pulse: { organizationName: string, state: PulseState, closesAt: string, anonymityThreshold: number, countsIn: Array<string>, notCountedReason: string | null, questions: Array<{ id: string, text: string, type: QuestionType, min: number | null, max: number | null }> } };

export type SubmitPulseMutationVariables = Exact<{
  token: string;
  answers: Array<PulseAnswerInput> | PulseAnswerInput;
}>;


export type SubmitPulseMutation = { submitPulse: { received: boolean, message: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const PulseProgrammeFieldsFragmentDoc = new TypedDocumentString(`
    fragment PulseProgrammeFields on PulseProgramme {
  id
  name
  cadence
  status
  openDays
  questionsPerRound
  questionKeys
  audienceUnitIds
  excludedUnitIds
  startsAt
}
    `, {"fragmentName":"PulseProgrammeFields"}) as unknown as TypedDocumentString<PulseProgrammeFieldsFragment, unknown>;
export const SsoConfigurationFieldsFragmentDoc = new TypedDocumentString(`
    fragment SsoConfigurationFields on SsoConfiguration {
  issuer
  clientId
  clientSecretSet
  allowedDomains
  enabled
  passwordSignInEnabled
  updatedAt
}
    `, {"fragmentName":"SsoConfigurationFields"}) as unknown as TypedDocumentString<SsoConfigurationFieldsFragment, unknown>;
export const ScimTokenFieldsFragmentDoc = new TypedDocumentString(`
    fragment ScimTokenFields on ScimToken {
  id
  name
  createdAt
  lastUsedAt
  revokedAt
}
    `, {"fragmentName":"ScimTokenFields"}) as unknown as TypedDocumentString<ScimTokenFieldsFragment, unknown>;
export const KpiFieldsFragmentDoc = new TypedDocumentString(`
    fragment KpiFields on Kpi {
  id
  key
  name
  description
  unit
  orgUnitId
  orgUnitPath
}
    `, {"fragmentName":"KpiFields"}) as unknown as TypedDocumentString<KpiFieldsFragment, unknown>;
export const SignalFieldsFragmentDoc = new TypedDocumentString(`
    fragment SignalFields on Signal {
  id
  key
  name
  description
  unit
  source
  builtIn
  questionKey
  healthyMin
  healthyMax
  valueMin
  valueMax
}
    `, {"fragmentName":"SignalFields"}) as unknown as TypedDocumentString<SignalFieldsFragment, unknown>;
export const SignalImportResultFieldsFragmentDoc = new TypedDocumentString(`
    fragment SignalImportResultFields on SignalImportResult {
  ok
  rowsRead
  monthsImported
  monthsPublished
  monthsWithheld
  errors {
    row
    column
    message
  }
}
    `, {"fragmentName":"SignalImportResultFields"}) as unknown as TypedDocumentString<SignalImportResultFieldsFragment, unknown>;
export const SignalImportKeyFieldsFragmentDoc = new TypedDocumentString(`
    fragment SignalImportKeyFields on SignalImportKey {
  id
  name
  createdAt
  lastUsedAt
  revokedAt
}
    `, {"fragmentName":"SignalImportKeyFields"}) as unknown as TypedDocumentString<SignalImportKeyFieldsFragment, unknown>;
export const MySuccessAlignmentFieldsFragmentDoc = new TypedDocumentString(`
    fragment MySuccessAlignmentFields on MySuccessAlignment {
  quarter
  mine
  mineUpdatedAt
  shared
  fromManagers {
    authorName
    statements
    updatedAt
  }
}
    `, {"fragmentName":"MySuccessAlignmentFields"}) as unknown as TypedDocumentString<MySuccessAlignmentFieldsFragment, unknown>;
export const ReportSuccessAlignmentFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReportSuccessAlignmentFields on ReportSuccessAlignment {
  personId
  displayName
  quarter
  mine
  theirs
}
    `, {"fragmentName":"ReportSuccessAlignmentFields"}) as unknown as TypedDocumentString<ReportSuccessAlignmentFieldsFragment, unknown>;
export const SessionViewerFragmentDoc = new TypedDocumentString(`
    fragment SessionViewer on Viewer {
  personId
  email
  displayName
  roles
  tenant {
    id
    name
    slug
    status
  }
}
    `, {"fragmentName":"SessionViewer"}) as unknown as TypedDocumentString<SessionViewerFragment, unknown>;
export const TenantFieldsFragmentDoc = new TypedDocumentString(`
    fragment TenantFields on Tenant {
  id
  name
  slug
  status
  createdAt
}
    `, {"fragmentName":"TenantFields"}) as unknown as TypedDocumentString<TenantFieldsFragment, unknown>;
export const ImportDirectoryDocument = new TypedDocumentString(`
    mutation ImportDirectory($csv: String!) {
  importDirectory(csv: $csv) {
    ok
    rowsRead
    peopleCreated
    peopleUpdated
    peopleUnchanged
    orgUnitsCreated
    errors {
      row
      column
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ImportDirectoryMutation, ImportDirectoryMutationVariables>;
export const GetPeopleDocument = new TypedDocumentString(`
    query GetPeople($first: Int!, $after: String, $search: String, $orgUnitId: ID) {
  people(first: $first, after: $after, search: $search, orgUnitId: $orgUnitId) {
    totalCount
    nextCursor
    items {
      id
      displayName
      email
      orgUnitId
      location
      roles
      active
      timeZone
    }
  }
}
    `) as unknown as TypedDocumentString<GetPeopleQuery, GetPeopleQueryVariables>;
export const GetTenantPolicyDocument = new TypedDocumentString(`
    query GetTenantPolicy {
  tenantPolicy {
    anonymityThreshold
    quietHoursStart
    quietHoursEnd
    maxPulsesPerMonth
    responseRetentionMonths
    allowedDimensions
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<GetTenantPolicyQuery, GetTenantPolicyQueryVariables>;
export const UpdateTenantPolicyDocument = new TypedDocumentString(`
    mutation UpdateTenantPolicy($input: UpdateTenantPolicyInput!) {
  updateTenantPolicy(input: $input) {
    anonymityThreshold
    quietHoursStart
    quietHoursEnd
    maxPulsesPerMonth
    responseRetentionMonths
    allowedDimensions
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<UpdateTenantPolicyMutation, UpdateTenantPolicyMutationVariables>;
export const GetPulseProgrammesDocument = new TypedDocumentString(`
    query GetPulseProgrammes {
  pulseProgrammes {
    ...PulseProgrammeFields
  }
}
    fragment PulseProgrammeFields on PulseProgramme {
  id
  name
  cadence
  status
  openDays
  questionsPerRound
  questionKeys
  audienceUnitIds
  excludedUnitIds
  startsAt
}`) as unknown as TypedDocumentString<GetPulseProgrammesQuery, GetPulseProgrammesQueryVariables>;
export const GetPulseRoundsDocument = new TypedDocumentString(`
    query GetPulseRounds($programmeId: ID!) {
  pulseRounds(programmeId: $programmeId) {
    id
    sequence
    status
    opensAt
    closesAt
    eligibleCount
    invitedCount
    skippedFatigueCount
    respondedCount
    responseRate
  }
}
    `) as unknown as TypedDocumentString<GetPulseRoundsQuery, GetPulseRoundsQueryVariables>;
export const GetQuestionsDocument = new TypedDocumentString(`
    query GetQuestions {
  questions {
    id
    key
    text
    type
    active
  }
}
    `) as unknown as TypedDocumentString<GetQuestionsQuery, GetQuestionsQueryVariables>;
export const CreatePulseProgrammeDocument = new TypedDocumentString(`
    mutation CreatePulseProgramme($input: CreateProgrammeInput!) {
  createPulseProgramme(input: $input) {
    ...PulseProgrammeFields
  }
}
    fragment PulseProgrammeFields on PulseProgramme {
  id
  name
  cadence
  status
  openDays
  questionsPerRound
  questionKeys
  audienceUnitIds
  excludedUnitIds
  startsAt
}`) as unknown as TypedDocumentString<CreatePulseProgrammeMutation, CreatePulseProgrammeMutationVariables>;
export const PausePulseProgrammeDocument = new TypedDocumentString(`
    mutation PausePulseProgramme($id: ID!) {
  pausePulseProgramme(id: $id) {
    ...PulseProgrammeFields
  }
}
    fragment PulseProgrammeFields on PulseProgramme {
  id
  name
  cadence
  status
  openDays
  questionsPerRound
  questionKeys
  audienceUnitIds
  excludedUnitIds
  startsAt
}`) as unknown as TypedDocumentString<PausePulseProgrammeMutation, PausePulseProgrammeMutationVariables>;
export const ResumePulseProgrammeDocument = new TypedDocumentString(`
    mutation ResumePulseProgramme($id: ID!) {
  resumePulseProgramme(id: $id) {
    ...PulseProgrammeFields
  }
}
    fragment PulseProgrammeFields on PulseProgramme {
  id
  name
  cadence
  status
  openDays
  questionsPerRound
  questionKeys
  audienceUnitIds
  excludedUnitIds
  startsAt
}`) as unknown as TypedDocumentString<ResumePulseProgrammeMutation, ResumePulseProgrammeMutationVariables>;
export const LaunchPulseRoundDocument = new TypedDocumentString(`
    mutation LaunchPulseRound($programmeId: ID!) {
  launchPulseRound(programmeId: $programmeId)
}
    `) as unknown as TypedDocumentString<LaunchPulseRoundMutation, LaunchPulseRoundMutationVariables>;
export const GetSsoSettingsDocument = new TypedDocumentString(`
    query GetSsoSettings {
  ssoSettings {
    redirectUri
    configuration {
      ...SsoConfigurationFields
    }
  }
}
    fragment SsoConfigurationFields on SsoConfiguration {
  issuer
  clientId
  clientSecretSet
  allowedDomains
  enabled
  passwordSignInEnabled
  updatedAt
}`) as unknown as TypedDocumentString<GetSsoSettingsQuery, GetSsoSettingsQueryVariables>;
export const SaveSsoConfigurationDocument = new TypedDocumentString(`
    mutation SaveSsoConfiguration($input: SsoConfigurationInput!) {
  saveSsoConfiguration(input: $input) {
    ...SsoConfigurationFields
  }
}
    fragment SsoConfigurationFields on SsoConfiguration {
  issuer
  clientId
  clientSecretSet
  allowedDomains
  enabled
  passwordSignInEnabled
  updatedAt
}`) as unknown as TypedDocumentString<SaveSsoConfigurationMutation, SaveSsoConfigurationMutationVariables>;
export const DeleteSsoConfigurationDocument = new TypedDocumentString(`
    mutation DeleteSsoConfiguration {
  deleteSsoConfiguration
}
    `) as unknown as TypedDocumentString<DeleteSsoConfigurationMutation, DeleteSsoConfigurationMutationVariables>;
export const GetScimTokensDocument = new TypedDocumentString(`
    query GetScimTokens {
  scimTokens {
    ...ScimTokenFields
  }
}
    fragment ScimTokenFields on ScimToken {
  id
  name
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<GetScimTokensQuery, GetScimTokensQueryVariables>;
export const CreateScimTokenDocument = new TypedDocumentString(`
    mutation CreateScimToken($name: String!) {
  createScimToken(name: $name) {
    secret
    endpoint
    scimToken {
      ...ScimTokenFields
    }
  }
}
    fragment ScimTokenFields on ScimToken {
  id
  name
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<CreateScimTokenMutation, CreateScimTokenMutationVariables>;
export const RotateScimTokenDocument = new TypedDocumentString(`
    mutation RotateScimToken($id: ID!) {
  rotateScimToken(id: $id) {
    secret
    endpoint
    scimToken {
      ...ScimTokenFields
    }
  }
}
    fragment ScimTokenFields on ScimToken {
  id
  name
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<RotateScimTokenMutation, RotateScimTokenMutationVariables>;
export const RevokeScimTokenDocument = new TypedDocumentString(`
    mutation RevokeScimToken($id: ID!) {
  revokeScimToken(id: $id) {
    ...ScimTokenFields
  }
}
    fragment ScimTokenFields on ScimToken {
  id
  name
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<RevokeScimTokenMutation, RevokeScimTokenMutationVariables>;
export const GetKpisDocument = new TypedDocumentString(`
    query GetKpis {
  kpis {
    ...KpiFields
  }
}
    fragment KpiFields on Kpi {
  id
  key
  name
  description
  unit
  orgUnitId
  orgUnitPath
}`) as unknown as TypedDocumentString<GetKpisQuery, GetKpisQueryVariables>;
export const GetKpiObservationsDocument = new TypedDocumentString(`
    query GetKpiObservations($kpiId: ID!) {
  kpiObservations(kpiId: $kpiId) {
    month
    value
  }
}
    `) as unknown as TypedDocumentString<GetKpiObservationsQuery, GetKpiObservationsQueryVariables>;
export const CreateKpiDocument = new TypedDocumentString(`
    mutation CreateKpi($input: CreateKpiInput!) {
  createKpi(input: $input) {
    ...KpiFields
  }
}
    fragment KpiFields on Kpi {
  id
  key
  name
  description
  unit
  orgUnitId
  orgUnitPath
}`) as unknown as TypedDocumentString<CreateKpiMutation, CreateKpiMutationVariables>;
export const UpdateKpiDocument = new TypedDocumentString(`
    mutation UpdateKpi($input: UpdateKpiInput!) {
  updateKpi(input: $input) {
    ...KpiFields
  }
}
    fragment KpiFields on Kpi {
  id
  key
  name
  description
  unit
  orgUnitId
  orgUnitPath
}`) as unknown as TypedDocumentString<UpdateKpiMutation, UpdateKpiMutationVariables>;
export const DeleteKpiDocument = new TypedDocumentString(`
    mutation DeleteKpi($id: ID!) {
  deleteKpi(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteKpiMutation, DeleteKpiMutationVariables>;
export const RecordKpiObservationsDocument = new TypedDocumentString(`
    mutation RecordKpiObservations($input: RecordKpiObservationsInput!) {
  recordKpiObservations(input: $input) {
    month
    value
  }
}
    `) as unknown as TypedDocumentString<RecordKpiObservationsMutation, RecordKpiObservationsMutationVariables>;
export const ImportKpiObservationsDocument = new TypedDocumentString(`
    mutation ImportKpiObservations($csv: String!) {
  importKpiObservations(csv: $csv) {
    ok
    rowsRead
    observationsWritten
    errors {
      row
      column
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ImportKpiObservationsMutation, ImportKpiObservationsMutationVariables>;
export const GetSignalsDocument = new TypedDocumentString(`
    query GetSignals {
  signals {
    ...SignalFields
  }
}
    fragment SignalFields on Signal {
  id
  key
  name
  description
  unit
  source
  builtIn
  questionKey
  healthyMin
  healthyMax
  valueMin
  valueMax
}`) as unknown as TypedDocumentString<GetSignalsQuery, GetSignalsQueryVariables>;
export const SetSignalHealthyBandDocument = new TypedDocumentString(`
    mutation SetSignalHealthyBand($input: SetSignalHealthyBandInput!) {
  setSignalHealthyBand(input: $input) {
    ...SignalFields
  }
}
    fragment SignalFields on Signal {
  id
  key
  name
  description
  unit
  source
  builtIn
  questionKey
  healthyMin
  healthyMax
  valueMin
  valueMax
}`) as unknown as TypedDocumentString<SetSignalHealthyBandMutation, SetSignalHealthyBandMutationVariables>;
export const DefineImportedSignalDocument = new TypedDocumentString(`
    mutation DefineImportedSignal($input: DefineImportedSignalInput!) {
  defineImportedSignal(input: $input) {
    ...SignalFields
  }
}
    fragment SignalFields on Signal {
  id
  key
  name
  description
  unit
  source
  builtIn
  questionKey
  healthyMin
  healthyMax
  valueMin
  valueMax
}`) as unknown as TypedDocumentString<DefineImportedSignalMutation, DefineImportedSignalMutationVariables>;
export const ImportSignalObservationsDocument = new TypedDocumentString(`
    mutation ImportSignalObservations($csv: String!) {
  importSignalObservations(csv: $csv) {
    ...SignalImportResultFields
  }
}
    fragment SignalImportResultFields on SignalImportResult {
  ok
  rowsRead
  monthsImported
  monthsPublished
  monthsWithheld
  errors {
    row
    column
    message
  }
}`) as unknown as TypedDocumentString<ImportSignalObservationsMutation, ImportSignalObservationsMutationVariables>;
export const RepublishSignalObservationsDocument = new TypedDocumentString(`
    mutation RepublishSignalObservations {
  republishSignalObservations {
    ...SignalImportResultFields
  }
}
    fragment SignalImportResultFields on SignalImportResult {
  ok
  rowsRead
  monthsImported
  monthsPublished
  monthsWithheld
  errors {
    row
    column
    message
  }
}`) as unknown as TypedDocumentString<RepublishSignalObservationsMutation, RepublishSignalObservationsMutationVariables>;
export const GetSignalImportKeysDocument = new TypedDocumentString(`
    query GetSignalImportKeys {
  signalImportKeys {
    ...SignalImportKeyFields
  }
}
    fragment SignalImportKeyFields on SignalImportKey {
  id
  name
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<GetSignalImportKeysQuery, GetSignalImportKeysQueryVariables>;
export const CreateSignalImportKeyDocument = new TypedDocumentString(`
    mutation CreateSignalImportKey($name: String!) {
  createSignalImportKey(name: $name) {
    secret
    importKey {
      ...SignalImportKeyFields
    }
  }
}
    fragment SignalImportKeyFields on SignalImportKey {
  id
  name
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<CreateSignalImportKeyMutation, CreateSignalImportKeyMutationVariables>;
export const RevokeSignalImportKeyDocument = new TypedDocumentString(`
    mutation RevokeSignalImportKey($id: ID!) {
  revokeSignalImportKey(id: $id) {
    ...SignalImportKeyFields
  }
}
    fragment SignalImportKeyFields on SignalImportKey {
  id
  name
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<RevokeSignalImportKeyMutation, RevokeSignalImportKeyMutationVariables>;
export const GetMySuccessAlignmentDocument = new TypedDocumentString(`
    query GetMySuccessAlignment($quarter: String) {
  mySuccessAlignment(quarter: $quarter) {
    ...MySuccessAlignmentFields
  }
}
    fragment MySuccessAlignmentFields on MySuccessAlignment {
  quarter
  mine
  mineUpdatedAt
  shared
  fromManagers {
    authorName
    statements
    updatedAt
  }
}`) as unknown as TypedDocumentString<GetMySuccessAlignmentQuery, GetMySuccessAlignmentQueryVariables>;
export const SaveMySuccessStatementsDocument = new TypedDocumentString(`
    mutation SaveMySuccessStatements($input: SaveMySuccessStatementsInput!) {
  saveMySuccessStatements(input: $input) {
    ...MySuccessAlignmentFields
  }
}
    fragment MySuccessAlignmentFields on MySuccessAlignment {
  quarter
  mine
  mineUpdatedAt
  shared
  fromManagers {
    authorName
    statements
    updatedAt
  }
}`) as unknown as TypedDocumentString<SaveMySuccessStatementsMutation, SaveMySuccessStatementsMutationVariables>;
export const ShareMySuccessStatementsDocument = new TypedDocumentString(`
    mutation ShareMySuccessStatements($input: ShareMySuccessStatementsInput!) {
  shareMySuccessStatements(input: $input) {
    ...MySuccessAlignmentFields
  }
}
    fragment MySuccessAlignmentFields on MySuccessAlignment {
  quarter
  mine
  mineUpdatedAt
  shared
  fromManagers {
    authorName
    statements
    updatedAt
  }
}`) as unknown as TypedDocumentString<ShareMySuccessStatementsMutation, ShareMySuccessStatementsMutationVariables>;
export const GetMyReportsSuccessAlignmentDocument = new TypedDocumentString(`
    query GetMyReportsSuccessAlignment($quarter: String) {
  myReportsSuccessAlignment(quarter: $quarter) {
    ...ReportSuccessAlignmentFields
  }
}
    fragment ReportSuccessAlignmentFields on ReportSuccessAlignment {
  personId
  displayName
  quarter
  mine
  theirs
}`) as unknown as TypedDocumentString<GetMyReportsSuccessAlignmentQuery, GetMyReportsSuccessAlignmentQueryVariables>;
export const SaveReportSuccessStatementsDocument = new TypedDocumentString(`
    mutation SaveReportSuccessStatements($input: SaveReportSuccessStatementsInput!) {
  saveReportSuccessStatements(input: $input) {
    ...ReportSuccessAlignmentFields
  }
}
    fragment ReportSuccessAlignmentFields on ReportSuccessAlignment {
  personId
  displayName
  quarter
  mine
  theirs
}`) as unknown as TypedDocumentString<SaveReportSuccessStatementsMutation, SaveReportSuccessStatementsMutationVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    accessToken
    accessTokenExpiresAt
    viewer {
      ...SessionViewer
    }
  }
}
    fragment SessionViewer on Viewer {
  personId
  email
  displayName
  roles
  tenant {
    id
    name
    slug
    status
  }
}`) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const RefreshSessionDocument = new TypedDocumentString(`
    mutation RefreshSession {
  refreshSession {
    accessToken
    accessTokenExpiresAt
    viewer {
      ...SessionViewer
    }
  }
}
    fragment SessionViewer on Viewer {
  personId
  email
  displayName
  roles
  tenant {
    id
    name
    slug
    status
  }
}`) as unknown as TypedDocumentString<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut {
  signOut
}
    `) as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const GetViewerDocument = new TypedDocumentString(`
    query GetViewer {
  viewer {
    ...SessionViewer
  }
}
    fragment SessionViewer on Viewer {
  personId
  email
  displayName
  roles
  tenant {
    id
    name
    slug
    status
  }
}`) as unknown as TypedDocumentString<GetViewerQuery, GetViewerQueryVariables>;
export const AcceptInvitationDocument = new TypedDocumentString(`
    mutation AcceptInvitation($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) {
    accessToken
    accessTokenExpiresAt
    viewer {
      ...SessionViewer
    }
  }
}
    fragment SessionViewer on Viewer {
  personId
  email
  displayName
  roles
  tenant {
    id
    name
    slug
    status
  }
}`) as unknown as TypedDocumentString<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const GetCultureOverviewDocument = new TypedDocumentString(`
    query GetCultureOverview($orgUnitId: ID!, $from: String, $to: String) {
  cultureOverview(orgUnitId: $orgUnitId, from: $from, to: $to) {
    orgUnitId
    name
    from
    to
    months
    anonymityThreshold
    signals {
      signal {
        key
        name
        description
        unit
        healthyMin
        healthyMax
        source
      }
      points {
        month
        value
        hidden
        reason
        band
        n
      }
      trend {
        month
        value
      }
    }
    kpis {
      kpiId
      key
      name
      unit
      description
      orgUnitPath
      points {
        month
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GetCultureOverviewQuery, GetCultureOverviewQueryVariables>;
export const GetOrgUnitsDocument = new TypedDocumentString(`
    query GetOrgUnits {
  orgUnits {
    id
    name
    path
    depth
    parentId
  }
}
    `) as unknown as TypedDocumentString<GetOrgUnitsQuery, GetOrgUnitsQueryVariables>;
export const GetReleasesDocument = new TypedDocumentString(`
    query GetReleases($first: Int!) {
  releases(first: $first) {
    id
    label
    kind
    status
    withheldReason
    k
    dimensions
    periodStart
  }
}
    `) as unknown as TypedDocumentString<GetReleasesQuery, GetReleasesQueryVariables>;
export const GetReleaseResultsDocument = new TypedDocumentString(`
    query GetReleaseResults($releaseId: ID!, $orgUnitId: ID, $dimension: String) {
  releaseResults(
    releaseId: $releaseId
    orgUnitId: $orgUnitId
    dimension: $dimension
  ) {
    orgUnitId
    dimension
    commentsAvailable
    release {
      id
      label
      status
      withheldReason
      k
      dimensions
      notCounted
    }
    questions {
      key
      text
      min
      max
    }
    rows {
      orgUnitId
      name
      isSelectedUnit
      direct
      hasChildren
      dimensionValue
      hidden
      reason
      respondents
      responseRate
      values {
        questionKey
        hidden
        reason
        band
        mean
        favourableShare
        answered
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GetReleaseResultsQuery, GetReleaseResultsQueryVariables>;
export const GetReleaseCommentsDocument = new TypedDocumentString(`
    query GetReleaseComments($releaseId: ID!, $orgUnitId: ID!) {
  releaseComments(releaseId: $releaseId, orgUnitId: $orgUnitId) {
    available
    threshold
    unavailableReason
    comments {
      text
      roundLabel
    }
  }
}
    `) as unknown as TypedDocumentString<GetReleaseCommentsQuery, GetReleaseCommentsQueryVariables>;
export const GetTenantsDocument = new TypedDocumentString(`
    query GetTenants {
  tenants {
    ...TenantFields
  }
}
    fragment TenantFields on Tenant {
  id
  name
  slug
  status
  createdAt
}`) as unknown as TypedDocumentString<GetTenantsQuery, GetTenantsQueryVariables>;
export const CreateTenantDocument = new TypedDocumentString(`
    mutation CreateTenant($input: CreateTenantInput!) {
  createTenant(input: $input) {
    ...TenantFields
  }
}
    fragment TenantFields on Tenant {
  id
  name
  slug
  status
  createdAt
}`) as unknown as TypedDocumentString<CreateTenantMutation, CreateTenantMutationVariables>;
export const SuspendTenantDocument = new TypedDocumentString(`
    mutation SuspendTenant($id: ID!) {
  suspendTenant(id: $id) {
    ...TenantFields
  }
}
    fragment TenantFields on Tenant {
  id
  name
  slug
  status
  createdAt
}`) as unknown as TypedDocumentString<SuspendTenantMutation, SuspendTenantMutationVariables>;
export const ReactivateTenantDocument = new TypedDocumentString(`
    mutation ReactivateTenant($id: ID!) {
  reactivateTenant(id: $id) {
    ...TenantFields
  }
}
    fragment TenantFields on Tenant {
  id
  name
  slug
  status
  createdAt
}`) as unknown as TypedDocumentString<ReactivateTenantMutation, ReactivateTenantMutationVariables>;
export const InviteTenantAdminDocument = new TypedDocumentString(`
    mutation InviteTenantAdmin($input: InviteTenantAdminInput!) {
  inviteTenantAdmin(input: $input)
}
    `) as unknown as TypedDocumentString<InviteTenantAdminMutation, InviteTenantAdminMutationVariables>;
export const GetPulseDocument = new TypedDocumentString(`
    query GetPulse($token: String!) {
  pulse(token: $token) {
    organizationName
    state
    closesAt
    anonymityThreshold
    countsIn
    notCountedReason
    questions {
      id
      text
      type
      min
      max
    }
  }
}
    `) as unknown as TypedDocumentString<GetPulseQuery, GetPulseQueryVariables>;
export const SubmitPulseDocument = new TypedDocumentString(`
    mutation SubmitPulse($token: String!, $answers: [PulseAnswerInput!]!) {
  submitPulse(token: $token, answers: $answers) {
    received
    message
  }
}
    `) as unknown as TypedDocumentString<SubmitPulseMutation, SubmitPulseMutationVariables>;