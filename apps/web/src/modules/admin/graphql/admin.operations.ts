import { graphql } from '../../../gql';

export const ImportDirectoryDocument = graphql(`
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
`);

export const GetPeopleDocument = graphql(`
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
`);

export const GetTenantPolicyDocument = graphql(`
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
`);

export const UpdateTenantPolicyDocument = graphql(`
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
`);

export const PulseProgrammeFieldsFragment = graphql(`
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
`);

export const GetPulseProgrammesDocument = graphql(`
  query GetPulseProgrammes {
    pulseProgrammes {
      ...PulseProgrammeFields
    }
  }
`);

export const GetPulseRoundsDocument = graphql(`
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
`);

export const GetQuestionsDocument = graphql(`
  query GetQuestions {
    questions {
      id
      key
      text
      type
      active
    }
  }
`);

export const CreatePulseProgrammeDocument = graphql(`
  mutation CreatePulseProgramme($input: CreateProgrammeInput!) {
    createPulseProgramme(input: $input) {
      ...PulseProgrammeFields
    }
  }
`);

export const PausePulseProgrammeDocument = graphql(`
  mutation PausePulseProgramme($id: ID!) {
    pausePulseProgramme(id: $id) {
      ...PulseProgrammeFields
    }
  }
`);

export const ResumePulseProgrammeDocument = graphql(`
  mutation ResumePulseProgramme($id: ID!) {
    resumePulseProgramme(id: $id) {
      ...PulseProgrammeFields
    }
  }
`);

export const LaunchPulseRoundDocument = graphql(`
  mutation LaunchPulseRound($programmeId: ID!) {
    launchPulseRound(programmeId: $programmeId)
  }
`);
