// How a stored response's cell columns read in the privacy engine.

/** A dimension dropped for a unit at launch is "Unknown" there (null); coarsened values are "Other". */
export function dimValue(stored: string): string | null {
  if (stored === 'ALL') return null;
  if (stored === 'OTHER') return 'Other';
  return stored;
}

/** The response / audience column that holds each dimension the engine can cut by. */
export const CELL_COLUMN = { location: 'cellLocation', tenure: 'cellTenure' } as const;
