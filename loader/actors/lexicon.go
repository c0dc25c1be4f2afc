package actors

import "strings"

// Word lists the recognizer reads. Keys are lower case.

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// titleHeads are the nouns of an office that can stand before a name
// ("President Emmanuel Macron", "envoy Steve Witkoff") or alone as a role
// ("the minister"). Multi-word offices are matched word by word.
var titleHeads = setOf(
	"president", "presidents", "vice-president", "premier", "chancellor", "minister", "ministers", "secretary",
	"secretary-general", "ambassador", "ambassadors", "envoy", "envoys", "spokesman", "spokeswoman",
	"spokesperson", "commissioner", "chief", "director", "director-general", "head", "leader", "leaders",
	"king", "queen", "prince", "princess", "emir", "sheikh", "sultan", "pope", "monarch", "general", "gen",
	"admiral", "adm", "colonel", "col", "commander", "lieutenant", "lt", "major", "maj", "sergeant", "sgt",
	"captain", "capt", "marshal", "senator", "sen", "sens", "senators", "representative", "rep", "reps", "congressman", "congresswoman",
	"governor", "gov", "govs", "governors", "mayor", "speaker", "chairman", "chairwoman", "chair", "chairperson", "ceo",
	"adviser", "advisor", "negotiator", "negotiators", "mp", "lawmaker", "legislator", "judge", "justice",
	"prosecutor", "attorney", "coordinator", "administrator", "officer", "official", "officials", "diplomat",
	"delegate", "representative", "mediator", "rapporteur", "chancellor", "president-elect", "deputy",
	"ayatollah", "cardinal", "archbishop", "bishop", "rabbi", "imam", "dr", "mr", "mrs", "ms", "sir", "dame",
	"lord", "lady", "crown", "tsar", "czar", "envoy-designate", "nominee", "candidate", "commissioner-designate",
	"undersecretary", "under-secretary", "high", "representative", "superintendent", "inspector", "controller",
	"economist", "analyst", "founder", "co-founder", "executive", "manager", "editor", "correspondent",
	"activist", "campaigner", "lawyer", "researcher", "professor", "spokespeople", "prof", "rev", "cmdr",
	"brig", "pres", "amb", "miss", "mx", "counterpart", "counterparts", "commodore", "brigadier", "corporal",
	"constable", "detective", "sheriff", "chaplain", "patriarch", "mufti", "cleric", "taoiseach", "tanaiste",
	"tánaiste", "provost", "rector", "magistrate", "ombudsman", "auditor", "comptroller", "regent", "viceroy",
	"consul", "attache", "attaché", "whip", "vizier", "shah",
)

// isTitleHead reports an office noun, also in hyphenated forms
// ("then-president", "ex-minister", "vice-chancellor").
func isTitleHead(lw string) bool {
	if titleHeads[lw] {
		return true
	}
	if i := strings.LastIndexByte(lw, '-'); i > 0 && titleHeads[lw[i+1:]] {
		switch lw[:i] {
		case "then", "ex", "former", "vice", "co", "acting", "deputy", "under", "interim":
			return true
		}
	}
	return false
}

// roleHeads are the offices that can be read as a role mention ("the
// chancellor said") and linked back to a person holding that title.
var roleHeads = setOf(
	"president", "premier", "chancellor", "minister", "secretary", "secretary-general", "ambassador", "envoy",
	"spokesman", "spokeswoman", "spokesperson", "commissioner", "chief", "director", "director-general",
	"king", "queen", "emir", "sultan", "pope", "general", "admiral", "commander", "senator", "governor",
	"mayor", "speaker", "chairman", "chairwoman", "negotiator", "prosecutor", "coordinator", "administrator",
	"mediator", "leader",
)

// headOfGovernment are offices whose holder speaks for a state even when the
// text does not name it beside the title ("Chancellor Friedrich Merz").
var headOfGovernment = setOf(
	"president", "premier", "chancellor", "minister", "king", "queen", "emir", "sultan", "monarch", "tsar",
	"prince",
)

