package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"pledgegraph"
	"pledgegraph/graph"
	"pledgegraph/graph/store"
	"pledgegraph/loader/triples"
)

// The fixture: three documents written into a real memory store through the
// production triple builder. Two read like wire copy about security
// guarantees for Ukraine; the third is a bulk bulletin of 125 reported
// statements for paging and batching tests.

// Actors, with every alias any fixture document reads.
var (
	france  = actor(pledgegraph.KindCountry, "France", "", "", "French", "Paris")
	uk      = actor(pledgegraph.KindCountry, "United Kingdom", "", "", "UK", "Britain")
	ukraine = actor(pledgegraph.KindCountry, "Ukraine", "", "", "Kyiv", "Ukrainian")
	russia  = actor(pledgegraph.KindCountry, "Russia", "", "")
	croatia = actor(pledgegraph.KindCountry, "Croatia", "", "")
	macron  = actor(pledgegraph.KindPerson, "Emmanuel Macron", "President", france.ID, "Macron")
	zelensk = actor(pledgegraph.KindPerson, "Volodymyr Zelenskyy", "President", ukraine.ID, "Zelenskyy")
	nato    = actor(pledgegraph.KindOrganization, "NATO", "", "")
)

func actor(kind pledgegraph.ActorKind, name, title, country string, aliases ...string) pledgegraph.Actor {
	return pledgegraph.Actor{ID: pledgegraph.ActorID(kind, name), Name: name, Kind: kind, Title: title,
		Country: country, Aliases: aliases}
}

const (
	paris = "France and the United Kingdom pledged to deploy forces to Ukraine if a ceasefire is reached with Russia.\n" +
		"\"Paris could contribute several thousand troops,\" French President Emmanuel Macron said.\n" +
		"Croatia said it would not deploy troops. Officials said talks would continue."
	kyiv = "Ukrainian President Volodymyr Zelenskyy said Britain would supply €2 billion in equipment to Kyiv.\n" +
		"\"These are not just words,\" Zelenskyy said of the UK pledge."
	bulletinStatements = 125
)

var speakers = []string{"Ana Lopez", "Ben Okafor", "Chen Wei", "Dara Novak", "Eli Haddad", "Fay Morgan", "Gus Lind",
	"Hana Sato", "Ivo Petrov", "Jon Reyes", "Kai Berg", "Lea Moreau"}

// fixtureIDs are the IDs tests refer to.
type fixtureIDs struct {
	parisDoc, kyivDoc, bulletinDoc              string
	macronSaid, croatiaSaid, officialsSaid      string
	zelenskyySaid, zelenskyyQuote               string
	franceDeploys, ukDeploys, franceContributes string
	croatiaRefuses, ukSupplies                  string
}

// docBuilder assembles an extraction, finding each fact's span in the text.
type docBuilder struct {
	t testing.TB
	x pledgegraph.Extraction
}

func newDoc(t testing.TB, title, source, text string, published time.Time) *docBuilder {
	return &docBuilder{t: t, x: pledgegraph.Extraction{Document: pledgegraph.Document{
		ID: pledgegraph.DocumentID(text), Title: title, Source: source, PublishedAt: published,
		ContentHash: pledgegraph.ContentHash(text), Text: text,
	}}}
}

func (b *docBuilder) actors(as ...pledgegraph.Actor) *docBuilder {
	b.x.Actors = append(b.x.Actors, as...)
	return b
}

func (b *docBuilder) evidence(span, rule string) pledgegraph.Evidence {
	start := strings.Index(b.x.Document.Text, span)
	if start < 0 {
		b.t.Fatalf("fixture: %q not in document %q", span, b.x.Document.Title)
	}
	return pledgegraph.Evidence{
		Document: b.x.Document.ID, Sentence: sentenceIndex(b.x.Document.Text, start),
		Start: start, End: start + len(span), Rule: rule, Confidence: 0.9,
	}
}

// sentenceIndex counts sentences as the fixture texts write them: one per
// line, or several split by ". ".
func sentenceIndex(text string, off int) int {
	before := text[:off]
	return strings.Count(before, "\n") + strings.Count(before, ". ")
}

func (b *docBuilder) statement(kind pledgegraph.StatementKind, speaker, cue, text string, mentions ...string) string {
	e := b.evidence(text, "test/"+string(kind))
	s := pledgegraph.Statement{
		ID: pledgegraph.StatementID(b.x.Document.ID, kind, e.Start, e.End), Kind: kind,
		Text: strings.TrimRight(text, ","), Speaker: speaker, Cue: cue, Mentions: mentions, Evidence: e,
	}
	b.x.Statements = append(b.x.Statements, s)
	return s.ID
}

func (b *docBuilder) commitment(c pledgegraph.Commitment, span string) string {
	c.Evidence = b.evidence(span, "test/commitment")
	c.ID = pledgegraph.CommitmentID(b.x.Document.ID, c.Actor, c.Action, c.Start, c.End)
	b.x.Commitments = append(b.x.Commitments, c)
	return c.ID
}

