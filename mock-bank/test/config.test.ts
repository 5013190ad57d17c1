import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readConfig } from '../src/config.ts';
import { DEFAULT_FLOW_PREFIX } from '../src/http/issuance/guard.ts';

describe('config: staging-like latency (MOCK_BANK_LATENCY_MS, MOCK_BANK_JITTER_MS)', () => {
  it('off by default', () => {
    const config = readConfig({});
    assert.equal(config.MOCK_BANK_LATENCY_MS, 0);
    assert.equal(config.MOCK_BANK_JITTER_MS, 0);
  });

  it('whole milliseconds, jitter up to the latency', () => {
    const config = readConfig({ MOCK_BANK_LATENCY_MS: '300', MOCK_BANK_JITTER_MS: '200' });
    assert.equal(config.MOCK_BANK_LATENCY_MS, 300);
    assert.equal(config.MOCK_BANK_JITTER_MS, 200);
    assert.equal(
      readConfig({ MOCK_BANK_LATENCY_MS: '50', MOCK_BANK_JITTER_MS: '50' }).MOCK_BANK_JITTER_MS,
      50,
    );
  });

  const invalid: [string, NodeJS.ProcessEnv, string][] = [
    ['a negative latency', { MOCK_BANK_LATENCY_MS: '-1' }, 'MOCK_BANK_LATENCY_MS'],
    ['a fractional latency', { MOCK_BANK_LATENCY_MS: '2.5' }, 'MOCK_BANK_LATENCY_MS'],
    ['a latency that is not a number', { MOCK_BANK_LATENCY_MS: 'slow' }, 'MOCK_BANK_LATENCY_MS'],
    ['a negative jitter', { MOCK_BANK_LATENCY_MS: '100', MOCK_BANK_JITTER_MS: '-5' }, 'MOCK_BANK_JITTER_MS'],
    [
      'a jitter that is not a number',
      { MOCK_BANK_LATENCY_MS: '100', MOCK_BANK_JITTER_MS: 'x' },
      'MOCK_BANK_JITTER_MS',
    ],
    [
      'a jitter over the latency',
      { MOCK_BANK_LATENCY_MS: '100', MOCK_BANK_JITTER_MS: '101' },
      'MOCK_BANK_JITTER_MS',
    ],
    ['a jitter without latency', { MOCK_BANK_JITTER_MS: '10' }, 'MOCK_BANK_JITTER_MS'],
  ];
  for (const [why, env, variable] of invalid) {
    it(`${why} stops the start-up naming ${variable}`, () => {
      assert.throws(
        () => readConfig(env),
        (error: Error) => error.message.includes(`${variable}:`),
      );
    });
  }
});

describe('config: MOCK_BANK_FLOW_PREFIX', () => {
  it("defaults to today's flow path; another path is taken as it is", () => {
    assert.equal(readConfig({}).MOCK_BANK_FLOW_PREFIX, DEFAULT_FLOW_PREFIX);
    assert.equal(readConfig({ MOCK_BANK_FLOW_PREFIX: '/issue-v2' }).MOCK_BANK_FLOW_PREFIX, '/issue-v2');
    assert.equal(readConfig({ MOCK_BANK_FLOW_PREFIX: '/a/b-c' }).MOCK_BANK_FLOW_PREFIX, '/a/b-c');
  });

  for (const prefix of [
    'issue-v2',
    '/issue-v2/',
    '/',
    '',
    '/a//b',
    '/issue v2',
    '/static',
    '/app/issue',
    '/__test__',
  ]) {
    it(`refuses ${JSON.stringify(prefix)}, naming the variable`, () => {
      assert.throws(
        () => readConfig({ MOCK_BANK_FLOW_PREFIX: prefix }),
        (error: Error) => error.message.includes('MOCK_BANK_FLOW_PREFIX:'),
      );
    });
  }
});
