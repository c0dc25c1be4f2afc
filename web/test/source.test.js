// The data layer against the project's real schema, executed by graphql-js
// over the fixture graph (fixture/graph.mjs): what the explorer would load
// from the server, without the server. "server" mode runs against the full
// schema, whose neighborhood/path/search the fixture resolves; "client" mode
// against the same schema without those queries (an older server), where
// the explorer assembles neighbourhoods and finds paths itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixtureGraph, defaultSchemaPath, schemaWithout } from '../fixture/graph.mjs';
import { GraphSource } from '../src/explorer/source.js';
import { APIError } from '../src/explorer/client.js';
import { PREDICATES } from '../src/explorer/filters.js';

const fullSchema = readFileSync(defaultSchemaPath, 'utf8');
const olderSchema = schemaWithout(fullSchema, ['neighborhood', 'path', 'search', 'timeline']);
const MODES = { server: fullSchema, client: olderSchema };

function source(opts, schemaText = fullSchema, { fail } = {}) {
  const g = fixtureGraph({ schemaText });
  const calls = [];
  const request = async (query, variables) => {
    calls.push({ query, variables });
    if (fail?.test(query)) throw new APIError('the search index is unavailable', { code: 'INTERNAL' });
    const res = await g.execute(query, variables);
    if (res.errors?.length) {
      const [e] = res.errors;
      if (!res.data || Object.values(res.data).every((v) => v === null)) throw new APIError(e.message, { code: e.extensions?.code });
    }
    return res.data;
  };
  return { src: new GraphSource(request, opts), calls, g };
}

/** Runs a test in both modes. */
function both(name, fn) {
  for (const [mode, schemaText] of Object.entries(MODES)) test(`${name} (${mode})`, () => fn(mode, schemaText));
}

test('init reads the capabilities of the schema', async () => {
  const { src } = source();
  const caps = await src.init();
  assert.equal(src.mode, 'server');
  assert.ok(caps.nodes && caps.mentionedIn && caps.evidence && caps.neighborhood && caps.path && caps.search);
  const older = source(undefined, olderSchema).src;
  const oc = await older.init();
  assert.equal(older.mode, 'client');
  assert.ok(oc.nodes && !oc.neighborhood && !oc.path && !oc.search);
});