func (b *docBuilder) write(t testing.TB, st pledgegraph.Store) string {
	created, err := st.Write(context.Background(), b.x.Document.ID, triples.Build(&b.x))
	if err != nil || !created {
		t.Fatalf("write %q: created=%v err=%v", b.x.Document.Title, created, err)
	}
	return b.x.Document.ID
}

// seed writes the fixture documents into st.
func seed(t testing.TB, st pledgegraph.Store) fixtureIDs {
	var ids fixtureIDs
	published := time.Date(2026, 1, 6, 18, 30, 0, 0, time.UTC)

	d := newDoc(t, "Allies pledge forces for Ukraine", "https://example.org/paris", paris, published).
		actors(withAliases(france), withAliases(uk, "United Kingdom"), ukraine, russia, croatia, withAliases(macron, "Emmanuel Macron", "Macron"))
	ids.macronSaid = d.statement(pledgegraph.Direct, macron.ID, "said", "Paris could contribute several thousand troops,", france.ID)
	ids.croatiaSaid = d.statement(pledgegraph.Indirect, croatia.ID, "said", "it would not deploy troops")
	ids.officialsSaid = d.statement(pledgegraph.Indirect, "", "said", "talks would continue")
	cond := "if a ceasefire is reached with Russia"
	ids.franceDeploys = d.commitment(pledgegraph.Commitment{Actor: france.ID, Action: "deploy forces", Target: ukraine.ID,
		Polarity: pledgegraph.Positive, Modality: "pledged", Condition: cond}, "France and the United Kingdom pledged to deploy forces to Ukraine")
	ids.ukDeploys = d.commitment(pledgegraph.Commitment{Actor: uk.ID, Action: "deploy forces", Target: ukraine.ID,
		Polarity: pledgegraph.Positive, Modality: "pledged", Condition: cond}, "United Kingdom pledged to deploy forces to Ukraine")
	ids.franceContributes = d.commitment(pledgegraph.Commitment{Actor: france.ID, Action: "contribute troops",
		Polarity: pledgegraph.Positive, Modality: "could", Amount: "several thousand troops", Statement: ids.macronSaid},
		"could contribute several thousand troops")
	ids.croatiaRefuses = d.commitment(pledgegraph.Commitment{Actor: croatia.ID, Action: "deploy troops",
		Polarity: pledgegraph.Negative, Modality: "would not", Statement: ids.croatiaSaid}, "would not deploy troops")
	ids.parisDoc = d.write(t, st)

	d = newDoc(t, "Zelenskyy welcomes British aid", "kyiv.txt", kyiv, time.Time{}).
		actors(withAliases(zelensk, "Volodymyr Zelenskyy", "Zelenskyy"), withAliases(uk, "Britain", "UK"), ukraine)
	ids.zelenskyySaid = d.statement(pledgegraph.Indirect, zelensk.ID, "said",
		"Britain would supply €2 billion in equipment to Kyiv", uk.ID, ukraine.ID)
	ids.zelenskyyQuote = d.statement(pledgegraph.Direct, zelensk.ID, "said", "These are not just words,", uk.ID)
	ids.ukSupplies = d.commitment(pledgegraph.Commitment{Actor: uk.ID, Action: "supply equipment", Target: ukraine.ID,
		Polarity: pledgegraph.Positive, Modality: "would", Amount: "€2 billion", Statement: ids.zelenskyySaid},
		"would supply €2 billion in equipment to Kyiv")
	ids.kyivDoc = d.write(t, st)

	var text strings.Builder
	countries := []pledgegraph.Actor{france, uk, ukraine, russia}
	for i := range bulletinStatements {
		fmt.Fprintf(&text, "%s said talks on point %d would resume with %s.\n", speakers[i%len(speakers)], i, countries[i%len(countries)].Name)
	}
	d = newDoc(t, "Bulletin", "bulletin.txt", text.String(), published.Add(24*time.Hour))
	d.actors(france, uk, ukraine, russia, nato)
	for _, name := range speakers {
		d.actors(pledgegraph.Actor{ID: pledgegraph.ActorID(pledgegraph.KindPerson, name), Name: name, Kind: pledgegraph.KindPerson})
	}
	for i := range bulletinStatements {
		c := countries[i%len(countries)]
		d.statement(pledgegraph.Indirect, pledgegraph.ActorID(pledgegraph.KindPerson, speakers[i%len(speakers)]), "said",
			fmt.Sprintf("talks on point %d would resume with %s", i, c.Name), c.ID)
	}
	ids.bulletinDoc = d.write(t, st)
	return ids
}

// withAliases is a as read in one document: only the given surface forms.
func withAliases(a pledgegraph.Actor, read ...string) pledgegraph.Actor {
	if read != nil {
		a.Aliases = read
	}
	return a
}

// countingStore counts the calls made to the store it wraps, per method.
type countingStore struct {
	pledgegraph.Store
	mu    sync.Mutex
	calls map[string]int
	ids   map[string]int // IDs asked for by batch getters, per method
}

func newCounting(st pledgegraph.Store) *countingStore {
	return &countingStore{Store: st, calls: map[string]int{}, ids: map[string]int{}}
}

