package graph

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
)

// postJSON is gqlgen's POST transport, but a successful answer is written
// as gqlgen's executor produced it. gqlgen's own transport passes every
// response through encoding/json, which validates and re-compacts the data
// the executor already wrote as compact JSON: for a large answer (a
// neighbourhood, a page of statements with their texts) a tenth of the
// request's CPU. The bytes sent are the same: data is escaped as
// encoding/json escapes it (<, >, & and U+2028/U+2029 inside strings), and
// responses with errors or extensions, requests asking for another content
// type and requests that fail before execution are left to transport.POST.
type postJSON struct{ transport.POST }

func (t postJSON) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	if !acceptsJSON(r.Header.Get("Accept")) {
		t.POST.Do(w, r, exec)
		return
	}
	start := graphql.Now()
	body, err := io.ReadAll(r.Body)
	if err != nil {
		// transport.POST reports it: it reads what was read, then the error.
		r.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), errReader{err}))
		t.POST.Do(w, r, exec)
		return
	}
	replay := func() {
		r.Body = io.NopCloser(bytes.NewReader(body))
		t.POST.Do(w, r, exec)
	}
	params := &graphql.RawParams{}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(params); err != nil {
		replay()
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	ctx := r.Context()
	rc, opErr := exec.CreateOperationContext(ctx, params)
	if opErr != nil {
		replay()
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, rc)
	resp := responses(ctx)
	w.Header().Set("Content-Type", "application/json")
	if len(resp.Errors) > 0 || resp.Label != "" || resp.Path != nil || resp.HasNext != nil || len(resp.Extensions) > 0 {
		b, err := json.Marshal(resp)
		if err != nil {
			panic(err) // as transport.POST: the executor wrote invalid JSON
		}
		_, _ = w.Write(b)
		return
	}
	_, _ = io.WriteString(w, `{"data":`)
	if resp.Data == nil {
		_, _ = io.WriteString(w, "null")
	} else {
		writeHTMLEscaped(w, resp.Data)
	}
	_, _ = io.WriteString(w, "}")
}

// acceptsJSON reports whether transport.POST would answer a request with
// this Accept header as application/json.
func acceptsJSON(accept string) bool {
	if accept == "" {
		return true
	}
	for part := range strings.SplitSeq(accept, ",") {
		mediaType, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mediaType {
		case "*/*", "application/*", "application/json":
			return true
		case "application/graphql-response+json":
			return false
		}
	}
	return false
}

// writeHTMLEscaped writes compact JSON as encoding/json's Marshal writes a
// json.RawMessage: <, > and & as \u003c, \u003e and \u0026, and the line
// and paragraph separators U+2028 and U+2029 escaped (none of them can
// appear outside a string in valid JSON).
func writeHTMLEscaped(w io.Writer, src []byte) {
	const hex = "0123456789abcdef"
	start := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '<' || c == '>' || c == '&' {
			_, _ = w.Write(src[start:i])
			_, _ = w.Write([]byte{'\\', 'u', '0', '0', hex[c>>4], hex[c&0xF]})
			start = i + 1
		}
		if c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8 {
			_, _ = w.Write(src[start:i])
			_, _ = w.Write([]byte{'\\', 'u', '2', '0', '2', hex[src[i+2]&0xF]})
			start = i + 3
			i += 2
		}
	}
	_, _ = w.Write(src[start:])
}

// errReader fails every read with err.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }
