package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pledgegraph/loader/normalize"
)

// The texts and annotations here are written for these tests; no PolNeAR
// data is used.

const sampleText = "Harbour plan stalls\n\nFrance said the new quay would open in May.\n\n“We are ready,” Mayor Ilse Varga said.\n"

// sampleAnn annotates sampleText: a reported clause and a direct quote,
// one with a discontinuous content span, plus lines of other kinds.
const sampleAnn = "T1\tSource 21 27\tFrance\n" +
	"T2\tCue 28 32\tsaid\n" +
	"T3\tContent 33 64\tthe new quay would open in May.\n" +
	"T4\tAttribution 28 32\tsaid\n" +
	"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n" +
	"T5\tContent 67 73;73 80\tWe are ready,\n" +
	"T6\tSource 82 98\tMayor Ilse Varga\n" +
	"T7\tCue 99 103\tsaid\n" +
	"T8\tAttribution 99 103\tsaid\n" +
	"E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6\n" +
	"T9\tDiscard 0 19\tHarbour plan stalls\n" +
	"#1\tAnnotatorNotes T3\tfree text\n"

func TestParseAnn(t *testing.T) {
	got, err := parseAnn(strings.NewReader(sampleAnn))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d attributions, want 2", len(got))
	}
	r := []rune(sampleText)
	if s := got[0].Source[0]; string(r[s.Start:s.End]) != "France" {
		t.Errorf("source = %q", string(r[s.Start:s.End]))
	}
	if got[0].CueText != "said" || len(got[1].Content) != 2 {
		t.Errorf("cue %q, content spans %d", got[0].CueText, len(got[1].Content))
	}
	if c := got[0].Content[0]; string(r[c.Start:c.End]) != "the new quay would open in May." {
		t.Errorf("content = %q", string(r[c.Start:c.End]))
	}
}

func TestParseAnnErrors(t *testing.T) {
	for _, bad := range []string{"T1\tCue x y\tsaid\n", "T1\tCue 5 2\tsaid\n", "T1\tCue\n", "T1\tCue 1 2 3\tx\n"} {
		if _, err := parseAnn(strings.NewReader(bad)); err == nil {
			t.Errorf("parseAnn(%q): no error", bad)
		}
	}
}

func TestCueHead(t *testing.T) {
	tests := []struct{ in, head, group string }{
		{"said", "said", "say/tell/add/ask"},
		{"has repeatedly said", "said", "say/tell/add/ask"},
		{"According to", "according to", "according-to"},
		{":", "(punct :)", "punctuation"},
		{"believes", "believes", "cognitive/stance"},
		{"cautioned", "cautioned", "other speech verb"},
		{"’s claim", "claim", "noun/other"},
	}
	for _, tc := range tests {
		if h := cueHead(tc.in); h != tc.head || cueGroup(h) != tc.group {
			t.Errorf("cueHead(%q) = %q (%s), want %q (%s)", tc.in, h, cueGroup(h), tc.head, tc.group)
		}
	}
}

func TestAlign(t *testing.T) {
	raw := "Share this\u00a0page\n\nThe  minister said: \"Yes.\"\n"
	norm := "The minister said: “Yes.”"
	al := align(raw, norm)
	r := []rune(raw)
	start := strings.Index(raw, "minister")
	rs := len([]rune(raw[:start]))
	got, ok := al.span(span{rs, rs + len("minister said")}, norm)
	if !ok || norm[got.Start:got.End] != "minister said" {
		t.Fatalf("span = %v %v", got, ok)
	}
	q := strings.Index(raw, "\"Yes")
	qs := len([]rune(raw[:q]))
	got, ok = al.span(span{qs, len(r) - 1}, norm)
	if !ok || norm[got.Start:got.End] != "“Yes.”" {
		t.Fatalf("quote span = %q %v", norm[got.Start:got.End], ok)
	}
	if _, ok := al.span(span{0, 5}, norm); ok {
		t.Error("dropped chrome should not map")
	}
}

// TestAlignDoubledMarks: doubled quote marks and dashes that the
// normaliser writes as one character (” as “ or ”, -- as —) keep the text
// after them aligned.
func TestAlignDoubledMarks(t *testing.T) {
	raw := "A headline here\n\nThe club's head blamed their focus on ''the business of selling homes.'' But he said more.\n\n" +
		"''We're in the people-pleasing business,'' he said. ''These people paid a lot to be here.''\n\n" +
		"In any case, Mr. Smith said, the industry -- like others -- was over-supplied. ''It was waiting,'' he said.\n"
	d, err := normalize.Normalize(raw)
	if err != nil {
		t.Fatal(err)
	}
	norm := d.Text
	al := align(raw, norm)
	for _, w := range []string{"the business of selling homes.", "We're in the people-pleasing business,", "These people paid a lot to be here.", "In any case", "like others", "It was waiting,"} {
		start := len([]rune(raw[:strings.Index(raw, w)]))
		got, ok := al.span(span{start, start + len([]rune(w))}, norm)
		if want := strings.ReplaceAll(w, "'", "’"); !ok || norm[got.Start:got.End] != want {
			t.Errorf("%q maps to %v %v", w, got, ok)
		}
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"dev/text", "dev/attributions"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "dev/text/port.txt"), []byte(sampleText), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "dev/attributions/port_ab12.ann"), []byte(sampleAnn), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := run([]string{"-data", dir, "-split", "dev", "-misses", "5"}, &out, &errb); err != nil {
		t.Fatalf("run: %v (%s)", err, errb.String())
	}
	s := out.String()
	for _, want := range []string{"PolNeAR attribution: 1 articles", "say/tell/add/ask", "ALL", "predicted by rule"} {
		if !strings.Contains(s, want) {
			t.Errorf("report lacks %q:\n%s", want, s)
		}
	}
	if !strings.Contains(s, "say/tell/add/ask            2      2   1.000") {
		t.Errorf("both attributions should be found:\n%s", s)
	}
}

func TestRunRefusesTest(t *testing.T) {
	var out, errb bytes.Buffer
	if err := run([]string{"-data", t.TempDir(), "-split", "test"}, &out, &errb); err == nil {
		t.Error("the test split must be refused")
	}
	if err := run([]string{"-split", "dev"}, &out, &errb); err == nil {
		t.Error("-data is required")
	}
}
