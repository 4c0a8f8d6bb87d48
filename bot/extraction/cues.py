"""Word lists the rules read, kept as data: cue verbs, role nouns, qualifiers, troop nouns.

Everything here is general English news vocabulary, never text from a particular article.
"""

from __future__ import annotations

# Verbs (lemmas) that introduce speech or a claim: "X said", "X warned that", "X told reporters".
SPEECH_VERBS = frozenset(["say", "tell", "state", "announce", "report", "confirm", "warn", "note", "add", "claim", "inform", "acknowledge", "stress", "emphasize", "emphasise", "insist", "argue", "explain", "declare", "assert", "write", "suggest", "continue", "reiterate", "indicate", "mention", "reveal", "disclose", "observe", "remark", "comment", "caution", "predict", "tweet", "post", "conclude", "admit", "deny", "concede", "allege", "testify", "underline", "underscore", "highlight", "point", "respond", "reply", "answer", "describe", "characterize", "characterise", "call", "term", "dub", "label", "dismiss", "estimate", "believe", "assess", "brief", "announce", "agree", "complain", "urge", "quote", "echo", "recall", "affirm", "maintain", "contend", "repeat", "recount", "assure", "boast", "clarify", "specify", "praise", "thank", "hail", "commend", "vow", "pledge", "shout", "scream", "yell", "exclaim", "whisper", "mutter", "ask"])

# Verbs whose that-clause is reported speech (a narrower list: "documents indicate" is no quote).
REPORTING_VERBS = frozenset(["say", "tell", "state", "announce", "report", "confirm", "warn", "note", "add", "claim", "inform", "acknowledge", "stress", "emphasize", "emphasise", "insist", "argue", "explain", "declare", "assert", "write", "suggest", "reiterate", "indicate", "mention", "reveal", "disclose", "observe", "remark", "comment", "caution", "predict", "tweet", "post", "conclude", "admit", "concede", "allege", "testify", "underline", "underscore", "highlight", "respond", "reply", "estimate", "believe", "assess", "agree", "complain", "affirm", "maintain", "contend", "think", "fear", "recall", "remind", "quote", "repeat", "recount", "assure", "boast", "clarify", "specify"])

# Reporting verbs of thought: a clause nested under another report is the claim itself
# ("Yonhap said the NIS estimated that …"), the outer report adds no quote of its own.
COGNITIVE_VERBS = frozenset(["estimate", "believe", "assess", "think", "fear", "agree", "calculate", "reckon", "judge", "expect", "suspect"])

# Verbs that make the words of a short quote the subject's ("dismissed reports as 'fake news'").
NAMING_VERBS = frozenset(["describe", "characterize", "characterise", "call", "term", "dub", "label", "dismiss", "brand", "denounce", "slam", "condemn", "criticize", "criticise", "reject", "refer"])

# Verbs whose subject makes a numeric claim ("the Pentagon estimated", "intelligence suggests").
CLAIM_VERBS = SPEECH_VERBS | frozenset(["estimate", "believe", "assess", "suggest", "indicate", "show", "put", "think", "calculate", "count", "reckon", "find"])

# Nouns for sources that are not themselves a claimant ("the article says", "new intelligence").
GENERIC_SOURCES = frozenset(["article", "report", "reports", "publication", "document", "documents", "data", "intelligence", "information", "estimate", "estimates", "assessment", "assessments", "statement", "story", "piece", "outlet", "media", "evidence", "footage", "images", "image", "paper", "papers", "memo", "memos", "dossier", "files", "draft", "analysis", "briefing", "update", "updates", "bulletin", "bulletins", "readout", "summary"])

# Sources that are an organisation's papers: they speak for the body that wrote them
# ("according to a South Korean intelligence document", "the documents, compiled by HUR").
DOCUMENT_NOUNS = frozenset(["statement", "statements", "communique", "communiqué", "document", "documents", "assessment", "assessments", "estimate", "estimates", "paper", "papers", "memo", "memos", "dossier", "files", "report", "reports", "analysis", "briefing", "data", "update", "updates", "bulletin", "bulletins", "readout", "summary"])

# Verbs that make their agent the author of a document ("compiled by", "prepared by").
AUTHORING_VERBS = frozenset(["compile", "prepare", "produce", "write", "draft", "issue", "publish", "release", "author", "circulate", "submit"])

