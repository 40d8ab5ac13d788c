// The part of the SCIM filter grammar (RFC 7644 §3.4.2.2) identity providers use to
// look a resource up before creating it: `attr eq "value"` (operators are
// case-insensitive), optionally joined with `and`. Anything else is refused with
// invalidFilter rather than guessed at.
import { invalidFilter } from './scim-errors.js';

export interface EqualityFilter {
  /** Attribute path, lower-cased, without the core schema URN (e.g. "username", "emails.value"). */
  attribute: string;
  value: string | boolean | null;
}

const TERM = /^\s*([A-Za-z][\w.:-]*)\s+(eq)\s+("(?:[^"\\]|\\.)*"|true|false|null)\s*$/i;
const CORE_PREFIXES = ['urn:ietf:params:scim:schemas:core:2.0:user:', 'urn:ietf:params:scim:schemas:core:2.0:group:'];

export function parseFilter(filter: string | undefined, allowed: readonly string[]): EqualityFilter[] {
  if (filter === undefined || filter.trim() === '') return [];
  if (filter.length > 1000) throw invalidFilter('The filter is too long');
  const terms = filter.split(/\s+and\s+/i);
  return terms.map((term) => {
    const m = TERM.exec(term);
    if (!m) throw invalidFilter(`Unsupported filter "${term.trim()}": use attribute eq "value" (joined with "and")`);
    let attribute = m[1]!.toLowerCase();
    for (const prefix of CORE_PREFIXES) if (attribute.startsWith(prefix)) attribute = attribute.slice(prefix.length);
    if (!allowed.includes(attribute)) throw invalidFilter(`Filtering on "${m[1]}" is not supported; use one of ${allowed.join(', ')}`);
    const raw = m[3]!;
    let value: string | boolean | null;
    if (raw.startsWith('"')) {
      try {
        value = JSON.parse(raw) as string;
      } catch {
        throw invalidFilter(`The value ${raw} is not a valid string`);
      }
    } else value = raw.toLowerCase() === 'null' ? null : raw.toLowerCase() === 'true';
    return { attribute, value };
  });
}
