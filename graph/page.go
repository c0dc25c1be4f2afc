package graph

import (
	"encoding/base64"
	"strings"

	"pledgegraph"
	"pledgegraph/graph/model"
)

// Page sizes. A `first` above MaxFirst is refused with LIMIT_EXCEEDED rather
// than silently cut, so a client never mistakes a capped page for the size it
// asked for; it pages on with `after` instead.
const (
	DefaultFirst = 20
	MaxFirst     = 100
)

// pageRequest checks the paging arguments of a connection field.
func pageRequest(first *int, after *string) (pledgegraph.PageRequest, error) {
	p := pledgegraph.PageRequest{First: DefaultFirst}
	if first != nil {
		switch n := *first; {
		case n < 0:
			return p, pledgegraph.Errorf(pledgegraph.EINVALID, "first must not be negative (got %d)", n)
		case n > MaxFirst:
			return p, pledgegraph.Errorf(pledgegraph.ELIMIT,
				"first is %d but a page holds at most %d items; page through the rest with after: pageInfo.endCursor", n, MaxFirst)
		default:
			p.First = n
		}
	}
	if after != nil {
		p.After = *after
	}
	return p, nil
}

// Cursors of the connections paged in memory (an actor's statements, …) are
// the base64url of the ID of the item they resume after, so they stay valid
// when new documents add items.
const cursorPrefix = "c1:"

func encodeCursor(id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + id))
}

func decodeCursor(c string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	id, ok := strings.CutPrefix(string(b), cursorPrefix)
	if err != nil || !ok || pledgegraph.NodeType(id) == "" {
		return "", pledgegraph.Errorf(pledgegraph.EINVALID,
			"after: %q is not a cursor of this connection; pass a pageInfo.endCursor or edges.cursor from it", c)
	}
	return id, nil
}

// pageOf pages ids, a whole list in a stable order, as the store pages its
// finds.
func pageOf(ids []string, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	start := 0
	if p.After != "" {
		after, err := decodeCursor(p.After)
		if err != nil {
			return pledgegraph.Page{}, err
		}
		start = -1
		for i, id := range ids {
			if id == after {
				start = i + 1
				break
			}
		}
		if start < 0 {
			return pledgegraph.Page{}, pledgegraph.Errorf(pledgegraph.EINVALID,
				"after: cursor %q points at %s, which is not in this connection", p.After, after)
		}
	}
	end := min(start+p.First, len(ids))
	page := pledgegraph.Page{
		IDs:     ids[start:end],
		Cursors: make([]string, end-start),
		Total:   len(ids),
		HasNext: end < len(ids),
	}
	for i, id := range page.IDs {
		page.Cursors[i] = encodeCursor(id)
	}
	return page, nil
}

// pageInfo describes a page served for request p.
func pageInfo(page pledgegraph.Page, cursors []string, p pledgegraph.PageRequest) *model.PageInfo {
	info := &model.PageInfo{HasNextPage: page.HasNext, HasPreviousPage: p.After != ""}
	if n := len(cursors); n > 0 {
		info.StartCursor, info.EndCursor = &cursors[0], &cursors[n-1]
	}
	return info
}

// loadPage loads the nodes of a page in one batch, keeping each node's
// cursor and dropping the IDs no longer stored.
func loadPage[T any](page pledgegraph.Page, vs []*T) (nodes []*T, cursors []string) {
	nodes = make([]*T, 0, len(vs))
	cursors = make([]string, 0, len(vs))
	for i, v := range vs {
		if v == nil {
			continue
		}
		nodes = append(nodes, v)
		cursors = append(cursors, page.Cursors[i])
	}
	return nodes, cursors
}
