// Test fixtures written through the same RLS-bound paths the app uses.
import { seedQuestionBank, withPlatform, withTenant, type Db, type Role } from '@pulsewise/db';
import { hashPassword } from '../modules/auth/password-hasher.js';
import type { TestApp } from './test-app.js';

export const PASSWORD = 'correct horse battery staple';

export interface FixturePerson {
  id: string;
  email: string;
  roles: Role[];
  orgUnitId: string;
}

export interface FixtureTenant {
  id: string;
  slug: string;
  name: string;
  rootUnitId: string;
  units: Record<string, string>;
  people: Record<string, FixturePerson>;
}

let passwordHash: Promise<string> | undefined;

/** A tenant with a root unit, the given org units (paths) and people (email → roles, unit path). */
export async function createTenant(
  prisma: Db,
  spec: { slug: string; name?: string; kind?: 'CUSTOMER' | 'PLATFORM'; units?: string[]; people: { email: string; roles: Role[]; unit?: string; managerEmail?: string; timeZone?: string; location?: string; startDate?: Date }[] },
): Promise<FixtureTenant> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const name = spec.name ?? spec.slug.toUpperCase();
  const tenant = await withPlatform(prisma, { tenantId: '00000000-0000-0000-0000-000000000000', personId: '00000000-0000-0000-0000-000000000000' }, async (tx, audit) => {
    const t = await tx.tenant.create({ data: { slug: spec.slug, name, kind: spec.kind ?? 'CUSTOMER' } });
    await audit.record('test.fixture', t.id);
    return t;
  });
  return withTenant(prisma, tenant.id, async (tx) => {
    await tx.tenantPolicy.create({ data: { tenantId: tenant.id } });
    await seedQuestionBank(tx, tenant.id);
    const root = await tx.orgUnit.create({ data: { tenantId: tenant.id, name, path: '' } });
    const units: Record<string, string> = { '': root.id };
    for (const path of spec.units ?? []) {
      const parentPath = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      const unit = await tx.orgUnit.create({ data: { tenantId: tenant.id, name: path.split('/').at(-1)!, path, parentId: units[parentPath]! } });
      units[path] = unit.id;
    }
    const people: Record<string, FixturePerson> = {};
    for (const p of spec.people) {
      const orgUnitId = units[p.unit ?? '']!;
      const person = await tx.person.create({
        data: {
          tenantId: tenant.id, email: p.email, displayName: p.email.split('@')[0]!, orgUnitId, roles: p.roles, managerId: p.managerEmail ? people[p.managerEmail]?.id ?? null : null,
          timeZone: p.timeZone ?? 'UTC', location: p.location ?? null, startDate: p.startDate ?? null,
        },
      });
      await tx.credential.create({ data: { tenantId: tenant.id, personId: person.id, passwordHash: hash } });
      people[p.email] = { id: person.id, email: p.email, roles: p.roles, orgUnitId };
    }
    return { id: tenant.id, slug: spec.slug, name, rootUnitId: root.id, units, people };
  });
}

export const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) { accessToken accessTokenExpiresAt viewer { personId email roles tenant { id name slug } } }
  }
`;

export async function signIn(api: TestApp, email: string, password = PASSWORD, organization?: string): Promise<{ token: string; cookie: string }> {
  const result = await api.gql<{ signIn: { accessToken: string } }>(SIGN_IN, { input: { email, password, ...(organization ? { organization } : {}) } });
  if (!result.data?.signIn) throw new Error(`sign-in failed for ${email}: ${JSON.stringify(result.errors)}`);
  return { token: result.data.signIn.accessToken, cookie: refreshCookie(result.setCookie) };
}

export function refreshCookie(setCookie: string[]): string {
  const header = setCookie.find((c) => c.startsWith('pw_refresh='));
  return header ? header.split(';')[0]! : '';
}
