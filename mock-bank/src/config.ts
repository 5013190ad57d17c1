import { z } from 'zod';
import { parseFaults } from './faults.ts';
import { DEFAULT_FLOW_PREFIX } from './http/issuance/guard.ts';

/** Whole milliseconds, 0 or more, read from a string; unset = 0 (staging-like delays are off by default). */
const milliseconds = z.coerce
  .number({ error: 'must be whole milliseconds, 0 or more' })
  .int({ error: 'must be whole milliseconds, 0 or more' })
  .min(0, { error: 'must be whole milliseconds, 0 or more' })
  .default(0);

/** Paths the bank serves besides the flow: a flow prefix under one of them would shadow or be shadowed. */
const RESERVED_PREFIXES = [
  '/static',
  '/__test__',
  '/app',
  '/certcenter',
  '/login',
  '/logout',
  '/id-lookup',
  '/renewal',
  '/phone',
];

const Env = z
  .object({
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
    /** Every response is delayed by the latency ± a jitter drawn per response (spec §9: a bank like staging). */
    MOCK_BANK_LATENCY_MS: milliseconds,
    /** At most the latency, so no delay is ever negative. */
    MOCK_BANK_JITTER_MS: milliseconds,
    /** Where the issuance flow lives (spec: not part of the contract); a path, no trailing slash. */
    MOCK_BANK_FLOW_PREFIX: z
      .string()
      .regex(/^(\/[A-Za-z0-9._~-]+)+$/, {
        error:
          'must be a path like /fincert/issue: starts with /, no trailing slash, letters, digits and ._~- only',
      })
      .refine(
        (prefix) => !RESERVED_PREFIXES.some((taken) => prefix === taken || prefix.startsWith(`${taken}/`)),
        {
          error: `must not be under a path the bank serves otherwise (${RESERVED_PREFIXES.join(', ')})`,
        },
      )
      .default(DEFAULT_FLOW_PREFIX),
    /** `1`: record which fault points each e2e test reaches (faults.ts FaultPoints), for e2e:faults. */
    MOCK_BANK_RECORD_FAULT_POINTS: z
      .enum(['0', '1'])
      .default('0')
      .transform((value) => value === '1'),
  })
  .refine((env) => env.MOCK_BANK_JITTER_MS <= env.MOCK_BANK_LATENCY_MS, {
    error: 'must not exceed MOCK_BANK_LATENCY_MS (a delay is latency ± jitter, never negative)',
    path: ['MOCK_BANK_JITTER_MS'],
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
