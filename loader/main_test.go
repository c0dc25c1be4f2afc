package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pledgegraph/loader/prediction"
)

const seed = "../data/000_87af0ff4f4581aa7.txt"

func TestRunLoadsIntoBoltAndReportsCounts(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.docx"), []byte("PK"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"--db", db, seed, dir}, &out, &errb)
	if !errors.Is(err, errSkipped) {
		t.Fatalf("run = %v, want errSkipped (stderr %s)", err, errb.String())
	}
	for _, want := range []string{"documents    1 loaded, 0 unchanged", "actors ", "statements ", "commitments ", "quads ", "skipped      1", "notes.docx: not a .txt file"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	if err := run(context.Background(), []string{"--db", db, seed}, &out, &errb); err != nil {
		t.Fatalf("second run: %v", err)
	}
	if !strings.Contains(out.String(), "documents    0 loaded, 1 unchanged") || !strings.Contains(out.String(), "quads        0") {
		t.Errorf("re-load changed something:\n%s", out.String())
	}
}

func TestRunJSONPrintsPrediction(t *testing.T) {
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"--json", seed}, &out, &errb); err != nil {
		t.Fatal(err, errb.String())
	}
	var p prediction.Prediction
	if err := json.Unmarshal(out.Bytes(), &p); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if len(p.Actors) == 0 || len(p.Statements) == 0 || len(p.Commitments) == 0 {
		t.Errorf("empty extraction: %d actors, %d statements, %d commitments", len(p.Actors), len(p.Statements), len(p.Commitments))
	}
	if strings.ContainsAny(out.String(), "“”’—") {
		t.Error("prediction JSON should fold typographic marks to ASCII like the gold")
	}
}

func TestRunErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		frag string
	}{
		{"no paths", []string{"--store", "memory"}, "no PATH"},
		{"json needs one file", []string{"--json"}, "exactly one FILE"},
		{"json unreadable", []string{"--json", "/nonexistent/x.txt"}, "no such file"},
		{"unknown backend", []string{"--store", "cassandra", seed}, "cassandra"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(context.Background(), c.args, &out, &errb)
			if err == nil || !strings.Contains(err.Error(), c.frag) {
				t.Errorf("run(%v) = %v, want error mentioning %q", c.args, err, c.frag)
			}
		})
	}
}
