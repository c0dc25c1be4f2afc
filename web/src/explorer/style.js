// How the graph looks: node shapes and colours by type and kind, edge colours
// by predicate, and the classes the explorer sets (root, expanded, path,
// faded, hidden).

export const COLORS = {
  person: '#2563eb',
  country: '#0d9488',
  organization: '#7c3aed',
  direct: '#f59e0b',
  indirect: '#fcd34d',
  positive: '#16a34a',
  negative: '#dc2626',
  document: '#64748b',
  path: '#e11d48',
};

export const PREDICATE_COLORS = {
  said: '#d97706',
  pledged: '#16a34a',
  represents: '#0d9488',
  mentions: '#94a3b8',
  target: '#15803d',
  statedIn: '#f59e0b',
  inDocument: '#cbd5e1',
};

export function stylesheet() {
  const s = [
    {
      selector: 'node',
      style: {
        label: 'data(label)', 'font-size': 10, 'font-family': 'system-ui, sans-serif', color: '#1f2937',
        'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-y': 3,
        'text-wrap': 'ellipsis', 'text-max-width': '150px',
        'text-outline-color': '#ffffff', 'text-outline-width': 2, 'min-zoomed-font-size': 6,
        width: 20, height: 20, 'background-color': COLORS.document, 'border-width': 1.5, 'border-color': '#ffffff',
      },
    },
    { selector: 'node[type="actor"]', style: { 'font-size': 12, 'font-weight': 600 } },
    { selector: 'node[type="actor"][kind="person"]', style: { shape: 'ellipse', width: 30, height: 30, 'background-color': COLORS.person } },
    { selector: 'node[type="actor"][kind="country"]', style: { shape: 'hexagon', width: 34, height: 30, 'background-color': COLORS.country } },
    { selector: 'node[type="actor"][kind="organization"]', style: { shape: 'octagon', width: 32, height: 32, 'background-color': COLORS.organization } },
    { selector: 'node[type="statement"]', style: { shape: 'round-rectangle', width: 20, height: 14, 'background-color': COLORS.direct, 'font-size': 9, color: '#78350f' } },
    { selector: 'node[type="statement"][kind="indirect"]', style: { 'background-color': COLORS.indirect, 'border-color': '#b45309', 'border-style': 'dashed' } },
    { selector: 'node[type="commitment"]', style: { shape: 'diamond', width: 24, height: 24, 'background-color': COLORS.positive, 'font-size': 9, color: '#14532d' } },
    {
      selector: 'node[type="commitment"][kind="negative"]',
      style: { shape: 'vee', 'background-color': COLORS.negative, color: '#991b1b', 'border-color': '#7f1d1d', 'border-width': 2, 'font-style': 'italic' },
    },
    { selector: 'node[type="document"]', style: { shape: 'rectangle', width: 16, height: 21, 'background-color': COLORS.document, 'font-size': 9, color: '#334155' } },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#0f172a' } },
    { selector: 'node.root', style: { width: 44, height: 44, 'border-width': 4, 'border-color': '#0f172a', 'font-size': 14 } },
    { selector: 'node:selected', style: { 'overlay-color': '#f43f5e', 'overlay-opacity': 0.18, 'overlay-padding': 6 } },
    {
      selector: 'edge',
      style: {
        width: 1.5, 'curve-style': 'bezier', 'line-color': '#cbd5e1', 'target-arrow-shape': 'triangle',
        'target-arrow-color': '#cbd5e1', 'arrow-scale': 0.8,
        label: 'data(label)', 'font-size': 8, color: '#475569', 'text-rotation': 'autorotate',
        'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
      },
    },
  ];
  for (const [p, c] of Object.entries(PREDICATE_COLORS)) {
    s.push({ selector: `edge[predicate="${p}"]`, style: { 'line-color': c, 'target-arrow-color': c } });
  }
  s.push(
    { selector: 'edge[predicate="mentions"], edge[predicate="inDocument"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [4, 3] } },
    { selector: 'edge[predicate="represents"]', style: { width: 2.5 } },
    { selector: 'edge[?refusal]', style: { 'line-color': COLORS.negative, 'target-arrow-color': COLORS.negative, 'line-style': 'dashed', 'line-dash-pattern': [6, 3], color: '#b91c1c', width: 2 } },
    { selector: '.faded', style: { opacity: 0.15, 'text-opacity': 0.3 } },
    { selector: 'node.path', style: { 'border-color': COLORS.path, 'border-width': 4, 'z-index': 20 } },
    { selector: 'edge.path', style: { 'line-color': COLORS.path, 'target-arrow-color': COLORS.path, width: 5, 'z-index': 20, 'line-style': 'solid', color: COLORS.path, 'font-size': 10, 'font-weight': 700 } },
    { selector: '.hidden', style: { display: 'none' } },
  );
  return s;
}