// titleModifiers are lower-case words that can stand inside an office before
// its head ("deputy foreign minister", "top general", "relief chief").
var titleModifiers = setOf(
	"deputy", "vice", "acting", "former", "interim", "top", "senior", "chief", "special", "first", "second",
	"foreign", "defence", "defense", "interior", "finance", "trade", "commerce", "economy", "economic",
	"climate", "energy", "health", "justice", "development", "infrastructure", "agriculture", "education",
	"transport", "environment", "labour", "labor", "culture", "home", "security", "intelligence",
	"military", "army", "navy", "police", "relief", "humanitarian", "aid", "refugee", "rights", "human",
	"prime", "cabinet", "state", "assistant", "principal", "executive", "managing", "regional", "country",
	"national", "general", "permanent", "presidential", "government", "opposition", "rebel", "militia",
	"party", "union", "industry", "business", "press", "news", "communications", "veteran", "longtime",
	"newly", "elected", "appointed", "outgoing", "incoming", "then", "new", "european", "affairs",
	"crisis", "management", "emergency", "migration", "immigration", "technology", "digital", "science",
	"sports", "tourism", "fisheries", "water", "maritime", "social", "welfare", "budget", "treasury",
	"armed", "forces", "staff", "joint", "supreme", "allied", "high", "de", "facto", "co",
)

// orgHeads end the capitalised name of an organization ("Pacific Climate
// Action Network", "Gang Suppression Force").
var orgHeads = setOf(
	"force", "forces", "forum", "council", "community", "bank", "fund", "network", "organization",
	"organisation", "union", "alliance", "coalition", "agency", "programme", "program", "committee",
	"commission", "party", "army", "movement", "front", "group", "institute", "institution", "association",
	"federation", "authority", "ministry", "department", "office", "court", "parliament", "assembly",
	"corporation", "company", "foundation", "facility", "mission", "service", "services", "guard", "brigade",
	"brigades", "battalion", "regiment", "police", "centre", "center", "university", "board", "bureau",
	"secretariat", "tribunal", "congress", "senate", "cabinet", "government", "administration", "navy",
	"command", "corps", "initiative", "consortium", "society", "league", "trust", "club", "partnership",
	"commission", "observatory", "watch", "international", "inc", "ltd", "plc", "co", "media", "times",
	"post", "news", "agency", "airways", "airlines", "group", "holdings", "industries", "reserve", "treaty",
	"pact", "accord", "agreement", "declaration", "summit", "conference", "embassy", "consulate", "directorate",
	"inspectorate", "chamber", "academy", "institutes", "cooperative", "syndicate", "guards",
	"motors", "electric", "dynamics", "petroleum", "pharmaceuticals", "chemicals", "telecom", "telecoms",
	"energies", "railways", "shipping", "logistics", "systems", "technologies", "aerospace",
)

// companyHeads end a company's name even after words that are otherwise
// generic ("General Motors", "National Grid"… "General Electric").
var companyHeads = setOf(
	"motors", "electric", "dynamics", "petroleum", "pharmaceuticals", "chemicals", "telecom", "telecoms",
	"energies", "airlines", "airways", "industries", "holdings", "technologies", "aerospace", "systems",
	"shipping", "logistics", "inc", "ltd", "plc",
)

// redHeads end an organization's name after "Red" ("Egyptian Red Crescent",
// "International Committee of the Red Cross").
var redHeads = setOf("crescent", "cross")

// genericOrgWords make, with an organization noun, a name every state has
// ("Coast Guard", "Supreme Court", "Central Bank", "Border Police").
var genericOrgWords = setOf(
	"coast", "border", "air", "naval", "supreme", "constitutional", "central", "federal", "electoral",
	"election", "civil", "revolutionary", "republican", "royal", "upper", "lower", "house", "people's",
	"peoples", "public", "investigation", "investigative", "anti-corruption", "statistics", "statistical",
	"space", "nuclear", "atomic", "border", "customs", "tax", "revenue", "audit", "accounts", "special",
	"operations", "general", "administrative", "high", "appeals", "appeal", "district", "criminal",
	"governing", "executive", "supervisory", "advisory", "steering", "standing", "select", "working",
	"monetary", "fiscal", "legislative", "judicial", "municipal", "city", "state", "regional", "provincial",
)

// nonActorOrgHeads end names that are organizations only in the loose sense:
// agreements and events are not actors.
var nonActorOrgHeads = setOf("treaty", "pact", "accord", "agreement", "declaration", "summit", "conference")

