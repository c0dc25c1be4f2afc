// Package normalize is the first stage of the loader: it turns the raw text
// of a scraped news article into the normalised text every later stage reads
// (annot.Doc Text, Title, Dateline, Published and Paragraphs).
//
// # What it repairs
//
//   - Bytes: invalid UTF-8 is read as Windows-1252; a UTF-16 byte-order mark
//     is honoured. Binary input is rejected (pledgegraph.EINVALID).
//   - Mojibake: UTF-8 read as Windows-1252 or Latin-1 ("â€œ", "â€™", "Ã©",
//     "Ä—"), also when done twice, and the variant whose 0x9D byte was
//     dropped ("â€" for "”").
//   - HTML: tags are dropped (block tags end a line); character references
//     ending in ';' (&amp; &#8217; &rsquo;) are decoded, also when escaped
//     twice (&amp;quot;).
//   - Characters: CRLF and other line separators become '\n', NBSP and other
//     spaces ' ', zero-width characters and soft hyphens are dropped; the
//     text is NFC.
//   - Lone-'â' damage: text in which every curly quote, apostrophe and dash
//     became a lone 'â' is detected per document; each 'â' is read from its
//     context and from quote pairing per paragraph (see marks.go): opening or
//     closing double quote, single quote nested in a double one, apostrophe
//     (Trumpâs, theyâre, countriesâ representatives), dash (areas â
//     security), euro sign before an amount, or a stray (Jared â Kushner;
//     an opener that never closes around closed inner quotes). A genuine 'â'
//     (Château) survives.
//
// # Canonical text
//
// Later stages rely on this form of Text:
//
//   - Quote marks are typographic and directed: “ opens and ” closes a double
//     quote, ‘ opens and ’ closes a single one. Straight ASCII quotes, „ « »
//     ‹ › and mis-directed curly marks are rewritten by context (a mark after
//     a space and before a word opens; after a word or punctuation and before
//     a space or punctuation closes) and by pairing. A single mark written
//     twice for a double one (‘‘ ’’ in New York Times style, two grave
//     accents or two apostrophes in Treebank style) is one double mark.
//   - ’ is also the apostrophe (don’t, Trump’s, the allies’ bases); a reader
//     tells it from a closing single quote by whether a ‘ is open.
//   - Dashes are "—": "--", a spaced hyphen and a spaced en dash become one.
//     An unspaced en dash ("2014–2022", "EU–China") stays "–".
//   - Paragraphs are separated by exactly "\n\n"; a paragraph holds no
//     newline, no doubled space and no leading or trailing space.
//   - Paragraph 0 is the headline (Kind annot.Headline, also Doc.Title) when
//     the first line reads as one: short, without a final period. Every
//     other paragraph is annot.Body.
//   - Page furniture ("Recommended Stories list of 4 itemsend of list",
//     "Read more", "Advertisement", share, sign-up and follow prompts,
//     copyright and source lines), photo captions and credits (a line ending
//     in "[Name via AP]", "[Photo: Name/Agency]", "(Reuters)"; "Photo: …";
//     short unpunctuated lines), and bylines are removed.
//   - The dateline prefix of the first body paragraph ("UNITED NATIONS,
//     October 2 (wire) —", "PARIS (Reuters) —", "KYIV, Ukraine —") is moved
//     to Doc.Dateline, without its dash; Doc.Published is set when a full
//     date (with year) is given there or on a "Published …" line.
//
// Normalising canonical text again yields the same text: Normalize reads its
// own output again until it is stable (the fuzz test checks this). The one
// exception to the typographic marks above keeps that true: a mark that
// would complete a mojibake sequence with the letters before it ("Ã" + "“"
// is the mojibake of "Ó") is written in ASCII (" ' - ...).
package normalize
