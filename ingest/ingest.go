// Package ingest turns source documents into stored facts: it runs the
// extraction pipeline over a document, builds its triples and writes them to
// the store in one transaction, then keeps secondary indexes (full-text
// search) in step. The loader CLI, the server's first-start load and the
// ingestDocument mutation all go through it.
package ingest

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"pledgegraph"
	"pledgegraph/loader/triples"
)

// MaxDocumentBytes bounds one document's raw text.
const MaxDocumentBytes = 8 << 20

// Extractor reads the facts of one document (see package loader/pipeline).
type Extractor interface {
	Extract(src pledgegraph.Source) (*pledgegraph.Extraction, error)
}

// Indexer keeps a secondary index in step with the store. Index must be
// idempotent by ID: it is called again when a stored document is re-ingested.
type Indexer interface {
	Index(ctx context.Context, x *pledgegraph.Extraction) error
}

// Service ingests documents into a store.
type Service struct {
	store   pledgegraph.Store
	ex      Extractor
	idx     []Indexer
	log     *slog.Logger
	workers int // extractions run at once by LoadPaths; 0: runtime.GOMAXPROCS(0)
}

// New returns a service writing to st with extractor ex. A nil logger discards logs.
// The extractor must be safe for concurrent use (LoadPaths extracts several
// files at once); the store and indexers are only ever called one document
// at a time by LoadPaths.
func New(st pledgegraph.Store, ex Extractor, log *slog.Logger, indexers ...Indexer) *Service {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Service{store: st, ex: ex, idx: indexers, log: log}
}

// WithWorkers returns a copy of s whose LoadPaths runs up to n extractions
// at once; n <= 0 means runtime.GOMAXPROCS(0), the default.
func (s *Service) WithWorkers(n int) *Service {
	c := *s
	c.workers = max(n, 0)
	return &c
}

// Result is what one ingest did.
type Result struct {
	Extraction *pledgegraph.Extraction
	Created    bool // false when the document was already stored (nothing changed)
	Quads      int  // triples written (0 when !Created)
}

// Ingest extracts and stores one document. Bad input is an EINVALID or
// ELIMIT error and stores nothing; a store failure leaves no part of the
// document behind.
func (s *Service) Ingest(ctx context.Context, src pledgegraph.Source) (*Result, error) {
	p, err := s.extract(src)
	if err != nil {
		return nil, err
	}
	return s.write(ctx, p)
}

// extracted is a document read and turned into triples, not yet stored.
type extracted struct {
	x  *pledgegraph.Extraction
	ts []pledgegraph.Triple
}

// extract is the first half of Ingest: validation, extraction and triples.
// It touches neither the store nor the indexers, so LoadPaths runs it on
// several documents at once.
func (s *Service) extract(src pledgegraph.Source) (*extracted, error) {
	if err := Validate(src.Text); err != nil {
		return nil, err
	}
	x, err := s.ex.Extract(src)
	if err != nil {
		return nil, err
	}
	return &extracted{x: x, ts: triples.Build(x)}, nil
}

// write is the second half of Ingest: the store write, then the indexers.
func (s *Service) write(ctx context.Context, p *extracted) (*Result, error) {
	x, ts := p.x, p.ts
	created, err := s.store.Write(ctx, x.Document.ID, ts)
	if err != nil {
		return nil, err
	}
	s.indexAll(ctx, []*pledgegraph.Extraction{x})
	return s.stored(ctx, p, created), nil
}

// stored is the result of writing p (created: it was not stored before),
// logged.
func (s *Service) stored(ctx context.Context, p *extracted, created bool) *Result {
	x := p.x
	r := &Result{Extraction: x, Created: created}
	if created {
		r.Quads = len(p.ts)
	}
	s.log.DebugContext(ctx, "ingested", "doc", x.Document.ID, "source", x.Document.Source,
		"created", created, "actors", len(x.Actors), "statements", len(x.Statements),
		"commitments", len(x.Commitments), "quads", r.Quads)
	return r
}

// Validate checks raw text before extraction.
func Validate(text string) error {
	switch {
	case len(text) > MaxDocumentBytes:
		return pledgegraph.Errorf(pledgegraph.ELIMIT, "document is %d bytes; the limit is %d", len(text), MaxDocumentBytes)
	case !utf8.ValidString(text):
		return pledgegraph.Errorf(pledgegraph.EINVALID, "document text is not valid UTF-8")
	case strings.TrimSpace(text) == "":
		return pledgegraph.Errorf(pledgegraph.EINVALID, "document text is empty")
	}
	return nil
}

