import { describe, expect, it } from 'vitest';
import { inviteProblems, slugify, tenantProblems } from './tenant-form';

describe('slugify', () => {
  it('suggests a valid slug', () => {
    expect(slugify('Acme Robotics GmbH')).toBe('acme-robotics-gmbh');
    expect(slugify('  Café Zürich!! ')).toBe('cafe-zurich');
    expect(slugify('---')).toBe('');
  });
});

describe('tenantProblems / inviteProblems', () => {
  it('accepts good input', () => {
    expect(tenantProblems('Acme', 'acme')).toEqual({});
    expect(inviteProblems('Ada Admin', 'ada@acme.example')).toEqual({});
  });
  it('explains bad input', () => {
    expect(tenantProblems('', 'Acme!')).toEqual({
      name: 'Enter the organisation’s name.',
      slug: 'Use lower-case letters, digits and dashes, starting and ending with a letter or digit.',
    });
    expect(inviteProblems('A', 'nope')).toEqual({
      displayName: 'Enter the person’s name.',
      email: 'Enter an email address, like name@example.com.',
    });
  });
});
