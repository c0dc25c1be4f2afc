// Every GraphQL document the explorer sends, built for what the server's
// schema offers (see capabilities()). Type-specific leaf fields are aliased
// (actorKind, stmtKind, docTitle) so that fragments on different types can
// share one selection set without GraphQL field conflicts.

/** Introspection sent once at start-up to learn what the schema offers. */
export const CAPABILITIES = `query PgCapabilities {
  __schema { queryType { fields { name args { name type { ...PgTypeRef } } } } }
  actor: __type(name: "Actor") { fields { name } }
  statement: __type(name: "Statement") { fields { name } }
  path: __type(name: "Path") { fields { name } }
  subgraph: __type(name: "Subgraph") { fields { name } }
  graphNode: __type(name: "GraphNode") { fields { name } }
  searchResult: __type(name: "SearchResult") { fields { name } }
}
fragment PgTypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`;

const has = (t, f) => Boolean(t?.fields?.some((x) => x.name === f));

/** Reads the introspection answer into the flags the queries depend on. */
export function capabilities(data) {
  const q = new Map((data?.__schema?.queryType?.fields ?? []).map((f) => [f.name, f]));
  const sub = data?.subgraph;
  const subgraphOK = has(sub, 'nodes') && has(sub, 'edges');
  const pathOK = has(data?.path, 'nodes') && has(data?.path, 'edges');
  const args = (name) => Object.fromEntries((q.get(name)?.args ?? []).map((a) => [a.name, typeString(a.type)]));
  return {
    nodes: q.has('nodes'),
    neighborhood: q.has('neighborhood') && subgraphOK ? args('neighborhood') : null,
    path: q.has('path') && pathOK ? args('path') : null,
    search: q.has('search') && has(data?.searchResult, 'entity') ? args('search') : null,
    graphNodeEntity: has(data?.graphNode, 'entity'),
    subgraphTruncated: has(sub, 'truncated'),
    mentionedIn: has(data?.actor, 'mentionedIn'),
    targetedBy: has(data?.actor, 'targetedBy'),
    representatives: has(data?.actor, 'representatives'),
    evidence: has(data?.statement, 'evidence'),
  };
}

/** The capabilities of the schema the explorer was written against. */
export const BASELINE = {
  nodes: true, neighborhood: null, path: null, search: null, graphNodeEntity: false, subgraphTruncated: false,
  mentionedIn: true, targetedBy: true, representatives: true, evidence: true,
};

/** Writes an introspected type reference as GraphQL type syntax ("[String!]"). */
export function typeString(t) {
  if (!t) return 'String';
  if (t.kind === 'NON_NULL') return `${typeString(t.ofType)}!`;
  if (t.kind === 'LIST') return `[${typeString(t.ofType)}]`;
  return t.name;
}

const FRAGMENTS = `
fragment PgActorRef on Actor { id name actorKind: kind }
fragment PgDocRef on Document { id docTitle: title source publishedAt }
fragment PgStatement on Statement {
  id stmtKind: kind text cue
  speaker { ...PgActorRef }
  mentions { ...PgActorRef }
  document { ...PgDocRef }
}
fragment PgCommitment on Commitment {
  id action polarity modality condition amount
  actor { ...PgActorRef }
  target { ...PgActorRef }
  statement { id stmtKind: kind text }
  document { ...PgDocRef }
}`;

/**
 * The neighbourhoods of many nodes at once (each a `nodes` item): for an
 * actor, what it said and pledged, what mentions or targets it, whom it
 * represents; for a statement, commitment or document, everything it links.
 * Variables: ids: [ID!]!, first: Int! (page size of each actor relation).
 * Without `nodes(ids:)` in the schema, `count` aliased `node(id:)` fields
 * are used instead, with variables id0…idN.
 */
export function expandQuery(caps, count = 1) {
  const actor = [
    '...PgActorRef',
    'country { ...PgActorRef }',
    caps.representatives ? 'representatives { ...PgActorRef }' : '',
    'said: statements(first: $first) { totalCount edges { node { ...PgStatement } } }',
    caps.mentionedIn ? 'mentionedIn(first: $first) { totalCount edges { node { ...PgStatement } } }' : '',
    'pledged: commitments(first: $first) { totalCount edges { node { ...PgCommitment } } }',
    caps.targetedBy ? 'targetedBy(first: $first) { totalCount edges { node { ...PgCommitment } } }' : '',
  ].filter(Boolean).join('\n      ');
  const selection = `{
    __typename
    ... on Actor {
      ${actor}
    }
    ... on Statement { ...PgStatement stmtCommitments: commitments { ...PgCommitment } }
    ... on Commitment { ...PgCommitment statement { ...PgStatement } }
    ... on Document {
      ...PgDocRef
      docActors: actors { ...PgActorRef }
      docStatements: statements { ...PgStatement }
      docCommitments: commitments { ...PgCommitment }
    }
  }`;
  if (caps.nodes) {
    return `query PgExpand($ids: [ID!]!, $first: Int!) {\n  nodes(ids: $ids) ${selection}\n}\n${FRAGMENTS}`;
  }
  const vars = Array.from({ length: count }, (_, i) => `$id${i}: ID!`).join(', ');
  const fields = Array.from({ length: count }, (_, i) => `  n${i}: node(id: $id${i}) ${selection}`).join('\n');
  return `query PgExpand(${vars}, $first: Int!) {\n${fields}\n}\n${FRAGMENTS}`;
}

