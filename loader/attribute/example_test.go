package attribute_test

import (
	"fmt"

	"pledgegraph"
	"pledgegraph/loader/attribute"
	"pledgegraph/loader/attribute/annottest"
)

func ExampleStatements() {
	d := annottest.Build("Defence Minister Ana Ortiz visited the port. “We will rebuild every bridge,” she said.\n"+
		"Ortiz said Madrid would send engineers “within a week”. Two diplomats said the talks had stalled.",
		pledgegraph.Actor{Name: "Ana Ortiz", Kind: pledgegraph.KindPerson, Title: "Defence Minister", Country: "Spain", Aliases: []string{"Ortiz"}},
		pledgegraph.Actor{Name: "Spain", Kind: pledgegraph.KindCountry, Aliases: []string{"Madrid"}})
	for _, s := range attribute.Statements(d) {
		speaker := s.Speaker
		if speaker == "" {
			speaker = "(unnamed)"
		}
		fmt.Printf("%-8s %-26s %-22s %q\n", s.Kind, speaker, s.Rule, s.Text)
	}
	// Output:
	// direct   actor:person:ana-ortiz     attribute/quote-trailing-cue "We will rebuild every bridge,"
	// indirect actor:person:ana-ortiz     attribute/report-clause "Madrid would send engineers within a week"
	// direct   actor:person:ana-ortiz     attribute/quote-in-report "within a week"
	// indirect (unnamed)                  attribute/report-clause "the talks had stalled"
}
