// GraphView: the Cytoscape.js canvas. It mirrors the GraphModel (the view
// adds and removes what the model reports), applies filter results and path
// highlights as classes, lays the graph out and exports it.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { stylesheet } from './style.js';

cytoscape.use(fcose);

export const LAYOUTS = {
  fcose: 'Force-directed (fCoSE)',
  breadthfirst: 'Hierarchy (breadth-first layers)',
  concentric: 'Rings around the centre',
};

const MAX_FIT_ZOOM = 1.4;

export class GraphView {
  /** @param {HTMLElement} container */
  constructor(container) {
    this.cy = cytoscape({
      container,
      style: stylesheet(),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    this.layoutName = 'fcose';
    this.running = null;
    this.root = null;
  }

  clear() {
    this.running?.stop();
    this.cy.elements().remove();
    this.root = null;
  }

  setRoot(id) {
    this.cy.nodes('.root').removeClass('root');
    this.root = id;
    this.cy.getElementById(id).addClass('root');
  }

  /**
   * Adds what the model added; new nodes start around `near` (the expanded
   * node) so that the layout only has to settle them.
   */
  add({ nodes, edges }, near) {
    const origin = near && this.cy.getElementById(near).nonempty() ? this.cy.getElementById(near).position() : null;
    const refusals = new Set(nodes.filter((n) => n.type === 'commitment' && n.kind === 'negative').map((n) => n.id));
    this.cy.nodes('[type="commitment"][kind="negative"]').forEach((n) => refusals.add(n.id()));
    const els = [];
    nodes.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, nodes.length);
      els.push({
        group: 'nodes', data: { ...n },
        position: origin ? { x: origin.x + 90 * Math.cos(angle), y: origin.y + 90 * Math.sin(angle) } : { x: 0, y: 0 },
      });
    });
    for (const e of edges) {
      const refusal = (e.predicate === 'pledged' && refusals.has(e.target)) || (e.predicate === 'target' && refusals.has(e.source));
      els.push({ group: 'edges', data: { ...e, refusal, label: refusal ? `${e.predicate} ✗` : e.predicate } });
    }
    this.cy.add(els);
  }

  /**
   * Lines up freshly added nodes of a path after the last placed node before
   * them, so that the layout starts from a straight path.
   * @param {string[]} ids the path's nodes in order
   * @param {Set<string>} fresh those just added
   */
  placeAlong(ids, fresh) {
    let at = null;
    for (const id of ids) {
      const n = this.cy.getElementById(id);
      if (n.empty()) continue;
      if (fresh.has(id)) {
        at = at ? { x: at.x + 160, y: at.y + 30 } : { x: 0, y: 0 };
        n.position(at);
      } else {
        at = { ...n.position() };
      }
    }
  }

  remove({ nodes, edges }) {
    const sel = this.cy.collection();
    for (const id of [...edges, ...nodes]) sel.merge(this.cy.getElementById(id));
    sel.remove();
  }

  setExpanded(id, on) {
    this.cy.getElementById(id).toggleClass('expanded', on);
  }

  /** Shows exactly what the filters leave. */
  applyHidden({ nodes, edges }) {
    this.cy.batch(() => {
      this.cy.elements().forEach((el) => {
        el.toggleClass('hidden', el.isNode() ? nodes.has(el.id()) : edges.has(el.id()));
      });
    });
  }

  /** Highlights a path (node and edge IDs) and fades the rest; null clears. */
  highlight(path) {
    this.cy.batch(() => {
      this.cy.elements().removeClass('path faded');
      if (!path) return;
      const on = this.cy.collection();
      for (const id of [...path.nodes, ...path.edges]) on.merge(this.cy.getElementById(id));
      this.cy.elements().not(on).addClass('faded');
      on.addClass('path');
    });
  }

  select(id) {
    this.cy.$(':selected').unselect();
    if (id) this.cy.getElementById(id).select();
  }

  /** Runs the current layout over the visible elements; resolves when done. */
  layout({ name = this.layoutName, fit = true, randomize = false } = {}) {
    this.layoutName = name;
    this.running?.stop();
    this.ringCache = null;
    const eles = this.cy.elements().not('.hidden');
    if (eles.empty()) return Promise.resolve();
    const opts = {
      fcose: {
        name: 'fcose', quality: 'default', randomize, animate: eles.length < 400, animationDuration: 350,
        fit, padding: 40, nodeDimensionsIncludeLabels: true, uniformNodeDimensions: false,
        packComponents: true, nodeRepulsion: () => 9000, idealEdgeLength: (e) => (e.data('predicate') === 'inDocument' ? 120 : 85),
        edgeElasticity: () => 0.45, gravity: 0.25, numIter: 2500, tile: true,
      },
      breadthfirst: {
        name: 'preset', fit, padding: 40, animate: eles.length < 400, animationDuration: 300,
        positions: layered(eles, this.root),
      },
      concentric: {
        name: 'concentric', fit, padding: 40, animate: false, avoidOverlap: true, minNodeSpacing: 18,
        nodeDimensionsIncludeLabels: true,
        concentric: (n) => this.ringOf(n), levelWidth: () => 1,
      },
    }[name];
    const layout = eles.layout(opts);
    this.running = layout;
    const done = new Promise((resolve) => layout.one('layoutstop', resolve)).then(() => {
      // A handful of nodes fitted to the window would be drawn huge.
      if (fit && this.cy.zoom() > MAX_FIT_ZOOM) {
        this.cy.zoom(MAX_FIT_ZOOM);
        this.cy.center(eles);
      }
    });
    layout.run();
    return done;
  }

  /** Concentric rank: the root in the middle, then by hops from it. */
  ringOf(n) {
    if (!this.root) return 0;
    if (!this.ringCache) {
      this.ringCache = new Map();
      const root = this.cy.getElementById(this.root);
      if (root.nonempty()) {
        this.cy.elements().not('.hidden').bfs({
          roots: root, directed: false,
          visit: (v, e, u, i, depth) => { this.ringCache.set(v.id(), depth); },
        });
      }
    }
    return 100 - (this.ringCache.get(n.id()) ?? 50);
  }

  fit() { this.cy.animate({ fit: { eles: this.cy.elements().not('.hidden'), padding: 40 } }, { duration: 250 }); }

  zoom(factor) {
    const cy = this.cy;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  center(id) {
    const n = this.cy.getElementById(id);
    if (n.nonempty()) this.cy.animate({ center: { eles: n } }, { duration: 250 });
  }

  /** The whole graph as a PNG blob (2× scale, white background). */
  png() {
    return this.cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
  }

  counts() {
    const vis = this.cy.elements().not('.hidden');
    return {
      nodes: vis.nodes().length,
      edges: vis.edges().length,
      hiddenNodes: this.cy.nodes('.hidden').length,
      hiddenEdges: this.cy.edges('.hidden').length,
    };
  }
}

