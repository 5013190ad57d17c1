import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RRN_PLACEHOLDER_BACK_HALVES } from '../../src/rules.ts';
import {
  hasValidCheckDigit,
  joinRrn,
  rrnBirthDate,
  rrnCheckDigit,
  rrnProblem,
} from '../../src/domain/rrn.ts';

/**
 * Check digits worked out by hand from the spec formula (weights 2,3,4,5,6,7,8,9,2,3,4,5;
 * C = (11 − Σ mod 11) mod 10), not from the code under test. E.g. 900101-123456:
 * 18+0+0+5+0+7+8+18+6+12+20+30 = 124, 124 mod 11 = 3, (11 − 3) mod 10 = 8.
 */
const KNOWN_GOOD = [
  { first12: '900101123456', check: 8, why: 'the spec example 9001011234568 (Σ 124, mod 11 = 3)' },
  { first12: '850115234567', check: 7, why: 'Σ 202, mod 11 = 4' },
  { first12: '000101300006', check: 1, why: 'Σ 66, mod 11 = 0: (11 − 0) mod 10 = 1' },
  { first12: '000101300004', check: 0, why: 'Σ 56, mod 11 = 1: (11 − 1) mod 10 = 0' },
];

describe('rrn: check digit', () => {
  for (const { first12, check, why } of KNOWN_GOOD) {
    it(`${first12} → ${check} (${why})`, () => {
      assert.equal(rrnCheckDigit(first12), check);
      assert.equal(hasValidCheckDigit(first12 + check), true);
      assert.equal(hasValidCheckDigit(first12 + ((check + 1) % 10)), false);
    });
  }

  it('needs exactly 13 digits', () => {
    for (const value of ['900101123456', '90010112345688', '900101-1234568', '90010112345a8', '']) {
      assert.equal(hasValidCheckDigit(value), false, value);
    }
  });
});

describe('rrn: rrnProblem', () => {
  const cases: { rrn: string; problem: ReturnType<typeof rrnProblem>; why: string }[] = [
    { rrn: '9001011234568', problem: null, why: 'the spec example' },
    { rrn: '9001011234567', problem: null, why: 'a bad check digit is accepted (numbers since Oct 2020)' },
    // format
    { rrn: '900101123456', problem: 'format', why: '12 digits' },
    { rrn: '90010112345688', problem: 'format', why: '14 digits' },
    { rrn: '900101-1234568', problem: 'format', why: 'with a hyphen' },
    { rrn: '90010a1234568', problem: 'format', why: 'a letter' },
    { rrn: ' 9001011234568', problem: 'format', why: 'a space' },
    { rrn: '', problem: 'format', why: 'empty' },
    // real dates, leap years by century (the gender digit fixes the century)
    { rrn: '0002293000061', problem: null, why: '2000-02-29 (2000 is a leap year)' },
    { rrn: '0002291000061', problem: 'date', why: '1900-02-29 (1900 is not a leap year)' },
    { rrn: '0002290000061', problem: 'date', why: '1800-02-29 (1800 is not a leap year)' },
    { rrn: '9602291000061', problem: null, why: '1996-02-29' },
    { rrn: '9702291000061', problem: 'date', why: '1997-02-29' },
    { rrn: '0402294000061', problem: null, why: '2004-02-29' },
    { rrn: '0302294000061', problem: 'date', why: '2003-02-29' },
    { rrn: '9602299000061', problem: null, why: '1896-02-29 (gender 9: 1800s)' },
    { rrn: '9702280000061', problem: null, why: '1897-02-28 (gender 0: 1800s)' },
    { rrn: '9013011234568', problem: 'date', why: 'month 13' },
    { rrn: '9000011234568', problem: 'date', why: 'month 00' },
    { rrn: '9001001234568', problem: 'date', why: 'day 00' },
    { rrn: '9001321234568', problem: 'date', why: '32 January' },
    { rrn: '9004311234568', problem: 'date', why: '31 April' },
    { rrn: '9012311234568', problem: null, why: '31 December' },
    // foreigners: 5-8
    { rrn: '9001015234568', problem: null, why: 'gender 5 (foreigner, 1900s)' },
    { rrn: '0001018234568', problem: null, why: 'gender 8 (foreigner, 2000s)' },
    // place of birth: digits 8-9 at most 96
    { rrn: '9001011964568', problem: null, why: 'place 96' },
    { rrn: '9001011974568', problem: 'place', why: 'place 97' },
    { rrn: '9001011994568', problem: 'place', why: 'place 99' },
    { rrn: '9001011004568', problem: null, why: 'place 00' },
    // placeholders
    { rrn: '9001011000001', problem: null, why: 'not quite a placeholder' },
    { rrn: '9001012000010', problem: null, why: 'not quite a placeholder' },
  ];
  for (const { rrn, problem, why } of cases) {
    it(`${JSON.stringify(rrn)} → ${problem} (${why})`, () => {
      assert.equal(rrnProblem(rrn), problem);
    });
  }

  for (const back of ['1000000', '2000000', '3000000', '4000000']) {
    it(`the placeholder back half ${back} is refused`, () => {
      assert.equal(rrnProblem(`900101${back}`), 'placeholder');
    });
  }

  it('knows exactly the four placeholders of the spec', () => {
    assert.deepEqual([...RRN_PLACEHOLDER_BACK_HALVES], ['1000000', '2000000', '3000000', '4000000']);
  });
});

describe('rrn: century by the gender digit', () => {
  const centuries: [string, number][] = [
    ['1', 1900],
    ['2', 1900],
    ['3', 2000],
    ['4', 2000],
    ['5', 1900],
    ['6', 1900],
    ['7', 2000],
    ['8', 2000],
    ['9', 1800],
    ['0', 1800],
  ];
  for (const [digit, century] of centuries) {
    it(`G=${digit} → ${century}s`, () => {
      assert.deepEqual(rrnBirthDate(`850315${digit}234567`), { year: century + 85, month: 3, day: 15 });
    });
  }
});

describe('rrn: joinRrn', () => {
  const cases: { front: string; back: string; joined: string | null }[] = [
    { front: '900101', back: '1234568', joined: '9001011234568' },
    { front: ' 900101 ', back: ' 1234568\t', joined: '9001011234568' },
    { front: '90010', back: '1234568', joined: null },
    { front: '9001011', back: '234568', joined: null },
    { front: '900101', back: '123456', joined: null },
    { front: '900101', back: '12345689', joined: null },
    { front: '900101', back: '123-568', joined: null },
    { front: '9001o1', back: '1234568', joined: null },
    { front: '９００１０１', back: '1234568', joined: null },
    { front: '', back: '', joined: null },
  ];
  for (const { front, back, joined } of cases) {
    it(`${JSON.stringify(front)} + ${JSON.stringify(back)} → ${joined}`, () => {
      assert.equal(joinRrn(front, back), joined);
    });
  }
});
