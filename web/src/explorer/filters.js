// Filters: which loaded nodes and edges are shown. Pure functions of the
// model's data and the filter state, so the view and the tests agree.

/** Edge predicates, in the order the UI lists them (the vocabulary of vocab.go). */
export const PREDICATES = ['said', 'pledged', 'represents', 'mentions', 'target', 'statedIn', 'inDocument'];

/** @returns the filter state that shows everything */
export function defaultFilters() {
  return {
    predicates: new Set(PREDICATES),
    statementKinds: new Set(['direct', 'indirect']),
    polarities: new Set(['positive', 'negative']),
    document: '', // a document ID, or '' for all
    from: '', // 'YYYY-MM-DD' or ''
    to: '', // inclusive
    undated: true, // show statements, commitments and documents with no publication date
  };
}

/** Whether any filter hides something. */
export function isActive(f) {
  const d = defaultFilters();
  return f.predicates.size !== d.predicates.size || f.statementKinds.size !== 2 || f.polarities.size !== 2
    || f.document !== '' || f.from !== '' || f.to !== '' || !f.undated;
}

function dateOK(date, f) {
  if (!date) return f.undated;
  const day = String(date).slice(0, 10);
  return (!f.from || day >= f.from) && (!f.to || day <= f.to);
}

/** Whether a node passes the node filters (actors always do). */
export function nodePasses(n, f) {
  switch (n.type) {
    case 'statement':
      return f.statementKinds.has(n.kind) && (!f.document || n.document === f.document) && dateOK(n.date, f);
    case 'commitment':
      return f.polarities.has(n.kind) && (!f.document || n.document === f.document) && dateOK(n.date, f);
    case 'document':
      return (!f.document || n.id === f.document) && dateOK(n.date, f);
    default:
      return true;
  }
}

/**
 * Computes what the filters hide. An edge is hidden when its predicate is
 * off or an end is hidden; a node that has edges but none left visible is
 * hidden too (it would float alone), unless it is in keep (root, selection).
 * @param {Iterable<object>} nodes
 * @param {Iterable<object>} edges
 * @param {ReturnType<typeof defaultFilters>} f
 * @param {Set<string>} [keep]
 * @returns {{nodes: Set<string>, edges: Set<string>}} hidden IDs
 */
export function hidden(nodes, edges, f, keep = new Set()) {
  const hn = new Set();
  const he = new Set();
  for (const n of nodes) if (!keep.has(n.id) && !nodePasses(n, f)) hn.add(n.id);
  const degree = new Map();
  const visible = new Map();
  for (const e of edges) {
    for (const x of [e.source, e.target]) degree.set(x, (degree.get(x) ?? 0) + 1);
    if (!f.predicates.has(e.predicate) || hn.has(e.source) || hn.has(e.target)) {
      he.add(e.id);
      continue;
    }
    for (const x of [e.source, e.target]) visible.set(x, (visible.get(x) ?? 0) + 1);
  }
  for (const [id, d] of degree) {
    if (d > 0 && !visible.get(id) && !keep.has(id)) hn.add(id);
  }
  return { nodes: hn, edges: he };
}
