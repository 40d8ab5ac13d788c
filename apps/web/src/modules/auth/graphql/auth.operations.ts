import { graphql } from '../../../gql';

export const SessionViewerFragment = graphql(`
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
`);

export const SignInDocument = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      accessToken
      accessTokenExpiresAt
      viewer {
        ...SessionViewer
      }
    }
  }
`);

export const RefreshSessionDocument = graphql(`
  mutation RefreshSession {
    refreshSession {
      accessToken
      accessTokenExpiresAt
      viewer {
        ...SessionViewer
      }
    }
  }
`);

export const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const GetViewerDocument = graphql(`
  query GetViewer {
    viewer {
      ...SessionViewer
    }
  }
`);

export const AcceptInvitationDocument = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      accessToken
      accessTokenExpiresAt
      viewer {
        ...SessionViewer
      }
    }
  }
`);
