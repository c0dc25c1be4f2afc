package main

// The name lists. Countries, capitals and international bodies are real;
// every person is invented from the first names and surnames of the pools.

// country is a sovereign state as articles name it.
type country struct {
	Name    string // "United Kingdom"
	The     bool   // written with "the" ("the United Kingdom")
	Adj     string // demonym adjective ("British")
	Capital string // used for the state ("London")
	Short   string // abbreviation used in text ("UK"), or ""
	Pool    string // name pool of its officials
	Head    string // title of the head of government ("Prime Minister")
}

var countries = []country{
	{"United States", true, "American", "Washington", "US", "anglo", "President"},
	{"United Kingdom", true, "British", "London", "UK", "anglo", "Prime Minister"},
	{"France", false, "French", "Paris", "", "romance", "President"},
	{"Germany", false, "German", "Berlin", "", "germanic", "Chancellor"},
	{"Italy", false, "Italian", "Rome", "", "romance", "Prime Minister"},
	{"Spain", false, "Spanish", "Madrid", "", "romance", "Prime Minister"},
	{"Poland", false, "Polish", "Warsaw", "", "slavic", "Prime Minister"},
	{"Ukraine", false, "Ukrainian", "Kyiv", "", "slavic", "President"},
	{"Russia", false, "Russian", "Moscow", "", "slavic", "President"},
	{"Belgium", false, "Belgian", "Brussels", "", "germanic", "Prime Minister"},
	{"Netherlands", true, "Dutch", "The Hague", "", "germanic", "Prime Minister"},
	{"Denmark", false, "Danish", "Copenhagen", "", "nordic", "Prime Minister"},
	{"Norway", false, "Norwegian", "Oslo", "", "nordic", "Prime Minister"},
	{"Sweden", false, "Swedish", "Stockholm", "", "nordic", "Prime Minister"},
	{"Finland", false, "Finnish", "Helsinki", "", "nordic", "Prime Minister"},
	{"Estonia", false, "Estonian", "Tallinn", "", "nordic", "Prime Minister"},
	{"Latvia", false, "Latvian", "Riga", "", "slavic", "Prime Minister"},
	{"Lithuania", false, "Lithuanian", "Vilnius", "", "slavic", "President"},
	{"Romania", false, "Romanian", "Bucharest", "", "romance", "President"},
	{"Bulgaria", false, "Bulgarian", "Sofia", "", "slavic", "Prime Minister"},
	{"Hungary", false, "Hungarian", "Budapest", "", "germanic", "Prime Minister"},
	{"Czech Republic", true, "Czech", "Prague", "", "slavic", "Prime Minister"},
	{"Croatia", false, "Croatian", "Zagreb", "", "slavic", "Prime Minister"},
	{"Greece", false, "Greek", "Athens", "", "romance", "Prime Minister"},
	{"Turkey", false, "Turkish", "Ankara", "", "turkic", "President"},
	{"Canada", false, "Canadian", "Ottawa", "", "anglo", "Prime Minister"},
	{"Japan", false, "Japanese", "Tokyo", "", "eastasian", "Prime Minister"},
	{"China", false, "Chinese", "Beijing", "", "eastasian", "Premier"},
	{"South Korea", false, "South Korean", "Seoul", "", "eastasian", "President"},
	{"India", false, "Indian", "New Delhi", "", "southasian", "Prime Minister"},
	{"Australia", false, "Australian", "Canberra", "", "anglo", "Prime Minister"},
	{"New Zealand", false, "New Zealand", "Wellington", "", "anglo", "Prime Minister"},
	{"Fiji", false, "Fijian", "Suva", "", "pacific", "Prime Minister"},
	{"Egypt", false, "Egyptian", "Cairo", "", "arabic", "President"},
	{"Saudi Arabia", false, "Saudi", "Riyadh", "", "arabic", "Crown Prince"},
	{"Qatar", false, "Qatari", "Doha", "", "arabic", "Emir"},
	{"Jordan", false, "Jordanian", "Amman", "", "arabic", "King"},
	{"Sudan", false, "Sudanese", "Khartoum", "", "arabic", "General"},
	{"Kenya", false, "Kenyan", "Nairobi", "", "african", "President"},
	{"Nigeria", false, "Nigerian", "Abuja", "", "african", "President"},
	{"South Africa", false, "South African", "Pretoria", "", "african", "President"},
	{"Ghana", false, "Ghanaian", "Accra", "", "african", "President"},
	{"Ethiopia", false, "Ethiopian", "Addis Ababa", "", "african", "Prime Minister"},
	{"Brazil", false, "Brazilian", "Brasília", "", "latin", "President"},
	{"Mexico", false, "Mexican", "Mexico City", "", "latin", "President"},
	{"Argentina", false, "Argentine", "Buenos Aires", "", "latin", "President"},
	{"Colombia", false, "Colombian", "Bogotá", "", "latin", "President"},
	{"Chile", false, "Chilean", "Santiago", "", "latin", "President"},
	{"Haiti", false, "Haitian", "Port-au-Prince", "", "latin", "Prime Minister"},
	{"Jamaica", false, "Jamaican", "Kingston", "", "anglo", "Prime Minister"},
}

