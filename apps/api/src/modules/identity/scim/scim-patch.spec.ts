// The PATCH and filter grammar on their own, with the examples of RFC 7644 §3.4.2.2 and §3.5.2.
import { ScimError } from './scim-errors.js';
import { parseFilter } from './scim-filter.js';
import { applyPatch, parsePatchRequest, PATCH_OP_SCHEMA } from './scim-patch.js';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const userSchema = { core: USER, extensions: [ENTERPRISE] };
const groupSchema = { core: GROUP, extensions: [] };

function scimErrorOf(fn: () => unknown): { status: number; scimType?: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScimError) return { status: error.status, ...(error.scimType ? { scimType: error.scimType } : {}) };
    throw error;
  }
  throw new Error('expected a SCIM error');
}

const patch = (doc: Record<string, unknown>, Operations: unknown[], schema = userSchema) => applyPatch(doc, parsePatchRequest({ schemas: [PATCH_OP_SCHEMA], Operations }), schema);

describe('SCIM PATCH (RFC 7644 §3.5.2)', () => {
  const group = {
    schemas: [GROUP], id: 'g', displayName: 'Tour Guides',
    members: [{ value: '2819c223-7f76-453a-919d-413861904646', display: 'Babs Jensen' }, { value: '902c246b-6245-4190-8e05-00816be7344a', display: 'Mandy Pepperidge' }],
  };

  it('§3.5.2.1 adds members to a group', () => {
    const out = patch(group, [{ op: 'add', path: 'members', value: [{ display: 'Babs Jensen', $ref: 'x', value: '2819c223-7f76-453a-919d-413861904646' }, { value: 'new' }] }], groupSchema);
    expect((out.members as { value: string }[]).map((m) => m.value)).toEqual(['2819c223-7f76-453a-919d-413861904646', '902c246b-6245-4190-8e05-00816be7344a', '2819c223-7f76-453a-919d-413861904646', 'new']);
  });

  it('§3.5.2.2 removes one member by filter, or all members', () => {
    const one = patch(group, [{ op: 'remove', path: 'members[value eq "2819c223-7f76-453a-919d-413861904646"]' }], groupSchema);
    expect(one.members).toEqual([group.members[1]]);
    const all = patch(group, [{ op: 'remove', path: 'members' }], groupSchema);
    expect(all).not.toHaveProperty('members');
    expect(group.members).toHaveLength(2); // the input is never changed
  });

  it('§3.5.2.3 replaces members, a filtered value\'s sub-attribute, and attributes without a path', () => {
    const replaced = patch(group, [{ op: 'replace', path: 'members', value: [{ value: 'only' }] }], groupSchema);
    expect(replaced.members).toEqual([{ value: 'only' }]);
    const user = { schemas: [USER], userName: 'a@b.c', emails: [{ value: 'a@b.c', type: 'work' }], addresses: [{ type: 'work', locality: 'Berlin' }] };
    const moved = patch(user, [{ op: 'replace', path: 'addresses[type eq "work"].locality', value: 'Tokyo' }]);
    expect(moved.addresses).toEqual([{ type: 'work', locality: 'Tokyo' }]);
    const noPath = patch(user, [{ op: 'replace', value: { displayName: 'Babs', active: false } }]);
    expect(noPath).toMatchObject({ displayName: 'Babs', active: false });
  });

  it('reaches the enterprise extension by URN path and by value object', () => {
    const user = { schemas: [USER], userName: 'a@b.c' };
    const byPath = patch(user, [{ op: 'add', path: `${ENTERPRISE}:manager`, value: { value: 'm1' } }]);
    expect(byPath[ENTERPRISE]).toEqual({ manager: { value: 'm1' } });
    const byValue = patch(byPath, [{ op: 'add', value: { [ENTERPRISE]: { department: 'Eng' } } }]);
    expect(byValue[ENTERPRISE]).toEqual({ manager: { value: 'm1' }, department: 'Eng' });
    const removed = patch(byValue, [{ op: 'remove', path: `${ENTERPRISE}:manager` }]);
    expect(removed[ENTERPRISE]).toEqual({ department: 'Eng' });
    expect(patch(user, [{ op: 'replace', path: `${USER}:displayName`, value: 'X' }]).displayName).toBe('X');
  });

  it('refuses malformed requests with the RFC\'s error types', () => {
    expect(scimErrorOf(() => parsePatchRequest({ Operations: [] }))).toEqual({ status: 400, scimType: 'invalidSyntax' });
    expect(scimErrorOf(() => parsePatchRequest({ schemas: [PATCH_OP_SCHEMA], Operations: [{ op: 'move', path: 'x' }] }))).toEqual({ status: 400, scimType: 'invalidSyntax' });
    expect(scimErrorOf(() => parsePatchRequest({ schemas: [PATCH_OP_SCHEMA], Operations: [{ op: 'remove' }] }))).toEqual({ status: 400, scimType: 'noTarget' });
    expect(scimErrorOf(() => parsePatchRequest({ schemas: [PATCH_OP_SCHEMA], Operations: [{ op: 'add', value: 3 }] }))).toEqual({ status: 400, scimType: 'invalidValue' });
    expect(scimErrorOf(() => patch({ emails: [] }, [{ op: 'replace', path: 'emails[type eq "home"].value', value: 'x' }]))).toEqual({ status: 400, scimType: 'noTarget' });
    expect(scimErrorOf(() => patch({}, [{ op: 'replace', path: 'a[b', value: 1 }]))).toEqual({ status: 400, scimType: 'invalidPath' });
  });
});

describe('SCIM filters (RFC 7644 §3.4.2.2)', () => {
  const allowed = ['username', 'externalid', 'active'];

  it('reads eq comparisons, operators case-insensitive, joined with and', () => {
    expect(parseFilter('userName Eq "john"', allowed)).toEqual([{ attribute: 'username', value: 'john' }]);
    expect(parseFilter(`${USER}:userName eq "a\\"b"`, allowed)).toEqual([{ attribute: 'username', value: 'a"b' }]);
    expect(parseFilter('externalId eq "x" and active eq true', allowed)).toEqual([{ attribute: 'externalid', value: 'x' }, { attribute: 'active', value: true }]);
    expect(parseFilter(undefined, allowed)).toEqual([]);
  });

  it('refuses what it does not support rather than guessing', () => {
    for (const f of ['userName co "j"', 'userName eq "a" or userName eq "b"', 'title eq "x"', 'userName eq john', '(userName eq "a")']) {
      expect(scimErrorOf(() => parseFilter(f, allowed))).toEqual({ status: 400, scimType: 'invalidFilter' });
    }
  });
});
