import { graphql } from '../../../gql';

export const SsoConfigurationFieldsFragment = graphql(`
  fragment SsoConfigurationFields on SsoConfiguration {
    issuer
    clientId
    clientSecretSet
    allowedDomains
    enabled
    passwordSignInEnabled
    updatedAt
  }
`);

export const GetSsoSettingsDocument = graphql(`
  query GetSsoSettings {
    ssoSettings {
      redirectUri
      configuration {
        ...SsoConfigurationFields
      }
    }
  }
`);

export const SaveSsoConfigurationDocument = graphql(`
  mutation SaveSsoConfiguration($input: SsoConfigurationInput!) {
    saveSsoConfiguration(input: $input) {
      ...SsoConfigurationFields
    }
  }
`);

export const DeleteSsoConfigurationDocument = graphql(`
  mutation DeleteSsoConfiguration {
    deleteSsoConfiguration
  }
`);

export const ScimTokenFieldsFragment = graphql(`
  fragment ScimTokenFields on ScimToken {
    id
    name
    createdAt
    lastUsedAt
    revokedAt
  }
`);

export const GetScimTokensDocument = graphql(`
  query GetScimTokens {
    scimTokens {
      ...ScimTokenFields
    }
  }
`);

export const CreateScimTokenDocument = graphql(`
  mutation CreateScimToken($name: String!) {
    createScimToken(name: $name) {
      secret
      endpoint
      scimToken {
        ...ScimTokenFields
      }
    }
  }
`);

export const RotateScimTokenDocument = graphql(`
  mutation RotateScimToken($id: ID!) {
    rotateScimToken(id: $id) {
      secret
      endpoint
      scimToken {
        ...ScimTokenFields
      }
    }
  }
`);

export const RevokeScimTokenDocument = graphql(`
  mutation RevokeScimToken($id: ID!) {
    revokeScimToken(id: $id) {
      ...ScimTokenFields
    }
  }
`);