// organization is an international body.
type organization struct {
	Name   string // "North Atlantic Treaty Organization" is written "NATO"
	Short  string // "NATO", "EU", or ""
	The    bool
	Head   string // title of its head ("Secretary-General")
	Seat   string // city of its headquarters
	Member string // "allies", "member states"
}

var organizations = []organization{
	{"NATO", "", false, "Secretary-General", "Brussels", "allies"},
	{"European Union", "EU", true, "foreign policy chief", "Brussels", "member states"},
	{"United Nations", "UN", true, "Secretary-General", "New York", "member states"},
	{"World Food Programme", "WFP", true, "executive director", "Rome", "donors"},
	{"African Union", "AU", true, "commission chairperson", "Addis Ababa", "member states"},
	{"Organization for Security and Co-operation in Europe", "OSCE", true, "Secretary General", "Vienna", "participating states"},
	{"International Atomic Energy Agency", "IAEA", true, "Director General", "Vienna", "member states"},
	{"World Bank", "", true, "president", "Washington", "shareholders"},
	{"International Monetary Fund", "IMF", true, "managing director", "Washington", "members"},
	{"International Committee of the Red Cross", "ICRC", true, "president", "Geneva", "delegations"},
	{"CARICOM", "", false, "Secretary-General", "Georgetown", "member states"},
	{"Pacific Islands Forum", "", true, "Secretary General", "Suva", "island leaders"},
	{"World Health Organization", "WHO", true, "Director-General", "Geneva", "member states"},
	{"UN refugee agency", "UNHCR", true, "High Commissioner", "Geneva", "donors"},
}

// Ministerial titles for a country's officials besides its head.
var ministers = []string{"Foreign Minister", "Defence Minister", "Finance Minister", "Trade Minister",
	"Interior Minister", "Development Minister", "Energy Minister", "Deputy Foreign Minister"}

// pool is a set of invented names in one naming tradition.
type pool struct {
	Male, Female, Surnames []string
}

