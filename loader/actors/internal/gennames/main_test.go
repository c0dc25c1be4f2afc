package main

import (
	"slices"
	"testing"
)

func TestBuild(t *testing.T) {
	table := []byte(`const enNames = new Map([
  ['Anna', 'female'],
  ['hope', 'female'],
  ['mark', 'male'],
  ['José', 'male'],
  ['mary ann', 'female'],
  ['j.', 'male'],
  ['x', 'male'],
  ['anna', 'female'],
]);`)
	words := map[string]bool{"hope": true, "mark": true}
	got := build([][]byte{table}, words)
	// "hope" is an English word; "mark" too but kept; two-word, dotted and
	// one-letter names are dropped; accents fold; duplicates merge
	want := []string{"anna", "jose", "mark"}
	if !slices.Equal(got, want) {
		t.Errorf("build = %q, want %q", got, want)
	}
}
