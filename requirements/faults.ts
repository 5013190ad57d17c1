/**
 * Which requirements each fault of the catalogue (mock-bank/src/faults.ts) breaks, so a fault that
 * `npm run e2e:faults` killed marks those requirements as guarded in the traceability matrix: the suite
 * was seen to notice when they broke. `satisfies Record<FaultName, …>` makes a fault without a mapping
 * (or a mapping of a fault that no longer exists) a type error.
 */
import type { FaultName } from '../mock-bank/src/faults.ts';
import type { RequirementId } from './catalogue.ts';

export const FAULT_REQUIREMENTS = {
  // front doors and the flow guard
  'logged-in-not-logged-out': ['REQ-1-logged-out'],
  'step-reachable-by-url': ['REQ-2-step-order'],
  // 약관동의
  'required-term-not-enforced': ['REQ-2.1-required-terms'],
  'check-all-not-consent': ['REQ-2.1-check-all-server'],
  // 사용자 정보 입력
  'user-info-limit-not-enforced': ['REQ-2.2-wrong-pair-limit'],
  'suspended-not-blocked': ['REQ-2.2-suspended-blocked'],
  'other-bank-certificate-no-dialog': ['REQ-2.2-other-bank-dialog'],
  'expired-certificate-counts-as-active': ['REQ-2.2-expired-new-issue', 'REQ-4-expired-not-active'],
  // 본인인증
  'ars-wrong-digits-accepted': ['REQ-2.3-ars-wrong-digits'],
  'returned-traveller-passes': ['REQ-2.3-overseas-refused'],
  'masked-phone-shows-too-much': ['REQ-2.3-ars-masked-phone'],
  'ars-expire-ignored': ['REQ-2.3-ars-timeout', 'REQ-3-countdown'],
  'server-deadline-ignored': ['REQ-3-server-deadline'],
  // 계좌/보안매체 인증
  'lock-one-try-late': [
    'REQ-2.4-security-card-limit',
    'REQ-2.4-otp-limit',
    'REQ-2.4-kb-mobile-cert-limit',
    'REQ-2.4-lock-message',
  ],
  'limit-counter-resets-per-flow': ['REQ-2.4-limits-across-flows'],
  'right-answer-keeps-counter': ['REQ-2.4-right-answer-resets'],
  'account-password-errors-not-counted': [
    'REQ-2.4-account-password-mismatch',
    'REQ-2.4-account-password-limit',
  ],
  'wrong-card-position-checked': ['REQ-2.4-security-card-positions'],
  'otp-accepted-one-step-late': ['REQ-2.4-otp-window'],
  'otp-previous-step-refused': ['REQ-2.4-otp-window'],
  'mobile-otp-without-sms-code': ['REQ-2.4-mobile-otp-wrong-code'],
  // 고객정보 확인
  'details-not-prefilled': ['REQ-2.4-details-prefilled'],
  'details-edits-not-saved': ['REQ-2.4-details-saved'],
  'details-stepper-stage-5': ['REQ-2-stepper'],
  // 인증서 설정
  'cloud-name-not-checked': ['REQ-2.5-cloud-identity-match'],
  'cloud-countdown-to-backstop': ['REQ-2.5-cloud-timeout', 'REQ-3-countdown'],
  'weak-pin-accepted': ['REQ-2.5-pin-weak'],
  'pin-mismatch-accepted': ['REQ-2.5-pin-mismatch'],
  // completion and the registry
  'completion-sms-missing': ['REQ-2-completion-sms'],
  'reissue-keeps-old-active': ['REQ-4-one-active'],
  'other-bank-certificate-not-revoked': ['REQ-4-one-active'],
  'validity-one-year': ['REQ-4-validity-3y'],
  'reissue-fresh-expiry': ['REQ-4-reissue-keeps-expiry'],
  'leap-day-expiry-rolls-over': ['REQ-4-leap-day'],
  'completion-validity-utc-date': ['REQ-8-korea-time'],
  'reissue-completion-says-issue': ['REQ-2-reissue-completion'],
  // 아이디찾기
  'id-lookup-shows-another-customers-id': ['REQ-6-lookup-no-match'],
  'id-lookup-late-code-accepted': ['REQ-6-lookup-late-code'],
  // 갱신
  'renewal-window-off-by-day': ['REQ-4-renewal-window', 'REQ-7-too-early'],
  'renewal-expiry-no-extra-day': ['REQ-4-renewal-expiry'],
  'renewal-pin-never-locks': ['REQ-4-pin-lock', 'REQ-7-wrong-pin'],
  'renewal-keeps-old-active': ['REQ-4-renewal-expiry'],
  // what only a phone shows (PHONE_FAULTS: e2e:faults runs them with the mobile project)
  'phone-app-menu-step-hidden': ['REQ-1-app-door'],
  'phone-terms-next-offscreen': ['REQ-1-app-door', 'REQ-2.1-check-all'],
  'phone-dialog-cancel-hidden': ['REQ-2.2-dialog-cancel'],
} as const satisfies Record<FaultName, readonly RequirementId[]>;

/** The requirements a fault breaks (none for a name the catalogue does not hold, e.g. an older matrix's). */
export function requirementsBrokenBy(fault: string): readonly RequirementId[] {
  return Object.hasOwn(FAULT_REQUIREMENTS, fault)
    ? FAULT_REQUIREMENTS[fault as keyof typeof FAULT_REQUIREMENTS]
    : [];
}