var pools = map[string]pool{
	"anglo": {
		Male:     []string{"Owen", "Michael", "Daniel", "James", "Thomas", "Nathan", "Gareth", "Simon", "Peter", "Callum", "Liam", "Robert"},
		Female:   []string{"Sarah", "Rachel", "Helen", "Fiona", "Claire", "Emma", "Laura", "Megan", "Joanna", "Alison", "Kate", "Nicola"},
		Surnames: []string{"Pryce", "Hartigan", "Whitford", "Caldwell", "Ashby", "Merriman", "Thornton", "Pendry", "Calloway", "Birchall", "Stanton", "Holloway", "Fairbairn", "Redmond", "Langley", "Crossley"},
	},
	"romance": {
		Male:     []string{"Julien", "Marco", "Luca", "Pablo", "Andrea", "Étienne", "Nicolás", "Matteo", "Tiago", "Rafael", "Bruno", "Hugo"},
		Female:   []string{"Claire", "Lucia", "Elena", "Chiara", "Inès", "Marta", "Giulia", "Sofía", "Camille", "Ioana", "Beatriz", "Amélie"},
		Surnames: []string{"Moreau", "Lefebvre", "Rinaldi", "Castillo", "Ferreira", "Marchetti", "Dumont", "Vidal", "Popescu", "Serrano", "Lombardi", "Garnier", "Ionescu", "Navarro", "Costa", "Bellamy"},
	},
	"germanic": {
		Male:     []string{"Jens", "Matthias", "Stefan", "Lukas", "Pieter", "Jan", "Tobias", "Florian", "Bram", "Dirk", "Gábor", "Wouter"},
		Female:   []string{"Katrin", "Anja", "Sabine", "Lotte", "Annelies", "Miriam", "Eszter", "Ines", "Marieke", "Heike", "Julia", "Renate"},
		Surnames: []string{"Vollmer", "Brandt", "Keller", "Hoffmann", "de Vries", "Janssens", "Kovács", "Weber", "Van den Berg", "Lindner", "Peeters", "Scholz", "Richter", "Szabó", "Maes", "Albrecht"},
	},
	"nordic": {
		Male:     []string{"Eirik", "Anders", "Lars", "Mikkel", "Tarmo", "Henrik", "Jonas", "Sami", "Erik", "Rasmus", "Olav", "Kalle"},
		Female:   []string{"Ingrid", "Sigrid", "Kari", "Liisa", "Maja", "Astrid", "Hanna", "Freja", "Tiina", "Solveig", "Elin", "Kadri"},
		Surnames: []string{"Haugland", "Bjerregaard", "Lindqvist", "Solberg", "Kask", "Nyström", "Halvorsen", "Virtanen", "Dahl", "Tamm", "Eriksen", "Korhonen", "Berglund", "Rebane", "Mikkelsen", "Holm"},
	},
	"slavic": {
		Male:     []string{"Taras", "Pavel", "Tomasz", "Andriy", "Mirko", "Dmytro", "Jakub", "Anatoly", "Ivan", "Petr", "Marek", "Vytautas"},
		Female:   []string{"Oksana", "Marta", "Katarzyna", "Iryna", "Ivana", "Olena", "Agnieszka", "Petra", "Natalia", "Jana", "Rūta", "Milena"},
		Surnames: []string{"Lytvyn", "Kowalczyk", "Novak", "Horvat", "Grebnev", "Shevchuk", "Wiśniewski", "Dvořák", "Bondarenko", "Petrov", "Kazlauskas", "Zielińska", "Marković", "Kravets", "Sokolov", "Berzins"},
	},
	"turkic": {
		Male:     []string{"Kerem", "Murat", "Emre", "Burak", "Selim", "Orhan"},
		Female:   []string{"Elif", "Zeynep", "Ayşe", "Derya", "Selin", "Nilay"},
		Surnames: []string{"Aydın", "Yılmaz", "Demir", "Kaya", "Öztürk", "Çelik", "Arslan", "Doğan"},
	},
	"arabic": {
		Male:     []string{"Omar", "Khalid", "Tariq", "Youssef", "Karim", "Hassan", "Faisal", "Samir"},
		Female:   []string{"Layla", "Rania", "Huda", "Nadia", "Salma", "Dalia", "Amira", "Noor"},
		Surnames: []string{"Rahal", "Haddad", "Mansour", "Al-Khatib", "Nasser", "Saleh", "El-Sayed", "Al-Amin", "Farouk", "Qasim"},
	},
	"eastasian": {
		Male:     []string{"Wei", "Haruto", "Jun", "Min-jun", "Kenji", "Hao", "Takumi", "Sung-ho"},
		Female:   []string{"Mei", "Yuki", "Ji-woo", "Lin", "Aiko", "Xiu", "Hana", "Seo-yeon"},
		Surnames: []string{"Zhao", "Chen", "Tanaka", "Park", "Liu", "Sato", "Kim", "Watanabe", "Huang", "Choi"},
	},
	"southasian": {
		Male:     []string{"Arjun", "Rohan", "Vikram", "Sanjay", "Anil", "Rahul"},
		Female:   []string{"Priya", "Ananya", "Kavita", "Meera", "Sunita", "Divya"},
		Surnames: []string{"Sharma", "Iyer", "Menon", "Kapoor", "Reddy", "Banerjee", "Nair", "Joshi"},
	},
	"african": {
		Male:     []string{"Kwame", "Tunde", "Samuel", "Tendai", "Abebe", "Kofi", "Emeka", "Joseph"},
		Female:   []string{"Amina", "Wanjiru", "Ngozi", "Thandi", "Adaeze", "Akosua", "Halima", "Mercy"},
		Surnames: []string{"Kiprono", "Okafor", "Mensah", "Ndlovu", "Otieno", "Adeyemi", "Tesfaye", "Boateng", "Mwangi", "Dlamini"},
	},
	"latin": {
		Male:     []string{"Diego", "João", "Mateo", "Andrés", "Jean-Claude", "Felipe", "Ricardo", "Tomás"},
		Female:   []string{"Camila", "Valentina", "Mariana", "Isabela", "Daniela", "Guadalupe", "Nadège", "Lucía"},
		Surnames: []string{"Oliveira", "Ramírez", "Fuentes", "Herrera", "Pierre-Louis", "Mendoza", "Santos", "Vargas", "Etienne", "Aguilar"},
	},
	"pacific": {
		Male:     []string{"Josefa", "Semi", "Tevita", "Ratu", "Sione"},
		Female:   []string{"Litia", "Mere", "Ana", "Salote", "Losana"},
		Surnames: []string{"Talaka", "Raduva", "Waqa", "Tuilagi", "Naivalu", "Vosa"},
	},
}

