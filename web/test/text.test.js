import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteIndex, sentenceAround, segments, ellipsis } from '../src/explorer/text.js';

const bytes = (s) => Buffer.byteLength(s, 'utf8');

test('ByteIndex maps UTF-8 byte offsets to string indices', async (t) => {
  const text = 'Zelénskyy said “we’re ready” — 🇺🇦 Kyiv.';
  const idx = new ByteIndex(text);
  const cases = [
    ['ASCII prefix', 'Zel'],
    ['after a two-byte letter', 'Zelé'],
    ['after curly quote (3 bytes)', 'Zelénskyy said “'],
    ['after a flag (two 4-byte code points, surrogate pairs)', 'Zelénskyy said “we’re ready” — 🇺🇦'],
    ['whole text', text],
  ];
  for (const [name, prefix] of cases) {
    await t.test(name, () => assert.equal(idx.toIndex(bytes(prefix)), prefix.length));
  }
  await t.test('slice of a quote', () => {
    const start = bytes('Zelénskyy said “');
    const end = start + bytes('we’re ready');
    assert.equal(idx.slice(start, end), 'we’re ready');
  });
  await t.test('offset inside a multi-byte character snaps back', () => {
    assert.equal(idx.toIndex(bytes('Zel') + 1), 3);
  });
  await t.test('out of range and garbage offsets are clamped', () => {
    assert.equal(idx.toIndex(-5), 0);
    assert.equal(idx.toIndex(1e9), text.length);
    assert.equal(idx.toIndex(NaN), 0);
    assert.deepEqual(idx.range(10, 2), { from: 9, to: 9 }); // byte 10 ends "Zelénskyy"
  });
});

test('sentenceAround', async (t) => {
  const text = 'Germany signalled caution.\nChancellor Friedrich Merz said German forces could join. He said more. Others left.';
  const span = (s) => ({ from: text.indexOf(s), to: text.indexOf(s) + s.length });
  await t.test('uses the given sentence text when it contains the span', () => {
    const sent = 'Chancellor Friedrich Merz said German forces could join.';
    assert.deepEqual(sentenceAround(text, span('German forces'), sent), span(sent));
  });
  await t.test('grows to sentence ends without it', () => {
    assert.equal(((r) => text.slice(r.from, r.to))(sentenceAround(text, span('German forces'))), 'Chancellor Friedrich Merz said German forces could join.');
    assert.equal(((r) => text.slice(r.from, r.to))(sentenceAround(text, span('more'))), 'He said more.');
  });
  await t.test('ignores a sentence text found elsewhere', () => {
    assert.equal(((r) => text.slice(r.from, r.to))(sentenceAround(text, span('more'), 'Others left.')), 'He said more.');
  });
});

test('segments nests highlight ranges', () => {
  const got = segments('abcdefgh', [{ from: 1, to: 7, cls: 'sentence' }, { from: 3, to: 5, cls: 'evidence' }]);
  assert.deepEqual(got, [
    { text: 'a', classes: [] },
    { text: 'bc', classes: ['sentence'] },
    { text: 'de', classes: ['sentence', 'evidence'] },
    { text: 'fg', classes: ['sentence'] },
    { text: 'h', classes: [] },
  ]);
  assert.deepEqual(segments('', []), []);
});

test('ellipsis', () => {
  assert.equal(ellipsis('short', 10), 'short');
  assert.equal(ellipsis('the robust guarantees would see the US lead', 20), 'the robust…');
  assert.equal(ellipsis(null, 5), '');
});
