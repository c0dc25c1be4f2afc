package search

// SetResultCache turns the cache of results of ix on or off: benchmarks
// measure searches with it off. Call it before searching.
func SetResultCache(ix *Index, on bool) { ix.noCache = !on }
