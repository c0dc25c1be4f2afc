// The graph explorer in a real browser against a real server: search,
// expand/collapse, path highlighting, the evidence panel, filters, export.
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, startBrowser, screenshot, gql, outDir } from './harness.js';

let server;
let browser;
let page;

/** What the canvas shows: nodes and edges with their data and classes. */
function graph() {
  return page.evaluate(() => {
    const { cy, explorer } = window.pledgegraph;
    const el = (e) => ({ ...e.data(), classes: e.classes(), visible: !e.hasClass('hidden') });
    return { root: explorer.model.root, nodes: cy.nodes().map(el), edges: cy.edges().map(el) };
  });
}

/** Waits until nothing loads, no layout runs and no click is pending. */
const idle = () => page.waitForFunction(() => window.pledgegraph?.explorer.pending === 0, null, { timeout: 60_000 });

/** Clicks a node where it is drawn on the canvas. */
async function clickNode(id) {
  const at = await page.evaluate((nid) => {
    const { cy } = window.pledgegraph;
    const n = cy.getElementById(nid);
    cy.center(n);
    const p = n.renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  await page.mouse.click(at.x, at.y);
}

async function pickSuggestion(selector, text, name) {
  await page.fill(selector, text);
  const option = page.locator(`#${selector.slice(1)}-list li.suggestion`, { hasText: name }).first();
  await option.waitFor({ state: 'visible', timeout: 10_000 });
  await option.click();
}

async function openActor(name) {
  await page.goto(`${server.url}/?actor=${encodeURIComponent(name)}`);
  await page.waitForFunction(() => window.pledgegraph?.explorer.model.root);
  await idle();
}

describe('explorer', () => {
  before(async () => {
    server = await startServer('explorer');
    browser = await startBrowser();
    page = await browser.page();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(() => {
    assert.deepEqual(browser.offsite, [], 'requests left 127.0.0.1');
    assert.deepEqual(browser.errors, [], 'the page logged errors');
  });

  it('searches "Zelenskyy", opens his neighbourhood with his statements, expands and collapses', async () => {
    await page.goto(server.url);
    await page.waitForFunction(() => window.pledgegraph);
    await idle();
    await pickSuggestion('#search', 'Zelensk', 'Zelenskyy');
    await page.waitForFunction(() => window.pledgegraph.explorer.model.root);
    await idle();

    const api = await gql(server.url, `{ actor(name: "Zelenskyy") { id name statements(first: 100) { totalCount edges { node { id } } } } }`);
    const { id, name } = api.actor;
    // The server has neighborhood/path/search: the explorer uses them.
    assert.equal(await page.evaluate(() => window.pledgegraph.explorer.source.mode), 'server');
    assert.match(await page.locator('#status').textContent(), /neighbourhoods from the server/);
    assert.ok(api.actor.statements.totalCount > 0, 'the API has statements by Zelenskyy');
    let g = await graph();
    assert.equal(g.root, id);
    const saidEdges = g.edges.filter((e) => e.source === id && e.predicate === 'said' && e.visible);
    const apiIDs = new Set(api.actor.statements.edges.map((e) => e.node.id));
    assert.equal(saidEdges.length, Math.min(25, api.actor.statements.totalCount), 'one said edge per statement (first page of 25)');
    for (const e of saidEdges) assert.ok(apiIDs.has(e.target), `${e.target} is a statement of his`);
    const stmtNodes = g.nodes.filter((n) => n.type === 'statement' && n.visible);
    assert.ok(stmtNodes.length >= saidEdges.length);

    // The side panel lists his statements.
    await page.locator('#panel article.details[data-type="actor"] h2', { hasText: name }).waitFor();
    const listed = await page.locator('#panel ol.items li.item').count();
    assert.ok(listed >= Math.min(api.actor.statements.totalCount, 100) , `panel lists ${listed} items`);
    await screenshot(page, 'explorer-1-zelenskyy');

    // Expand one of his statements: its links (document, mentions) appear.
    const stmt = saidEdges[0].target;
    await clickNode(stmt);
    await page.waitForFunction((s) => window.pledgegraph.explorer.model.isExpanded(s), stmt);
    await idle();
    g = await graph();
    assert.ok(g.nodes.find((n) => n.id === stmt).classes.includes('expanded'));
    assert.ok(g.edges.some((e) => e.source === stmt && e.predicate === 'inDocument'), 'expanded statement shows its document');
    await page.locator('#panel article.details[data-type="statement"]').waitFor();
    await screenshot(page, 'explorer-2-expanded');

    // Expanding an actor that was a leaf brings its own neighbourhood; collapsing takes it away again.
    const leaf = g.nodes.find((n) => n.type === 'actor' && n.id !== id && n.visible);
    if (leaf) {
      const before = (await graph()).nodes.length;
      await clickNode(leaf.id);
      await page.waitForFunction((a) => window.pledgegraph.explorer.model.isExpanded(a), leaf.id);
      await idle();
      const grown = (await graph()).nodes.length;
      await page.waitForTimeout(400); // not a double click
      await clickNode(leaf.id);
      await page.waitForFunction((a) => !window.pledgegraph.explorer.model.isExpanded(a), leaf.id);
      await idle();
      const shrunk = (await graph()).nodes.length;
      assert.ok(grown >= before, `expanding ${leaf.label} keeps or adds nodes (${before} → ${grown})`);
      assert.equal(shrunk, before, `collapsing ${leaf.label} removes what it added`);
    }
  });

  it('highlights the path from "Merz" to "Ukraine"', async () => {
    await page.goto(server.url);
    await page.waitForFunction(() => window.pledgegraph);
    await idle();
    await pickSuggestion('#path-from', 'Merz', 'Merz');
    await pickSuggestion('#path-to', 'Ukraine', 'Ukraine');
    await page.click('#path-go');
    await page.waitForFunction(() => window.pledgegraph.explorer.path !== null || !document.getElementById('notice').hidden);
    await idle();
    const notice = await page.locator('#notice').isVisible() ? await page.locator('#notice').textContent() : '';
    const path = await page.evaluate(() => window.pledgegraph.explorer.path && { nodes: window.pledgegraph.explorer.path.nodes, edges: window.pledgegraph.explorer.path.edges });
    assert.ok(path, `a path was found (${notice})`);
    // The ends are the actors picked from the suggestions.
    const ends = await page.evaluate(() => [document.getElementById('path-from').dataset.id, document.getElementById('path-to').dataset.id]);
    const api = await gql(server.url, 'query($a: ID!, $b: ID!) { a: node(id: $a) { ... on Actor { name } } b: node(id: $b) { ... on Actor { name } } }', { a: ends[0], b: ends[1] });
    assert.match(api.a.name, /Merz/);
    assert.equal(api.b.name, 'Ukraine');
    assert.equal(path.nodes[0], ends[0]);
    assert.equal(path.nodes.at(-1), ends[1]);
    assert.equal(path.edges.length, path.nodes.length - 1);
    assert.equal(await page.evaluate(() => window.pledgegraph.explorer.path.via), 'server', 'the server found the path');
    const g = await graph();
    const byID = new Map([...g.nodes, ...g.edges].map((x) => [x.id, x]));
    for (const id of [...path.nodes, ...path.edges]) {
      assert.ok(byID.get(id)?.classes.includes('path'), `${id} is highlighted`);
      assert.ok(byID.get(id).visible, `${id} is visible`);
    }
    // Consecutive path nodes are joined by the path edges, in order.
    path.edges.forEach((eid, i) => {
      const e = byID.get(eid);
      assert.deepEqual(new Set([e.source, e.target]), new Set([path.nodes[i], path.nodes[i + 1]]), `edge ${i} joins steps ${i} and ${i + 1}`);
    });
    const others = [...g.nodes, ...g.edges].filter((x) => !x.classes.includes('path'));
    assert.ok(others.every((x) => x.classes.includes('faded')), 'everything else is faded');
    await page.locator('#panel [data-type="path"] h2', { hasText: 'Ukraine' }).waitFor();
    await screenshot(page, 'explorer-3-path-merz-ukraine');
  });

  it('shows the source sentence of a statement in the side panel', async () => {
    await openActor('Merz');
    const api = await gql(server.url, `{ actors(search: "Merz", first: 1) { edges { node { statements(first: 1) { edges { node {
      id text start end evidence { text sentenceText } document { text } } } } } } } }`);
    const s = api.actors.edges[0]?.node.statements.edges[0]?.node;
    assert.ok(s, 'the API has a statement by Merz');
    await clickNode(s.id);
    await page.locator(`#panel article.details[data-type="statement"][data-id="${s.id}"]`).waitFor();
    await idle();
    const evidence = await page.locator('#panel .doctext mark.evidence').allTextContents();
    assert.equal(evidence.join(''), s.evidence.text, 'the marked evidence is the byte range start..end of the text');
    const sentence = await page.locator('#panel .doctext mark.sentence').allTextContents();
    assert.equal(sentence.join(''), s.evidence.sentenceText, 'the whole source sentence is highlighted');
    assert.equal(await page.locator('#panel blockquote.sentence').textContent(), s.evidence.sentenceText);
    const docText = await page.locator('#panel .doctext').textContent();
    assert.equal(docText, s.document.text, 'the panel shows the full document text');
    await screenshot(page, 'explorer-4-source-sentence');
  });

  it('filters hide edges, statements and refusals, and reset shows them again', async () => {
    await openActor('Zelenskyy');
    const visible = async (pred) => (await graph()).edges.filter((e) => e.visible && pred(e)).length;
    const said = await visible((e) => e.predicate === 'said');
    assert.ok(said > 0);
    const all = await visible(() => true);

    await page.locator('#f-predicates input[value="said"]').uncheck();
    assert.equal(await visible((e) => e.predicate === 'said'), 0, 'no said edge shown');
    assert.ok(await visible(() => true) < all);
    const status = await page.locator('#status').textContent();
    assert.match(status, /hidden by filters/);
    await screenshot(page, 'explorer-5-filter-said-off');

    await page.click('#f-reset');
    assert.equal(await visible(() => true), all, 'reset shows every edge again');

    // Statement kind: hiding quoted statements hides every direct statement node.
    await page.locator('#f-kinds input[value="direct"]').uncheck();
    const g = await graph();
    assert.ok(g.nodes.filter((n) => n.type === 'statement' && n.kind === 'direct').every((n) => !n.visible));
    await page.click('#f-reset');

    // One document: every statement and commitment still shown was read in it.
    const docID = await page.locator('#f-document option').nth(1).getAttribute('value');
    await page.selectOption('#f-document', docID);
    const inDoc = await graph();
    const shown = inDoc.nodes.filter((n) => n.visible && (n.type === 'statement' || n.type === 'commitment'));
    assert.ok(shown.length > 0);
    for (const n of shown) assert.equal(n.document, docID);
    assert.ok(inDoc.nodes.filter((n) => n.type === 'document' && n.visible).every((n) => n.id === docID));
    await page.click('#f-reset');

    // A date range before every document, undated ones excluded, hides every statement and commitment.
    await page.fill('#f-to', '1900-01-01');
    await page.locator('#f-undated').uncheck();
    const none = await graph();
    assert.equal(none.nodes.filter((n) => n.visible && (n.type === 'statement' || n.type === 'commitment')).length, 0,
      'a date range before every document hides every statement and commitment');
    await page.click('#f-reset');
  });

  it('draws refusals unlike pledges', async () => {
    const api = await gql(server.url, '{ commitments(polarity: NEGATIVE, first: 1) { edges { node { id actor { name } } } } }');
    const refusal = api.commitments.edges[0]?.node;
    assert.ok(refusal, 'the data has a refusal');
    await openActor(refusal.actor.name);
    const style = await page.evaluate((rid) => {
      const { cy } = window.pledgegraph;
      const n = cy.getElementById(rid);
      const pledge = cy.nodes('[type="commitment"][kind="positive"]').first();
      const edge = n.incomers('edge[predicate="pledged"]').first();
      return {
        present: n.nonempty(),
        refusal: { color: n.style('background-color'), shape: n.style('shape'), label: n.data('label') },
        pledge: pledge.nonempty() ? { color: pledge.style('background-color'), shape: pledge.style('shape') } : null,
        edge: edge.nonempty() ? { color: edge.style('line-color'), style: edge.style('line-style'), label: edge.data('label') } : null,
      };
    }, refusal.id);
    assert.ok(style.present, 'the refusal is in its actor’s neighbourhood');
    assert.match(style.refusal.label, /^✗/);
    assert.equal(style.refusal.shape, 'vee');
    assert.equal(style.refusal.color, 'rgb(220,38,38)');
    if (style.pledge) assert.notEqual(style.pledge.color, style.refusal.color);
    assert.ok(style.edge, 'the refusal hangs off a pledged edge');
    assert.equal(style.edge.style, 'dashed');
    assert.match(style.edge.label, /✗/);
    await screenshot(page, 'explorer-6-refusal');
  });

  it('double-click recentres on an actor, switches layout and exports a PNG', async () => {
    await openActor('Zelenskyy');
    const g = await graph();
    const other = g.nodes.find((n) => n.type === 'actor' && n.id !== g.root && n.visible);
    assert.ok(other, 'another actor is shown');
    const at = await page.evaluate((nid) => {
      const { cy } = window.pledgegraph;
      const n = cy.getElementById(nid);
      cy.center(n);
      const p = n.renderedPosition();
      const box = cy.container().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, other.id);
    await page.mouse.dblclick(at.x, at.y);
    await page.waitForFunction((id) => window.pledgegraph.explorer.model.root === id, other.id);
    await idle();
    assert.equal(new URL(page.url()).searchParams.get('actor'), other.name);

    await page.selectOption('#layout', 'breadthfirst');
    await idle();
    await screenshot(page, 'explorer-7-hierarchy');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const file = `${outDir}/export.png`;
    await download.saveAs(file);
    const png = readFileSync(file);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
    assert.ok(png.length > 5000, `${png.length} bytes`);
    assert.match(download.suggestedFilename(), /^pledgegraph-.*\.png$/);
  });

  it('says so when an actor is unknown', async () => {
    await page.goto(server.url);
    await page.waitForFunction(() => window.pledgegraph);
    await idle();
    await page.fill('#search', 'Nobody Atall');
    await page.press('#search', 'Enter');
    await page.locator('#notice', { hasText: 'No actor is named “Nobody Atall”' }).waitFor();
  });

  it('suggests actors for a misspelt name through the server search', async () => {
    await page.goto(server.url);
    await page.waitForFunction(() => window.pledgegraph);
    await idle();
    const api = await gql(server.url, '{ actor(name: "Macron") { id name } }');
    await pickSuggestion('#search', 'Macorn', api.actor.name);
    await page.waitForFunction((id) => window.pledgegraph.explorer.model.root === id, api.actor.id);
    await idle();
  });
});
