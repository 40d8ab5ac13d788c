/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation ImportDirectory($csv: String!) {\n    importDirectory(csv: $csv) {\n      ok\n      rowsRead\n      peopleCreated\n      peopleUpdated\n      peopleUnchanged\n      orgUnitsCreated\n      errors {\n        row\n        column\n        message\n      }\n    }\n  }\n": typeof types.ImportDirectoryDocument,
    "\n  query GetPeople($first: Int!, $after: String, $search: String, $orgUnitId: ID) {\n    people(first: $first, after: $after, search: $search, orgUnitId: $orgUnitId) {\n      totalCount\n      nextCursor\n      items {\n        id\n        displayName\n        email\n        orgUnitId\n        location\n        roles\n        active\n        timeZone\n      }\n    }\n  }\n": typeof types.GetPeopleDocument,
    "\n  query GetTenantPolicy {\n    tenantPolicy {\n      anonymityThreshold\n      quietHoursStart\n      quietHoursEnd\n      maxPulsesPerMonth\n      responseRetentionMonths\n      allowedDimensions\n      updatedAt\n    }\n  }\n": typeof types.GetTenantPolicyDocument,
    "\n  mutation UpdateTenantPolicy($input: UpdateTenantPolicyInput!) {\n    updateTenantPolicy(input: $input) {\n      anonymityThreshold\n      quietHoursStart\n      quietHoursEnd\n      maxPulsesPerMonth\n      responseRetentionMonths\n      allowedDimensions\n      updatedAt\n    }\n  }\n": typeof types.UpdateTenantPolicyDocument,
    "\n  fragment PulseProgrammeFields on PulseProgramme {\n    id\n    name\n    cadence\n    status\n    openDays\n    questionsPerRound\n    questionKeys\n    audienceUnitIds\n    excludedUnitIds\n    startsAt\n  }\n": typeof types.PulseProgrammeFieldsFragmentDoc,
    "\n  query GetPulseProgrammes {\n    pulseProgrammes {\n      ...PulseProgrammeFields\n    }\n  }\n": typeof types.GetPulseProgrammesDocument,
    "\n  query GetPulseRounds($programmeId: ID!) {\n    pulseRounds(programmeId: $programmeId) {\n      id\n      sequence\n      status\n      opensAt\n      closesAt\n      eligibleCount\n      invitedCount\n      skippedFatigueCount\n      respondedCount\n      responseRate\n    }\n  }\n": typeof types.GetPulseRoundsDocument,
    "\n  query GetQuestions {\n    questions {\n      id\n      key\n      text\n      type\n      active\n    }\n  }\n": typeof types.GetQuestionsDocument,
    "\n  mutation CreatePulseProgramme($input: CreateProgrammeInput!) {\n    createPulseProgramme(input: $input) {\n      ...PulseProgrammeFields\n    }\n  }\n": typeof types.CreatePulseProgrammeDocument,
    "\n  mutation PausePulseProgramme($id: ID!) {\n    pausePulseProgramme(id: $id) {\n      ...PulseProgrammeFields\n    }\n  }\n": typeof types.PausePulseProgrammeDocument,
    "\n  mutation ResumePulseProgramme($id: ID!) {\n    resumePulseProgramme(id: $id) {\n      ...PulseProgrammeFields\n    }\n  }\n": typeof types.ResumePulseProgrammeDocument,
    "\n  mutation LaunchPulseRound($programmeId: ID!) {\n    launchPulseRound(programmeId: $programmeId)\n  }\n": typeof types.LaunchPulseRoundDocument,
    "\n  fragment SsoConfigurationFields on SsoConfiguration {\n    issuer\n    clientId\n    clientSecretSet\n    allowedDomains\n    enabled\n    passwordSignInEnabled\n    updatedAt\n  }\n": typeof types.SsoConfigurationFieldsFragmentDoc,
    "\n  query GetSsoSettings {\n    ssoSettings {\n      redirectUri\n      configuration {\n        ...SsoConfigurationFields\n      }\n    }\n  }\n": typeof types.GetSsoSettingsDocument,
    "\n  mutation SaveSsoConfiguration($input: SsoConfigurationInput!) {\n    saveSsoConfiguration(input: $input) {\n      ...SsoConfigurationFields\n    }\n  }\n": typeof types.SaveSsoConfigurationDocument,
    "\n  mutation DeleteSsoConfiguration {\n    deleteSsoConfiguration\n  }\n": typeof types.DeleteSsoConfigurationDocument,
    "\n  fragment ScimTokenFields on ScimToken {\n    id\n    name\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ScimTokenFieldsFragmentDoc,
    "\n  query GetScimTokens {\n    scimTokens {\n      ...ScimTokenFields\n    }\n  }\n": typeof types.GetScimTokensDocument,
    "\n  mutation CreateScimToken($name: String!) {\n    createScimToken(name: $name) {\n      secret\n      endpoint\n      scimToken {\n        ...ScimTokenFields\n      }\n    }\n  }\n": typeof types.CreateScimTokenDocument,
    "\n  mutation RotateScimToken($id: ID!) {\n    rotateScimToken(id: $id) {\n      secret\n      endpoint\n      scimToken {\n        ...ScimTokenFields\n      }\n    }\n  }\n": typeof types.RotateScimTokenDocument,
    "\n  mutation RevokeScimToken($id: ID!) {\n    revokeScimToken(id: $id) {\n      ...ScimTokenFields\n    }\n  }\n": typeof types.RevokeScimTokenDocument,
    "\n  fragment KpiFields on Kpi {\n    id\n    key\n    name\n    description\n    unit\n    orgUnitId\n    orgUnitPath\n  }\n": typeof types.KpiFieldsFragmentDoc,
    "\n  query GetKpis {\n    kpis {\n      ...KpiFields\n    }\n  }\n": typeof types.GetKpisDocument,
    "\n  query GetKpiObservations($kpiId: ID!) {\n    kpiObservations(kpiId: $kpiId) {\n      month\n      value\n    }\n  }\n": typeof types.GetKpiObservationsDocument,
    "\n  mutation CreateKpi($input: CreateKpiInput!) {\n    createKpi(input: $input) {\n      ...KpiFields\n    }\n  }\n": typeof types.CreateKpiDocument,
    "\n  mutation UpdateKpi($input: UpdateKpiInput!) {\n    updateKpi(input: $input) {\n      ...KpiFields\n    }\n  }\n": typeof types.UpdateKpiDocument,
    "\n  mutation DeleteKpi($id: ID!) {\n    deleteKpi(id: $id)\n  }\n": typeof types.DeleteKpiDocument,
    "\n  mutation RecordKpiObservations($input: RecordKpiObservationsInput!) {\n    recordKpiObservations(input: $input) {\n      month\n      value\n    }\n  }\n": typeof types.RecordKpiObservationsDocument,
    "\n  mutation ImportKpiObservations($csv: String!) {\n    importKpiObservations(csv: $csv) {\n      ok\n      rowsRead\n      observationsWritten\n      errors {\n        row\n        column\n        message\n      }\n    }\n  }\n": typeof types.ImportKpiObservationsDocument,
    "\n  fragment SignalFields on Signal {\n    id\n    key\n    name\n    description\n    unit\n    source\n    builtIn\n    questionKey\n    healthyMin\n    healthyMax\n    valueMin\n    valueMax\n  }\n": typeof types.SignalFieldsFragmentDoc,
    "\n  query GetSignals {\n    signals {\n      ...SignalFields\n    }\n  }\n": typeof types.GetSignalsDocument,
    "\n  mutation SetSignalHealthyBand($input: SetSignalHealthyBandInput!) {\n    setSignalHealthyBand(input: $input) {\n      ...SignalFields\n    }\n  }\n": typeof types.SetSignalHealthyBandDocument,
    "\n  mutation DefineImportedSignal($input: DefineImportedSignalInput!) {\n    defineImportedSignal(input: $input) {\n      ...SignalFields\n    }\n  }\n": typeof types.DefineImportedSignalDocument,
    "\n  fragment SignalImportResultFields on SignalImportResult {\n    ok\n    rowsRead\n    monthsImported\n    monthsPublished\n    monthsWithheld\n    errors {\n      row\n      column\n      message\n    }\n  }\n": typeof types.SignalImportResultFieldsFragmentDoc,
    "\n  mutation ImportSignalObservations($csv: String!) {\n    importSignalObservations(csv: $csv) {\n      ...SignalImportResultFields\n    }\n  }\n": typeof types.ImportSignalObservationsDocument,
    "\n  mutation RepublishSignalObservations {\n    republishSignalObservations {\n      ...SignalImportResultFields\n    }\n  }\n": typeof types.RepublishSignalObservationsDocument,
    "\n  fragment SignalImportKeyFields on SignalImportKey {\n    id\n    name\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.SignalImportKeyFieldsFragmentDoc,
    "\n  query GetSignalImportKeys {\n    signalImportKeys {\n      ...SignalImportKeyFields\n    }\n  }\n": typeof types.GetSignalImportKeysDocument,
    "\n  mutation CreateSignalImportKey($name: String!) {\n    createSignalImportKey(name: $name) {\n      secret\n      importKey {\n        ...SignalImportKeyFields\n      }\n    }\n  }\n": typeof types.CreateSignalImportKeyDocument,
    "\n  mutation RevokeSignalImportKey($id: ID!) {\n    revokeSignalImportKey(id: $id) {\n      ...SignalImportKeyFields\n    }\n  }\n": typeof types.RevokeSignalImportKeyDocument,
    "\n  fragment MySuccessAlignmentFields on MySuccessAlignment {\n    quarter\n    mine\n    mineUpdatedAt\n    shared\n    fromManagers {\n      authorName\n      statements\n      updatedAt\n    }\n  }\n": typeof types.MySuccessAlignmentFieldsFragmentDoc,
    "\n  query GetMySuccessAlignment($quarter: String) {\n    mySuccessAlignment(quarter: $quarter) {\n      ...MySuccessAlignmentFields\n    }\n  }\n": typeof types.GetMySuccessAlignmentDocument,
    "\n  mutation SaveMySuccessStatements($input: SaveMySuccessStatementsInput!) {\n    saveMySuccessStatements(input: $input) {\n      ...MySuccessAlignmentFields\n    }\n  }\n": typeof types.SaveMySuccessStatementsDocument,
    "\n  mutation ShareMySuccessStatements($input: ShareMySuccessStatementsInput!) {\n    shareMySuccessStatements(input: $input) {\n      ...MySuccessAlignmentFields\n    }\n  }\n": typeof types.ShareMySuccessStatementsDocument,
    "\n  fragment ReportSuccessAlignmentFields on ReportSuccessAlignment {\n    personId\n    displayName\n    quarter\n    mine\n    theirs\n  }\n": typeof types.ReportSuccessAlignmentFieldsFragmentDoc,
    "\n  query GetMyReportsSuccessAlignment($quarter: String) {\n    myReportsSuccessAlignment(quarter: $quarter) {\n      ...ReportSuccessAlignmentFields\n    }\n  }\n": typeof types.GetMyReportsSuccessAlignmentDocument,
    "\n  mutation SaveReportSuccessStatements($input: SaveReportSuccessStatementsInput!) {\n    saveReportSuccessStatements(input: $input) {\n      ...ReportSuccessAlignmentFields\n    }\n  }\n": typeof types.SaveReportSuccessStatementsDocument,
    "\n  fragment SessionViewer on Viewer {\n    personId\n    email\n    displayName\n    roles\n    tenant {\n      id\n      name\n      slug\n      status\n    }\n  }\n": typeof types.SessionViewerFragmentDoc,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...SessionViewer\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...SessionViewer\n      }\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query GetViewer {\n    viewer {\n      ...SessionViewer\n    }\n  }\n": typeof types.GetViewerDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...SessionViewer\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query GetCultureOverview($orgUnitId: ID!, $from: String, $to: String) {\n    cultureOverview(orgUnitId: $orgUnitId, from: $from, to: $to) {\n      orgUnitId\n      name\n      from\n      to\n      months\n      anonymityThreshold\n      signals {\n        signal {\n          key\n          name\n          description\n          unit\n          healthyMin\n          healthyMax\n          source\n        }\n        points {\n          month\n          value\n          hidden\n          reason\n          band\n          n\n        }\n        trend {\n          month\n          value\n        }\n      }\n      kpis {\n        kpiId\n        key\n        name\n        unit\n        description\n        orgUnitPath\n        points {\n          month\n          value\n        }\n      }\n    }\n  }\n": typeof types.GetCultureOverviewDocument,
    "\n  query GetOrgUnits {\n    orgUnits {\n      id\n      name\n      path\n      depth\n      parentId\n    }\n  }\n": typeof types.GetOrgUnitsDocument,
    "\n  query GetReleases($first: Int!) {\n    releases(first: $first) {\n      id\n      label\n      kind\n      status\n      withheldReason\n      k\n      dimensions\n      periodStart\n    }\n  }\n": typeof types.GetReleasesDocument,
    "\n  query GetReleaseResults($releaseId: ID!, $orgUnitId: ID, $dimension: String) {\n    releaseResults(releaseId: $releaseId, orgUnitId: $orgUnitId, dimension: $dimension) {\n      orgUnitId\n      dimension\n      commentsAvailable\n      release {\n        id\n        label\n        status\n        withheldReason\n        k\n        dimensions\n        notCounted\n      }\n      questions {\n        key\n        text\n        min\n        max\n      }\n      rows {\n        orgUnitId\n        name\n        isSelectedUnit\n        direct\n        hasChildren\n        dimensionValue\n        hidden\n        reason\n        respondents\n        responseRate\n        values {\n          questionKey\n          hidden\n          reason\n          band\n          mean\n          favourableShare\n          answered\n        }\n      }\n    }\n  }\n": typeof types.GetReleaseResultsDocument,
    "\n  query GetReleaseComments($releaseId: ID!, $orgUnitId: ID!) {\n    releaseComments(releaseId: $releaseId, orgUnitId: $orgUnitId) {\n      available\n      threshold\n      unavailableReason\n      comments {\n        text\n        roundLabel\n      }\n    }\n  }\n": typeof types.GetReleaseCommentsDocument,
    "\n  fragment TenantFields on Tenant {\n    id\n    name\n    slug\n    status\n    createdAt\n  }\n": typeof types.TenantFieldsFragmentDoc,
    "\n  query GetTenants {\n    tenants {\n      ...TenantFields\n    }\n  }\n": typeof types.GetTenantsDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      ...TenantFields\n    }\n  }\n": typeof types.CreateTenantDocument,
    "\n  mutation SuspendTenant($id: ID!) {\n    suspendTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n": typeof types.SuspendTenantDocument,
    "\n  mutation ReactivateTenant($id: ID!) {\n    reactivateTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n": typeof types.ReactivateTenantDocument,
    "\n  mutation InviteTenantAdmin($input: InviteTenantAdminInput!) {\n    inviteTenantAdmin(input: $input)\n  }\n": typeof types.InviteTenantAdminDocument,
    "\n  query GetPulse($token: String!) {\n    pulse(token: $token) {\n      organizationName\n      state\n      closesAt\n      anonymityThreshold\n      countsIn\n      notCountedReason\n      questions {\n        id\n        text\n        type\n        min\n        max\n      }\n    }\n  }\n": typeof types.GetPulseDocument,
    "\n  mutation SubmitPulse($token: String!, $answers: [PulseAnswerInput!]!) {\n    submitPulse(token: $token, answers: $answers) {\n      received\n      message\n    }\n  }\n": typeof types.SubmitPulseDocument,
};
const documents: Documents = {
    "\n  mutation ImportDirectory($csv: String!) {\n    importDirectory(csv: $csv) {\n      ok\n      rowsRead\n      peopleCreated\n      peopleUpdated\n      peopleUnchanged\n      orgUnitsCreated\n      errors {\n        row\n        column\n        message\n      }\n    }\n  }\n": types.ImportDirectoryDocument,
    "\n  query GetPeople($first: Int!, $after: String, $search: String, $orgUnitId: ID) {\n    people(first: $first, after: $after, search: $search, orgUnitId: $orgUnitId) {\n      totalCount\n      nextCursor\n      items {\n        id\n        displayName\n        email\n        orgUnitId\n        location\n        roles\n        active\n        timeZone\n      }\n    }\n  }\n": types.GetPeopleDocument,
    "\n  query GetTenantPolicy {\n    tenantPolicy {\n      anonymityThreshold\n      quietHoursStart\n      quietHoursEnd\n      maxPulsesPerMonth\n      responseRetentionMonths\n      allowedDimensions\n      updatedAt\n    }\n  }\n": types.GetTenantPolicyDocument,
    "\n  mutation UpdateTenantPolicy($input: UpdateTenantPolicyInput!) {\n    updateTenantPolicy(input: $input) {\n      anonymityThreshold\n      quietHoursStart\n      quietHoursEnd\n      maxPulsesPerMonth\n      responseRetentionMonths\n      allowedDimensions\n      updatedAt\n    }\n  }\n": types.UpdateTenantPolicyDocument,
    "\n  fragment PulseProgrammeFields on PulseProgramme {\n    id\n    name\n    cadence\n    status\n    openDays\n    questionsPerRound\n    questionKeys\n    audienceUnitIds\n    excludedUnitIds\n    startsAt\n  }\n": types.PulseProgrammeFieldsFragmentDoc,
    "\n  query GetPulseProgrammes {\n    pulseProgrammes {\n      ...PulseProgrammeFields\n    }\n  }\n": types.GetPulseProgrammesDocument,
    "\n  query GetPulseRounds($programmeId: ID!) {\n    pulseRounds(programmeId: $programmeId) {\n      id\n      sequence\n      status\n      opensAt\n      closesAt\n      eligibleCount\n      invitedCount\n      skippedFatigueCount\n      respondedCount\n      responseRate\n    }\n  }\n": types.GetPulseRoundsDocument,
    "\n  query GetQuestions {\n    questions {\n      id\n      key\n      text\n      type\n      active\n    }\n  }\n": types.GetQuestionsDocument,
    "\n  mutation CreatePulseProgramme($input: CreateProgrammeInput!) {\n    createPulseProgramme(input: $input) {\n      ...PulseProgrammeFields\n    }\n  }\n": types.CreatePulseProgrammeDocument,
    "\n  mutation PausePulseProgramme($id: ID!) {\n    pausePulseProgramme(id: $id) {\n      ...PulseProgrammeFields\n    }\n  }\n": types.PausePulseProgrammeDocument,
    "\n  mutation ResumePulseProgramme($id: ID!) {\n    resumePulseProgramme(id: $id) {\n      ...PulseProgrammeFields\n    }\n  }\n": types.ResumePulseProgrammeDocument,
    "\n  mutation LaunchPulseRound($programmeId: ID!) {\n    launchPulseRound(programmeId: $programmeId)\n  }\n": types.LaunchPulseRoundDocument,
    "\n  fragment SsoConfigurationFields on SsoConfiguration {\n    issuer\n    clientId\n    clientSecretSet\n    allowedDomains\n    enabled\n    passwordSignInEnabled\n    updatedAt\n  }\n": types.SsoConfigurationFieldsFragmentDoc,
    "\n  query GetSsoSettings {\n    ssoSettings {\n      redirectUri\n      configuration {\n        ...SsoConfigurationFields\n      }\n    }\n  }\n": types.GetSsoSettingsDocument,
    "\n  mutation SaveSsoConfiguration($input: SsoConfigurationInput!) {\n    saveSsoConfiguration(input: $input) {\n      ...SsoConfigurationFields\n    }\n  }\n": types.SaveSsoConfigurationDocument,
    "\n  mutation DeleteSsoConfiguration {\n    deleteSsoConfiguration\n  }\n": types.DeleteSsoConfigurationDocument,
    "\n  fragment ScimTokenFields on ScimToken {\n    id\n    name\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ScimTokenFieldsFragmentDoc,
    "\n  query GetScimTokens {\n    scimTokens {\n      ...ScimTokenFields\n    }\n  }\n": types.GetScimTokensDocument,
    "\n  mutation CreateScimToken($name: String!) {\n    createScimToken(name: $name) {\n      secret\n      endpoint\n      scimToken {\n        ...ScimTokenFields\n      }\n    }\n  }\n": types.CreateScimTokenDocument,
    "\n  mutation RotateScimToken($id: ID!) {\n    rotateScimToken(id: $id) {\n      secret\n      endpoint\n      scimToken {\n        ...ScimTokenFields\n      }\n    }\n  }\n": types.RotateScimTokenDocument,
    "\n  mutation RevokeScimToken($id: ID!) {\n    revokeScimToken(id: $id) {\n      ...ScimTokenFields\n    }\n  }\n": types.RevokeScimTokenDocument,
    "\n  fragment KpiFields on Kpi {\n    id\n    key\n    name\n    description\n    unit\n    orgUnitId\n    orgUnitPath\n  }\n": types.KpiFieldsFragmentDoc,
    "\n  query GetKpis {\n    kpis {\n      ...KpiFields\n    }\n  }\n": types.GetKpisDocument,
    "\n  query GetKpiObservations($kpiId: ID!) {\n    kpiObservations(kpiId: $kpiId) {\n      month\n      value\n    }\n  }\n": types.GetKpiObservationsDocument,
    "\n  mutation CreateKpi($input: CreateKpiInput!) {\n    createKpi(input: $input) {\n      ...KpiFields\n    }\n  }\n": types.CreateKpiDocument,
    "\n  mutation UpdateKpi($input: UpdateKpiInput!) {\n    updateKpi(input: $input) {\n      ...KpiFields\n    }\n  }\n": types.UpdateKpiDocument,
    "\n  mutation DeleteKpi($id: ID!) {\n    deleteKpi(id: $id)\n  }\n": types.DeleteKpiDocument,
    "\n  mutation RecordKpiObservations($input: RecordKpiObservationsInput!) {\n    recordKpiObservations(input: $input) {\n      month\n      value\n    }\n  }\n": types.RecordKpiObservationsDocument,
    "\n  mutation ImportKpiObservations($csv: String!) {\n    importKpiObservations(csv: $csv) {\n      ok\n      rowsRead\n      observationsWritten\n      errors {\n        row\n        column\n        message\n      }\n    }\n  }\n": types.ImportKpiObservationsDocument,
    "\n  fragment SignalFields on Signal {\n    id\n    key\n    name\n    description\n    unit\n    source\n    builtIn\n    questionKey\n    healthyMin\n    healthyMax\n    valueMin\n    valueMax\n  }\n": types.SignalFieldsFragmentDoc,
    "\n  query GetSignals {\n    signals {\n      ...SignalFields\n    }\n  }\n": types.GetSignalsDocument,
    "\n  mutation SetSignalHealthyBand($input: SetSignalHealthyBandInput!) {\n    setSignalHealthyBand(input: $input) {\n      ...SignalFields\n    }\n  }\n": types.SetSignalHealthyBandDocument,
    "\n  mutation DefineImportedSignal($input: DefineImportedSignalInput!) {\n    defineImportedSignal(input: $input) {\n      ...SignalFields\n    }\n  }\n": types.DefineImportedSignalDocument,
    "\n  fragment SignalImportResultFields on SignalImportResult {\n    ok\n    rowsRead\n    monthsImported\n    monthsPublished\n    monthsWithheld\n    errors {\n      row\n      column\n      message\n    }\n  }\n": types.SignalImportResultFieldsFragmentDoc,
    "\n  mutation ImportSignalObservations($csv: String!) {\n    importSignalObservations(csv: $csv) {\n      ...SignalImportResultFields\n    }\n  }\n": types.ImportSignalObservationsDocument,
    "\n  mutation RepublishSignalObservations {\n    republishSignalObservations {\n      ...SignalImportResultFields\n    }\n  }\n": types.RepublishSignalObservationsDocument,
    "\n  fragment SignalImportKeyFields on SignalImportKey {\n    id\n    name\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.SignalImportKeyFieldsFragmentDoc,
    "\n  query GetSignalImportKeys {\n    signalImportKeys {\n      ...SignalImportKeyFields\n    }\n  }\n": types.GetSignalImportKeysDocument,
    "\n  mutation CreateSignalImportKey($name: String!) {\n    createSignalImportKey(name: $name) {\n      secret\n      importKey {\n        ...SignalImportKeyFields\n      }\n    }\n  }\n": types.CreateSignalImportKeyDocument,
    "\n  mutation RevokeSignalImportKey($id: ID!) {\n    revokeSignalImportKey(id: $id) {\n      ...SignalImportKeyFields\n    }\n  }\n": types.RevokeSignalImportKeyDocument,
    "\n  fragment MySuccessAlignmentFields on MySuccessAlignment {\n    quarter\n    mine\n    mineUpdatedAt\n    shared\n    fromManagers {\n      authorName\n      statements\n      updatedAt\n    }\n  }\n": types.MySuccessAlignmentFieldsFragmentDoc,
    "\n  query GetMySuccessAlignment($quarter: String) {\n    mySuccessAlignment(quarter: $quarter) {\n      ...MySuccessAlignmentFields\n    }\n  }\n": types.GetMySuccessAlignmentDocument,
    "\n  mutation SaveMySuccessStatements($input: SaveMySuccessStatementsInput!) {\n    saveMySuccessStatements(input: $input) {\n      ...MySuccessAlignmentFields\n    }\n  }\n": types.SaveMySuccessStatementsDocument,
    "\n  mutation ShareMySuccessStatements($input: ShareMySuccessStatementsInput!) {\n    shareMySuccessStatements(input: $input) {\n      ...MySuccessAlignmentFields\n    }\n  }\n": types.ShareMySuccessStatementsDocument,
    "\n  fragment ReportSuccessAlignmentFields on ReportSuccessAlignment {\n    personId\n    displayName\n    quarter\n    mine\n    theirs\n  }\n": types.ReportSuccessAlignmentFieldsFragmentDoc,
    "\n  query GetMyReportsSuccessAlignment($quarter: String) {\n    myReportsSuccessAlignment(quarter: $quarter) {\n      ...ReportSuccessAlignmentFields\n    }\n  }\n": types.GetMyReportsSuccessAlignmentDocument,
    "\n  mutation SaveReportSuccessStatements($input: SaveReportSuccessStatementsInput!) {\n    saveReportSuccessStatements(input: $input) {\n      ...ReportSuccessAlignmentFields\n    }\n  }\n": types.SaveReportSuccessStatementsDocument,
    "\n  fragment SessionViewer on Viewer {\n    personId\n    email\n    displayName\n    roles\n    tenant {\n      id\n      name\n      slug\n      status\n    }\n  }\n": types.SessionViewerFragmentDoc,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...SessionViewer\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...SessionViewer\n      }\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query GetViewer {\n    viewer {\n      ...SessionViewer\n    }\n  }\n": types.GetViewerDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...SessionViewer\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  query GetCultureOverview($orgUnitId: ID!, $from: String, $to: String) {\n    cultureOverview(orgUnitId: $orgUnitId, from: $from, to: $to) {\n      orgUnitId\n      name\n      from\n      to\n      months\n      anonymityThreshold\n      signals {\n        signal {\n          key\n          name\n          description\n          unit\n          healthyMin\n          healthyMax\n          source\n        }\n        points {\n          month\n          value\n          hidden\n          reason\n          band\n          n\n        }\n        trend {\n          month\n          value\n        }\n      }\n      kpis {\n        kpiId\n        key\n        name\n        unit\n        description\n        orgUnitPath\n        points {\n          month\n          value\n        }\n      }\n    }\n  }\n": types.GetCultureOverviewDocument,
    "\n  query GetOrgUnits {\n    orgUnits {\n      id\n      name\n      path\n      depth\n      parentId\n    }\n  }\n": types.GetOrgUnitsDocument,
    "\n  query GetReleases($first: Int!) {\n    releases(first: $first) {\n      id\n      label\n      kind\n      status\n      withheldReason\n      k\n      dimensions\n      periodStart\n    }\n  }\n": types.GetReleasesDocument,
    "\n  query GetReleaseResults($releaseId: ID!, $orgUnitId: ID, $dimension: String) {\n    releaseResults(releaseId: $releaseId, orgUnitId: $orgUnitId, dimension: $dimension) {\n      orgUnitId\n      dimension\n      commentsAvailable\n      release {\n        id\n        label\n        status\n        withheldReason\n        k\n        dimensions\n        notCounted\n      }\n      questions {\n        key\n        text\n        min\n        max\n      }\n      rows {\n        orgUnitId\n        name\n        isSelectedUnit\n        direct\n        hasChildren\n        dimensionValue\n        hidden\n        reason\n        respondents\n        responseRate\n        values {\n          questionKey\n          hidden\n          reason\n          band\n          mean\n          favourableShare\n          answered\n        }\n      }\n    }\n  }\n": types.GetReleaseResultsDocument,
    "\n  query GetReleaseComments($releaseId: ID!, $orgUnitId: ID!) {\n    releaseComments(releaseId: $releaseId, orgUnitId: $orgUnitId) {\n      available\n      threshold\n      unavailableReason\n      comments {\n        text\n        roundLabel\n      }\n    }\n  }\n": types.GetReleaseCommentsDocument,
    "\n  fragment TenantFields on Tenant {\n    id\n    name\n    slug\n    status\n    createdAt\n  }\n": types.TenantFieldsFragmentDoc,
    "\n  query GetTenants {\n    tenants {\n      ...TenantFields\n    }\n  }\n": types.GetTenantsDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      ...TenantFields\n    }\n  }\n": types.CreateTenantDocument,
    "\n  mutation SuspendTenant($id: ID!) {\n    suspendTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n": types.SuspendTenantDocument,
    "\n  mutation ReactivateTenant($id: ID!) {\n    reactivateTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n": types.ReactivateTenantDocument,
    "\n  mutation InviteTenantAdmin($input: InviteTenantAdminInput!) {\n    inviteTenantAdmin(input: $input)\n  }\n": types.InviteTenantAdminDocument,
    "\n  query GetPulse($token: String!) {\n    pulse(token: $token) {\n      organizationName\n      state\n      closesAt\n      anonymityThreshold\n      countsIn\n      notCountedReason\n      questions {\n        id\n        text\n        type\n        min\n        max\n      }\n    }\n  }\n": types.GetPulseDocument,
    "\n  mutation SubmitPulse($token: String!, $answers: [PulseAnswerInput!]!) {\n    submitPulse(token: $token, answers: $answers) {\n      received\n      message\n    }\n  }\n": types.SubmitPulseDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportDirectory($csv: String!) {\n    importDirectory(csv: $csv) {\n      ok\n      rowsRead\n      peopleCreated\n      peopleUpdated\n      peopleUnchanged\n      orgUnitsCreated\n      errors {\n        row\n        column\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ImportDirectoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetPeople($first: Int!, $after: String, $search: String, $orgUnitId: ID) {\n    people(first: $first, after: $after, search: $search, orgUnitId: $orgUnitId) {\n      totalCount\n      nextCursor\n      items {\n        id\n        displayName\n        email\n        orgUnitId\n        location\n        roles\n        active\n        timeZone\n      }\n    }\n  }\n"): typeof import('./graphql').GetPeopleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetTenantPolicy {\n    tenantPolicy {\n      anonymityThreshold\n      quietHoursStart\n      quietHoursEnd\n      maxPulsesPerMonth\n      responseRetentionMonths\n      allowedDimensions\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').GetTenantPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTenantPolicy($input: UpdateTenantPolicyInput!) {\n    updateTenantPolicy(input: $input) {\n      anonymityThreshold\n      quietHoursStart\n      quietHoursEnd\n      maxPulsesPerMonth\n      responseRetentionMonths\n      allowedDimensions\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').UpdateTenantPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PulseProgrammeFields on PulseProgramme {\n    id\n    name\n    cadence\n    status\n    openDays\n    questionsPerRound\n    questionKeys\n    audienceUnitIds\n    excludedUnitIds\n    startsAt\n  }\n"): typeof import('./graphql').PulseProgrammeFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetPulseProgrammes {\n    pulseProgrammes {\n      ...PulseProgrammeFields\n    }\n  }\n"): typeof import('./graphql').GetPulseProgrammesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetPulseRounds($programmeId: ID!) {\n    pulseRounds(programmeId: $programmeId) {\n      id\n      sequence\n      status\n      opensAt\n      closesAt\n      eligibleCount\n      invitedCount\n      skippedFatigueCount\n      respondedCount\n      responseRate\n    }\n  }\n"): typeof import('./graphql').GetPulseRoundsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetQuestions {\n    questions {\n      id\n      key\n      text\n      type\n      active\n    }\n  }\n"): typeof import('./graphql').GetQuestionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePulseProgramme($input: CreateProgrammeInput!) {\n    createPulseProgramme(input: $input) {\n      ...PulseProgrammeFields\n    }\n  }\n"): typeof import('./graphql').CreatePulseProgrammeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PausePulseProgramme($id: ID!) {\n    pausePulseProgramme(id: $id) {\n      ...PulseProgrammeFields\n    }\n  }\n"): typeof import('./graphql').PausePulseProgrammeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumePulseProgramme($id: ID!) {\n    resumePulseProgramme(id: $id) {\n      ...PulseProgrammeFields\n    }\n  }\n"): typeof import('./graphql').ResumePulseProgrammeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LaunchPulseRound($programmeId: ID!) {\n    launchPulseRound(programmeId: $programmeId)\n  }\n"): typeof import('./graphql').LaunchPulseRoundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SsoConfigurationFields on SsoConfiguration {\n    issuer\n    clientId\n    clientSecretSet\n    allowedDomains\n    enabled\n    passwordSignInEnabled\n    updatedAt\n  }\n"): typeof import('./graphql').SsoConfigurationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetSsoSettings {\n    ssoSettings {\n      redirectUri\n      configuration {\n        ...SsoConfigurationFields\n      }\n    }\n  }\n"): typeof import('./graphql').GetSsoSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveSsoConfiguration($input: SsoConfigurationInput!) {\n    saveSsoConfiguration(input: $input) {\n      ...SsoConfigurationFields\n    }\n  }\n"): typeof import('./graphql').SaveSsoConfigurationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSsoConfiguration {\n    deleteSsoConfiguration\n  }\n"): typeof import('./graphql').DeleteSsoConfigurationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScimTokenFields on ScimToken {\n    id\n    name\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): typeof import('./graphql').ScimTokenFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetScimTokens {\n    scimTokens {\n      ...ScimTokenFields\n    }\n  }\n"): typeof import('./graphql').GetScimTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateScimToken($name: String!) {\n    createScimToken(name: $name) {\n      secret\n      endpoint\n      scimToken {\n        ...ScimTokenFields\n      }\n    }\n  }\n"): typeof import('./graphql').CreateScimTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateScimToken($id: ID!) {\n    rotateScimToken(id: $id) {\n      secret\n      endpoint\n      scimToken {\n        ...ScimTokenFields\n      }\n    }\n  }\n"): typeof import('./graphql').RotateScimTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeScimToken($id: ID!) {\n    revokeScimToken(id: $id) {\n      ...ScimTokenFields\n    }\n  }\n"): typeof import('./graphql').RevokeScimTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KpiFields on Kpi {\n    id\n    key\n    name\n    description\n    unit\n    orgUnitId\n    orgUnitPath\n  }\n"): typeof import('./graphql').KpiFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetKpis {\n    kpis {\n      ...KpiFields\n    }\n  }\n"): typeof import('./graphql').GetKpisDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetKpiObservations($kpiId: ID!) {\n    kpiObservations(kpiId: $kpiId) {\n      month\n      value\n    }\n  }\n"): typeof import('./graphql').GetKpiObservationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateKpi($input: CreateKpiInput!) {\n    createKpi(input: $input) {\n      ...KpiFields\n    }\n  }\n"): typeof import('./graphql').CreateKpiDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateKpi($input: UpdateKpiInput!) {\n    updateKpi(input: $input) {\n      ...KpiFields\n    }\n  }\n"): typeof import('./graphql').UpdateKpiDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteKpi($id: ID!) {\n    deleteKpi(id: $id)\n  }\n"): typeof import('./graphql').DeleteKpiDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordKpiObservations($input: RecordKpiObservationsInput!) {\n    recordKpiObservations(input: $input) {\n      month\n      value\n    }\n  }\n"): typeof import('./graphql').RecordKpiObservationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportKpiObservations($csv: String!) {\n    importKpiObservations(csv: $csv) {\n      ok\n      rowsRead\n      observationsWritten\n      errors {\n        row\n        column\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ImportKpiObservationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SignalFields on Signal {\n    id\n    key\n    name\n    description\n    unit\n    source\n    builtIn\n    questionKey\n    healthyMin\n    healthyMax\n    valueMin\n    valueMax\n  }\n"): typeof import('./graphql').SignalFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetSignals {\n    signals {\n      ...SignalFields\n    }\n  }\n"): typeof import('./graphql').GetSignalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSignalHealthyBand($input: SetSignalHealthyBandInput!) {\n    setSignalHealthyBand(input: $input) {\n      ...SignalFields\n    }\n  }\n"): typeof import('./graphql').SetSignalHealthyBandDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DefineImportedSignal($input: DefineImportedSignalInput!) {\n    defineImportedSignal(input: $input) {\n      ...SignalFields\n    }\n  }\n"): typeof import('./graphql').DefineImportedSignalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SignalImportResultFields on SignalImportResult {\n    ok\n    rowsRead\n    monthsImported\n    monthsPublished\n    monthsWithheld\n    errors {\n      row\n      column\n      message\n    }\n  }\n"): typeof import('./graphql').SignalImportResultFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportSignalObservations($csv: String!) {\n    importSignalObservations(csv: $csv) {\n      ...SignalImportResultFields\n    }\n  }\n"): typeof import('./graphql').ImportSignalObservationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RepublishSignalObservations {\n    republishSignalObservations {\n      ...SignalImportResultFields\n    }\n  }\n"): typeof import('./graphql').RepublishSignalObservationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SignalImportKeyFields on SignalImportKey {\n    id\n    name\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): typeof import('./graphql').SignalImportKeyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetSignalImportKeys {\n    signalImportKeys {\n      ...SignalImportKeyFields\n    }\n  }\n"): typeof import('./graphql').GetSignalImportKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSignalImportKey($name: String!) {\n    createSignalImportKey(name: $name) {\n      secret\n      importKey {\n        ...SignalImportKeyFields\n      }\n    }\n  }\n"): typeof import('./graphql').CreateSignalImportKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSignalImportKey($id: ID!) {\n    revokeSignalImportKey(id: $id) {\n      ...SignalImportKeyFields\n    }\n  }\n"): typeof import('./graphql').RevokeSignalImportKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MySuccessAlignmentFields on MySuccessAlignment {\n    quarter\n    mine\n    mineUpdatedAt\n    shared\n    fromManagers {\n      authorName\n      statements\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').MySuccessAlignmentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetMySuccessAlignment($quarter: String) {\n    mySuccessAlignment(quarter: $quarter) {\n      ...MySuccessAlignmentFields\n    }\n  }\n"): typeof import('./graphql').GetMySuccessAlignmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveMySuccessStatements($input: SaveMySuccessStatementsInput!) {\n    saveMySuccessStatements(input: $input) {\n      ...MySuccessAlignmentFields\n    }\n  }\n"): typeof import('./graphql').SaveMySuccessStatementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareMySuccessStatements($input: ShareMySuccessStatementsInput!) {\n    shareMySuccessStatements(input: $input) {\n      ...MySuccessAlignmentFields\n    }\n  }\n"): typeof import('./graphql').ShareMySuccessStatementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportSuccessAlignmentFields on ReportSuccessAlignment {\n    personId\n    displayName\n    quarter\n    mine\n    theirs\n  }\n"): typeof import('./graphql').ReportSuccessAlignmentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetMyReportsSuccessAlignment($quarter: String) {\n    myReportsSuccessAlignment(quarter: $quarter) {\n      ...ReportSuccessAlignmentFields\n    }\n  }\n"): typeof import('./graphql').GetMyReportsSuccessAlignmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveReportSuccessStatements($input: SaveReportSuccessStatementsInput!) {\n    saveReportSuccessStatements(input: $input) {\n      ...ReportSuccessAlignmentFields\n    }\n  }\n"): typeof import('./graphql').SaveReportSuccessStatementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionViewer on Viewer {\n    personId\n    email\n    displayName\n    roles\n    tenant {\n      id\n      name\n      slug\n      status\n    }\n  }\n"): typeof import('./graphql').SessionViewerFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...SessionViewer\n      }\n    }\n  }\n"): typeof import('./graphql').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...SessionViewer\n      }\n    }\n  }\n"): typeof import('./graphql').RefreshSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): typeof import('./graphql').SignOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetViewer {\n    viewer {\n      ...SessionViewer\n    }\n  }\n"): typeof import('./graphql').GetViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...SessionViewer\n      }\n    }\n  }\n"): typeof import('./graphql').AcceptInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetCultureOverview($orgUnitId: ID!, $from: String, $to: String) {\n    cultureOverview(orgUnitId: $orgUnitId, from: $from, to: $to) {\n      orgUnitId\n      name\n      from\n      to\n      months\n      anonymityThreshold\n      signals {\n        signal {\n          key\n          name\n          description\n          unit\n          healthyMin\n          healthyMax\n          source\n        }\n        points {\n          month\n          value\n          hidden\n          reason\n          band\n          n\n        }\n        trend {\n          month\n          value\n        }\n      }\n      kpis {\n        kpiId\n        key\n        name\n        unit\n        description\n        orgUnitPath\n        points {\n          month\n          value\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').GetCultureOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetOrgUnits {\n    orgUnits {\n      id\n      name\n      path\n      depth\n      parentId\n    }\n  }\n"): typeof import('./graphql').GetOrgUnitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetReleases($first: Int!) {\n    releases(first: $first) {\n      id\n      label\n      kind\n      status\n      withheldReason\n      k\n      dimensions\n      periodStart\n    }\n  }\n"): typeof import('./graphql').GetReleasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetReleaseResults($releaseId: ID!, $orgUnitId: ID, $dimension: String) {\n    releaseResults(releaseId: $releaseId, orgUnitId: $orgUnitId, dimension: $dimension) {\n      orgUnitId\n      dimension\n      commentsAvailable\n      release {\n        id\n        label\n        status\n        withheldReason\n        k\n        dimensions\n        notCounted\n      }\n      questions {\n        key\n        text\n        min\n        max\n      }\n      rows {\n        orgUnitId\n        name\n        isSelectedUnit\n        direct\n        hasChildren\n        dimensionValue\n        hidden\n        reason\n        respondents\n        responseRate\n        values {\n          questionKey\n          hidden\n          reason\n          band\n          mean\n          favourableShare\n          answered\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').GetReleaseResultsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetReleaseComments($releaseId: ID!, $orgUnitId: ID!) {\n    releaseComments(releaseId: $releaseId, orgUnitId: $orgUnitId) {\n      available\n      threshold\n      unavailableReason\n      comments {\n        text\n        roundLabel\n      }\n    }\n  }\n"): typeof import('./graphql').GetReleaseCommentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TenantFields on Tenant {\n    id\n    name\n    slug\n    status\n    createdAt\n  }\n"): typeof import('./graphql').TenantFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetTenants {\n    tenants {\n      ...TenantFields\n    }\n  }\n"): typeof import('./graphql').GetTenantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      ...TenantFields\n    }\n  }\n"): typeof import('./graphql').CreateTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuspendTenant($id: ID!) {\n    suspendTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n"): typeof import('./graphql').SuspendTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateTenant($id: ID!) {\n    reactivateTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n"): typeof import('./graphql').ReactivateTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteTenantAdmin($input: InviteTenantAdminInput!) {\n    inviteTenantAdmin(input: $input)\n  }\n"): typeof import('./graphql').InviteTenantAdminDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetPulse($token: String!) {\n    pulse(token: $token) {\n      organizationName\n      state\n      closesAt\n      anonymityThreshold\n      countsIn\n      notCountedReason\n      questions {\n        id\n        text\n        type\n        min\n        max\n      }\n    }\n  }\n"): typeof import('./graphql').GetPulseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitPulse($token: String!, $answers: [PulseAnswerInput!]!) {\n    submitPulse(token: $token, answers: $answers) {\n      received\n      message\n    }\n  }\n"): typeof import('./graphql').SubmitPulseDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
