// scripts/lib/secretScan.ts: the scan that proves a run printed none of its secrets (issue 6).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { LedgerEntry } from '../../../fixtures/secretLedger.ts';
import { junitOf, scanAllureResults, scanFile, secretKindsIn } from '../../../scripts/lib/secretScan.ts';

const SECRETS: LedgerEntry[] = [
  { kind: 'rrn', value: '8804122345670' },
  { kind: 'loginPassword', value: 'abcdef123!' },
  { kind: 'accountPassword', value: '4826' },
  { kind: 'certificatePin', value: '583926' },
  { kind: 'otpSecret', value: 'JBSWY3DPEHPK3PXP' },
];

describe('secretKindsIn', () => {
  const found: [string, string, string[]][] = [
    ['a PIN in a step title', 'Enter certificate PIN 583926', ['certificatePin']],
    ['an account password in quotes', 'expected "4826" to be', ['accountPassword']],
    ['the login password inside a word', 'Log in with abcdef123!x', ['loginPassword']],
    ['the OTP secret', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', ['otpSecret']],
    ['the RRN with its hyphen', '주민등록번호 880412-2345670', ['rrn', 'full 주민등록번호 (pattern)']],
    ['the RRN without', 'rrn=8804122345670', ['rrn', 'full 주민등록번호 (pattern)']],
    ['someone else’s full RRN', 'typed 0101013456789 here', ['full 주민등록번호 (pattern)']],
    ['a foreigner’s RRN', 'typed 0101015456789 here', ['full 주민등록번호 (pattern)']],
    ['an RRN of the 1800s', 'typed 990101-0456781 here', ['full 주민등록번호 (pattern)']],
  ];
  for (const [why, text, kinds] of found) {
    it(`finds ${why}`, () => assert.deepEqual(secretKindsIn(text, SECRETS), kinds));
  }

  const clean: [string, string][] = [
    ['masked values', 'Enter certificate PIN •••••• and 주민등록번호 880412-•••••••'],
    ['an account number 6-2-6 and a 14-digit one', 'account 583926-48-264826 or 58392648264826'],
    [
      'a phone number, a date, a time, a line number',
      '010-4826-1234, 2026.04.12, 12:48:26, otp.spec.ts:4826',
    ],
    ['uuids, pids and serials', 'pid-4826-worker-0, 583926aa-4826-11ee, A1B2C3D48804122345670F'],
    ['13-digit timestamps', '1795781567894 1795782345670'],
    ['longer numbers holding a PIN', 'seed 1583926000 and 5839260'],
  ];
  for (const [why, text] of clean) {
    it(`passes ${why}`, () => assert.deepEqual(secretKindsIn(text, SECRETS), []));
  }
});

describe('scanning a run folder', () => {
  function runDir(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'scan-secrets-'));
    mkdirSync(join(dir, 'allure-results'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }
  const result = (stepName: string) =>
    JSON.stringify({
      uuid: '583926aa-0000-4826-0000-000000000000',
      name: 'issues a certificate',
      steps: [{ name: stepName, steps: [], attachments: [{ name: 'seed', source: 'x-attachment.txt' }] }],
      parameters: [{ name: 'Project', value: 'desktop' }],
      labels: [{ name: 'thread', value: 'pid-4826-worker-0' }],
      start: 1795782345670,
    });

  it('a clean run passes: nothing found, every file counted', () => {
    const dir = runDir({
      'allure-results/a-result.json': result('Enter certificate PIN ••••••'),
      'allure-results/x-attachment.txt': 'FAKER_SEED=5839264826',
      'junit.xml': '<testsuite><testcase name="issues a certificate" time="4.826"/></testsuite>',
      'mock-bank.log':
        '{"at":"2026-04-12T12:48:26.000Z","event":"http","path":"/phone/010-4826-1234","ms":4826}\n',
    });
    try {
      const results = [
        scanAllureResults(join(dir, 'allure-results'), SECRETS),
        scanFile('junit', join(dir, 'junit.xml'), SECRETS),
        scanFile('server log', join(dir, 'mock-bank.log'), SECRETS),
      ];
      assert.deepEqual(
        results.map((r) => [r.files, r.findings]),
        [
          [2, []],
          [1, []],
          [1, []],
        ],
      );
      assert.doesNotMatch(junitOf(results), /<failure/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a planted secret is found, naming the file and the kind but not the value', () => {
    const dir = runDir({
      'allure-results/a-result.json': result('Enter certificate PIN 583926'),
      'allure-results/x-attachment.txt': 'typed 880412-2345670',
      'mock-bank.log': '{"event":"login","password":"abcdef123!"}\n',
    });
    try {
      const allure = scanAllureResults(join(dir, 'allure-results'), SECRETS);
      assert.deepEqual(
        allure.findings.map((f) => [f.file.slice(dir.length), f.kind]),
        [
          ['/allure-results/a-result.json', 'certificatePin'],
          ['/allure-results/x-attachment.txt', 'rrn'],
          ['/allure-results/x-attachment.txt', 'full 주민등록번호 (pattern)'],
        ],
      );
      const log = scanFile('server log', join(dir, 'mock-bank.log'), SECRETS);
      assert.deepEqual(
        log.findings.map((f) => f.kind),
        ['loginPassword'],
      );
      const junit = scanFile('junit', join(dir, 'junit.xml'), SECRETS);
      assert.ok(junit.missing, 'a missing junit.xml is reported');
      const xml = junitOf([allure, log, junit]);
      assert.equal(xml.match(/<failure /g)?.length, 3);
      for (const { value } of SECRETS) assert.ok(!xml.includes(value), 'the report never shows a secret');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
