package commit

import "strings"

// Word lists of English commitment language. Data, not rules about any
// article: extend freely.

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// verbTrigger is a verb that carries a commitment by itself.
type verbTrigger struct {
	lemma    string
	negative bool
	toInf    bool // takes "to VB" ("pledged to send")
	object   bool // takes an object ("pledged €650 million", "backed the plan", "ruled out a moratorium")
	gerund   bool // takes a gerund ("ruled out sending")
	thatCl   bool // takes "that CLAUSE" ("vowed that his government would …")
}

var verbTriggers = func() map[string]verbTrigger {
	m := map[string]verbTrigger{}
	add := func(t verbTrigger, forms ...string) {
		for _, f := range forms {
			m[f] = t
		}
	}
	add(verbTrigger{lemma: "pledge", toInf: true, object: true, thatCl: true}, "pledged", "pledges", "pledge", "pledging")
	add(verbTrigger{lemma: "promise", toInf: true, object: true, thatCl: true}, "promised", "promises", "promise", "promising")
	add(verbTrigger{lemma: "vow", toInf: true, object: true, thatCl: true}, "vowed", "vows", "vow", "vowing")
	add(verbTrigger{lemma: "offer", toInf: true, object: true}, "offered", "offers", "offer", "offering")
	add(verbTrigger{lemma: "agree", toInf: true, thatCl: true}, "agreed", "agrees", "agree", "agreeing")
	add(verbTrigger{lemma: "commit", toInf: true, object: true}, "committed", "commits", "commit", "committing")
	add(verbTrigger{lemma: "undertake", toInf: true}, "undertook", "undertakes", "undertake", "undertaken")
	add(verbTrigger{lemma: "volunteer", toInf: true}, "volunteered", "volunteers")
	add(verbTrigger{lemma: "vote", toInf: true}, "voted", "votes")
	add(verbTrigger{lemma: "decide", toInf: true}, "decided", "decides")
	add(verbTrigger{lemma: "intend", toInf: true}, "intends", "intended")
	add(verbTrigger{lemma: "plan", toInf: true}, "plans", "planned")
	add(verbTrigger{lemma: "threaten", toInf: true}, "threatened", "threatens")
	add(verbTrigger{lemma: "guarantee", toInf: true, object: true, thatCl: true}, "guaranteed", "guarantees")
	add(verbTrigger{lemma: "back", object: true}, "backed", "backs", "backing")
	add(verbTrigger{lemma: "endorse", object: true}, "endorsed", "endorses")
	add(verbTrigger{lemma: "refuse", negative: true, toInf: true}, "refused", "refuses", "refusing")
	add(verbTrigger{lemma: "decline", negative: true, toInf: true}, "declined", "declines")
	add(verbTrigger{lemma: "reject", negative: true, object: true}, "rejected", "rejects", "rejecting")
	add(verbTrigger{lemma: "rule out", negative: true, object: true, gerund: true}, "ruled", "rules", "ruling")
	return m
}()

// readiness adjectives: "is ready to", "was prepared to", "stands ready to".
var readiness = set("ready", "prepared", "willing", "determined", "committed", "eager", "poised")

// futureModals carry a commitment in reported speech and quotes.
var futureModals = set("will", "would", "could", "shall", "'ll", "wo", "won", "wouldn", "couldn")

// modalBase maps contracted forms to the modal as written.
var modalBase = map[string]string{"wo": "will", "won": "will", "wouldn": "would", "couldn": "could", "'ll": "will"}

// nonVolitional verbs describe outcomes, states or predictions, not acts an
// actor commits to ("would fail", "will see", "could struggle").
var nonVolitional = set("be", "become", "achieve", "find", "happen", "see", "have", "know", "need", "want",
	"struggle", "fail", "succeed", "seem", "remain", "face", "expect", "hope", "like", "love", "mean", "depend",
	"cost", "get", "lose", "win", "suffer", "look", "appear", "prove", "turn", "mark", "come", "go", "feel",
	"think", "believe", "include", "involve", "require", "last", "say", "comment", "discuss", "confirm",
	"elaborate", "specify", "disclose", "reveal", "name", "answer", "respond", "wait", "rely", "matter",
	"end", "begin", "start", "welcome", "weigh", "study", "tell", "talk", "guess", "bet",
	"decide", "like", "prefer", "wish", "die", "fall", "rise", "grow", "collapse", "survive")

