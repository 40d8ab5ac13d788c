import { graphql } from '../../../gql';

export const TenantFieldsFragment = graphql(`
  fragment TenantFields on Tenant {
    id
    name
    slug
    status
    createdAt
  }
`);

export const GetTenantsDocument = graphql(`
  query GetTenants {
    tenants {
      ...TenantFields
    }
  }
`);

export const CreateTenantDocument = graphql(`
  mutation CreateTenant($input: CreateTenantInput!) {
    createTenant(input: $input) {
      ...TenantFields
    }
  }
`);

export const SuspendTenantDocument = graphql(`
  mutation SuspendTenant($id: ID!) {
    suspendTenant(id: $id) {
      ...TenantFields
    }
  }
`);

export const ReactivateTenantDocument = graphql(`
  mutation ReactivateTenant($id: ID!) {
    reactivateTenant(id: $id) {
      ...TenantFields
    }
  }
`);

export const InviteTenantAdminDocument = graphql(`
  mutation InviteTenantAdmin($input: InviteTenantAdminInput!) {
    inviteTenantAdmin(input: $input)
  }
`);
