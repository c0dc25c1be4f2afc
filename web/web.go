// Package web serves pledgegraph's browser UI: the graph explorer at "/" and
// GraphiQL at "/graphiql", both built by Vite from the Node project in this
// folder and embedded in the binary, so that they work with no network
// access beyond the pledgegraph server itself.
//
// # Building
//
// The pages are built into dist/site by `npm ci && npm run build` in web/
// (the Makefile's web target). dist/.keep is committed so that go:embed — and
// so `go build ./...` and `go vet ./...` — work in a fresh clone before npm
// has run; dist/site is build output and is not committed. A binary built
// without the UI serves a page at "/" and "/graphiql" that says how to build
// it (status 503), and [Built] reports false.
//
// # Serving
//
// Mount [Handler] at "/" beside the API:
//
//	mux.Handle("/graphql", api)
//	mux.Handle("/", web.Handler())
//
// It answers GET and HEAD only. Pages ("/", "/graphiql") are sent with
// Cache-Control: no-cache and a strong ETag, so a browser revalidates them and
// picks up a new build; the content-hashed files under /assets/ are immutable
// and cached for a year. A gzip-compressed copy written by the build (file.gz)
// is sent to clients that accept gzip. Pages carry a Content-Security-Policy
// that only allows the server's own origin, which keeps the UI offline by
// construction.
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
)

//go:embed all:dist
var dist embed.FS

// siteDir is where Vite writes the build inside dist.
const siteDir = "dist/site"

// Handler returns the handler for the UI, to be mounted at "/".
// Routes: "/" the explorer, "/graphiql" GraphiQL, "/assets/…" the bundles.
// Anything else is 404.
func Handler() http.Handler {
	site, err := fs.Sub(dist, siteDir)
	if err != nil { // fs.Sub fails only on an invalid path, which siteDir is not.
		panic("web: " + err.Error())
	}
	return newHandler(site)
}

// Built reports whether the UI was built into dist/site when the binary was
// compiled. Servers may log a hint when it was not.
func Built() bool {
	_, err := fs.Stat(dist, siteDir+"/index.html")
	return err == nil
}

// pages maps each page's URL path to its file in the build.
var pages = map[string]string{
	"/":         "index.html",
	"/graphiql": "graphiql/index.html",
}

// Headers sent with every page.
const (
	// The UI talks to its own origin only. 'unsafe-inline' styles: Cytoscape,
	// Monaco and GraphiQL set style attributes. blob: workers: Monaco.
	// data: images and fonts: the PNG export and GraphiQL's bundled fonts.
	contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
		"img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; " +
		"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
	cachePage   = "no-cache"
	cacheAsset  = "public, max-age=31536000, immutable"
	cacheOther  = "public, max-age=300"
	unbuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>pledgegraph: web UI not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}code{background:#eee;padding:0 .25em}</style>
</head><body>
<h1>The web UI was not built into this binary</h1>
<p>The GraphQL API is at <code>POST /graphql</code>. To get the graph explorer and GraphiQL, build the UI and then the server:</p>
<pre><code>make web        # npm ci &amp;&amp; npm run build in web/
go build ./server</code></pre>
</body></html>
`
)

// contentTypes fixes the media types of what Vite emits, so that they do not
// depend on the host's mime tables.
var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".json":  "application/json",
	".map":   "application/json",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".ico":   "image/x-icon",
	".woff":  "font/woff",
	".woff2": "font/woff2",
	".ttf":   "font/ttf",
	".wasm":  "application/wasm",
	".txt":   "text/plain; charset=utf-8",
}

// file is one embedded file, read once.
type file struct {
	data []byte
	gz   []byte // the build's gzip copy, or nil
	etag string
	typ  string
}

type handler struct {
	files map[string]*file // by path in the build, "graphiql/index.html"
	built bool
}

func newHandler(site fs.FS) *handler {
	h := &handler{files: map[string]*file{}}
	// Read errors leave a file out: it is then answered 404.
	_ = fs.WalkDir(site, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(name, ".gz") {
			return nil
		}
		data, err := fs.ReadFile(site, name)
		if err != nil {
			return nil
		}
		f := &file{data: data, etag: etag(data), typ: contentType(name)}
		if gz, err := fs.ReadFile(site, name+".gz"); err == nil {
			f.gz = gz
		}
		h.files[name] = f
		return nil
	})
	_, h.built = h.files["index.html"]
	return h
}

func etag(data []byte) string {
	sum := sha256.Sum256(data)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

func contentType(name string) string {
	if t, ok := contentTypes[path.Ext(name)]; ok {
		return t
	}
	return "application/octet-stream"
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	switch p {
	case "/index.html", "/graphiql/", "/graphiql/index.html":
		target := strings.TrimSuffix(strings.TrimSuffix(p, "index.html"), "/")
		if target == "" {
			target = "/"
		}
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	if name, ok := pages[p]; ok {
		h.page(w, r, name)
		return
	}
	name := strings.TrimPrefix(p, "/")
	f, ok := h.files[name]
	if !ok || name == "" || strings.HasSuffix(name, ".html") {
		http.NotFound(w, r)
		return
	}
	cache := cacheOther
	if strings.HasPrefix(name, "assets/") {
		cache = cacheAsset
	}
	h.serve(w, r, f, cache)
}

func (h *handler) page(w http.ResponseWriter, r *http.Request, name string) {
	hdr := w.Header()
	hdr.Set("Content-Security-Policy", contentSecurityPolicy)
	hdr.Set("Referrer-Policy", "no-referrer")
	hdr.Set("X-Frame-Options", "DENY")
	f, ok := h.files[name]
	if !ok {
		hdr.Set("Content-Type", contentTypes[".html"])
		hdr.Set("Cache-Control", "no-store")
		hdr.Set("X-Content-Type-Options", "nosniff")
		w.WriteHeader(http.StatusServiceUnavailable)
		if r.Method != http.MethodHead {
			_, _ = w.Write([]byte(unbuiltPage))
		}
		return
	}
	h.serve(w, r, f, cachePage)
}

func (h *handler) serve(w http.ResponseWriter, r *http.Request, f *file, cache string) {
	hdr := w.Header()
	hdr.Set("Content-Type", f.typ)
	hdr.Set("Cache-Control", cache)
	hdr.Set("X-Content-Type-Options", "nosniff")
	body := f.data
	if f.gz != nil {
		hdr.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r.Header.Get("Accept-Encoding")) {
			hdr.Set("Content-Encoding", "gzip")
			body = f.gz
		}
	}
	// The ETag names the content, not its encoding.
	tag := f.etag
	if hdr.Get("Content-Encoding") == "gzip" {
		tag = strings.TrimSuffix(tag, `"`) + `-gz"`
	}
	hdr.Set("ETag", tag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// acceptsGzip reports whether an Accept-Encoding header admits gzip
// (RFC 9110 §12.5.3: "gzip" or "*" with a non-zero q value).
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.TrimSpace(coding)
		if !strings.EqualFold(coding, "gzip") && coding != "*" {
			continue
		}
		q := 1.0
		for _, param := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(param), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		return q > 0
	}
	return false
}
