package commit

import "strings"

// irregular maps inflected forms of common irregular verbs to their base.
var irregular = map[string]string{
	"sent": "send", "sending": "send", "gave": "give", "given": "give", "giving": "give", "made": "make",
	"making": "make", "took": "take", "taken": "take", "taking": "take", "built": "build", "kept": "keep",
	"held": "hold", "led": "lead", "leading": "lead", "paid": "pay", "bought": "buy", "sold": "sell", "brought": "bring",
	"put": "put", "putting": "put", "set": "set", "setting": "set", "met": "meet", "left": "leave", "leaving": "leave",
	"spent": "spend", "lent": "lend", "won": "win", "told": "tell", "said": "say", "went": "go", "gone": "go",
	"done": "do", "did": "do", "began": "begin", "begun": "begin", "got": "get", "stood": "stand", "withdrew": "withdraw",
	"withdrawn": "withdraw", "undertook": "undertake", "undertaken": "undertake", "chosen": "choose", "chose": "choose",
	"drawn": "draw", "drew": "draw", "shot": "shoot", "fought": "fight", "sought": "seek", "thrown": "throw",
	"having": "have", "had": "have", "has": "have", "is": "be", "are": "be", "was": "be", "were": "be", "being": "be",
	"been": "be", "cut": "cut", "cutting": "cut", "shut": "shut", "split": "split", "hit": "hit", "let": "let",
	"setting up": "set up", "ruled": "rule", "lifted": "lift", "opened": "open", "processed": "process",
	"planning": "plan", "stopping": "stop", "shipping": "ship", "committing": "commit", "admitting": "admit",
	"equipped": "equip", "equipping": "equip", "supplied": "supply", "supplying": "supply", "deployed": "deploy",
	"deploying": "deploy", "funded": "fund", "funding": "fund",
}

// eVerbs are verbs whose base ends in a silent e that -ing/-ed drop.
var eVerbs = set("provide", "make", "take", "give", "raise", "leave", "move", "close", "use", "serve", "continue",
	"increase", "reduce", "produce", "ensure", "secure", "release", "replace", "host", "share", "create",
	"introduce", "impose", "finance", "balance", "decrease", "receive", "achieve", "guarantee", "issue",
	"rescue", "source", "license", "licence", "complete", "locate", "relocate", "purchase", "involve", "resolve",
	"accommodate", "facilitate", "coordinate", "operate", "cooperate", "participate", "evacuate", "negotiate",
	"dedicate", "allocate", "contribute", "distribute", "store", "restore", "rebuild", "supervise", "organise",
	"organize", "mobilise", "mobilize", "stabilise", "stabilize", "finalise", "finalize", "prioritise",
	"prioritize", "authorise", "authorize", "recognise", "recognize", "criticise", "criticize", "emphasise",
	"emphasize", "exercise", "advise", "revise", "devise", "promise", "pledge", "oblige", "manage", "engage",
	"arrange", "charge", "merge", "urge", "judge", "change", "exchange", "stage", "welcome", "come", "become",
	"scale", "handle", "settle", "tackle", "enable", "double", "triple", "gauge", "hire", "fire", "acquire",
	"require", "retire", "explore", "ignore", "restore", "vote", "note", "promote", "devote", "invite",
	"unite", "write", "cite", "sanction", "escalate", "terminate", "eliminate", "dominate", "accelerate",
	"generate", "investigate", "regulate", "liberate", "celebrate", "compensate", "indicate", "integrate",
	"isolate", "mitigate", "monitore", "observe", "preserve", "reserve", "deserve", "solve", "dissolve", "approve",
	"improve", "remove", "prove", "starve", "shape", "escape", "cease", "lease", "please", "ease", "tease",
	"chase", "base", "phase", "raise", "praise", "pose", "propose", "oppose", "expose", "dispose", "compose",
	"choose", "lose", "refuse", "excuse", "abuse", "confuse", "accuse", "diffuse", "fuse", "muse", "cause",
	"pause", "trade", "invade", "persuade", "evade", "upgrade", "guide", "decide", "divide", "side", "ride",
	"hide", "reside", "abide", "preside", "collide", "include", "exclude", "conclude", "intrude", "like",
	"strike", "hike", "bake", "wake", "shake", "stake", "retake", "overtake", "undertake", "revoke", "invoke",
	"evoke", "provoke", "smoke", "joke", "define", "refine", "combine", "decline", "outline", "underline",
	"line", "mine", "shine", "dine", "fine", "determine", "examine", "undermine", "imagine", "save", "pave",
	"wave", "behave", "crave", "engrave", "live", "give", "forgive", "drive", "thrive", "arrive", "derive",
	"deprive", "revive", "strive", "survive", "receive", "deceive", "perceive", "conceive", "believe",
	"relieve", "grieve", "retrieve", "achieve", "sue", "pursue", "argue", "rule", "schedule", "enforce",
	"force", "reinforce", "divorce", "pierce", "announce", "pronounce", "renounce", "denounce", "bounce",
	"dance", "advance", "enhance", "finance", "commence", "influence", "experience", "silence", "sentence",
	"reduce", "induce", "deduce", "seduce", "replace", "place", "trace", "race", "face", "embrace", "space",
	"grace", "slice", "price", "sacrifice", "notice", "practice", "service", "voice", "choice", "juice",
	"police", "surface", "interface", "deface", "efface")

