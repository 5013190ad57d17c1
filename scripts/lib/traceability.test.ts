import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { TestResult } from 'allure-js-commons';
import type { Requirement } from '../../requirements/catalogue.ts';
import { buildMatrix, readFaultMatrix, scanDeclarations, toCsv, toHtml } from './traceability.ts';

const FAULT_MATRIX = fileURLToPath(new URL('./testdata/fault-matrix.json', import.meta.url));

const CATALOGUE: Requirement[] = [
  { id: 'REQ-2.5-pin-weak', section: '2.5', title: '취약한 비밀번호 거부' },
  { id: 'REQ-2.5-pin-mismatch', section: '2.5', title: '비밀번호 확인 불일치' },
  { id: 'REQ-2.4-otp-limit', section: '2.4', title: 'OTP 10회 잠금', rule: 'ERROR_LIMITS.otp' },
  { id: 'REQ-2.4-otp-window', section: '2.4', title: 'OTP "시간" <창>' },
  { id: 'REQ-9-token-guard', section: '9', title: '토큰', untestable: '토큰 없는 은행이 필요하다' },
];

let stop = 0;
/** An Allure result as allure-playwright writes it, with the labels the matrix reads. */
function result(
  name: string,
  status: 'passed' | 'failed' | 'broken',
  requirements: string[],
  { project = 'desktop' }: { project?: string } = {},
): TestResult {
  stop += 1;
  return {
    uuid: `uuid-${stop}`,
    name,
    historyId: `${name}:${project}`,
    fullName: `negative/pin.spec.ts › 비밀번호 설정 refusals › ${name}`,
    status,
    stop,
    labels: [
      { name: 'suite', value: 'negative/pin.spec.ts' },
      { name: 'parentSuite', value: project },
      ...requirements.map((value) => ({ name: 'requirement', value })),
    ],
  } as TestResult;
}

const declared = new Map([
  ['REQ-2.5-pin-weak', ['tests/negative/pin.spec.ts']],
  ['REQ-2.5-pin-mismatch', ['tests/negative/pin.spec.ts']],
  ['REQ-2.4-otp-limit', ['tests/account/otp.spec.ts']],
]);

