// GraphModel: what the explorer shows, independent of Cytoscape.
//
// Nodes are kept while something holds them: the root (the actor the view is
// centred on), a highlighted path, or an expanded node whose neighbourhood
// brought them in. Collapsing a node releases what it holds; nodes nobody
// holds any more leave, and if such a node was expanded itself, what it held
// is released in turn. Edges live as long as both their ends.
//
// The model never holds more than `cap` elements (nodes + edges): add()
// takes a subgraph edge by edge while there is room and reports what it left
// out.

/**
 * @typedef {{id: string, type: 'actor'|'statement'|'commitment'|'document', kind?: string,
 *   label: string, document?: string, date?: string|null, [k: string]: any}} NodeData
 * @typedef {{id: string, source: string, target: string, predicate: string,
 *   documents?: Array<{id: string, title?: string}>}} EdgeData
 * @typedef {{nodes: NodeData[], edges: EdgeData[], truncated?: string[]}} Subgraph
 */

export const edgeID = (source, predicate, target) => `${source}|${predicate}|${target}`;

export class GraphModel {
  /** @param {{cap?: number}} [opts] */
  constructor({ cap = 2000 } = {}) {
    this.cap = cap;
    /** @type {Map<string, NodeData>} */ this.nodes = new Map();
    /** @type {Map<string, EdgeData>} */ this.edges = new Map();
    /** @type {Map<string, Set<string>>} node → holders */ this.holders = new Map();
    /** @type {Map<string, Set<string>>} holder → nodes */ this.held = new Map();
    /** @type {Map<string, Set<string>>} node → incident edge IDs */ this.incident = new Map();
    this.root = null;
  }

  get size() { return this.nodes.size + this.edges.size; }

  /** Whether node id was expanded (holds its neighbourhood). */
  isExpanded(id) { return this.held.has(id); }

  clear() {
    for (const m of [this.nodes, this.edges, this.holders, this.held, this.incident]) m.clear();
    this.root = null;
  }

  /**
   * Adds a subgraph, every node of it held by holder (a node ID, 'root' or
   * 'path'). Nodes already present only gain the holder.
   * @param {Subgraph} sub
   * @param {string} holder
   * @returns {{nodes: NodeData[], edges: EdgeData[], skippedNodes: number, skippedEdges: number}}
   */
  add(sub, holder) {
    const out = { nodes: [], edges: [], skippedNodes: 0, skippedEdges: 0 };
    if (!this.held.has(holder)) this.held.set(holder, new Set());
    const byID = new Map(sub.nodes.map((n) => [n.id, n]));
    const place = (n) => {
      if (this.nodes.has(n.id)) {
        // Later data may be richer (a leaf seen again in full): merge it in.
        Object.assign(this.nodes.get(n.id), definedOnly(n));
      } else {
        this.nodes.set(n.id, { ...n });
        this.incident.set(n.id, new Set());
        out.nodes.push(this.nodes.get(n.id));
      }
      this.hold(n.id, holder);
    };
    // The holder itself and nodes already shown cost nothing.
    for (const n of sub.nodes) if (n.id === holder || this.nodes.has(n.id)) place(n);
    const placed = new Set();
    for (const e of sub.edges) {
      const id = e.id ?? edgeID(e.source, e.predicate, e.target);
      const ends = [e.source, e.target];
      if (ends.some((x) => !byID.has(x) && !this.nodes.has(x))) { out.skippedEdges++; continue; }
      const fresh = [...new Set(ends.filter((x) => !this.nodes.has(x)))];
      const need = fresh.length + (this.edges.has(id) ? 0 : 1);
      if (this.size + need > this.cap) {
        out.skippedEdges++;
        continue;
      }
      for (const x of ends) { place(byID.get(x) ?? this.nodes.get(x)); placed.add(x); }
      if (!this.edges.has(id)) {
        const data = { ...e, id };
        this.edges.set(id, data);
        this.incident.get(e.source).add(id);
        this.incident.get(e.target).add(id);
        out.edges.push(data);
      }
    }
    // Nodes with no edge in the subgraph (an isolated root).
    for (const n of sub.nodes) {
      if (this.nodes.has(n.id)) { if (!placed.has(n.id)) place(n); continue; }
      if (this.size + 1 > this.cap) { out.skippedNodes++; continue; }
      if (!sub.edges.some((e) => e.source === n.id || e.target === n.id)) place(n);
      else out.skippedNodes++;
    }
    return out;
  }

  hold(id, holder) {
    if (id === holder) return; // an expanded node does not keep itself
    if (!this.holders.has(id)) this.holders.set(id, new Set());
    this.holders.get(id).add(holder);
    this.held.get(holder).add(id);
  }

  /**
   * Releases everything holder holds, removing nodes nobody else holds (and
   * releasing what they held, if they were expanded).
   * @returns {{nodes: string[], edges: string[]}} the removed IDs
   */
  release(holder) {
    const out = { nodes: [], edges: [] };
    const queue = [holder];
    while (queue.length) {
      const h = queue.pop();
      const held = this.held.get(h);
      if (!held) continue;
      this.held.delete(h);
      for (const id of held) {
        const hs = this.holders.get(id);
        if (!hs) continue;
        hs.delete(h);
        if (hs.size > 0 || id === this.root) continue;
        this.removeNode(id, out);
        if (this.held.has(id)) queue.push(id);
      }
    }
    return out;
  }

  removeNode(id, out) {
    for (const e of this.incident.get(id) ?? []) {
      const edge = this.edges.get(e);
      if (!edge) continue;
      this.edges.delete(e);
      this.incident.get(edge.source === id ? edge.target : edge.source)?.delete(e);
      out.edges.push(e);
    }
    this.incident.delete(id);
    this.holders.delete(id);
    this.nodes.delete(id);
    out.nodes.push(id);
  }

  /** The loaded neighbours of id: [{id, edge}]. */
  neighbours(id) {
    return [...(this.incident.get(id) ?? [])].map((e) => {
      const edge = this.edges.get(e);
      return { id: edge.source === id ? edge.target : edge.source, edge };
    });
  }
}

function definedOnly(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}
