/** Query-key factory for the auth domain. */
export const authKeys = {
  all: ['auth'] as const,
  viewer: () => [...authKeys.all, 'viewer'] as const,
};
