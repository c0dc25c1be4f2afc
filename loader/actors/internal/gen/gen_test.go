package main

import (
	"slices"
	"testing"
)

func TestPlural(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Ukrainian", "Ukrainians"}, {"Israeli", "Israelis"}, {"German", "Germans"}, {"Filipino", "Filipinos"},
		{"French", ""}, {"Chinese", ""}, {"Swiss", ""}, {"British", ""}, {"Malagasy", ""},
	} {
		if got := plural(tc.in); got != tc.want {
			t.Errorf("plural(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestUsable(t *testing.T) {
	for _, tc := range []struct {
		s, cca2 string
		want    bool
	}{
		{"IT", "IT", false}, {"NO", "NO", false}, {"Czechia", "CZ", true}, {"Côte d'Ivoire", "CI", true},
		{"Российская Федерация", "RU", false}, {"中华人民共和国", "CN", false}, {"UAE", "AE", true},
	} {
		if got := usable(tc.s, tc.cca2); got != tc.want {
			t.Errorf("usable(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestBuild(t *testing.T) {
	yes := true
	no := false
	var us, gl wcCountry
	us.Name.Common, us.Name.Official, us.CCA2, us.CCA3, us.Independent, us.UNMember = "United States", "United States of America", "US", "USA", &yes, true
	us.AltSpellings = []string{"US", "USA", "United States of America"}
	us.Capital = []string{"Washington D.C."}
	us.Demonyms = map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	}{"eng": {F: "American", M: "American"}}
	gl.Name.Common, gl.CCA2, gl.CCA3, gl.Independent = "Greenland", "GL", "GRL", &no
	f := build([]wcCountry{gl, us}, overrides{
		AddAliases: map[string][]string{"USA": {"US", "U.S."}},
		Capitals:   map[string][]string{"USA": {"Washington"}},
		Regions:    []string{"Europe"},
	})
	if len(f.Countries) != 1 || f.Countries[0].Name != "United States" {
		t.Fatalf("countries %+v", f.Countries)
	}
	c := f.Countries[0]
	if !slices.Contains(c.Aliases, "US") || !slices.Contains(c.Aliases, "U.S.") || !slices.Contains(c.Aliases, "USA") {
		t.Errorf("aliases %q", c.Aliases)
	}
	if !slices.Equal(c.Demonyms, []string{"American"}) || !slices.Equal(c.Plurals, []string{"Americans"}) || !slices.Equal(c.Capitals, []string{"Washington"}) {
		t.Errorf("demonyms %q plurals %q capitals %q", c.Demonyms, c.Plurals, c.Capitals)
	}
	if !slices.Equal(f.Regions, []string{"Europe", "Greenland"}) {
		t.Errorf("regions %q", f.Regions)
	}
}
