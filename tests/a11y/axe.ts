import AxeBuilder from '@axe-core/playwright';
import { test, type Page } from '@playwright/test';

/** The rule sets the issue asks for: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A violation of these impacts fails the test; moderate and minor ones are attached for reading. */
export const BLOCKING_IMPACTS: readonly string[] = ['serious', 'critical'];

/**
 * Rules switched off for every scan, each with the reason. Empty on purpose: the mock bank passes
 * every WCAG 2.1 A/AA rule, so nothing is excluded. Add an entry only with a reason a reviewer accepts.
 */
export const EXCLUDED_RULES: Readonly<Record<string, string>> = {};

/** One line per failing node: what a developer needs to find and fix it. */
export interface ViolationSummary {
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

function summarise(violations: AxeResults['violations']): ViolationSummary[] {
  return violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    help: `${violation.help} (${violation.helpUrl})`,
    nodes: violation.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`.trim()),
  }));
}

/**
 * Scans the page as it is now with axe-core (WCAG 2.1 A/AA) and returns the serious and critical
 * violations. When there are any, the whole axe result is attached to the report as JSON.
 */
export async function blockingViolations(page: Page): Promise<ViolationSummary[]> {
  return test.step(
    'Scan the screen with axe (WCAG 2.1 A/AA)',
    async () => {
      const results = await new AxeBuilder({ page })
        // Frame-aware mode finishes every scan in a new blank page (a renderer start, ~1.5 s of a ~2 s
        // scan here). It only adds cross-origin frames, so a page of one frame is scanned in place.
        .setLegacyMode(page.frames().length === 1)
        .withTags([...WCAG_TAGS])
        .disableRules(Object.keys(EXCLUDED_RULES))
        // Node details only for violations: the scan and its JSON stay small (passes are not read).
        .options({ resultTypes: ['violations'] })
        .analyze();
      const blocking = results.violations.filter((violation) =>
        BLOCKING_IMPACTS.includes(violation.impact ?? ''),
      );
      const minor = results.violations.filter((violation) => !blocking.includes(violation));
      if (blocking.length > 0) {
        await test.info().attach('axe-results.json', {
          body: JSON.stringify(results, null, 2),
          contentType: 'application/json',
        });
      } else if (minor.length > 0) {
        // Not a failure, but worth a look: moderate and minor findings, summarised.
        await test.info().attach('axe-minor-violations.json', {
          body: JSON.stringify(summarise(minor), null, 2),
          contentType: 'application/json',
        });
      }
      return summarise(blocking);
    },
    { box: true },
  );
}
