/** Query-key factory for personal-success alignment. */
export const alignmentKeys = {
  all: ['alignment'] as const,
  mine: (quarter: string) => [...alignmentKeys.all, 'mine', quarter] as const,
  reports: (quarter: string) => [...alignmentKeys.all, 'reports', quarter] as const,
};
