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
//     organization noun, with their complements ("Pacific Climate Action
//     Network", "Egyptian Red Crescent", "Centre for Maritime Security
//     Studies"), named groups in quotes or after "so-called" ("coalition of
//     the willing"), a state's ministries ("Egypt’s foreign ministry" →
//     "Egyptian Foreign Ministry"), embassies ("the Russian embassy in London"
//     → "Russian Embassy in London") and armed forces ("the Sudanese army"),
//     acronyms defined in parentheses ("The Caribbean Community (CARICOM)"),
//     names beside a noun that describes an organization ("Ukraine’s grid
//     operator Ukrenergo", "its development bank KfW", "Rosatom, the Russian
//     state nuclear corporation that…", "the ruling party, Law and Justice,",
//     "the opposition Civic Platform party"), and names that speak as an
//     organization does ("Gazprom said in a statement that it would…"; no
//     given name, no person's name, never written in lower case). The state
//     named in the phrase becomes the organization's Country; every other
//     occurrence of the name is linked, and the describing noun refers back
//     to it ("the company said").
//   - Persons: capitalised name runs with evidence — an office before them
//     ("Kenyan Foreign Affairs Cabinet Secretary Joseph Kiprono", "UN relief
//     chief Amina Rahal", "U.S. Ambassador to the United Nations Rachel
//     Dunmore"), an apposition on either side ("Washington’s top general in
//     Europe, Alexus Grynkewich"; "Tomas Ekberg, the agency’s country
//     director"; with an office the lexicon does not know after a state's
//     possessive: "Ireland’s Tánaiste, Declan Fahy,"), a verb of saying
//     (unless what speaks is called "it"), coordination with a person ("US
//     envoys Steve Witkoff and Jared Kushner"), a given name as first word
//     (data/givennames.txt: "Anna Berg" in a list), or the surname standing
//     alone elsewhere. Runs ending in a place, thing or group word ("Victoria
//     Falls", "Nobel Prize", "Christian Democrats") are no persons. The office
//     gives Title (with a lower-case complement: "director of nuclear
//     safety") and the state or body before it gives Country; a state
//     official whose state is not written beside the office takes the one
//     state its sentence presents as a party that speaks or acts ("said
//     Britain would…"), never one presented as the other party ("threatened
//     Russia", "said Ukraine must…"), a place, or a state whose same office
//     another person holds; with two candidates it stays empty. Later surnames ("Macron", "Starmer’s"),
//     family names written first ("Zhao") and single names after an office
//     ("President Trump") link to the same person; sentence-initial words and
//     offices never enter a name; middle initials stay in it ("John D.
//     Podesta", "George H.W. Bush"; "John Podesta" is an alias and names
//     the same person); accents are kept, the unaccented spelling becomes an
//     alias.
//   - Roles: "the minister", "The cabinet secretary", "the prime minister",
//     "the ministry", "the agency", "this alliance", "the allies" are Role
//     mentions of the most recently mentioned actor they fit (see Recognize).
//
// Demonyms that name a region rather than the state ("the Palestinian
// territories", "the Kurdish region") are no mentions of the state.
//
// The gazetteer data are embedded: data/countries.json is generated from the
// world-countries package (ODbL, see data/NOTICE.md) by internal/gen with
// `go generate`; data/givennames.txt from the gender-detection-from-name
// package (MIT) by internal/gennames; data/organizations.json is
// hand-curated.
package actors