describe('buildMatrix', () => {
  const matrix = buildMatrix({
    catalogue: CATALOGUE,
    results: [
      result('refuses 111111', 'passed', ['REQ-2.5-pin-weak']),
      result('refuses 111111', 'passed', ['REQ-2.5-pin-weak'], { project: 'mobile' }),
      // A retry: the first attempt failed, the last passed; the last attempt counts.
      result('refuses a mismatch', 'failed', ['REQ-2.5-pin-mismatch']),
      result('refuses a mismatch', 'passed', ['REQ-2.5-pin-mismatch']),
      result('accepts 890123', 'broken', ['REQ-2.5-pin-weak', 'REQ-2.5-pin-mismatch']),
    ],
    declared,
    faultMatrix: readFaultMatrix(FAULT_MATRIX),
    commit: 'abc123',
    now: new Date('2026-12-03T13:00:00Z'),
  });
  const byId = new Map(matrix.requirements.map((entry) => [entry.id, entry]));

  it('lists every catalogued requirement in catalogue order, with the run facts', () => {
    assert.deepEqual(
      matrix.requirements.map((entry) => entry.id),
      CATALOGUE.map((entry) => entry.id),
    );
    assert.equal(matrix.generatedAt, '2026-12-03T13:00:00.000Z');
    assert.equal(matrix.commit, 'abc123');
  });

  it('fails a requirement when any of its tests failed (a timeout, "broken", included)', () => {
    assert.equal(byId.get('REQ-2.5-pin-weak')?.status, 'failed');
    assert.deepEqual(
      byId.get('REQ-2.5-pin-weak')?.tests.map((test) => [test.title, test.project, test.status]),
      [
        ['비밀번호 설정 refusals › accepts 890123', 'desktop', 'failed'],
        ['비밀번호 설정 refusals › refuses 111111', 'desktop', 'passed'],
        ['비밀번호 설정 refusals › refuses 111111', 'mobile', 'passed'],
      ],
    );
    assert.equal(byId.get('REQ-2.5-pin-weak')?.tests[0]?.file, 'tests/negative/pin.spec.ts');
  });

  it('counts the last attempt of a retried test', () => {
    const mismatch = byId.get('REQ-2.5-pin-mismatch');
    assert.deepEqual(
      mismatch?.tests.map((test) => [test.title, test.status]),
      [
        ['비밀번호 설정 refusals › accepts 890123', 'failed'],
        ['비밀번호 설정 refusals › refuses a mismatch', 'passed'],
      ],
    );
  });

  it('tells a requirement whose tests did not run from one nobody tests', () => {
    assert.equal(byId.get('REQ-2.4-otp-limit')?.status, 'not-run');
    assert.equal(byId.get('REQ-2.4-otp-window')?.status, 'untested');
    assert.equal(byId.get('REQ-9-token-guard')?.untestable, '토큰 없는 은행이 필요하다');
  });

  it('marks as guarded the requirements of killed faults only, ignoring faults the catalogue no longer has', () => {
    assert.deepEqual(byId.get('REQ-2.5-pin-weak')?.guardedBy, ['weak-pin-accepted']);
    assert.deepEqual(byId.get('REQ-2.4-otp-limit')?.guardedBy, ['lock-one-try-late']);
    assert.deepEqual(byId.get('REQ-2.5-pin-mismatch')?.guardedBy, [], 'pin-mismatch-accepted survived');
  });

  it('links each test to its Allure 3 report entry (md5 of the result uuid)', () => {
    const [test] = byId.get('REQ-2.5-pin-weak')?.tests ?? [];
    assert.match(test?.allureId ?? '', /^[0-9a-f]{32}$/);
  });

  it('leaves guardedBy empty without a fault matrix', () => {
    const plain = buildMatrix({ catalogue: CATALOGUE, results: [], declared, commit: 'abc123' });
    assert.ok(plain.requirements.every((entry) => entry.guardedBy.length === 0));
    assert.equal(readFaultMatrix(join(tmpdir(), 'no-such-fault-matrix.json')), undefined);
  });

  it('writes a CSV Excel opens with Korean intact: UTF-8 BOM, CRLF, every field quoted', () => {
    const csv = toCsv(matrix);
    assert.ok(csv.startsWith('\uFEFF"요구사항 ID","절","요구사항"'));
    const lines = csv.slice(1).split('\r\n');
    assert.equal(lines.at(-1), '', 'ends with CRLF');
    assert.ok(
      lines.some((line) => line.includes('"OTP ""시간"" <창>"')),
      'quotes doubled',
    );
    assert.ok(!/(?<!\r)\n/.test(csv.replace(/"(?:[^"]|"")*"/g, '')), 'no bare LF outside quoted fields');
  });

  it('renders one <tbody> row per requirement, text escaped, tests linked into the Allure report', () => {
    const html = toHtml(matrix, '../allure-report');
    const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
    assert.equal(body.match(/<tr /g)?.length, CATALOGUE.length);
    assert.ok(html.includes('OTP &quot;시간&quot; &lt;창&gt;'));
    assert.ok(!html.includes('<창>'));
    assert.match(html, /href="\.\.\/allure-report\/index\.html#\/[0-9a-f]{32}"/);
    assert.match(html, /<html lang="ko">/);
  });
});

describe('scanDeclarations', () => {
  it('finds ids written in specs, not those in comment lines or other files', () => {
    const root = mkdtempSync(join(tmpdir(), 'rtm-scan-'));
    mkdirSync(join(root, 'tests', 'area'), { recursive: true });
    writeFileSync(
      join(root, 'tests', 'area', 'one.spec.ts'),
      "// REQ-1-in-a-comment\nawait verifies('REQ-2.4-otp-window', 'REQ-9-token-guard');\n",
    );
    writeFileSync(join(root, 'tests', 'area', 'helpers.ts'), "verifies('REQ-2.5-pin-weak');\n");
    assert.deepEqual(
      [...scanDeclarations(join(root, 'tests'), root)],
      [
        ['REQ-2.4-otp-window', ['tests/area/one.spec.ts']],
        ['REQ-9-token-guard', ['tests/area/one.spec.ts']],
      ],
    );
  });
});
