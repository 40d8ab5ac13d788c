// Stable, human-readable keys for nodes and cells. Keys are the only identity a
// cell has across releases, so they must not depend on input order.

/** Marker for a dimension margin ("all values"). Never a real value: real values are escaped. */
export const ALL = '*';
/** Explicit value for a missing demographic, so "people without a location" is a cell, not a residual. */
export const UNKNOWN = 'Unknown';

/** Escapes a key component; `*` is escaped too so that it can only mean ALL. */
export function escapeKeyPart(part: string): string {
  return encodeURIComponent(part).replace(/\*/g, '%2A');
}

/** Node holding a unit's whole subtree. */
export function unitNodeKey(unitId: string): string {
  return `u:${escapeKeyPart(unitId)}`;
}

/** Node holding only the people attached directly to a unit that also has child units. */
export function directNodeKey(unitId: string): string {
  return `d:${escapeKeyPart(unitId)}`;
}

/** Cell key: node, then each allowed dimension in the release's order, e.g. `u:eng|location=Paris|tenure=*`. */
export function cellKey(nodeKey: string, dimensions: readonly string[], dims: Readonly<Record<string, string>>): string {
  const parts = [nodeKey];
  for (const d of dimensions) {
    const v = dims[d];
    if (v === undefined) throw new Error(`cell ${nodeKey} has no value for dimension ${d}`);
    parts.push(`${escapeKeyPart(d)}=${v === ALL ? ALL : escapeKeyPart(v)}`);
  }
  return parts.join('|');
}

/** Deterministic string comparison (code-unit order, locale independent). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
