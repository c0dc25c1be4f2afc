// Turns GraphQL records, as the explorer's queries select them (see
// queries.js), into the explorer's graph: typed nodes and predicate-labelled
// edges, the same shape as the API's Subgraph (nodes{id label type kind},
// edges{source target predicate documents}) plus the fields the filters and
// labels need.
import { edgeID } from './model.js';
import { ellipsis } from './text.js';

const lower = (s) => (s ? String(s).toLowerCase() : s);

export function actorNode(a) {
  return { id: a.id, type: 'actor', kind: lower(a.actorKind), label: a.name, name: a.name };
}

export function documentNode(d) {
  const title = d.docTitle || d.source || d.id;
  return { id: d.id, type: 'document', label: ellipsis(title, 48), title, date: d.publishedAt ?? null };
}

export function statementNode(s, doc = s.document) {
  return {
    id: s.id, type: 'statement', kind: lower(s.stmtKind), label: `“${ellipsis(s.text, 42)}”`, text: s.text,
    document: doc?.id, date: doc?.publishedAt ?? null,
  };
}

export function commitmentNode(c) {
  const refusal = lower(c.polarity) === 'negative';
  return {
    id: c.id, type: 'commitment', kind: lower(c.polarity),
    label: `${refusal ? '✗ ' : '✓ '}${ellipsis(c.action, 36)}`, action: c.action,
    document: c.document?.id, date: c.document?.publishedAt ?? null,
  };
}

/** Collects nodes and edges, deduplicated, later data merged into earlier. */
export class SubgraphBuilder {
  constructor() {
    this.nodes = new Map();
    this.edges = new Map();
    this.truncated = [];
  }

  node(n) {
    if (!n?.id) return;
    const have = this.nodes.get(n.id);
    if (!have) this.nodes.set(n.id, n);
    else for (const [k, v] of Object.entries(n)) if (v !== undefined && v !== null && have[k] == null) have[k] = v;
  }

  edge(source, predicate, target, doc) {
    if (!source || !target) return;
    const id = edgeID(source, predicate, target);
    if (!this.edges.has(id)) {
      this.edges.set(id, { id, source, target, predicate, documents: doc ? [{ id: doc.id, title: doc.docTitle || doc.source || doc.id }] : [] });
    }
  }

  actor(a) { if (a) this.node(actorNode(a)); return a?.id; }
  document(d) { if (d) this.node(documentNode(d)); return d?.id; }

  statement(s, doc = s.document) {
    if (!s) return;
    this.node(statementNode(s, doc));
    if (s.document) this.document(s.document);
    if (s.speaker) this.edge(this.actor(s.speaker), 'said', s.id, doc);
    for (const m of s.mentions ?? []) this.edge(s.id, 'mentions', this.actor(m), doc);
    if (doc?.id) this.edge(s.id, 'inDocument', doc.id, doc);
    for (const c of s.stmtCommitments ?? []) this.commitment(c);
  }

  commitment(c) {
    if (!c) return;
    this.node(commitmentNode(c));
    const doc = c.document;
    this.document(doc);
    if (c.actor) this.edge(this.actor(c.actor), 'pledged', c.id, doc);
    if (c.target) this.edge(c.id, 'target', this.actor(c.target), doc);
    if (c.statement) {
      this.statement(c.statement, c.statement.document ?? doc);
      this.edge(c.id, 'statedIn', c.statement.id, doc);
    }
    if (doc?.id) this.edge(c.id, 'inDocument', doc.id, doc);
  }

  /** Records a connection that holds more than was loaded. */
  page(conn, what) {
    const shown = conn?.edges?.length ?? 0;
    if (conn && conn.totalCount > shown) this.truncated.push(`${shown} of ${conn.totalCount} ${what}`);
    return (conn?.edges ?? []).map((e) => e.node);
  }

  build() {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()], truncated: this.truncated };
  }
}

/**
 * The neighbourhood of one node from its expansion record (a `nodes(ids:)`
 * item of the expand query): the node, its neighbours, and the edges among
 * them that the record shows.
 * @param {object} rec
 * @param {number} [limit] most list items taken from a plain list (documents)
 */
