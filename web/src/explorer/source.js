// GraphSource: the explorer's only door to the API. Everything the UI shows
// comes through here, from the public GraphQL API only.
//
// At start-up it introspects the schema. While the server has no
// `neighborhood`/`path` queries, neighbourhoods are assembled from the
// node fields (actor → statements/commitments → mentions, targets,
// documents) and paths are found by a bounded breadth-first search in the
// browser; once the schema has them, the same calls use the server's.
// Actor suggestions use the server's full-text `search` when it has one.
import { APIError } from './client.js';
import * as Q from './queries.js';
import { neighbourhood, fromAPISubgraph } from './subgraph.js';
import { findPath } from './pathfind.js';

const BATCH = 100; // nodes(ids:) takes at most 100 IDs

export class GraphSource {
  /**
   * @param {ReturnType<import('./client.js').createClient>} request
   * @param {{pageSize?: number, listLimit?: number}} [opts]
   */
  constructor(request, { pageSize = 25, listLimit = 50 } = {}) {
    this.request = request;
    this.pageSize = pageSize;
    this.listLimit = listLimit;
    this.caps = Q.BASELINE;
    /** @type {Map<string, Promise<object>>} expansion cache, by page size and ID */
    this.cache = new Map();
    /** @type {Map<string, string|null>} document ID → publishedAt */
    this.docDates = new Map();
  }

  /** Learns what the schema offers. Falls back to the baseline on failure. */
  async init() {
    try {
      this.caps = Q.capabilities(await this.request(Q.CAPABILITIES));
    } catch (err) {
      this.caps = Q.BASELINE;
      this.initError = err;
    }
    return this.caps;
  }

  /** 'server' when neighbourhoods come from the API's neighborhood query. */
  get mode() { return this.caps.neighborhood ? 'server' : 'client'; }

  setPageSize(n) {
    if (n !== this.pageSize) { this.pageSize = n; this.cache.clear(); }
  }

  /**
   * Actors for a search box: by the server's full-text `search` when the
   * schema has it (prefixes and misspellings of names, aliases and titles,
   * best first), else, or when that finds no actor or fails, by
   * `actors(search:)` (a substring of a name or alias, in the store's order).
   * @returns {Promise<{total: number, items: object[], via: 'search'|'actors'}>}
   */
  async suggest(text, { signal, first = 8 } = {}) {
    if (this.caps.search && new TextEncoder().encode(text).length <= 500) {
      try {
        // Statements and commitments match too: ask for more, keep actors.
        const data = await this.request(Q.SEARCH_ACTORS, { q: text, first: Math.min(100, first * 5) }, { signal });
        const seen = new Set();
        const items = [];
        for (const { node } of data.search.edges) {
          if (node.type !== 'ACTOR' || !node.entity?.id || seen.has(node.entity.id)) continue;
          seen.add(node.entity.id);
          items.push(node.entity);
        }
        if (items.length) return { total: items.length, items: items.slice(0, first), via: 'search' };
      } catch (err) {
        if (err?.name === 'AbortError') throw err;
        // A failing search must not take suggestions away: fall back.
      }
    }
    const data = await this.request(Q.SUGGEST, { q: text, first }, { signal });
    return { total: data.actors.totalCount, items: data.actors.edges.map((e) => e.node), via: 'actors' };
  }

  /** The actor with this name or alias, or null. */
  async actorByName(name) {
    try {
      const data = await this.request(Q.ACTOR_BY_NAME, { name });
      return data.actor;
    } catch (err) {
      if (err instanceof APIError && err.code === 'NOT_FOUND') return null;
      throw err;
    }
  }

  /** Stored documents, for the document filter. */
  async documents(first = 100) {
    const data = await this.request(Q.DOCUMENTS, { first });
    for (const { node } of data.documents.edges) this.docDates.set(node.id, node.publishedAt ?? null);
    return { total: data.documents.totalCount, items: data.documents.edges.map((e) => e.node) };
  }

  /**
   * The neighbourhood of each node.
   * @param {string[]} ids
   * @param {{predicates?: string[]}} [opts] (used by the server's neighborhood)
   * @returns {Promise<Map<string, import('./model.js').Subgraph>>}
   */
  async expand(ids, opts = {}) {
    const key = (id) => `${this.pageSize}|${opts.predicates?.join(',') ?? ''}|${id}`;
    const missing = [...new Set(ids)].filter((id) => !this.cache.has(key(id)));
    const fetchers = this.mode === 'server' ? this.fetchServer(missing, opts) : this.fetchClient(missing);
    for (const [id, p] of fetchers) {
      this.cache.set(key(id), p);
      p.catch(() => this.cache.delete(key(id)));
    }
    const out = new Map();
    await Promise.all(ids.map(async (id) => out.set(id, await this.cache.get(key(id)))));
    return out;
  }

