/** Query-key factory for the pulse domain. */
export const pulseKeys = {
  all: ['pulse'] as const,
  form: (token: string) => [...pulseKeys.all, 'form', token] as const,
};
