package attribute

// Reporting verbs, by inflected form. Lists of English words, not of any
// article's wording: extend them freely.

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// clauseCues take a reported clause ("X said (that) …"). Finite and
// participial forms; base forms ("did not say") are not speech acts.
var clauseCues = set(
	"said", "says", "saying", "told", "tells", "telling", "added", "adds", "adding",
	"warned", "warns", "warning", "argued", "argues", "arguing", "insisted", "insists", "insisting",
	"noted", "notes", "noting", "stressed", "stresses", "stressing", "announced", "announces", "announcing",
	"claimed", "claims", "claiming", "confirmed", "confirms", "confirming", "acknowledged", "acknowledges",
	"acknowledging", "admitted", "admits", "admitting", "cautioned", "cautions", "cautioning",
	"explained", "explains", "explaining", "suggested", "suggests", "suggesting", "stated", "states",
	"declared", "declares", "declaring", "asserted", "asserts", "asserting", "maintained", "maintains",
	"reiterated", "reiterates", "reiterating", "emphasised", "emphasized", "emphasises", "emphasizes",
	"emphasising", "emphasizing", "underlined", "underlines", "underscored", "underscores", "predicted",
	"predicts", "estimated", "estimates", "reported", "reports", "replied", "replies", "responded",
	"responds", "answered", "wrote", "writes", "writing", "posted", "tweeted", "complained", "complains",
	"conceded", "concedes", "countered", "counters", "contended", "contends", "recalled", "recalls",
	"revealed", "reveals", "indicated", "indicates", "signalled", "signaled", "signals", "alleged", "alleges",
	"observed", "remarked", "vowed", "vows", "vowing", "pledged", "pledges", "promised", "promises",
	"promising", "assured", "assures", "assuring", "threatened", "threatens", "demanded", "demands",
	"urged", "urges", "hinted", "hints", "disclosed", "discloses", "informed", "informs", "briefed",
	"agreed", "agrees", "accepted", "denied", "denies", "denying", "believes", "believed", "thinks",
	"thought", "hopes", "hoped", "expects", "expected", "feared", "fears", "concluded", "concludes",
	"projected", "forecast", "forecasts", "boasted", "lamented", "protested", "objected", "proposed",
	"proposes", "recommended", "recommends", "specified", "clarified", "affirmed", "reaffirmed",
	"reaffirms", "guaranteed", "testified", "mentioned", "pointed",
	"say", "tell", "argue", "insist", "warn", "note", "claim", "acknowledge", "admit", "contend", "maintain", "stress",
	"predict", "estimate", "believe", "think", "agree", "deny", "confirm", "add", "explain", "suggest", "caution",
	"allege", "report", "write", "complain", "concede", "emphasise", "emphasize", "fear", "hope", "expect",
)

// baseCues are the base forms of common reporting verbs, cues only as a
// present tense with a plural subject ("analysts say", "they argue"); see
// presentPlural.
var baseCues = set("say", "tell", "argue", "insist", "warn", "note", "claim", "acknowledge", "admit", "contend",
	"maintain", "stress", "predict", "estimate", "believe", "think", "agree", "deny", "confirm", "add", "explain",
	"suggest", "caution", "allege", "report", "write", "complain", "concede", "emphasise", "emphasize", "fear", "hope", "expect")

// narrowClause are clause cues that need "that" before a clause of their
// own: without it, their object is a thing ("denied the report", "hopes
// for peace", "demanded a ceasefire").
var narrowClause = set(
	"denied", "denies", "denying", "believes", "believed", "thinks", "thought", "hopes", "hoped",
	"expects", "expected", "feared", "fears", "concluded", "concludes", "projected", "forecast",
	"forecasts", "lamented", "protested", "objected", "proposed", "proposes", "recommended", "recommends",
	"specified", "clarified", "affirmed", "reaffirmed", "reaffirms", "guaranteed", "testified",
	"mentioned", "pointed", "demanded", "demands", "urged", "urges", "threatened", "threatens",
	"agreed", "agrees", "accepted", "pledged", "pledges", "promised", "promises", "promising",
	"vowed", "vows", "vowing", "assured", "assures", "assuring", "informed", "informs", "briefed",
	"announced", "announces", "announcing", "reported", "reports", "estimated", "estimates",
	"predicted", "predicts", "indicated", "indicates", "signalled", "signaled", "signals", "hinted", "hints",
	"revealed", "reveals", "disclosed", "discloses", "states", "stated", "acknowledged", "acknowledges",
	"acknowledging", "admitted", "admits", "admitting", "confirmed", "confirms", "confirming",
	"suggested", "suggests", "suggesting", "noted", "notes", "noting", "recalled", "recalls",
	"observed", "remarked", "maintained", "maintains", "conceded", "concedes", "claimed", "claims", "claiming",
	"declared", "declares", "declaring", "explained", "explains", "explaining", "replied", "replies",
	"responded", "responds", "answered", "posted", "wrote", "writes", "writing", "complained", "complains",
	"tweeted", "countered", "counters", "contended", "contends", "alleged", "alleges",
	"note", "claim", "acknowledge", "admit", "contend", "maintain", "predict", "estimate", "believe", "think", "agree",
	"deny", "confirm", "explain", "suggest", "allege", "report", "write", "complain", "concede", "fear", "hope", "expect",
)

