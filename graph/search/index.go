package search

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"pledgegraph"
)

// mappingVersion names the layout of the index; an index on disk with
// another version is dropped and rebuilt (by Sync).
const mappingVersion = "pledgegraph-search-1"

var versionKey = []byte("pledgegraph.mapping")

// Field names of the index entries.
const (
	fType   = "type"   // pledgegraph.TypeActor, … (keyword)
	fNames  = "names"  // actors: NameKey of name, aliases and title (whitespace words)
	fPeople = "people" // statements, commitments: NameKey of the actors' names and aliases
	fText   = "text"   // statement text; commitment action, amount and condition; actor title; document headline
	fLabel  = "label"  // display name or headline (stored only)
	fRecord = "record" // actors: JSON of the merged pledgegraph.Actor (stored only)
	fDoc    = "doc"    // document ID (keyword)
)

// DefaultPath is where the index of a store at dbPath lives: "<dbPath>.search".
func DefaultPath(dbPath string) string { return dbPath + ".search" }

// Config says where the index lives.
type Config struct {
	// Path is the index directory, created if missing. One process at a
	// time may open a directory: with several servers on one database, give
	// each its own (and Sync it). "" means an index that does not outlive
	// Close: kept in a private temporary directory (bleve's scorch engine
	// merges its segments there; its memory-only engines either never
	// merge or slow to a quarter-second per query at 10k documents), removed
	// by Close.
	Path string
	// Logger receives index events [slog.Default()].
	Logger *slog.Logger
}

// Index is the full-text index. It is safe for concurrent use: searches run
// in parallel, writes one at a time.
type Index struct {
	cfg Config
	log *slog.Logger
	dir string // the index directory: cfg.Path, or a temporary one
	tmp bool   // dir is temporary: removed by Close

	mu  sync.RWMutex // guards idx against Rebuild's swap; writers hold wmu too
	idx bleve.Index
	wmu sync.Mutex // one writer at a time (actor entries are read-modify-write)

	expansions *expansionCache // of fuzzy and prefix query terms, for idx's segments

	// gen counts the writes: the results cache keeps those of one.
	gen     atomic.Uint64
	results resultCache
	noCache bool      // results are not cached (set by benchmarks before searching)
	hitBufs sync.Pool // of *[]rawHit, for collectors

	stemsOnce sync.Once
	stems     analysis.Analyzer // the text analyzer, stems cached, for snippets

	// Searches whose statements' and commitments' half the segment engine
	// evaluated, and those it left to bleve (see engine.go).
	engineRuns, bleveRuns atomic.Uint64
	// Candidates in a segment from which the engine scores them in tiers
	// (prune.go); tests lower it.
	prune pruning
}

// Open opens the index at cfg.Path, creating it if missing; an index written
// with another layout is dropped and recreated empty (Sync refills it).
// Errors: EINTERNAL (the cause, e.g. a directory locked by another process,
// is in the chain).
func Open(ctx context.Context, cfg Config) (*Index, error) {
	ix := &Index{cfg: cfg, log: cfg.Logger, dir: cfg.Path, expansions: &expansionCache{}, prune: pruning{min: defaultPruneMin}}
	if ix.log == nil {
		ix.log = slog.Default()
	}
	if ix.dir == "" {
		dir, err := os.MkdirTemp("", "pledgegraph-search-")
		if err != nil {
			return nil, pledgegraph.Internal("search.Open", err)
		}
		ix.dir, ix.tmp = filepath.Join(dir, "index"), true
	}
	idx, err := ix.open()
	if err != nil {
		if ix.tmp {
			os.RemoveAll(filepath.Dir(ix.dir))
		}
		return nil, pledgegraph.Internal("search.Open", err)
	}
	ix.idx = idx
	return ix, nil
}

