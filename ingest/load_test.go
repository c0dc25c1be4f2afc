package ingest

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"pledgegraph"
	"pledgegraph/graph/store"
	"pledgegraph/internal/testcorpus"
	"pledgegraph/loader/pipeline"
)

// TestExtractorIsSafeForConcurrentUse extracts every test article from
// many goroutines at once (run it with -race) and compares each extraction
// with the one read alone: LoadPaths relies on this.
func TestExtractorIsSafeForConcurrentUse(t *testing.T) {
	p, err := pipeline.New()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, a := range testcorpus.Articles(t) {
		texts = append(texts, readText(t, a.Text))
	}
	want := make([]*pledgegraph.Extraction, len(texts))
	for i, text := range texts {
		if want[i], err = p.Extract(pledgegraph.Source{Name: "a.txt", Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(g), 1))
			for _, i := range rng.Perm(len(texts)) {
				got, err := p.Extract(pledgegraph.Source{Name: "a.txt", Text: texts[i]})
				if err != nil {
					t.Error(err)
					return
				}
				if !reflect.DeepEqual(got, want[i]) {
					t.Errorf("goroutine %d: article %d extracted differently than alone", g, i)
				}
			}
		})
	}
	wg.Wait()
}

// TestLoadPathsMatchesSequentialLoad loads a directory of articles, with
// duplicates and files that cannot be loaded, with several worker counts,
// and compares everything a load shows (summary, skipped files and reasons
// in order, progress reports, the store writes and index calls in order)
// with a load that reads and writes one file after another.
func TestLoadPathsMatchesSequentialLoad(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var seed string
	for i, a := range testcorpus.Articles(t) {
		text := readText(t, a.Text)
		sub := []string{"a", "b/c", "d"}[i%3]
		writeFile(t, filepath.Join(dir, sub, a.Name+".txt"), text)
		seed = text
	}
	writeFile(t, filepath.Join(dir, "b", "copy.txt"), seed) // stored already: unchanged
	writeFile(t, filepath.Join(dir, "b", "latin1.txt"), "Br\xfcssel said it w\xf6uld help.\n")
	writeFile(t, filepath.Join(dir, "a", "empty.txt"), " \n\n")
	writeFile(t, filepath.Join(dir, "a", "report.pdf"), "%PDF-1.4")
	writeFile(t, filepath.Join(dir, "d", "big.txt"), strings.Repeat("word ", MaxDocumentBytes/5+1))
	writeFile(t, filepath.Join(dir, "README.md"), "# notes")
	writeFile(t, filepath.Join(dir, ".hidden", "x.txt"), "hidden")
	paths := []string{dir, filepath.Join(dir, "missing.txt"), filepath.Join(dir, "d")}

	type load struct {
		sum      Summary
		progress []string
		writes   []string
		indexed  []string
	}
	run := func(t *testing.T, batch bool, loadFn func(*Service, Progress) (Summary, error)) load {
		var l load
		rec := newRecorder(t, 0)
		svc := New(rec.as(batch), newPipeline(t), nil, rec)
		sum, err := loadFn(svc, func(done, total int, path string) {
			l.progress = append(l.progress, fmt.Sprintf("%d/%d %s", done, total, path))
		})
		if err != nil {
			t.Fatal(err)
		}
		if rec.overlap.Load() {
			t.Error("store writes or index calls overlapped")
		}
		l.sum, l.writes, l.indexed = sum, rec.writes, rec.indexed
		return l
	}
	want := run(t, false, func(svc *Service, p Progress) (Summary, error) {
		return loadSequential(ctx, svc, paths, p)
	})
	if want.sum.Documents < 10 || want.sum.Unchanged < 2 || len(want.sum.Skipped) != 6 {
		t.Fatalf("the reference load did not read the corpus as meant: %+v", want.sum)
	}
	for _, tc := range []struct {
		batch   bool
		workers int
	}{{false, 0}, {false, 1}, {false, 3}, {true, 0}, {true, 1}, {true, 2}, {true, 3}, {true, 8}} {
		t.Run(fmt.Sprintf("batch=%v/workers=%d", tc.batch, tc.workers), func(t *testing.T) {
			got := run(t, tc.batch, func(svc *Service, p Progress) (Summary, error) {
				return svc.WithWorkers(tc.workers).LoadPaths(ctx, paths, p)
			})
			if !reflect.DeepEqual(got.sum, want.sum) {
				t.Errorf("summary\n got %+v\nwant %+v", got.sum, want.sum)
			}
			for _, c := range []struct {
				what      string
				got, want []string
			}{
				{"progress", got.progress, want.progress},
				{"writes", got.writes, want.writes},
				{"index calls", got.indexed, want.indexed},
			} {
				if !reflect.DeepEqual(c.got, c.want) {
					t.Errorf("%s differ:\n got %q\nwant %q", c.what, c.got, c.want)
				}
			}
		})
	}
}