/** Escapes an ID for a Cytoscape selector ("actor:person:x" has colons). */
export function cssID(id) {
  return id.replace(/([^a-zA-Z0-9_-])/g, '\\$1');
}

/**
 * Positions for a layered hierarchy: breadth-first depth from the root gives
 * the layer; a layer with many nodes wraps onto several rows; within a layer,
 * nodes sit under the mean position of their neighbours in earlier layers.
 * Nodes the root does not reach form the last layers.
 * @returns {Record<string, {x: number, y: number}>}
 */
export function layered(eles, rootID) {
  const DX = 150;
  const ROW = 64;
  const LAYER = 120;
  const nodes = eles.nodes();
  const depth = new Map();
  const roots = nodes.filter((n) => n.id() === rootID);
  const start = roots.nonempty() ? roots : nodes.slice(0, 1);
  let last = 0;
  const reach = (from) => eles.bfs({
    roots: from, directed: false,
    visit: (v, e, u, i, d) => { if (!depth.has(v.id())) depth.set(v.id(), last + d); },
  });
  reach(start);
  for (const n of nodes) {
    if (depth.has(n.id())) continue;
    last = Math.max(...depth.values()) + 1;
    reach(n);
  }
  const levels = new Map();
  for (const n of nodes) {
    const d = depth.get(n.id());
    if (!levels.has(d)) levels.set(d, []);
    levels.get(d).push(n);
  }
  const perRow = Math.max(8, Math.ceil(Math.sqrt(nodes.length) * 1.8));
  const pos = {};
  const typeRank = { actor: 0, statement: 1, commitment: 2, document: 3 };
  let y = 0;
  for (const d of [...levels.keys()].sort((a, b) => a - b)) {
    const level = levels.get(d).map((n) => {
      const xs = n.neighborhood('node').filter((m) => pos[m.id()] && depth.get(m.id()) < d).map((m) => pos[m.id()].x);
      return { n, x: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0 };
    });
    level.sort((a, b) => a.x - b.x || typeRank[a.n.data('type')] - typeRank[b.n.data('type')] || String(a.n.data('label')).localeCompare(String(b.n.data('label'))));
    for (let r = 0; r < level.length; r += perRow) {
      const row = level.slice(r, r + perRow);
      const x0 = (-(row.length - 1) * DX) / 2;
      // Odd rows shift half a step so that labels of stacked rows do not align.
      const shift = ((r / perRow) % 2) * (DX / 2);
      row.forEach(({ n }, i) => { pos[n.id()] = { x: x0 + i * DX + shift, y }; });
      y += ROW;
    }
    y += LAYER - ROW;
  }
  return pos;
}