// aspectual verbs mean nothing without an object ("we will not stop now").
var aspectual = set("stop", "continue", "start", "begin", "cease", "keep", "resume", "persist", "carry", "go", "quit", "give", "back", "move", "act", "work", "do", "try")

// hedges between a modal and its verb make it a prediction ("would likely involve").
var hedges = set("likely", "probably", "possibly", "perhaps", "maybe", "unlikely", "eventually", "ultimately")

// conditionMarkers open a condition ("if a ceasefire is reached").
var conditionMarkers = []string{"for as long as", "only if", "if", "unless", "once", "as long as", "so long as", "provided that", "providing that",
	"provided", "in the event of", "in the event that", "on condition that", "on the condition that", "subject to",
	"in case of", "until", "as soon as", "in exchange for", "in return for"}

// communicative nouns: what one rejects without refusing an act ("rejected
// any suggestion that …").
var communicative = set("suggestion", "suggestions", "claim", "claims", "accusation", "accusations", "report", "reports",
	"allegation", "allegations", "idea", "notion", "criticism", "criticisms", "charge", "charges", "assertion",
	"characterisation", "characterization", "comparison", "comparisons", "speculation", "rumours", "rumors", "view",
	"argument", "arguments", "premise", "narrative", "description", "label", "interpretation")

// units count what is sent or given ("5,000 troops", "50,000 tonnes").
var units = set("troops", "soldiers", "officers", "police", "personnel", "tonnes", "tons", "jets", "aircraft",
	"tanks", "missiles", "batteries", "drones", "ships", "vessels", "frigates", "minehunters", "engineers",
	"trainers", "doctors", "medics", "experts", "specialists", "peacekeepers", "staff", "inspectors", "vehicles",
	"helicopters", "rounds", "shells", "units", "systems", "doses", "beds", "homes", "houses", "places", "refugees",
	"guns", "rifles", "howitzers", "launchers", "interceptors", "fighters", "warships", "barrels", "megawatts",
	"gigawatts", "hectares", "kilometres", "kilometers", "miles", "people", "migrants", "students", "scholarships", "visas",
	"police officers", "officials", "observers", "monitors", "advisers", "advisors", "instructors", "firefighters", "workers")

// currencies written as words after a number.
var currencyWords = set("euros", "euro", "dollars", "dollar", "pounds", "pound", "kroner", "krone", "kronor", "krona",
	"yen", "yuan", "renminbi", "rupees", "rupee", "francs", "franc", "roubles", "rubles", "hryvnias", "hryvnia",
	"zloty", "zlotys", "shekels", "dinars", "riyals", "dirhams", "lira", "liras", "won", "pesos", "rand", "reais",
	"naira", "shillings", "ringgit", "baht", "rupiah", "forints", "lei", "leva", "koruna", "crowns")

// stateHeads stand for the speaker's state in reported speech ("the
// government would meet its targets").
var stateHeads = set("government", "administration", "country", "nation", "state", "cabinet", "authorities", "kingdom", "republic")

func lower(s string) string { return strings.ToLower(s) }

// personalVerbs are a person's own movements and plans: "she would travel
// to …" commits her, not her state.
var personalVerbs = set("travel", "visit", "return", "go", "attend", "meet", "resign", "step", "run", "stand",
	"fly", "come", "leave", "retire", "speak", "address", "testify", "appear", "join", "stay", "remain", "write")

