// The side panel: everything known about the selected node, with its
// evidence shown in the source document's text.
import { h, day, docTitle } from './dom.js';
import { ByteIndex, segments, sentenceAround } from './text.js';

const KIND = { PERSON: 'Person', COUNTRY: 'Country', ORGANIZATION: 'Organization' };
const lower = (s) => String(s ?? '').toLowerCase();

/**
 * @typedef {{open: (id: string, type: string) => void, recentre: (id: string) => void}} PanelActions
 */

/** Link to GraphiQL with the query behind a panel. */
export function graphiqlLink(query, variables) {
  const p = new URLSearchParams({ query, variables: JSON.stringify(variables, null, 2) });
  return h('a.graphiql-link', { href: `/graphiql?${p}`, target: '_blank', rel: 'noopener' }, 'Open this query in GraphiQL ↗');
}

const nodeLink = (actions, id, type, label, cls = '') => h(`button.link${cls}`, { type: 'button', onclick: () => actions.open(id, type), title: 'Show in the graph' }, label);

const badge = (cls, text) => h(`span.badge.${cls}`, text);

function polarityBadge(p) {
  return lower(p) === 'negative' ? badge('negative', 'Refusal ✗') : badge('positive', 'Pledge ✓');
}

function kindBadge(k) {
  return lower(k) === 'indirect' ? badge('indirect', 'Reported') : badge('direct', 'Quoted');
}

function sourceLine(doc) {
  if (!doc) return null;
  return h('span.source', day(doc.publishedAt), ' · ', docTitle(doc));
}

/**
 * The document's text with the evidence span marked, inside its sentence.
 * @param {{text: string, title: string}} doc
 * @param {Array<{start: number, end: number, cls: string, sentenceText?: string}>} spans byte offsets
 */
export function documentText(doc, spans) {
  const idx = new ByteIndex(doc.text ?? '');
  const ranges = [];
  for (const s of spans) {
    const r = idx.range(s.start, s.end);
    if (s.sentenceText !== undefined || s.cls === 'evidence') {
      const sent = sentenceAround(idx.text, r, s.sentenceText);
      ranges.push({ ...sent, cls: 'sentence' });
    }
    ranges.push({ ...r, cls: s.cls });
  }
  const box = h('div.doctext', { tabindex: '0', 'aria-label': `Text of “${docTitle(doc)}”` },
    segments(idx.text, ranges).map((seg) => (seg.classes.length
      ? h(`mark.${seg.classes.join('.')}`, seg.text)
      : seg.text)));
  // Once shown, scroll the highlight into the middle of the box.
  requestAnimationFrame(() => {
    const m = box.querySelector('mark.sentence, mark.evidence');
    if (m) box.scrollTop = Math.max(0, m.offsetTop - box.offsetTop - box.clientHeight / 3);
  });
  return box;
}

function evidenceFacts(x) {
  return h('dl.facts.small',
    h('dt', 'Sentence'), h('dd', `#${x.sentence + 1} (bytes ${x.start}–${x.end})`),
    h('dt', 'Rule'), h('dd', h('code', x.rule)),
    h('dt', 'Confidence'), h('dd', `${Math.round(x.confidence * 100)}%`));
}

function actorPanel(a, actions) {
  const st = a.statements.edges.map((e) => e.node);
  const cm = a.commitments.edges.map((e) => e.node);
  const byDate = (x, y) => String(y.document?.publishedAt ?? '').localeCompare(String(x.document?.publishedAt ?? ''));
  return [
    h('header', h('span.type', KIND[a.kind] ?? a.kind), h('h2', a.name)),
    h('dl.facts',
      a.title ? [h('dt', 'Title'), h('dd', a.title)] : null,
      a.country ? [h('dt', 'Country'), h('dd', nodeLink(actions, a.country.id, 'actor', a.country.name))] : null,
      a.aliases?.length ? [h('dt', 'Also read as'), h('dd.aliases', a.aliases.join(' · '))] : null,
      a.representatives?.length ? [h('dt', 'Represented by'), h('dd', a.representatives.map((r, i) => [i ? ', ' : '', nodeLink(actions, r.id, 'actor', r.name)]))] : null,
      [h('dt', 'Documents'), h('dd', String(a.documents?.length ?? 0))],
      a.mentionedIn ? [h('dt', 'Mentioned in'), h('dd', `${a.mentionedIn.totalCount} statements`)] : null,
      a.targetedBy ? [h('dt', 'Targeted by'), h('dd', `${a.targetedBy.totalCount} commitments`)] : null),
    h('div.actions',
      h('button', { type: 'button', onclick: () => actions.recentre(a.id) }, 'Centre the graph here')),
    h('h3', `Statements (${a.statements.totalCount})`),
    st.length ? h('ol.items', [...st].sort(byDate).map((s) => h('li.item', { dataset: { id: s.id } },
      h('div.meta', kindBadge(s.kind), ' ', sourceLine(s.document)),
      nodeLink(actions, s.id, 'statement', `“${s.text}”`, '.quote')))) : h('p.none', 'No statements.'),
    a.statements.totalCount > st.length ? h('p.more', `Showing ${st.length} of ${a.statements.totalCount}.`) : null,
    h('h3', `Commitments (${a.commitments.totalCount})`),
    cm.length ? h('ol.items', [...cm].sort(byDate).map((c) => h('li.item', { dataset: { id: c.id } },
      h('div.meta', polarityBadge(c.polarity), ' ', sourceLine(c.document)),
      nodeLink(actions, c.id, 'commitment', c.action, lower(c.polarity) === 'negative' ? '.refusal' : ''),
      c.target ? h('span.target', ' → ', c.target.name) : null,
      h('div.small', `“${c.modality}”`, c.condition ? ` · ${c.condition}` : '', c.amount ? ` · ${c.amount}` : '')))) : h('p.none', 'No commitments.'),
    a.commitments.totalCount > cm.length ? h('p.more', `Showing ${cm.length} of ${a.commitments.totalCount}.`) : null,
  ];
}

