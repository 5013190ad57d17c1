import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FLOW_STEPS,
  STAGES,
  advanceTo,
  canVisit,
  flowAt,
  newFlow,
  resetTo,
  stageOf,
  stepIndex,
  type Flow,
  type FlowStep,
} from '../../src/domain/flow.ts';

/** A flow that has reached `step` and holds something for every step. */
function flowAtStep(step: FlowStep): Flow {
  return {
    ...newFlow('f1', 'web'),
    step,
    userId: 'kbqa0193',
    reissue: true,
    awaitingReissueChoice: true,
    prefillUserId: 'kbqa0193',
    identityChallengeId: 'ars-1',
    medium: 'securityCard',
    securityCardChallenge: { front: 7, back: 21 },
    accountNumber: '12345678901234',
    mobileOtpChallengeId: 'motp-1',
    email: 'kim@example.com',
    address: '서울특별시 영등포구',
    cloudChallengeId: 'cloud-1',
  };
}

describe('flow: steps and stages', () => {
  it('has the spec order', () => {
    assert.deepEqual(
      [...FLOW_STEPS],
      ['terms', 'userInfo', 'identity', 'account', 'details', 'cloud', 'password', 'complete'],
    );
    assert.deepEqual(
      [...STAGES],
      ['약관동의', '사용자 정보 입력', '본인인증', '계좌/보안매체 인증', '인증서 설정'],
    );
  });

  const stages: [FlowStep, number][] = [
    ['terms', 1],
    ['userInfo', 2],
    ['identity', 3],
    ['account', 4],
    ['details', 4], // 고객정보 확인 belongs to stage 4
    ['cloud', 5], // the cloud step and 비밀번호 설정 to stage 5
    ['password', 5],
    ['complete', 5],
  ];
  for (const [step, stage] of stages) {
    it(`${step} is stage ${stage} (${STAGES[stage - 1]})`, () => {
      assert.equal(stageOf(step), stage);
    });
  }

  it('a new flow starts at 약관동의, not a reissue, no errors', () => {
    assert.deepEqual(newFlow('f1', 'app'), {
      id: 'f1',
      door: 'app',
      step: 'terms',
      reissue: false,
      userInfoErrors: 0,
    });
  });

  it('the fast path starts past every earlier step', () => {
    assert.deepEqual(flowAt('f2', 'web', 'kbqa0193', 'cloud', true), {
      id: 'f2',
      door: 'web',
      step: 'cloud',
      reissue: true,
      userId: 'kbqa0193',
      userInfoErrors: 0,
    });
  });
});

describe('flow: canVisit (only steps reached; after completion only the completion page)', () => {
  for (const reached of FLOW_STEPS) {
    for (const step of FLOW_STEPS) {
      const expected = reached === 'complete' ? step === 'complete' : stepIndex(step) <= stepIndex(reached);
      it(`reached ${reached}, asks ${step} → ${expected}`, () => {
        assert.equal(canVisit(flowAtStep(reached), step), expected);
      });
    }
  }
});

describe('flow: advanceTo', () => {
  it('moves forward', () => {
    const flow = newFlow('f', 'web');
    advanceTo(flow, 'userInfo');
    assert.equal(flow.step, 'userInfo');
    advanceTo(flow, 'account');
    assert.equal(flow.step, 'account');
  });

  it('never moves back', () => {
    const flow = flowAtStep('cloud');
    advanceTo(flow, 'identity');
    assert.equal(flow.step, 'cloud');
    advanceTo(flow, 'cloud');
    assert.equal(flow.step, 'cloud');
  });
});

describe('flow: resetTo (submitting an earlier step again resets progress to it)', () => {
  it('does nothing for the current or a later step', () => {
    for (const step of ['account', 'details', 'complete'] as const) {
      const flow = flowAtStep('account');
      resetTo(flow, step);
      assert.deepEqual(flow, flowAtStep('account'), step);
    }
  });

  /** What each step's submission makes the flow forget: that step's state and everything after. */
  const forgets: { to: FlowStep; gone: (keyof Flow)[]; kept: (keyof Flow)[] }[] = [
    {
      to: 'terms',
      gone: [
        'userId',
        'awaitingReissueChoice',
        'identityChallengeId',
        'medium',
        'securityCardChallenge',
        'accountNumber',
        'mobileOtpChallengeId',
        'email',
        'address',
        'cloudChallengeId',
      ],
      kept: ['prefillUserId'],
    },
    {
      // No changing the user ID after verification; and nothing learned about the last customer stays.
      to: 'userInfo',
      gone: [
        'userId',
        'awaitingReissueChoice',
        'identityChallengeId',
        'medium',
        'securityCardChallenge',
        'accountNumber',
        'mobileOtpChallengeId',
        'email',
        'address',
        'cloudChallengeId',
      ],
      kept: ['prefillUserId'],
    },
    {
      to: 'identity',
      gone: ['identityChallengeId', 'medium', 'securityCardChallenge', 'accountNumber', 'cloudChallengeId'],
      kept: ['userId', 'reissue'],
    },
    {
      to: 'account',
      gone: ['medium', 'securityCardChallenge', 'accountNumber', 'cloudChallengeId'],
      kept: ['userId', 'reissue', 'identityChallengeId'],
    },
    { to: 'details', gone: ['cloudChallengeId'], kept: ['userId', 'reissue', 'medium', 'accountNumber'] },
    { to: 'cloud', gone: ['cloudChallengeId'], kept: ['userId', 'reissue', 'email', 'address'] },
  ];
  for (const { to, gone, kept } of forgets) {
    it(`back to ${to} from password forgets ${gone.join(', ')}`, () => {
      const flow = flowAtStep('password');
      resetTo(flow, to);
      assert.equal(flow.step, to);
      for (const key of gone) assert.equal(flow[key], undefined, `${key} should be gone`);
      for (const key of kept) assert.deepEqual(flow[key], flowAtStep('password')[key], `${key} should stay`);
    });
  }

  it('back to userInfo or terms: no longer a reissue', () => {
    for (const to of ['terms', 'userInfo'] as const) {
      const flow = flowAtStep('identity');
      resetTo(flow, to);
      assert.equal(flow.reissue, false, to);
    }
  });

  it('keeps the wrong-pair count of the flow (the limit is per flow)', () => {
    const flow = { ...flowAtStep('identity'), userInfoErrors: 3 };
    resetTo(flow, 'userInfo');
    assert.equal(flow.userInfoErrors, 3);
  });
});
