import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  accountDigits,
  isAccountNumber,
  isDigits,
  isUserId,
  maskMobile,
  normalizeMobile,
} from '../../src/domain/formats.ts';

describe('formats: KB account number', () => {
  const cases: { input: string; digits: string | null; why: string }[] = [
    { input: '123456-78-901234', digits: '12345678901234', why: '6-2-6' },
    { input: '12345678901234', digits: '12345678901234', why: '14 digits' },
    { input: ' 123456-78-901234 ', digits: '12345678901234', why: 'spaces around' },
    { input: '123-45-6789-012', digits: '123456789012', why: 'legacy 3-2-4-3' },
    { input: '123456789012', digits: '123456789012', why: 'legacy 12 digits' },
    { input: '1234567890123', digits: null, why: '13 digits' },
    { input: '123456789012345', digits: null, why: '15 digits' },
    { input: '1234567-8-901234', digits: null, why: '7-1-6' },
    { input: '123456-789-01234', digits: null, why: '6-3-5' },
    { input: '123456-78901234', digits: null, why: 'one hyphen only' },
    { input: '123-456-789-012', digits: null, why: '3-3-3-3' },
    { input: '1234-56-789012', digits: null, why: '4-2-6 (12 digits, wrong groups)' },
    { input: '123456 78 901234', digits: null, why: 'spaces for hyphens' },
    { input: '123456-78-90123a', digits: null, why: 'a letter' },
    { input: '', digits: null, why: 'empty' },
  ];
  for (const { input, digits, why } of cases) {
    it(`${JSON.stringify(input)} → ${digits} (${why})`, () => {
      assert.equal(accountDigits(input), digits);
      assert.equal(isAccountNumber(input), digits !== null);
    });
  }
});

describe('formats: mobile number', () => {
  const cases: { input: string; normal: string | null; why: string }[] = [
    { input: '010-1234-5678', normal: '010-1234-5678', why: '010 with a 4-digit middle' },
    { input: '01012345678', normal: '010-1234-5678', why: 'without hyphens' },
    { input: ' 010-1234-5678 ', normal: '010-1234-5678', why: 'spaces around' },
    { input: '010-123-5678', normal: null, why: '010 never has a 3-digit middle' },
    { input: '0101235678', normal: null, why: '010 with 10 digits' },
    { input: '010-12345-678', normal: null, why: 'wrong grouping' },
    { input: '010-1234-567', normal: null, why: 'short last group' },
    { input: '02-1234-5678', normal: null, why: 'a Seoul landline' },
    { input: '012-1234-5678', normal: null, why: '012 is not a mobile prefix' },
    { input: '013-1234-5678', normal: null, why: '013' },
    { input: '014-123-5678', normal: null, why: '014' },
    { input: '015-1234-5678', normal: null, why: '015' },
    { input: '070-1234-5678', normal: null, why: 'internet phone' },
    { input: '010-abcd-5678', normal: null, why: 'letters' },
    { input: '', normal: null, why: 'empty' },
  ];
  for (const prefix of ['011', '016', '017', '018', '019']) {
    cases.push(
      { input: `${prefix}-123-4567`, normal: `${prefix}-123-4567`, why: `${prefix} with a 3-digit middle` },
      { input: `${prefix}-1234-5678`, normal: `${prefix}-1234-5678`, why: `${prefix} with a 4-digit middle` },
      { input: `${prefix}1234567`, normal: `${prefix}-123-4567`, why: `${prefix}, 10 digits unhyphenated` },
    );
  }
  for (const { input, normal, why } of cases) {
    it(`${JSON.stringify(input)} → ${normal} (${why})`, () => {
      assert.equal(normalizeMobile(input), normal);
    });
  }
});

describe('formats: maskMobile shows only the last four digits', () => {
  const cases: { phone: string; masked: string }[] = [
    { phone: '010-1234-5678', masked: '010-****-5678' },
    { phone: '011-123-4567', masked: '011-***-4567' },
    { phone: '019-9876-5432', masked: '019-****-5432' },
    // A number stored without hyphens must not show through unmasked.
    { phone: '01098765432', masked: '010-****-5432' },
  ];
  for (const { phone, masked } of cases) {
    it(`${phone} → ${masked}`, () => {
      assert.equal(maskMobile(phone), masked);
    });
  }

  it('never shows a middle digit', () => {
    for (const phone of ['010-1234-5678', '01012345678', '017-234-9999', 'garbage-1234-5678']) {
      const masked = maskMobile(phone);
      const middle = phone.replace(/\D/g, '').slice(3, -4);
      assert.ok(!masked.slice(3, -4).match(/\d/), `${phone} → ${masked} shows middle ${middle}`);
      assert.ok(masked.endsWith(phone.slice(-4)), masked);
    }
  });
});

describe('formats: 사용자ID (6-12 letters and digits, starting with a letter)', () => {
  const cases: { input: string; ok: boolean; why: string }[] = [
    { input: 'kbqa01', ok: true, why: '6 characters' },
    { input: 'a12345678901', ok: true, why: '12 characters' },
    { input: 'ABCDEF', ok: true, why: 'capitals only' },
    { input: 'kbqa0193', ok: true, why: 'the spec example' },
    { input: 'kbqa0', ok: false, why: '5 characters' },
    { input: 'a123456789012', ok: false, why: '13 characters' },
    { input: '1kbqa01', ok: false, why: 'starts with a digit' },
    { input: 'kb_qa01', ok: false, why: 'underscore' },
    { input: 'kb-qa01', ok: false, why: 'hyphen' },
    { input: 'kbqa 01', ok: false, why: 'space' },
    { input: 'kbqa01\n', ok: false, why: 'trailing newline' },
    { input: '김민준kbqa', ok: false, why: 'Hangul' },
    { input: 'ｋｂｑａ０１', ok: false, why: 'full-width' },
    { input: '', ok: false, why: 'empty' },
  ];
  for (const { input, ok, why } of cases) {
    it(`${JSON.stringify(input)} → ${ok} (${why})`, () => {
      assert.equal(isUserId(input), ok);
    });
  }
});

describe('formats: isDigits', () => {
  const cases: { input: string; length: number; ok: boolean }[] = [
    { input: '1234', length: 4, ok: true },
    { input: '0000', length: 4, ok: true },
    { input: '123', length: 4, ok: false },
    { input: '12345', length: 4, ok: false },
    { input: '12a4', length: 4, ok: false },
    { input: ' 123', length: 4, ok: false },
    { input: '１２３４', length: 4, ok: false },
    { input: '', length: 0, ok: false },
  ];
  for (const { input, length, ok } of cases) {
    it(`${JSON.stringify(input)} as ${length} digits → ${ok}`, () => {
      assert.equal(isDigits(input, length), ok);
    });
  }
});