export function neighbourhood(rec, limit = 50) {
  const b = new SubgraphBuilder();
  if (!rec) return b.build();
  switch (rec.__typename) {
    case 'Actor': {
      b.actor(rec);
      if (rec.country) b.edge(rec.id, 'represents', b.actor(rec.country));
      for (const r of rec.representatives ?? []) b.edge(b.actor(r), 'represents', rec.id);
      for (const s of b.page(rec.said, `statements by ${rec.name}`)) b.statement(s);
      for (const s of b.page(rec.mentionedIn, `statements mentioning ${rec.name}`)) b.statement(s);
      for (const c of b.page(rec.pledged, `commitments by ${rec.name}`)) b.commitment(c);
      for (const c of b.page(rec.targetedBy, `commitments to ${rec.name}`)) b.commitment(c);
      break;
    }
    case 'Statement':
      b.statement(rec);
      break;
    case 'Commitment':
      b.commitment(rec);
      break;
    case 'Document': {
      b.document(rec);
      const take = (list, what) => {
        const all = list ?? [];
        if (all.length > limit) b.truncated.push(`${limit} of ${all.length} ${what} in “${ellipsis(rec.docTitle || rec.source || rec.id, 40)}”`);
        return all.slice(0, limit);
      };
      for (const a of take(rec.docActors, 'actors')) b.edge(rec.id, 'mentions', b.actor(a), rec);
      for (const s of take(rec.docStatements, 'statements')) b.statement({ ...s, document: rec }, rec);
      for (const c of take(rec.docCommitments, 'commitments')) b.commitment({ ...c, document: rec });
      break;
    }
    default:
      break;
  }
  return b.build();
}

/**
 * Converts the API's own Subgraph or Path (from `neighborhood` or `path`) to
 * the explorer's shape. Types and kinds are lower-cased. When the nodes carry
 * their `entity`, actors get their full name, statements their full text,
 * commitments their action, and statements, commitments and documents their
 * document and publication date; otherwise statements and commitments learn
 * their document from their edges (dates are then filled in by the caller).
 */
export function fromAPISubgraph(sg) {
  const nodes = new Map();
  for (const n of sg?.nodes ?? []) {
    const type = lower(n.type);
    const e = n.entity;
    let node;
    if (e && type === 'actor') node = { ...actorNode({ id: n.id, name: e.name ?? n.label, actorKind: n.kind }) };
    else if (e && type === 'statement') node = statementNode({ id: n.id, stmtKind: n.kind, text: e.text ?? n.label }, e.document);
    else if (e && type === 'commitment') node = commitmentNode({ id: n.id, polarity: n.kind, action: e.action ?? n.label, document: e.document });
    else if (e && type === 'document') node = documentNode({ id: n.id, docTitle: e.docTitle || n.label, source: e.source, publishedAt: e.publishedAt });
    else {
      node = { id: n.id, type, kind: lower(n.kind), label: type === 'statement' ? `“${ellipsis(n.label, 42)}”` : ellipsis(n.label, 48), name: type === 'actor' ? n.label : undefined };
      if (type === 'commitment' && node.kind === 'negative') node.label = `✗ ${node.label}`;
      else if (type === 'commitment') node.label = `✓ ${node.label}`;
    }
    nodes.set(n.id, node);
  }
  const edges = [];
  for (const e of sg?.edges ?? []) {
    edges.push({ id: edgeID(e.source, e.predicate, e.target), source: e.source, target: e.target, predicate: e.predicate, documents: e.documents ?? [] });
    // A statement or commitment is read in one document: its inDocument
    // edge names it, and so does the evidence of any edge it is an end of.
    for (const end of [nodes.get(e.source), nodes.get(e.target)]) {
      if (!end || (end.type !== 'statement' && end.type !== 'commitment') || end.document) continue;
      const doc = e.predicate === 'inDocument' && end.id === e.source ? e.target : e.documents?.[0]?.id;
      if (doc) end.document = doc;
    }
  }
  return { nodes: [...nodes.values()], edges, truncated: sg?.truncated ? ['the server capped this neighbourhood'] : [] };
}