// embedding verbs and adjectives of evidence or attitude: a clause under
// them ("the vote showed that …", "it was unclear whether …") is not the
// speaker's commitment.
var embedding = set("showed", "shows", "show", "shown", "means", "meant", "suggests", "suggested", "indicates",
	"indicated", "proves", "proved", "demonstrates", "demonstrated", "signals", "signalled", "signaled", "hoped",
	"hopes", "hope", "believes", "believed", "believe", "thinks", "thought", "think", "feared", "fears", "fear",
	"expects", "expected", "doubted", "doubts", "doubt", "clear", "unclear", "possible", "impossible", "likely",
	"unlikely", "certain", "uncertain", "sure", "hopeful", "confident", "worried", "concerned", "afraid",
	"reported", "reports", "rumoured", "rumored", "alleged", "claims", "claimed", "assumed", "assumes", "suspected")

// ownForces are what a state does with its own forces, so that "British
// troops could be deployed" is Britain deploying them.
var ownForces = set("deploy", "send", "station", "dispatch", "post", "position", "withdraw", "move", "mobilise",
	"mobilize", "rotate", "assign", "base", "redeploy", "pull")

// officeWords make a title a public office (see holdsOffice).
var officeWords = set("minister", "secretary", "president", "chancellor", "premier", "spokesman", "spokeswoman",
	"spokesperson", "ambassador", "envoy", "commissioner", "official", "governor", "senator", "representative",
	"undersecretary", "under-secretary", "deputy", "negotiator", "taoiseach", "tánaiste", "tanaiste", "diplomat",
	"attaché", "attache", "consul", "mayor", "king", "queen", "emir", "sultan", "prime")

// deliberative verbs after a modal commit to weighing an act: "would
// consider sanctioning …" (modality "would consider").
var deliberative = set("consider", "explore", "examine")

// opinionNouns are what one agrees on without undertaking anything ("agreed
// on the need for …").
var opinionNouns = set("diagnosis", "assessment", "analysis", "need", "view", "views", "importance", "principle",
	"principles", "goal", "goals", "urgency", "threat", "risk", "risks", "problem", "cause", "causes", "facts", "findings")

// timeWords after "until" make a time, not a condition ("until April").
var timeWords = set("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "end",
	"next", "then", "now", "further", "last", "early", "mid", "late", "spring", "summer", "autumn", "fall", "winter",
	"tomorrow", "today", "tonight", "year", "weekend", "beginning", "start", "middle")

// nounLike are -s words that follow a name as a plural noun, not a verb
// ("Ukraine and Moldova citizens").
var nounLike = set("forces", "troops", "officials", "leaders", "citizens", "ministers", "governments", "authorities",
	"delegations", "diplomats", "soldiers", "partners", "allies", "members", "states", "countries", "companies", "banks",
	"officers", "personnel", "units", "vessels", "ships", "jets", "funds", "goods", "supplies", "exports", "imports",
	"as", "is", "was", "has", "its", "this", "thus", "news", "plus", "always", "perhaps", "towards")

// officialNouns head plural phrases for the officials of a body ("EU
// foreign ministers agreed …"), which then acts.
var officialNouns = set("ministers", "leaders", "officials", "diplomats", "envoys", "negotiators", "ambassadors",
	"governments", "members", "representatives", "delegates", "commissioners", "lawmakers", "legislators", "states")

// instrumentNouns are the money, aid and measures a state or body gives or
// takes, so that "the rest will follow" or "the bloc’s next package would
// target …" is its act.
var instrumentNouns = set("package", "packages", "plan", "programme", "program", "sanctions", "measures", "mission",
	"aid", "support", "funding", "funds", "money", "budget", "contribution", "offer", "grant", "grants", "loan", "loans",
	"tranche", "tranches", "rest", "remainder", "half", "balance", "payment", "payments", "deliveries", "shipments",
	"assistance", "equipment", "weapons", "round", "listings", "designations", "tariffs", "duties", "reinforcements")

// deliveryVerbs, said of money or aid, are its giver's act of providing it
// ("the rest will follow", "more aid will come").
var deliveryVerbs = set("follow", "come", "arrive", "flow")

// euInstitutions stand for the European Union when what they commit has no
// other subject (a passive, "the rest will follow").
var euInstitutions = set("european commission", "european council", "council of the european union",
	"council of the eu", "european parliament", "european external action service")
