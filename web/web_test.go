package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

// site is a build as Vite lays it out, small enough to read.
func site() fstest.MapFS {
	gz := func(s string) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		_, _ = w.Write([]byte(s))
		_ = w.Close()
		return b.Bytes()
	}
	return fstest.MapFS{
		"index.html":                   {Data: []byte("<!doctype html><title>explorer</title>")},
		"graphiql/index.html":          {Data: []byte("<!doctype html><title>graphiql</title>")},
		"assets/explorer-AbC123.js":    {Data: []byte("console.log('explorer')")},
		"assets/graphiql-XyZ789.js":    {Data: []byte("console.log('graphiql')")},
		"assets/graphiql-XyZ789.js.gz": {Data: gz("console.log('graphiql')")},
		"assets/graphiql-Q1.css":       {Data: []byte("body{}")},
		"assets/codicon-Q2.ttf":        {Data: []byte("\x00\x01\x00\x00")},
		"assets/editor.worker-Q3.js":   {Data: []byte("self.onmessage=()=>{}")},
		"assets/blob.bin":              {Data: []byte{1, 2, 3}},
	}
}

func get(t *testing.T, h http.Handler, method, target string, header http.Header) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestHandler(t *testing.T) {
	h := newHandler(site())
	tests := []struct {
		name, method, path string
		header             http.Header
		status             int
		contentType        string
		cache              string
		body               string // substring
		csp                bool
		encoding           string
		location           string
	}{
		{name: "explorer", method: "GET", path: "/", status: 200, contentType: "text/html; charset=utf-8", cache: cachePage, body: "explorer", csp: true},
		{name: "graphiql", method: "GET", path: "/graphiql", status: 200, contentType: "text/html; charset=utf-8", cache: cachePage, body: "graphiql", csp: true},
		{name: "graphiql with a query", method: "GET", path: "/graphiql?query=%7Bstats%7Bactors%7D%7D", status: 200, body: "graphiql", csp: true},
		{name: "head of a page", method: "HEAD", path: "/", status: 200, contentType: "text/html; charset=utf-8", cache: cachePage, csp: true},
		{name: "script", method: "GET", path: "/assets/explorer-AbC123.js", status: 200, contentType: "text/javascript; charset=utf-8", cache: cacheAsset, body: "explorer"},
		{name: "worker", method: "GET", path: "/assets/editor.worker-Q3.js", status: 200, contentType: "text/javascript; charset=utf-8", cache: cacheAsset},
		{name: "stylesheet", method: "GET", path: "/assets/graphiql-Q1.css", status: 200, contentType: "text/css; charset=utf-8", cache: cacheAsset},
		{name: "font", method: "GET", path: "/assets/codicon-Q2.ttf", status: 200, contentType: "font/ttf", cache: cacheAsset},
		{name: "unknown extension", method: "GET", path: "/assets/blob.bin", status: 200, contentType: "application/octet-stream"},
		{name: "gzip for clients that take it", method: "GET", path: "/assets/graphiql-XyZ789.js", header: http.Header{"Accept-Encoding": {"gzip, deflate, br"}}, status: 200, contentType: "text/javascript; charset=utf-8", encoding: "gzip"},
		{name: "identity for clients that refuse gzip", method: "GET", path: "/assets/graphiql-XyZ789.js", header: http.Header{"Accept-Encoding": {"gzip;q=0, br"}}, status: 200, body: "console.log('graphiql')"},
		{name: "identity without Accept-Encoding", method: "GET", path: "/assets/graphiql-XyZ789.js", status: 200, body: "console.log('graphiql')"},
		{name: "the gzip copy is not a URL", method: "GET", path: "/assets/graphiql-XyZ789.js.gz", status: 404},
		{name: "missing asset", method: "GET", path: "/assets/nope.js", status: 404},
		{name: "no directory listing", method: "GET", path: "/assets/", status: 404},
		{name: "no other pages", method: "GET", path: "/admin", status: 404},
		{name: "html only at its route", method: "GET", path: "/graphiql/index.html", status: 301, location: "/graphiql"},
		{name: "index.html redirects home", method: "GET", path: "/index.html", status: 301, location: "/"},
		{name: "trailing slash keeps the query", method: "GET", path: "/graphiql/?query=x", status: 301, location: "/graphiql?query=x"},
		{name: "dot segments stay inside", method: "GET", path: "/assets/../../web.go", status: 404},
		{name: "post", method: "POST", path: "/", status: 405},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, h, tt.method, tt.path, tt.header)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.status)
			}
			if tt.contentType != "" && res.Header.Get("Content-Type") != tt.contentType {
				t.Errorf("Content-Type %q, want %q", res.Header.Get("Content-Type"), tt.contentType)
			}
			if tt.cache != "" && res.Header.Get("Cache-Control") != tt.cache {
				t.Errorf("Cache-Control %q, want %q", res.Header.Get("Cache-Control"), tt.cache)
			}
			if tt.status == 200 && res.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Error("no X-Content-Type-Options: nosniff")
			}
			if got := res.Header.Get("Content-Security-Policy"); tt.csp != (got != "") {
				t.Errorf("Content-Security-Policy %q, want present=%v", got, tt.csp)
			}
			if got := res.Header.Get("Content-Encoding"); got != tt.encoding {
				t.Errorf("Content-Encoding %q, want %q", got, tt.encoding)
			}
			if tt.location != "" && res.Header.Get("Location") != tt.location {
				t.Errorf("Location %q, want %q", res.Header.Get("Location"), tt.location)
			}
			b := body(t, res)
			if tt.method == "HEAD" && b != "" {
				t.Errorf("HEAD answered a body of %d bytes", len(b))
			}
			if tt.body != "" && !strings.Contains(b, tt.body) {
				t.Errorf("body %q does not contain %q", b, tt.body)
			}
			if tt.encoding == "gzip" {
				zr, err := gzip.NewReader(strings.NewReader(b))
				if err != nil {
					t.Fatal(err)
				}
				plain, _ := io.ReadAll(zr)
				if string(plain) != "console.log('graphiql')" {
					t.Errorf("gunzipped %q", plain)
				}
				if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
					t.Error("gzip answer without Vary: Accept-Encoding")
				}
			}
		})
	}
}

