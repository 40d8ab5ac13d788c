import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface A11yOptions {
  /** Only fail on these impacts (default: serious and critical). */
  failOn?: readonly Impact[];
  /** CSS selector to limit the check to. */
  include?: string;
  /** Rule ids to skip — each needs a comment in the test saying why. */
  disableRules?: readonly string[];
}

interface AxeViolation {
  id: string;
  impact: Impact | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Injects axe-core into the page and fails on serious or critical violations, listing each
 * with the offending elements. Less severe findings are returned for information.
 */
export async function checkA11y(page: Page, options: A11yOptions = {}): Promise<AxeViolation[]> {
  const failOn = options.failOn ?? ['serious', 'critical'];
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!hasAxe) await page.addScriptTag({ content: AXE_SOURCE });

  const violations = await page.evaluate(
    async ({ include, disableRules }) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
      const rules = Object.fromEntries(disableRules.map((id) => [id, { enabled: false }]));
      const result = await axe.run(include ? { include: [include] } : document, {
        resultTypes: ['violations'],
        rules,
      });
      return result.violations;
    },
    { include: options.include ?? null, disableRules: [...(options.disableRules ?? [])] },
  ) as AxeViolation[];

  const failing = violations.filter((v) => v.impact !== null && failOn.includes(v.impact));
  if (failing.length > 0) {
    const report = failing
      .map(
        (v) =>
          `• [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
          v.nodes
            .slice(0, 5)
            .map((n) => `    ${JSON.stringify(n.target)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`)
            .join('\n'),
      )
      .join('\n');
    throw new Error(`Accessibility violations on ${page.url()}:\n${report}`);
  }
  return violations;
}
