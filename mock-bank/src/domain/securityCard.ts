import { SECURITY_CARD_CODE_COUNT } from '../rules.ts';

/** The two positions asked: the first 2 digits of code `front`, the last 2 of code `back`. */
export interface SecurityCardChallenge {
  front: number;
  back: number;
}

/** Picks two different positions 1..35; `randomInt(n)` returns 0..n-1. */
export function pickSecurityCardChallenge(randomInt: (n: number) => number): SecurityCardChallenge {
  const front = randomInt(SECURITY_CARD_CODE_COUNT) + 1;
  const back = ((front - 1 + 1 + randomInt(SECURITY_CARD_CODE_COUNT - 1)) % SECURITY_CARD_CODE_COUNT) + 1;
  return { front, back };
}

export function isRightSecurityCardAnswer(
  codes: readonly string[],
  challenge: SecurityCardChallenge,
  frontDigits: string,
  backDigits: string,
): boolean {
  const frontCode = codes[challenge.front - 1];
  const backCode = codes[challenge.back - 1];
  return frontCode !== undefined && backCode !== undefined &&
    frontCode.slice(0, 2) === frontDigits && backCode.slice(2, 4) === backDigits;
}

/** `[07]번 앞 2자리` / `[21]번 뒤 2자리` */
export function securityCardLabels(challenge: SecurityCardChallenge): { front: string; back: string } {
  const nn = (n: number) => String(n).padStart(2, '0');
  return { front: `[${nn(challenge.front)}]번 앞 2자리`, back: `[${nn(challenge.back)}]번 뒤 2자리` };
}
