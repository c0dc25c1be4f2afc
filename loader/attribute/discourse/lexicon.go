package discourse

import "strings"

// Word lists. They are data about English, not about any article: extend
// them freely.

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// Pronouns by what they can refer to.
var (
	malePron     = set("he", "him", "his", "himself")
	femalePron   = set("she", "her", "hers", "herself")
	neuterPron   = set("it", "its", "itself")
	pluralPron   = set("they", "them", "their", "theirs", "themselves")
	firstPlural  = set("we", "us", "our", "ours", "ourselves")
	firstSingulr = set("i", "me", "my", "mine", "myself")
)

// IsPronoun reports whether the lower-cased word w is a personal or
// possessive pronoun.
func IsPronoun(w string) bool {
	return malePron[w] || femalePron[w] || neuterPron[w] || pluralPron[w] || firstPlural[w] || firstSingulr[w]
}

// IsFirstPlural reports whether w is "we", "us", "our" or "ours".
func IsFirstPlural(w string) bool { return firstPlural[w] }

// IsFirstSingular reports whether w is "I", "me", "my" or "mine".
func IsFirstSingular(w string) bool { return firstSingulr[w] }

// genericPeople are head nouns of unnamed sources ("officials said", "two
// diplomats said", "a State Department official said").
var genericPeople = set(
	"official", "officials", "diplomat", "diplomats", "source", "sources", "leaders", "analysts", "analyst",
	"observers", "experts", "expert", "people", "residents", "resident", "witnesses", "witness", "critics",
	"aides", "aide", "lawmakers", "legislators", "negotiators", "negotiator", "insiders", "insider", "activists",
	"campaigners", "protesters", "workers", "staff", "someone", "others", "many", "some", "several",
	"journalists", "reporters", "commentators", "economists", "economist", "investors", "traders", "participants",
	"attendees", "delegates", "delegations", "spokespeople", "representatives", "envoys", "ministers", "donors",
	"organisers", "organizers", "doctors", "medics", "rescuers", "survivors", "families", "villagers", "locals",
	"authorities", "governments", "countries", "nations", "states", "agencies", "groups", "organisations", "organizations",
	"citizens", "voters", "soldiers", "troops", "commanders", "generals", "military", "police", "person", "man", "woman",
	"men", "women", "one", "all", "both", "neither", "none", "polls", "poll", "reports", "report", "media", "documents",
)

// IsGenericPeople reports whether w heads a noun phrase for unnamed people.
func IsGenericPeople(w string) bool { return genericPeople[w] }

// personRoles are head nouns of roles held by a person ("the minister").
var personRoles = set(
	"minister", "secretary", "president", "chancellor", "premier", "spokesman", "spokeswoman", "spokesperson",
	"envoy", "ambassador", "commissioner", "chief", "general", "director", "governor", "senator", "king", "queen",
	"prince", "princess", "emir", "sultan", "mayor", "commander", "admiral", "negotiator", "representative",
	"chair", "chairman", "chairwoman", "chairperson", "head", "deputy", "adviser", "advisor", "pope", "leader",
	"diplomat", "official", "ceo", "founder", "prosecutor", "judge", "lawmaker", "congressman", "congresswoman",
	"coordinator", "rapporteur", "administrator", "manager", "executive", "officer", "marshal", "colonel",
	"lieutenant", "captain", "sheikh", "speaker", "vice-president", "dictator", "monarch", "strongman", "ruler", "politician",
)

// IsPersonRole reports whether w names an office held by a person.
func IsPersonRole(w string) bool { return personRoles[w] }

// orgHeads are head nouns that refer back to an organization ("the
// ministry", "the bloc").
var orgHeads = set(
	"ministry", "department", "bloc", "alliance", "union", "council", "forum", "agency", "coalition", "allies",
	"organisation", "organization", "group", "body", "commission", "committee", "parliament", "court", "bank",
	"fund", "office", "cabinet", "administration", "government", "kremlin", "embassy", "secretariat", "programme",
	"program", "mission", "force", "army", "military", "navy", "party", "company", "firm", "network", "movement",
	"militia", "junta", "presidency", "assembly", "congress", "senate", "club", "partnership", "community", "summit",
	"institution", "authority", "regulator", "board", "foundation", "charity", "tribunal", "federation",
)

