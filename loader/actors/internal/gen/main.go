// Command gen writes the country gazetteer of package actors
// (loader/actors/data/countries.json) from the world-countries data package
// (https://github.com/mledoze/countries, npm "world-countries", ODbL-1.0) and
// the hand-curated corrections in overrides.json beside this file.
//
//	go run ./internal/gen                      # fetches world-countries@5.1.0 with `npm pack`
//	go run ./internal/gen -src countries.json  # or reads a local copy (.json or the npm .tgz)
//
// It is run by `go generate ./loader/actors`. The output is deterministic:
// sovereign states sorted by code, then the non-sovereign places (regions)
// that the recognizer must know in order never to read them as states.
package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// Version is the pinned world-countries release the committed data was made from.
const Version = "5.1.0"

func main() {
	src := flag.String("src", "", "world-countries countries.json or npm .tgz (default: npm pack world-countries@"+Version+")")
	over := flag.String("overrides", "internal/gen/overrides.json", "hand-curated corrections")
	out := flag.String("out", "data/countries.json", "output file")
	flag.Parse()
	if err := run(*src, *over, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// wcCountry is the part of a world-countries record the generator reads.
type wcCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string   `json:"cca2"`
	CCA3         string   `json:"cca3"`
	Independent  *bool    `json:"independent"`
	UNMember     bool     `json:"unMember"`
	AltSpellings []string `json:"altSpellings"`
	Capital      []string `json:"capital"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

// overrides is the schema of overrides.json.
type overrides struct {
	Include      []string            `json:"include"`
	Name         map[string]string   `json:"name"`
	AddAliases   map[string][]string `json:"addAliases"`
	DropAliases  map[string][]string `json:"dropAliases"`
	AddDemonyms  map[string][]string `json:"addDemonyms"`
	DropDemonyms map[string][]string `json:"dropDemonyms"`
	Plurals      map[string][]string `json:"plurals"`
	Capitals     map[string][]string `json:"capitals"`
	Regions      []string            `json:"regions"`
}

// Country mirrors actors.Country (the generator cannot import the package it
// generates data for, which must compile without the data).
type Country struct {
	Code     string   `json:"code"`
	Name     string   `json:"name"`
	Official string   `json:"official,omitempty"`
	Aliases  []string `json:"aliases,omitempty"`
	Demonyms []string `json:"demonyms,omitempty"`
	Plurals  []string `json:"plurals,omitempty"`
	Capitals []string `json:"capitals,omitempty"`
}

// File mirrors actors.countryFile.
type File struct {
	Source    string    `json:"source"`
	License   string    `json:"license"`
	Countries []Country `json:"countries"`
	Regions   []string  `json:"regions"`
}

func run(src, overPath, out string) error {
	raw, err := load(src)
	if err != nil {
		return err
	}
	var wc []wcCountry
	if err := json.Unmarshal(raw, &wc); err != nil {
		return fmt.Errorf("parse world-countries: %w", err)
	}
	ob, err := os.ReadFile(overPath)
	if err != nil {
		return err
	}
	var ov overrides
	if err := json.Unmarshal(ob, &ov); err != nil {
		return fmt.Errorf("parse %s: %w", overPath, err)
	}
	f := build(wc, ov)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(f); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// load returns the bytes of countries.json from a file, an npm tarball, or
// `npm pack world-countries@Version` when src is empty.
func load(src string) ([]byte, error) {
	if src == "" {
		dir, err := os.MkdirTemp("", "world-countries")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		cmd := exec.Command("npm", "pack", "world-countries@"+Version, "--pack-destination", dir, "--silent")
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("npm pack: %w", err)
		}
		m, _ := filepath.Glob(filepath.Join(dir, "*.tgz"))
		if len(m) != 1 {
			return nil, errors.New("npm pack produced no tarball")
		}
		src = m[0]
	}
	b, err := os.ReadFile(src)
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(src, ".tgz") && !strings.HasSuffix(src, ".tar.gz") {
		return b, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, errors.New("countries.json not found in " + src)
		}
		if err != nil {
			return nil, err
		}
		if h.Name == "package/countries.json" {
			return io.ReadAll(tr)
		}
	}
}

func build(wc []wcCountry, ov overrides) File {
	include := set(ov.Include)
	f := File{
		Source:  "world-countries " + Version + " (npm; https://github.com/mledoze/countries) with loader/actors/internal/gen/overrides.json",
		License: "ODbL-1.0 (https://opendatacommons.org/licenses/odbl/1.0/); see NOTICE.md",
	}
	regions := map[string]bool{}
	for _, r := range ov.Regions {
		regions[r] = true
	}
	for _, c := range wc {
		code := c.CCA3
		sovereign := (c.Independent != nil && *c.Independent) || c.UNMember || include[code]
		if !sovereign {
			regions[c.Name.Common] = true
			for _, a := range c.AltSpellings {
				if usable(a, c.CCA2) && strings.Contains(a, " ") {
					regions[a] = true
				}
			}
			continue
		}
		name := c.Name.Common
		if n, ok := ov.Name[code]; ok {
			name = n
		}
		drop := set(ov.DropAliases[code])
		var aliases []string
		for _, a := range append([]string{c.Name.Common, c.Name.Official}, c.AltSpellings...) {
			if a == name || drop[a] || !usable(a, c.CCA2) {
				continue
			}
			aliases = append(aliases, a)
		}
		// Hand-added aliases are taken as they are: "US" and "UK" are the
		// two-letter codes that news does write.
		aliases = append(aliases, ov.AddAliases[code]...)
		dropDem := set(ov.DropDemonyms[code])
		var dems []string
		if d, ok := c.Demonyms["eng"]; ok {
			for _, s := range []string{d.M, d.F} {
				for _, part := range splitDemonym(s) {
					if !dropDem[part] {
						dems = append(dems, part)
					}
				}
			}
		}
		dems = append(dems, ov.AddDemonyms[code]...)
		dems = uniq(dems)
		var plurals []string
		for _, d := range dems {
			if p := plural(d); p != "" {
				plurals = append(plurals, p)
			}
		}
		plurals = uniq(append(plurals, ov.Plurals[code]...))
		caps := c.Capital
		if cs, ok := ov.Capitals[code]; ok {
			caps = cs
		}
		var capitals []string
		for _, cp := range caps {
			if cp != name && cp != c.Name.Common {
				capitals = append(capitals, cp)
			}
		}
		f.Countries = append(f.Countries, Country{
			Code: code, Name: name, Official: c.Name.Official,
			Aliases: uniq(aliases), Demonyms: dems, Plurals: plurals, Capitals: uniq(capitals),
		})
	}
	sort.Slice(f.Countries, func(i, j int) bool { return f.Countries[i].Code < f.Countries[j].Code })
	// A sovereign state's own names never count as a region.
	for _, c := range f.Countries {
		delete(regions, c.Name)
		for _, a := range c.Aliases {
			delete(regions, a)
		}
	}
	for r := range regions {
		f.Regions = append(f.Regions, r)
	}
	sort.Strings(f.Regions)
	return f
}

// usable reports whether an alternative spelling is worth matching in English
// text: not the two-letter ISO code (IT, NO, IN, AM… are English words), and
// written in Latin script.
func usable(s, cca2 string) bool {
	if s == "" || s == cca2 || len(s) <= 2 {
		return false
	}
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// splitDemonym splits "Antiguan, Barbudan" and "Kittitian or Nevisian".
func splitDemonym(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, " or ", ","), ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// plural forms the people noun of a demonym adjective: "Ukrainian" →
// "Ukrainians", "Israeli" → "Israelis"; adjectives in -ese, -ish, -ch, -ss,
// -sh, -y have none ("the French" is listed by hand in overrides).
func plural(d string) string {
	for _, suf := range []string{"ese", "ish", "ch", "ss", "sh", "y", "s", "x"} {
		if strings.HasSuffix(d, suf) {
			return ""
		}
	}
	return d + "s"
}

func set(ss []string) map[string]bool {
	m := make(map[string]bool, len(ss))
	for _, s := range ss {
		m[s] = true
	}
	return m
}

func uniq(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
