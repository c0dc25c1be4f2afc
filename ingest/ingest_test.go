package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pledgegraph"
	"pledgegraph/graph/store"
	"pledgegraph/ingest"
	"pledgegraph/loader/pipeline"
)

const seed = "../data/000_87af0ff4f4581aa7.txt"

func newService(t *testing.T) (*ingest.Service, *store.Store) {
	t.Helper()
	st, err := store.Open(context.Background(), store.Config{Backend: "memory"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p, err := pipeline.New()
	if err != nil {
		t.Fatal(err)
	}
	return ingest.New(st, p, nil), st
}

func TestLoadPathsIsIdempotent(t *testing.T) {
	ctx := context.Background()
	svc, st := newService(t)
	sum, err := svc.LoadPaths(ctx, []string{"../data"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Documents != 1 || sum.Unchanged != 0 || len(sum.Skipped) != 0 {
		t.Fatalf("first load: %+v", sum)
	}
	if sum.Actors < 10 || sum.Statements < 10 || sum.Commitments < 5 || sum.Quads < 100 {
		t.Errorf("first load extracted too little: %+v", sum)
	}
	before, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if before.Quads != sum.Quads || before.Documents != 1 {
		t.Errorf("store holds %+v after loading %+v", before, sum)
	}

	again, err := svc.LoadPaths(ctx, []string{"../data", seed}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.Documents != 0 || again.Unchanged != 2 || again.Quads != 0 {
		t.Errorf("second load changed something: %+v", again)
	}
	after, _ := st.Stats(ctx)
	if after != before {
		t.Errorf("stats changed on re-load: %+v → %+v", before, after)
	}
}

func TestBadInputIsReportedAndLosesNothing(t *testing.T) {
	ctx := context.Background()
	svc, st := newService(t)
	if _, err := svc.LoadPaths(ctx, []string{seed}, nil); err != nil {
		t.Fatal(err)
	}
	before, _ := st.Stats(ctx)

	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("Belgium said it would send two frigates to the mission, officials said.\n"))
	latin1 := write("latin1.txt", []byte("Br\xfcssel said it w\xf6uld help.\n"))
	empty := write("empty.txt", []byte("  \n\n"))
	pdf := write("report.pdf", []byte("%PDF-1.4"))
	write("README.md", []byte("# notes")) // documentation beside data: passed over silently
	missing := filepath.Join(dir, "missing.txt")

	sum, err := svc.LoadPaths(ctx, []string{dir, missing}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Documents != 1 {
		t.Errorf("the good file should still load: %+v", sum)
	}
	want := map[string]string{
		latin1:  "not valid UTF-8",
		empty:   "empty",
		pdf:     "not a .txt file",
		missing: "cannot read",
	}
	got := map[string]string{}
	for _, s := range sum.Skipped {
		got[s.Path] = s.Reason
	}
	if len(got) != len(want) {
		t.Errorf("skipped %v, want %v", got, want)
	}
	for p, frag := range want {
		if !strings.Contains(got[p], frag) {
			t.Errorf("skip reason for %s = %q, want it to mention %q", filepath.Base(p), got[p], frag)
		}
	}
	after, _ := st.Stats(ctx)
	if after.Documents != before.Documents+1 {
		t.Errorf("documents %d → %d, want exactly the good one added", before.Documents, after.Documents)
	}
	if ok, _ := st.HasDocument(ctx, pledgegraph.DocumentID(mustRead(t, good))); !ok {
		t.Error("good document not stored")
	}
}

func TestIngestValidates(t *testing.T) {
	ctx := context.Background()
	svc, st := newService(t)
	for _, c := range []struct {
		name, text, code string
	}{
		{"empty", "", pledgegraph.EINVALID},
		{"blank", " \n\t ", pledgegraph.EINVALID},
		{"invalid utf-8", "caf\xe9", pledgegraph.EINVALID},
		{"too large", strings.Repeat("a", ingest.MaxDocumentBytes+1), pledgegraph.ELIMIT},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := svc.Ingest(ctx, pledgegraph.Source{Text: c.text})
			if got := pledgegraph.ErrorCode(err); got != c.code {
				t.Errorf("code %q (%v), want %q", got, err, c.code)
			}
		})
	}
	if s, _ := st.Stats(ctx); s.Quads != 0 {
		t.Errorf("rejected input left %d quads", s.Quads)
	}
}

func TestIngestSeedFactsReachTheStore(t *testing.T) {
	ctx := context.Background()
	svc, st := newService(t)
	r, err := svc.Ingest(ctx, pledgegraph.Source{Name: "seed.txt", Title: "Coalition summit", Text: mustRead(t, seed)})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Created || r.Extraction.Document.Title != "Coalition summit" {
		t.Errorf("result %+v", r.Extraction.Document.Title)
	}
	ua, err := st.ActorByName(ctx, "kyiv")
	if err != nil || ua.Name != "Ukraine" {
		t.Fatalf("ActorByName(kyiv) = %v, %v", ua, err)
	}
	page, err := st.FindCommitments(ctx, pledgegraph.CommitmentFilter{Target: ua.ID}, pledgegraph.PageRequest{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := st.Commitments(ctx, page.IDs)
	if err != nil {
		t.Fatal(err)
	}
	actors := map[string]bool{}
	for _, c := range cs {
		if c.Polarity == pledgegraph.Positive && strings.Contains(c.Action, "deploy") {
			actors[c.Actor] = true
		}
	}
	for _, who := range []string{"France", "United Kingdom"} {
		if !actors[pledgegraph.ActorID(pledgegraph.KindCountry, who)] {
			t.Errorf("%s pledging to deploy forces to Ukraine not found in %v", who, actors)
		}
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
