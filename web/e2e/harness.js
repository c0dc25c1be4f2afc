// Shared set-up for the browser tests: build and start a pledgegraph server
// on a free 127.0.0.1 port (memory store, the repository's data/), start
// Debian's Chromium through playwright-core with a fresh profile, record every
// request and fail on any that leaves 127.0.0.1, and save screenshots under
// web/test-output/.
//
// PLEDGEGRAPH_E2E_SERVER=fixture runs the tests against fixture/server.mjs
// instead (UI development without the Go server); the default, and what
// `make test` runs, is the real server.
import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, createWriteStream, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const webDir = fileURLToPath(new URL('..', import.meta.url));
export const repoDir = dirname(webDir.replace(/\/$/, ''));
export const outDir = join(webDir, 'test-output');
mkdirSync(outDir, { recursive: true });

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const run = promisify(execFile);

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url, child, logPath, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}; see ${logPath}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err.message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not healthy at ${url} after ${timeoutMs} ms (${last}); see ${logPath}`);
}

/**
 * Builds (go build, incremental) and starts the server.
 * @param {string} [name] names the log file, test-output/server-<name>.log
 * @param {{data?: string}} [opts] data: the articles directory the server
 *   loads (default the repository's data/); the fixture server has its own
 *   fixed data and refuses this option
 * @returns {Promise<{url: string, stop: () => Promise<void>, kind: string}>}
 */
export async function startServer(name = 'e2e', { data = join(repoDir, 'data') } = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logPath = join(outDir, `server-${name}.log`);
  const log = createWriteStream(logPath);
  let child;
  let kind;
  let binDir = null;
  if (process.env.PLEDGEGRAPH_E2E_SERVER === 'fixture') {
    kind = 'fixture';
    if (data !== join(repoDir, 'data')) throw new Error('the fixture server cannot load another data directory');
    child = spawn(process.execPath, [join(webDir, 'fixture/server.mjs'), '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  } else {
    kind = 'pledgegraph';
    binDir = mkdtempSync(join(tmpdir(), 'pledgegraph-e2e-'));
    const bin = join(binDir, 'server');
    try {
      await run('go', ['build', '-o', bin, './server'], { cwd: repoDir, maxBuffer: 1 << 24 });
    } catch (err) {
      throw new Error(`go build ./server failed:\n${err.stderr || err.message}`);
    }
    child = spawn(bin, ['--addr', `127.0.0.1:${port}`, '--store', 'memory', '--data', data],
      { cwd: repoDir, stdio: ['ignore', 'pipe', 'pipe'] });
  }
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const health = `${url}/healthz`;
  try {
    await waitHealthy(health, child, logPath);
  } catch (err) {
    child.kill('SIGKILL');
    if (binDir) rmSync(binDir, { recursive: true, force: true });
    throw err;
  }
  return {
    url,
    kind,
    stop: () => new Promise((resolve) => {
      const done = () => {
        if (binDir) rmSync(binDir, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null) { done(); return; }
      child.once('exit', done);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }),
  };
}

/**
 * Starts Chromium with a fresh profile. Every request is recorded; any to a
 * host other than 127.0.0.1 is aborted and listed in `offsite`. Console
 * errors and uncaught page errors are listed in `errors`.
 */
export async function startBrowser() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const profile = mkdtempSync(join(tmpdir(), 'pledgegraph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1600, height: 950 },
    acceptDownloads: true,
    serviceWorkers: 'block',
  });
  const requests = [];
  const offsite = [];
  const errors = [];
  const onsite = (u) => {
    const url = new URL(u);
    return url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1';
  };
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (onsite(u)) return route.continue();
    offsite.push(u);
    return route.abort('blockedbyclient');
  });
  context.on('request', (r) => {
    requests.push(r.url());
    if (!onsite(r.url())) offsite.push(r.url());
  });
  const watch = (page) => {
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
    page.on('worker', (w) => w.on('console', (m) => { if (m.type() === 'error') errors.push(`worker: ${m.text()}`); }));
  };
  context.on('page', watch);
  for (const p of context.pages()) watch(p);
  return {
    context,
    requests,
    offsite,
    errors,
    async page() {
      const page = context.pages()[0] ?? await context.newPage();
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-window screenshot as test-output/<name>.png. */
export async function screenshot(page, name) {
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Posts a GraphQL query to the server (for comparing the UI with the API). */
export async function gql(url, query, variables = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data;
}
