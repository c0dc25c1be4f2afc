// Package testcorpus lists the articles with gold annotations that the
// loader's tests read: the seed (data/ with testdata/eval/seed), the dev set
// (testdata/eval/dev) and the project's held-out articles (testdata/articles).
// It finds them from the module root, wherever the test runs.
package testcorpus

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Set names.
const (
	Seed    = "seed"
	Dev     = "dev"
	HeldOut = "articles"
)

// Article is one text with its gold annotation file.
type Article struct {
	Set  string // Seed, Dev or HeldOut
	Name string // file name without extension
	Text string // path of the text
	Gold string // path of NAME.gold.json
}

// Root returns the module root (the directory holding go.mod).
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testcorpus: go.mod not found above the working directory")
		}
		dir = parent
	}
}

// Articles returns the articles of the given sets (all sets when none are
// named), in a stable order. It fails the test when a set is empty or a
// gold file has no text.
func Articles(t testing.TB, sets ...string) []Article {
	t.Helper()
	if len(sets) == 0 {
		sets = []string{Seed, Dev, HeldOut}
	}
	root := Root(t)
	var out []Article
	for _, set := range sets {
		var goldDir, textDir string
		switch set {
		case Seed:
			goldDir, textDir = filepath.Join(root, "testdata/eval/seed"), filepath.Join(root, "data")
		case Dev:
			goldDir, textDir = filepath.Join(root, "testdata/eval/dev"), filepath.Join(root, "testdata/eval/dev")
		case HeldOut:
			goldDir, textDir = filepath.Join(root, "testdata/articles"), filepath.Join(root, "testdata/articles")
		default:
			t.Fatalf("testcorpus: unknown set %q", set)
		}
		golds, _ := filepath.Glob(filepath.Join(goldDir, "*.gold.json"))
		sort.Strings(golds)
		if len(golds) == 0 {
			t.Fatalf("testcorpus: no gold files in %s", goldDir)
		}
		for _, g := range golds {
			name := strings.TrimSuffix(filepath.Base(g), ".gold.json")
			text := filepath.Join(textDir, name+".txt")
			if _, err := os.Stat(text); err != nil {
				t.Fatalf("testcorpus: %s has no text: %v", g, err)
			}
			out = append(out, Article{Set: set, Name: name, Text: text, Gold: g})
		}
	}
	return out
}
