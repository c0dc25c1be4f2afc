package bench

import (
	"encoding/json"
	"strings"
	"testing"
)

// searchTexts returns n distinct search texts as analysts type them: for
// each actor of the graph in turn, a prefix of its name's first word, the
// full name, and its last word misspelt (two letters swapped), then the
// same with two names. Distinct texts keep the search index's result
// cache out of the figure: every request is a search of its own.
func searchTexts(b *testing.B, url string, n int) []string {
	var names []string
	after := ""
	for page := 0; page < 5; page++ {
		var got struct {
			Data struct {
				Actors struct {
					Nodes    []struct{ Name string }
					PageInfo struct {
						HasNextPage bool
						EndCursor   string
					}
				}
			}
		}
		body := post(url, `query($after: String) { actors(first: 100, after: $after) { nodes { name } pageInfo { hasNextPage endCursor } } }`,
			map[string]any{"after": after})
		if err := json.Unmarshal(body, &got); err != nil || len(got.Data.Actors.Nodes) == 0 {
			b.Fatalf("actors: %s", body)
		}
		for _, a := range got.Data.Actors.Nodes {
			if len([]rune(a.Name)) >= 4 {
				names = append(names, a.Name)
			}
		}
		if !got.Data.Actors.PageInfo.HasNextPage {
			break
		}
		after = got.Data.Actors.PageInfo.EndCursor
	}
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" && !seen[s] && len(out) < n {
			seen[s] = true
			out = append(out, s)
		}
	}
	for round := 0; len(out) < n && round < 4; round++ {
		for i, name := range names {
			words := strings.Fields(name)
			switch round {
			case 0:
				first := []rune(words[0])
				add(string(first[:max(3, len(first)-1)]))
			case 1:
				add(name)
			case 2:
				last := []rune(words[len(words)-1])
				if len(last) >= 4 {
					last[1], last[2] = last[2], last[1]
				}
				add(string(last))
			case 3:
				add(name + " " + strings.Fields(names[(i+1)%len(names)])[0])
			}
		}
	}
	return out
}