// groupHeads are the nouns of a named group read from quotes ("the so-called
// “coalition of the willing”").
var groupHeads = setOf(
	"coalition", "alliance", "group", "bloc", "club", "axis", "format", "force", "initiative", "quartet", "quad",
	"contact group", "forum", "caucus", "network", "league", "front", "movement",
)

// armedForces are the lower-case nouns of a state's armed forces ("the
// Sudanese army").
var armedForces = setOf("army", "military", "armed forces")

// determiners before a capital make it a modifier naming a place ("their
// latest Berlin crisis meeting", "the Paris talks").
var placeDeterminers = setOf(
	"the", "a", "an", "its", "their", "his", "her", "our", "latest", "last",
	"first", "next", "second", "third", "previous", "recent", "upcoming", "planned", "weekend",
)

// placePrepositions before a capital make it a place, not the state
// ("gathered in Paris"; "Paris could contribute" is the state).
var placePrepositions = setOf(
	"in", "at", "near", "outside", "inside", "into", "across", "around", "within", "to", "toward", "towards",
	"via", "through", "throughout", "from", "between", "over", "beyond", "past", "visiting", "visited",
	"visit", "reach", "reached", "reaching", "left", "leave", "leaving", "arrive", "arrived", "arriving",
	"of", "outskirts", "downtown", "central",
)

// speechVerbs next to a name are evidence that it names a person ("said
// Tomas Ekberg", "Haugland told").
var speechVerbs = setOf(
	"said", "says", "say", "told", "tells", "added", "adds", "stated", "declared", "announced", "warned",
	"noted", "argued", "insisted", "stressed", "explained", "wrote", "tweeted", "posted", "asked", "replied",
	"responded", "answered", "acknowledged", "admitted", "claimed", "confirmed", "denied", "urged", "called",
	"welcomed", "praised", "criticised", "criticized", "pledged", "promised", "vowed", "agreed", "offered",
	"signalled", "signaled", "suggested", "cautioned", "recalled", "estimated", "predicted", "hailed",
	"rejected", "ruled", "dismissed", "accused", "thanked", "opened", "chaired", "addressed", "met",
	"spoke", "speaking", "saying", "telling", "writing", "according",
)

// personVerbs take a person as object: a full name after them is a person
// ("met Mark Rutte", "talks with Mark Rutte").
var personVerbs = setOf(
	"met", "meets", "meeting", "thanked", "urged", "accused", "criticised", "criticized", "praised", "phoned",
	"told", "asked", "invited", "hosted", "welcomed", "congratulated", "replaced", "succeeded", "appointed",
	"named", "fired", "sacked", "dismissed", "nominated", "defeated", "endorsed", "interviewed", "with", "by",
	"against", "between",
)

// functionWords are capitalised at the start of a sentence but never part of
// a name ("But Merz said", "Writing on Telegram").
var functionWords = setOf(
	"a", "an", "the", "and", "but", "or", "nor", "so", "yet", "for", "if", "when", "while", "as", "after",
	"before", "since", "until", "because", "although", "though", "in", "on", "at", "by", "with", "without",
	"from", "to", "of", "into", "over", "under", "about", "against", "between", "during", "through", "among",
	"amid", "despite", "like", "unlike", "this", "that", "these", "those", "there", "here", "then", "now",
	"today", "yesterday", "tomorrow", "also", "still", "even", "only", "just", "meanwhile", "however",
	"instead", "indeed", "asked", "speaking", "writing", "he", "she", "it", "they", "we", "i", "you", "his",
	"her", "its", "their", "our", "my", "your", "who", "what", "which", "where", "why", "how", "some", "many",
	"most", "several", "both", "all", "each", "every", "no", "not", "any", "other", "another", "such",
	"according", "earlier", "later", "last", "next", "first", "once", "until", "unless", "whether", "where",
	"thirteen", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "one", "more",
	"less", "few", "much", "officials", "leaders", "diplomats", "sources", "analysts", "critics",
	"recommended", "stories", "list", "items", "photo", "reporting", "editing", "additional", "read", "watch",
	"mr", "mrs", "ms", "dr", "yes", "well", "oh", "please", "thank", "thanks", "sir", "madam",
	"pressed", "reached", "contacted", "interviewed", "quoted", "cited", "challenged", "questioned", "told",
	"elsewhere", "overall", "together", "still", "yet", "nevertheless", "nonetheless", "furthermore",
	"moreover", "besides", "similarly", "likewise", "otherwise", "thus", "hence", "therefore", "perhaps",
	"maybe", "already", "almost", "again", "soon", "never", "always", "often", "sometimes", "whereas",
	"within", "across", "around", "following", "including", "regarding", "concerning", "per", "via",
	"dear", "hello", "good", "mister", "madame", "monsieur", "herr", "señor", "senor",
)