// loadSequential is LoadPaths as it was before extraction ran ahead of the
// writes: each file read, extracted and written before the next.
func loadSequential(ctx context.Context, s *Service, paths []string, progress Progress) (Summary, error) {
	var t tally
	files := s.collect(paths, &t.sum)
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return t.sum, err
		}
		r, reason := s.storeFile(ctx, s.prepareFile(f))
		t.add(f, r, reason)
		if progress != nil {
			progress(i+1, len(files), f)
		}
	}
	return t.sum, nil
}

// TestLoadPathsStopsWhenCancelled cancels a load after its third file: no
// further file is written (writing one at a time, none after the third;
// in batches, none after the batch under way), every written file is whole
// and reported, and LoadPaths returns promptly without leaving goroutines
// behind.
func TestLoadPathsStopsWhenCancelled(t *testing.T) {
	const files = 80
	dir := smallFiles(t, files)
	for _, batch := range []bool{false, true} {
		for _, workers := range []int{1, 2, 4} {
			t.Run(fmt.Sprintf("batch=%v/workers=%d", batch, workers), func(t *testing.T) {
				before := runtime.NumGoroutine()
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				rec := newRecorder(t, time.Millisecond)
				ex := &fakeExtractor{delay: 20 * time.Millisecond}
				svc := New(rec.as(batch), ex, nil).WithWorkers(workers)
				var reports, written int
				start := time.Now()
				_, err := svc.LoadPaths(ctx, []string{dir}, func(done, total int, path string) {
					reports++
					if done == 3 {
						written = len(rec.writes)
						cancel()
					}
				})
				if took := time.Since(start); took > 2*time.Second {
					t.Errorf("LoadPaths took %v after being cancelled", took)
				}
				if !errors.Is(err, context.Canceled) {
					t.Errorf("err = %v, want context.Canceled", err)
				}
				want := 3
				if batch {
					want = written // the batch of the third file, reported whole
				}
				if reports != want || len(rec.writes) != want || want < 3 || want >= files {
					t.Errorf("%d progress reports and %d writes after cancelling at the third (%d written then), want %d and %d",
						reports, len(rec.writes), written, want, want)
				}
				if st, _ := rec.Stats(context.Background()); st.Documents != len(rec.writes) {
					t.Errorf("the store holds %d documents, want %d", st.Documents, len(rec.writes))
				}
				// Writing the third file, at most a window more were queued.
				if n := int(ex.calls.Load()); n > want+loadWindow+workers {
					t.Errorf("%d extractions for %d files written with %d workers: it read too far ahead", n, want, workers)
				}
				waitGoroutines(t, before)
			})
		}
	}
}

func TestLoadPathsWithDoneContextWritesNothing(t *testing.T) {
	dir := smallFiles(t, 5)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	before := runtime.NumGoroutine()
	rec := newRecorder(t, 0)
	_, err := New(rec, &fakeExtractor{}, nil).LoadPaths(ctx, []string{dir}, nil)
	if !errors.Is(err, context.Canceled) || len(rec.writes) != 0 {
		t.Errorf("err %v, %d writes; want context.Canceled and none", err, len(rec.writes))
	}
	waitGoroutines(t, before)
}

