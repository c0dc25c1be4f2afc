package store

import (
	"encoding/base64"
	"sort"
	"strconv"
	"strings"

	"pledgegraph"
)

// Cursors are opaque to clients: "c1:" and the ID of the item, base64url.
// A page resumes after the item, by ID, so a cursor stays valid (and pages
// never repeat an item) while documents are added.
const cursorPrefix = "c1:"

func encodeCursor(id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + id))
}

func decodeCursor(c string) (string, bool) {
	b, err := base64.RawURLEncoding.Strict().DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), cursorPrefix) {
		return "", false
	}
	return string(b[len(cursorPrefix):]), true
}

// checkPage validates a page request before any query runs.
func checkPage(op string, p pledgegraph.PageRequest) error {
	switch {
	case p.First < 0:
		return &pledgegraph.Error{Code: pledgegraph.EINVALID, Message: "first must not be negative", Op: op}
	case p.First > MaxPageSize:
		return &pledgegraph.Error{Code: pledgegraph.ELIMIT, Message: "first must be at most " + strconv.Itoa(MaxPageSize), Op: op}
	}
	if p.After != "" {
		if _, ok := decodeCursor(p.After); !ok {
			return &pledgegraph.Error{Code: pledgegraph.EINVALID, Message: "invalid cursor", Op: op}
		}
	}
	return nil
}

// page cuts one page out of the sorted IDs of every matching item.
func page(op string, ids []string, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	if err := checkPage(op, p); err != nil {
		return pledgegraph.Page{}, err
	}
	first := p.First
	if first == 0 {
		first = DefaultPageSize
	}
	start := 0
	if p.After != "" {
		after, _ := decodeCursor(p.After)
		start = sort.Search(len(ids), func(i int) bool { return ids[i] > after })
	}
	end := min(start+first, len(ids))
	pg := pledgegraph.Page{
		IDs:     append([]string{}, ids[start:end]...),
		Cursors: make([]string, end-start),
		Total:   len(ids),
		HasNext: end < len(ids),
	}
	for i, id := range pg.IDs {
		pg.Cursors[i] = encodeCursor(id)
	}
	return pg, nil
}
