// Looks for a run's secrets (fixtures/secretLedger.ts) in what the run leaves behind: the Allure
// results, the JUnit file and the mock bank's log. Reports the file and the kind, never the value.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { LedgerEntry } from '../../fixtures/secretLedger.ts';
import { escapeMarkup } from './markup.ts';

export interface Finding {
  file: string;
  kind: string;
}

export interface SourceResult {
  /** What was scanned: `allure results`, `junit`, `server log`. */
  name: string;
  files: number;
  /** Set when the source is not there: the run cannot be vouched for. */
  missing?: string;
  findings: Finding[];
}

/**
 * A full 주민등록번호 of any person, with or without its hyphen: a real birth date, then any gender digit
 * (spec §8: 1-4 and 9/0 for Koreans of three centuries, 5-8 for foreigners; the test data holds them all).
 */
const RRN_SHAPE = /(?<![0-9A-Za-z])\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-?\d{7}(?![0-9A-Za-z])/;
/**
 * A short number counts only as a token of its own: digits joined to letters, digits or `-.:/_` are
 * part of something else (a date, a phone or account number, a uuid, a line number, `pid-1234`).
 */
const JOINED = '[0-9A-Za-z\\-.:/_]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function matcher({ kind, value }: LedgerEntry): (text: string) => boolean {
  if (kind === 'rrn') {
    const re = new RegExp(`(?<!\\d)${value.slice(0, 6)}-?${value.slice(6)}(?!\\d)`);
    return (text) => re.test(text);
  }
  if (/^\d+$/.test(value)) {
    const re = new RegExp(`(?<!${JOINED})${value}(?!${JOINED})`);
    return (text) => text.includes(value) && re.test(text);
  }
  const re = new RegExp(escapeRegExp(value));
  return (text) => re.test(text);
}

/** The kinds of secret `text` holds: each ledger kind found, and `full 주민등록번호 (pattern)`. */
export function secretKindsIn(text: string, secrets: readonly LedgerEntry[]): string[] {
  const kinds = new Set<string>();
  for (const secret of secrets) if (!kinds.has(secret.kind) && matcher(secret)(text)) kinds.add(secret.kind);
  if (RRN_SHAPE.test(text)) kinds.add('full 주민등록번호 (pattern)');
  return [...kinds];
}

/** The text of an Allure result a reader sees: names, steps, parameters, labels, messages. */
function allureText(result: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown, key = ''): void => {
    if (typeof node === 'string') {
      // uuids, history ids and attachment file names are made by the reporter, not by a test.
      if (!['uuid', 'historyId', 'testCaseId', 'source'].includes(key)) parts.push(node);
    } else if (Array.isArray(node)) node.forEach((item) => walk(item, key));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  walk(result);
  return parts.join('\n');
}

const TEXT_ATTACHMENT = new Set(['.txt', '.json', '.md', '.csv', '.html', '.xml', '.log', '.yml', '.yaml']);

function scanFiles(
  name: string,
  files: string[],
  secrets: readonly LedgerEntry[],
  read: (f: string) => string,
) {
  const findings = files.flatMap((file) =>
    secretKindsIn(read(file), secrets).map((kind) => ({ file, kind })),
  );
  return { name, files: files.length, findings };
}

export function scanAllureResults(dir: string, secrets: readonly LedgerEntry[]): SourceResult {
  if (!existsSync(dir)) return { name: 'allure results', files: 0, missing: dir, findings: [] };
  const files = readdirSync(dir)
    .filter(
      (f) => f.endsWith('-result.json') || f.endsWith('-container.json') || TEXT_ATTACHMENT.has(extname(f)),
    )
    .map((f) => join(dir, f));
  return scanFiles('allure results', files, secrets, (file) => {
    const text = readFileSync(file, 'utf8');
    return /-(result|container)\.json$/.test(file) ? allureText(JSON.parse(text)) : text;
  });
}

/** A single file scanned whole (the JUnit XML, the bank's JSON-lines log). */
export function scanFile(name: string, file: string, secrets: readonly LedgerEntry[]): SourceResult {
  if (!existsSync(file)) return { name, files: 0, missing: file, findings: [] };
  return scanFiles(name, [file], secrets, (f) => readFileSync(f, 'utf8'));
}

/** One testcase per source, for CI's count (scripts/test-summary.ts). */
export function junitOf(results: readonly SourceResult[]): string {
  const failed = results.filter((r) => r.missing || r.findings.length > 0).length;
  const cases = results.map((r) => {
    const title = `no secret in the ${r.name}`;
    const problem = r.missing
      ? `not found: ${r.missing}`
      : r.findings.map((f) => `${f.file}: ${f.kind}`).join('\n');
    const failure = problem
      ? `<failure message="${escapeMarkup(problem.split('\n')[0]!)}">${escapeMarkup(problem)}</failure>`
      : '';
    return `  <testcase classname="scan-secrets" name="${escapeMarkup(title)}">${failure}</testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name="secrets scan" tests="${results.length}" failures="${failed}">`,
    ...cases,
    '</testsuite>',
    '',
  ].join('\n');
}
