/**
 * The requirements catalogue (요구사항 목록): every testable rule of the spec
 * (../shared/product/mock-bank-spec.md), one entry each, so a release can be signed off by requirement.
 *
 * - `id`: `REQ-<section>-<slug>`, stable: tests name it (fixtures/requirements.ts `verifies`), faults
 *   name it (requirements/faults.ts), the matrix (`npm run report`) is keyed by it. Never reuse an id for
 *   another rule; retire it instead.
 * - `section`: the spec's section (`2.4`; `2` for the flow as a whole and its completion).
 * - `title`: one line in Korean, for the people who sign off.
 * - `rule`: the rules.ts constant the requirement rests on, where there is one.
 * - `untestable`: why no test can verify it. Such an entry needs no test (the gate lets it pass) and
 *   shows its reason in the matrix; everything else must be verified by at least one e2e test.
 */
import type * as RULES from '../mock-bank/src/rules.ts';

/** A rules.ts constant, or a key of one of its tables (`ERROR_LIMITS.otp`, `SMS.issued`). */
export type RuleName =
  | Exclude<keyof typeof RULES, 'ERROR_LIMITS' | 'SMS'>
  | `ERROR_LIMITS.${keyof typeof RULES.ERROR_LIMITS}`
  | `SMS.${keyof typeof RULES.SMS}`;

export interface Requirement {
  readonly id: `REQ-${string}-${string}`;
  readonly section: string;
  readonly title: string;
  readonly rule?: RuleName | readonly RuleName[];
  readonly untestable?: string;
}

