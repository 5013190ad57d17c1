import type { SecurityCardChallenge } from './securityCard.ts';

/** The issuance flow's steps in order; `complete` is reached after the password is set. */
export const FLOW_STEPS = ['terms', 'userInfo', 'identity', 'account', 'details', 'cloud', 'password', 'complete'] as const;
export type FlowStep = (typeof FLOW_STEPS)[number];

/** Steps the test-support API's fast path may start a flow at (spec §9). */
export const FAST_PATH_STEPS = ['identity', 'account', 'details', 'cloud', 'password'] as const;
export type FastPathStep = (typeof FAST_PATH_STEPS)[number];

/** The stepper's five stages: 고객정보 확인 belongs to stage 4, the cloud step and 비밀번호 설정 to 5. */
export const STAGES = ['약관동의', '사용자 정보 입력', '본인인증', '계좌/보안매체 인증', '인증서 설정'] as const;
const STAGE_OF: Record<FlowStep, number> = {
  terms: 1,
  userInfo: 2,
  identity: 3,
  account: 4,
  details: 4,
  cloud: 5,
  password: 5,
  complete: 5,
};

export function stageOf(step: FlowStep): number {
  return STAGE_OF[step];
}

export type Door = 'web' | 'app';
export type ChosenMedium = 'securityCard' | 'otp' | 'kbMobileCert';

export interface Flow {
  id: string;
  door: Door;
  /** The furthest step this flow has reached: later ones are refused. */
  step: FlowStep;
  reissue: boolean;
  /** Set once the user ID and 주민등록번호 matched. */
  userId?: string;
  /** Wrong pairs in this flow (the limit discards the flow). */
  userInfoErrors: number;
  /** A matched customer with an active certificate who has not chosen 재발급 진행 / 취소 yet. */
  awaitingReissueChoice?: boolean;
  /** From 아이디찾기's `이 아이디로 계속`. */
  prefillUserId?: string;
  identityChallengeId?: string;
  cloudChallengeId?: string;
  /** The account check passed and this medium's screen is showing. */
  medium?: ChosenMedium;
  securityCardChallenge?: SecurityCardChallenge;
  accountNumber?: string;
  mobileOtpChallengeId?: string;
  email?: string;
  address?: string;
  /** Serial of the certificate this flow issued. */
  issuedSerial?: string;
}

export function stepIndex(step: FlowStep): number {
  return FLOW_STEPS.indexOf(step);
}

export function newFlow(id: string, door: Door): Flow {
  return { id, door, step: 'terms', reissue: false, userInfoErrors: 0 };
}

/** May this flow show `step`? Only steps it has reached; after completion, only the completion page. */
export function canVisit(flow: Flow, step: FlowStep): boolean {
  if (flow.step === 'complete') return step === 'complete';
  return stepIndex(step) <= stepIndex(flow.step);
}

/** Submitting an earlier step again resets progress to it. */
export function resetTo(flow: Flow, step: FlowStep): void {
  if (stepIndex(step) >= stepIndex(flow.step)) return;
  flow.step = step;
  if (stepIndex(step) <= stepIndex('userInfo')) {
    delete flow.userId;
    delete flow.awaitingReissueChoice;
    flow.reissue = false;
    // The customer may change here: nothing learned about the last one may stay.
    delete flow.email;
    delete flow.address;
    delete flow.mobileOtpChallengeId;
  }
  if (stepIndex(step) <= stepIndex('identity')) delete flow.identityChallengeId;
  if (stepIndex(step) <= stepIndex('account')) {
    delete flow.medium;
    delete flow.securityCardChallenge;
    delete flow.accountNumber;
  }
  if (stepIndex(step) <= stepIndex('cloud')) delete flow.cloudChallengeId;
}

/** Moves the flow on to `step` when that is further than it has been. */
export function advanceTo(flow: Flow, step: FlowStep): void {
  if (stepIndex(step) > stepIndex(flow.step)) flow.step = step;
}

/** A flow already past every step before `at`, for the test-support fast path. */
export function flowAt(id: string, door: Door, userId: string, at: FastPathStep, reissue: boolean): Flow {
  return { id, door, step: at, reissue, userId, userInfoErrors: 0 };
}