// Skip is an input that was not loaded, and why.
type Skip struct {
	Path   string
	Reason string
}

// Summary counts what a load did.
type Summary struct {
	Documents   int // newly stored
	Unchanged   int // already stored, nothing changed
	Actors      int // distinct actors in the newly stored documents
	Statements  int
	Commitments int
	Quads       int
	Skipped     []Skip
}

// tally adds up the files of a load into its Summary.
type tally struct {
	sum    Summary
	actors map[string]bool // distinct actors of the newly stored documents
}

// add counts one file: its result, or the reason it was skipped.
func (t *tally) add(path string, r *Result, reason string) {
	switch {
	case reason != "":
		t.sum.Skipped = append(t.sum.Skipped, Skip{Path: path, Reason: reason})
	case r.Created:
		t.sum.Documents++
		t.sum.Statements += len(r.Extraction.Statements)
		t.sum.Commitments += len(r.Extraction.Commitments)
		t.sum.Quads += r.Quads
		if t.actors == nil {
			t.actors = map[string]bool{}
		}
		for _, a := range r.Extraction.Actors {
			t.actors[a.ID] = true
		}
	default:
		t.sum.Unchanged++
	}
	t.sum.Actors = len(t.actors)
}

// Progress receives a report after each file of a load.
type Progress func(done, total int, path string)

// BatchIndexer is an Indexer that also takes several extractions at once
// (one index batch instead of one per document); LoadPaths uses it when
// it writes documents in batches.
type BatchIndexer interface {
	Indexer
	IndexAll(ctx context.Context, xs []*pledgegraph.Extraction) error
}

// loadWindow bounds the files LoadPaths holds extracted ahead of the
// writer, and so the documents it writes in one batch.
const loadWindow = 32

// LoadPaths loads files and directories (recursively; hidden entries and
// README/LICENSE/NOTICE files beside the documents are passed over). Only
// UTF-8 .txt files are loaded; anything else, and any file that fails, is
// recorded in Summary.Skipped with the reason and the rest still loads. It
// stops early only when ctx is done.
//
// Files are read and extracted by several goroutines at once (see
// WithWorkers), up to loadWindow files ahead of the writer, while the store
// writes, the indexers and progress run on the calling goroutine, in the
// sorted order of the files: the summary, its Skipped list, the progress
// reports and what is stored are as if the files were loaded one after
// another. When the store is a pledgegraph.BatchWriter, the writer takes
// every file already extracted (at least the next one) and writes them in
// one batch — a group commit: one file at a time while extraction is the
// slower stage, many per transaction while the store is — then indexes
// them (in one call for a BatchIndexer) and reports their progress. Each
// document is still stored whole or not at all, and one that fails fails
// alone. When ctx is done, LoadPaths writes nothing more (a batch under
// way is completed and reported) and returns once the extractions under
// way have ended.
func (s *Service) LoadPaths(ctx context.Context, paths []string, progress Progress) (Summary, error) {
	var t tally
	files := s.collect(paths, &t.sum)
	rd := s.readAhead(ctx, files)
	defer rd.stop()
	bw, batching := s.store.(pledgegraph.BatchWriter)
	for done := 0; done < len(files); {
		if err := ctx.Err(); err != nil {
			return t.sum, err
		}
		pf, ok := rd.next(ctx)
		if !ok {
			return t.sum, ctx.Err()
		}
		group := []preparedFile{pf}
		for batching && len(group) < loadWindow && done+len(group) < len(files) && rd.ready() {
			pf, ok := rd.next(ctx) // ready: does not wait
			if !ok {
				return t.sum, ctx.Err()
			}
			group = append(group, pf)
		}
		var results []*Result
		var reasons []string
		if batching {
			results, reasons = s.storeFiles(ctx, bw, group)
		} else {
			r, reason := s.storeFile(ctx, pf)
			results, reasons = []*Result{r}, []string{reason}
		}
		for i, f := range group {
			t.add(f.path, results[i], reasons[i])
			done++
			if progress != nil {
				progress(done, len(files), f.path)
			}
		}
	}
	return t.sum, nil
}

