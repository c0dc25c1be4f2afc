package store

import (
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"pledgegraph"
)

const scratchDSN = "postgres://postgres@127.0.0.1:5432/pledgegraph_scratch_store?sslmode=disable"

func TestScratchLoad(t *testing.T) {
	s, err := Open(ctx, Config{Backend: BackendPostgres, Path: scratchDSN})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := 0; i < 100; i++ {
		f := benchDoc(i)
		if _, err := s.Write(ctx, f.Doc.ID, f.triples()); err != nil {
			t.Fatal(err)
		}
	}
}

func TestScratchExplain(t *testing.T) {
	s, err := Open(ctx, Config{Backend: BackendPostgres, Path: scratchDSN})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var sids []string
	for i := 0; i < 100; i++ {
		for _, st := range benchDoc(i).Statements {
			sids = append(sids, st.ID)
		}
	}
	pb := s.b.(*postgresBackend)
	for _, p := range []pattern{
		{Subjects: iris(sids[:100]), Predicates: statementPreds},
		{Objects: iris(sids[:100]), Predicates: preds(pledgegraph.PredSaid)},
		{Predicates: preds(pledgegraph.PredType), Objects: []quad.Value{quad.String("Statement")}},
	} {
		q, args := pb.sql(p)
		rows, err := pb.qs.Query(ctx, rawQuery{sql: "EXPLAIN ANALYZE " + q, args: args})
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for rows.Next() {
			var l string
			rows.Scan(&l)
			if len(l) > 160 {
				l = l[:160]
			}
			lines = append(lines, l)
		}
		rows.Close()
		t.Log("\n" + strings.Join(lines, "\n"))
	}
}
