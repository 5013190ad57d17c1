import type { BankContext } from '../services/context.ts';
import type { Session } from '../store.ts';

/** Hono's per-request variables: the bank's services and this browser's server-held session. */
export interface AppEnv {
  Variables: {
    bank: BankContext;
    session: Session;
    /** Where this bank serves the issuance flow (MOCK_BANK_FLOW_PREFIX). */
    flowPrefix: string;
  };
}