// IsOrgHead reports whether w can head a noun phrase referring to an organization.
func IsOrgHead(w string) bool { return orgHeads[w] }

// stateBodies are head nouns that, modified by a state ("German forces",
// "the Ukrainian delegation", "his government"), stand for the state.
var stateBodies = set(
	"government", "governments", "administration", "authorities", "forces", "force", "troops", "army", "military",
	"navy", "delegation", "cabinet", "leadership", "state", "regime", "side", "officials", "ministry", "capital", "air force",
	"soldiers", "police", "diplomats", "negotiators", "team", "parliament", "people", "country", "nation",
)

// IsStateBody reports whether w, modified by a state, stands for the state.
func IsStateBody(w string) bool { return stateBodies[w] }

// memberNouns are plural nouns for the members of an organization ("allies",
// "members", "member states").
var memberNouns = set("allies", "members", "partners", "signatories", "states", "governments", "countries", "nations", "leaders")

// IsMemberNoun reports whether w names the members of a group.
func IsMemberNoun(w string) bool { return memberNouns[w] }

// determiners and possessives that open a noun phrase.
var determiners = set("the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my",
	"your", "each", "every", "some", "any", "no", "another", "both", "all", "several", "many")

// IsDeterminer reports whether w opens a noun phrase.
func IsDeterminer(w string) bool { return determiners[w] }

// modals carry future or hypothetical action.
var modals = set("will", "would", "could", "can", "may", "might", "shall", "should", "must", "'ll", "'d", "wo", "ca")

// IsModal reports whether w is a modal verb.
func IsModal(w string) bool { return modals[w] }

var haveAux = set("has", "have", "had", "having", "'ve")

// IsHave reports whether w is a form of "have".
func IsHave(w string) bool { return haveAux[w] }

