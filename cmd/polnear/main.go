// Command polnear measures pledgegraph's speech attribution against the
// PolNeAR corpus (Political News Attribution Relations, 1,008 US political
// news articles of 2016 with brat standoff Source/Cue/Content annotations;
// github.com/networkdynamics/PolNeAR). It runs the loader's stages
// normalize → segment → actors → attribute over each article of a split and
// reports, by the kind of gold cue, how many annotated attributions a
// statement was read for (recall), whether its speaker was right, and which
// of the loader's attribution rules produce statements no annotator marked
// (precision). It is a diagnostic for finding what attribution misses; no
// PolNeAR text or annotation is part of this repository.
//
//	go run ./cmd/polnear -data PATH/TO/PolNeAR/data -split dev [-n 50] [-misses 10]
//
// Only the train and dev splits are read: the test split is refused, so
// that it stays unseen. An article annotated by several annotators is
// scored against its first annotation file (sorted by name).
//
// Matching. Gold and predicted spans are compared in the normalised text
// (gold rune offsets are mapped through an alignment of the raw and
// normalised texts). A predicted statement matches a gold attribution when
// at least half of the shorter of the two contents overlaps. A matched
// statement's speaker is right when a mention of the speaker lies in the
// gold source span, wrong when the source names another actor, and
// unverifiable when the source is a pronoun or common noun.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"pledgegraph/loader/annot"
	"pledgegraph/loader/attribute"
	"pledgegraph/loader/pipeline"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "polnear:", err)
		os.Exit(2)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("polnear", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "", "the PolNeAR data directory (holding train/ and dev/)")
	split := fs.String("split", "dev", "split to read: train or dev (test is never read)")
	n := fs.Int("n", 0, "read at most n articles (0: all)")
	misses := fs.Int("misses", 0, "print up to this many missed and spurious examples per group")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *data == "" {
		return errors.New("-data is required")
	}
	if *split != "train" && *split != "dev" {
		return fmt.Errorf("-split %q: only train and dev are read (the test split stays unseen)", *split)
	}
	docs, err := listDocs(filepath.Join(*data, *split))
	if err != nil {
		return err
	}
	if *n > 0 && len(docs) > *n {
		docs = docs[:*n]
	}
	p, err := pipeline.New()
	if err != nil {
		return err
	}
	ev := newEval(*misses)
	for _, doc := range docs {
		if err := ev.doc(p, doc); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", doc.name, err)
		}
	}
	ev.report(stdout)
	return nil
}

// docFiles are the text and first annotation file of one article.
type docFiles struct {
	name, text, ann string
}

// listDocs pairs DIR/text/NAME.txt with DIR/attributions/NAME_<annotator>.ann.
func listDocs(dir string) ([]docFiles, error) {
	texts, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(texts) == 0 {
		return nil, fmt.Errorf("no articles under %s", filepath.Join(dir, "text"))
	}
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, err
	}
	sort.Strings(anns)
	first := map[string]string{}
	for _, a := range anns {
		base := strings.TrimSuffix(filepath.Base(a), ".ann")
		if k := strings.LastIndexByte(base, '_'); k > 0 {
			if _, ok := first[base[:k]]; !ok {
				first[base[:k]] = a
			}
		}
	}
	sort.Strings(texts)
	var out []docFiles
	for _, t := range texts {
		name := strings.TrimSuffix(filepath.Base(t), ".txt")
		if a, ok := first[name]; ok {
			out = append(out, docFiles{name: name, text: t, ann: a})
		}
	}
	return out, nil
}

// tally counts gold attributions of one group.
type tally struct {
	gold, found                int
	right, wrong, unverifiable int
	missNamed, missPronoun     int // missed attributions whose source names a known actor, or is a pronoun
	missed                     []string
	wrongEx                    []string
}

// ptally counts predicted statements of one rule.
type ptally struct {
	pred, matched int
	spurious      []string
}

type eval struct {
	max       int
	docs      int
	byGroup   map[string]*tally
	byHead    map[string]*tally
	byRule    map[string]*ptally
	unaligned int
}

func newEval(max int) *eval {
	return &eval{max: max, byGroup: map[string]*tally{}, byHead: map[string]*tally{}, byRule: map[string]*ptally{}}
}

// pred is one predicted statement group: a report that was stated.
type pred struct {
	parts    []span
	speakers []int
	unnamed  bool
	rule     string
	kind     string
	text     string
}

