// The data layer against the project's real schema, executed by graphql-js
// over the fixture graph (fixture/graph.mjs): what the explorer would load
// from the server, without the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixtureGraph, defaultSchemaPath } from '../fixture/graph.mjs';
import { GraphSource } from '../src/explorer/source.js';
import { APIError } from '../src/explorer/client.js';
import { PREDICATES } from '../src/explorer/filters.js';

function source(opts, schemaText) {
  const g = fixtureGraph(schemaText ? { schemaText } : {});
  const calls = [];
  const request = async (query, variables) => {
    calls.push({ query, variables });
    const res = await g.execute(query, variables);
    if (res.errors?.length) {
      const [e] = res.errors;
      if (!res.data || Object.values(res.data).every((v) => v === null)) throw new APIError(e.message, { code: e.extensions?.code });
    }
    return res.data;
  };
  return { src: new GraphSource(request, opts), calls, g };
}

test('init reads the capabilities of the schema', async () => {
  const { src } = source();
  const caps = await src.init();
  assert.equal(src.mode, 'client');
  assert.ok(caps.nodes && caps.mentionedIn && caps.evidence);
});

test('an actor neighbourhood: statements, commitments and their links', async () => {
  const { src, g } = source();
  await src.init();
  const { data } = await g.execute('{ actor(name: "Zelenskyy") { id statements(first: 100) { totalCount } country { id } } }');
  const id = data.actor.id;
  const sub = (await src.expand([id])).get(id);
  const said = sub.edges.filter((e) => e.source === id && e.predicate === 'said');
  assert.equal(said.length, Math.min(25, data.actor.statements.totalCount));
  const types = new Set(sub.nodes.map((n) => n.type));
  for (const t of ['actor', 'statement', 'document']) assert.ok(types.has(t), t);
  assert.ok(sub.edges.some((e) => e.predicate === 'represents' && e.target === data.actor.country.id));
  for (const e of sub.edges) {
    assert.ok(PREDICATES.includes(e.predicate), e.predicate);
    assert.ok(sub.nodes.some((n) => n.id === e.source) && sub.nodes.some((n) => n.id === e.target), `${e.id} has both ends`);
  }
  for (const n of sub.nodes.filter((x) => x.type === 'statement')) {
    assert.ok(['direct', 'indirect'].includes(n.kind));
    assert.ok(n.document?.startsWith('doc:'), 'statements know their document (for filters)');
    assert.ok('date' in n);
  }
});

test('expansions are batched and cached', async () => {
  const { src, calls, g } = source();
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

test('statement, commitment and document neighbourhoods', async () => {
  const { src, g } = source();
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

test('path between two actors over the API', async () => {
  const { src, g } = source();
  await src.init();
  const { data } = await g.execute('{ a: actor(name: "Merz") { id } b: actor(name: "Ukraine") { id } }');
  const p = await src.path(data.a.id, data.b.id, { predicates: PREDICATES });
  assert.ok(p.nodes, `a path (${p.reason})`);
  assert.equal(p.via, 'client');
  assert.equal(p.nodes[0].id, data.a.id);
  assert.equal(p.nodes.at(-1).id, data.b.id);
  assert.equal(p.edges.length, p.nodes.length - 1);
  p.edges.forEach((e, i) => assert.deepEqual(new Set([e.source, e.target]), new Set([p.nodes[i].id, p.nodes[i + 1].id])));
  // Only the allowed predicates are walked.
  const only = await src.path(data.a.id, data.b.id, { predicates: ['represents'] });
  assert.equal(only.nodes, null);
});

test('details for each node type', async () => {
  const { src, g } = source();
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

test('suggestions and names', async () => {
  const { src } = source();
  await src.init();
  const s = await src.suggest('zelen');
  assert.ok(s.items.some((a) => a.name === 'Volodymyr Zelenskyy'));
  assert.equal((await src.actorByName('Kyiv')).name, 'Ukraine');
  assert.equal(await src.actorByName('Nobody At All'), null);
});

test('uses the server neighbourhood when the schema has it', async () => {
  const extra = `
    type GraphNode { id: ID! label: String! type: String! kind: String }
    type EdgeDocument { id: ID! title: String! }
    type GraphEdge { source: ID! target: ID! predicate: String! documents: [EdgeDocument!]! }
    type Subgraph { nodes: [GraphNode!]! edges: [GraphEdge!]! truncated: Boolean! }
    extend type Query { neighborhood(of: ID!, depth: Int, predicates: [String!], limit: Int): Subgraph! }`;
  const schemaText = readFileSync(defaultSchemaPath, 'utf8') + extra;
  const g = fixtureGraph({ schemaText });
  const doc = (await g.execute('{ documents(first: 2) { edges { node { id publishedAt } } } }')).data.documents.edges[1].node;
  const calls = [];
  const request = async (query, variables) => {
    calls.push(query);
    if (/neighborhood\(/.test(query)) {
      assert.equal(variables.of, 'actor:person:x');
      return { neighborhood: {
        nodes: [
          { id: 'actor:person:x', label: 'X', type: 'Actor', kind: 'PERSON' },
          { id: 'stmt:1', label: 'we will', type: 'Statement', kind: 'DIRECT' },
          { id: doc.id, label: 'A document', type: 'Document', kind: null },
        ],
        edges: [
          { source: 'actor:person:x', target: 'stmt:1', predicate: 'said', documents: [{ id: doc.id, title: 'A document' }] },
          { source: 'stmt:1', target: doc.id, predicate: 'inDocument', documents: [{ id: doc.id, title: 'A document' }] },
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
  assert.deepEqual(sub.nodes.map((n) => [n.type, n.kind]), [['actor', 'person'], ['statement', 'direct'], ['document', null]]);
  const stmt = sub.nodes.find((n) => n.id === 'stmt:1');
  assert.equal(stmt.document, doc.id, 'the statement learns its document from inDocument');
  assert.equal(stmt.date, doc.publishedAt, 'and its date from the document');
  assert.equal(sub.truncated.length, 1);
});
