package store

import (
	"slices"
	"sync"

	"github.com/cayleygraph/quad"

	"pledgegraph"
)

// Cache limits: a map that reaches its limit is emptied, which bounds the
// memory of the cache without the bookkeeping of an LRU.
const (
	cacheNodes    = 50000    // actors, statements, commitments each
	cacheDocBytes = 64 << 20 // documents, by the bytes of their text and fields
	cacheSetIDs   = 4 << 20  // IDs held by cached sets (subjects/objects of a pattern), all sets together
	docOverhead   = 256      // bytes counted for a document beside its strings
)

// nodeCache keeps decoded nodes between calls. A node is stored as quads
// labelled with every document it was read in; decoding merges them, and a
// hub actor read in many documents is hundreds of quads, each one read of the
// quad log: reading the same actors for every request was most of the cost
// of a neighbourhood.
//
// Writes invalidate: after a transaction (successful or not), every node
// named as subject or object of its quads is forgotten, and the generation
// advances. A reader takes the generation before it queries and stores what
// it decoded only if no write happened meanwhile, so a value read before a
// write is never kept after it. Values are copied in and out, so callers may
// modify what they get.
//
// On memory and Bolt the store is the only writer (Bolt locks its file), so
// its own writes are all there is to invalidate. On PostgreSQL other servers
// write too: every write transaction increments the database's generation
// (table pledgegraph_generation, see writeQuads), and a store call reads it
// before its first cached read (Store.cacheGen) and passes it to sync,
// which empties the cache and advances its own generation when it differs
// from the one the cache was filled under (dbGen). What is kept under a
// generation was therefore read after the database was seen at dbGen (a
// snapshot at dbGen or later), and a call that sees the same dbGen finds in
// the cache what it would read from the database, or what a write committed
// during the call made of it. This store's own commits are told to committed
// with their generation: when it directly follows dbGen, only what the write
// touches is forgotten, as on Bolt.
type nodeCache struct {
	mu          sync.Mutex
	gen         uint64
	actors      map[string]cachedActor
	statements  map[string]*pledgegraph.Statement
	commitments map[string]*pledgegraph.Commitment
	documents   map[string]*pledgegraph.Document
	docBytes    int // of documents, by docWeight

	// sets are the distinct subjects or objects of patterns (the actors
	// with a name key, the statements of a speaker, all documents, …),
	// by setKey. A hub's set is thousands of quads to read; any write
	// empties them all, as it may add to any of them.
	sets   map[string][]string
	setIDs int

	// dbGen is the database generation the contents were read under, once
	// dbKnown (a store shared through PostgreSQL; unused otherwise).
	dbGen   int64
	dbKnown bool
}

type cachedActor struct {
	a    *pledgegraph.Actor
	docs int
}

func newNodeCache() *nodeCache {
	return &nodeCache{
		actors:      map[string]cachedActor{},
		statements:  map[string]*pledgegraph.Statement{},
		commitments: map[string]*pledgegraph.Commitment{},
		documents:   map[string]*pledgegraph.Document{},
		sets:        map[string][]string{},
	}
}

// generation returns the current write generation (0 for a nil cache).
func (c *nodeCache) generation() uint64 {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// invalidate forgets every node and triple the quads touch.
func (c *nodeCache) invalidate(quads []quad.Quad) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.invalidateLocked(quads)
}

func (c *nodeCache) invalidateLocked(quads []quad.Quad) {
	c.gen++
	clear(c.sets)
	c.setIDs = 0
	for _, q := range quads {
		for _, v := range []quad.Value{q.Subject, q.Object} {
			if id := iriOf(v); id != "" {
				delete(c.actors, id)
				delete(c.statements, id)
				delete(c.commitments, id)
				if d, ok := c.documents[id]; ok {
					c.docBytes -= docWeight(d)
					delete(c.documents, id)
				}
			}
		}
	}
}

// sync brings the cache to the database generation dbGen, read by the
// caller before it looks anything up: when the cache was filled under
// another generation it is emptied and its own generation advances, so that
// no reader that took the generation before can keep what it read. It
// returns the generation under which what the caller reads next may be kept.
func (c *nodeCache) sync(dbGen int64) uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.dbKnown || c.dbGen != dbGen {
		c.gen++
		clear(c.actors)
		clear(c.statements)
		clear(c.commitments)
		clear(c.documents)
		c.docBytes = 0
		clear(c.sets)
		c.setIDs = 0
		c.dbGen, c.dbKnown = dbGen, true
	}
	return c.gen
}

