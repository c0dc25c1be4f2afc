package graph

// SetDatedScanLimit sets the cap on what one dated query may consider
// (MaxDatedScan) for the handlers built afterwards, and returns the function
// that restores it. Tests that call it must not run in parallel.
func SetDatedScanLimit(n int) (restore func()) {
	old := datedScanLimit
	datedScanLimit = n
	return func() { datedScanLimit = old }
}

// SetDirectLists turns the direct JSON writers of path and neighbourhood
// lists on or off (off: gqlgen marshals every element) for the requests
// served afterwards, and returns the function that restores the setting.
// Tests that call it must not run in parallel.
func SetDirectLists(on bool) (restore func()) {
	old := directLists
	directLists = on
	return func() { directLists = old }
}

// WithGqlgenPOST makes NewHandler serve POST requests with gqlgen's own
// transport instead of postJSON, to compare the two.
func WithGqlgenPOST(o *Options) { o.gqlgenPOST = true }
