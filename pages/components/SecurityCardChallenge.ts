import { test, type Locator, type Page } from '@playwright/test';

const FRONT_LABEL = /^\[(\d{2})\]번 앞 2자리$/;
const BACK_LABEL = /^\[(\d{2})\]번 뒤 2자리$/;

/** Which two of the 35 codes the bank asks for this attempt (1-based card positions). */
export interface SecurityCardPositions {
  front: number;
  back: number;
}

/**
 * The 보안카드 question (spec §2.4): `[NN]번 앞 2자리` takes the first two digits of code NN,
 * `[MM]번 뒤 2자리` the last two digits of code MM. Positions change on every attempt.
 */
export class SecurityCardChallenge {
  readonly frontField: Locator;
  readonly backField: Locator;

  constructor(scope: Page | Locator) {
    this.frontField = scope.getByLabel(FRONT_LABEL);
    this.backField = scope.getByLabel(BACK_LABEL);
  }

  /** Reads NN and MM from the two fields' labels. */
  async positions(): Promise<SecurityCardPositions> {
    return {
      front: await positionIn(this.frontField, FRONT_LABEL),
      back: await positionIn(this.backField, BACK_LABEL),
    };
  }

  /** Answers with the halves `codes` (card positions 1..35 = codes[0..34]) hold at the asked positions. */
  async answer(codes: readonly string[]): Promise<SecurityCardPositions> {
    const asked = await this.positions();
    const front = codeAt(codes, asked.front).slice(0, 2);
    const back = codeAt(codes, asked.back).slice(2, 4);
    // Not @step: the title names the positions, known only once the labels are read.
    const title = `Answer the 보안카드: front half of [${pad(asked.front)}], back half of [${pad(asked.back)}]`;

    await test.step(
      title,
      async () => {
        await this.frontField.fill(front);
        await this.backField.fill(back);
      },
      { box: true },
    );

    return asked;
  }
}

function pad(position: number): string {
  return String(position).padStart(2, '0');
}

function codeAt(codes: readonly string[], position: number): string {
  const code = codes[position - 1];
  if (code === undefined) throw new Error(`The 보안카드 has no code at position ${position}`);
  return code;
}

/** The field's accessible label text (aria-label, aria-labelledby or <label>), parsed for NN. */
async function positionIn(field: Locator, label: RegExp): Promise<number> {
  const name = await field.evaluate((element) => {
    const byAttribute = element.getAttribute('aria-label');
    if (byAttribute) return byAttribute;
    const ids = element.getAttribute('aria-labelledby');
    if (ids)
      return ids
        .split(/\s+/)
        .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
        .join(' ');
    const labels = (element as HTMLInputElement).labels;
    return labels?.[0]?.textContent ?? '';
  });
  const match = label.exec(name.trim().replace(/\s+/g, ' '));
  if (!match) throw new Error(`보안카드 field label "${name}" does not match ${label}`);
  return Number(match[1]);
}
