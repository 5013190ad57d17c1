import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { certificatePinProblem, isWeakPin } from '../../src/domain/pin.ts';

describe('pin: weak passwords (all equal, or each digit exactly one more / one less)', () => {
  const cases: { pin: string; weak: boolean; why: string }[] = [
    { pin: '111111', weak: true, why: 'all equal' },
    { pin: '000000', weak: true, why: 'all zeros' },
    { pin: '999999', weak: true, why: 'all nines' },
    { pin: '123456', weak: true, why: 'ascending' },
    { pin: '012345', weak: true, why: 'ascending from 0' },
    { pin: '456789', weak: true, why: 'ascending to 9' },
    { pin: '654321', weak: true, why: 'descending' },
    { pin: '987654', weak: true, why: 'descending from 9' },
    { pin: '543210', weak: true, why: 'descending to 0' },
    { pin: '890123', weak: false, why: '9 → 0 is not one more (the spec example)' },
    { pin: '901234', weak: false, why: '9 → 0 is not one more' },
    { pin: '789012', weak: false, why: 'wraps after 9' },
    { pin: '109876', weak: false, why: '0 → 9 is not one less' },
    { pin: '210987', weak: false, why: 'wraps below 0' },
    { pin: '123457', weak: false, why: 'ascending but for the last' },
    { pin: '111112', weak: false, why: 'equal but for the last' },
    { pin: '112233', weak: false, why: 'pairs' },
    { pin: '121212', weak: false, why: 'alternating' },
    { pin: '135790', weak: false, why: 'steps of two' },
    { pin: '284719', weak: false, why: 'ordinary' },
  ];
  for (const { pin, weak, why } of cases) {
    it(`${pin} → ${weak ? 'weak' : 'allowed'} (${why})`, () => {
      assert.equal(isWeakPin(pin), weak);
    });
  }
});

describe('pin: certificatePinProblem checks format, then weak, then mismatch', () => {
  const cases: {
    pin: string;
    confirmation: string;
    problem: ReturnType<typeof certificatePinProblem>;
    why: string;
  }[] = [
    { pin: '284719', confirmation: '284719', problem: null, why: 'good and confirmed' },
    { pin: '890123', confirmation: '890123', problem: null, why: 'allowed wrap-around' },
    { pin: '28471', confirmation: '28471', problem: 'format', why: '5 digits' },
    { pin: '2847190', confirmation: '2847190', problem: 'format', why: '7 digits' },
    { pin: '28471a', confirmation: '28471a', problem: 'format', why: 'a letter' },
    { pin: ' 84719', confirmation: ' 84719', problem: 'format', why: 'a space' },
    { pin: '２８４７１９', confirmation: '２８４７１９', problem: 'format', why: 'full-width digits' },
    { pin: '', confirmation: '', problem: 'format', why: 'empty' },
    { pin: '11111', confirmation: '22222', problem: 'format', why: 'format before weak and mismatch' },
    { pin: '111111', confirmation: '222222', problem: 'weak', why: 'weak before mismatch' },
    { pin: '123456', confirmation: '123456', problem: 'weak', why: 'weak even when confirmed' },
    { pin: '284719', confirmation: '284718', problem: 'mismatch', why: 'one digit off' },
    { pin: '284719', confirmation: '', problem: 'mismatch', why: 'no confirmation' },
    { pin: '284719', confirmation: 'abc', problem: 'mismatch', why: 'the confirmation is only compared' },
  ];
  for (const { pin, confirmation, problem, why } of cases) {
    it(`${JSON.stringify(pin)} / ${JSON.stringify(confirmation)} → ${problem} (${why})`, () => {
      assert.equal(certificatePinProblem(pin, confirmation), problem);
    });
  }
});
