// The explorer page: wires the search, path finder, filters, graph view and
// side panel together. State lives in the GraphModel (what is loaded) and the
// filter state (what is shown); the view mirrors both.
import './explorer.css';
import { createClient } from './client.js';
import { GraphSource } from './source.js';
import { GraphModel } from './model.js';
import { GraphView, LAYOUTS } from './view.js';
import { PREDICATES, defaultFilters, hidden } from './filters.js';
import { PREDICATE_COLORS } from './style.js';
import { attachSuggestions } from './suggest.js';
import { renderPanel, renderPanelMessage } from './panel.js';
import { h, day, docTitle } from './dom.js';

/** The most elements (nodes + edges) the view loads. */
export const CAP = 2000;
const DOUBLE_TAP_MS = 320;
const $ = (id) => document.getElementById(id);
const KIND_LABEL = { PERSON: 'person', COUNTRY: 'country', ORGANIZATION: 'organization' };
const PATH_REASONS = {
  depth: 'they are more than 6 steps apart (or not connected)',
  limit: 'the search stopped after visiting its limit of nodes',
  disconnected: 'they are not connected',
};

class Explorer {
  constructor() {
    this.source = new GraphSource(createClient('/graphql'));
    this.model = new GraphModel({ cap: CAP });
    this.view = new GraphView($('cy'));
    this.filters = defaultFilters();
    this.selected = null;
    this.path = null;
    this.pending = 0;
    this.generation = 0;
    this.lastTap = null;
    this.documents = new Map();
  }

  async start() {
    this.bindControls();
    this.bindGraph();
    await this.busy(async () => {
      await this.source.init();
      if (this.source.initError) this.notify(`Could not read the API's schema: ${this.source.initError.message}`, 'error');
      try {
        const docs = await this.source.documents(100);
        for (const d of docs.items) this.documents.set(d.id, d);
        this.fillDocuments();
      } catch (err) {
        this.notify(err.message, 'error');
      }
    });
    this.status();
    const params = new URLSearchParams(location.search);
    if (params.get('actor')) await this.open(params.get('actor'));
    if (params.get('from') && params.get('to')) {
      $('path-from').value = params.get('from');
      $('path-to').value = params.get('to');
      await this.findPath();
    }
  }

  // ---------- plumbing ----------

  async busy(fn) {
    this.pending++;
    $('busy').hidden = false;
    try {
      return await fn();
    } catch (err) {
      if (err?.name !== 'AbortError') this.notify(err.message ?? String(err), 'error');
      return undefined;
    } finally {
      this.pending--;
      $('busy').hidden = this.pending === 0;
      this.status();
    }
  }

  /** Resolves once nothing is loading and no layout runs (for tests and scripts). */
  idle() {
    return new Promise((resolve) => {
      const check = () => (this.pending === 0 ? resolve() : setTimeout(check, 50));
      check();
    });
  }

  notify(message, kind = 'info') {
    const box = $('notice');
    if (!message) { box.hidden = true; return; }
    box.className = `notice ${kind}`;
    box.replaceChildren(h('button', { type: 'button', 'aria-label': 'Dismiss', onclick: () => { box.hidden = true; } }, '×'), message);
    box.hidden = false;
  }

  status() {
    const c = this.view.counts();
    const parts = [`${c.nodes} nodes · ${c.edges} edges shown`];
    if (c.hiddenNodes || c.hiddenEdges) parts.push(`${c.hiddenNodes} nodes and ${c.hiddenEdges} edges hidden by filters`);
    parts.push(`${this.model.size.toLocaleString('en')} of at most ${CAP.toLocaleString('en')} elements loaded`);
    parts.push(this.source.mode === 'server' ? 'neighbourhoods from the server' : 'neighbourhoods assembled in the browser');
    $('status').textContent = parts.join(' · ');
    $('status').dataset.nodes = String(c.nodes);
    $('status').dataset.edges = String(c.edges);
    $('empty').hidden = this.model.nodes.size > 0;
    for (const p of PREDICATES) {
      const n = [...this.model.edges.values()].filter((e) => e.predicate === p).length;
      const count = document.querySelector(`#f-predicates [data-count="${p}"]`);
      if (count) count.textContent = n ? ` (${n})` : '';
    }
  }

  /** Reports what an addition left out. */
  report(result, truncated = []) {
    const msgs = [];
    if (result.skippedNodes || result.skippedEdges) {
      msgs.push(`The view holds at most ${CAP.toLocaleString('en')} elements: ${result.skippedNodes} nodes and ${result.skippedEdges} edges were not loaded. Collapse some nodes or centre on a narrower actor.`);
    }
    if (truncated.length) msgs.push(`Showing ${truncated.join('; ')}. Raise “Load per relation” to load more.`);
    if (msgs.length) this.notify(msgs.join(' '), 'info');
  }