// TestLoadPathsReadsABoundedWindowAhead: with a slow store and a fast
// extractor, extraction runs ahead of the writes by a window of files,
// never the whole corpus; a store that writes batches then gets several
// files per batch (group commit).
func TestLoadPathsReadsABoundedWindowAhead(t *testing.T) {
	const workers, files = 2, 4 * loadWindow
	dir := smallFiles(t, files)
	for _, batch := range []bool{false, true} {
		t.Run(fmt.Sprintf("batch=%v", batch), func(t *testing.T) {
			ex := &fakeExtractor{}
			rec := newRecorder(t, 2*time.Millisecond)
			maxAhead := 0
			rec.onWrite = func(written int) {
				maxAhead = max(maxAhead, int(ex.calls.Load())-written)
			}
			sum, err := New(rec.as(batch), ex, nil).WithWorkers(workers).LoadPaths(context.Background(), []string{dir}, nil)
			if err != nil || sum.Documents != files {
				t.Fatalf("%+v, %v", sum, err)
			}
			// Writing a group, the writer holds it; at most a window more are queued.
			limit := loadWindow + 1
			if batch {
				limit = 2 * loadWindow
			}
			if maxAhead > limit || maxAhead < 2 {
				t.Errorf("extraction ran up to %d files ahead of the writes, want 2…%d", maxAhead, limit)
			}
			if !batch {
				if len(rec.batches) != 0 {
					t.Errorf("WriteBatch called on a store without it: %v", rec.batches)
				}
				return
			}
			if len(rec.batches) >= files/2 || slices.Max(rec.batches) > loadWindow {
				t.Errorf("%d batches for %d files (sizes %v); want fewer than %d, none over %d",
					len(rec.batches), files, rec.batches, files/2, loadWindow)
			}
		})
	}
}

// TestLoadPathsBatchFailuresStayAlone: in a batch, a document the store
// rejects is skipped with the reason Write gives, and the documents around
// it are stored and indexed as if each were written alone.
func TestLoadPathsBatchFailuresStayAlone(t *testing.T) {
	dir := smallFiles(t, 12)
	want := map[bool]Summary{}
	for _, batch := range []bool{false, true} {
		rec := newRecorder(t, time.Millisecond)
		rec.reject = "Document 5 "
		ex := &fakeExtractor{delay: time.Millisecond}
		sum, err := New(rec.as(batch), ex, nil, rec).WithWorkers(4).LoadPaths(context.Background(), []string{dir}, nil)
		if err != nil {
			t.Fatal(err)
		}
		want[batch] = sum
		if sum.Documents != 11 || len(sum.Skipped) != 1 || !strings.HasSuffix(sum.Skipped[0].Path, "f05.txt") {
			t.Errorf("batch=%v: %+v; want 11 documents and f05.txt skipped", batch, sum)
		}
		if st, _ := rec.Stats(context.Background()); st.Documents != 11 || len(rec.indexed) != 11 {
			t.Errorf("batch=%v: %d documents stored, %d indexed; want 11 and 11", batch, st.Documents, len(rec.indexed))
		}
	}
	if !reflect.DeepEqual(want[true], want[false]) {
		t.Errorf("batch load %+v\n differs from one by one %+v", want[true], want[false])
	}
}

// TestLoadPathsRaisesAnExtractorPanic: a panic in an extraction reaches
// the caller of LoadPaths, as when extraction ran on its goroutine, after
// the files before it were written.
func TestLoadPathsRaisesAnExtractorPanic(t *testing.T) {
	dir := smallFiles(t, 20)
	for _, batch := range []bool{false, true} {
		t.Run(fmt.Sprintf("batch=%v", batch), func(t *testing.T) {
			before := runtime.NumGoroutine()
			rec := newRecorder(t, 0)
			svc := New(rec.as(batch), &fakeExtractor{panicOn: "f05.txt"}, nil).WithWorkers(3)
			func() {
				defer func() {
					if r := recover(); r != "boom on f05.txt" {
						t.Errorf("recovered %v, want the extractor's panic", r)
					}
				}()
				svc.LoadPaths(context.Background(), []string{dir}, nil)
				t.Error("LoadPaths returned")
			}()
			if len(rec.writes) != 5 {
				t.Errorf("%d files written before the panic, want 5", len(rec.writes))
			}
			waitGoroutines(t, before)
		})
	}
}

// recorder is a memory store and an Indexer that records, in order, every
// document written and indexed, and notes when calls overlap.
type recorder struct {
	*store.Store
	delay   time.Duration
	onWrite func(written int) // called at the start of each write
	busy    atomic.Int32
	overlap atomic.Bool
	mu      sync.Mutex
	writes  []string // doc ID, created, number and hash of the triples
	indexed []string
	batches []int  // sizes of the WriteBatch calls
	reject  string // Write fails (INVALID) for documents whose text has this
}

