/**
 * The sign-in page: it renders, is accessible at both viewports, validates input, and turns
 * connection failures into messages a person understands (answers stubbed in the browser, or
 * the real proxy with the API down).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  apiDownBaseUrl,
  BASE_URL,
  checkA11y,
  closeBrowser,
  closePage,
  gqlError,
  newPage,
  pageErrorsOf,
  screenshot,
  stubGraphQL,
  VIEWPORTS,
  type ViewportName,
} from '../support';

after(closeBrowser);

const viewports = Object.keys(VIEWPORTS) as ViewportName[];

async function openSignIn(viewport: ViewportName) {
  const page = await newPage(viewport);
  await page.goto('/');
  // Signed out: the app tries the refresh cookie, finds none, and lands on sign-in.
  await page.waitForURL(`${BASE_URL}/sign-in`);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  return page;
}

for (const viewport of viewports) {
  describe(`sign-in page at ${viewport} (${VIEWPORTS[viewport].width}×${VIEWPORTS[viewport].height})`, () => {
    it('renders the form with labelled fields and no organisation field', async () => {
      const page = await openSignIn(viewport);
      try {
        assert.equal(await page.title(), 'Sign in · Pulsewise');
        assert.equal(await page.getByLabel('Email address').count(), 1);
        assert.equal(await page.getByLabel('Password', { exact: true }).count(), 1);
        assert.equal(await page.getByLabel('Organisation').count(), 0, 'organisation only when the API asks');
        assert.ok(await page.getByRole('button', { name: 'Sign in' }).isEnabled());
        // Nothing overflows sideways on a phone.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
        await screenshot(page, `sign-in-${viewport}`);
        await checkA11y(page);
        assert.deepEqual(pageErrorsOf(page), []);
      } finally {
        await closePage(page);
      }
    });

    it('explains missing input next to the fields and focuses the first one', async () => {
      const page = await openSignIn(viewport);
      try {
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByText('Enter your email address.').waitFor();
        await page.getByText('Enter your password.').waitFor();
        assert.equal(await page.getByLabel('Email address').getAttribute('aria-invalid'), 'true');
        assert.ok(await page.getByLabel('Email address').evaluate((el) => el === document.activeElement));
        await screenshot(page, `sign-in-${viewport}-validation`);
        await checkA11y(page);
      } finally {
        await closePage(page);
      }
    });

    it('says plainly when Pulsewise cannot be reached (network failure)', async () => {
      const page = await newPage(viewport);
      try {
        await stubGraphQL(page, { RefreshSession: () => 'abort', SignIn: () => 'abort' });
        await page.goto('/sign-in');
        await page.getByLabel('Email address').fill('ada@acme.example');
        await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
        await page.getByRole('button', { name: 'Sign in' }).click();
        const alert = page.getByRole('alert');
        await alert.waitFor();
        assert.equal(
          (await alert.textContent())?.trim(),
          'We couldn’t reach Pulsewise. Check your internet connection and try again.',
        );
        // The message takes focus so keyboard and screen-reader users notice it.
        await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alert');
        await screenshot(page, `sign-in-${viewport}-network-error`);
        await checkA11y(page);
        assert.deepEqual(pageErrorsOf(page), []);
      } finally {
        await closePage(page);
      }
    });
  });
}

describe('sign-in with the API not running (real proxy, nothing stubbed)', () => {
  // e2e/run.mjs serves the same build a second time with its /graphql proxy pointing at a port
  // nothing listens on, so this runs next to the real API.
  it('says Pulsewise is unavailable, in words', async () => {
    const base = apiDownBaseUrl();
    const page = await newPage('desktop', { baseURL: base });
    try {
      await page.goto('/');
      await page.waitForURL(`${base}/sign-in`);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await page.getByLabel('Email address').fill('ada@acme.example');
      await page.getByLabel('Password', { exact: true }).fill('secret-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').getByText('Pulsewise isn’t available right now. Please try again in a few minutes.').waitFor();
      await screenshot(page, 'sign-in-desktop-api-down');
      assert.deepEqual(pageErrorsOf(page), []);
    } finally {
      await closePage(page);
    }
  });
});

describe('sign-in error messages (API answers stubbed in the browser)', () => {
  it('the API being down behind the proxy (HTTP 502, no GraphQL body)', async () => {
    const page = await newPage('desktop');
    try {
      await stubGraphQL(page, { RefreshSession: () => ({ status: 502 }), SignIn: () => ({ status: 502 }) });
      await page.goto('/sign-in');
      await page.getByLabel('Email address').fill('ada@acme.example');
      await page.getByLabel('Password', { exact: true }).fill('secret-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').getByText('Pulsewise isn’t available right now. Please try again in a few minutes.').waitFor();
    } finally {
      await closePage(page);
    }
  });

  it('a wrong password', async () => {
    const page = await newPage('desktop');
    try {
      await stubGraphQL(page, {
        RefreshSession: () => gqlError('UNAUTHENTICATED'),
        SignIn: () => gqlError('UNAUTHENTICATED', 'Invalid email or password'),
      });
      await page.goto('/sign-in');
      await page.getByLabel('Email address').fill('ada@acme.example');
      await page.getByLabel('Password', { exact: true }).fill('wrong');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').getByText('That email and password don’t match. Check them and try again.').waitFor();
      // No "session ended" wording on a first visit.
      assert.equal(await page.getByText('Your session ended').count(), 0);
    } finally {
      await closePage(page);
    }
  });

  it('a lockout says how many minutes to wait', async () => {
    const page = await newPage('mobile');
    try {
      await stubGraphQL(page, {
        RefreshSession: () => gqlError('UNAUTHENTICATED'),
        SignIn: () => gqlError('TOO_MANY_REQUESTS', 'Locked', { retryAfterSeconds: 14 * 60 + 5 }),
      });
      await page.goto('/sign-in');
      await page.getByLabel('Email address').fill('ada@acme.example');
      await page.getByLabel('Password', { exact: true }).fill('wrong');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').getByText('Too many sign-in attempts. Please try again in 15 minutes.').waitFor();
      await screenshot(page, 'sign-in-mobile-locked-out');
    } finally {
      await closePage(page);
    }
  });

  it('asks for the organisation only when the API needs it, offers the ones it lists, then sends the choice', async () => {
    const page = await newPage('mobile');
    const sent: unknown[] = [];
    try {
      await stubGraphQL(page, {
        RefreshSession: () => gqlError('UNAUTHENTICATED'),
        SignIn: (variables) => {
          sent.push(variables.input);
          return gqlError('TENANT_CHOICE_REQUIRED', 'This email belongs to several organisations. Choose one.', {
            organizations: [
              { slug: 'acme-robotics', name: 'Acme Robotics' },
              { slug: 'globex', name: 'Globex Corporation' },
            ],
          });
        },
      });
      await page.goto('/sign-in');
      await page.getByLabel('Email address').fill('sam@two-orgs.example');
      await page.getByLabel('Password', { exact: true }).fill('secret-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const group = page.getByRole('group', { name: 'Organisation' });
      await group.waitFor();
      await page.getByRole('alert').getByText(/more than one organisation/).waitFor();
      // Focus goes straight to the choices.
      await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'organization');
      await group.getByLabel('Globex Corporation').check();
      await screenshot(page, 'sign-in-mobile-organisation');
      await checkA11y(page);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await assertEventually(() => sent.length === 2);
      assert.deepEqual(sent[0], { email: 'sam@two-orgs.example', password: 'secret-password' });
      assert.deepEqual(sent[1], { email: 'sam@two-orgs.example', password: 'secret-password', organization: 'globex' });
    } finally {
      await closePage(page);
    }
  });

  it('falls back to a text field when the API does not list the organisations', async () => {
    const page = await newPage('desktop');
    try {
      await stubGraphQL(page, {
        RefreshSession: () => gqlError('UNAUTHENTICATED'),
        SignIn: () => gqlError('TENANT_CHOICE_REQUIRED'),
      });
      await page.goto('/sign-in');
      await page.getByLabel('Email address').fill('sam@two-orgs.example');
      await page.getByLabel('Password', { exact: true }).fill('secret-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('textbox', { name: 'Organisation' }).waitFor();
      await screenshot(page, 'sign-in-desktop-organisation-text');
      await checkA11y(page);
    } finally {
      await closePage(page);
    }
  });

  it('the keyboard reaches every control, with a visible focus ring', async () => {
    const page = await openSignIn('desktop');
    try {
      const order: string[] = [];
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press('Tab');
        order.push(
          await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            const style = getComputedStyle(el);
            if (style.outlineStyle === 'none' || style.outlineWidth === '0px') throw new Error(`no focus ring on ${el.outerHTML}`);
            return el.getAttribute('name') ?? el.textContent?.trim() ?? el.tagName;
          }),
        );
      }
      assert.deepEqual(order, ['email', 'password', 'Show password', 'Sign in']);
      await page.getByLabel('Email address').focus();
      await screenshot(page, 'sign-in-desktop-focus');
    } finally {
      await closePage(page);
    }
  });
});

async function assertEventually(check: () => boolean, timeoutMs = 5_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) assert.fail('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
