package actors_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"pledgegraph"
	"pledgegraph/internal/testcorpus"
	"pledgegraph/loader/actors"
	"pledgegraph/loader/annot"
	"pledgegraph/loader/normalize"
	"pledgegraph/loader/segment"
)

var dumpDir = flag.String("dump", "", "write NAME.pred.json (score.py format, actors only) for each gold article to this directory")

// goldArticle is one article with its gold file.
type goldArticle struct {
	name, text, gold string
}

func articles(t testing.TB, sets ...string) []goldArticle {
	t.Helper()
	var arts []goldArticle
	for _, a := range testcorpus.Articles(t, sets...) {
		arts = append(arts, goldArticle{name: a.Name, text: a.Text, gold: a.Gold})
	}
	return arts
}

// goldArticles are the seed and dev articles (tuned on).
func goldArticles(t testing.TB) []goldArticle { return articles(t, testcorpus.Seed, testcorpus.Dev) }

// heldOutArticles are the project's own articles with gold
// (testdata/articles), written without reading this package.
func heldOutArticles(t testing.TB) []goldArticle { return articles(t, testcorpus.HeldOut) }

// annotate runs the stages before this one, as the pipeline does.
func annotate(t testing.TB, raw string) *annot.Doc {
	t.Helper()
	d, err := normalize.Normalize(raw)
	if err != nil {
		t.Fatalf("normalize: %v", err)
	}
	d.Sentences, d.Quotes = segment.Split(d.Text, d.Paragraphs)
	return &d
}

type goldActor struct {
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Aliases  []string `json:"aliases"`
	Optional bool     `json:"optional"`
}

type goldFile struct {
	Actors []goldActor `json:"actors"`
}

var nonWord = regexp.MustCompile(`[^\p{L}\p{N}_\s]`)

// fold mirrors score.py: NFKD without combining marks, typographic quotes to
// ASCII, lower case, punctuation to spaces, spaces collapsed.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`).Replace(b.String())
	s = nonWord.ReplaceAllString(strings.ToLower(s), " ")
	return strings.Join(strings.Fields(s), " ")
}

// actorScore is score.py's actor matching: tp, predicted (optional matches
// ignored), gold required; plus the misses and spurious names for the log.
type actorScore struct {
	tp, pred, gold int
	missed, spur   []string
}

func scoreActors(gold []goldActor, pred []pledgegraph.Actor) actorScore {
	by := map[string]string{}
	req := map[string]bool{}
	for _, a := range gold {
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			if _, ok := by[fold(n)]; !ok {
				by[fold(n)] = a.Name
			}
		}
		if !a.Optional {
			req[a.Name] = true
		}
	}
	var s actorScore
	hit := map[string]bool{}
	for _, a := range pred {
		g := ""
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			if v, ok := by[fold(ascii(n))]; ok {
				g = v
				break
			}
		}
		switch {
		case g == "":
			s.spur = append(s.spur, a.Name)
		case hit[g]:
			s.spur = append(s.spur, a.Name+" (duplicate of "+g+")")
		case req[g]:
			hit[g] = true
		}
	}
	s.tp = len(hit)
	s.pred = len(hit) + len(s.spur)
	s.gold = len(req)
	for n := range req {
		if !hit[n] {
			s.missed = append(s.missed, n)
		}
	}
	return s
}

var asciiFold = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "\u2014", "-", "\u2013", "-")

func ascii(s string) string { return asciiFold.Replace(s) }

