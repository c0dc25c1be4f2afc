import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GraphModel, edgeID } from '../src/explorer/model.js';

const n = (id, type = 'actor') => ({ id, type, label: id });
const e = (source, predicate, target) => ({ id: edgeID(source, predicate, target), source, target, predicate });

// merz said s1; s1 mentions ukraine; s1 inDocument d1
const merz = { nodes: [n('merz'), n('s1', 'statement'), n('ukraine'), n('d1', 'document')],
  edges: [e('merz', 'said', 's1'), e('s1', 'mentions', 'ukraine'), e('s1', 'inDocument', 'd1')] };

test('add holds nodes and dedupes', () => {
  const m = new GraphModel();
  m.root = 'merz';
  const r = m.add(merz, 'root');
  assert.equal(r.nodes.length, 4);
  assert.equal(r.edges.length, 3);
  const again = m.add(merz, 'root');
  assert.equal(again.nodes.length + again.edges.length, 0);
  assert.equal(m.size, 7);
});

test('collapse removes only what nobody else holds, recursively', () => {
  const m = new GraphModel();
  m.root = 'merz';
  m.add({ nodes: [n('merz'), n('s1', 'statement')], edges: [e('merz', 'said', 's1')] }, 'root');
  // expand s1: ukraine, d1
  m.add({ nodes: [n('s1', 'statement'), n('merz'), n('ukraine'), n('d1', 'document')],
    edges: [e('merz', 'said', 's1'), e('s1', 'mentions', 'ukraine'), e('s1', 'inDocument', 'd1')] }, 's1');
  // expand ukraine: s2 (also held by nobody else), and d1 again
  m.add({ nodes: [n('ukraine'), n('s2', 'statement'), n('d1', 'document')],
    edges: [e('s2', 'mentions', 'ukraine'), e('s2', 'inDocument', 'd1')] }, 'ukraine');
  assert.ok(m.isExpanded('s1') && m.isExpanded('ukraine'));
  assert.equal(m.nodes.size, 5);
  const r = m.release('s1');
  // ukraine and d1 were held by s1 (d1 also by ukraine, but ukraine goes): all of ukraine's go too.
  assert.deepEqual(new Set(r.nodes), new Set(['ukraine', 'd1', 's2']));
  assert.deepEqual([...m.nodes.keys()].sort(), ['merz', 's1']);
  assert.deepEqual([...m.edges.keys()], [edgeID('merz', 'said', 's1')]);
  assert.ok(!m.isExpanded('ukraine'));
});

test('a node held twice survives one collapse', () => {
  const m = new GraphModel();
  m.root = 'a';
  m.add({ nodes: [n('a'), n('s', 'statement'), n('b')], edges: [e('a', 'said', 's'), e('s', 'mentions', 'b')] }, 'root');
  m.add({ nodes: [n('b'), n('s', 'statement'), n('t', 'statement')], edges: [e('s', 'mentions', 'b'), e('b', 'said', 't')] }, 'b');
  m.add({ nodes: [n('s', 'statement'), n('t', 'statement'), n('d', 'document')], edges: [e('t', 'inDocument', 'd'), e('s', 'inDocument', 'd')] }, 's');
  const r = m.release('b');
  assert.deepEqual(r.nodes, []); // t is still held by s
  assert.ok(m.nodes.has('t'));
});

test('the root is never removed', () => {
  const m = new GraphModel();
  m.root = 'a';
  m.add({ nodes: [n('a'), n('b')], edges: [e('a', 'represents', 'b')] }, 'b');
  m.release('b');
  assert.ok(m.nodes.has('a'));
});

test('the cap is never exceeded and what is left out is counted', () => {
  const m = new GraphModel({ cap: 5 });
  const nodes = [n('hub'), ...Array.from({ length: 10 }, (_, i) => n(`s${i}`, 'statement'))];
  const edges = nodes.slice(1).map((x) => e('hub', 'said', x.id));
  const r = m.add({ nodes, edges }, 'hub');
  assert.ok(m.size <= 5, `size ${m.size}`);
  assert.equal(m.size, 5); // hub + 2 × (node + edge)
  assert.equal(r.skippedEdges, 8);
  assert.equal(r.skippedNodes, 8);
});

test('edges to unknown nodes are skipped', () => {
  const m = new GraphModel();
  const r = m.add({ nodes: [n('a')], edges: [e('a', 'said', 'ghost')] }, 'root');
  assert.equal(r.skippedEdges, 1);
  assert.equal(m.edges.size, 0);
});

test('richer data for a known node is merged', () => {
  const m = new GraphModel();
  m.add({ nodes: [{ id: 's', type: 'statement', label: 's', date: null }], edges: [] }, 'root');
  m.add({ nodes: [{ id: 's', type: 'statement', label: 's', date: '2025-01-01', document: 'd' }], edges: [] }, 'root');
  assert.equal(m.nodes.get('s').date, '2025-01-01');
  assert.equal(m.nodes.get('s').document, 'd');
});

test('neighbours', () => {
  const m = new GraphModel();
  m.add(merz, 'root');
  assert.deepEqual(m.neighbours('s1').map((x) => x.id).sort(), ['d1', 'merz', 'ukraine']);
});