// Photographers' names for captions.
var photographers = []string{"Kari Lunde", "Deniz Kaplan", "Marco Rinaldi", "Aisha Bello", "Tom Hewitt",
	"Léa Fournier", "Piotr Nowak", "Yuki Sato", "Ana Lima", "Samuel Otieno"}

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// topic is what an article is about: who gathers where, what is pledged to
// whom, what is refused, under which conditions, and what is said.
type topic struct {
	Name       string
	Targets    []string // countries that receive (names in countries)
	Adversary  string   // country the measures are about, or ""
	Orgs       []string // bodies that convene (names in organizations)
	Event      []string // "a summit", "talks", … (with article)
	Purpose    []string // "to firm up security guarantees for {target}"
	Actions    []action // pledgeable things
	Refusals   []string // base-form verb phrases refused ("send troops")
	Conditions []string // "if a ceasefire is reached with {adversary}"
	Quotes     []string // direct speech, first person ("We will …")
	Background []string // narration with no speech
	Reasons    []string // "arguing that …" clauses (without "that")
}

// action is something an actor commits to; {amount} is filled from Amount.
type action struct {
	Verb   string // base-form verb phrase with {amount}, {target}, {city}
	Amount string // "troops", "money", "units", "" for none
}

var topics = []topic{
	{
		Name: "security guarantees", Targets: []string{"Ukraine"}, Adversary: "Russia",
		Orgs:    []string{"NATO", "European Union"},
		Event:   []string{"a summit of the so-called coalition of the willing", "a meeting of defence ministers", "talks on post-war security guarantees"},
		Purpose: []string{"to firm up post-war security guarantees for {target}", "to agree on the shape of a multinational force for {target}", "to coordinate support for {target}"},
		Actions: []action{
			{"deploy {amount} to {target}", "troops"}, {"lead a truce monitoring mission", ""},
			{"send {amount} of military aid to {target}", "money"}, {"establish military hubs across {target}", ""},
			{"supply {amount} air defence systems to {target}", "units"}, {"train {amount} {targetadj} soldiers", "people"},
			{"contribute {amount} to a multinational force", "troops"}, {"provide naval support in the Black Sea", ""},
			{"fund the reconstruction of {targetadj} power plants with {amount}", "money"},
		},
		Refusals:   []string{"send troops to {target}", "join a multinational force", "take part in the monitoring mission", "supply long-range missiles"},
		Conditions: []string{"if a ceasefire is reached with {adversary}", "once a peace deal is signed", "as long as the truce holds", "if parliament approves the deployment", "only if {adversary} withdraws its forces"},
		Quotes: []string{
			"We will certainly have to make compromises, but we will not abandon {target}",
			"These are not just words. There is concrete content on the table",
			"The message to {adversary} is simple: this coalition is here to stay",
			"Security guarantees are only as strong as the forces behind them",
			"We are ready to do our part, and we expect others to do theirs",
			"Nobody should doubt our determination to stand with {target}",
			"The hardest yards are still ahead of us",
		},
		Background: []string{
			"{adversary} launched a full-scale invasion of {target} in 2022 and occupies about a fifth of its territory.",
			"{adversary} has given no indication it would accept a settlement backed by foreign troops.",
			"Diplomatic efforts to end the war have intensified in recent months.",
		},
		Reasons: []string{"the deployment could be seen as an escalation", "its armed forces were already stretched", "any mission needed a United Nations mandate"},
	},
	{
		Name: "Baltic air defence", Targets: []string{"Estonia", "Latvia", "Lithuania"}, Adversary: "Russia",
		Orgs:    []string{"NATO"},
		Event:   []string{"a meeting of NATO defence ministers", "an emergency meeting of the alliance", "a regional security conference"},
		Purpose: []string{"to respond to a series of drone incursions", "to strengthen air defences on the alliance's eastern flank"},
		Actions: []action{
			{"send {amount} ground-based air defence units to {target}", "units"}, {"station a radar unit in {target}", ""},
			{"deploy {amount} to {target} by the end of the spring", "troops"}, {"rotate additional fighter jets through bases in {target}", ""},
			{"offer {amount} to help the Baltic states buy interceptor missiles", "money"}, {"extend the air policing mission over the Baltic region", ""},
		},
		Refusals:   []string{"send troops or equipment to the Baltic states", "commit fighter jets", "increase its contribution this year"},
		Conditions: []string{"if the incursions continued", "if its parliament agreed", "once the new batteries were delivered", "unless the alliance asked for more"},
		Quotes: []string{
			"We are not going to wait for the next drone to hit a school or a power station",
			"This airspace is defended, and everyone should understand that",
			"Our soldiers will stand next to yours for as long as our allies need us",
			"Every time the response has been a statement and a shrug. That stops now",
		},
		Background: []string{
			"Unarmed drones crossed into Estonian and Latvian airspace three times in February.",
			"{adversary} has said the drones were not its own and accused the Baltic governments of staging provocations.",
		},
		Reasons: []string{"the alliance should avoid steps that could be seen as escalation", "its own air defences were needed at home"},
	},
	{
		Name: "humanitarian aid", Targets: []string{"Sudan", "Haiti", "Ethiopia"},
		Orgs:    []string{"United Nations", "World Food Programme", "International Committee of the Red Cross"},
		Event:   []string{"a humanitarian pledging conference", "a donors' conference", "an emergency session on the humanitarian crisis"},
		Purpose: []string{"to raise funds for the humanitarian response in {target}", "to prevent famine in {target}"},
		Actions: []action{
			{"provide {amount} in humanitarian aid to {target}", "money"}, {"send {amount} of food aid", "tonnes"},
			{"fund field hospitals in {target}", ""}, {"contribute {amount} to the emergency appeal", "money"},
			{"open a humanitarian corridor to {city}", ""}, {"resettle {amount} refugees", "people"},
		},
		Refusals:   []string{"build new camps", "increase its funding this year", "send aid through government channels"},
		Conditions: []string{"once a humanitarian truce is agreed", "unless new funding arrived", "if aid workers are given safe access", "as long as the money reaches civilians"},
		Quotes: []string{
			"It was a start, and it must not be the end",
			"Every week of delay costs lives",
			"We have the trucks and the food. What we do not have is access",
			"Pledges do not feed anyone until they are paid",
		},
		Background: []string{
			"The United Nations says more than half of the population needs humanitarian assistance.",
			"Aid agencies have warned that funding covers less than a third of what is needed.",
		},
		Reasons: []string{"the money would not reach civilians", "earlier pledges had not been spent"},
	},
	{
		Name: "grain corridor", Targets: []string{"Ukraine"}, Adversary: "Russia",
		Orgs:    []string{"United Nations"},
		Event:   []string{"a second round of talks on Black Sea shipping", "talks on a grain corridor"},
		Purpose: []string{"to reopen shipping lanes for grain exports", "to agree on the inspection of merchant ships"},
		Actions: []action{
			{"escort merchant ships carrying grain from {targetadj} ports", ""}, {"open a coordination centre in {city}", ""},
			{"send {amount} minehunters to a joint demining mission", "ships"}, {"accept {targetadj} escorts", ""},
			{"respect the safety of civilian shipping", ""},
		},
		Refusals:   []string{"accept inspectors from the country that attacks us", "allow inspections of {targetadj} ports", "lift the blockade"},
		Conditions: []string{"if a partial truce at sea holds", "once a deal is signed", "as long as these ships carry grain and not weapons", "if both sides asked"},
		Quotes: []string{
			"We have kept this sea open in the worst of times, and we will not stop now",
			"Escorts are not a substitute for a political decision",
			"Without that, there is nothing to discuss",
			"Nothing about that is easy for a country whose ports are hit by missiles every week",
		},
		Background: []string{"Grain exports through the Black Sea have fallen sharply since the summer.", "Insurance premiums for ships calling at {targetadj} ports have tripled."},
		Reasons:    []string{"the arrangement did not give its officials the right to inspect cargo", "sanctions on a state agricultural bank remained in place"},
	},
	{
		Name: "climate fund", Targets: []string{"Fiji"},
		Orgs:    []string{"Pacific Islands Forum", "World Bank"},
		Event:   []string{"the Pacific Islands Forum leaders' meeting", "a regional climate summit"},
		Purpose: []string{"to launch a regional climate resilience fund", "to discuss rising sea levels"},
		Actions: []action{
			{"contribute {amount} to the climate resilience fund", "money"}, {"fund sea walls in {target}", ""},
			{"host the fund's secretariat in {city}", ""}, {"provide {amount} for disaster preparedness", "money"},
		},
		Refusals:   []string{"agree to a moratorium on new coal mines", "phase out fossil fuel subsidies this decade"},
		Conditions: []string{"once the fund's governance rules were finalised", "if other donors matched its contribution"},
		Quotes: []string{
			"For us this is not a debate about the future. The water is already in our villages",
			"We stand with the Pacific",
			"A fund without money is a press release",
		},
		Background: []string{"Several low-lying island states have warned that rising seas threaten their existence."},
		Reasons:    []string{"its economy still depended on coal exports", "the timetable was unrealistic"},
	},
	{
		Name: "trade", Targets: []string{"China"},
		Orgs:    []string{"European Union"},
		Event:   []string{"talks on rare earths and electric vehicle tariffs", "a trade dialogue"},
		Purpose: []string{"to ease a dispute over export controls", "to negotiate minimum prices for electric vehicles"},
		Actions: []action{
			{"remove tariffs on electric vehicles", ""}, {"lift export controls on rare earths", ""},
			{"open talks on a minimum-price deal", ""}, {"buy {amount} of European aircraft", "money"},
		},
		Refusals:   []string{"lift the export controls", "accept the minimum-price offer", "drop its anti-subsidy investigation"},
		Conditions: []string{"if the European side removes the tariffs", "only if {target} accepted on-site checks", "once an agreement is reached"},
		Quotes: []string{
			"We want a deal as quickly as possible, but not at any price",
			"De-risking is not decoupling",
			"We have no intention of walking away",
		},
		Background: []string{"Trade between the two sides reached a record last year."},
		Reasons:    []string{"the measures were needed for national security", "the offer did not address overcapacity"},
	},
	{
		Name: "Haiti security force", Targets: []string{"Haiti"},
		Orgs:    []string{"United Nations", "CARICOM"},
		Event:   []string{"a United Nations Security Council meeting", "a CARICOM summit"},
		Purpose: []string{"to authorise a new security force for {target}", "to fund the fight against armed gangs"},
		Actions: []action{
			{"send {amount} police officers to {target}", "people"}, {"provide {amount} for the force", "money"},
			{"lead the multinational security mission", ""}, {"train {targetadj} police", ""},
		},
		Refusals:   []string{"send American troops", "send troops", "leave {target} before the job is done"},
		Conditions: []string{"as long as the money is there", "once the force reached full strength", "if the Security Council authorised it"},
		Quotes: []string{
			"Help is coming, and it will stay",
			"We will not leave before the job is done",
			"The people of {target} have waited long enough",
		},
		Background: []string{"Armed gangs control most of the capital.", "More than a million people have been displaced by the violence."},
		Reasons:    []string{"the mission lacked a clear mandate", "its forces were committed elsewhere"},
	},
}