export const REQUIREMENTS = [
  // §1 front doors and the logged-out rule
  {
    id: 'REQ-1-web-door',
    section: '1',
    title: '인터넷뱅킹: 인증센터 → 금융인증서 발급/재발급 링크로 발급을 시작한다',
  },
  {
    id: 'REQ-1-certcenter-links',
    section: '1',
    title: '인증센터 화면에 금융인증서 갱신·아이디찾기 링크가 있다',
  },
  {
    id: 'REQ-1-app-door',
    section: '1',
    title: 'KB스타뱅킹 앱: 전체메뉴 → 인증/보안 → 다른 인증수단 → 인증서 발급/재발급 → 금융인증서 발급',
  },
  {
    id: 'REQ-1-app-kb-cert-info',
    section: '1',
    title:
      'KB국민인증서 발급은 사용처(KB국민은행 전용 / 금융인증서는 정부24·홈택스·청약홈·모든 은행)를 안내하고 발급을 시작하지 않는다',
  },
  {
    id: 'REQ-1-logged-out',
    section: '1',
    title:
      '로그인(/login) 상태에서 발급을 시작하면 자동 로그아웃되고 첫 단계에 "로그아웃 상태에서만" 안내가 보인다',
  },

  // §2 the flow as a whole
  {
    id: 'REQ-2-stepper',
    section: '2',
    title:
      '단계 표시는 다섯 단계이고 현재 단계가 표시된다 (고객정보 확인은 4단계, 클라우드·비밀번호 설정은 5단계)',
  },
  {
    id: 'REQ-2-step-order',
    section: '2',
    title: '아직 도달하지 않은 단계 URL은 거부되어 현재 단계로 돌아가고 알림이 보인다',
  },
  {
    id: 'REQ-2-no-flow-url',
    section: '2',
    title: '진행 중인 흐름 없이 단계 URL을 열면 새 흐름의 약관동의로 가고 알림이 보인다',
  },
  {
    id: 'REQ-2-resubmit-resets',
    section: '2',
    title: '앞 단계를 다시 제출하면 진행 상태가 그 단계로 되돌아간다',
  },
  {
    id: 'REQ-2-after-completion',
    section: '2',
    title: '발급 완료 후의 단계 URL·제출은 완료 화면으로 가고 더 발급하지 않는다',
  },
  {
    id: 'REQ-2-server-validation',
    section: '2',
    title: '잘못된 제출은 서버가 400과 한국어 알림으로 거부하고, 입력값은 남기고 비밀값은 지운다',
  },
  {
    id: 'REQ-2-completion-page',
    section: '2',
    title: '완료 화면: 발급 완료 제목과 인증서 종류·발급기관·소유자·유효기간·일련번호',
    rule: ['CERTIFICATE_KIND', 'CERTIFICATE_ISSUER'],
  },
  {
    id: 'REQ-2-completion-sms',
    section: '2',
    title: '완료 전에 휴대폰으로 "{이름}님 인증서 발급완료" 문자가 간다 (재발급도 같은 문구)',
    rule: 'SMS.issued',
  },
  {
    id: 'REQ-2-reissue-completion',
    section: '2',
    title: '재발급의 제목은 "금융인증서 재발급", 완료 제목은 "금융인증서 재발급이 완료되었습니다"',
  },

  // §2.1 약관동의
  {
    id: 'REQ-2.1-required-terms',
    section: '2.1',
    title: '필수 약관이 하나라도 빠지면 "필수 약관에 모두 동의해 주세요." 로 거부한다',
  },
  { id: 'REQ-2.1-check-all', section: '2.1', title: '전체 동의는 모든 약관을 체크한다' },
  {
    id: 'REQ-2.1-check-all-server',
    section: '2.1',
    title: '체크된 전체 동의는 서버에서도 모든 약관 동의로 인정된다 (스크립트 없이)',
  },
  {
    id: 'REQ-2.1-optional-marketing',
    section: '2.1',
    title: '마케팅 정보 수신 동의(선택)는 없어도 진행된다',
  },

  // §2.2 사용자 정보 입력
  {
    id: 'REQ-2.2-pair-mismatch',
    section: '2.2',
    title: '사용자ID·주민등록번호가 맞지 않으면 "입력하신 정보가 일치하지 않습니다." 로 거부한다',
  },
  {
    id: 'REQ-2.2-malformed-rrn',
    section: '2.2',
    title: '형식이 틀린 주민등록번호는 별도 형식 안내를 받고 오류 횟수에 세지 않는다',
  },
  {
    id: 'REQ-2.2-wrong-pair-limit',
    section: '2.2',
    title: '한 흐름에서 5번째 불일치는 흐름을 버리고 새 약관동의에서 "입력 오류 횟수를 초과…" 를 알린다',
    rule: 'USER_INFO_ERROR_LIMIT',
  },
  {
    id: 'REQ-2.2-reissue-dialog',
    section: '2.2',
    title:
      '유효한 금융인증서가 있으면 "이미 발급하신 금융인증서가 존재합니다." 대화상자, 재발급 진행 시 재발급 흐름',
  },
  {
    id: 'REQ-2.2-other-bank-dialog',
    section: '2.2',
    title: '다른 은행에서 발급한 금융인증서에도 재발급 대화상자가 뜬다',
  },
  {
    id: 'REQ-2.2-dialog-cancel',
    section: '2.2',
    title: '대화상자의 취소는 인증센터로 돌아가고 아무것도 바뀌지 않는다',
  },
  {
    id: 'REQ-2.2-suspended-blocked',
    section: '2.2',
    title: '효력정지 인증서는 "현재 효력정지 상태입니다"·"효력회복" 알림으로 막힌다',
  },
  {
    id: 'REQ-2.2-expired-new-issue',
    section: '2.2',
    title: '유효기간이 지난 인증서는 대화상자 없이 신규 발급으로 진행된다',
  },

  // §2.3 본인인증
  {
    id: 'REQ-2.3-ars-masked-phone',
    section: '2.3',
    title: 'ARS 화면의 등록 휴대폰 번호는 끝 네 자리만 보인다 (010-****-1234)',
  },
  {
    id: 'REQ-2.3-ars-call',
    section: '2.3',
    title: 'ARS: 두 자리 인증번호와 3분 남은 시간, 통화 확인 시 스스로 계좌/보안매체 인증으로 넘어간다',
    rule: ['ARS_CODE_LENGTH', 'ARS_CODE_TTL_MS', 'POLL_INTERVAL_MS'],
  },
  {
    id: 'REQ-2.3-ars-one-call',
    section: '2.3',
    title: '새 인증요청·재요청은 울리는 통화를 만료시키고, 울리는 통화가 없을 때 키패드 입력은 409',
  },
  {
    id: 'REQ-2.3-ars-wrong-digits',
    section: '2.3',
    title: 'ARS 번호가 틀리면 통화 실패, "인증번호가 일치하지 않습니다." 와 재요청',
  },
  {
    id: 'REQ-2.3-ars-timeout',
    section: '2.3',
    title: 'ARS 0:00이 되면 "인증 시간이 초과되었습니다." 와 재요청',
  },
  {
    id: 'REQ-2.3-overseas-pass',
    section: '2.3',
    title: '출국 중(귀국 기록 없음)인 고객은 해외출국 확인으로 바로 통과한다',
  },
  {
    id: 'REQ-2.3-overseas-refused',
    section: '2.3',
    title: '그 밖의 고객은 "출국 기록이 확인되지 않습니다." 로 거부되고 ARS는 계속 쓸 수 있다',
  },

  // §2.4 계좌/보안매체 인증 and 고객정보 확인
  {
    id: 'REQ-2.4-account-hyphens',
    section: '2.4',
    title: '출금계좌번호는 하이픈이 있든 없든 받아들인다',
  },
  {
    id: 'REQ-2.4-account-password-mismatch',
    section: '2.4',
    title: '계좌번호·계좌비밀번호 불일치(남의 계좌 포함)는 계좌비밀번호 오류 1회로 센다',
    rule: 'ACCOUNT_PASSWORD_LENGTH',
  },
  {
    id: 'REQ-2.4-account-password-limit',
    section: '2.4',
    title: '계좌비밀번호는 3회 오류에 잠긴다',
    rule: 'ERROR_LIMITS.accountPassword',
  },
  {
    id: 'REQ-2.4-medium-not-held',
    section: '2.4',
    title: '갖고 있지 않은 보안매체를 고르면 알림과 함께 4단계로 돌아가고 오류로 세지 않는다',
  },
  {
    id: 'REQ-2.4-medium-screen',
    section: '2.4',
    title: '보안매체를 고르면 그 입력란과 확인 버튼만 보이고, 보안카드/OTP는 OTP 보유자에게 OTP를 묻는다',
  },
  {
    id: 'REQ-2.4-security-card-positions',
    section: '2.4',
    title: '보안카드는 서로 다른 두 번호의 "[NN]번 앞 2자리"·"[MM]번 뒤 2자리" 를 묻는다 (35개 번호)',
    rule: ['SECURITY_CARD_CODE_COUNT', 'SECURITY_CARD_CODE_LENGTH'],
  },
  {
    id: 'REQ-2.4-security-card-limit',
    section: '2.4',
    title: '보안카드는 5회 오류에 잠긴다',
    rule: 'ERROR_LIMITS.securityCard',
  },
  {
    id: 'REQ-2.4-otp-window',
    section: '2.4',
    title: 'OTP는 이전·현재·다음 30초 구간의 번호만 받아들인다 (TOTP, SHA-1, 6자리)',
    rule: ['OTP_WINDOW_STEPS', 'OTP_PERIOD_SECONDS', 'OTP_DIGITS', 'OTP_ALGORITHM'],
  },
  { id: 'REQ-2.4-otp-limit', section: '2.4', title: 'OTP는 10회 오류에 잠긴다', rule: 'ERROR_LIMITS.otp' },
  {
    id: 'REQ-2.4-kb-mobile-cert',
    section: '2.4',
    title: 'KB모바일인증서 보유자는 6자리 비밀번호만으로 통과한다 (다른 매체 불필요)',
    rule: 'KB_MOBILE_CERT_PIN_LENGTH',
  },
  {
    id: 'REQ-2.4-kb-mobile-cert-limit',
    section: '2.4',
    title: 'KB모바일인증서는 5회 오류에 잠긴다',
    rule: 'ERROR_LIMITS.kbMobileCert',
  },
  {
    id: 'REQ-2.4-mobile-otp-issue',
    section: '2.4',
    title: '보안매체가 없으면 모바일OTP 발급 링크: 문자 인증번호 확인 후 발급, 4단계로 돌아와 OTP로 인증한다',
    rule: ['SMS.code', 'MOBILE_OTP_PIN_LENGTH', 'MOBILE_OTP_CODE_TTL_MS'],
  },
  {
    id: 'REQ-2.4-mobile-otp-wrong-code',
    section: '2.4',
    title: '모바일OTP 발급의 인증번호가 틀리면 "인증번호가 일치하지 않습니다." 로 거부하고 발급하지 않는다',
  },
  {
    id: 'REQ-2.4-wrong-try-alert',
    section: '2.4',
    title:
      '틀린 시도는 같은 화면을 입력란을 비워 다시 보이고 "일치하지 않습니다 (오류 n회/한도회)" 를 알린다',
  },
  {
    id: 'REQ-2.4-lock-message',
    section: '2.4',
    title: '한도에 닿은 시도는 "오류 횟수를 초과" 와 해제 방법(영업점·KB스타뱅킹)을 알린다',
  },
  {
    id: 'REQ-2.4-limits-across-flows',
    section: '2.4',
    title: '오류 횟수는 흐름을 넘어 고객별로 세고, 잠금은 이후 흐름에서도 유지된다',
  },
  {
    id: 'REQ-2.4-right-answer-resets',
    section: '2.4',
    title: '맞는 답은 그 매체의 오류 횟수를 0으로 되돌린다',
  },
  {
    id: 'REQ-2.4-details-prefilled',
    section: '2.4',
    title: '고객정보 확인은 고객의 이메일·주소를 채워 수정 가능하게 보인다 (4단계)',
  },
  {
    id: 'REQ-2.4-details-saved',
    section: '2.4',
    title: '고객정보 확인에서 고친 이메일·주소는 고객 기록에 저장된다',
    rule: 'ADDRESS_MAX_LENGTH',
  },
  {
    id: 'REQ-2.4-details-email-validated',
    section: '2.4',
    title: '형식이 틀린 이메일은 이메일을 지목하는 알림으로 거부하고 기록을 바꾸지 않는다',
  },

  // §2.5 인증서 설정
  {
    id: 'REQ-2.5-cloud-identity-match',
    section: '2.5',
    title: '이름·휴대폰번호·주민등록번호가 고객과 다르면 "입력하신 정보가 일치하지 않습니다."',
  },
  {
    id: 'REQ-2.5-cloud-consent',
    section: '2.5',
    title: '금융인증서비스 이용약관 동의 없이는 인증요청을 거부한다',
  },
  {
    id: 'REQ-2.5-cloud-sms-code',
    section: '2.5',
    title:
      '두 자리 SMS 인증번호와 3분 타이머, 그 휴대폰이 번호를 보내면(앞뒤 공백 무시) 비밀번호 설정으로 넘어간다',
    rule: ['CLOUD_SMS_CODE_LENGTH', 'CLOUD_SMS_CODE_TTL_MS'],
  },
  {
    id: 'REQ-2.5-cloud-wrong-digits',
    section: '2.5',
    title: '틀린 번호는 인증번호를 실패시키고 "인증번호가 일치하지 않습니다." 와 재요청',
  },
  {
    id: 'REQ-2.5-cloud-timeout',
    section: '2.5',
    title: '0:00이 되면 "인증 시간이 초과되었습니다." 와 재요청, 이후의 문자는 흐름을 움직이지 않는다',
  },
  {
    id: 'REQ-2.5-pin-format',
    section: '2.5',
    title: '인증서 비밀번호는 숫자 정확히 6자리',
    rule: 'CERTIFICATE_PIN_LENGTH',
  },
  {
    id: 'REQ-2.5-pin-weak',
    section: '2.5',
    title: '같은 숫자·연속 숫자(111111·123456·654321)는 "연속되거나 동일한 숫자는…" 로 거부, 890123은 허용',
  },
  {
    id: 'REQ-2.5-pin-mismatch',
    section: '2.5',
    title: '비밀번호 확인이 다르면 "비밀번호가 일치하지 않습니다."',
  },
  {
    id: 'REQ-2.5-pin-check-order',
    section: '2.5',
    title: '비밀번호 검사 순서는 형식 → 취약 → 불일치',
  },

  // §3 timers
  {
    id: 'REQ-3-countdown',
    section: '3',
    title:
      '남은 시간은 서버가 준 남은 ms로 계산되어 페이지 시계로 넘길 수 있고, 0:00이면 서버에 알려 그 번호를 만료시킨다',
  },
  {
    id: 'REQ-3-server-deadline',
    section: '3',
    title: '서버는 3분 + 30초의 자체 마감으로, 페이지가 알리지 않아도 번호를 만료시킨다',
    rule: 'SERVER_DEADLINE_GRACE_MS',
  },

  // §4 certificate registry
  {
    id: 'REQ-4-one-active',
    section: '4',
    title: '1인 1 금융인증서: 발급 완료 시 기존 인증서는 (다른 은행 것도) 폐기된다',
  },
  {
    id: 'REQ-4-validity-3y',
    section: '4',
    title: '신규 발급의 만료일은 한국 시간 기준 3년 뒤 같은 월·일',
    rule: 'CERTIFICATE_VALIDITY_YEARS',
  },
  {
    id: 'REQ-4-leap-day',
    section: '4',
    title: '2월 29일 발급분은 3년 뒤 2월 28일에 만료된다',
  },
  {
    id: 'REQ-4-reissue-keeps-expiry',
    section: '4',
    title: '재발급은 새 일련번호를 받고 기존 만료일을 유지한다',
  },
  {
    id: 'REQ-4-expired-not-active',
    section: '4',
    title: '만료일이 지난 인증서는 expired로, 유효한 인증서로 세지 않는다',
  },
  {
    id: 'REQ-4-renewal-window',
    section: '4',
    title: '갱신은 만료 30일 전부터 만료 시까지만 허용된다',
    rule: 'RENEWAL_WINDOW_DAYS',
  },
  {
    id: 'REQ-4-renewal-expiry',
    section: '4',
    title: '갱신: 새 일련번호, 기존 인증서 폐기, 새 만료일 = 기존 만료일 + 1일 + 3년',
    rule: ['RENEWAL_EXTRA_DAYS', 'CERTIFICATE_VALIDITY_YEARS'],
  },
  {
    id: 'REQ-4-pin-lock',
    section: '4',
    title: '갱신 시 인증서 비밀번호 5회 오류는 인증서를 잠근다 (유효 상태 유지, 재발급만 가능)',
    rule: 'CERTIFICATE_PIN_ERROR_LIMIT',
  },

  // §5 virtual phone
  {
    id: 'REQ-5-phone-page',
    section: '5',
    title:
      '가상 휴대폰 화면(/phone/{번호}): 번호 제목, 최신순 문자·통화, 키패드 입력·누르기, 문자 내용·보내기',
  },

  // §6 아이디찾기
  {
    id: 'REQ-6-lookup-found',
    section: '6',
    title:
      '아이디찾기: 6자리 문자 인증번호와 3분 타이머 → "고객님의 사용자ID는 {ID} 입니다" → 이 아이디로 계속',
    rule: ['SMS.code', 'SMS_CODE_LENGTH', 'ID_LOOKUP_CODE_TTL_MS'],
  },
  {
    id: 'REQ-6-lookup-before-terms',
    section: '6',
    title: '약관동의 전이면 이 아이디로 계속은 약관동의를 거쳐 사용자ID가 채워진 사용자 정보 입력으로 간다',
  },
  {
    id: 'REQ-6-lookup-no-match',
    section: '6',
    title:
      '이름·주민등록번호·휴대폰번호가 일치하지 않으면 "일치하는 고객 정보가 없습니다." 이고 문자는 가지 않는다',
  },
  {
    id: 'REQ-6-lookup-wrong-code',
    section: '6',
    title: '아이디찾기 인증번호가 틀리면 "인증번호가 일치하지 않습니다."',
  },
  {
    id: 'REQ-6-lookup-late-code',
    section: '6',
    title: '시간이 지난 아이디찾기 인증번호는 "인증 시간이 초과되었습니다."',
  },

  // §7 갱신
  {
    id: 'REQ-7-too-early',
    section: '7',
    title: '갱신 기간 전에는 비밀번호를 묻기 전에 "가입자 갱신 등록은 30일 전부터 허용됩니다."',
  },
  {
    id: 'REQ-7-expired',
    section: '7',
    title: '만료된 인증서는 "유효기간이 지난 인증서는 갱신할 수 없습니다. 새로 발급해 주세요."',
  },
  { id: 'REQ-7-no-certificate', section: '7', title: '인증서가 없으면 "갱신할 금융인증서가 없습니다."' },
  {
    id: 'REQ-7-identity-mismatch',
    section: '7',
    title: '갱신의 사용자ID·주민등록번호가 맞지 않으면 "입력하신 정보가 일치하지 않습니다."',
  },
  {
    id: 'REQ-7-renewed',
    section: '7',
    title: '갱신 완료: "금융인증서 갱신이 완료되었습니다", 새 유효기간, "{이름}님 인증서 갱신완료" 문자',
    rule: 'SMS.renewed',
  },
  {
    id: 'REQ-7-wrong-pin',
    section: '7',
    title:
      '틀린 인증서 비밀번호는 "비밀번호가 일치하지 않습니다. (오류 n회/5회)", 5번째는 "오류 횟수를 초과"',
    rule: 'CERTIFICATE_PIN_ERROR_LIMIT',
  },

  // §8 data formats
  {
    id: 'REQ-8-rrn-placeholder',
    section: '8',
    title: '자리표시 뒷자리(1000000·2000000·3000000·4000000)와 형식이 틀린 주민등록번호는 거부한다',
    rule: 'RRN_PLACEHOLDER_BACK_HALVES',
  },
  {
    id: 'REQ-8-rrn-shapes',
    section: '8',
    title: '모든 세기(1800·1900·2000년대)의 내국인과 외국인(5~8) 주민등록번호를 받아들인다',
    rule: ['RRN_CHECK_WEIGHTS', 'RRN_MAX_PLACE_CODE'],
  },
  {
    id: 'REQ-8-account-formats',
    section: '8',
    title: 'KB 계좌번호는 14자리 6-2-6과 옛 12자리 3-2-4-3을 모두 받아들인다',
  },
  {
    id: 'REQ-8-mobile-prefixes',
    section: '8',
    title: '휴대폰번호는 010과 011·016~019 모든 식별번호를 받아들인다',
    rule: 'MOBILE_PREFIXES',
  },
  {
    id: 'REQ-8-korea-time',
    section: '8',
    title: '화면과 문자의 날짜는 서버 시간대와 무관하게 한국 시간이다',
    rule: 'KOREA_TIME_ZONE',
  },
  {
    id: 'REQ-8-markup-as-text',
    section: '8',
    title: '고객 기록·입력값(이름·주소·이메일)의 마크업은 해석되지 않고 글자 그대로 보인다',
  },

  // §9 the test-support API
  {
    id: 'REQ-9-token-guard',
    section: '9',
    title: '테스트 지원 API는 x-test-token 헤더가 없거나 틀리면 401로 거부한다',
  },
  {
    id: 'REQ-9-test-clock',
    section: '9',
    title: '고객별 테스트 시계는 그 고객의 마감·인증서 날짜·오늘만 옮긴다',
  },
  {
    id: 'REQ-9-reset-locks',
    section: '9',
    title: 'reset-locks는 오류 횟수와 잠금을 지워 다시 인증할 수 있게 한다',
  },
] as const satisfies readonly Requirement[];

export type RequirementId = (typeof REQUIREMENTS)[number]['id'];

const BY_ID: ReadonlyMap<string, Requirement> = new Map(REQUIREMENTS.map((entry) => [entry.id, entry]));

export function isRequirementId(id: string): id is RequirementId {
  return BY_ID.has(id);
}

export function requirement(id: RequirementId): Requirement {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`unknown requirement ${id}`);
  return found;
}

/**
 * The Playwright annotation type and the Allure label name that carry a requirement id: written by
 * fixtures/requirements.ts `verifies`, read by the matrix (scripts/lib/traceability.ts).
 */
export const REQUIREMENT_LABEL = 'requirement';

/** `REQ-…` as written in a spec or a fault mapping; what the static gate and the matrix look for. */
export const REQUIREMENT_ID_PATTERN = /REQ-[0-9][0-9.]*-[a-z0-9]+(?:-[a-z0-9]+)*/g;