// calendarWords are capitalised but name no actor.
var calendarWords = setOf(
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
	"dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas",
	"easter", "ramadan", "eid",
)

// nameParticles may stand inside a person's name ("Ursula von der Leyen").
var nameParticles = setOf(
	"de", "del", "della", "der", "den", "van", "von", "da", "das", "do", "dos", "du", "di", "le", "la", "bin",
	"ibn", "al", "el", "abu", "ben", "ter", "zu", "y", "ad", "ash", "as", "ar", "an", "at", "az", "ould", "ag",
)

// nameInnerTitles are honorifics that stand inside a name, between two of
// its words ("Hassan Sheikh Mohamud", "Mohammed bin Salman").
var nameInnerTitles = setOf("sheikh", "shaikh", "sayed", "sayyid", "syed", "mullah", "haji", "hajji", "mir", "khan", "pasha", "bey")

// honorifics stand before a name but are no office ("Mr Modi").
var honorifics = setOf("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "rev", "mx")

// titleAbbrevs are offices written abbreviated with a full stop ("Sen.
// Lindsey Graham", "Gen. Mark Milley").
var titleAbbrevs = setOf("sen", "sens", "gen", "rep", "reps", "gov", "govs", "dr", "mr", "mrs", "ms", "lt", "col", "adm", "capt", "sgt",
	"maj", "prof", "rev", "cmdr", "brig", "pres", "amb")

// geoWords mark a capitalised run as a place ("Port Sudan", "North Darfur").
var geoWords = setOf(
	"port", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
	"upper", "lower", "sea", "ocean", "river", "gulf", "strait", "straits", "island", "islands", "peninsula",
	"mountains", "mountain", "mount", "valley", "lake", "bay", "coast", "province", "region", "state",
	"city", "street", "square", "airport", "district", "county", "oblast", "avenue", "road", "bridge", "canal",
	"desert", "plain", "plains", "plateau", "highlands", "heights", "strip", "bank", "camp", "square",
	"saint", "st", "san", "santa", "fort", "new", "old", "great", "little", "el", "al", "las", "los",
	"hills", "park", "palace", "hall", "house", "tower", "station", "base", "harbour", "harbor", "field",
	"shoal", "shoals", "reef", "reefs", "atoll", "cape", "cay", "cays", "beach", "glacier", "dam", "pier",
	"crossing", "checkpoint", "corridor", "cathedral", "mosque", "chapel", "synagogue", "school", "college",
	"hospital", "clinic", "stadium", "museum", "gallery", "library", "theatre", "theater", "hotel", "mall",
	"prison", "refinery", "terminal", "pipeline", "highway", "motorway", "boulevard", "falls",
)

// thingWords end capitalised names of things and events, never of persons
// ("Nobel Prize", "World Cup", "Marshall Plan").
var thingWords = setOf(
	"prize", "prizes", "award", "awards", "medal", "cup", "trophy", "games", "olympics", "championship",
	"championships", "open", "festival", "week", "day", "act", "law", "plan", "doctrine", "protocol",
	"convention", "charter", "index", "report", "review", "strategy", "project", "era", "war", "wars",
	"crisis", "revolution", "spring", "memorial", "monument", "bridge", "tunnel", "dam", "airport", "street",
)

// directiveVerbs between a leader and a state make the state the other
// party ("Trump threatened Russia", "urged Ukraine to negotiate").
var directiveVerbs = setOf(
	"urged", "urges", "warned", "warns", "threatened", "threatens", "demanded", "demands", "pressed",
	"presses", "accused", "accuses", "criticised", "criticized", "condemned", "blamed", "challenged",
	"pressured", "attacked", "sanctioned", "rebuked", "slammed", "blasted", "against", "versus",
)

// demandModals after a state in reported speech make it the other party
// ("Trump said Ukraine must negotiate").
var demandModals = setOf("must", "should", "needs", "need", "ought", "has", "have")

// agencyVerbs after a noun phrase show it acting ("the Sudanese army, which
// runs…", "…army said").
var agencyVerbs = setOf(
	"said", "says", "did", "does", "has", "had", "have", "denied", "claimed", "accused", "launched",
	"announced", "confirmed", "rejected", "warned", "told", "declined", "refused", "seized", "captured",
	"attacked", "shelled", "killed", "fought", "controls", "controlled", "runs", "ran", "took", "agreed",
	"pledged", "vowed", "promised", "began", "started", "carried", "which", "whose",
)

// smallWords stay lower case in a title-cased name ("Coalition of the Willing").
var smallWords = setOf("of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "by", "with")

// lexiconWord reports a word the recognizer reads as something other than a
// name: an office, a function or calendar word, an organization noun, a word
// of a place name, a particle or a verb of saying.
func lexiconWord(lw string) bool {
	return titleHeads[lw] || titleModifiers[lw] || functionWords[lw] || calendarWords[lw] || orgHeads[lw] ||
		geoWords[lw] || nameParticles[lw] || honorifics[lw] || speechVerbs[lw] || smallWords[lw] ||
		nameInnerTitles[lw] || orgNouns[lw]
}

// orgNouns are the lower-case nouns that describe an organization in an
// apposition with its name: "grid operator Ukrenergo", "its development bank
// KfW", "Rosatom, the Russian state nuclear corporation". They are also the
// nouns that refer back to it ("the company said").
var orgNouns = setOf(
	"operator", "company", "firm", "bank", "lender", "corporation", "conglomerate", "giant", "producer",
	"utility", "regulator", "carrier", "airline", "manufacturer", "carmaker", "drugmaker", "chipmaker",
	"steelmaker", "planemaker", "automaker", "insurer", "reinsurer", "broadcaster", "agency", "network",
	"outlet", "newspaper", "developer", "supplier", "exporter", "importer", "monopoly", "provider",
	"contractor", "consultancy", "charity", "organisation", "organization", "ngo", "watchdog", "institute",
	"foundation", "fund", "party", "militia", "movement", "faction", "association", "alliance", "coalition",
	"retailer", "miner", "refiner", "shipper", "railway", "consortium", "cooperative", "exchange",
	"brokerage", "lobby", "union", "federation", "group", "subsidiary", "distributor", "trader",
	"startup", "start-up", "tank", "think-tank", "thinktank", "nonprofit", "non-profit", "publisher",
	"holding", "authority", "service", "body", "daily", "tabloid", "magazine", "website", "channel", "portal",
	"brigade", "battalion", "regiment", "gang", "cartel", "bloc",
)

// regionNouns after a demonym name a region rather than the state
// ("the Palestinian territories", "the Kurdish region"), unless "of" follows
// ("the Russian region of Kursk").
var regionNouns = setOf("territories", "region", "regions", "homelands", "lands")

// commonSpeakers are plural nouns that open sentences as speakers
// ("Witnesses said") and never name an organization.
var commonSpeakers = setOf(
	"witnesses", "residents", "experts", "observers", "investigators", "prosecutors", "authorities",
	"organisers", "organizers", "protesters", "protestors", "campaigners", "activists", "lawyers", "doctors",
	"medics", "rescuers", "scientists", "researchers", "economists", "traders", "investors", "officers",
	"troops", "soldiers", "militants", "rebels", "insurgents", "villagers", "locals", "neighbours",
	"neighbors", "relatives", "parents", "students", "workers", "farmers", "voters", "lawmakers",
	"legislators", "senators", "ministers", "others", "everyone", "nobody", "someone", "people", "police",
	"aides", "allies", "donors", "envoys", "negotiators", "mediators", "delegates", "officials", "sources",
	"critics", "analysts", "diplomats", "leaders", "survivors", "families", "staff", "employees", "unions",
	"polls", "reports", "documents", "data", "figures", "records", "statements", "both", "neither",
	"either", "none", "few", "they", "we", "she", "he", "it",
)

// groupPlurals end a capitalised run that names a group of people, not a
// person ("Christian Democrats", "Young Republicans").
var groupPlurals = setOf(
	"democrats", "republicans", "socialists", "conservatives", "liberals", "greens", "communists",
	"nationalists", "islamists", "loyalists", "separatists", "royalists", "unionists", "brothers", "sisters",
	"brotherhood", "sons", "daughters", "friends", "partners", "associates", "enterprises", "holdings",
)
