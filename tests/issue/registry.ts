// Registry and phone reads the issue, reissue and renewal specs share (spec §4, §5, §9).
import {
  expect,
  type Customer,
  type RegistryCertificate,
  type TestApi,
  type VirtualPhone,
} from '../../fixtures/index.ts';

/** The person's only certificate (all banks), e.g. the one a customer was seeded with. */
export async function onlyCertificate(testApi: TestApi, customer: Customer): Promise<RegistryCertificate> {
  const certificates = await testApi.certificates(customer.rrn);
  expect(certificates, `exactly one certificate for ${customer.userId}`).toHaveLength(1);
  return certificates[0] as RegistryCertificate;
}

/**
 * Exactly one active 금융인증서 for the person across all banks (spec §4), at KB국민은행 and not
 * locked; returns it and every other certificate of the person, oldest first.
 */
export async function expectOneActiveKbCertificate(
  testApi: TestApi,
  customer: Customer,
): Promise<{ active: RegistryCertificate; others: RegistryCertificate[] }> {
  const certificates = await testApi.certificates(customer.rrn);
  const active = certificates.filter((certificate) => certificate.status === 'active');
  expect(active, 'exactly one active 금융인증서 for the person, all banks').toHaveLength(1);
  const [only] = active as [RegistryCertificate];
  expect(only).toMatchObject({ bank: 'KB국민은행', locked: false });
  return { active: only, others: certificates.filter((certificate) => certificate !== only) };
}

/** Texts of the SMS the phone received (not sent), oldest first. */
export async function receivedSms(phone: VirtualPhone): Promise<string[]> {
  const { sms } = await phone.log();
  return sms.filter((message) => message.direction === 'in').map((message) => message.text);
}

/** `[KB국민은행] {이름}님 인증서 발급완료. 본인요청 아닐 시 신고요망` (spec §2 Completion; same for a reissue). */
export function issuedSms(name: string): string {
  return `[KB국민은행] ${name}님 인증서 발급완료. 본인요청 아닐 시 신고요망`;
}

/** `[KB국민은행] {이름}님 인증서 갱신완료. 본인요청 아닐 시 신고요망` (spec §7). */
export function renewedSms(name: string): string {
  return `[KB국민은행] ${name}님 인증서 갱신완료. 본인요청 아닐 시 신고요망`;
}
