// Shortest path between two nodes over a graph known only by asking for
// neighbours, used while the API has no `path` query: a bidirectional
// breadth-first search that expands a whole level at a time (one batched
// request per level), treats edges as undirected, and gives up past a depth
// or a number of expanded nodes.

/**
 * @param {string} from node ID
 * @param {string} to node ID
 * @param {(ids: string[]) => Promise<Map<string, Array<{id: string, edge: object}>>>} neighbours
 * @param {{maxDepth?: number, maxExpansions?: number, allow?: (edge: object) => boolean, signal?: AbortSignal}} [opts]
 * @returns {Promise<{nodes: string[], edges: object[], expanded: number} | {nodes: null, reason: 'depth'|'limit'|'disconnected', expanded: number}>}
 */
export async function findPath(from, to, neighbours, opts = {}) {
  const { maxDepth = 6, maxExpansions = 600, allow = () => true, signal } = opts;
  if (from === to) return { nodes: [from], edges: [], expanded: 0 };
  // Per side: node → {parent, edge, depth}
  const sides = [new Map([[from, { parent: null, edge: null, depth: 0 }]]), new Map([[to, { parent: null, edge: null, depth: 0 }]])];
  const frontiers = [[from], [to]];
  const depth = [0, 0];
  let expanded = 0;
  while (frontiers[0].length && frontiers[1].length) {
    if (depth[0] + depth[1] >= maxDepth) return { nodes: null, reason: 'depth', expanded };
    const s = frontiers[0].length <= frontiers[1].length ? 0 : 1;
    const mine = sides[s];
    const other = sides[1 - s];
    if (expanded + frontiers[s].length > maxExpansions) return { nodes: null, reason: 'limit', expanded };
    signal?.throwIfAborted();
    const found = await neighbours(frontiers[s]);
    signal?.throwIfAborted();
    expanded += frontiers[s].length;
    depth[s]++;
    const next = [];
    let best = null;
    for (const id of frontiers[s]) {
      for (const { id: nb, edge } of found.get(id) ?? []) {
        if (!allow(edge)) continue;
        if (!mine.has(nb)) {
          mine.set(nb, { parent: id, edge, depth: depth[s] });
          next.push(nb);
        }
        if (other.has(nb)) {
          const total = mine.get(nb).depth + other.get(nb).depth;
          if (!best || total < best.total) best = { meet: nb, total };
        }
      }
    }
    if (best) return { ...assemble(best.meet, sides[0], sides[1]), expanded };
    frontiers[s] = next;
  }
  return { nodes: null, reason: 'disconnected', expanded };
}

function assemble(meet, fromSide, toSide) {
  const nodes = [meet];
  const edges = [];
  for (let x = meet; fromSide.get(x).parent !== null; x = fromSide.get(x).parent) {
    nodes.unshift(fromSide.get(x).parent);
    edges.unshift(fromSide.get(x).edge);
  }
  for (let x = meet; toSide.get(x).parent !== null; x = toSide.get(x).parent) {
    nodes.push(toSide.get(x).parent);
    edges.push(toSide.get(x).edge);
  }
  return { nodes, edges };
}
