import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); `npx playwright install` cannot work here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Set by e2e/run.mjs to the `vite preview` server it started. */
export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:4173';

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  mobile: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;
export type Viewport = { width: number; height: number };

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser: Promise<Browser> | null = null;
const contexts = new WeakMap<Page, BrowserContext>();
const pageErrors = new WeakMap<Page, Error[]>();

/**
 * One headless Chromium per test file. Playwright starts it with a fresh, temporary
 * --user-data-dir of its own (and deletes it on close); it refuses that flag in `args`.
 */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it: apt-get update && apt-get install -y chromium`);
  }
  browser ??= chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    timeout: 30_000,
  });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  if (!browser) return;
  const current = browser;
  browser = null;
  await (await current).close();
}

export interface NewPageOptions {
  /** Base URL for relative `page.goto('/…')`. */
  baseURL?: string;
}

/**
 * A page in its own browser context (own cookies and storage: a fresh visitor) at the given
 * viewport. Uncaught page errors are recorded; see `pageErrorsOf`.
 */
export async function newPage(viewport: Viewport | ViewportName, options: NewPageOptions = {}): Promise<Page> {
  const size = typeof viewport === 'string' ? VIEWPORTS[viewport] : viewport;
  const isMobile = size.width < 600;
  const context = await (await launchBrowser()).newContext({
    baseURL: options.baseURL ?? BASE_URL,
    viewport: size,
    deviceScaleFactor: 1,
    isMobile,
    hasTouch: isMobile,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  contexts.set(page, context);
  const errors: Error[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(error));
  return page;
}

/** Closes the page's whole context. */
export async function closePage(page: Page): Promise<void> {
  await (contexts.get(page) ?? page.context()).close();
}

/** Uncaught exceptions thrown in the page so far — a test should usually expect none. */
export function pageErrorsOf(page: Page): readonly Error[] {
  return pageErrors.get(page) ?? [];
}
