/** Korean UI text the spec fixes (quoted there) or that we chose; one place for every message. */
export const MSG = {
  // flow guard
  stepRefused: '진행 중인 단계부터 순서대로 진행해 주세요.',
  loggedOutNotice: '금융인증서 발급은 로그아웃 상태에서만 가능합니다. 자동으로 로그아웃되었습니다.',
  // 약관동의
  termsRequired: '필수 약관에 모두 동의해 주세요.',
  // 사용자 정보 입력
  mismatch: '입력하신 정보가 일치하지 않습니다.',
  userInfoLimit: '입력 오류 횟수를 초과하여 처음부터 다시 진행해 주세요.',
  userIdFormat: '사용자ID는 영문자로 시작하는 6~12자리 영문자·숫자로 입력해 주세요.',
  rrnFormat: '주민등록번호 앞자리 6자리와 뒷자리 7자리를 숫자로 입력해 주세요.',
  rrnInvalid: '올바른 주민등록번호가 아닙니다. 다시 확인해 주세요.',
  existingCertificate:
    '이미 발급하신 금융인증서가 존재합니다. 재발급을 진행하시면 발급 완료 시 기존 금융인증서는 모든 은행에서 폐기됩니다.',
  suspended: '금융인증서가 현재 효력정지 상태입니다. 효력회복 후 이용해 주세요.',
  // 본인인증
  chooseIdentityMethod: '본인인증 방법을 선택해 주세요.',
  codeMismatch: '인증번호가 일치하지 않습니다.',
  codeTimeout: '인증 시간이 초과되었습니다.',
  noDeparture: '출국 기록이 확인되지 않습니다.',
  // 계좌/보안매체 인증
  accountFormat: '출금계좌번호를 정확히 입력해 주세요. (예: 123456-78-901234)',
  accountPasswordFormat: '계좌비밀번호 4자리를 숫자로 입력해 주세요.',
  accountMismatch: (n: number, limit: number) => `계좌번호 또는 계좌비밀번호가 일치하지 않습니다. (오류 ${n}회/${limit}회)`,
  mediumMismatch: (what: string, n: number, limit: number) => `${what}가 일치하지 않습니다. (오류 ${n}회/${limit}회)`,
  limitExceeded: (what: string) =>
    `${what} 오류 횟수를 초과하였습니다. 가까운 영업점을 방문하시거나 KB스타뱅킹에서 오류 해제 후 이용해 주세요.`,
  mediumNotHeld: (what: string) => `등록된 ${what}가 없습니다. 다른 인증수단을 선택해 주세요.`,
  chooseMedium: '인증수단을 선택해 주세요.',
  digitsFormat: (label: string, length: number) => `${label}를 숫자 ${length}자리로 입력해 주세요.`,
  // 모바일OTP 발급
  mobileOtpIssued: '모바일OTP가 발급되었습니다. OTP로 인증해 주세요.',
  codeNotRequested: '인증번호 요청 버튼을 눌러 인증번호를 먼저 받아 주세요.',
  // 고객정보 확인
  emailFormat: '이메일 주소를 정확히 입력해 주세요.',
  addressRequired: '주소를 입력해 주세요.',
  addressTooLong: (max: number) => `주소는 ${max}자 이내로 입력해 주세요.`,
  // 인증서 설정
  cloudTermsRequired: '금융인증서비스 이용약관에 동의해 주세요.',
  pinFormat: '비밀번호는 숫자 6자리로 입력해 주세요.',
  pinWeak: '연속되거나 동일한 숫자는 사용할 수 없습니다.',
  pinMismatch: '비밀번호가 일치하지 않습니다.',
  // 아이디찾기
  noCustomer: '일치하는 고객 정보가 없습니다.',
  idLookupResult: (userId: string) => `고객님의 사용자ID는 ${userId} 입니다`,
  // 갱신
  renewalTooEarly: '가입자 갱신 등록은 30일 전부터 허용됩니다.',
  renewalExpired: '유효기간이 지난 인증서는 갱신할 수 없습니다. 새로 발급해 주세요.',
  renewalNone: '갱신할 금융인증서가 없습니다.',
  certificatePinMismatch: (n: number, limit: number) => `비밀번호가 일치하지 않습니다. (오류 ${n}회/${limit}회)`,
  certificateLocked: '비밀번호 오류 횟수를 초과하여 인증서가 잠겼습니다. 금융인증서를 재발급해 주세요.',
  // 가상 휴대폰
  phoneNotFound: '등록된 고객의 휴대폰 번호가 아닙니다. 주소의 번호를 확인해 주세요.',
  phoneRinging: 'KB국민은행 ARS 전화가 오고 있습니다. 은행 화면의 ARS 인증번호를 키패드로 입력해 주세요.',
  noRingingCall: '수신 중인 전화가 없습니다. 은행 화면에서 인증요청을 먼저 해 주세요.',
  keypadFormat: (max: number) => `키패드 입력은 숫자 1~${max}자리로 입력해 주세요.`,
  smsTextFormat: (max: number) => `문자 내용은 1~${max}자로 입력해 주세요.`,
  // login
  loginFailed: '사용자ID 또는 비밀번호가 일치하지 않습니다.',
  // generic
  phoneFormat: '휴대폰번호를 010-1234-5678 형식으로 입력해 주세요.',
  nameRequired: '이름을 입력해 주세요.',
  tooLarge: '요청이 너무 큽니다.',
} as const;