# Head nouns that can be a speaker even without a name ("Analysts said", "the sources said").
SPEAKER_NOUNS = frozenset(["official", "officials", "spokesperson", "spokesman", "spokeswoman", "spokespeople", "minister", "secretary", "president", "source", "sources", "analyst", "analysts", "expert", "experts", "media", "agency", "intelligence", "ministry", "government", "office", "military", "army", "service", "officer", "officers", "commander", "commanders", "lawmaker", "lawmakers", "diplomat", "diplomats", "ambassador", "envoy", "chief", "head", "leader", "leaders", "director", "general", "adviser", "advisor", "aide", "aides", "authorities", "authority", "administration", "people", "person", "observers", "observer", "correspondent", "reporter", "reporters", "journalist", "newspaper", "outlet", "publication", "delegation", "staff", "command", "directorate", "department", "prime", "premier", "chancellor", "king", "mayor", "governor", "senator", "legislator", "parliament", "spokesperson's", "cabinet", "presidency", "kremlin", "pentagon", "alliance", "bloc", "state", "department", "committee", "council", "mission", "embassy", "militaries", "forces", "force", "commission", "watchdog", "institute", "think-tank", "services", "agencies", "ministries", "governments", "diplomat", "diplomats", "residents", "resident", "witnesses", "witness", "defectors", "defector", "researchers", "researcher", "colonel", "captain", "lieutenant", "sergeant", "admiral", "general", "democrat", "republican", "soldiers", "prisoners", "servicemen", "pows", "captives", "villagers", "locals", "refugees", "volunteers", "medics", "operators", "fighters", "conscripts", "deserters", "veterans", "relatives", "woman", "man", "channel", "channels", "blogger", "bloggers", "milblogger", "milbloggers"])

