package graph

// SetDatedScanLimit sets the cap on what one dated query may consider
// (MaxDatedScan) for the handlers built afterwards, and returns the function
// that restores it. Tests that call it must not run in parallel.
func SetDatedScanLimit(n int) (restore func()) {
	old := datedScanLimit
	datedScanLimit = n
	return func() { datedScanLimit = old }
}
