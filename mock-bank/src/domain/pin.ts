import { CERTIFICATE_PIN_LENGTH } from '../rules.ts';

export type PinProblem = 'format' | 'weak' | 'mismatch';

/** (assumed) all digits equal, or each exactly one more, or each exactly one less than the one before. */
export function isWeakPin(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((d, i) => d - digits[i]!);
  return [0, 1, -1].some((step) => steps.every((s) => s === step));
}

/** Checks in the spec's order: format, weak, mismatch; a caller may leave out `skip`ped ones. */
export function certificatePinProblem(
  pin: string,
  confirmation: string,
  skip: readonly PinProblem[] = [],
): PinProblem | null {
  if (!new RegExp(`^\\d{${CERTIFICATE_PIN_LENGTH}}$`).test(pin)) return 'format';
  if (!skip.includes('weak') && isWeakPin(pin)) return 'weak';
  if (!skip.includes('mismatch') && pin !== confirmation) return 'mismatch';
  return null;
}
