/**
 * Run by `npm ci` (postinstall): makes sure the browsers the suite launches are there (fixtures/browser.ts):
 * a headless shell for headless runs and a full Chromium for headed ones. With neither, it fetches
 * Playwright's own (`playwright install chromium`, which brings both); where that is refused, as root on
 * Debian, it installs what is missing of `chromium chromium-headless-shell` with apt-get; else it prints
 * the exact command to run and stops. Korean glyphs need fonts-noto-cjk, checked the same way.
 * SKIP_BROWSER_CHECK=1 skips it (e.g. when only the mock bank is wanted).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumBuild, playwrightHas, SYSTEM_CHROMIUM, SYSTEM_HEADLESS_SHELL } from '../fixtures/browser.ts';

const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
const chromiumPath = process.env.CHROMIUM_PATH;

function run(command: string, args: string[], timeoutMs: number): boolean {
  console.log(`ensure-chromium: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', timeout: timeoutMs });
  return result.status === 0;
}

/** Debian's packages for the builds not there (CHROMIUM_PATH: only that file counts). */
function missingPackages(): string[] {
  if (chromiumPath) return existsSync(chromiumPath) ? [] : ['chromium'];
  const missing: string[] = [];
  if (!playwrightHas('chromium') && !existsSync(SYSTEM_CHROMIUM)) missing.push('chromium');
  if (!playwrightHas('chromium-headless-shell') && !existsSync(SYSTEM_HEADLESS_SHELL)) {
    missing.push('chromium-headless-shell');
  }
  return missing;
}

function cjkFontPresent(): boolean {
  const result = spawnSync('fc-list', [':lang=ko'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim().length > 0;
}

function aptInstall(packages: string[]): boolean {
  return (
    isRoot &&
    hasApt &&
    run('apt-get', ['update', '-qq'], 300_000) &&
    run('apt-get', ['install', '-y', '-qq', ...packages], 600_000)
  );
}

if (process.env.SKIP_BROWSER_CHECK === '1') process.exit(0);

let missing = missingPackages();
// Nothing at all: Playwright's own builds first (both at once), as on any laptop.
if (missing.length === 2 && !chromiumPath) {
  run('npx', ['playwright', 'install', 'chromium'], 300_000);
  missing = missingPackages();
}
if (missing.length > 0 && !(aptInstall(missing) && missingPackages().length === 0)) {
  console.error(
    `ensure-chromium: missing ${missing.join(', ')}. Run one of:\n` +
      '  npx playwright install --with-deps chromium\n' +
      `  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n` +
      'or set CHROMIUM_PATH to a Chromium binary.',
  );
  process.exit(1);
}

if (!cjkFontPresent() && !aptInstall(['fonts-noto-cjk'])) {
  console.warn(
    'ensure-chromium: no Korean font; screenshots will show boxes. Run: sudo apt-get install -y fonts-noto-cjk',
  );
}
const headless = chromiumBuild({ headless: true, chromiumPath });
const headed = chromiumBuild({ headless: false, chromiumPath });
console.log(`ensure-chromium: ok (headless: ${headless.name}; headed: ${headed.name})`);
