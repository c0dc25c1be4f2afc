package pledgegraph_test

import (
	"errors"
	"fmt"
	"testing"

	"pledgegraph"
)

func TestNameKey(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Zelenskyy", "zelenskyy"},
		{"ZELENSKYY", "zelenskyy"},
		{"Zelénskyy", "zelenskyy"},
		{"U.S.", "us"},
		{"US", "us"},
		{"Aydın", "aydin"},
		{"Marc-André Tessier", "marc andre tessier"},
		{"  the   Coalition of the Willing ", "the coalition of the willing"},
		{"Côte d’Ivoire", "cote divoire"},
		{"Starmer’s", "starmers"},
		{"", ""},
		{"—", ""},
	} {
		if got := pledgegraph.NameKey(c.in); got != c.want {
			t.Errorf("NameKey(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestIDsAreStableAndTyped(t *testing.T) {
	raw := "Belgium said it would help."
	if a, b := pledgegraph.DocumentID(raw), pledgegraph.DocumentID(raw); a != b {
		t.Fatalf("DocumentID not stable: %s %s", a, b)
	}
	if pledgegraph.DocumentID(raw) == pledgegraph.DocumentID(raw+" ") {
		t.Error("different texts share an ID")
	}
	for _, c := range []struct{ id, typ string }{
		{pledgegraph.DocumentID(raw), pledgegraph.TypeDocument},
		{pledgegraph.ActorID(pledgegraph.KindCountry, "Czech Republic"), pledgegraph.TypeActor},
		{pledgegraph.StatementID("doc:1", pledgegraph.Direct, 1, 5), pledgegraph.TypeStatement},
		{pledgegraph.CommitmentID("doc:1", "actor:country:x", "help", 1, 5), pledgegraph.TypeCommitment},
		{"nonsense", ""},
	} {
		if got := pledgegraph.NodeType(c.id); got != c.typ {
			t.Errorf("NodeType(%q) = %q, want %q", c.id, got, c.typ)
		}
	}
	if got := pledgegraph.ActorID(pledgegraph.KindPerson, "Volodymyr Zelenskyy"); got != "actor:person:volodymyr-zelenskyy" {
		t.Errorf("ActorID = %q", got)
	}
	if pledgegraph.ActorID(pledgegraph.KindPerson, "Aydın Kaya") != pledgegraph.ActorID(pledgegraph.KindPerson, "Aydin Kaya") {
		t.Error("accented and unaccented spellings should be one actor")
	}
}

func TestErrorVocabulary(t *testing.T) {
	cause := errors.New("pq: relation \"quads\" does not exist")
	internal := fmt.Errorf("loading: %w", pledgegraph.Internal("store.Write", cause))
	notFound := fmt.Errorf("resolve: %w", pledgegraph.Errorf(pledgegraph.ENOTFOUND, "no actor named %q", "Nobody"))
	for _, c := range []struct {
		err        error
		code, safe string
	}{
		{nil, "", ""},
		{internal, pledgegraph.EINTERNAL, "internal error"},
		{notFound, pledgegraph.ENOTFOUND, `no actor named "Nobody"`},
		{cause, pledgegraph.EINTERNAL, "internal error"},
	} {
		if got := pledgegraph.ErrorCode(c.err); got != c.code {
			t.Errorf("ErrorCode(%v) = %q, want %q", c.err, got, c.code)
		}
		if got := pledgegraph.ErrorMessage(c.err); got != c.safe {
			t.Errorf("ErrorMessage(%v) = %q, want %q", c.err, got, c.safe)
		}
	}
	if !errors.Is(internal, cause) {
		t.Error("Internal must keep its cause for logs")
	}
}

func ExampleNameKey() {
	fmt.Println(pledgegraph.NameKey("Zelénskyy’s"), pledgegraph.NameKey("U.S."))
	// Output: zelenskyys us
}

func TestSameModality(t *testing.T) {
	for _, c := range []struct {
		word, asked string
		want        bool
	}{
		{"will", "will", true},
		{"Will", " WILL ", true},
		{" would not", "Would Not", true},
		{"would", "would not", false},
		{"would not", "would", false},
		{"pledged", "pledge", false},
		{"", "will", false},
	} {
		if got := pledgegraph.SameModality(c.word, c.asked); got != c.want {
			t.Errorf("SameModality(%q, %q) = %v, want %v", c.word, c.asked, got, c.want)
		}
	}
}
