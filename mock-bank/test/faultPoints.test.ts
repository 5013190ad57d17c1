// Fault-point recording (MOCK_BANK_RECORD_FAULT_POINTS): which `faulty()` calls each e2e test reached,
// filed by the x-e2e-test-id header of its requests, read back through the test-support API.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { readConfig } from '../src/config.ts';
import { FaultPoints, faulty, TEST_ID_HEADER, UNATTRIBUTED } from '../src/faults.ts';
import { api, browser, makeBank, TEST_TOKEN } from './support.ts';

const TERMS_URL = '/fincert/issue/terms';
/** The points a GET of 약관동의 reaches: the step guard's, and the screen's own phone-layout fault. */
const TERMS_POINTS = ['phone-terms-next-offscreen', 'step-reachable-by-url'];

describe('FaultPoints', () => {
  it('files a point under the test whose request reached it, across awaits and timers', async () => {
    const points = new FaultPoints();
    const bank = { faults: new Set<never>(), faultPoints: points };
    await points.attribute('abc123-def456', async () => {
      faulty(bank, 'weak-pin-accepted');
      await sleep(1);
      await new Promise<void>((done) =>
        setTimeout(() => {
          faulty(bank, 'completion-sms-missing');
          done();
        }, 1),
      );
    });
    assert.deepEqual(points.toJSON(), { 'abc123-def456': ['completion-sms-missing', 'weak-pin-accepted'] });
  });

  it('files points outside a request, or with no or a malformed test id, as unattributed', () => {
    const points = new FaultPoints();
    const bank = { faults: new Set<never>(), faultPoints: points };
    faulty(bank, 'weak-pin-accepted');
    points.attribute(undefined, () => faulty(bank, 'validity-one-year'));
    points.attribute('', () => faulty(bank, 'lock-one-try-late'));
    points.attribute('a b', () => faulty(bank, 'lock-one-try-late'));
    points.attribute('x'.repeat(201), () => faulty(bank, 'pin-mismatch-accepted'));
    assert.deepEqual(points.toJSON(), {
      [UNATTRIBUTED]: [
        'lock-one-try-late',
        'pin-mismatch-accepted',
        'validity-one-year',
        'weak-pin-accepted',
      ],
    });
  });

  it('records whether the fault is on or off, and changes nothing about the answer', () => {
    const points = new FaultPoints();
    assert.equal(
      faulty({ faults: new Set(['weak-pin-accepted']), faultPoints: points }, 'weak-pin-accepted'),
      true,
    );
    assert.equal(faulty({ faults: new Set(), faultPoints: points }, 'validity-one-year'), false);
    assert.deepEqual(points.toJSON(), { [UNATTRIBUTED]: ['validity-one-year', 'weak-pin-accepted'] });
  });

  it('is off by default, on with 1, and refuses anything else at start-up', () => {
    assert.equal(readConfig({}).MOCK_BANK_RECORD_FAULT_POINTS, false);
    assert.equal(readConfig({ MOCK_BANK_RECORD_FAULT_POINTS: '0' }).MOCK_BANK_RECORD_FAULT_POINTS, false);
    assert.equal(readConfig({ MOCK_BANK_RECORD_FAULT_POINTS: '1' }).MOCK_BANK_RECORD_FAULT_POINTS, true);
    assert.throws(
      () => readConfig({ MOCK_BANK_RECORD_FAULT_POINTS: 'yes' }),
      /MOCK_BANK_RECORD_FAULT_POINTS/,
    );
  });
});

describe('fault points through the bank', () => {
  /** A bank recording fault points, and a browser with a flow at 약관동의 (started without a test id). */
  async function recordingBank() {
    const tb = makeBank({ faultPoints: new FaultPoints() });
    const b = browser(tb.app);
    await b.get('/fincert/issue');
    const getTerms = (testId?: string) =>
      tb.app.request(TERMS_URL, {
        headers: { cookie: b.cookie, ...(testId === undefined ? {} : { [TEST_ID_HEADER]: testId }) },
      });
    const record = async () => {
      const res = await api(tb.app).get('/fault-points');
      assert.equal(res.status, 200);
      return (await res.json()) as Record<string, string[]>;
    };
    return { ...tb, getTerms, record };
  }

  it('files each request under its own x-e2e-test-id, concurrent requests apart', async () => {
    const { getTerms, record } = await recordingBank();
    const answers = await Promise.all([getTerms('test-a'), getTerms('test-b'), getTerms()]);
    assert.deepEqual(
      answers.map((res) => res.status),
      [200, 200, 200],
    );
    assert.deepEqual(await record(), {
      'test-a': TERMS_POINTS,
      'test-b': TERMS_POINTS,
      [UNATTRIBUTED]: TERMS_POINTS,
    });
  });

  it('records nothing for a request that reaches no fault point', async () => {
    const { app, record } = await recordingBank();
    const before = await record();
    assert.equal((await app.request('/', { headers: { [TEST_ID_HEADER]: 'test-c' } })).status, 200);
    assert.deepEqual(await record(), before);
    assert.equal('test-c' in before, false);
  });

  it('GET /__test__/fault-points needs the token, and is 404 when recording is off', async () => {
    const { app } = await recordingBank();
    assert.equal((await app.request('/__test__/fault-points')).status, 401);
    const off = await api(makeBank().app).get('/fault-points');
    assert.equal(off.status, 404);
    assert.match(((await off.json()) as { error: string }).error, /MOCK_BANK_RECORD_FAULT_POINTS=1/);
    assert.equal(
      (await app.request('/__test__/fault-points', { headers: { 'x-test-token': `${TEST_TOKEN}x` } })).status,
      401,
    );
  });
});