// as returns the recorder as a store that writes batches (the recorder
// itself) or one that only has Store's methods, so the loader writes each
// document with Write.
func (r *recorder) as(batch bool) pledgegraph.Store {
	if batch {
		return r
	}
	return struct{ pledgegraph.Store }{r}
}

func newRecorder(t *testing.T, delay time.Duration) *recorder {
	t.Helper()
	st, err := store.Open(context.Background(), store.Config{Backend: "memory"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &recorder{Store: st, delay: delay}
}

func (r *recorder) enter() func() {
	if r.busy.Add(1) > 1 {
		r.overlap.Store(true)
	}
	return func() { r.busy.Add(-1) }
}

func (r *recorder) Write(ctx context.Context, docID string, ts []pledgegraph.Triple) (bool, error) {
	defer r.enter()()
	if r.onWrite != nil {
		r.onWrite(len(r.writes))
	}
	time.Sleep(r.delay)
	created, err := r.write(ctx, docID, ts)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.record(docID, created, ts)
	return created, err
}

func (r *recorder) write(ctx context.Context, docID string, ts []pledgegraph.Triple) (bool, error) {
	if r.reject != "" {
		for _, t := range ts {
			if t.Object.Kind == pledgegraph.TermString && strings.Contains(t.Object.Str, r.reject) {
				return false, pledgegraph.Errorf(pledgegraph.EINVALID, "rejected %s", docID)
			}
		}
	}
	return r.Store.Write(ctx, docID, ts)
}

func (r *recorder) WriteBatch(ctx context.Context, docs []pledgegraph.DocumentTriples) ([]pledgegraph.WriteResult, error) {
	defer r.enter()()
	if r.onWrite != nil {
		r.onWrite(len(r.writes))
	}
	time.Sleep(r.delay)
	var res []pledgegraph.WriteResult
	if r.reject != "" {
		// Rejects as write does, the others in one batch.
		res = make([]pledgegraph.WriteResult, len(docs))
		for i, d := range docs {
			res[i].Created, res[i].Err = r.write(ctx, d.ID, d.Triples)
		}
	} else {
		var err error
		if res, err = r.Store.WriteBatch(ctx, docs); err != nil {
			return nil, err
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.batches = append(r.batches, len(docs))
	for i, d := range docs {
		r.record(d.ID, res[i].Created, d.Triples)
	}
	return res, nil
}

// record notes a write; r.mu is held.
func (r *recorder) record(docID string, created bool, ts []pledgegraph.Triple) {
	r.writes = append(r.writes, fmt.Sprintf("%s created=%v triples=%d %x", docID, created, len(ts), sha256.Sum256(fmt.Appendf(nil, "%#v", ts))))
}

func (r *recorder) Index(_ context.Context, x *pledgegraph.Extraction) error {
	defer r.enter()()
	r.mu.Lock()
	defer r.mu.Unlock()
	r.indexed = append(r.indexed, x.Document.ID)
	return nil
}

// fakeExtractor reads a document as itself alone, after a delay.
type fakeExtractor struct {
	delay   time.Duration
	panicOn string // a file name
	calls   atomic.Int32
}

func (f *fakeExtractor) Extract(src pledgegraph.Source) (*pledgegraph.Extraction, error) {
	f.calls.Add(1)
	time.Sleep(f.delay)
	if src.Name == f.panicOn {
		panic("boom on " + src.Name)
	}
	return &pledgegraph.Extraction{Document: pledgegraph.Document{
		ID: pledgegraph.DocumentID(src.Text), Source: src.Source, Text: src.Text, ContentHash: pledgegraph.ContentHash(src.Text),
	}}, nil
}

// smallFiles writes n short distinct documents f00.txt… into a new directory.
func smallFiles(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("f%02d.txt", i)), fmt.Sprintf("Document %d says something.\n", i))
	}
	return dir
}

// waitGoroutines fails the test unless the goroutines started since
// before have ended (they may take a moment to exit after signalling).
func waitGoroutines(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			t.Errorf("%d goroutines left running (%d before the load)", runtime.NumGoroutine(), before)
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func newPipeline(t *testing.T) *pipeline.Pipeline {
	t.Helper()
	p, err := pipeline.New()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