/** Actors whose name or alias contains $q. */
export const SUGGEST = `query PgSuggest($q: String!, $first: Int!) {
  actors(search: $q, first: $first) {
    totalCount
    edges { node { id name kind aliases title country { name } } }
  }
}`;

/**
 * Actors by full-text search (prefixes and misspellings of names, aliases
 * and titles), best first. The server's search also finds statements and
 * commitments; only actors are kept, so more results are asked for than
 * shown. Variables: q, first.
 */
export const SEARCH_ACTORS = `query PgSearchActors($q: String!, $first: Int!) {
  search(text: $q, first: $first) {
    edges { node { id type score entity { ... on Actor { id name kind aliases title country { name } } } } }
  }
}`;

/** The actor with a name or alias. */
export const ACTOR_BY_NAME = `query PgActorByName($name: String!) {
  actor(name: $name) { id name kind }
}`;

/** Publication dates of documents (for filters, when a Subgraph has none). */
export const DOCUMENT_DATES = `query PgDocumentDates($ids: [ID!]!) {
  nodes(ids: $ids) { ... on Document { id title publishedAt } }
}`;

/** The documents stored (for the document filter). */
export const DOCUMENTS = `query PgDocuments($first: Int!) {
  documents(first: $first) { totalCount edges { node { id title source publishedAt } } }
}`;

/** Details for the side panel, by node type. Variables: id, and first for actors. */
export function detailQuery(type, caps) {
  const evidence = caps.evidence ? 'evidence { sentenceText text }' : '';
  switch (type) {
    case 'actor':
      return `query PgActorDetail($id: ID!, $first: Int!) {
  node(id: $id) {
    ... on Actor {
      id name kind aliases title
      country { id name }
      ${caps.representatives ? 'representatives { id name title }' : ''}
      documents { id title source publishedAt }
      statements(first: $first) {
        totalCount
        edges { node { id kind text cue document { id title source publishedAt } } }
      }
      commitments(first: $first) {
        totalCount
        edges { node { id action polarity modality condition amount target { id name } document { id title source publishedAt } } }
      }
      ${caps.mentionedIn ? 'mentionedIn(first: 1) { totalCount }' : ''}
      ${caps.targetedBy ? 'targetedBy(first: 1) { totalCount }' : ''}
    }
  }
}`;
    case 'statement':
      return `query PgStatementDetail($id: ID!) {
  node(id: $id) {
    ... on Statement {
      id kind text cue sentence start end rule confidence
      speaker { id name title }
      mentions { id name }
      commitments { id action polarity }
      document { id title source publishedAt dateline text }
      ${evidence}
    }
  }
}`;
    case 'commitment':
      return `query PgCommitmentDetail($id: ID!) {
  node(id: $id) {
    ... on Commitment {
      id action polarity modality condition amount sentence start end rule confidence
      actor { id name }
      target { id name }
      statement { id kind text speaker { id name } }
      document { id title source publishedAt dateline text }
      ${evidence}
    }
  }
}`;
    case 'document':
      return `query PgDocumentDetail($id: ID!) {
  node(id: $id) {
    ... on Document {
      id title source publishedAt dateline text
      actors { id name kind }
      statements { id kind text start end speaker { name } }
      commitments { id action polarity start end actor { name } }
    }
  }
}`;
    default:
      throw new Error(`no detail query for ${type}`);
  }
}

// What the explorer needs of a GraphNode's entity beyond its label: an
// actor's full name, a statement's full text, a commitment's action, and the
// document (with its date) that the filters work on.
const GRAPH_NODE = (caps) => (caps.graphNodeEntity ? `{
      id label type kind
      entity {
        __typename
        ... on Actor { name }
        ... on Statement { text document { id publishedAt } }
        ... on Commitment { action document { id publishedAt } }
        ... on Document { docTitle: title source publishedAt }
      }
    }` : '{ id label type kind }');

const SUBGRAPH_SELECTION = (caps, truncated) => `{
    nodes ${GRAPH_NODE(caps)}
    edges { source target predicate documents { id title } }
    ${truncated ? 'truncated' : ''}
  }`;

/** Builds a call of a server-side graph query with the arguments it has. */
function call(field, args, wanted, selection) {
  const defs = [];
  const uses = [];
  for (const [name, value] of Object.entries(wanted)) {
    if (!args[name] || value === undefined) continue;
    defs.push(`$${name}: ${args[name]}`);
    uses.push(`${name}: $${name}`);
  }
  const q = `query Pg${field[0].toUpperCase()}${field.slice(1)}(${defs.join(', ')}) {\n  ${field}(${uses.join(', ')}) ${selection}\n}`;
  const variables = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => args[k] && v !== undefined));
  return { query: q, variables };
}

/** The server's `neighborhood` query, when the schema has it. */
export function neighborhoodQuery(caps, { of, depth = 1, predicates, limit }) {
  return call('neighborhood', caps.neighborhood, { of, depth, predicates, limit }, SUBGRAPH_SELECTION(caps, caps.subgraphTruncated));
}

/** The server's `path` query, when the schema has it. */
export function pathQuery(caps, { from, to, maxDepth, predicates, first = 1 }) {
  return call('path', caps.path, { from, to, maxDepth, predicates, first }, SUBGRAPH_SELECTION(caps, false));
}