# Role nouns that make a title ("NATO Secretary General Mark Rutte").
ROLE_NOUNS = frozenset(["president", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman", "chief", "head", "director", "general", "commander", "ambassador", "envoy", "official", "adviser", "advisor", "aide", "leader", "premier", "chancellor", "lawmaker", "senator", "legislator", "mep", "mp", "governor", "mayor", "king", "emperor", "chairman", "chairwoman", "chair", "deputy", "analyst", "expert", "officer", "spokespeople", "press", "diplomat", "representative", "correspondent", "prosecutor", "speaker", "rep", "rep.", "congressman", "congresswoman", "chairwoman", "colonel", "captain", "lieutenant", "sergeant", "admiral"])

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his"})
PRONOUNS_GROUP = frozenset({"they", "it", "its", "their", "them"})

# Nouns counting troops; the figure must count one of these (or a casualty word).
TROOP_NOUNS = frozenset(["troop", "troops", "soldier", "soldiers", "personnel", "serviceman", "servicemen", "servicemembers", "fighter", "fighters", "man", "men", "military", "militaries", "infantry", "infantrymen", "mercenary", "mercenaries", "recruit", "recruits", "conscript", "conscripts", "commando", "commandos", "paratrooper", "paratroopers", "marine", "marines", "sailor", "sailors", "officer", "officers", "volunteer", "volunteers", "reservist", "reservists", "force", "forces", "special-forces", "people", "crew", "crews", "staff", "operative", "operatives", "sniper", "snipers", "gunner", "gunners", "member", "members", "sapper", "sappers", "deminer", "deminers", "persons", "occupier", "occupiers", "invader", "invaders"])

# People counted as troops only when the text says they are military ("5,000 military
# builders", "army engineers", "military specialists"); "workers" never (not an estimate).
MILITARY_TRADES = frozenset(["builder", "builders", "engineer", "engineers", "specialist", "specialists", "instructor", "instructors", "adviser", "advisers", "advisor", "advisors", "technician", "technicians", "medic", "medics", "driver", "drivers", "pilot", "pilots", "doctor", "doctors", "cadet", "cadets", "trainee", "trainees", "expert", "experts", "labourer", "labourers", "laborer", "laborers", "police", "policemen", "guard", "guards", "worker", "workers"])

# Collective nouns: "a contingent of 3,000", "units, each numbering up to 6,000".
UNIT_NOUNS = frozenset(["unit", "units", "brigade", "brigades", "battalion", "battalions", "regiment", "regiments", "division", "divisions", "contingent", "contingents", "group", "groups", "corps", "company", "companies", "detachment", "detachments", "team", "teams", "formation", "formations", "force", "forces", "army", "armies", "deployment"])

CASUALTY_WORDS = {
    "killed": "killed", "dead": "killed", "died": "killed", "die": "killed", "kill": "killed",
    "fatalities": "killed", "deaths": "killed", "death": "killed",
    "wounded": "wounded", "injured": "wounded", "wound": "wounded", "injure": "wounded",
    "casualties": "casualties", "casualty": "casualties", "losses": "casualties",
    "loss": "casualties",
    "captured": "captured", "capture": "captured", "prisoner": "captured",
    "prisoners": "captured", "surrendered": "captured",
}

STATUS_TRAINING = frozenset(["train", "training", "trained", "prepare", "preparing", "prepared", "drill", "drilling", "acclimatisation", "acclimatization", "exercise", "exercises"])
STATUS_PLANNED = frozenset(["plan", "plans", "planned", "planning", "expect", "expected", "intend", "intends", "decide", "decided", "will", "would", "prepare_to", "pledge"])
STATUS_COMBAT = frozenset(["fight", "fighting", "combat", "battle", "battlefield", "frontline", "front", "assault", "attack", "attacking", "clash", "clashes", "engage", "engaged"])
STATUS_DEPLOYED = frozenset(["send", "sent", "deploy", "deployed", "dispatch", "dispatched", "transfer", "transferred", "arrive", "arrived", "station", "stationed", "move", "moved", "ship", "shipped", "present", "presence", "based"])

# Qualifier words before a figure, longest first when matched.
QUALIFIERS = (
    ("as many as", "up to"), ("up to", "up to"), ("no more than", "up to"),
    ("a maximum of", "up to"), ("at most", "up to"),
    ("at least", "at least"), ("no fewer than", "at least"), ("no less than", "at least"),
    ("a minimum of", "at least"),
    ("more than", "more than"), ("over", "more than"), ("upwards of", "more than"),
    ("in excess of", "more than"), ("above", "more than"), ("exceeding", "more than"),
    ("fewer than", "fewer than"), ("less than", "fewer than"), ("under", "fewer than"),
    ("below", "fewer than"),
    ("about", "about"), ("around", "about"), ("roughly", "about"), ("approximately", "about"),
    ("some", "about"), ("nearly", "about"), ("almost", "about"), ("an estimated", "about"),
    ("estimated", "about"), ("close to", "about"), ("approx.", "about"), ("circa", "about"),
    ("an approximate", "about"), ("just over", "more than"), ("just under", "fewer than"),
    ("closer to", "about"), ("in the range of", "about"), ("in the region of", "about"),
    ("on the order of", "about"), ("of the order of", "about"),
)

# Words after a figure that make it vague or approximate ("3,000 or so").
TRAILING_QUALIFIERS = (("or so", "about"), ("or more", "at least"), ("plus", "more than"))

SAID_WORDS = frozenset({"said", "says", "say", "saying"})

# Verbs that measure a force at a figure: "put the number at 12,000", "estimated it at".
MEASURE_VERBS = frozenset(["put", "place", "estimate", "peg", "number", "set", "assess", "count", "reckon", "calculate", "fix"])

# Nouns that stand for a force's size or losses: "put the number at", "the total has reached".
MEASURED_NOUNS = frozenset(["number", "numbers", "total", "figure", "figures", "toll", "count", "strength", "size", "tally", "contingent", "force", "deployment", "estimate"])

# Words a figure can count by reference to troops named before: "10,000 of them", "1,000 others".
ANAPHORIC_COUNTED = frozenset(["them", "those", "these", "whom", "others"])

# Subordinators of clauses whose figures nobody claims ("until their number grows to 50,000").
HYPOTHETICAL_MARKS = frozenset(["if", "until", "unless", "whether", "lest"])

# Ranks and honorifics in transcript labels ("MAJ. GEN. PAT RYDER:", "REAR ADM. JOHN DOE:").
RANK_WORDS = frozenset(["rear", "vice", "adm", "admiral", "gen", "general", "maj", "major", "lt", "lieutenant", "col", "colonel", "capt", "captain", "cmdr", "commander", "brig", "brigadier", "sgt", "sergeant", "amb", "ambassador", "sec", "secretary", "dr", "mr", "mrs", "ms", "sen", "senator", "rep", "gov", "prof", "president", "minister", "spokesperson", "moderator", "host", "anchor", "reporter", "correspondent", "presenter", "interviewer"])

# Office holders of late 2024 / early 2025 that news on the deployment names without a title
# ("Zelensky said … the Ukrainian president added"): name -> the role a title would give.
# Used only when the article itself gives the person no role.
KNOWN_ROLES = {
    "Volodymyr Zelensky": "Ukrainian President", "Vladimir Putin": "Russian President",
    "Kim Jong Un": "North Korean leader", "Yoon Suk Yeol": "South Korean President",
    "Han Duck-soo": "South Korean Prime Minister", "Choi Sang-mok": "South Korean acting President",
    "Joe Biden": "US President", "Donald Trump": "US President",
    "Fumio Kishida": "Japanese Prime Minister", "Shigeru Ishiba": "Japanese Prime Minister",
    "Xi Jinping": "Chinese President", "Keir Starmer": "British Prime Minister",
    "Emmanuel Macron": "French President", "Olaf Scholz": "German Chancellor",
    "Viktor Orban": "Hungarian Prime Minister", "Donald Tusk": "Polish Prime Minister",
    "Andrzej Duda": "Polish President", "Alexander Lukashenko": "Belarusian President",
    "Mark Rutte": "NATO Secretary General", "Jens Stoltenberg": "NATO Secretary General",
    "Antonio Guterres": "UN Secretary-General", "Ursula von der Leyen":
    "European Commission President", "Josep Borrell": "EU foreign policy chief",
    "Kaja Kallas": "EU foreign policy chief", "Antonio Costa": "European Council President",
    "Lloyd Austin": "US Defense Secretary", "Pete Hegseth": "US Defense Secretary",
    "Antony Blinken": "US Secretary of State", "Marco Rubio": "US Secretary of State",
    "Jake Sullivan": "US national security adviser", "Mike Waltz": "US national security adviser",
    "John Kirby": "White House national security spokesman",
    "Karine Jean-Pierre": "White House press secretary",
    "Sabrina Singh": "Pentagon deputy press secretary", "Pat Ryder": "Pentagon press secretary",
    "Matthew Miller": "US State Department spokesman",
    "Linda Thomas-Greenfield": "US ambassador to the UN",
    "Sergei Lavrov": "Russian Foreign Minister", "Andrei Belousov": "Russian Defence Minister",
    "Sergei Shoigu": "Russian Security Council secretary",
    "Dmitry Peskov": "Kremlin spokesman", "Maria Zakharova": "Russian Foreign Ministry spokeswoman",
    "Valery Gerasimov": "Russian chief of the General Staff",
    "Vassily Nebenzia": "Russian ambassador to the UN",
    "Andrii Sybiha": "Ukrainian Foreign Minister", "Dmytro Kuleba": "Ukrainian Foreign Minister",
    "Rustem Umerov": "Ukrainian Defence Minister", "Andriy Yermak": "head of the Ukrainian "
    "presidential office", "Oleksandr Syrskyi": "Ukrainian commander-in-chief",
    "Kyrylo Budanov": "head of Ukrainian military intelligence",
    "Heorhii Tykhyi": "Ukrainian Foreign Ministry spokesman",
    "Denys Shmyhal": "Ukrainian Prime Minister",
    "Kim Yong Hyun": "South Korean Defense Minister", "Cho Tae-yul": "South Korean Foreign "
    "Minister", "Shin Won-sik": "South Korean national security adviser",
    "Cho Tae-yong": "South Korean intelligence chief",
    "Choe Son Hui": "North Korean Foreign Minister", "No Kwang Chol": "North Korean Defence "
    "Minister", "Kim Yo Jong": "North Korean senior official", "Kim Song": "North Korean "
    "ambassador to the UN",
    "Gen Nakatani": "Japanese Defense Minister", "Takeshi Iwaya": "Japanese Foreign Minister",
    "Yoshimasa Hayashi": "Japanese Chief Cabinet Secretary",
    "Wang Yi": "Chinese Foreign Minister", "Lin Jian": "Chinese Foreign Ministry spokesman",
    "David Lammy": "British Foreign Secretary", "John Healey": "British Defence Secretary",
    "Annalena Baerbock": "German Foreign Minister", "Boris Pistorius": "German Defence Minister",
    "Peter Szijjarto": "Hungarian Foreign Minister", "Radoslaw Sikorski": "Polish Foreign Minister",
    "Penny Wong": "Australian Foreign Minister", "Richard Marles": "Australian Defence Minister",
    "Ruben Brekelmans": "Dutch Defence Minister",
}

# People speaking as members of a group, named by what they are ("captured North Korean
# soldiers who said", "one of the prisoners told", "a woman from Lgov said").
GROUP_SPEAKERS = frozenset(["soldier", "prisoner", "serviceman", "pow", "captive", "villager",
                            "local", "woman", "man", "refugee", "volunteer", "medic",
                            "operator", "fighter", "defector", "resident", "witness",
                            "veteran", "conscript", "deserter", "worker", "student",
                            "relative", "mother", "father", "wife", "husband",
                            # people by their work or station in life ("a shop assistant in a
                            # village", "a taxi driver from Lgov")
                            "assistant", "driver", "teacher", "nurse", "doctor", "farmer",
                            "pensioner", "shopkeeper", "vendor", "trader", "mechanic",
                            "sailor", "marine", "gunner", "paramedic", "surgeon",
                            "priest", "neighbour", "neighbor", "widow", "widower"])