// preparedFile is one file of a load, read and extracted: either doc, or
// the reason it cannot be loaded, or the error of its extraction.
type preparedFile struct {
	path   string
	doc    *extracted
	reason string
	err    error
}

// prepareFile reads and extracts one file: the part of a load that runs
// concurrently.
func (s *Service) prepareFile(path string) preparedFile {
	fi, err := os.Stat(path)
	if err != nil {
		return preparedFile{path: path, reason: "cannot read: " + pathErr(err)}
	}
	if fi.Size() > MaxDocumentBytes {
		return preparedFile{path: path, reason: "too large (over 8 MiB)"}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return preparedFile{path: path, reason: "cannot read: " + pathErr(err)}
	}
	if !utf8.Valid(b) {
		return preparedFile{path: path, reason: "not valid UTF-8 text"}
	}
	doc, err := s.extract(pledgegraph.Source{Name: filepath.Base(path), Source: filepath.Base(path), Text: string(b)})
	return preparedFile{path: path, doc: doc, err: err}
}

// storeFile stores a file prepared by prepareFile, or tells why it was not.
func (s *Service) storeFile(ctx context.Context, f preparedFile) (*Result, string) {
	if f.reason != "" {
		return nil, f.reason
	}
	err := f.err
	var r *Result
	if err == nil {
		r, err = s.write(ctx, f.doc)
	}
	if err != nil {
		return nil, s.skipReason(ctx, f.path, err)
	}
	return r, ""
}

// storeFiles is storeFile for several files, written with one WriteBatch
// call and indexed together: results and reasons are aligned with fs.
func (s *Service) storeFiles(ctx context.Context, bw pledgegraph.BatchWriter, fs []preparedFile) ([]*Result, []string) {
	results, reasons := make([]*Result, len(fs)), make([]string, len(fs))
	var (
		docs []pledgegraph.DocumentTriples
		at   []int // index in fs of each of docs
	)
	for i, f := range fs {
		switch {
		case f.reason != "":
			reasons[i] = f.reason
		case f.err != nil:
			reasons[i] = s.skipReason(ctx, f.path, f.err)
		default:
			docs = append(docs, pledgegraph.DocumentTriples{ID: f.doc.x.Document.ID, Triples: f.doc.ts})
			at = append(at, i)
		}
	}
	if len(docs) == 0 {
		return results, reasons
	}
	res, err := bw.WriteBatch(ctx, docs)
	if err == nil && len(res) != len(docs) {
		err = pledgegraph.Errorf(pledgegraph.EINTERNAL, "store wrote %d of a batch of %d documents", len(res), len(docs))
	}
	var written []*pledgegraph.Extraction
	for j, i := range at {
		werr := err
		if werr == nil {
			werr = res[j].Err
		}
		if werr != nil {
			reasons[i] = s.skipReason(ctx, fs[i].path, werr)
			continue
		}
		results[i] = s.stored(ctx, fs[i].doc, res[j].Created)
		written = append(written, fs[i].doc.x)
	}
	s.indexAll(ctx, written)
	return results, reasons
}

// indexAll hands stored extractions to the indexers: in one call to a
// BatchIndexer, one call per extraction to the others.
func (s *Service) indexAll(ctx context.Context, xs []*pledgegraph.Extraction) {
	if len(xs) == 0 {
		return
	}
	for _, ix := range s.idx {
		if bix, ok := ix.(BatchIndexer); ok {
			if err := bix.IndexAll(ctx, xs); err != nil {
				s.log.ErrorContext(ctx, "index documents", "docs", len(xs), "first", xs[0].Document.ID, "err", err)
			}
			continue
		}
		for _, x := range xs {
			if err := ix.Index(ctx, x); err != nil {
				s.log.ErrorContext(ctx, "index document", "doc", x.Document.ID, "err", err)
			}
		}
	}
}

// skipReason is the reason recorded for a file that failed with err: the
// error's message for people, or, for an internal error (logged with its
// details), a generic one.
func (s *Service) skipReason(ctx context.Context, path string, err error) string {
	if pledgegraph.ErrorCode(err) == pledgegraph.EINTERNAL {
		s.log.ErrorContext(ctx, "load file", "path", path, "err", err)
		return "internal error while reading it (details in the log); nothing of it was stored"
	}
	return pledgegraph.ErrorMessage(err)
}

