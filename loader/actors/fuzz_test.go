package actors_test

import (
	"testing"
	"unicode/utf8"

	"pledgegraph/loader/actors"
	"pledgegraph/loader/annot"
)

// FuzzRecognize feeds arbitrary text, split into paragraphs and sentences as
// the test builder does, and checks that Recognize never panics and keeps
// its invariants: mention spans in bounds, sorted and disjoint, actor
// indices valid.
func FuzzRecognize(f *testing.F) {
	// a title phrase, a surname and a role
	f.Add("French President Emmanuel Macron said Paris could help. The president left, and Macron’s aide stayed.")
	// a headline line, abbreviations, hyphenated demonyms
	f.Add("# U.S. and UK back Kenyan-led force\nThe U.S.-backed plan passed.")
	// possessives at the end of the text, dangling apostrophes
	f.Add("Starmer’s")
	f.Add("countries’ ’s ’ '")
	// quotes without a closing mark, a quoted group
	f.Add("the so-called “coalition of the willing")
	f.Add("a “club of lenders” and “”")
	// parentheses at the edges, an acronym definition
	f.Add("(CARICOM) The Caribbean Community (CARICOM")
	// dotted capitals at the end, lone capitals
	f.Add("U.S. U. S. U.S")
	// invalid UTF-8 and combining marks
	f.Add("Ayd\xc4n \xff\xfe Marc-Andre\u0301 Tessier")
	// apposition with nothing after the comma
	f.Add("Washington’s top general in Europe,")
	// hyphens everywhere
	f.Add("- -- US- -UK Guinea-Bissau- -")
	// a role with no antecedent at the very end
	f.Add("the prime")
	// describing nouns at the edges: before a name, before nothing, after a comma
	f.Add("its development bank")
	f.Add("the grid operator Ukrenergo & the firm Sinai &")
	f.Add("Rosatom, the")
	f.Add("party, Law and")
	// an embassy at the start and end, with and without a city
	f.Add("embassy in the Russian embassy in")
	// a speaking name at the end of the text, a pronoun in the next sentence
	f.Add("Gazprom said. It")
	// a state's possessive, an unknown office and no name
	f.Add("Ireland’s Tánaiste, ")
	// initials after an office at the end
	f.Add("Senator J.D.")
	// a lower-case office with a prefix after a word that is no office, and
	// one at the very start (PolNeAR: both panicked in titleBefore)
	f.Add("a top terrorism adviser to then-President George W. Bush, also")
	f.Add("then-senator Barack Obama")
	// a demonym before a region noun at the end
	f.Add("the Palestinian territories")
	g, err := actors.DefaultGazetteer()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, d := range []*annot.Doc{doc(text), {Text: text}} {
			acts, ms := actors.Recognize(d, g)
			for i, m := range ms {
				if m.Start < 0 || m.End > len(d.Text) || m.Start >= m.End {
					t.Fatalf("mention %d span %v out of bounds (%d bytes)", i, m.Span, len(d.Text))
				}
				if i > 0 && ms[i-1].End > m.Start {
					t.Fatalf("mentions overlap or unsorted: %v %v", ms[i-1].Span, m.Span)
				}
				if m.Actor < -1 || m.Actor >= len(acts) {
					t.Fatalf("mention %d links actor %d of %d", i, m.Actor, len(acts))
				}
			}
			for _, a := range acts {
				if a.Name == "" || a.ID == "" || !a.Kind.Valid() {
					t.Fatalf("malformed actor %+v", a)
				}
				if utf8.ValidString(text) && !utf8.ValidString(a.Name) {
					t.Fatalf("actor name %q is not UTF-8", a.Name)
				}
			}
		}
	})
}