// doc scores one article. A failure of a stage on one article (even a
// panic) is reported and the article skipped.
func (ev *eval) doc(p *pipeline.Pipeline, f docFiles) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pipeline panic: %v", r)
		}
	}()
	raw, err := os.ReadFile(f.text)
	if err != nil {
		return err
	}
	af, err := os.Open(f.ann)
	if err != nil {
		return err
	}
	golds, err := parseAnn(af)
	af.Close()
	if err != nil {
		return err
	}
	d, err := p.Annotate(string(raw))
	if err != nil {
		return err
	}
	ev.docs++
	al := align(string(raw), d.Text)
	res := attribute.Analyze(d)
	var preds []pred
	for _, r := range res.Reports {
		if !r.Stated {
			continue
		}
		pr := pred{speakers: r.Speakers, unnamed: r.Unnamed, rule: r.Rule, kind: string(r.Kind)}
		for _, s := range r.Parts {
			pr.parts = append(pr.parts, span{s.Start, s.End})
		}
		pr.text = clip(d.Text[r.Parts[0].Start:r.Parts[len(r.Parts)-1].End], 110)
		preds = append(preds, pr)
	}
	matched := make([]bool, len(preds))
	for _, g := range golds {
		var content, source []span
		for _, s := range g.Content {
			if m, ok := al.span(s, d.Text); ok {
				content = append(content, m)
			}
		}
		for _, s := range g.Source {
			if m, ok := al.span(s, d.Text); ok {
				source = append(source, m)
			}
		}
		if len(content) == 0 {
			ev.unaligned++
			continue
		}
		if !inBody(d, content) {
			continue // headline and chrome are not read for statements
		}
		head := cueHead(g.CueText)
		group := cueGroup(head)
		tg, th := ev.group(ev.byGroup, group), ev.group(ev.byHead, head)
		tg.gold++
		th.gold++
		best, bestOv := -1, 0
		for k, pr := range preds {
			ov := overlap(pr.parts, content)
			if ov*2 >= min(total(pr.parts), total(content)) && ov > bestOv {
				best, bestOv = k, ov
			}
		}
		ctx := clip(join(d.Text, content), 110)
		if best < 0 {
			why := sourceKind(d, source)
			switch why {
			case "named":
				tg.missNamed++
				th.missNamed++
			case "pronoun":
				tg.missPronoun++
				th.missPronoun++
			}
			ev.note(&tg.missed, fmt.Sprintf("[%s|%s: %s] %s", g.CueText, why, clip(join(d.Text, source), 40), ctx))
			ev.note(&th.missed, ctx)
			continue
		}
		for k, pr := range preds {
			if ov := overlap(pr.parts, content); ov*2 >= min(total(pr.parts), total(content)) {
				matched[k] = true
			}
		}
		tg.found++
		th.found++
		switch verdict(d, preds[best], source) {
		case "right":
			tg.right++
			th.right++
		case "wrong":
			tg.wrong++
			th.wrong++
			ev.note(&tg.wrongEx, fmt.Sprintf("source %q, got %s: %s", join(d.Text, source), names(d, preds[best]), ctx))
		default:
			tg.unverifiable++
			th.unverifiable++
		}
	}
	for k, pr := range preds {
		t := ev.byRule[pr.rule]
		if t == nil {
			t = &ptally{}
			ev.byRule[pr.rule] = t
		}
		t.pred++
		if matched[k] {
			t.matched++
		} else {
			ev.note(&t.spurious, fmt.Sprintf("%s %s: %s", pr.kind, names(d, pr), pr.text))
		}
	}
	return nil
}

func (ev *eval) group(m map[string]*tally, k string) *tally {
	t := m[k]
	if t == nil {
		t = &tally{}
		m[k] = t
	}
	return t
}

func (ev *eval) note(xs *[]string, s string) {
	if len(*xs) < ev.max {
		*xs = append(*xs, s)
	}
}

// inBody reports whether the spans lie in Body paragraphs.
func inBody(d *annot.Doc, spans []span) bool {
	for _, p := range d.Paragraphs {
		if p.Kind == annot.Body && p.Start <= spans[0].Start && spans[0].Start < p.End {
			return true
		}
	}
	return false
}

// sourceKind tells what a gold source span is: "named" when it holds a
// mention of a known actor, "pronoun" when it is a personal pronoun,
// "none" when the attribution has no source, else "unknown" (a name the
// actors stage did not recognise, or a common noun).
func sourceKind(d *annot.Doc, source []span) string {
	if len(source) == 0 {
		return "none"
	}
	for _, m := range d.Mentions {
		if m.Actor < 0 || m.Kind == annot.Pronoun {
			continue
		}
		for _, s := range source {
			// A person anywhere in the source, or any actor opening it
			// ("NATO officials"); not a place in a modifier.
			if m.Start < s.End && s.Start < m.End && (d.Actors[m.Actor].Kind == "person" || m.Start <= s.Start+2) {
				return "named"
			}
		}
	}
	switch strings.ToLower(strings.TrimSpace(join(d.Text, source))) {
	case "he", "she", "they", "it", "we", "i", "you":
		return "pronoun"
	}
	return "unknown"
}

