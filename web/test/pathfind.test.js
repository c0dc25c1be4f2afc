import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPath } from '../src/explorer/pathfind.js';

// An undirected graph given as edges [source, predicate, target].
function graph(edges) {
  const adj = new Map();
  const calls = [];
  for (const [s, p, t] of edges) {
    const edge = { source: s, target: t, predicate: p };
    for (const [a, b] of [[s, t], [t, s]]) {
      if (!adj.has(a)) adj.set(a, []);
      adj.get(a).push({ id: b, edge });
    }
  }
  const neighbours = async (ids) => { calls.push(ids); return new Map(ids.map((id) => [id, adj.get(id) ?? []])); };
  return { neighbours, calls };
}

const world = [
  ['merz', 'said', 's1'], ['s1', 'mentions', 'germany'], ['merz', 'represents', 'germany'],
  ['germany', 'pledged', 'c1'], ['c1', 'target', 'ukraine'],
  ['merz', 'said', 's2'], ['s2', 'inDocument', 'd1'], ['s3', 'inDocument', 'd1'], ['s3', 'mentions', 'ukraine'],
  ['tusk', 'said', 's4'],
];

test('finds a shortest path', async () => {
  const { neighbours } = graph(world);
  const p = await findPath('merz', 'ukraine', neighbours);
  assert.deepEqual(p.nodes, ['merz', 'germany', 'c1', 'ukraine']);
  assert.deepEqual(p.edges.map((e) => e.predicate), ['represents', 'pledged', 'target']);
});

test('respects allowed predicates', async () => {
  const { neighbours } = graph(world);
  const p = await findPath('merz', 'ukraine', neighbours, { allow: (e) => e.predicate !== 'pledged' });
  assert.deepEqual(p.nodes, ['merz', 's2', 'd1', 's3', 'ukraine']);
});

test('batches one request per level', async () => {
  const { neighbours, calls } = graph(world);
  await findPath('merz', 'ukraine', neighbours);
  assert.ok(calls.length <= 3, `${calls.length} calls`);
});

test('reports why there is no path', async (t) => {
  await t.test('disconnected', async () => {
    const { neighbours } = graph(world);
    const p = await findPath('merz', 'tusk', neighbours);
    assert.equal(p.nodes, null);
    assert.equal(p.reason, 'disconnected');
  });
  await t.test('too deep', async () => {
    const { neighbours } = graph(world);
    const p = await findPath('merz', 'ukraine', neighbours, { maxDepth: 2 });
    assert.equal(p.reason, 'depth');
  });
  await t.test('too many expansions', async () => {
    const { neighbours } = graph(world);
    const p = await findPath('merz', 'ukraine', neighbours, { maxExpansions: 2 });
    assert.equal(p.reason, 'limit');
  });
});

test('same node', async () => {
  const p = await findPath('a', 'a', async () => new Map());
  assert.deepEqual(p.nodes, ['a']);
});
