// Command gennames writes the given-name list of package actors
// (loader/actors/data/givennames.txt) from the name tables of the npm package
// gender-detection-from-name (MIT, Davide Violante; English, French, German,
// Italian, Spanish and Turkish first names), dropping every name that is also
// a lower-case English word in a word list (default /usr/share/dict/words,
// Debian package wamerican) unless it is in keepWords: the recognizer reads a
// name in the list as evidence that a capitalised run names a person, and
// "Hope", "Summer" or "Will" would make that evidence weak.
//
//	go run ./internal/gennames                       # fetches the package with `npm pack`
//	go run ./internal/gennames -src package.tgz      # or reads a local copy
//
// The output is deterministic: NameKey forms, one a line, sorted.
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"pledgegraph"
)

// Version is the pinned release of gender-detection-from-name the committed
// list was made from.
const Version = "1.11.5"

// keepWords are given names kept although they are also English words: they
// are common enough as names that the evidence stays useful.
var keepWords = []string{
	"mark", "bill", "bob", "carol", "dawn", "dean", "drew", "frank", "grace", "victor", "ray", "jack", "john",
	"max", "pat", "sue", "tom", "don", "ken", "lee", "rob", "gene", "jimmy", "penny", "ivy", "iris", "lily",
	"amber", "crystal", "pearl", "ruby", "jade", "sandy", "warren", "guy", "harry", "sally", "bonnie",
	"billy", "bobby", "ed", "viola", "olive", "randy", "nick", "jay", "rose", "joy",
}

func main() {
	src := flag.String("src", "", "npm tarball of gender-detection-from-name (default: npm pack gender-detection-from-name@"+Version+")")
	dict := flag.String("dict", "/usr/share/dict/words", "English word list; lower-case entries are dropped from the names")
	out := flag.String("out", "data/givennames.txt", "output file")
	flag.Parse()
	if err := run(*src, *dict, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gennames:", err)
		os.Exit(1)
	}
}

func run(src, dict, out string) error {
	tables, err := load(src)
	if err != nil {
		return err
	}
	words, err := readWords(dict)
	if err != nil {
		return err
	}
	names := build(tables, words)
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Given names: gender-detection-from-name %s (npm; MIT, Copyright (c) 2019 Davide Violante),\n", Version)
	b.WriteString("# less lower-case English words; made by loader/actors/internal/gennames. Do not edit by hand.\n")
	for _, n := range names {
		b.WriteString(n)
		b.WriteByte('\n')
	}
	return os.WriteFile(out, b.Bytes(), 0o644)
}

var entry = regexp.MustCompile(`\[\s*'([^']+)'\s*,`)

// build extracts the names of the tables, in NameKey form, single words only,
// drops English words not kept, and sorts them.
func build(tables [][]byte, words map[string]bool) []string {
	keep := map[string]bool{}
	for _, w := range keepWords {
		keep[w] = true
	}
	set := map[string]bool{}
	for _, t := range tables {
		for _, m := range entry.FindAllSubmatch(t, -1) {
			raw := strings.TrimSpace(string(m[1]))
			if strings.ContainsAny(raw, " .") {
				continue
			}
			k := pledgegraph.NameKey(raw)
			if len([]rune(k)) < 2 || strings.ContainsAny(k, " 0123456789") {
				continue
			}
			if words[strings.ToLower(raw)] && !keep[k] {
				continue
			}
			set[k] = true
		}
	}
	names := make([]string, 0, len(set))
	for n := range set {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// readWords returns the lower-case entries of a word list.
func readWords(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	words := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w != "" && w == strings.ToLower(w) {
			words[w] = true
		}
	}
	return words, sc.Err()
}

// load returns the contents of the package's names/*.js tables.
func load(src string) ([][]byte, error) {
	if src == "" {
		dir, err := os.MkdirTemp("", "gennames")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		cmd := exec.Command("npm", "pack", "gender-detection-from-name@"+Version, "--pack-destination", dir, "--silent")
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("npm pack: %w", err)
		}
		ms, _ := filepath.Glob(filepath.Join(dir, "*.tgz"))
		if len(ms) == 0 {
			return nil, errors.New("npm pack produced no tarball")
		}
		src = ms[0]
	}
	f, err := os.Open(src)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(gz)
	var tables [][]byte
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if strings.HasPrefix(h.Name, "package/names/") && strings.HasSuffix(h.Name, ".js") {
			b, err := io.ReadAll(tr)
			if err != nil {
				return nil, err
			}
			tables = append(tables, b)
		}
	}
	if len(tables) == 0 {
		return nil, errors.New("no names/*.js in " + src)
	}
	return tables, nil
}
