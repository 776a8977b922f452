import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { REPO_ROOT } from './paths';

/**
 * axe-core in a page: the library is evaluated in the page's main world (not added as a <script>, which an
 * extension page's CSP would refuse), then `axe.run` checks the page or part of it, shadow roots included.
 */

/** One rule broken, with the elements that break it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; summary: string }[];
}

/** The impacts that fail the tests (WCAG failures a user meets, not best-practice advice). */
export const BLOCKING_IMPACTS = ['serious', 'critical'];

let source: string | null = null;

function axeSource(): string {
  source ??= readFileSync(join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  return source;
}

/**
 * Runs axe on `page`: on the whole document, or only on the elements `include` selects (axe's context
 * syntax: `[['no-time-to-read']]` is that element with its shadow tree). Returns every violation, or with
 * `kind: 'incomplete'` every check axe could not decide and leaves to a person ("needs review").
 */
export async function runAxe(
  page: Page,
  include?: string[][],
  kind: 'violations' | 'incomplete' = 'violations',
): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axeSource());
  return page.evaluate(
    async (context: string[][] | null, type: 'violations' | 'incomplete') => {
      interface AxeResult {
        [type: string]: {
          id: string;
          impact: string | null;
          help: string;
          nodes: { target: unknown[]; failureSummary?: string }[];
        }[];
      }
      const axe = (globalThis as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResult> } }).axe;
      const result = await axe.run(context ? { include: context } : document, { resultTypes: [type] });
      return (result[type] ?? []).map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({
          target: n.target,
          summary: (n.failureSummary ?? '').replace(/\s+/g, ' '),
        })),
      }));
    },
    include ?? null,
    kind,
  );
}

/** The violations that fail the tests. */
export function blocking(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact !== null && BLOCKING_IMPACTS.includes(v.impact));
}

/** A readable list for a failure message: rule, impact, elements and what axe says to fix. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `- ${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `    ${JSON.stringify(n.target)}: ${n.summary}`).join('\n'),
    )
    .join('\n');
}
