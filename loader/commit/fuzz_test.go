package commit_test

import (
	"testing"

	"pledgegraph/loader/attribute"
	"pledgegraph/loader/attribute/annottest"
	"pledgegraph/loader/commit"
)

// FuzzCommitments checks that commitment extraction never panics and keeps
// evidence inside the text, whatever the text.
func FuzzCommitments(f *testing.F) {
	f.Add("Spain pledged on Monday to send 500 troops to Latvia.")                    // pledge with amount and target
	f.Add("Ortiz said Madrid could send two frigates if the ceasefire holds, but.")   // condition, dangling but
	f.Add("“We will not leave,” Ortiz said. “We won’t, we will, we would not”")       // quotes, contractions, unclosed
	f.Add("Germany ruled out. Poland refused to. NATO agreed to, and to, as well as") // triggers without complements
	f.Add("If , unless once as long as Turkey is ready to to to")                     // condition markers without content
	f.Add("Latvia and Lithuania each pledged € $ £ million, including sending")       // currency signs alone
	f.Add("# Spain pledges\n\n“Spain will\n“send troops,” Ortiz said.")               // headline, spanning quote
	f.Fuzz(func(t *testing.T, text string) {
		d := annottest.Build(text, cast...)
		stmts := attribute.Statements(d)
		for _, c := range commit.Commitments(d, stmts) {
			if c.Start < 0 || c.End > len(d.Text) || c.Start > c.End {
				t.Fatalf("commitment %q: evidence [%d,%d) outside text of %d bytes", c.Action, c.Start, c.End, len(d.Text))
			}
			if c.Actor == "" || c.Action == "" || !c.Polarity.Valid() || c.ID == "" {
				t.Fatalf("incomplete commitment %+v", c)
			}
		}
	})
}
