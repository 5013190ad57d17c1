/**
 * Run by `npm ci` (postinstall): makes sure a Chromium is there for the suite. Playwright's own build if
 * installed, else CHROMIUM_PATH or Debian's; else it fetches one (`playwright install chromium`), and where
 * that is refused, as root on Debian, installs `chromium fonts-noto-cjk` with apt-get; else it prints the
 * exact command to run and stops. Korean glyphs need fonts-noto-cjk, checked the same way.
 * SKIP_BROWSER_CHECK=1 skips it (e.g. when only the mock bank is wanted).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumExecutablePath } from '../fixtures/browser.ts';

const APT_PACKAGES = ['chromium', 'fonts-noto-cjk'];
const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get');

function run(command: string, args: string[], timeoutMs: number): boolean {
  console.log(`ensure-chromium: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', timeout: timeoutMs });
  return result.status === 0;
}

function browserPresent(): boolean {
  const path = chromiumExecutablePath(process.env.CHROMIUM_PATH);
  return path === undefined || existsSync(path); // undefined: Playwright's own build is installed
}

function cjkFontPresent(): boolean {
  const result = spawnSync('fc-list', [':lang=ko'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim().length > 0;
}

function aptInstall(packages: string[]): boolean {
  return (
    run('apt-get', ['update', '-qq'], 300_000) &&
    run('apt-get', ['install', '-y', '-qq', ...packages], 600_000)
  );
}

if (process.env.SKIP_BROWSER_CHECK === '1') process.exit(0);

if (!browserPresent()) {
  const fetched = run('npx', ['playwright', 'install', 'chromium'], 300_000) && browserPresent();
  if (!fetched && !(isRoot && hasApt && aptInstall(APT_PACKAGES) && browserPresent())) {
    console.error(
      'ensure-chromium: no Chromium found. Run one of:\n' +
        '  npx playwright install --with-deps chromium\n' +
        `  sudo apt-get update && sudo apt-get install -y ${APT_PACKAGES.join(' ')}\n` +
        'or set CHROMIUM_PATH to a Chromium binary.',
    );
    process.exit(1);
  }
}

if (!cjkFontPresent()) {
  if (!(isRoot && hasApt && aptInstall(['fonts-noto-cjk']))) {
    console.warn('ensure-chromium: no Korean font; screenshots will show boxes. Run: sudo apt-get install -y fonts-noto-cjk');
  }
}
console.log(`ensure-chromium: ok (${chromiumExecutablePath(process.env.CHROMIUM_PATH) ?? "Playwright's own Chromium"})`);