// quoteCues attribute an adjacent quote ("…,” she said / said Ekberg) but
// also take an object ("called the meeting “a milestone”").
var quoteCues = set(
	"said", "says", "told", "tells", "added", "adds", "asked", "asks", "warned", "warns", "argued", "insisted",
	"noted", "stressed", "announced", "claimed", "confirmed", "acknowledged", "admitted", "cautioned",
	"explained", "suggested", "declared", "asserted", "reiterated", "emphasised", "emphasized", "replied",
	"responded", "answered", "wrote", "writes", "posted", "tweeted", "complained", "conceded", "countered",
	"recalled", "observed", "remarked", "vowed", "pledged", "promised", "concluded",
	"joked", "quipped", "exclaimed", "shouted", "whispered", "pleaded", "urged", "demanded", "predicted",
	"told", "added", "says", "adding", "saying", "telling", "writing", "asking", "warning", "insisting",
	"noting", "stressing", "arguing", "explaining", "declaring",
	"say", "tell", "argue", "insist", "warn", "add", "note", "write",
)

// evaluativeCues take an object and a quoted characterisation or words
// ("called the meeting “a milestone”", "thanked the US “for its
// readiness”", "accused them of “staging provocations”").
var evaluativeCues = set(
	"called", "calls", "calling", "described", "describes", "describing", "dubbed", "termed", "labelled",
	"labeled", "branded", "hailed", "hails", "praised", "praises", "welcomed", "welcomes", "thanked",
	"thank", "thanks", "thanking", "accused", "accuses", "accusing", "criticised", "criticized", "condemned",
	"condemns", "denounced", "dismissed", "dismisses", "rejected", "rejects", "urged", "urges", "vowed",
	"promised", "pledged", "warned", "demanded", "blamed", "blames", "slammed", "decried", "lauded",
	"characterised", "characterized", "referred", "likened", "compared", "cited", "citing", "quoted",
	"invoked", "promising", "pledging", "vowing", "offered", "urging", "expressed", "voiced",
)

// prepositions that start an adverbial phrase between a cue and its clause
// ("said in a statement that", "told reporters on Tuesday that").
var cuePreps = set("in", "on", "at", "after", "during", "before", "from", "via", "through", "with", "late",
	"earlier", "later", "to", "outside", "following", "ahead", "by", "for", "over")

// audience nouns after "told" ("told reporters").
var audiences = set("reporters", "journalists", "lawmakers", "legislators", "parliament", "delegates",
	"supporters", "students", "listeners", "viewers", "diplomats", "colleagues", "officials", "crowds", "troops",
	"members", "senators", "mps", "congress", "media", "press", "broadcaster", "newspaper", "agency", "television",
	"radio", "audience", "him", "her", "them", "us", "me", "you")

// subordinators end a subject region to their left and open a new clause.
var subordinators = set("but", "while", "whereas", "although", "though", "because", "since", "as", "when",
	"if", "unless", "after", "before", "once", "where", "whether", "so", "yet", "until", "than")

// adverbialStarts open a leading adverbial phrase that is not a subject
// ("In Moscow, …", "Writing on Telegram, …", "According to …").
var adverbialStarts = set("in", "on", "at", "after", "before", "during", "from", "with", "without", "under",
	"following", "speaking", "writing", "asked", "addressing", "according", "amid", "despite", "for", "by",
	"earlier", "later", "meanwhile", "separately", "also", "however", "but", "and", "elsewhere", "instead", "since",
	"when", "while", "as", "if", "once", "unless", "until", "although", "though", "because", "over", "across",
	"through", "throughout", "within", "outside", "inside", "last", "this", "next", "on", "upon", "responding", "reacting",
	"referring", "commenting", "appearing", "visiting", "arriving", "announcing", "launching", "opening", "closing")
