/** Query-key factory for the platform domain. */
export const platformKeys = {
  all: ['platform'] as const,
  tenants: () => [...platformKeys.all, 'tenants'] as const,
};