// aheadReader hands out the files of a load in order, read and extracted
// by worker goroutines at most loadWindow files ahead of the caller.
type aheadReader struct {
	order chan *aheadJob
	held  *aheadJob // taken from order by ready, not yet returned by next
	stop  func()    // ends the workers and waits for them
}

// aheadJob is one file of a readAhead. A file is queued in order (in the
// order channel, which bounds the files read ahead of the writer) before
// a worker takes it.
type aheadJob struct {
	path      string
	done      chan struct{} // closed once out, panic or cancelled is set
	out       preparedFile
	panic     any
	cancelled bool // ctx was done before the file was read
}

// readAhead starts reading and extracting files on worker goroutines. The
// reader's stop must be called once it is no longer used; next and ready
// must not be called after it. A panic in an extraction is raised again by
// next, on the caller's goroutine.
func (s *Service) readAhead(ctx context.Context, files []string) *aheadReader {
	workers := s.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(files)))
	ctx, cancel := context.WithCancel(ctx)
	order := make(chan *aheadJob, max(loadWindow, 2*workers))
	jobs := make(chan *aheadJob)
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(jobs)
		for _, f := range files {
			j := &aheadJob{path: f, done: make(chan struct{})}
			select {
			case order <- j:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	})
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				func() {
					defer close(j.done)
					if ctx.Err() != nil {
						j.cancelled = true
						return
					}
					defer func() { j.panic = recover() }()
					j.out = s.prepareFile(j.path)
				}()
			}
		})
	}
	return &aheadReader{order: order, stop: func() {
		cancel()
		wg.Wait()
	}}
}

// next returns the next file in order, waiting for its extraction; ok is
// false when ctx is done first.
func (r *aheadReader) next(ctx context.Context) (preparedFile, bool) {
	j := r.held
	r.held = nil
	if j == nil {
		select {
		case j = <-r.order:
		case <-ctx.Done():
			return preparedFile{}, false
		}
	}
	select {
	case <-j.done:
	case <-ctx.Done():
		return preparedFile{}, false
	}
	if j.panic != nil {
		panic(j.panic)
	}
	return j.out, !j.cancelled
}

// ready reports, without waiting, whether next would return a file at
// once: the next file is queued and its extraction has ended (without a
// panic).
func (r *aheadReader) ready() bool {
	if r.held == nil {
		select {
		case r.held = <-r.order:
		default:
			return false
		}
	}
	select {
	case <-r.held.done:
		// A panic is raised by next on its own, after the files before it
		// are written.
		return r.held.panic == nil
	default:
		return false
	}
}

// collect expands paths into the sorted list of candidate files, recording
// inputs that cannot be loaded.
func (s *Service) collect(paths []string, sum *Summary) []string {
	var files []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			sum.Skipped = append(sum.Skipped, Skip{Path: p, Reason: "cannot read: " + pathErr(err)})
			continue
		}
		if !fi.IsDir() {
			if ok, why := loadable(p); ok {
				files = append(files, p)
			} else {
				sum.Skipped = append(sum.Skipped, Skip{Path: p, Reason: why})
			}
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				sum.Skipped = append(sum.Skipped, Skip{Path: path, Reason: "cannot read: " + pathErr(err)})
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || isDocFile(d.Name()) {
				return nil
			}
			if ok, why := loadable(path); ok {
				found = append(found, path)
			} else {
				sum.Skipped = append(sum.Skipped, Skip{Path: path, Reason: why})
			}
			return nil
		})
		if err != nil {
			sum.Skipped = append(sum.Skipped, Skip{Path: p, Reason: "cannot read: " + pathErr(err)})
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files
}

// isDocFile tells the documentation kept beside source documents (README,
// LICENSE, NOTICE), which directory walks pass over silently.
func isDocFile(name string) bool {
	base := strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name)))
	return base == "README" || base == "LICENSE" || base == "NOTICE"
}

func loadable(path string) (bool, string) {
	if !strings.EqualFold(filepath.Ext(path), ".txt") {
		return false, "not a .txt file"
	}
	return true, ""
}

// pathErr drops the path from an fs error: the caller reports the path.
func pathErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