// runtimeConfig is a fresh configuration for each open: bleve writes
// into the map it is given (path, create_if_missing…), so a shared one
// made a later open of another directory open the last one created. It
// makes a second process fail to open a directory in use
// instead of waiting for it forever, and has bleve merge the index's
// segments into fewer than its default: a search reads each term's
// dictionary and postings in every segment, and with at most 3 segments
// per size tier instead of 10 (6 instead of 17 at 10,000 documents) a
// search of a name cost a quarter to a third less CPU, for indexing about
// 5% slower (measured on a synthetic corpus in batches of 50). An index
// opened with more segments is merged in the background.
func runtimeConfig() map[string]interface{} {
	return map[string]interface{}{
		"bolt_timeout":           "3s",
		"scorchMergePlanOptions": map[string]interface{}{"MaxSegmentsPerTier": 3},
	}
}

func (ix *Index) open() (bleve.Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	idx, err := bleve.OpenUsing(ix.dir, runtimeConfig())
	switch {
	case err == nil:
		v, verr := idx.GetInternal(versionKey)
		if verr == nil && string(v) == mappingVersion {
			return idx, nil
		}
		ix.log.Warn("search index has another layout; recreating it", "path", ix.dir, "version", string(v))
		idx.Close()
		if err := os.RemoveAll(ix.dir); err != nil {
			return nil, err
		}
	case errors.Is(err, bleve.ErrorIndexPathDoesNotExist):
	case errors.Is(err, bleve.ErrorIndexMetaMissing) || errors.Is(err, bleve.ErrorIndexMetaCorrupt):
		ix.log.Warn("search index unreadable; recreating it", "path", ix.dir, "err", err)
		if err := os.RemoveAll(ix.dir); err != nil {
			return nil, err
		}
	default:
		return nil, err
	}
	idx, err = bleve.NewUsing(ix.dir, m, scorch.Name, scorch.Name, runtimeConfig())
	if err != nil {
		return nil, err
	}
	if err := idx.SetInternal(versionKey, []byte(mappingVersion)); err != nil {
		idx.Close()
		return nil, err
	}
	return idx, nil
}

// Dir is the directory the index lives in (a temporary one when
// Config.Path was "").
func (ix *Index) Dir() string { return ix.dir }

// Close closes the index (and removes it if it was temporary).
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.idx == nil {
		return nil
	}
	err := ix.idx.Close()
	ix.idx = nil
	if ix.tmp {
		if rerr := os.RemoveAll(filepath.Dir(ix.dir)); err == nil {
			err = rerr
		}
	}
	if err != nil {
		return pledgegraph.Internal("search.Close", err)
	}
	return nil
}

// Rebuild drops every entry; call Sync to refill the index from the store.
func (ix *Index) Rebuild(ctx context.Context) error {
	ix.wmu.Lock()
	defer ix.wmu.Unlock()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.idx == nil {
		return errClosed("search.Rebuild")
	}
	if err := ix.idx.Close(); err != nil {
		return pledgegraph.Internal("search.Rebuild", err)
	}
	ix.idx = nil
	if err := os.RemoveAll(ix.dir); err != nil {
		return pledgegraph.Internal("search.Rebuild", err)
	}
	ix.expansions.reset() // the new index numbers its segments afresh
	ix.gen.Add(1)
	ix.results.reset()
	idx, err := ix.open()
	if err != nil {
		return pledgegraph.Internal("search.Rebuild", err)
	}
	ix.idx = idx
	return nil
}

func errClosed(op string) error {
	return pledgegraph.Internal(op, errors.New("search index is closed"))
}

func newMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	m.ScoringModel = index.BM25Scoring
	if err := m.AddCustomAnalyzer("key", map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     whitespace.Name,
		"token_filters": []string{lowercase.Name},
	}); err != nil {
		return nil, err
	}
	if err := m.AddCustomAnalyzer("text", map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{en.PossessiveName, lowercase.Name, en.StopName, en.SnowballStemmerName},
	}); err != nil {
		return nil, err
	}
	field := func(analyzer string, store, vectors bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = store
		f.IncludeTermVectors = vectors
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	storedOnly := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(fType, field(keyword.Name, true, false))
	dm.AddFieldMappingsAt(fDoc, field(keyword.Name, true, false))
	dm.AddFieldMappingsAt(fNames, field("key", false, true))
	dm.AddFieldMappingsAt(fPeople, field("key", false, false))
	dm.AddFieldMappingsAt(fText, field("text", true, true))
	dm.AddFieldMappingsAt(fLabel, storedOnly())
	dm.AddFieldMappingsAt(fRecord, storedOnly())
	m.DefaultMapping = dm
	m.DefaultAnalyzer = "text"
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m, nil
}

// entry is one index document.
type entry struct {
	Type   string   `json:"type"`
	Doc    string   `json:"doc,omitempty"`
	Names  []string `json:"names,omitempty"`
	People []string `json:"people,omitempty"`
	Text   string   `json:"text,omitempty"`
	Label  string   `json:"label,omitempty"`
	Record string   `json:"record,omitempty"`
}

// Index adds an extraction: its document, actors, statements and
// commitments. A document already indexed is skipped, so calling it again
// (or after Sync) changes nothing. An actor already indexed from another
// document keeps one entry, with the union of the aliases read.
//
// Errors: EINVALID for an extraction without a document ID; ELIMIT when ctx
// has ended; EINTERNAL.
func (ix *Index) Index(ctx context.Context, x *pledgegraph.Extraction) error {
	return ix.IndexAll(ctx, []*pledgegraph.Extraction{x})
}

// IndexAll is Index for many extractions in one index batch: much faster
// for bulk loads than one call each.
func (ix *Index) IndexAll(ctx context.Context, xs []*pledgegraph.Extraction) error {
	const op = "search.Index"
	for _, x := range xs {
		if x == nil || x.Document.ID == "" {
			return pledgegraph.Errorf(pledgegraph.EINVALID, "extraction without a document ID")
		}
	}
	if err := ctx.Err(); err != nil {
		return &pledgegraph.Error{Code: pledgegraph.ELIMIT, Message: "canceled", Op: op, Err: err}
	}
	ix.wmu.Lock()
	defer ix.wmu.Unlock()
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.idx == nil {
		return errClosed(op)
	}
	b := ix.idx.NewBatch()
	actors := map[string]pledgegraph.Actor{} // merged over the batch and the index
	stored := map[string]string{}            // records of those indexed already
	var order []string
	done := map[string]bool{}
	for _, x := range xs {
		if done[x.Document.ID] {
			continue
		}
		done[x.Document.ID] = true
		if d, err := ix.idx.Document(x.Document.ID); err != nil {
			return pledgegraph.Internal(op, err)
		} else if d != nil {
			continue
		}
		for _, a := range x.Actors {
			old, ok := actors[a.ID]
			if !ok {
				var err error
				if old, stored[a.ID], ok, err = ix.storedActor(a.ID); err != nil {
					return pledgegraph.Internal(op, err)
				}
				order = append(order, a.ID)
			}
			if ok {
				a = mergeActors(a, old)
			}
			actors[a.ID] = a
		}
		if err := add(b, x); err != nil {
			return pledgegraph.Internal(op, err)
		}
	}
	for _, id := range order {
		if err := addActor(b, actors[id], stored[id]); err != nil {
			return pledgegraph.Internal(op, err)
		}
	}
	if b.Size() == 0 {
		return nil
	}
	if err := ix.batch(b); err != nil {
		return pledgegraph.Internal(op, err)
	}
	return nil
}

// batch applies a batch of writes (the caller holds wmu) and bumps the
// generation, which empties the results cache; a search that started
// before does not keep what it found.
func (ix *Index) batch(b *bleve.Batch) error {
	defer ix.gen.Add(1)
	return ix.idx.Batch(b)
}

