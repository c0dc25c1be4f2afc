package prediction_test

import (
	"encoding/json"
	"testing"

	"pledgegraph"
	"pledgegraph/loader/prediction"
)

func TestFrom(t *testing.T) {
	fr := pledgegraph.ActorID(pledgegraph.KindCountry, "France")
	x := &pledgegraph.Extraction{
		Actors: []pledgegraph.Actor{{ID: fr, Name: "France", Kind: pledgegraph.KindCountry, Aliases: []string{"Paris", "the French"}}},
		Statements: []pledgegraph.Statement{
			{Kind: pledgegraph.Direct, Text: "We’re ready — “now”", Speaker: fr},
			{Kind: pledgegraph.Indirect, Text: "the vote was close"}, // unnamed source
		},
		Commitments: []pledgegraph.Commitment{{Actor: fr, Action: "send €2 billion", Target: "actor:country:ukraine",
			Polarity: pledgegraph.Positive, Modality: "will"}},
	}
	b, err := json.Marshal(prediction.From(x))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"actors":[{"name":"France","kind":"country","aliases":["Paris","the French"]}],` +
		`"statements":[{"speaker":"France","speakerAliases":["Paris","the French"],"kind":"direct","quote":"We're ready - \"now\""},` +
		`{"speaker":null,"speakerAliases":[],"kind":"indirect","quote":"the vote was close"}],` +
		`"commitments":[{"actor":"France","actorAliases":["Paris","the French"],"action":"send €2 billion","target":"actor:country:ukraine","polarity":"positive","modality":"will","condition":null}]}`
	if string(b) != want {
		t.Errorf("got\n%s\nwant\n%s", b, want)
	}
}

func TestFromEmptyIsValidJSONWithLists(t *testing.T) {
	b, _ := json.Marshal(prediction.From(&pledgegraph.Extraction{}))
	if string(b) != `{"actors":[],"statements":[],"commitments":[]}` {
		t.Errorf("got %s", b)
	}
}
