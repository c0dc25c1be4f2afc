// Package actors is the loader stage that recognises the actors of a news
// article — persons, sovereign states and organizations — links every place
// they are named to one actor each, and gives each its canonical name, stable
// ID and the aliases read in the document.
//
//	actors.Recognize(d *annot.Doc, g *actors.Gazetteer) ([]pledgegraph.Actor, []annot.Mention)
//
// It reads Doc.Text, Doc.Paragraphs and Doc.Sentences (normalised text: “ ” ‘ ’
// quotes, ’ apostrophes, — dashes) and works in passes over tokens:
//
//   - Gazetteer: longest match of every state's names, abbreviations ("US",
//     "U.S.", "UAE", "DRC"), demonyms ("French", "Ukrainians") and capitals,
//     and of international bodies, agencies, institutions and groups with
//     their acronyms. Capitalisation is checked ("turkey", "us" and "chad" are
//     no states); acronyms match only in capitals; regions (continents, seas,
//     territories) are matched so as never to be read as states.
//   - Metonymy: a capital is the state only outside a locative context
//     ("Paris could contribute", "Washington’s top general", "told Kyiv");
//     "gathered in Paris" and "the Paris meeting" are places. "Brussels"
//     stands for the European Union. A name inside a longer capitalised name
//     ("Port Sudan", "Washington Post") is no mention.
//   - Organizations read from the text: capitalised names ending in an
//     organization noun ("Pacific Climate Action Network"), named groups in
//     quotes or after "so-called" ("coalition of the willing"), a state's
//     ministries ("Egypt’s foreign ministry" → "Egyptian Foreign Ministry"), a
//     state's armed forces ("the Sudanese army"), and acronyms defined in
//     parentheses ("The Caribbean Community (CARICOM)").
//   - Persons: capitalised name runs with evidence — an office before them
//     ("Kenyan Foreign Affairs Cabinet Secretary Joseph Kiprono", "UN relief
//     chief Amina Rahal", "U.S. Ambassador to the United Nations Rachel
//     Dunmore"), an apposition on either side ("Washington’s top general in
//     Europe, Alexus Grynkewich"; "Tomas Ekberg, the agency’s country
//     director"), a verb of saying, coordination with a person ("US envoys
//     Steve Witkoff and Jared Kushner"), or the surname standing alone
//     elsewhere. The office gives Title and the state or body before it gives
//     Country; a head of state or government whose state is not written
//     beside the office takes the state named nearest in the same sentence
//     (not one already led by another person named there). Later surnames ("Macron", "Starmer’s"),
//     family names written first ("Zhao") and single names after an office
//     ("President Trump") link to the same person; sentence-initial words and
//     offices never enter a name; accents are kept, the unaccented spelling
//     becomes an alias.
//   - Roles: "the minister", "The cabinet secretary", "the prime minister",
//     "the ministry", "the agency", "this alliance", "the allies" are Role
//     mentions of the most recently mentioned actor they fit (see Recognize).
//
// The gazetteer data are embedded: data/countries.json is generated from the
// world-countries package (ODbL, see data/NOTICE.md) by internal/gen with
// `go generate`; data/organizations.json is hand-curated.
package actors
