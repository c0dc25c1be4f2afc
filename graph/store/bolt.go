package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bbolt "go.etcd.io/bbolt"
)

// kvOptions are the options of every key-value quad store: no bloom filters
// (they take ~300 MiB per open store whatever its size).
func kvOptions() graph.Options { return graph.Options{kv.OptNoBloom: true} }

// extraIndexes are added to Cayley's default kv indexes (subject-predicate
// and object-predicate-subject) when a store is created; the index list is
// stored in the database and read back on open. The label index makes "all
// quads of a document" an index scan instead of a scan of every quad; the
// predicate-object-subject one does the same for a predicate (the key quads
// an actor search reads). Its keys end with the subject so that no key
// collects a long list of quads rewritten on every write.
var extraIndexes = []kv.QuadIndex{
	{Dirs: []quad.Direction{quad.Label}},
	{Dirs: []quad.Direction{quad.Predicate, quad.Object, quad.Subject}},
}

// kvInitMu guards kv.DefaultQuadIndexes, which kv.Init reads: Cayley offers no
// other way to choose the indexes of a new store (CAYLEY_KV_INDEXES does not
// work), so it is swapped for the duration of the init and restored.
var kvInitMu sync.Mutex

func kvInit(db *hbolt.DB) error {
	kvInitMu.Lock()
	defer kvInitMu.Unlock()
	saved := kv.DefaultQuadIndexes
	kv.DefaultQuadIndexes = append(slices.Clip(saved), extraIndexes...)
	defer func() { kv.DefaultQuadIndexes = saved }()
	return kv.Init(db, kvOptions())
}

// boltFile is the database file for a configured path: the path itself, or
// indexes.bolt inside it when it is a directory (Cayley's own layout).
func boltFile(path string) (string, error) {
	if path == "" {
		return "", errors.New("bolt backend needs a file path")
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return filepath.Join(path, "indexes.bolt"), nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	return path, nil
}

// openBolt opens the Bolt quad store at path, creating it if missing. The
// file is written with go.etcd.io/bbolt, the maintained fork of Bolt with the
// same file format (github.com/boltdb/bolt, which Cayley's "bolt" backend
// uses, trips Go's checkptr under -race).
func openBolt(path string) (graph.QuadStore, []kv.QuadIndex, error) {
	file, err := boltFile(path)
	if err != nil {
		return nil, nil, err
	}
	// Bolt locks the file; a second open waits for the lock, up to Timeout.
	db, err := hbolt.Open(file, &bbolt.Options{Timeout: 5 * time.Second})
	if err != nil {
		return nil, nil, fmt.Errorf("open bolt file %s: %w", file, err)
	}
	if err := kvInit(db); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
		db.Close()
		return nil, nil, fmt.Errorf("init bolt quad store: %w", err)
	}
	indexes, err := kvIndexes(db)
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("read bolt quad store indexes: %w", err)
	}
	qs, err := kv.New(db, kvOptions())
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("open bolt quad store: %w", err)
	}
	return qs, indexes, nil
}

// kvIndexes reads the list of quad indexes a key-value quad store was
// created with, where Cayley keeps it (meta/indexes, JSON), so that match can
// scan a multi-direction index by a prefix of several values (Cayley's own
// QuadIterator uses one). A store without the list has Cayley's legacy
// indexes (subject, object).
func kvIndexes(db hkv.KV) ([]kv.QuadIndex, error) {
	ctx := context.Background()
	tx, err := db.Tx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Close()
	val, err := tx.Get(ctx, hkv.Key{[]byte("meta"), []byte("indexes")})
	if errors.Is(err, hkv.ErrNotFound) {
		return []kv.QuadIndex{{Dirs: []quad.Direction{quad.Subject}}, {Dirs: []quad.Direction{quad.Object}}}, nil
	}
	if err != nil {
		return nil, err
	}
	var out []kv.QuadIndex
	if err := json.Unmarshal(val, &out); err != nil {
		return nil, fmt.Errorf("decode index list: %w", err)
	}
	return out, nil
}
