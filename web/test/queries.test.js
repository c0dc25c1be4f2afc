// Every query the explorer sends must validate against the project's schema
// (../schema.graphqls), so that a schema change that breaks the UI fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate, graphqlSync, getIntrospectionQuery } from 'graphql';
import * as Q from '../src/explorer/queries.js';
import { schemaWithout } from '../fixture/graph.mjs';

const schemaText = readFileSync(new URL('../../schema.graphqls', import.meta.url), 'utf8');
const schema = buildSchema(schemaText);

function valid(name, query, s = schema) {
  const errors = validate(s, parse(query));
  assert.deepEqual(errors.map((e) => e.message), [], `${name} does not validate`);
}

test('capabilities read from the real schema', () => {
  const res = graphqlSync({ schema, source: Q.CAPABILITIES });
  assert.deepEqual(res.errors ?? [], []);
  const caps = Q.capabilities(res.data);
  for (const k of ['nodes', 'mentionedIn', 'targetedBy', 'representatives', 'evidence', 'subgraphTruncated', 'graphNodeEntity']) assert.equal(caps[k], true, k);
  // The server-side graph queries, with their argument types as declared.
  assert.deepEqual(caps.neighborhood, { of: 'String!', depth: 'Int', predicates: '[String!]', limit: 'Int' });
  assert.deepEqual(caps.path, { from: 'String!', to: 'String!', maxDepth: 'Int', predicates: '[String!]', first: 'Int' });
  assert.deepEqual(caps.search, { text: 'String!', first: 'Int', after: 'String' });
});

test('capabilities of a schema without the graph queries', () => {
  const older = buildSchema(schemaWithout(schemaText, ['neighborhood', 'path', 'search', 'timeline']));
  const caps = Q.capabilities(graphqlSync({ schema: older, source: Q.CAPABILITIES }).data);
  assert.equal(caps.neighborhood, null);
  assert.equal(caps.path, null);
  assert.equal(caps.search, null);
  assert.equal(caps.nodes, true);
  // What such a server gets asked still validates.
  valid('expand (older schema)', Q.expandQuery(caps), older);
  valid('suggest (older schema)', Q.SUGGEST, older);
});

test('every query validates against the schema', async (t) => {
  const caps = Q.capabilities(graphqlSync({ schema, source: Q.CAPABILITIES }).data);
  const queries = {
    capabilities: Q.CAPABILITIES,
    expand: Q.expandQuery(caps),
    'expand without nodes(ids:)': Q.expandQuery({ ...caps, nodes: false }, 3),
    'expand on the baseline': Q.expandQuery(Q.BASELINE),
    suggest: Q.SUGGEST,
    searchActors: Q.SEARCH_ACTORS,
    actorByName: Q.ACTOR_BY_NAME,
    documentDates: Q.DOCUMENT_DATES,
    documents: Q.DOCUMENTS,
    neighborhood: Q.neighborhoodQuery(caps, { of: 'Zelenskyy', predicates: ['said'], limit: 100 }).query,
    'neighborhood without entity': Q.neighborhoodQuery({ ...caps, graphNodeEntity: false }, { of: 'x', limit: 10 }).query,
    path: Q.pathQuery(caps, { from: 'Merz', to: 'Ukraine', maxDepth: 6, predicates: ['said'] }).query,
    ...Object.fromEntries(['actor', 'statement', 'commitment', 'document'].map((k) => [`detail ${k}`, Q.detailQuery(k, caps)])),
  };
  for (const [name, query] of Object.entries(queries)) await t.test(name, () => valid(name, query));
});

test('neighborhood and path calls pass only the arguments the schema has', () => {
  const caps = Q.capabilities(graphqlSync({ schema, source: Q.CAPABILITIES }).data);
  const n = Q.neighborhoodQuery(caps, { of: 'actor:person:x', predicates: ['said'], limit: 100 });
  assert.deepEqual(n.variables, { of: 'actor:person:x', depth: 1, predicates: ['said'], limit: 100 });
  assert.match(n.query, /\$of: String!/);
  assert.match(n.query, /truncated/);
  assert.match(n.query, /entity \{/, 'nodes bring their entity (full text, document, date)');
  const p = Q.pathQuery(caps, { from: 'a', to: 'b', maxDepth: 6, predicates: undefined });
  assert.deepEqual(p.variables, { from: 'a', to: 'b', maxDepth: 6, first: 1 });
  assert.doesNotMatch(p.query, /predicates|truncated/, 'unset arguments and fields Path lacks are left out');
  // An argument the server does not declare is never sent.
  const fewer = { ...caps, neighborhood: { of: 'String!' } };
  assert.deepEqual(Q.neighborhoodQuery(fewer, { of: 'x', depth: 2, limit: 5 }).variables, { of: 'x' });
});

test('introspection of the schema works (GraphiQL needs it)', () => {
  const res = graphqlSync({ schema, source: getIntrospectionQuery() });
  assert.deepEqual(res.errors ?? [], []);
});