// verdict tells whether the speakers of pr are the gold source.
func verdict(d *annot.Doc, pr pred, source []span) string {
	if len(source) == 0 {
		if len(pr.speakers) == 0 {
			return "right"
		}
		return "unverifiable"
	}
	named := false
	for _, m := range d.Mentions {
		if m.Actor < 0 || m.Kind == annot.Pronoun {
			continue
		}
		for _, s := range source {
			if m.Start < s.End && s.Start < m.End {
				named = true
				for _, sp := range pr.speakers {
					if sp == m.Actor {
						return "right"
					}
				}
			}
		}
	}
	if named {
		return "wrong"
	}
	return "unverifiable"
}

func names(d *annot.Doc, pr pred) string {
	if len(pr.speakers) == 0 {
		if pr.unnamed {
			return "(unnamed)"
		}
		return "(none)"
	}
	var ns []string
	for _, s := range pr.speakers {
		ns = append(ns, d.Actors[s].Name)
	}
	return strings.Join(ns, "+")
}

func overlap(a, b []span) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if lo, hi := max(x.Start, y.Start), min(x.End, y.End); hi > lo {
				n += hi - lo
			}
		}
	}
	return n
}

func total(ss []span) int {
	n := 0
	for _, s := range ss {
		n += s.len()
	}
	return n
}

func join(text string, ss []span) string {
	var parts []string
	for _, s := range ss {
		parts = append(parts, text[s.Start:s.End])
	}
	return strings.Join(strings.Fields(strings.Join(parts, " … ")), " ")
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// report prints recall and speaker accuracy by cue group and by the most
// frequent cue heads, and precision by attribution rule.
func (ev *eval) report(w io.Writer) {
	fmt.Fprintf(w, "PolNeAR attribution: %d articles", ev.docs)
	if ev.unaligned > 0 {
		fmt.Fprintf(w, " (%d gold contents not aligned)", ev.unaligned)
	}
	fmt.Fprintln(w)
	var all tally
	for _, t := range ev.byGroup {
		all.gold += t.gold
		all.found += t.found
		all.right += t.right
		all.wrong += t.wrong
		all.unverifiable += t.unverifiable
		all.missNamed += t.missNamed
		all.missPronoun += t.missPronoun
	}
	fmt.Fprintf(w, "\n%-22s %6s %6s %7s   %-22s %s\n", "gold cue group", "gold", "found", "recall", "speaker right/wrong/unv", "missed: named/pronoun")
	printTally := func(name string, t *tally) {
		fmt.Fprintf(w, "%-22s %6d %6d %7.3f   %-22s %d/%d\n", name, t.gold, t.found, ratio(t.found, t.gold),
			fmt.Sprintf("%d/%d/%d", t.right, t.wrong, t.unverifiable), t.missNamed, t.missPronoun)
	}
	for _, k := range sortedKeys(ev.byGroup) {
		printTally(k, ev.byGroup[k])
	}
	printTally("ALL", &all)
	fmt.Fprintf(w, "\n%-22s %6s %6s %7s   %-22s %s\n", "gold cue head (top 40)", "gold", "found", "recall", "speaker right/wrong/unv", "missed: named/pronoun")
	heads := sortedKeys(ev.byHead)
	sort.SliceStable(heads, func(i, j int) bool { return ev.byHead[heads[i]].gold > ev.byHead[heads[j]].gold })
	for i, k := range heads {
		if i == 40 {
			break
		}
		printTally(k, ev.byHead[k])
	}
	var pt ptally
	fmt.Fprintf(w, "\n%-30s %6s %8s %9s\n", "predicted by rule", "pred", "matched", "precision")
	for _, k := range sortedKeys(ev.byRule) {
		t := ev.byRule[k]
		pt.pred += t.pred
		pt.matched += t.matched
		fmt.Fprintf(w, "%-30s %6d %8d %9.3f\n", k, t.pred, t.matched, ratio(t.matched, t.pred))
	}
	fmt.Fprintf(w, "%-30s %6d %8d %9.3f\n", "ALL", pt.pred, pt.matched, ratio(pt.matched, pt.pred))
	if ev.max == 0 {
		return
	}
	for _, k := range sortedKeys(ev.byGroup) {
		t := ev.byGroup[k]
		for _, m := range t.missed {
			fmt.Fprintf(w, "MISS  %-18s %s\n", k, m)
		}
		for _, m := range t.wrongEx {
			fmt.Fprintf(w, "WRONG %-18s %s\n", k, m)
		}
	}
	for _, k := range sortedKeys(ev.byRule) {
		for _, m := range ev.byRule[k].spurious {
			fmt.Fprintf(w, "EXTRA %-18s %s\n", k, m)
		}
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func sortedKeys[T any](m map[string]T) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
