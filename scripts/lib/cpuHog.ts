/**
 * Starts scripts/cpu-hog.ts as a child and stops it again. The child bounds itself (time cap, parent
 * gone, signals); this side kills it when asked, on this process's exit, and on SIGINT/SIGTERM, so no
 * hog outlives the script that wanted it.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const HOG = fileURLToPath(new URL('../cpu-hog.ts', import.meta.url));

export interface CpuHog {
  pid: number | undefined;
  /** True once the hog has ended, whether stopped or at its own cap. */
  ended(): boolean;
  stop(): Promise<void>;
}

export function startCpuHog(capSeconds: number): CpuHog {
  // Same node and loader flags as this script (tsx), so the child runs TypeScript too; 'ipc' lets
  // the child notice when this process is gone, even after a SIGKILL.
  const child = spawn(process.execPath, [...process.execArgv, HOG, String(capSeconds)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // Settles when the child ends (or fails to start); caught here so an early failure is not unhandled.
  const exited = once(child, 'exit').catch((error: unknown) => console.error(`cpu-hog: ${String(error)}`));
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  const kill = () => {
    if (!ended()) child.kill('SIGTERM');
  };
  const onSignal = () => kill(); // the Playwright run gets the signal too and ends on its own
  process.once('exit', kill);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    pid: child.pid,
    ended,
    async stop() {
      kill();
      await exited;
      process.removeListener('exit', kill);
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    },
  };
}