function statementPanel(s, actions) {
  return [
    h('header', h('span.type', 'Statement'), ' ', kindBadge(s.kind), h('h2.quote', `“${s.text}”`)),
    h('dl.facts',
      h('dt', 'Speaker'), h('dd', s.speaker ? nodeLink(actions, s.speaker.id, 'actor', s.speaker.name) : 'unnamed source'),
      s.cue ? [h('dt', 'Cue'), h('dd', s.cue)] : null,
      s.mentions?.length ? [h('dt', 'Mentions'), h('dd', s.mentions.map((m, i) => [i ? ', ' : '', nodeLink(actions, m.id, 'actor', m.name)]))] : null,
      s.commitments?.length ? [h('dt', 'Commitments'), h('dd', s.commitments.map((c, i) => [i ? ', ' : '', nodeLink(actions, c.id, 'commitment', c.action, lower(c.polarity) === 'negative' ? '.refusal' : '')]))] : null,
      h('dt', 'Document'), h('dd', nodeLink(actions, s.document.id, 'document', docTitle(s.document))),
      h('dt', 'Published'), h('dd', day(s.document.publishedAt))),
    h('h3', 'In the source'),
    s.evidence?.sentenceText ? h('blockquote.sentence', s.evidence.sentenceText) : null,
    documentText(s.document, [{ start: s.start, end: s.end, cls: 'evidence', sentenceText: s.evidence?.sentenceText }]),
    evidenceFacts(s),
  ];
}

function commitmentPanel(c, actions) {
  const refusal = lower(c.polarity) === 'negative';
  return [
    h('header', h('span.type', 'Commitment'), ' ', polarityBadge(c.polarity), h(`h2${refusal ? '.refusal' : ''}`, c.action)),
    h('dl.facts',
      h('dt', refusal ? 'Refused by' : 'Pledged by'), h('dd', nodeLink(actions, c.actor.id, 'actor', c.actor.name)),
      h('dt', 'Action'), h('dd', c.action),
      h('dt', 'Target'), h('dd', c.target ? nodeLink(actions, c.target.id, 'actor', c.target.name) : '—'),
      h('dt', 'Modality'), h('dd', `“${c.modality}”`),
      h('dt', 'Condition'), h('dd', c.condition ?? 'none'),
      c.amount ? [h('dt', 'Amount'), h('dd', c.amount)] : null,
      c.statement ? [h('dt', 'Stated in'), h('dd', nodeLink(actions, c.statement.id, 'statement', `“${c.statement.text}”`, '.quote'),
        c.statement.speaker ? ` — ${c.statement.speaker.name}` : '')] : null,
      h('dt', 'Document'), h('dd', nodeLink(actions, c.document.id, 'document', docTitle(c.document))),
      h('dt', 'Published'), h('dd', day(c.document.publishedAt))),
    h('h3', 'Evidence'),
    c.evidence?.sentenceText ? h('blockquote.sentence', c.evidence.sentenceText) : null,
    documentText(c.document, [{ start: c.start, end: c.end, cls: 'evidence', sentenceText: c.evidence?.sentenceText }]),
    evidenceFacts(c),
  ];
}

function documentPanel(d, actions) {
  const spans = [
    ...d.statements.map((s) => ({ start: s.start, end: s.end, cls: 'stmt' })),
    ...d.commitments.map((c) => ({ start: c.start, end: c.end, cls: lower(c.polarity) === 'negative' ? 'refusal' : 'pledge' })),
  ];
  return [
    h('header', h('span.type', 'Document'), h('h2', docTitle(d))),
    h('dl.facts',
      h('dt', 'Published'), h('dd', day(d.publishedAt)),
      d.dateline ? [h('dt', 'Dateline'), h('dd', d.dateline)] : null,
      d.source ? [h('dt', 'Source'), h('dd', d.source)] : null,
      h('dt', 'Read'), h('dd', `${d.statements.length} statements, ${d.commitments.length} commitments, ${d.actors.length} actors`)),
    h('p.small', 'Statements are underlined; pledges green, refusals red.'),
    documentText(d, spans),
    h('h3', 'Actors'),
    h('p', d.actors.map((a, i) => [i ? ', ' : '', nodeLink(actions, a.id, 'actor', a.name)])),
  ];
}

/**
 * Renders the panel for a node's details (from GraphSource.details).
 * @param {HTMLElement} root
 * @param {string} type
 * @param {{node: object, query: string, variables: object}} details
 * @param {PanelActions} actions
 */
export function renderPanel(root, type, details, actions) {
  const n = details.node;
  if (!n) {
    root.replaceChildren(h('p.none', 'This node is no longer stored.'));
    return;
  }
  const body = { actor: actorPanel, statement: statementPanel, commitment: commitmentPanel, document: documentPanel }[type](n, actions);
  root.replaceChildren(h('article.details', { dataset: { id: n.id, type } }, body, h('footer', h('code.id', n.id), graphiqlLink(details.query, details.variables))));
}

export function renderPanelMessage(root, ...content) {
  root.replaceChildren(h('div.panel-message', content));
}
