/** "Acme Robotics GmbH" → "acme-robotics-gmbh": a slug suggestion the admin can edit. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/g, '');
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function tenantProblems(name: string, slug: string): { name?: string; slug?: string } {
  const problems: { name?: string; slug?: string } = {};
  if (name.trim().length < 2) problems.name = 'Enter the organisation’s name.';
  if (!SLUG.test(slug)) problems.slug = 'Use lower-case letters, digits and dashes, starting and ending with a letter or digit.';
  return problems;
}

export function inviteProblems(displayName: string, email: string): { displayName?: string; email?: string } {
  const problems: { displayName?: string; email?: string } = {};
  if (displayName.trim().length < 2) problems.displayName = 'Enter the person’s name.';
  if (!EMAIL.test(email.trim())) problems.email = 'Enter an email address, like name@example.com.';
  return problems;
}
