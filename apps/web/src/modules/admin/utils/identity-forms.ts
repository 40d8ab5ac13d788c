import type { SsoConfigurationInput } from '../../../gql/graphql';

export interface SsoFormValues {
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowedDomains: string;
  enabled: boolean;
  passwordSignInEnabled: boolean;
}

const DOMAIN = /^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Checks the SSO form; returns the input for the API, or a message per field. */
export function readSsoForm(values: SsoFormValues, secretStored: boolean): { input?: SsoConfigurationInput; errors: Partial<Record<keyof SsoFormValues, string>> } {
  const errors: Partial<Record<keyof SsoFormValues, string>> = {};
  const issuer = values.issuer.trim();
  try {
    const url = new URL(issuer);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') errors.issuer = 'The issuer is an https address, e.g. https://login.example.com.';
  } catch {
    errors.issuer = 'Enter the issuer URL of your identity provider, e.g. https://login.example.com.';
  }
  const clientId = values.clientId.trim();
  if (!clientId) errors.clientId = 'Enter the client ID your identity provider gave Pulsewise.';
  const clientSecret = values.clientSecret.trim();
  if (!clientSecret && !secretStored) errors.clientSecret = 'Enter the client secret.';
  const allowedDomains = values.allowedDomains.split(/[\s,;]+/).map((d) => d.trim().toLowerCase()).filter(Boolean);
  const bad = allowedDomains.filter((d) => !DOMAIN.test(d));
  if (bad.length) errors.allowedDomains = `Not a domain name: ${bad.join(', ')}. Use names like example.com.`;
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    input: { issuer, clientId, ...(clientSecret ? { clientSecret } : {}), allowedDomains, enabled: values.enabled, passwordSignInEnabled: values.passwordSignInEnabled },
  };
}
