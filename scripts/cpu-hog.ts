/**
 * A CPU hog for `npm run e2e:stress`: busy-loops on one core so the suite gets only what is left, as on
 * a loaded CI machine. Bounded three ways: it stops itself at its time cap (first argument, seconds),
 * when its parent goes away (the IPC channel closes) and on SIGTERM/SIGINT. Started and stopped by
 * scripts/lib/cpuHog.ts; on its own: `npx tsx scripts/cpu-hog.ts 30`.
 */
import { performance } from 'node:perf_hooks';

const capSeconds = Number(process.argv[2] ?? 60);
if (!Number.isFinite(capSeconds) || capSeconds <= 0) {
  console.error(`cpu-hog: the time cap must be a positive number of seconds, not ${process.argv[2]}`);
  process.exit(2);
}
const SLICE_MS = 50;
const deadline = performance.now() + capSeconds * 1000;
const cpuAtStart = process.cpuUsage();

function stop(reason: string): never {
  const wallS = (performance.now() - (deadline - capSeconds * 1000)) / 1000;
  const { user, system } = process.cpuUsage(cpuAtStart);
  const cpuS = (user + system) / 1e6;
  console.log(
    `cpu-hog: stopped (${reason}) after ${wallS.toFixed(1)} s; busy ${cpuS.toFixed(1)} s of CPU (${((100 * cpuS) / Math.max(wallS, 0.001)).toFixed(0)}% of one core)`,
  );
  process.exit(0);
}

// Spins in short slices and yields between them: a loop that never yields would never hear the
// signals, the timer or the parent's disconnect that bound it.
function spin(): void {
  const sliceEnd = performance.now() + SLICE_MS;
  while (performance.now() < sliceEnd) {
    // busy on purpose
  }
  if (performance.now() >= deadline) stop(`time cap ${capSeconds} s`);
  setImmediate(spin);
}

process.once('SIGTERM', () => stop('SIGTERM'));
process.once('SIGINT', () => stop('SIGINT'));
process.once('disconnect', () => stop('parent gone'));
console.log(`cpu-hog: pid ${process.pid} busy on one core for at most ${capSeconds} s`);
spin();
