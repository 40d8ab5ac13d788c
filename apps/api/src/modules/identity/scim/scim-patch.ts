// SCIM PATCH (RFC 7644 §3.5.2) applied to a resource's JSON representation. The
// result is then validated and stored exactly like a PUT, so a PATCH can never reach
// a state a full replace could not. Paths: `attr`, `attr.sub`, `attr[sub eq "v"]`,
// `attr[sub eq "v"].sub`, each optionally prefixed with a schema URN.
import { invalidPath, invalidSyntax, invalidValue, noTarget } from './scim-errors.js';

export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const MAX_OPERATIONS = 100;

export interface PatchOperation {
  op: 'add' | 'remove' | 'replace';
  path?: string;
  value?: unknown;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parsePatchRequest(body: unknown): PatchOperation[] {
  if (!isObject(body)) throw invalidSyntax('The body must be a PatchOp JSON object');
  if (!Array.isArray(body.schemas) || !body.schemas.includes(PATCH_OP_SCHEMA)) throw invalidSyntax(`schemas must contain ${PATCH_OP_SCHEMA}`);
  const ops = body.Operations;
  if (!Array.isArray(ops) || ops.length === 0) throw invalidSyntax('Operations must be a non-empty array');
  if (ops.length > MAX_OPERATIONS) throw invalidValue(`At most ${MAX_OPERATIONS} operations per request`);
  return ops.map((raw, i) => {
    if (!isObject(raw)) throw invalidSyntax(`Operations[${i}] must be an object`);
    const op = typeof raw.op === 'string' ? raw.op.toLowerCase() : '';
    if (op !== 'add' && op !== 'remove' && op !== 'replace') throw invalidSyntax(`Operations[${i}].op must be add, remove or replace`);
    if (raw.path !== undefined && (typeof raw.path !== 'string' || raw.path.trim() === '' || raw.path.length > 500)) throw invalidPath(`Operations[${i}].path is not a valid path`);
    const path = raw.path as string | undefined;
    if (op === 'remove' && !path) throw noTarget(`Operations[${i}]: remove needs a path`);
    if (op !== 'remove' && raw.value === undefined) throw invalidValue(`Operations[${i}]: ${op} needs a value`);
    if (op !== 'remove' && !path && !isObject(raw.value)) throw invalidValue(`Operations[${i}]: without a path the value must be an object of attributes`);
    return { op, ...(path ? { path } : {}), ...(raw.value !== undefined ? { value: raw.value } : {}) } as PatchOperation;
  });
}

interface ParsedPath {
  /** Extension schema URN the attribute lives under, or null for core attributes. */
  extension: string | null;
  attribute: string;
  filter: { attribute: string; value: string | boolean } | null;
  subAttribute: string | null;
}

const PATH = /^([A-Za-z][\w-]*)(?:\[\s*([A-Za-z][\w-]*)\s+eq\s+("(?:[^"\\]|\\.)*"|true|false)\s*\])?(?:\.([A-Za-z][\w-]*))?$/i;

export function parsePath(path: string, extensions: readonly string[], coreSchema: string): ParsedPath {
  let rest = path.trim();
  let extension: string | null = null;
  if (rest.toLowerCase().startsWith(`${coreSchema.toLowerCase()}:`)) rest = rest.slice(coreSchema.length + 1);
  else {
    for (const urn of extensions) {
      if (rest.toLowerCase().startsWith(`${urn.toLowerCase()}:`)) {
        extension = urn;
        rest = rest.slice(urn.length + 1);
        break;
      }
      if (rest.toLowerCase() === urn.toLowerCase()) throw invalidPath(`Path "${path}" names a whole schema; name an attribute in it`);
    }
  }
  const m = PATH.exec(rest);
  if (!m) throw invalidPath(`Path "${path}" is not supported`);
  let filter: ParsedPath['filter'] = null;
  if (m[2]) {
    const raw = m[3]!;
    const value = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw.toLowerCase() === 'true';
    filter = { attribute: m[2], value };
  }
  return { extension, attribute: m[1]!, filter, subAttribute: m[4] ?? null };
}

function keyOf(obj: Json, name: string): string {
  return Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
}

function matches(element: unknown, filter: NonNullable<ParsedPath['filter']>): boolean {
  if (!isObject(element)) return false;
  const v = element[keyOf(element, filter.attribute)];
  if (typeof v === 'string' && typeof filter.value === 'string') return v.toLowerCase() === filter.value.toLowerCase();
  return v === filter.value;
}

function mergeInto(target: Json, value: Json, op: 'add' | 'replace', extensions: readonly string[]): void {
  for (const [rawKey, v] of Object.entries(value)) {
    const ext = extensions.find((u) => u.toLowerCase() === rawKey.toLowerCase());
    const key = keyOf(target, ext ?? rawKey);
    const current = target[key];
    if (ext && isObject(v)) {
      const inner = isObject(current) ? current : {};
      mergeInto(inner, v, op, []);
      target[key] = inner;
    } else if (op === 'add' && Array.isArray(current) && Array.isArray(v)) {
      target[key] = [...current, ...v.filter((n) => !current.some((c) => JSON.stringify(c) === JSON.stringify(n)))];
    } else if (op === 'add' && isObject(current) && isObject(v)) {
      Object.assign(current, v);
    } else {
      target[key] = v;
    }
  }
}

/** Returns a patched copy of `resource`; throws a SCIM error for a bad path or a missing target. */
export function applyPatch(resource: Json, ops: PatchOperation[], schema: { core: string; extensions: readonly string[] }): Json {
  const doc = structuredClone(resource);
  for (const op of ops) {
    if (!op.path) {
      mergeInto(doc, op.value as Json, op.op as 'add' | 'replace', schema.extensions);
      continue;
    }
    const p = parsePath(op.path, schema.extensions, schema.core);
    let container: Json = doc;
    if (p.extension) {
      const k = keyOf(doc, p.extension);
      if (!isObject(doc[k])) {
        if (op.op === 'remove') continue;
        doc[k] = {};
      }
      container = doc[k] as Json;
    }
    const key = keyOf(container, p.attribute);
    const current = container[key];

    if (p.filter) {
      if (op.op !== 'remove' && current !== undefined && !Array.isArray(current)) throw invalidPath(`"${p.attribute}" is not multi-valued`);
      const list = Array.isArray(current) ? current : [];
      const hits = list.filter((e) => matches(e, p.filter!));
      if (op.op === 'remove') {
        if (p.subAttribute) for (const e of hits) delete (e as Json)[keyOf(e as Json, p.subAttribute)];
        else container[key] = list.filter((e) => !hits.includes(e));
        continue;
      }
      if (hits.length === 0) throw noTarget(`No value of "${p.attribute}" matches the filter in "${op.path}"`);
      for (const e of hits) {
        if (p.subAttribute) (e as Json)[keyOf(e as Json, p.subAttribute)] = op.value;
        else if (isObject(op.value)) Object.assign(e as Json, op.value);
        else throw invalidValue(`The value for "${op.path}" must be an object`);
      }
      continue;
    }

    if (p.subAttribute) {
      if (op.op === 'remove') {
        if (isObject(current)) delete current[keyOf(current, p.subAttribute)];
        continue;
      }
      const inner = isObject(current) ? current : {};
      inner[keyOf(inner, p.subAttribute)] = op.value;
      container[key] = inner;
      continue;
    }

    if (op.op === 'remove') delete container[key];
    else if (op.op === 'add' && Array.isArray(current)) {
      const add = Array.isArray(op.value) ? op.value : [op.value];
      container[key] = [...current, ...add.filter((n) => !current.some((c) => JSON.stringify(c) === JSON.stringify(n)))];
    } else if (op.op === 'add' && isObject(current) && isObject(op.value)) Object.assign(current, op.value);
    else container[key] = op.value;
  }
  return doc;
}
