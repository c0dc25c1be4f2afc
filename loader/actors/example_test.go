package actors_test

import (
	"fmt"

	"pledgegraph/loader/actors"
	"pledgegraph/loader/annot"
)

func ExampleRecognize() {
	text := "French President Emmanuel Macron said Paris could contribute troops. Macron met envoys in Kyiv."
	d := &annot.Doc{
		Text:       text,
		Paragraphs: []annot.Paragraph{{Span: annot.Span{Start: 0, End: len(text)}}},
		Sentences: []annot.Sentence{
			{Span: annot.Span{Start: 0, End: 69}, Index: 0},
			{Span: annot.Span{Start: 69, End: len(text)}, Index: 1},
		},
	}
	g, err := actors.DefaultGazetteer()
	if err != nil {
		panic(err)
	}
	acts, mentions := actors.Recognize(d, g)
	for _, a := range acts {
		fmt.Printf("%s %q title=%q country=%q aliases=%q\n", a.ID, a.Name, a.Title, a.Country, a.Aliases)
	}
	for _, m := range mentions {
		fmt.Printf("s%d %q → %s\n", m.Sentence, d.Slice(m.Span), acts[m.Actor].Name)
	}
	// Output:
	// actor:country:france "France" title="" country="" aliases=["French" "Paris"]
	// actor:person:emmanuel-macron "Emmanuel Macron" title="President" country="actor:country:france" aliases=["Macron"]
	// s0 "French" → France
	// s0 "Emmanuel Macron" → Emmanuel Macron
	// s0 "Paris" → France
	// s1 "Macron" → Emmanuel Macron
}

func ExampleGazetteer_IsGivenName() {
	g, err := actors.DefaultGazetteer()
	if err != nil {
		panic(err)
	}
	for _, w := range []string{"Declan", "Pieter-Jan", "Hope", "Gazprom", "Minister"} {
		fmt.Println(w, g.IsGivenName(w))
	}
	// Output:
	// Declan true
	// Pieter-Jan true
	// Hope false
	// Gazprom false
	// Minister false
}