// committed is invalidate for a transaction this store committed as
// database generation dbGen. When the cache was filled under the generation
// just before, that transaction is the only change since: what it does not
// touch is still current, and the cache moves to dbGen instead of being
// emptied by the next sync.
func (c *nodeCache) committed(dbGen int64, quads []quad.Quad) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.invalidateLocked(quads)
	if c.dbKnown && c.dbGen == dbGen-1 {
		c.dbGen = dbGen
	}
}

// lookupSet returns the cached set of key (a copy), if any.
func (c *nodeCache) lookupSet(key string) (map[string]bool, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	ids, ok := c.sets[key]
	c.mu.Unlock()
	if !ok {
		return nil, false
	}
	out := make(map[string]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, true
}

// storeSet keeps the set of key if no write happened since gen.
func (c *nodeCache) storeSet(gen uint64, key string, set map[string]bool) {
	if c == nil || len(set) > cacheSetIDs/4 {
		return
	}
	ids := make([]string, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	c.storeList(gen, key, ids)
}

// lookupList returns the cached sorted IDs of key. The slice is shared:
// callers must not modify it.
func (c *nodeCache) lookupList(key string) ([]string, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	ids, ok := c.sets[key]
	return ids, ok
}

// storeList keeps the sorted IDs of key if no write happened since gen.
func (c *nodeCache) storeList(gen uint64, key string, ids []string) {
	if c == nil || len(ids) > cacheSetIDs/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return
	}
	if old, ok := c.sets[key]; ok {
		c.setIDs -= len(old)
	}
	if c.setIDs+len(ids) > cacheSetIDs {
		clear(c.sets)
		c.setIDs = 0
	}
	c.sets[key] = slices.Clip(ids)
	c.setIDs += len(ids)
}

// lookup fills out[i] from m for every ids[i] cached and returns the IDs
// still to load; copy makes the caller's copy.
func lookup[V any](c *nodeCache, m func(*nodeCache) map[string]V, ids []string, out []V, copy func(V) V) []string {
	if c == nil {
		return ids
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var miss []string
	for i, id := range ids {
		if v, ok := m(c)[id]; ok {
			out[i] = copy(v)
		} else {
			miss = append(miss, id)
		}
	}
	return miss
}

// store keeps vals (aligned with ids; the zero value, a node not found, is
// not kept) if no write happened since gen.
func store[V comparable](c *nodeCache, gen uint64, m func(*nodeCache) map[string]V, limit int, ids []string, vals []V, copy func(V) V) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return
	}
	var zero V
	for i, id := range ids {
		if vals[i] == zero {
			continue
		}
		mm := m(c)
		if len(mm) >= limit {
			clear(mm)
		}
		mm[id] = copy(vals[i])
	}
}

// storeDocuments is store for documents, bounded by their size.
func storeDocuments(c *nodeCache, gen uint64, ids []string, docs []*pledgegraph.Document) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return
	}
	for i, id := range ids {
		d := docs[i]
		if d == nil {
			continue
		}
		w := docWeight(d)
		if w > cacheDocBytes/4 {
			continue // one huge document would flush the others
		}
		if old, ok := c.documents[id]; ok {
			c.docBytes -= docWeight(old)
		}
		if c.docBytes+w > cacheDocBytes {
			clear(c.documents)
			c.docBytes = 0
		}
		c.documents[id] = copyDocument(d)
		c.docBytes += w
	}
}

func docWeight(d *pledgegraph.Document) int {
	return docOverhead + len(d.ID) + len(d.Title) + len(d.Source) + len(d.Dateline) + len(d.ContentHash) + len(d.Text)
}

func copyActor(a *pledgegraph.Actor) *pledgegraph.Actor {
	b := *a
	b.Aliases = slices.Clone(a.Aliases)
	return &b
}

func copyStatement(s *pledgegraph.Statement) *pledgegraph.Statement {
	t := *s
	t.Mentions = slices.Clone(s.Mentions)
	return &t
}

func copyCommitment(c *pledgegraph.Commitment) *pledgegraph.Commitment {
	d := *c
	return &d
}

func copyDocument(d *pledgegraph.Document) *pledgegraph.Document {
	e := *d
	return &e
}

func cachedActors(c *nodeCache) map[string]cachedActor                  { return c.actors }
func cachedStatements(c *nodeCache) map[string]*pledgegraph.Statement   { return c.statements }
func cachedCommitments(c *nodeCache) map[string]*pledgegraph.Commitment { return c.commitments }
func cachedDocuments(c *nodeCache) map[string]*pledgegraph.Document     { return c.documents }

func copyCachedActor(e cachedActor) cachedActor { return cachedActor{a: copyActor(e.a), docs: e.docs} }