  // ---------- graph operations ----------

  /** Centres the graph on an actor (ID or name): its neighbourhood, alone. */
  async open(ref) {
    const gen = ++this.generation;
    await this.busy(async () => {
      let id = ref;
      let name = ref;
      let note = null;
      if (!String(ref).startsWith('actor:')) {
        const actor = await this.resolve(ref);
        if (!actor) { this.notify(`No actor is named “${ref}”, and none has it in a name or alias.`, 'error'); return; }
        ({ id, name } = actor);
        note = actor.note;
      }
      const sub = (await this.source.expand([id])).get(id);
      if (gen !== this.generation) return;
      this.notify(null);
      this.view.clear();
      this.model.clear();
      this.path = null;
      this.showPathControls();
      this.model.root = id;
      const res = this.model.add(sub, id);
      this.view.add(res);
      this.view.setRoot(id);
      this.view.setExpanded(id, true);
      this.report(res, sub.truncated);
      if (note) this.notify(note, 'info');
      name = this.model.nodes.get(id)?.name ?? name;
      $('search').value = name;
      const url = new URL(location.href);
      url.search = new URLSearchParams({ actor: name }).toString();
      history.replaceState(null, '', url);
      this.refresh();
      await this.view.layout({ randomize: true });
      this.select(id);
    });
  }

  async toggle(id) {
    if (this.model.isExpanded(id)) this.collapse(id);
    else await this.expand(id);
  }

  async expand(id) {
    const gen = this.generation;
    await this.busy(async () => {
      const sub = (await this.source.expand([id])).get(id);
      if (gen !== this.generation || !this.model.nodes.has(id)) return;
      const res = this.model.add(sub, id);
      this.view.add(res, id);
      this.view.setExpanded(id, true);
      this.report(res, sub.truncated);
      this.refresh();
      await this.view.layout({ fit: false });
    });
  }

  collapse(id) {
    const res = this.model.release(id);
    this.view.remove(res);
    this.view.setExpanded(id, false);
    for (const n of res.nodes) this.view.setExpanded(n, false);
    if (this.selected && !this.model.nodes.has(this.selected)) this.deselect();
    this.refresh();
    this.busy(() => this.view.layout({ fit: false }));
  }

  /** Shows a node that a panel link names, loading it if needed. */
  async focus(id) {
    if (!this.model.nodes.has(id)) {
      const gen = this.generation;
      await this.busy(async () => {
        const sub = (await this.source.expand([id])).get(id);
        if (gen !== this.generation) return;
        if (!this.model.root) {
          this.model.root = id;
        }
        const res = this.model.add(sub, id);
        this.view.add(res, this.selected);
        this.view.setExpanded(id, true);
        if (this.model.root === id) this.view.setRoot(id);
        this.report(res, sub.truncated);
        this.refresh();
        await this.view.layout({ fit: false });
      });
    }
    if (this.model.nodes.has(id)) {
      this.select(id);
      this.view.center(id);
    }
  }

  refresh() {
    const keep = new Set([this.model.root, this.selected, ...(this.path?.nodes ?? [])].filter(Boolean));
    this.view.applyHidden(hidden(this.model.nodes.values(), this.model.edges.values(), this.filters, keep));
    if (this.path) this.view.highlight(this.path);
    for (const n of this.model.nodes.values()) {
      if (n.type === 'document' && !this.documents.has(n.id)) this.documents.set(n.id, { id: n.id, title: n.title, publishedAt: n.date });
    }
    this.fillDocuments();
    this.status();
  }

  // ---------- selection and panel ----------

  async select(id) {
    this.selected = id;
    this.view.select(id);
    const node = this.model.nodes.get(id);
    if (!node) return;
    const panel = $('panel');
    renderPanelMessage(panel, h('p', 'Loading ', node.label, '…'));
    await this.busy(async () => {
      const details = await this.source.details(node.type, id);
      if (this.selected !== id) return;
      renderPanel(panel, node.type, details, {
        open: (nid) => this.focus(nid),
        recentre: (nid) => this.open(nid),
      });
    });
  }

  deselect() {
    this.selected = null;
    this.view.select(null);
    if (this.path) this.renderPath();
    else renderPanelMessage($('panel'), h('p', 'Select a node to see its details and evidence.'));
  }

  // ---------- path ----------

  /**
   * The actor a user typed: by name or alias, else the first actor whose
   * name or alias contains the text (saying so when several do).
   */
  async resolve(text) {
    const exact = await this.source.actorByName(text);
    if (exact) return exact;
    const found = await this.source.suggest(text, { first: 5 });
    if (!found.items.length) return null;
    const [first] = found.items;
    const note = found.total > 1
      ? `${found.total} actors match “${text}”: showing ${first.name}. Pick another from the suggestions.`
      : null;
    return { id: first.id, name: first.name, kind: first.kind, note };
  }

