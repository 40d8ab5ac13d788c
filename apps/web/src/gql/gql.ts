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
    "\n  fragment SessionViewer on Viewer {\n    personId\n    email\n    displayName\n    roles\n    tenant {\n      id\n      name\n      slug\n      status\n    }\n  }\n": typeof types.SessionViewerFragmentDoc,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...SessionViewer\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...SessionViewer\n      }\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query GetViewer {\n    viewer {\n      ...SessionViewer\n    }\n  }\n": typeof types.GetViewerDocument,
};
const documents: Documents = {
    "\n  fragment SessionViewer on Viewer {\n    personId\n    email\n    displayName\n    roles\n    tenant {\n      id\n      name\n      slug\n      status\n    }\n  }\n": types.SessionViewerFragmentDoc,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...SessionViewer\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...SessionViewer\n      }\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query GetViewer {\n    viewer {\n      ...SessionViewer\n    }\n  }\n": types.GetViewerDocument,
};

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


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
