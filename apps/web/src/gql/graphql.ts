/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Role =
  | 'EMPLOYEE'
  | 'HR_LEADER'
  | 'MANAGER'
  | 'PLATFORM_ADMIN'
  | 'TENANT_ADMIN';

export type SignInInput = {
  email: string;
  /** Organisation slug; needed only when the email belongs to several organisations. */
  organization?: string | null | undefined;
  password: string;
};

export type TenantStatus =
  | 'ACTIVE'
  | 'SUSPENDED';

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