import type { Page } from '@playwright/test';
import { test, type Customer, type Door } from '../../fixtures/index.ts';
import {
  CertCenterPage,
  IdLookupPage,
  TermsPage,
  UserInfoPage,
  type FrontDoor,
  type IdLookupIdentity,
} from '../../pages/index.ts';

/** Agrees to every term on 약관동의 and goes on to 사용자 정보 입력. */
export async function agreeToTerms(page: Page): Promise<UserInfoPage> {
  const terms = await new TermsPage(page).waitUntilShown();
  await terms.agreeToAll();
  await terms.next();
  return new UserInfoPage(page).waitUntilShown();
}

/** 사용자 정보 입력's link 아이디찾기, after the door's menus and 약관동의 (both doors have it). */
export async function idLookupFromUserInfo(page: Page, frontDoor: FrontDoor): Promise<IdLookupPage> {
  return test.step('Open 아이디찾기 from 사용자 정보 입력', async () => {
    await frontDoor.goto();
    await frontDoor.startIssuance();
    const userInfo = await agreeToTerms(page);
    return userInfo.findId();
  });
}

/** Internet banking's 인증센터 (opened by its address) and its link 아이디찾기, with no flow started yet. */
export async function idLookupFromCertCenter(page: Page): Promise<IdLookupPage> {
  return test.step('Open 아이디찾기 from 인증센터', async () => {
    const certCenter = await new CertCenterPage(page).goto();
    return certCenter.openIdLookup();
  });
}

/**
 * 아이디찾기 before 약관동의 is passed: internet banking's 인증센터 links it with no flow started; the app
 * has no 인증센터, so a customer on the app's 약관동의 opens 아이디찾기 by its address.
 */
export async function idLookupBeforeTerms(
  door: Door,
  page: Page,
  frontDoor: FrontDoor,
): Promise<IdLookupPage> {
  if (door === 'web') return idLookupFromCertCenter(page);
  return test.step("Open 아이디찾기 by its address from the app's 약관동의", async () => {
    await frontDoor.goto();
    await frontDoor.startIssuance();
    return new IdLookupPage(page).goto();
  });
}

/** What the lookup form asks, as the bank holds it for this customer. */
export function identityOf(customer: Customer): IdLookupIdentity {
  return { name: customer.name, rrn: customer.rrn, phone: customer.phone };
}

/** A six-digit code that is not `code`: every digit moved by one. */
export function otherSixDigits(code: string): string {
  return code.replace(/\d/g, (digit) => String((Number(digit) + 1) % 10));
}
