// Package segment is the loader stage after normalize: it reads the
// sentences and the quoted spans of an article's Body paragraphs
// (annot.Sentence, annot.Quote). It relies on the canonical text of package
// normalize — directed typographic marks “ ” ‘ ’, with ’ also the apostrophe
// — but reads straight ASCII quotes by context too.
//
// # Quotes
//
// Marks are paired per paragraph on a stack. A double quote may hold single
// ones (Depth 1; deeper levels alternate). ’ closes an open single quote
// unless it sits inside a word (don’t, O’Brien), after a digit (1990’s), or
// is a plural possessive: an s-final ’ before a word ("the allies’ bases")
// closes the quote only when a closer-like word follows ("the ‘allies’ and
// partners") or no later mark could close it. Unbalanced marks never cost
// the rest of the paragraph: a stray closer is ignored; a second “ while one
// is open ends the first, unclosed, just before it; single quotes left open
// inside a closing double quote were apostrophes.
//
// A paragraph that ends inside an outer quote yields that quote with
// Closed=false, running to the paragraph's end. When the next paragraph
// opens with a quote mark — the news convention for a quote running over
// paragraphs — that quote has Continued=true.
//
// A quote split by its attribution inside one sentence (“A,” she said,
// “B.”) is joined: the first part's Joined lists the later parts. Parts in
// separate sentences (“A,” she said. “B.”) are not joined.
//
// # Sentences
//
// A sentence ends after . ! ? or … (with any closing marks right after it)
// when white space and an upper-case letter, digit, opening mark or bracket
// follow — but not after a title or month abbreviation (Mr., Dr., Jan.,
// St., Sens.), an initial (Jared C. Kushner), or a dotted acronym (U.S.)
// unless a typical sentence opener follows; decimals ("3.5") never qualify.
// A US state abbreviation (Calif., Del., Ky.) ends a sentence as any word
// does after a comma ("in Tamarac, Fla. While…"); in parentheses, after a
// party letter or before what it qualifies ("(D-Del.)", "R-Ky.", "former
// Fla. Gov. Jeb Bush", "Del. Jennifer McClellan") it ends one only before a
// typical sentence opener, an opening quote or a number.
//
// A sentence never ends inside a closed outer quote: a quote holding several
// sentences ("“It’s important ... These are not just words. ...,” he said.")
// is one sentence with its attribution, so every Quote's Sentence is the
// sentence of its opening mark and an attribution cue after the closing
// mark ("he said") is in that same sentence. A quote left open at the end
// of its paragraph does not hold sentences together (one stray mark would
// otherwise swallow the paragraph).
package segment