func prf(tp, pred, gold int) (p, r, f float64) {
	if pred > 0 {
		p = float64(tp) / float64(pred)
	}
	if gold > 0 {
		r = float64(tp) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// TestGoldActors measures actor precision, recall and F1 against the gold
// annotations of the seed and dev articles (score.py's matching rules) and
// holds them above floors that may only rise.
func TestGoldActors(t *testing.T) {
	g, err := actors.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	var seed, dev actorScore
	for _, a := range goldArticles(t) {
		raw, err := os.ReadFile(a.text)
		if err != nil {
			t.Fatal(err)
		}
		gb, err := os.ReadFile(a.gold)
		if err != nil {
			t.Fatal(err)
		}
		var gf goldFile
		if err := json.Unmarshal(gb, &gf); err != nil {
			t.Fatal(err)
		}
		d := annotate(t, string(raw))
		acts, _ := actors.Recognize(d, g)
		s := scoreActors(gf.Actors, acts)
		p, r, f := prf(s.tp, s.pred, s.gold)
		t.Logf("%s: P %.3f R %.3f F1 %.3f (tp %d, predicted %d, gold %d) missed %v spurious %v",
			a.name, p, r, f, s.tp, s.pred, s.gold, s.missed, s.spur)
		tot := &dev
		if strings.HasPrefix(a.name, "000_") {
			tot = &seed
		}
		tot.tp += s.tp
		tot.pred += s.pred
		tot.gold += s.gold
		if *dumpDir != "" {
			dump(t, filepath.Join(*dumpDir, a.name+".pred.json"), acts)
		}
	}
	var held actorScore
	for _, a := range heldOutArticles(t) {
		raw, err := os.ReadFile(a.text)
		if err != nil {
			t.Fatal(err)
		}
		gb, err := os.ReadFile(a.gold)
		if err != nil {
			t.Fatal(err)
		}
		var gf goldFile
		if err := json.Unmarshal(gb, &gf); err != nil {
			t.Fatal(err)
		}
		acts, _ := actors.Recognize(annotate(t, string(raw)), g)
		s := scoreActors(gf.Actors, acts)
		p, r, f := prf(s.tp, s.pred, s.gold)
		t.Logf("%s: P %.3f R %.3f F1 %.3f (tp %d, predicted %d, gold %d) missed %v spurious %v",
			a.name, p, r, f, s.tp, s.pred, s.gold, s.missed, s.spur)
		held.tp += s.tp
		held.pred += s.pred
		held.gold += s.gold
	}
	sp, sr, sf := prf(seed.tp, seed.pred, seed.gold)
	dp, dr, df := prf(dev.tp, dev.pred, dev.gold)
	t.Logf("seed actors: P %.3f R %.3f F1 %.3f", sp, sr, sf)
	t.Logf("dev actors:  P %.3f R %.3f F1 %.3f", dp, dr, df)
	if sf < seedFloor {
		t.Errorf("seed actor F1 %.3f fell below %.3f", sf, seedFloor)
	}
	if df < devFloor {
		t.Errorf("dev actor F1 %.3f fell below %.3f", df, devFloor)
	}
	if held.gold > 0 {
		hp, hr, hf := prf(held.tp, held.pred, held.gold)
		t.Logf("held-out actors (testdata/articles): P %.3f R %.3f F1 %.3f", hp, hr, hf)
		if hf < heldOutFloor {
			t.Errorf("held-out actor F1 %.3f fell below %.3f", hf, heldOutFloor)
		}
	}
}

// Quality floors: raise them when the recognizer improves, never lower them.
const (
	seedFloor    = 0.99
	devFloor     = 0.99
	heldOutFloor = 0.98
)

func dump(t *testing.T, path string, acts []pledgegraph.Actor) {
	type pa struct {
		Name    string   `json:"name"`
		Kind    string   `json:"kind"`
		Aliases []string `json:"aliases"`
	}
	out := struct {
		Actors      []pa  `json:"actors"`
		Statements  []any `json:"statements"`
		Commitments []any `json:"commitments"`
	}{Statements: []any{}, Commitments: []any{}}
	for _, a := range acts {
		al := []string{}
		for _, s := range a.Aliases {
			al = append(al, ascii(s))
		}
		out.Actors = append(out.Actors, pa{ascii(a.Name), string(a.Kind), al})
	}
	b, _ := json.MarshalIndent(out, "", "  ")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