// Base returns the base form of an English verb form: irregulars from a
// table, -ing/-ed/-s stripped with the usual spelling rules.
func Base(w string) string {
	lw := strings.ToLower(w)
	if b, ok := irregular[lw]; ok {
		return b
	}
	for _, suf := range []string{"ing", "ed"} {
		if !strings.HasSuffix(lw, suf) || len(lw) <= len(suf)+2 {
			continue
		}
		stem := lw[:len(lw)-len(suf)]
		if eVerbs[stem+"e"] {
			return stem + "e"
		}
		if n := len(stem); n >= 3 && stem[n-1] == stem[n-2] && !strings.ContainsRune("lsz", rune(stem[n-1])) && !strings.ContainsRune("aeiou", rune(stem[n-1])) {
			return stem[:n-1] // "stopping" → "stop"
		}
		if suf == "ed" && strings.HasSuffix(stem, "i") {
			return stem[:len(stem)-1] + "y" // "supplied" → "supply"
		}
		if silentE(stem) {
			return stem + "e" // "disbursed" → "disburse", "issued" → "issue"
		}
		return stem
	}
	if strings.HasSuffix(lw, "ies") && len(lw) > 4 {
		return lw[:len(lw)-3] + "y"
	}
	if strings.HasSuffix(lw, "es") && len(lw) > 4 && (strings.HasSuffix(lw, "shes") || strings.HasSuffix(lw, "ches") || strings.HasSuffix(lw, "sses") || strings.HasSuffix(lw, "xes")) {
		return lw[:len(lw)-2]
	}
	if strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && len(lw) > 3 {
		return lw[:len(lw)-1]
	}
	return lw
}

// silentE reports whether a stem left by -ed/-ing ends in letters that no
// English verb ends in without a final e: a consonant and s ("disburs"),
// v, c, z, u, g after a vowel, or a consonant and "at" ("allocat").
func silentE(stem string) bool {
	n := len(stem)
	if n < 3 {
		return false
	}
	vowel := func(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }
	last, prev := stem[n-1], stem[n-2]
	switch {
	case last == 's' && prev != 's' && !vowel(prev):
		return true
	case last == 'v' || last == 'c' || last == 'z' || last == 'u':
		return true
	case last == 'g' && prev != 'n' && prev != 'g':
		return true
	case last == 't' && prev == 'a' && n >= 4 && !vowel(stem[n-3]):
		return true
	}
	return false
}
