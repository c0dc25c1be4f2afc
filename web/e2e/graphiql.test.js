// GraphiQL at /graphiql, offline: every request stays on 127.0.0.1 (editor
// workers, fonts and styles are bundled), the schema documentation loads, and
// a query runs and shows its result.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startBrowser, screenshot, gql } from './harness.js';

let server;
let browser;

const QUERY = `{
  actor(name: "Zelenskyy") {
    name
    statements(first: 3) { totalCount }
  }
}`;

describe('graphiql', () => {
  before(async () => {
    server = await startServer('graphiql');
    browser = await startBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads offline, shows the schema docs and runs a query', async () => {
    const page = await browser.page();
    const res = await page.goto(`${server.url}/graphiql?query=${encodeURIComponent(QUERY)}`);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-security-policy'] ?? '', /default-src 'self'/);
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor({ timeout: 30_000 });

    // Run it with the toolbar button, as a user would.
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response .view-lines');
    // Monaco draws spaces as no-break spaces.
    await page.waitForFunction(() => /Volodymyr Zelenskyy/.test((document.querySelector('.graphiql-response .view-lines')?.textContent ?? '').replace(/\u00a0/g, ' ')), null, { timeout: 30_000 });
    const shown = (await response.textContent()).replace(/\u00a0/g, ' ');
    const api = await gql(server.url, QUERY);
    assert.match(shown, /"name": "Volodymyr Zelenskyy"/);
    assert.match(shown, new RegExp(`"totalCount": ${api.actor.statements.totalCount}`));
    await screenshot(page, 'graphiql-1-result');

    // The documentation explorer reads the schema (by introspection).
    await page.locator('button[aria-label="Show Documentation Explorer"]').click();
    await page.locator('.graphiql-doc-explorer', { hasText: 'Query' }).first().waitFor();
    await page.locator('.graphiql-doc-explorer a', { hasText: 'Query' }).first().click();
    await page.locator('.graphiql-doc-explorer', { hasText: 'commitments' }).first().waitFor();
    await screenshot(page, 'graphiql-2-docs');

    // Editor workers and the code font were bundled and fetched from the server itself.
    assert.ok(browser.requests.some((u) => /\/assets\/graphql\.worker-[\w-]+\.js$/.test(u)), 'the GraphQL language worker came from the server');
    assert.ok(browser.requests.some((u) => /\/assets\/editor\.worker-[\w-]+\.js$/.test(u)), 'the editor worker came from the server');
    assert.deepEqual(browser.offsite, [], 'no request left 127.0.0.1');
    assert.deepEqual(browser.errors, [], 'no errors were logged');
  });
});