  /** Batched queries (at most 100 IDs, fewer for large pages); a promise per ID. */
  fetchClient(ids) {
    const out = [];
    // The server caps a request's estimated cost (about 110 per ID per item
    // of each relation page), so fewer IDs go in one request as pages grow.
    const step = Math.max(1, Math.min(BATCH, Math.floor(400 / Math.max(1, this.pageSize))));
    for (let i = 0; i < ids.length; i += step) {
      const chunk = ids.slice(i, i + step);
      const batch = this.caps.nodes
        ? this.request(Q.expandQuery(this.caps), { ids: chunk, first: this.pageSize }).then((d) => d.nodes)
        : this.request(Q.expandQuery(this.caps, chunk.length),
          { ...Object.fromEntries(chunk.map((id, k) => [`id${k}`, id])), first: this.pageSize })
          .then((d) => chunk.map((_, k) => d[`n${k}`]));
      chunk.forEach((id, k) => out.push([id, batch.then((recs) => neighbourhood(recs[k], this.listLimit))]));
    }
    return out;
  }

  fetchServer(ids, { predicates } = {}) {
    return ids.map((id) => {
      const { query, variables } = Q.neighborhoodQuery(this.caps, { of: id, depth: 1, predicates, limit: Math.min(2000, this.pageSize * 8) });
      return [id, this.request(query, variables).then((d) => this.withDates(fromAPISubgraph(d.neighborhood)))];
    });
  }

  /**
   * Fills in the publication dates of documents where a node has none yet
   * (filters need them): remembered ones, else one `nodes(ids:)` query per
   * 100 unknown documents.
   */
  async withDates(sub) {
    const docOf = (n) => (n.type === 'document' ? n.id : n.document);
    for (const n of sub.nodes) {
      if (n.date !== undefined && docOf(n) && !this.docDates.has(docOf(n))) this.docDates.set(docOf(n), n.date);
    }
    const unknown = [...new Set(sub.nodes.filter((n) => n.date === undefined).map(docOf).filter(Boolean))]
      .filter((d) => !this.docDates.has(d));
    for (let i = 0; i < unknown.length && this.caps.nodes; i += BATCH) {
      const data = await this.request(Q.DOCUMENT_DATES, { ids: unknown.slice(i, i + BATCH) });
      for (const d of data.nodes) if (d?.id) this.docDates.set(d.id, d.publishedAt ?? null);
    }
    for (const n of sub.nodes) {
      const d = docOf(n);
      if (d && n.date === undefined) n.date = this.docDates.get(d) ?? null;
    }
    return sub;
  }

  /**
   * A shortest path between two nodes over the allowed predicates.
   * @returns {Promise<{nodes: object[], edges: object[], via: 'server'|'client', expanded?: number}
   *   | {nodes: null, reason: string, via: string, expanded?: number}>}
   */
  async path(from, to, { maxDepth = 6, maxExpansions = 600, predicates, signal } = {}) {
    if (this.caps.path) {
      const { query, variables } = Q.pathQuery(this.caps, { from, to, maxDepth: Math.min(maxDepth, 6), predicates, first: 1 });
      const data = await this.request(query, variables, { signal });
      const p = data.path?.[0];
      if (!p) return { nodes: null, reason: 'disconnected', via: 'server' };
      const sub = await this.withDates(fromAPISubgraph(p));
      return { nodes: sub.nodes, edges: sub.edges, via: 'server' };
    }
    const seen = new Map();
    const allowed = predicates ? new Set(predicates) : null;
    const neighbours = async (ids) => {
      const subs = await this.expand(ids);
      const out = new Map();
      for (const id of ids) {
        const sub = subs.get(id);
        for (const n of sub.nodes) if (!seen.has(n.id)) seen.set(n.id, n);
        out.set(id, sub.edges.filter((e) => e.source === id || e.target === id)
          .map((edge) => ({ id: edge.source === id ? edge.target : edge.source, edge })));
      }
      return out;
    };
    const found = await findPath(from, to, neighbours, {
      maxDepth, maxExpansions, signal, allow: (e) => !allowed || allowed.has(e.predicate),
    });
    if (!found.nodes) return { ...found, via: 'client' };
    return { nodes: found.nodes.map((id) => seen.get(id) ?? { id, type: 'actor', label: id }), edges: found.edges, via: 'client', expanded: found.expanded };
  }

  /** The side panel's record for a node, with the query that fetched it. */
  async details(type, id) {
    const query = Q.detailQuery(type, this.caps);
    const variables = type === 'actor' ? { id, first: 100 } : { id };
    const data = await this.request(query, variables);
    return { query, variables, node: data.node };
  }
}