func TestHandlerRevalidation(t *testing.T) {
	h := newHandler(site())
	first := get(t, h, "GET", "/", nil)
	etag := first.Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag on a page")
	}
	again := get(t, h, "GET", "/", http.Header{"If-None-Match": {etag}})
	if again.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match with the current ETag: status %d, want 304", again.StatusCode)
	}
	gz := get(t, h, "GET", "/assets/graphiql-XyZ789.js", http.Header{"Accept-Encoding": {"gzip"}})
	plain := get(t, h, "GET", "/assets/graphiql-XyZ789.js", nil)
	if gz.Header.Get("ETag") == plain.Header.Get("ETag") {
		t.Error("the gzip and identity encodings share an ETag")
	}
}

func TestHandlerUnbuilt(t *testing.T) {
	// What a fresh clone embeds before `npm run build`: dist/.keep only.
	h := newHandler(fstest.MapFS{})
	for _, path := range []string{"/", "/graphiql"} {
		res := get(t, h, "GET", path, nil)
		if res.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("%s: status %d, want 503", path, res.StatusCode)
		}
		if b := body(t, res); !strings.Contains(b, "make web") {
			t.Errorf("%s: the page does not say how to build the UI: %q", path, b)
		}
	}
	if res := get(t, h, "GET", "/assets/x.js", nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("asset of an unbuilt UI: status %d, want 404", res.StatusCode)
	}
}

func TestAcceptsGzip(t *testing.T) {
	tests := map[string]bool{
		"":                    false,
		"gzip":                true,
		"GZIP":                true,
		"deflate, gzip;q=1.0": true,
		"gzip;q=0":            false,
		"gzip; q=0.000":       false,
		"br;q=1, gzip;q=0.5":  true,
		"*":                   true,
		"identity":            false,
		"gzipx":               false,
	}
	for header, want := range tests {
		if got := acceptsGzip(header); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", header, got, want)
		}
	}
}

// The embedded build, when there is one, serves both pages and every asset
// they reference.
func TestEmbeddedBuild(t *testing.T) {
	if !Built() {
		t.Log("dist/site is not built (run `make web`); checking the placeholder only")
		res := get(t, Handler(), "GET", "/", nil)
		if res.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("status %d, want 503", res.StatusCode)
		}
		return
	}
	h := Handler()
	for _, page := range []string{"/", "/graphiql"} {
		res := get(t, h, "GET", page, nil)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", page, res.StatusCode)
		}
		html := body(t, res)
		refs := 0
		for _, part := range strings.Split(html, `"/assets/`)[1:] {
			asset := "/assets/" + part[:strings.IndexByte(part, '"')]
			refs++
			if r := get(t, h, "GET", asset, nil); r.StatusCode != http.StatusOK {
				t.Errorf("%s references %s: status %d", page, asset, r.StatusCode)
			}
		}
		if refs == 0 {
			t.Errorf("%s references no asset", page)
		}
	}
}

func ExampleHandler() {
	mux := http.NewServeMux()
	mux.Handle("GET /", Handler()) // the explorer at "/", GraphiQL at "/graphiql"
	_ = mux
	// Output:
}
