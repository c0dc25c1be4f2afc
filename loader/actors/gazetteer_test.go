package actors_test

import (
	"testing"

	"pledgegraph"
	"pledgegraph/loader/actors"
)

// TestGazetteerData checks the embedded data: every UN member state is
// there, canonical names follow news usage, and no two states share a
// surface form.
func TestGazetteerData(t *testing.T) {
	g := gazetteer(t)
	cs := g.Countries()
	if n := len(cs); n < 196 {
		t.Errorf("%d states, want the 193 UN members plus observers", n)
	}
	for _, tc := range []struct{ surface, want string }{
		{"US", "United States"}, {"U.S.", "United States"}, {"USA", "United States"}, {"America", "United States"},
		{"Americans", "United States"}, {"Washington", "United States"},
		{"UK", "United Kingdom"}, {"Britain", "United Kingdom"}, {"British", "United Kingdom"}, {"Britons", "United Kingdom"},
		{"UAE", "United Arab Emirates"}, {"Emirati", "United Arab Emirates"},
		{"DRC", "Democratic Republic of the Congo"}, {"Congolese", "Democratic Republic of the Congo"},
		{"Czechia", "Czech Republic"}, {"Türkiye", "Turkey"}, {"Turks", "Turkey"},
		{"Côte d'Ivoire", "Ivory Coast"}, {"Ivorian", "Ivory Coast"},
		{"South Korea", "South Korea"}, {"North Korean", "North Korea"}, {"DPRK", "North Korea"},
		{"Kyiv", "Ukraine"}, {"Kiev", "Ukraine"}, {"Ukrainians", "Ukraine"},
		{"the French", ""}, {"French", "France"}, {"Dutch", "Netherlands"}, {"The Hague", "Netherlands"},
		{"Burma", "Myanmar"}, {"Swaziland", "Eswatini"}, {"Palestinian", "Palestine"}, {"Kosovo", "Kosovo"},
		{"Vatican", "Vatican City"}, {"Holy See", "Vatican City"},
		// never states
		{"Greenland", ""}, {"Crimea", ""}, {"Europe", ""}, {"Hong Kong", ""}, {"Puerto Rico", ""},
		{"IT", ""}, {"NO", ""}, {"IN", ""},
	} {
		c, ok := g.LookupCountry(tc.surface)
		switch {
		case tc.want == "" && ok:
			t.Errorf("LookupCountry(%q) = %q, want no state", tc.surface, c.Name)
		case tc.want != "" && (!ok || c.Name != tc.want):
			t.Errorf("LookupCountry(%q) = %q, %v; want %q", tc.surface, c.Name, ok, tc.want)
		}
	}
	// A surface form names one state only.
	owner := map[string]string{}
	for _, c := range cs {
		forms := append(append(append(append([]string{c.Name}, c.Aliases...), c.Demonyms...), c.Plurals...), c.Capitals...)
		seen := map[string]bool{}
		for _, f := range forms {
			k := pledgegraph.NameKey(f)
			if seen[k] {
				continue
			}
			seen[k] = true
			if o, dup := owner[k]; dup {
				t.Errorf("%q names both %s and %s", f, o, c.Name)
			}
			owner[k] = c.Name
		}
	}
	if c, ok := g.Country("GBR"); !ok || c.Name != "United Kingdom" {
		t.Errorf("Country(GBR) = %+v, %v", c, ok)
	}
}

// TestGazetteerOrganizations checks the hand-curated organizations.
func TestGazetteerOrganizations(t *testing.T) {
	g := gazetteer(t)
	names := map[string]actors.Organization{}
	for _, o := range g.Organizations() {
		if _, dup := names[o.Name]; dup {
			t.Errorf("organization %q listed twice", o.Name)
		}
		names[o.Name] = o
		if o.Country != "" {
			if _, ok := g.Country(o.Country); !ok {
				t.Errorf("organization %q: unknown state %q", o.Name, o.Country)
			}
		}
	}
	for _, want := range []string{"NATO", "European Union", "United Nations", "United Nations Security Council",
		"World Food Programme", "UN Refugee Agency", "UNICEF", "African Union", "ASEAN", "G7", "G20", "OPEC",
		"International Monetary Fund", "World Bank", "Caribbean Community", "Pacific Islands Forum",
		"World Health Organization", "International Criminal Court", "International Atomic Energy Agency",
		"Organization for Security and Co-operation in Europe", "International Committee of the Red Cross",
		"Doctors Without Borders", "Rapid Support Forces", "Kremlin", "Associated Press", "Reuters", "Telegram"} {
		if _, ok := names[want]; !ok {
			t.Errorf("organization %q missing", want)
		}
	}
}

// TestNewGazetteer checks the constructor's validation and a custom list.
func TestNewGazetteer(t *testing.T) {
	if _, err := actors.NewGazetteer([]actors.Country{{Code: "AAA"}}, nil, nil); pledgegraph.ErrorCode(err) != pledgegraph.EINVALID {
		t.Errorf("nameless country: err %v, want INVALID", err)
	}
	if _, err := actors.NewGazetteer([]actors.Country{{Code: "AAA", Name: "A"}, {Code: "AAA", Name: "B"}}, nil, nil); pledgegraph.ErrorCode(err) != pledgegraph.EINVALID {
		t.Errorf("duplicate code: err %v, want INVALID", err)
	}
	g, err := actors.NewGazetteer(
		[]actors.Country{{Code: "FRE", Name: "Freedonia", Demonyms: []string{"Freedonian"}, Capitals: []string{"Fredville"}}},
		[]actors.Organization{{Name: "League of Ducks", Acronyms: []string{"LOD"}, Heads: []string{"league"}}},
		[]string{"Sylvania"})
	if err != nil {
		t.Fatal(err)
	}
	d := doc("Fredville said the Freedonian envoy met the LOD in Sylvania. The league agreed.")
	acts, ms := actors.Recognize(d, g)
	got := summary(acts)
	want := []string{"country:Freedonia", "organization:League of Ducks"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("actors %q, want %q", got, want)
	}
	if l := links(d, acts, ms); len(l) != 4 {
		t.Errorf("mentions %q, want Fredville, Freedonian, LOD, The league", l)
	}
}

// BenchmarkDefaultGazetteer measures loading the embedded data.
func BenchmarkDefaultGazetteer(b *testing.B) {
	for range b.N {
		if _, err := actors.DefaultGazetteer(); err != nil {
			b.Fatal(err)
		}
	}
}
