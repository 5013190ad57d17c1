/**
 * Builds one Allure 3 report (allurerc.mjs) from one or more allure-results folders: a local run's, or
 * every shard's. It gathers the run's facts (runFacts.ts) and hands them to the config as report
 * variables, reports only the newest run of a folder that holds several (newestRun.ts), and adds a
 * point to the trend history only for results not reported before.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { newestRun } from './newestRun.ts';
import {
  browserVersion,
  environmentValues,
  fakerSeeds,
  gitCommit,
  projects,
  readResultsDir,
  type ResultsDir,
} from './runFacts.ts';

// `allure` exports no bin path; its CLI sits next to the package's dist/.
const ALLURE_CLI = join(dirname(createRequire(import.meta.url).resolve('allure')), '..', 'cli.js');
const CONFIG = resolve('allurerc.mjs');
/** allurerc.mjs's output, when no other is asked for. */
const DEFAULT_OUTPUT = resolve('reports/allure-report');
/** Fingerprints of the results already in the trend history (allurerc.mjs keeps it in this folder). */
const REPORTED = resolve('reports/allure-history/reported.txt');
/** Where a folder's newest run is copied when the folder holds several. */
const STAGING = resolve('reports/allure-staging');

export interface AllureBuild {
  resultsDirs: readonly string[];
  output?: string;
  /** false: read the trend history but add no point (a proof run, not a run of the product). */
  appendHistory?: boolean;
}

export interface AllureBuilt {
  output: string;
  /** result files read (a retry is a second result of one test) */
  results: number;
  /** tests the report shows, from its summary.json */
  tests: number;
  /** the results reported (the newest run of each folder), for the traceability matrix */
  reported: readonly ResultsDir[];
}

const shown = (dirs: readonly string[]) => dirs.map((dir) => relative(process.cwd(), dir) || '.').join(', ');
const list = (values: readonly string[], none: string) => (values.length > 0 ? values.join(', ') : none);

/** The folders' results, one run each; empty folders (an empty shard) are left out. */
function readInputs(resultsDirs: readonly string[]): ResultsDir[] {
  const read = resultsDirs.map((dir) => readResultsDir(resolve(dir)));
  const empty = read.filter((dir) => dir.results.length === 0).map((dir) => dir.dir);
  if (empty.length === read.length)
    throw new Error(`no Allure results in ${shown(empty)}: run \`npm run e2e\` first`);
  if (empty.length > 0) console.warn(`report: no results in ${shown(empty)}; building from the others`);
  rmSync(STAGING, { recursive: true, force: true });
  return read
    .filter((dir) => dir.results.length > 0)
    .map((dir, index) => {
      const staged = newestRun(dir, join(STAGING, String(index + 1)));
      if (staged.runs > 1) {
        console.warn(
          `report: ${shown([dir.dir])} holds ${staged.runs} runs (allure-playwright never empties it); ` +
            `reporting the newest only: ${staged.dir.results.length} of ${dir.results.length} results`,
        );
      }
      return staged.dir;
    });
}

/** The report variables shown at the top of the report ("변수"); keys stay short, the UI cuts long ones. */
async function reportVariables(dirs: readonly ResultsDir[], names: readonly string[]) {
  const seeds = fakerSeeds(dirs);
  const fixedSeed = environmentValues(dirs, 'Faker seed').filter((value) => /^\d+$/.test(value));
  const browser = await browserVersion();
  return {
    '기본 URL': list(environmentValues(dirs, 'Base URL'), '알 수 없음'),
    브라우저: browser.name,
    '브라우저 실행 파일': browser.where,
    프로젝트: list(projects(dirs), '없음'),
    'Git 커밋': gitCommit(),
    'Faker 시드':
      fixedSeed.length > 0
        ? `FAKER_SEED=${fixedSeed.join(', ')}`
        : `테스트마다 무작위 (${seeds.length}개, 각 테스트의 매개변수 "faker seed")`,
    '결과 폴더': shown(names),
  };
}

/** Rebuilding a report from the same results must not add a second trend point for one run. */
function historyMarker(dirs: readonly ResultsDir[]) {
  const uuids = dirs.flatMap((dir) => dir.results.map((result) => result.uuid)).sort();
  const print = createHash('sha256').update(uuids.join('\n')).digest('hex');
  const reported = existsSync(REPORTED) ? readFileSync(REPORTED, 'utf8').split('\n').filter(Boolean) : [];
  return {
    alreadyReported: reported.includes(print),
    remember() {
      mkdirSync(dirname(REPORTED), { recursive: true });
      writeFileSync(REPORTED, [...reported, print].slice(-100).join('\n') + '\n');
    },
  };
}

function allureGenerate(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [ALLURE_CLI, 'generate', ...args], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.once('error', reject);
    child.once('exit', (code) => resolvePromise(code ?? 1));
  });
}

export async function buildAllureReport({
  resultsDirs,
  output,
  appendHistory = true,
}: AllureBuild): Promise<AllureBuilt> {
  const dirs = readInputs(resultsDirs);
  const history = historyMarker(dirs);
  const target = resolve(output ?? DEFAULT_OUTPUT);
  // Allure moves a lone plugin's report up into the output folder only when that folder was empty: into a
  // used one it writes <output>/awesome/ beside the old report, which `allure open` would keep showing.
  const inside = (path: string) => path === target || path.startsWith(target + sep);
  if (inside(process.cwd()) || resultsDirs.some((dir) => inside(resolve(dir)))) {
    throw new Error(`refusing to empty ${target}: it holds the project or the results`);
  }
  rmSync(target, { recursive: true, force: true });
  const code = await allureGenerate(['--config', CONFIG, '--output', target, ...dirs.map((dir) => dir.dir)], {
    ALLURE_REPORT_VARIABLES: JSON.stringify(await reportVariables(dirs, resultsDirs)),
    ALLURE_APPEND_HISTORY: appendHistory && !history.alreadyReported ? '1' : '0',
  });
  if (code !== 0) throw new Error(`allure generate failed (exit ${code})`);
  if (history.alreadyReported)
    console.log('report: these results were reported before; the trend is unchanged');
  else history.remember();

  const summary = JSON.parse(readFileSync(join(target, 'summary.json'), 'utf8')) as {
    stats?: { total?: number };
  };
  return {
    output: target,
    results: dirs.reduce((sum, dir) => sum + dir.results.length, 0),
    tests: summary.stats?.total ?? 0,
    reported: dirs,
  };
}