  async actorRef(input) {
    if (input.dataset.id && input.dataset.name === input.value) return { id: input.dataset.id, name: input.value };
    const name = input.value.trim();
    if (!name) return null;
    const actor = await this.resolve(name);
    if (!actor) throw new Error(`No actor is named “${name}”.`);
    return actor;
  }

  async findPath() {
    const gen = this.generation;
    await this.busy(async () => {
      const from = await this.actorRef($('path-from'));
      const to = await this.actorRef($('path-to'));
      if (!from || !to) { this.notify('Name two actors to find a path between them.', 'info'); return; }
      const found = await this.source.path(from.id, to.id, { predicates: [...this.filters.predicates], maxDepth: 6 });
      if (gen !== this.generation) return;
      if (!found.nodes) {
        this.notify(`No path found between ${from.name} and ${to.name}: ${PATH_REASONS[found.reason] ?? found.reason}${this.filters.predicates.size < PREDICATES.length ? ' over the edge types the filters allow' : ''}.`, 'info');
        return;
      }
      this.notify(null);
      if (this.path) this.view.remove(this.model.release('path'));
      const first = this.model.nodes.size === 0;
      if (first) this.model.root = from.id;
      const res = this.model.add({ nodes: found.nodes, edges: found.edges }, 'path');
      this.view.add(res, this.model.nodes.has(from.id) ? from.id : null);
      this.view.placeAlong(found.nodes.map((n) => n.id), new Set(res.nodes.map((n) => n.id)));
      if (first) this.view.setRoot(from.id);
      this.path = {
        from, to, via: found.via,
        nodes: found.nodes.map((n) => n.id),
        edges: found.edges.map((e) => e.id),
        steps: found.nodes.map((n, i) => ({ node: this.model.nodes.get(n.id) ?? n, edge: found.edges[i] })),
      };
      this.showPathControls();
      this.refresh();
      await this.view.layout({ fit: true });
      this.selected = null;
      this.view.select(null);
      this.renderPath();
    });
  }

  clearPath() {
    if (!this.path) return;
    this.view.remove(this.model.release('path'));
    this.path = null;
    this.view.highlight(null);
    this.showPathControls();
    this.refresh();
    if (!this.selected) this.deselect();
  }

  showPathControls() {
    $('path-clear').hidden = !this.path;
  }

  renderPath() {
    const p = this.path;
    const steps = [];
    p.steps.forEach(({ node, edge }) => {
      steps.push(h('li', h('button.link', { type: 'button', onclick: () => this.focus(node.id) }, node.label)));
      if (edge) {
        const forward = edge.source === node.id;
        steps.push(h('li.pred', h('span.pred', forward ? `  ↓ ${edge.predicate}` : `  ↑ ${edge.predicate} (from below)`)));
      }
    });
    renderPanelMessage($('panel'),
      h('article.details.path', { dataset: { type: 'path' } },
        h('header', h('span.type', 'Path'), h('h2', `${p.from.name} → ${p.to.name}`)),
        h('p.small', `${p.edges.length} steps, found ${p.via === 'server' ? 'by the server' : `in the browser (${this.source.mode === 'server' ? '' : 'breadth-first search over the API, '}bounded to 6 steps)`}, over the edge types the filters allow.`),
        h('ol.path-steps', steps),
        h('button', { type: 'button', onclick: () => this.clearPath() }, 'Clear path')));
  }

  // ---------- controls ----------

  fillDocuments() {
    const sel = $('f-document');
    const current = sel.value;
    const docs = [...this.documents.values()].sort((a, b) => String(b.publishedAt ?? '').localeCompare(String(a.publishedAt ?? '')) || docTitle(a).localeCompare(docTitle(b)));
    if (sel.options.length === docs.length + 1) return;
    sel.replaceChildren(h('option', { value: '' }, 'All documents'),
      ...docs.map((d) => h('option', { value: d.id }, `${docTitle(d)} (${day(d.publishedAt)})`)));
    sel.value = current;
  }

  readFilters() {
    const f = this.filters;
    f.predicates = new Set([...document.querySelectorAll('#f-predicates input:checked')].map((i) => i.value));
    f.statementKinds = new Set([...document.querySelectorAll('#f-kinds input:checked')].map((i) => i.value));
    f.polarities = new Set([...document.querySelectorAll('#f-polarity input:checked')].map((i) => i.value));
    f.document = $('f-document').value;
    f.from = $('f-from').value;
    f.to = $('f-to').value;
    f.undated = $('f-undated').checked;
    this.refresh();
  }