func (c *countingStore) count(method string, n int) {
	c.mu.Lock()
	c.calls[method]++
	c.ids[method] += n
	c.mu.Unlock()
}

func (c *countingStore) reset() {
	c.mu.Lock()
	clear(c.calls)
	clear(c.ids)
	c.mu.Unlock()
}

func (c *countingStore) snapshot() (calls map[string]int, total int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	calls = make(map[string]int, len(c.calls))
	for k, v := range c.calls {
		calls[k] = v
		total += v
	}
	return calls, total
}

func (c *countingStore) ActorByName(ctx context.Context, name string) (*pledgegraph.Actor, error) {
	c.count("ActorByName", 1)
	return c.Store.ActorByName(ctx, name)
}

func (c *countingStore) HasDocument(ctx context.Context, id string) (bool, error) {
	c.count("HasDocument", 1)
	return c.Store.HasDocument(ctx, id)
}

func (c *countingStore) Actors(ctx context.Context, ids []string) ([]*pledgegraph.Actor, error) {
	c.count("Actors", len(ids))
	return c.Store.Actors(ctx, ids)
}

func (c *countingStore) Statements(ctx context.Context, ids []string) ([]*pledgegraph.Statement, error) {
	c.count("Statements", len(ids))
	return c.Store.Statements(ctx, ids)
}

func (c *countingStore) Commitments(ctx context.Context, ids []string) ([]*pledgegraph.Commitment, error) {
	c.count("Commitments", len(ids))
	return c.Store.Commitments(ctx, ids)
}

func (c *countingStore) Documents(ctx context.Context, ids []string) ([]*pledgegraph.Document, error) {
	c.count("Documents", len(ids))
	return c.Store.Documents(ctx, ids)
}

func (c *countingStore) Neighbors(ctx context.Context, ids []string, p string, d pledgegraph.Direction) (map[string][]string, error) {
	c.count("Neighbors", len(ids))
	return c.Store.Neighbors(ctx, ids, p, d)
}

func (c *countingStore) Links(ctx context.Context, ids []string, p string, d pledgegraph.Direction) (map[string][]pledgegraph.Link, error) {
	c.count("Links", len(ids))
	return c.Store.Links(ctx, ids, p, d)
}

func (c *countingStore) Evidence(ctx context.Context, ts []pledgegraph.Triple) (map[string][]string, error) {
	c.count("Evidence", len(ts))
	return c.Store.Evidence(ctx, ts)
}

func (c *countingStore) FindActors(ctx context.Context, f pledgegraph.ActorFilter, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	c.count("FindActors", 1)
	return c.Store.FindActors(ctx, f, p)
}

func (c *countingStore) FindStatements(ctx context.Context, f pledgegraph.StatementFilter, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	c.count("FindStatements", 1)
	return c.Store.FindStatements(ctx, f, p)
}

func (c *countingStore) FindCommitments(ctx context.Context, f pledgegraph.CommitmentFilter, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	c.count("FindCommitments", 1)
	return c.Store.FindCommitments(ctx, f, p)
}

func (c *countingStore) FindDocuments(ctx context.Context, p pledgegraph.PageRequest) (pledgegraph.Page, error) {
	c.count("FindDocuments", 1)
	return c.Store.FindDocuments(ctx, p)
}

// env is a handler over a seeded memory store.
type env struct {
	t       testing.TB
	store   *store.Store
	calls   *countingStore
	handler http.Handler
	ids     fixtureIDs
	logs    *syncBuffer
}

func newEnv(t testing.TB, opts ...func(*graph.Options)) *env {
	t.Helper()
	st, err := store.Open(context.Background(), store.Config{Backend: store.BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	e := &env{t: t, store: st, calls: newCounting(st), logs: &syncBuffer{}}
	e.ids = seed(t, st)
	o := graph.Options{Store: e.calls, Logger: newLogger(e.logs)}
	for _, f := range opts {
		f(&o)
	}
	e.handler = graph.NewHandler(o)
	return e
}

func newLogger(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }

// gqlError is one error of a response.
type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

func (e gqlError) code() string { s, _ := e.Extensions["code"].(string); return s }

type response struct {
	Status int
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
	Body   string
}

// post sends a query over HTTP POST and decodes the response, whatever its
// status.
func (e *env) post(query string, vars map[string]any) response {
	e.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	e.handler.ServeHTTP(w, req)
	var r response
	r.Status, r.Body = w.Code, w.Body.String()
	if err := json.Unmarshal(w.Body.Bytes(), &r); err != nil {
		e.t.Fatalf("decode %s: %v", w.Body.String(), err)
	}
	return r
}

// data runs a query that must succeed and decodes its data into out.
func (e *env) data(query string, vars map[string]any, out any) {
	e.t.Helper()
	r := e.post(query, vars)
	if len(r.Errors) > 0 || r.Status != http.StatusOK {
		e.t.Fatalf("query failed (HTTP %d): %s", r.Status, r.Body)
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		e.t.Fatalf("decode data %s: %v", r.Data, err)
	}
}

// syncBuffer collects logs written from many goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

var _ io.Writer = (*syncBuffer)(nil)