// add puts the entries of the document, statements and commitments of one
// extraction into a batch.
func add(b *bleve.Batch, x *pledgegraph.Extraction) error {
	names := map[string][]string{} // actor ID → folded name and aliases as read here
	for _, a := range x.Actors {
		names[a.ID] = nameKeys(append([]string{a.Name}, a.Aliases...))
	}
	people := func(ids ...string) []string {
		var out []string
		for _, id := range ids {
			out = append(out, names[id]...)
		}
		return out
	}
	for _, s := range x.Statements {
		e := entry{Type: pledgegraph.TypeStatement, Doc: x.Document.ID, Text: s.Text,
			People: people(append([]string{s.Speaker}, s.Mentions...)...)}
		if err := b.Index(s.ID, e); err != nil {
			return err
		}
	}
	for _, c := range x.Commitments {
		e := entry{Type: pledgegraph.TypeCommitment, Doc: x.Document.ID, Text: commitmentText(c),
			People: people(c.Actor, c.Target)}
		if err := b.Index(c.ID, e); err != nil {
			return err
		}
	}
	return b.Index(x.Document.ID, entry{Type: pledgegraph.TypeDocument, Doc: x.Document.ID,
		Text: x.Document.Title, Label: x.Document.Title})
}

// addActor puts an actor's entry into a batch, unless the index has it as
// it would be (stored is the record indexed, or ""): indexing it again
// would only leave a deleted entry behind, which every search then pays
// for until a merge drops it.
func addActor(b *bleve.Batch, a pledgegraph.Actor, stored string) error {
	rec, err := json.Marshal(a)
	if err != nil || string(rec) == stored {
		return err
	}
	keys := nameKeys(append([]string{a.Name, a.Title}, a.Aliases...))
	return b.Index(a.ID, entry{Type: pledgegraph.TypeActor, Names: keys, Text: a.Title, Label: a.Name, Record: string(rec)})
}

// commitmentText is what a commitment is searched and shown by: its action
// with the amount and condition ("deploy forces (5,000 troops) if a
// ceasefire is reached"), negated for a refusal.
func commitmentText(c pledgegraph.Commitment) string {
	var b strings.Builder
	if c.Polarity == pledgegraph.Negative {
		b.WriteString("not ")
	}
	b.WriteString(c.Action)
	if c.Amount != "" && !strings.Contains(c.Action, c.Amount) {
		b.WriteString(" (" + c.Amount + ")")
	}
	if c.Condition != "" {
		b.WriteString(" " + c.Condition)
	}
	return b.String()
}

// storedActor reads the record of an indexed actor, decoded and as stored.
func (ix *Index) storedActor(id string) (a pledgegraph.Actor, record string, found bool, err error) {
	d, err := ix.idx.Document(id)
	if err != nil || d == nil {
		return a, "", false, err
	}
	d.VisitFields(func(f index.Field) {
		if f.Name() == fRecord {
			record = string(f.Value())
			found = json.Unmarshal(f.Value(), &a) == nil // a bad record is replaced
		}
	})
	return a, record, found, nil
}

// mergeActors returns a with what old knows of the same actor: the union of
// the aliases (the old name among them if it differs), and the title and
// country when a lacks them.
func mergeActors(a, old pledgegraph.Actor) pledgegraph.Actor {
	a.Aliases = slices.Clone(a.Aliases)
	for _, al := range append(slices.Clone(old.Aliases), old.Name) {
		if al != "" && !slices.Contains(a.Aliases, al) {
			a.Aliases = append(a.Aliases, al)
		}
	}
	a.Aliases = slices.DeleteFunc(a.Aliases, func(s string) bool { return s == a.Name })
	slices.Sort(a.Aliases)
	if a.Title == "" {
		a.Title = old.Title
	}
	if a.Country == "" {
		a.Country = old.Country
	}
	return a
}

// nameKeys folds names for the names and people fields, without empties
// and duplicates.
func nameKeys(names []string) []string {
	var out []string
	for _, n := range names {
		if k := pledgegraph.NameKey(n); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}
