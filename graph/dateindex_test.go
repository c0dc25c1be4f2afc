package graph

import (
	"context"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"pledgegraph"
	"pledgegraph/graph/model"
)

func day(d int) time.Time { return time.Date(2025, 3, d, 0, 0, 0, 0, time.UTC) }

func TestDateIndexRangesAndOrder(t *testing.T) {
	ix := newDateIndex(7, map[string]time.Time{
		"doc:a": day(1), "doc:b": day(3), "doc:c": day(3), "doc:d": day(5),
		"doc:e": {}, "doc:f": {}, "doc:g": day(3).In(time.FixedZone("X", 3600)), // the same instant as day 3
	})
	ptr := func(t time.Time) *time.Time { return &t }
	tests := []struct {
		name     string
		from, to *time.Time
		want     []string
	}{
		{"everything dated", ptr(day(1)), ptr(day(5)), []string{"doc:a", "doc:b", "doc:c", "doc:g", "doc:d"}},
		{"bounds are inclusive", ptr(day(3)), ptr(day(3)), []string{"doc:b", "doc:c", "doc:g"}},
		{"from only", ptr(day(4)), nil, []string{"doc:d"}},
		{"to only", nil, ptr(day(2)), []string{"doc:a"}},
		{"between documents", ptr(day(3).Add(time.Second)), ptr(day(5).Add(-time.Second)), nil},
		{"after everything", ptr(day(6)), nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := newDateFilter(tt.from, tt.to, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := ix.inRange(f); !slices.Equal(got, tt.want) {
				t.Errorf("inRange = %v, want %v", got, tt.want)
			}
		})
	}
	groups := func(desc bool) [][]string {
		var out [][]string
		for _, g := range ix.walkOrder(desc) {
			out = append(out, g.docs)
		}
		return out
	}
	asc := [][]string{{"doc:a"}, {"doc:b", "doc:c", "doc:g"}, {"doc:d"}, {"doc:e", "doc:f"}}
	desc := [][]string{{"doc:d"}, {"doc:b", "doc:c", "doc:g"}, {"doc:a"}, {"doc:e", "doc:f"}}
	if got := groups(false); !slices.EqualFunc(got, asc, slices.Equal) {
		t.Errorf("ascending groups %v, want %v", got, asc)
	}
	if got := groups(true); !slices.EqualFunc(got, desc, slices.Equal) {
		t.Errorf("descending groups %v, want %v", got, desc)
	}
}

func TestDatedCursorRoundTrip(t *testing.T) {
	asc, desc := model.DateOrderDateAsc, model.DateOrderDateDesc
	fa, _ := newDateFilter(nil, nil, &asc)
	fd, _ := newDateFilter(nil, nil, &desc)
	for _, d := range []dated{
		{id: "stmt:0123456789abcdef", date: day(2).Add(1500 * time.Millisecond)},
		{id: "stmt:0123456789abcdef"}, // undated
	} {
		pos, byID, err := fa.after(fa.cursor(d), pledgegraph.TypeStatement)
		if err != nil || byID || pos.id != d.id || !pos.date.Equal(d.date) {
			t.Errorf("%+v: decoded %+v byID=%v err=%v", d, pos, byID, err)
		}
		if _, _, err := fd.after(fa.cursor(d), pledgegraph.TypeStatement); pledgegraph.ErrorCode(err) != pledgegraph.EINVALID {
			t.Errorf("an ascending cursor in a descending connection: %v, want INVALID", err)
		}
		if _, _, err := fa.after(fa.cursor(d), pledgegraph.TypeCommitment); pledgegraph.ErrorCode(err) != pledgegraph.EINVALID {
			t.Errorf("a statement cursor in a commitment connection: %v, want INVALID", err)
		}
	}
	pos, byID, err := fa.after(encodeCursor("stmt:0123456789abcdef"), pledgegraph.TypeStatement)
	if err != nil || !byID || pos.id != "stmt:0123456789abcdef" {
		t.Errorf("ID cursor: %+v byID=%v err=%v", pos, byID, err)
	}
}

// TestPerOperationCheck checks that the operations' index checks are shared
// within an operation and forgotten once it is collected.
func TestPerOperationCheck(t *testing.T) {
	c := newDateCache()
	func() {
		ctx := graphql.WithOperationContext(context.Background(), &graphql.OperationContext{})
		if c.perOperation(ctx) != c.perOperation(ctx) {
			t.Error("two calls in one operation do not share the check")
		}
		if c.perOperation(context.Background()) != nil {
			t.Error("outside an operation: a shared check")
		}
		for range 100 {
			c.perOperation(graphql.WithOperationContext(context.Background(), &graphql.OperationContext{}))
		}
	}()
	deadline := time.Now().Add(10 * time.Second)
	for {
		runtime.GC()
		c.opsMu.Lock()
		n := len(c.ops)
		c.opsMu.Unlock()
		if n == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d operations still held after they were collected", n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
