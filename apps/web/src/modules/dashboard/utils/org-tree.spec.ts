import { describe, expect, it } from 'vitest';
import { ancestorsOf, buildOrgTree, expandedFor, unitLabel } from './org-tree';

const units = [
  { id: 'root', name: 'Acme', path: '', depth: 0, parentId: null },
  { id: 'eng', name: 'Engineering', path: 'Engineering', depth: 1, parentId: 'root' },
  { id: 'plat', name: 'Platform', path: 'Engineering/Platform', depth: 2, parentId: 'eng' },
  { id: 'apps', name: 'Apps', path: 'Engineering/Apps', depth: 2, parentId: 'eng' },
  { id: 'ops', name: 'Operations', path: 'Operations', depth: 1, parentId: 'root' },
];

describe('buildOrgTree', () => {
  it('nests units and keeps the API’s order (never re-sorted)', () => {
    const tree = buildOrgTree(units);
    expect(tree.map((n) => n.unit.id)).toEqual(['root']);
    expect(tree[0]!.children.map((n) => n.unit.id)).toEqual(['eng', 'ops']);
    // "Platform" comes before "Apps" because the API says so, not alphabetically.
    expect(tree[0]!.children[0]!.children.map((n) => n.unit.id)).toEqual(['plat', 'apps']);
  });

  it('makes a manager’s subtree (parent not in the list) a root', () => {
    const tree = buildOrgTree(units.slice(1, 4));
    expect(tree.map((n) => n.unit.id)).toEqual(['eng']);
  });
});

describe('ancestorsOf / expandedFor', () => {
  it('gives the chain from the root', () => {
    expect(ancestorsOf(units, 'apps').map((u) => u.id)).toEqual(['root', 'eng', 'apps']);
    expect([...expandedFor(units, 'plat')]).toEqual(['root', 'eng', 'plat']);
    expect(expandedFor(units, null).size).toBe(0);
  });

  it('survives unknown ids and cycles', () => {
    expect(ancestorsOf(units, 'nope')).toEqual([]);
    const cyclic = [
      { id: 'a', name: 'A', path: 'A', depth: 1, parentId: 'b' },
      { id: 'b', name: 'B', path: 'B', depth: 1, parentId: 'a' },
    ];
    expect(ancestorsOf(cyclic, 'a').map((u) => u.id)).toEqual(['b', 'a']);
  });
});

describe('unitLabel', () => {
  it('shows the path, or the name for the root', () => {
    expect(unitLabel(units[0]!)).toBe('Acme');
    expect(unitLabel(units[2]!)).toBe('Engineering / Platform');
  });
});
