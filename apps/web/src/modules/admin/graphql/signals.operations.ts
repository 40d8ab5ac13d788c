import { graphql } from '../../../gql';

export const SignalFieldsFragment = graphql(`
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
`);

export const GetSignalsDocument = graphql(`
  query GetSignals {
    signals {
      ...SignalFields
    }
  }
`);

export const SetSignalHealthyBandDocument = graphql(`
  mutation SetSignalHealthyBand($input: SetSignalHealthyBandInput!) {
    setSignalHealthyBand(input: $input) {
      ...SignalFields
    }
  }
`);

export const DefineImportedSignalDocument = graphql(`
  mutation DefineImportedSignal($input: DefineImportedSignalInput!) {
    defineImportedSignal(input: $input) {
      ...SignalFields
    }
  }
`);

export const SignalImportResultFieldsFragment = graphql(`
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
`);

export const ImportSignalObservationsDocument = graphql(`
  mutation ImportSignalObservations($csv: String!) {
    importSignalObservations(csv: $csv) {
      ...SignalImportResultFields
    }
  }
`);

export const RepublishSignalObservationsDocument = graphql(`
  mutation RepublishSignalObservations {
    republishSignalObservations {
      ...SignalImportResultFields
    }
  }
`);

export const SignalImportKeyFieldsFragment = graphql(`
  fragment SignalImportKeyFields on SignalImportKey {
    id
    name
    createdAt
    lastUsedAt
    revokedAt
  }
`);

export const GetSignalImportKeysDocument = graphql(`
  query GetSignalImportKeys {
    signalImportKeys {
      ...SignalImportKeyFields
    }
  }
`);

export const CreateSignalImportKeyDocument = graphql(`
  mutation CreateSignalImportKey($name: String!) {
    createSignalImportKey(name: $name) {
      secret
      importKey {
        ...SignalImportKeyFields
      }
    }
  }
`);

export const RevokeSignalImportKeyDocument = graphql(`
  mutation RevokeSignalImportKey($id: ID!) {
    revokeSignalImportKey(id: $id) {
      ...SignalImportKeyFields
    }
  }
`);
