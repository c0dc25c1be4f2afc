import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultFilters, hidden, isActive, nodePasses } from '../src/explorer/filters.js';

const nodes = [
  { id: 'merz', type: 'actor', kind: 'person' },
  { id: 'ukraine', type: 'actor', kind: 'country' },
  { id: 's1', type: 'statement', kind: 'direct', document: 'd1', date: '2025-03-03T10:00:00Z' },
  { id: 's2', type: 'statement', kind: 'indirect', document: 'd2', date: null },
  { id: 'c1', type: 'commitment', kind: 'negative', document: 'd1', date: '2025-03-03T10:00:00Z' },
  { id: 'd1', type: 'document', date: '2025-03-03T10:00:00Z' },
  { id: 'd2', type: 'document', date: null },
];
const edges = [
  { id: 'e1', source: 'merz', target: 's1', predicate: 'said' },
  { id: 'e2', source: 's1', target: 'ukraine', predicate: 'mentions' },
  { id: 'e3', source: 's1', target: 'd1', predicate: 'inDocument' },
  { id: 'e4', source: 'merz', target: 's2', predicate: 'said' },
  { id: 'e5', source: 's2', target: 'd2', predicate: 'inDocument' },
  { id: 'e6', source: 'merz', target: 'c1', predicate: 'pledged' },
  { id: 'e7', source: 'c1', target: 'ukraine', predicate: 'target' },
];

test('default filters hide nothing', () => {
  const h = hidden(nodes, edges, defaultFilters());
  assert.equal(h.nodes.size + h.edges.size, 0);
  assert.equal(isActive(defaultFilters()), false);
});

test('filters', async (t) => {
  const cases = [
    ['edge type off hides those edges only', (f) => f.predicates.delete('said'), [], ['e1', 'e4']],
    ['edge type off leaves a node with no edge hidden', (f) => f.predicates.delete('inDocument'), ['d1', 'd2'], ['e3', 'e5']],
    ['statement kind', (f) => f.statementKinds.delete('indirect'), ['s2', 'd2'], ['e4', 'e5']],
    ['refusals off', (f) => f.polarities.delete('negative'), ['c1'], ['e6', 'e7']],
    ['one document', (f) => { f.document = 'd1'; }, ['s2', 'd2'], ['e4', 'e5']],
    ['date range excludes undated when asked', (f) => { f.from = '2025-03-01'; f.to = '2025-03-03'; f.undated = false; }, ['s2', 'd2'], ['e4', 'e5']],
    ['date range before everything (ukraine left alone)', (f) => { f.to = '2025-01-01'; }, ['s1', 'c1', 'd1', 'ukraine'], ['e1', 'e2', 'e3', 'e6', 'e7']],
  ];
  for (const [name, change, wantNodes, wantEdges] of cases) {
    await t.test(name, () => {
      const f = defaultFilters();
      change(f);
      assert.equal(isActive(f), true);
      const h = hidden(nodes, edges, f);
      assert.deepEqual([...h.nodes].sort(), wantNodes.sort());
      assert.deepEqual([...h.edges].sort(), wantEdges.sort());
    });
  }
});

test('kept nodes stay visible', () => {
  const f = defaultFilters();
  f.document = 'd2';
  const h = hidden(nodes, edges, f, new Set(['s1']));
  assert.ok(!h.nodes.has('s1'));
});

test('actors always pass node filters', () => {
  const f = defaultFilters();
  f.document = 'nothing';
  assert.ok(nodePasses(nodes[0], f));
});
