package commit_test

import (
	"fmt"

	"pledgegraph"
	"pledgegraph/loader/attribute"
	"pledgegraph/loader/attribute/annottest"
	"pledgegraph/loader/commit"
)

func ExampleCommitments() {
	d := annottest.Build("Defence Minister Ana Ortiz said Madrid would send 200 engineers to Latvia if the ceasefire held. "+
		"Portugal ruled out sending troops.",
		pledgegraph.Actor{Name: "Ana Ortiz", Kind: pledgegraph.KindPerson, Title: "Defence Minister", Country: "Spain", Aliases: []string{"Ortiz"}},
		pledgegraph.Actor{Name: "Spain", Kind: pledgegraph.KindCountry, Aliases: []string{"Madrid"}},
		pledgegraph.Actor{Name: "Portugal", Kind: pledgegraph.KindCountry},
		pledgegraph.Actor{Name: "Latvia", Kind: pledgegraph.KindCountry})
	for _, c := range commit.Commitments(d, attribute.Statements(d)) {
		fmt.Printf("%s %s %q target=%s modality=%q condition=%q amount=%q from-statement=%v\n",
			c.Actor, c.Polarity, c.Action, c.Target, c.Modality, c.Condition, c.Amount, c.Statement != "")
	}
	// Output:
	// actor:country:spain positive "send 200 engineers to Latvia" target=actor:country:latvia modality="would" condition="if the ceasefire held" amount="200 engineers" from-statement=true
	// actor:country:portugal negative "send troops" target= modality="ruled out" condition="" amount="" from-statement=false
}
