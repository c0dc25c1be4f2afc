// Every query the explorer sends must validate against the project's schema
// (../schema.graphqls), so that a schema change that breaks the UI fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate, graphqlSync, getIntrospectionQuery } from 'graphql';
import * as Q from '../src/explorer/queries.js';

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
  for (const k of ['nodes', 'mentionedIn', 'targetedBy', 'representatives', 'evidence']) assert.equal(caps[k], true, k);
  // Until the schema gains them:
  if (!/\bneighborhood\s*\(/.test(schemaText)) assert.equal(caps.neighborhood, null);
  if (!/\bpath\s*\(/.test(schemaText)) assert.equal(caps.path, null);
});

test('every query validates against the schema', async (t) => {
  const caps = Q.capabilities(graphqlSync({ schema, source: Q.CAPABILITIES }).data);
  const queries = {
    capabilities: Q.CAPABILITIES,
    expand: Q.expandQuery(caps),
    'expand without nodes(ids:)': Q.expandQuery({ ...caps, nodes: false }, 3),
    'expand on the baseline': Q.expandQuery(Q.BASELINE),
    suggest: Q.SUGGEST,
    actorByName: Q.ACTOR_BY_NAME,
    documentDates: Q.DOCUMENT_DATES,
    documents: Q.DOCUMENTS,
    ...Object.fromEntries(['actor', 'statement', 'commitment', 'document'].map((k) => [`detail ${k}`, Q.detailQuery(k, caps)])),
  };
  for (const [name, query] of Object.entries(queries)) await t.test(name, () => valid(name, query));
});

// The later issue's graph queries, as announced; checked against a schema
// extended with them so that the explorer is ready when the server has them.
test('neighborhood and path queries validate against the announced API', () => {
  const extended = buildSchema(`${schemaText}
    type GraphNode { id: ID! label: String! type: String! kind: String }
    type EdgeDocument { id: ID! title: String! }
    type GraphEdge { source: ID! target: ID! predicate: String! documents: [EdgeDocument!]! }
    type Subgraph { nodes: [GraphNode!]! edges: [GraphEdge!]! truncated: Boolean! }
    type Path { nodes: [GraphNode!]! edges: [GraphEdge!]! length: Int! }
    extend type Query {
      neighborhood(of: ID!, depth: Int, predicates: [String!], limit: Int): Subgraph!
      path(from: ID!, to: ID!, maxDepth: Int, predicates: [String!], first: Int): [Path!]!
      search(text: String!): [Node!]!
    }`);
  const caps = Q.capabilities(graphqlSync({ schema: extended, source: Q.CAPABILITIES }).data);
  assert.ok(caps.neighborhood && caps.path && caps.search && caps.subgraphTruncated);
  assert.equal(caps.neighborhood.of, 'ID!');
  assert.equal(caps.neighborhood.predicates, '[String!]');
  const n = Q.neighborhoodQuery(caps, { of: 'actor:person:x', predicates: ['said'], limit: 100 });
  valid('neighborhood', n.query, extended);
  assert.deepEqual(n.variables, { of: 'actor:person:x', depth: 1, predicates: ['said'], limit: 100 });
  const p = Q.pathQuery(caps, { from: 'a', to: 'b', maxDepth: 6, predicates: ['said'] });
  valid('path', p.query, extended);
});

test('introspection of the schema works (GraphiQL needs it)', () => {
  const res = graphqlSync({ schema, source: getIntrospectionQuery() });
  assert.deepEqual(res.errors ?? [], []);
});
