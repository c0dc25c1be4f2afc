package attribute_test

import (
	"testing"

	"pledgegraph"
	"pledgegraph/loader/annot"
	"pledgegraph/loader/attribute"
	"pledgegraph/loader/attribute/annottest"
)

// FuzzStatements checks that attribution never panics and keeps every
// statement's evidence inside the text, whatever the text.
func FuzzStatements(f *testing.F) {
	f.Add("“We will rebuild every bridge,” Ortiz said.")                       // trailing cue
	f.Add("Foreign Minister Ivo Brandt said: “The sanctions stay.”")           // leading cue
	f.Add("“The first convoy leaves.\n“More will follow,” Ortiz said.")        // paragraph-spanning quote
	f.Add("“A,” she said, “b.” He said “ and ” then ‘x’ ’ “")                  // stray and nested marks
	f.Add("Latvia and Lithuania said they would close their borders, while.")  // coordination, dangling while
	f.Add("said said said, said “” “,” according to , , told that that.")      // cue words without content
	f.Add("# “Headline” says Ortiz\n\n\nThe ministry said. He said. It said.") // headline, empty paragraphs, pronouns
	f.Add("Ortiz, who, which, said, “")                                        // unclosed everything
	f.Fuzz(func(t *testing.T, text string) {
		d := annottest.Build(text, cast...)
		for _, s := range attribute.Statements(d) {
			if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
				t.Fatalf("statement %q: evidence [%d,%d) outside text of %d bytes", s.Text, s.Start, s.End, len(d.Text))
			}
			if s.Sentence < 0 || s.Sentence >= len(d.Sentences) {
				t.Fatalf("statement %q: sentence %d of %d", s.Text, s.Sentence, len(d.Sentences))
			}
			if !s.Kind.Valid() || s.ID == "" {
				t.Fatalf("statement %q: kind %q id %q", s.Text, s.Kind, s.ID)
			}
		}
	})
}

// TestMalformed feeds layers whose offsets and indices are out of range:
// attribution must not panic.
func TestMalformed(t *testing.T) {
	text := "“We will stay,” Ortiz said. Ortiz said the army would stay."
	good := annottest.Build(text, cast...)
	tests := []struct {
		name string
		edit func(d *annot.Doc)
	}{
		{"quote past the end", func(d *annot.Doc) {
			d.Quotes = append(d.Quotes, annot.Quote{Span: annot.Span{Start: 5, End: 500}, Outer: annot.Span{Start: 4, End: 501}, Closed: true})
		}},
		{"negative quote", func(d *annot.Doc) {
			d.Quotes = append(d.Quotes, annot.Quote{Span: annot.Span{Start: -3, End: 2}, Outer: annot.Span{Start: -4, End: 3}, Para: -1})
		}},
		{"joined index out of range", func(d *annot.Doc) {
			if len(d.Quotes) > 0 {
				d.Quotes[0].Joined = []int{7, -1, 99}
			}
		}},
		{"mention of a missing actor", func(d *annot.Doc) {
			d.Mentions = append(d.Mentions, annot.Mention{Span: annot.Span{Start: 0, End: 3}, Actor: 42})
		}},
		{"sentence past the end", func(d *annot.Doc) {
			d.Sentences = append(d.Sentences, annot.Sentence{Span: annot.Span{Start: 10, End: 900}, Index: len(d.Sentences), Para: 7})
		}},
		{"no layers", func(d *annot.Doc) { *d = annot.Doc{Text: text} }},
		{"no actors", func(d *annot.Doc) { d.Actors = nil }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := *good
			d.Quotes = append([]annot.Quote(nil), good.Quotes...)
			d.Mentions = append([]annot.Mention(nil), good.Mentions...)
			d.Sentences = append([]annot.Sentence(nil), good.Sentences...)
			d.Actors = append([]pledgegraph.Actor(nil), good.Actors...)
			tc.edit(&d)
			for _, s := range attribute.Statements(&d) {
				if s.Start < 0 || s.End > len(d.Text) {
					t.Errorf("statement %q out of bounds", s.Text)
				}
			}
		})
	}
}