both('an actor neighbourhood: statements, commitments and their links', async (mode, schemaText) => {
  const { src, g, calls } = source(undefined, schemaText);
  await src.init();
  const { data } = await g.execute('{ actor(name: "Zelenskyy") { id statements(first: 100) { totalCount } country { id } } }');
  const id = data.actor.id;
  const before = calls.length;
  const sub = (await src.expand([id])).get(id);
  assert.equal(calls.slice(before).some((c) => /neighborhood\(/.test(c.query)), mode === 'server', 'the server neighbourhood is used exactly in server mode');
  const said = sub.edges.filter((e) => e.source === id && e.predicate === 'said');
  // Client mode loads the first page (25) of each relation; the server's
  // neighbourhood holds every statement within its node limit (200).
  assert.equal(said.length, mode === 'client' ? Math.min(25, data.actor.statements.totalCount) : data.actor.statements.totalCount);
  const types = new Set(sub.nodes.map((n) => n.type));
  for (const t of ['actor', 'statement', 'document']) assert.ok(types.has(t), t);
  assert.ok(sub.edges.some((e) => e.predicate === 'represents' && e.target === data.actor.country.id));
  for (const e of sub.edges) {
    assert.ok(PREDICATES.includes(e.predicate), e.predicate);
    assert.ok(sub.nodes.some((n) => n.id === e.source) && sub.nodes.some((n) => n.id === e.target), `${e.id} has both ends`);
  }
  const actor = sub.nodes.find((n) => n.id === id);
  assert.deepEqual([actor.type, actor.kind, actor.name], ['actor', 'person', 'Volodymyr Zelenskyy']);
  for (const n of sub.nodes.filter((x) => x.type === 'statement')) {
    assert.ok(['direct', 'indirect'].includes(n.kind));
    assert.ok(n.document?.startsWith('doc:'), 'statements know their document (for filters)');
    assert.ok('date' in n);
    assert.equal(typeof n.text, 'string', 'and their full text');
  }
});

test('expansions are batched and cached (client)', async () => {
  const { src, calls, g } = source(undefined, olderSchema);
  await src.init();
  const { data } = await g.execute('{ actors(first: 5) { edges { node { id } } } }');
  const ids = data.actors.edges.map((e) => e.node.id);
  const before = calls.length;
  const subs = await src.expand(ids);
  assert.equal(subs.size, ids.length);
  assert.equal(calls.length - before, 1, 'one request for five nodes');
  await src.expand(ids.slice(0, 2));
  assert.equal(calls.length - before, 1, 'cached');
  src.setPageSize(10);
  await src.expand(ids.slice(0, 1));
  assert.equal(calls.length - before, 2, 'a new page size refetches');
});

test('server neighbourhoods are cached and sized by the page size (server)', async () => {
  const { src, calls, g } = source();
  await src.init();
  const { data } = await g.execute('{ actors(first: 3) { edges { node { id } } } }');
  const ids = data.actors.edges.map((e) => e.node.id);
  const before = calls.length;
  await src.expand(ids);
  const asked = calls.slice(before).filter((c) => /neighborhood\(/.test(c.query));
  assert.deepEqual(asked.map((c) => c.variables.of), ids, 'one neighborhood per node');
  assert.ok(asked.every((c) => c.variables.depth === 1 && c.variables.limit === 200));
  const n = calls.length;
  await src.expand(ids.slice(0, 2));
  assert.equal(calls.length, n, 'cached');
  src.setPageSize(100);
  await src.expand(ids.slice(0, 1));
  assert.equal(calls.at(-1).variables.limit, 800, 'a bigger page size asks for more nodes');
});

both('statement, commitment and document neighbourhoods', async (mode, schemaText) => {
  const { src, g } = source(undefined, schemaText);
  await src.init();
  const { data } = await g.execute(`{ commitments(polarity: NEGATIVE, first: 1) { edges { node { id actor { id } document { id } statement { id } } } } }`);
  const c = data.commitments.edges[0].node;
  const subs = await src.expand([c.id, c.document.id]);
  const cs = subs.get(c.id);
  assert.ok(cs.edges.some((e) => e.predicate === 'pledged' && e.source === c.actor.id && e.target === c.id));
  assert.ok(cs.edges.some((e) => e.predicate === 'inDocument' && e.source === c.id && e.target === c.document.id));
  if (c.statement) assert.ok(cs.edges.some((e) => e.predicate === 'statedIn' && e.target === c.statement.id));
  assert.equal(cs.nodes.find((n) => n.id === c.id).kind, 'negative');
  assert.match(cs.nodes.find((n) => n.id === c.id).label, /^✗/);
  const ds = subs.get(c.document.id);
  assert.ok(ds.edges.some((e) => e.predicate === 'inDocument' && e.target === c.document.id));
  assert.ok(ds.edges.some((e) => e.predicate === 'mentions' && e.source === c.document.id));
});

both('path between two actors over the API', async (mode, schemaText) => {
  const { src, g } = source(undefined, schemaText);
  await src.init();
  const { data } = await g.execute('{ a: actor(name: "Merz") { id } b: actor(name: "Ukraine") { id } }');
  const p = await src.path(data.a.id, data.b.id, { predicates: PREDICATES });
  assert.ok(p.nodes, `a path (${p.reason})`);
  assert.equal(p.via, mode);
  assert.ok(p.nodes.every((n) => n.type && n.label), 'path nodes are drawable');
  assert.equal(p.nodes[0].id, data.a.id);
  assert.equal(p.nodes.at(-1).id, data.b.id);
  assert.equal(p.edges.length, p.nodes.length - 1);
  p.edges.forEach((e, i) => assert.deepEqual(new Set([e.source, e.target]), new Set([p.nodes[i].id, p.nodes[i + 1].id])));
  // Only the allowed predicates are walked.
  const only = await src.path(data.a.id, data.b.id, { predicates: ['represents'] });
  assert.equal(only.nodes, null);
});

both('details for each node type', async (mode, schemaText) => {
  const { src, g } = source(undefined, schemaText);
  await src.init();
  const { data } = await g.execute('{ statements(first: 1) { edges { node { id document { id } commitments { id } } } } commitments(first: 1) { edges { node { id } } } actor(name: "Macron") { id } }');
  const s = data.statements.edges[0].node;
  for (const [type, id] of [['actor', data.actor.id], ['statement', s.id], ['document', s.document.id], ['commitment', data.commitments.edges[0].node.id]]) {
    const d = await src.details(type, id);
    assert.equal(d.node.id, id, type);
    assert.ok(d.query.includes('node(id: $id)'));
  }
  const st = await src.details('statement', s.id);
  assert.equal(typeof st.node.document.text, 'string');
  assert.equal(typeof st.node.evidence.sentenceText, 'string');
});

both('suggestions and names', async (mode, schemaText) => {
  const { src, calls } = source(undefined, schemaText);
  await src.init();
  const s = await src.suggest('zelen');
  assert.ok(s.items.some((a) => a.name === 'Volodymyr Zelenskyy'));
  assert.equal(s.via, mode === 'server' ? 'search' : 'actors');
  for (const a of s.items) assert.ok(a.id.startsWith('actor:') && a.name && a.kind, 'suggestions are actors');
  // A misspelt name is found by the server's search only.
  const typo = await src.suggest('Macorn');
  if (mode === 'server') assert.equal(typo.items[0]?.name, 'Emmanuel Macron');
  else assert.deepEqual(typo.items, []);
  // A substring inside a name, which a prefix search does not find, still is.
  const inside = await src.suggest('elensk');
  assert.ok(inside.items.some((a) => a.name === 'Volodymyr Zelenskyy'), `found via ${inside.via}`);
  assert.equal(calls.some((c) => /search\(text:/.test(c.query)), mode === 'server');
  assert.equal((await src.actorByName('Kyiv')).name, 'Ukraine');
  assert.equal(await src.actorByName('Nobody At All'), null);
});

test('suggestions fall back to actors(search:) when search fails', async () => {
  const { src, calls } = source(undefined, fullSchema, { fail: /search\(text:/ });
  await src.init();
  const s = await src.suggest('Merz');
  assert.equal(s.via, 'actors');
  assert.ok(s.items.some((a) => a.name === 'Friedrich Merz'));
  assert.ok(calls.some((c) => /search\(text:/.test(c.query)), 'search was tried first');
});

test('a server neighbourhood without entities (deleted nodes) still converts', async () => {
  const g = fixtureGraph();
  const doc = (await g.execute('{ documents(first: 2) { edges { node { id publishedAt } } } }')).data.documents.edges[1].node;
  const calls = [];
  const request = async (query, variables) => {
    calls.push(query);
    if (/neighborhood\(/.test(query)) {
      assert.equal(variables.of, 'actor:person:x');
      return { neighborhood: {
        nodes: [
          { id: 'actor:person:x', label: 'X', type: 'ACTOR', kind: 'PERSON', entity: null },
          { id: 'stmt:1', label: 'we will', type: 'STATEMENT', kind: 'DIRECT', entity: null },
          { id: 'cmt:1', label: 'send troops', type: 'COMMITMENT', kind: 'NEGATIVE', entity: null },
          { id: doc.id, label: 'A document', type: 'DOCUMENT', kind: null, entity: null },
        ],
        edges: [
          { source: 'actor:person:x', target: 'stmt:1', predicate: 'said', documents: [{ id: doc.id, title: 'A document' }] },
          { source: 'stmt:1', target: doc.id, predicate: 'inDocument', documents: [{ id: doc.id, title: 'A document' }] },
          { source: 'actor:person:x', target: 'cmt:1', predicate: 'pledged', documents: [{ id: doc.id, title: 'A document' }] },
        ],
        truncated: true,
      } };
    }
    const res = await g.execute(query, variables);
    return res.data;
  };
  const src = new GraphSource(request);
  await src.init();
  assert.equal(src.mode, 'server');
  const sub = (await src.expand(['actor:person:x'])).get('actor:person:x');
  assert.deepEqual(sub.nodes.map((n) => [n.type, n.kind]), [['actor', 'person'], ['statement', 'direct'], ['commitment', 'negative'], ['document', null]]);
  assert.equal(sub.nodes[0].name, 'X');
  assert.equal(sub.nodes[2].label, '✗ send troops', 'a refusal is marked');
  assert.equal(sub.nodes[2].document, doc.id, 'a commitment learns its document from its edges');
  assert.equal(calls.filter((q) => /PgDocumentDates/.test(q)).length, 1, 'dates fetched once for the unknown document');
  const stmt = sub.nodes.find((n) => n.id === 'stmt:1');
  assert.equal(stmt.document, doc.id, 'the statement learns its document from inDocument');
  assert.equal(stmt.date, doc.publishedAt, 'and its date from the document');
  assert.equal(sub.truncated.length, 1);
});