  bindControls() {
    const preds = $('f-predicates');
    for (const p of PREDICATES) {
      preds.append(h('label', h('input', { type: 'checkbox', name: 'predicate', value: p, checked: true }), ' ',
        h('span.swatch', { style: `background:${PREDICATE_COLORS[p]}` }), ' ', p, h('span.count', { dataset: { count: p } })));
    }
    $('filters').addEventListener('change', () => this.readFilters());
    $('f-reset').addEventListener('click', () => {
      for (const i of document.querySelectorAll('#filters input[type="checkbox"]')) i.checked = true;
      $('f-document').value = '';
      $('f-from').value = '';
      $('f-to').value = '';
      this.readFilters();
    });

    const layout = $('layout');
    for (const [k, v] of Object.entries(LAYOUTS)) layout.append(h('option', { value: k }, v));
    layout.addEventListener('change', () => this.busy(() => this.view.layout({ name: layout.value, randomize: true })));
    $('relayout').addEventListener('click', () => this.busy(() => this.view.layout({ randomize: true })));
    $('fit').addEventListener('click', () => this.view.fit());
    $('zoom-in').addEventListener('click', () => this.view.zoom(1.25));
    $('zoom-out').addEventListener('click', () => this.view.zoom(0.8));
    $('clear').addEventListener('click', () => {
      this.generation++;
      this.view.clear();
      this.model.clear();
      this.path = null;
      this.showPathControls();
      this.deselect();
      this.refresh();
    });
    $('export').addEventListener('click', () => this.exportPNG());
    $('page-size').addEventListener('change', (ev) => this.source.setPageSize(Number(ev.target.value)));

    const renderSuggestion = (a) => h('span.row',
      h('span.name', a.name), ' ',
      h('span.extra', [KIND_LABEL[a.kind] ?? a.kind, a.title, a.country?.name].filter(Boolean).join(' · ')));
    const fetchSuggestions = async (text, signal) => (await this.source.suggest(text, { signal })).items;
    const search = $('search');
    attachSuggestions(search, {
      fetch: fetchSuggestions, render: renderSuggestion,
      choose: (a) => { search.value = a.name; this.open(a.id); },
      enter: (text) => text && this.open(text),
    });
    $('search-form').addEventListener('submit', (ev) => ev.preventDefault());
    for (const id of ['path-from', 'path-to']) {
      const input = $(id);
      attachSuggestions(input, {
        fetch: fetchSuggestions, render: renderSuggestion,
        choose: (a) => { input.value = a.name; input.dataset.id = a.id; input.dataset.name = a.name; },
      });
    }
    $('path-form').addEventListener('submit', (ev) => { ev.preventDefault(); this.findPath(); });
    $('path-clear').addEventListener('click', () => this.clearPath());
  }

  bindGraph() {
    const cy = this.view.cy;
    // A single tap selects at once and toggles after DOUBLE_TAP_MS unless a
    // second tap on the same node makes it a double tap (recentre).
    const cancelTap = () => {
      if (!this.lastTap) return;
      clearTimeout(this.lastTap.timer);
      this.lastTap = null;
      this.pending--;
    };
    cy.on('tap', 'node', (ev) => {
      const id = ev.target.id();
      const now = performance.now();
      if (this.lastTap?.id === id && now - this.lastTap.at < DOUBLE_TAP_MS) {
        cancelTap();
        if (this.model.nodes.get(id)?.type === 'actor') this.open(id);
        return;
      }
      cancelTap();
      this.select(id);
      this.pending++; // idle() waits for the pending toggle
      const timer = setTimeout(() => {
        this.lastTap = null;
        this.pending--;
        this.toggle(id);
      }, DOUBLE_TAP_MS);
      this.lastTap = { id, at: now, timer };
    });
    cy.on('tap', (ev) => { if (ev.target === cy) this.deselect(); });
    cy.on('mouseover', 'node', (ev) => { $('cy').style.cursor = 'pointer'; ev.target.addClass('hover'); });
    cy.on('mouseout', 'node', (ev) => { $('cy').style.cursor = ''; ev.target.removeClass('hover'); });
  }

  async exportPNG() {
    if (this.model.nodes.size === 0) { this.notify('The graph is empty: nothing to export.', 'info'); return; }
    await this.busy(async () => {
      const blob = await this.view.png();
      const url = URL.createObjectURL(blob);
      const root = this.model.nodes.get(this.model.root)?.name ?? 'graph';
      const a = h('a', { href: url, download: `pledgegraph-${root.replace(/[^\p{L}\p{N}]+/gu, '-')}.png` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  }
}

const explorer = new Explorer();
// For scripts and the browser tests: the explorer, its Cytoscape instance,
// and a promise for "nothing is loading".
window.pledgegraph = { explorer, cy: explorer.view.cy, idle: () => explorer.idle() };
explorer.start();
