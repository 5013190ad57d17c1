import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SECURITY_CARD_CODE_COUNT } from '../../src/rules.ts';
import {
  isRightSecurityCardAnswer,
  pickSecurityCardChallenge,
  securityCardLabels,
} from '../../src/domain/securityCard.ts';

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function seededRandomInt(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** A randomInt that answers `values` in turn and checks it is asked for a range it can fill. */
function scripted(values: number[]): (n: number) => number {
  let i = 0;
  return (n) => {
    const v = values[i++]!;
    assert.ok(v >= 0 && v < n, `asked randomInt(${n}) for ${v}`);
    return v;
  };
}

describe('securityCard: picking the two positions', () => {
  it('every draw asks two different positions in 1..35, and every ordered pair can come up', () => {
    const seen = new Set<string>();
    for (let first = 0; first < SECURITY_CARD_CODE_COUNT; first++) {
      for (let second = 0; second < SECURITY_CARD_CODE_COUNT - 1; second++) {
        const { front, back } = pickSecurityCardChallenge(scripted([first, second]));
        assert.ok(front >= 1 && front <= SECURITY_CARD_CODE_COUNT, `front ${front}`);
        assert.ok(back >= 1 && back <= SECURITY_CARD_CODE_COUNT, `back ${back}`);
        assert.notEqual(front, back);
        seen.add(`${front}/${back}`);
      }
    }
    assert.equal(seen.size, SECURITY_CARD_CODE_COUNT * (SECURITY_CARD_CODE_COUNT - 1));
  });

  it('stays within 1..35 and never repeats a position over 10 000 seeded draws', () => {
    const randomInt = seededRandomInt(20260301);
    const fronts = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const { front, back } = pickSecurityCardChallenge(randomInt);
      assert.ok(Number.isInteger(front) && front >= 1 && front <= SECURITY_CARD_CODE_COUNT);
      assert.ok(Number.isInteger(back) && back >= 1 && back <= SECURITY_CARD_CODE_COUNT);
      assert.notEqual(front, back);
      fronts.add(front);
    }
    assert.equal(fronts.size, SECURITY_CARD_CODE_COUNT, 'every position is asked sometimes');
  });
});

describe('securityCard: answers', () => {
  // Position p holds `pp` + `(99 − p)`: position 7 is 0792, position 21 is 2178.
  const codes = Array.from(
    { length: SECURITY_CARD_CODE_COUNT },
    (_, i) => `${String(i + 1).padStart(2, '0')}${String(99 - (i + 1)).padStart(2, '0')}`,
  );
  const challenge = { front: 7, back: 21 };
  const cases: { front: string; back: string; right: boolean; why: string }[] = [
    { front: '07', back: '78', right: true, why: 'first 2 of [07], last 2 of [21]' },
    { front: '92', back: '78', right: false, why: 'last 2 of [07] instead of the first' },
    { front: '07', back: '21', right: false, why: 'first 2 of [21] instead of the last' },
    { front: '21', back: '92', right: false, why: 'positions swapped' },
    { front: '07', back: '79', right: false, why: 'one digit off' },
    { front: '07', back: '', right: false, why: 'back empty' },
    { front: '', back: '', right: false, why: 'both empty' },
    { front: '0792', back: '2178', right: false, why: 'whole codes' },
  ];
  for (const { front, back, right, why } of cases) {
    it(`${JSON.stringify(front)} / ${JSON.stringify(back)} → ${right} (${why})`, () => {
      assert.equal(isRightSecurityCardAnswer(codes, challenge, front, back), right);
    });
  }

  it('refuses a position the card does not hold', () => {
    assert.equal(isRightSecurityCardAnswer(codes.slice(0, 20), challenge, '07', '78'), false);
  });

  it('works at both ends of the card', () => {
    assert.equal(isRightSecurityCardAnswer(codes, { front: 1, back: 35 }, '01', '64'), true);
    assert.equal(isRightSecurityCardAnswer(codes, { front: 35, back: 1 }, '35', '98'), true);
  });
});

describe('securityCard: labels', () => {
  const cases: { challenge: { front: number; back: number }; front: string; back: string }[] = [
    { challenge: { front: 7, back: 21 }, front: '[07]번 앞 2자리', back: '[21]번 뒤 2자리' },
    { challenge: { front: 35, back: 1 }, front: '[35]번 앞 2자리', back: '[01]번 뒤 2자리' },
    { challenge: { front: 10, back: 9 }, front: '[10]번 앞 2자리', back: '[09]번 뒤 2자리' },
  ];
  for (const { challenge, front, back } of cases) {
    it(`${challenge.front}/${challenge.back} → ${front}, ${back}`, () => {
      assert.deepEqual(securityCardLabels(challenge), { front, back });
    });
  }
});
