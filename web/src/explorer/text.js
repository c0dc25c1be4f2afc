// Text helpers for evidence: the API gives byte offsets into the UTF-8
// document text; the DOM wants UTF-16 string indices.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Maps half-open byte ranges of text's UTF-8 encoding to string indices.
 * An offset inside a multi-byte character snaps back to its first byte, and
 * offsets are clamped to the text, so bad input never throws.
 */
export class ByteIndex {
  /** @param {string} text */
  constructor(text) {
    this.text = text;
    this.bytes = encoder.encode(text);
  }

  /** @param {number} offset a byte offset @returns {number} the string index */
  toIndex(offset) {
    const b = this.bytes;
    let o = Math.max(0, Math.min(Number.isFinite(offset) ? Math.trunc(offset) : 0, b.length));
    while (o > 0 && o < b.length && (b[o] & 0xc0) === 0x80) o--; // continuation byte
    return decoder.decode(b.subarray(0, o)).length;
  }

  /** @returns {{from: number, to: number}} string indices of [start, end) */
  range(start, end) {
    const from = this.toIndex(start);
    return { from, to: Math.max(from, this.toIndex(end)) };
  }

  /** The text of the byte range [start, end). */
  slice(start, end) {
    const { from, to } = this.range(start, end);
    return this.text.slice(from, to);
  }
}

/**
 * Finds the sentence around an evidence span, as string indices.
 * When the API gives the sentence text, its occurrence that contains the
 * span is used; otherwise the sentence is grown from the span to the nearest
 * sentence end (. ! ? followed by space) or line break on either side.
 * @param {string} text
 * @param {{from: number, to: number}} span
 * @param {string} [sentenceText]
 */
export function sentenceAround(text, span, sentenceText) {
  if (sentenceText) {
    let at = text.indexOf(sentenceText);
    while (at >= 0) {
      if (at <= span.from && at + sentenceText.length >= span.to) return { from: at, to: at + sentenceText.length };
      at = text.indexOf(sentenceText, at + 1);
    }
  }
  let from = span.from;
  while (from > 0) {
    const c = text[from - 1];
    if (c === '\n') break;
    if (/\s/.test(c) && /[.!?]/.test(text[from - 2] ?? '') && from - 2 < span.from) break;
    from--;
  }
  while (from < span.from && /\s/.test(text[from])) from++;
  let to = span.to;
  while (to < text.length && text[to] !== '\n') {
    if (/[.!?]/.test(text[to]) && (to + 1 >= text.length || /\s/.test(text[to + 1]))) { to++; break; }
    to++;
  }
  return { from, to };
}

/**
 * Splits text into segments for rendering with nested highlights: each
 * segment says which of the ranges (string indices) cover it.
 * @param {string} text
 * @param {Array<{from: number, to: number, cls: string}>} ranges
 * @returns {Array<{text: string, classes: string[]}>}
 */
export function segments(text, ranges) {
  const cuts = new Set([0, text.length]);
  for (const r of ranges) {
    cuts.add(Math.max(0, Math.min(r.from, text.length)));
    cuts.add(Math.max(0, Math.min(r.to, text.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (a === b) continue;
    const classes = ranges.filter((r) => r.from <= a && r.to >= b && r.from < r.to).map((r) => r.cls);
    out.push({ text: text.slice(a, b), classes });
  }
  return out;
}

/** Shortens s to at most n characters, on a word boundary when it can. */
export function ellipsis(s, n) {
  if (!s || s.length <= n) return s ?? '';
  const cut = s.slice(0, n - 1);
  const sp = cut.lastIndexOf(' ');
  return `${sp >= n / 2 ? cut.slice(0, sp) : cut}…`;
}
