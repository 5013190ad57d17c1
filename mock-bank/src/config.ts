import { z } from 'zod';
import { parseFaults } from './faults.ts';

const Env = z.object({
  MOCK_BANK_HOST: z.string().default('127.0.0.1'),
  MOCK_BANK_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
  /** Unset: the test-support API is not even mounted (404). */
  MOCK_BANK_TEST_TOKEN: z.string().min(8).optional(),
  /** Unset: the log goes to stdout. Set: JSON lines appended to this file (the suite scans it for secrets). */
  MOCK_BANK_LOG_FILE: z.string().trim().min(1, 'a file path, or leave it unset').optional(),
  /** Deliberate bugs by name, `a,b` (faults.ts); an unknown name stops start-up. */
  MOCK_BANK_FAULTS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseFaults(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
  /** `1`: record which fault points each e2e test reaches (faults.ts FaultPoints), for e2e:faults. */
  MOCK_BANK_RECORD_FAULT_POINTS: z
    .enum(['0', '1'])
    .default('0')
    .transform((value) => value === '1'),
});

export type BankConfig = z.infer<typeof Env>;

/** Reads the environment; a wrong variable stops start-up with its name. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): BankConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`mock bank: bad environment: ${problems}`);
  }
  return parsed.data;
}
