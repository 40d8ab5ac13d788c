/**
 * Signing in for tests against the real API: in the browser (through the sign-in page) or
 * directly over HTTP to set up data. Only successful sign-ins: failures count towards lockout.
 */
import type { Page } from 'playwright-core';
import { apiUrl, DEMO_PASSWORD } from './backend';
import { BASE_URL } from './browser';

/** Signs in through the sign-in page and waits for the person's home page. */
export async function signInAs(page: Page, email: string, home: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.href.startsWith(`${BASE_URL}${home}`));
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** A GraphQL call straight to the API (no browser), for setting up or looking things up. */
export async function apiGraphQL<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  accessToken?: string,
): Promise<T> {
  const response = await fetch(`${apiUrl()}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) {
    throw new Error(`GraphQL error: ${body.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ')}`);
  }
  return body.data as T;
}

/** An access token for a demo account, for API calls made by the test itself. */
export async function apiAccessToken(email: string): Promise<string> {
  const data = await apiGraphQL<{ signIn: { accessToken: string } }>(
    'mutation SignIn($input: SignInInput!) { signIn(input: $input) { accessToken } }',
    { input: { email, password: DEMO_PASSWORD } },
  );
  return data.signIn.accessToken;
}