var beForms = set("is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "'m")

// IsBe reports whether w is a form of "be".
func IsBe(w string) bool { return beForms[w] }

// adverbs that sit inside verb groups or between a subject and its verb.
var adverbs = set("also", "still", "already", "now", "then", "not", "never", "only", "further", "again", "even",
	"just", "once", "previously", "earlier", "later", "repeatedly", "reportedly", "publicly", "privately",
	"separately", "jointly", "each", "both", "all", "certainly", "definitely", "probably", "likely", "quickly",
	"swiftly", "soon", "immediately", "today", "yesterday", "tomorrow", "eventually", "finally", "initially",
	"subsequently", "meanwhile", "however", "too", "additionally", "readily", "strongly", "firmly", "formally",
	"officially", "explicitly", "personally", "ultimately", "indeed", "actually", "really", "simply", "clearly",
	"n't", "'t", "no", "longer", "ever", "always", "rather", "instead", "together", "themselves", "itself",
	"himself", "herself", "allegedly", "apparently", "broadly", "largely", "partly", "unanimously", "immediately",
)

// IsAdverb reports whether w is an adverb that can sit in a verb group.
func IsAdverb(w string) bool {
	if adverbs[w] {
		return true
	}
	return len(w) > 4 && w[len(w)-2:] == "ly" && !notLy[w]
}

var notLy = set("italy", "july", "assembly", "family", "ally", "supply", "reply", "apply", "rely", "fly", "monopoly", "anomaly", "bully", "rally", "tally", "belly", "jelly", "lily", "holy", "ugly", "only", "early", "daily", "weekly", "monthly", "yearly", "likely", "friendly", "elderly")

// Honorifics that give a person's gender.
var (
	maleHonor   = set("mr", "mr.", "sir", "lord", "king", "prince", "sheikh", "emir", "sultan", "monsieur", "herr", "señor", "signor", "father", "brother")
	femaleHonor = set("mrs", "mrs.", "ms", "ms.", "miss", "madam", "madame", "lady", "dame", "queen", "princess", "frau", "señora", "signora", "mother", "sister", "baroness", "duchess", "spokeswoman", "chairwoman", "congresswoman", "businesswoman")
)

// Common given names by gender, across the languages of world news. A
// person whose first name is listed gets that gender for pronoun agreement;
// others are compatible with both.
var maleNames = set(
	"aaron", "abdel", "abdul", "abdullah", "abu", "adam", "adrian", "ahmad", "ahmed", "alain", "alan", "albert", "alberto",
	"aleksandar", "alex", "alexander", "alexandre", "alexei", "alexey", "alexis", "ali", "alistair", "amir", "anatoly", "anders", "andre", "andrea",
	"andrei", "andrej", "andres", "andrew", "andrzej", "andy", "angus", "anthony", "antonio", "antony", "anwar", "ariel", "arnaud", "arsen", "arthur", "ashraf",
	"avi", "ayman", "barack", "bashar", "ben", "benjamin", "benny", "bernard", "bill", "bjorn", "bob", "bobby", "boris", "brandon", "brian", "bruno",
	"carl", "carlos", "charles", "chris", "christian", "christoph", "christopher", "chuck", "claude", "colin", "dan", "daniel", "dario", "dave", "david",
	"denis", "dennis", "dick", "dieter", "dmitri", "dmitry", "donald", "douglas", "duncan", "ebrahim", "ed", "edgar", "edward", "edi", "eirik", "elon", "emmanuel",
	"enrico", "eric", "erik", "ernst", "evgeny", "fabio", "fahad", "faisal", "felipe", "fernando", "filip", "frank", "franz", "fred", "frederik", "friedrich",
	"gabriel", "gary", "geert", "george", "georg", "gerald", "gerhard", "giorgos", "giuseppe", "gordon", "greg", "gregory", "guido", "gustavo", "hakan",
	"hamad", "hans", "harold", "harry", "hassan", "heinrich", "henrik", "henry", "herbert", "hugo", "hussein", "ibrahim", "igor", "ilham", "imran", "isaac", "ismail",
	"ivan", "jack", "jacob", "jake", "james", "jan", "jared", "javier", "jean", "jean-claude", "jean-luc", "jean-noel", "jean-pierre", "jean-robert", "jeff", "jens", "jeremy", "jerome", "jim", "joe",
	"joel", "johan", "johann", "johannes", "john", "jon", "jonas", "jonathan", "jorge", "jose", "josef", "joseph", "josep", "juan", "julian", "jurgen", "kamal", "karl", "keir", "ken", "kenneth", "kerem",
	"kevin", "khalid", "kim", "klaus", "kurt", "kyriakos", "lars", "laurent", "lee", "leo", "leon", "lindsey", "lloyd", "lorenzo", "louis", "luc", "luca", "lucas", "luis", "luiz", "lukas", "mahmoud", "marc", "marc-andre",
	"marco", "marcus", "mario", "mark", "martin", "mateusz", "matt", "matteo", "matthew", "matthias", "max", "michael", "michel", "miguel", "mike", "mikhail", "mitch", "mohamed", "mohammad", "mohammed", "muhammad",
	"murat", "mustafa", "naftali", "narendra", "nasser", "nicholas", "nick", "nicolas", "nikita", "nikolai", "nikos", "noah", "olaf", "oleg", "oleksandr", "oleksiy", "oliver", "omar", "oscar", "owen", "pablo",
	"paolo", "pascal", "patrick", "paul", "pedro", "pete", "peter", "petr", "petro", "philip", "philipp", "philippe", "pierre", "piotr", "rafael", "rami", "ramzan", "recep", "richard", "rick", "rishi", "rob", "robert",
	"roberto", "rodrigo", "roger", "roman", "ron", "ronald", "rustem", "ryan", "said", "salman", "sam", "samuel", "scott", "sebastian", "serge", "sergei", "sergey", "sergio", "shehbaz", "simon", "stefan", "stephane", "stephen", "steve",
	"steven", "sven", "taras", "tarmo", "ted", "thierry", "thomas", "tim", "timothy", "tobias", "tom", "tomas", "tony", "viktor", "vincent", "vitali", "vladimir", "volodymyr", "walter", "wang", "werner", "william", "wolfgang",
	"xi", "yair", "yevgeny", "yoav", "yousef", "yuri", "yusuf", "zbigniew", "zoran", "anatoliy", "andriy", "denys", "dmytro", "mykola", "mykhailo", "rustem", "kyrylo", "valery", "valeriy", "vadym", "yuriy",
	"jens", "pekka", "sauli", "alexander", "ursus", "jaap", "hakeem", "cyril", "bola", "william", "uhuru", "raila", "paul", "abiy", "emmerson", "lula", "javier", "gustavo", "andres", "nayib", "justin", "pierre",
	"anthony", "antony", "jake", "marco", "pete", "jd", "kash", "lindsey", "chuck", "mitch", "hakeem", "benjamin", "bezalel", "itamar", "isaac", "yahya", "ismail", "khaled", "mahmoud", "abdel-fattah",
	"sebastien", "jean-yves", "gabriel", "francois", "emmanuel", "manuel", "pedro", "mark", "dick", "wopke", "kristian", "ulf", "petteri", "gitanas", "edgars", "alar", "josefa",
)

var femaleNames = set(
	"agnes", "alice", "alicia", "amanda", "amelia", "amina", "amy", "ana", "anastasia", "andrea", "angela", "angelina", "anita", "ann", "anna", "annalena", "anne", "anneli", "annika",
	"antje", "barbara", "beata", "beatrice", "brigitte", "carla", "carmen", "caroline", "catherine", "cecilia", "charlotte", "christina", "christine", "claire", "claudia", "cristina",
	"dagmar", "dana", "diana", "dilma", "dina", "dominique", "dora", "elena", "elisabeth", "elizabeth", "ella", "ellen", "elvira", "emily", "emma", "erika", "eva", "evelyn", "fatima",
	"giorgia", "grace", "hanna", "hannah", "heidi", "helen", "helena", "hillary", "ilona", "ingrid", "irene", "iryna", "isabel", "jacinda", "jane", "janet", "jennifer", "jessica",
	"jill", "joanna", "josephine", "judith", "julia", "julie", "kaja", "kamala", "karen", "karin", "katarina", "katarzyna", "kate", "katherine", "kathleen", "katrin", "kristalina", "kristi", "kristina", "laura",
	"lea", "leila", "lena", "liz", "lotte", "louise", "lucy", "lydia", "magdalena", "maia", "margaret", "margrethe", "maria", "marie", "marina", "marine", "marta", "martina", "mary", "maya", "melania", "mette",
	"michelle", "mia", "monica", "nadia", "nancy", "natalia", "natalie", "nicola", "nikki", "nina", "noura", "oksana", "olena", "olga", "olivia", "pamela", "patricia", "paula", "petra", "rachel", "rebecca",
	"roberta", "rosa", "ruth", "sahra", "samantha", "sandra", "sanna", "sara", "sarah", "shirin", "simone", "sofia", "sophia", "sophie", "stefanie", "susan", "suzanne", "svetlana", "tanja", "tatiana", "teresa",
	"theresa", "tulsi", "ulrike", "ursula", "valentina", "valerie", "vanessa", "vera", "victoria", "viktoria", "yulia", "yuliia", "yuliya", "zainab", "zuzana", "kristi", "kirsti", "ingrida", "evika", "mona",
	"yvette", "pam", "kristen", "marjorie", "elise", "karoline", "tammy", "xiomara", "mia", "amira", "rania", "hend", "lina",
)

// surnameGender reads a gender from Slavic and Baltic surname endings,
// which mark it ("Zakharova", "Novotná", "Zielińska" are women; "Lavrov",
// "Zieliński" men). Others are unknown.
func surnameGender(name string) gender {
	f := strings.Fields(strings.ToLower(name))
	if len(f) < 2 {
		return genderUnknown
	}
	last := f[len(f)-1]
	for _, suf := range []string{"ova", "eva", "ová", "ská", "cká", "ska", "cka", "ienė", "aitė", "ytė", "yte", "aite", "iene"} {
		if strings.HasSuffix(last, suf) && len(last) > len(suf)+2 {
			return genderFemale
		}
	}
	for _, suf := range []string{"ov", "ev", "ski", "sky", "ský", "cki", "ckyi", "skyi"} {
		if strings.HasSuffix(last, suf) && len(last) > len(suf)+2 {
			return genderMale
		}
	}
	return genderUnknown
}

// documentHeads are texts whose author a phrase may name ("a statement from
// the ministry", "a Kremlin statement").
var documentHeads = set("statement", "statements", "communique", "communiqué", "declaration", "letter", "memo",
	"memorandum", "post", "tweet", "readout", "release", "note", "filing", "bulletin", "notice", "transcript",
	"report", "reports", "poll", "polls", "survey", "surveys", "study", "analysis", "data", "figures", "estimate",
	"estimates", "records", "documents", "review", "tally", "count", "audit", "investigation", "assessment")
