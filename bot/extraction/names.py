"""Names: normalising, alias tables and deciding whether two names are one entity.

Pure functions with no spaCy state, so storage can merge entities across articles.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

# Country and capital aliases -> canonical country (for forces and places).
COUNTRY_ALIASES: dict[str, str] = {}
_COUNTRIES = {
    "North Korea": ["north korea", "dprk", "democratic people's republic of korea", "pyongyang",
                    "north korean", "north koreans", "n. korea", "n korea", "the north",
                    "north korea's", "kim jong un's regime"],
    "South Korea": ["south korea", "rok", "republic of korea", "seoul", "south korean",
                    "south koreans", "s. korea"],
    "Russia": ["russia", "russian federation", "moscow", "kremlin", "the kremlin", "russian",
               "russians"],
    "Ukraine": ["ukraine", "kyiv", "kiev", "ukrainian", "ukrainians"],
    "United States": ["united states", "us", "u.s.", "usa", "u.s.a.", "america", "washington",
                      "american", "americans", "united states of america", "us government",
                      "u.s. government", "american government", "us administration",
                      "u.s. administration", "biden administration"],
    "United Kingdom": ["united kingdom", "uk", "u.k.", "britain", "great britain", "london",
                       "british"],
    "China": ["china", "beijing", "chinese", "prc"],
    "Japan": ["japan", "tokyo", "japanese"],
    "Belarus": ["belarus", "minsk", "belarusian"],
    "Poland": ["poland", "warsaw", "polish"],
    "Netherlands": ["netherlands", "dutch", "the hague"],
    "Germany": ["germany", "berlin", "german"],
    "France": ["france", "paris", "french"],
    "Iran": ["iran", "tehran", "iranian"],
    "European Union": ["european union", "eu", "brussels"],
    "Hungary": ["hungary", "budapest", "hungarian"],
    "Slovakia": ["slovakia", "bratislava", "slovak"],
    "Czech Republic": ["czech republic", "czechia", "prague", "czech"],
    "Austria": ["austria", "vienna", "austrian"],
    "Italy": ["italy", "rome", "italian"],
    "Spain": ["spain", "madrid", "spanish"],
    "Belgium": ["belgium", "belgian"],
    "Sweden": ["sweden", "stockholm", "swedish"],
    "Finland": ["finland", "helsinki", "finnish"],
    "Norway": ["norway", "oslo", "norwegian"],
    "Denmark": ["denmark", "copenhagen", "danish"],
    "Estonia": ["estonia", "tallinn", "estonian"],
    "Latvia": ["latvia", "riga", "latvian"],
    "Lithuania": ["lithuania", "vilnius", "lithuanian"],
    "Romania": ["romania", "bucharest", "romanian"],
    "Moldova": ["moldova", "chisinau", "moldovan"],
    "Bulgaria": ["bulgaria", "bulgarian"],
    "Greece": ["greece", "athens", "greek"],
    "Turkey": ["turkey", "türkiye", "turkiye", "ankara", "turkish"],
    "Georgia": ["tbilisi", "georgian"],
    "Canada": ["canada", "ottawa", "canadian"],
    "Australia": ["australia", "canberra", "australian"],
    "New Zealand": ["new zealand", "wellington"],
    "India": ["india", "new delhi", "indian"],
    "Taiwan": ["taiwan", "taipei", "taiwanese"],
    "Vietnam": ["vietnam", "hanoi", "vietnamese"],
    "Mongolia": ["mongolia", "ulaanbaatar", "mongolian"],
    "Israel": ["israel", "jerusalem", "israeli"],
    "Syria": ["syria", "damascus", "syrian"],
    "Switzerland": ["switzerland", "bern", "swiss"],
    "Ireland": ["ireland", "dublin", "irish"],
    "Portugal": ["portugal", "lisbon", "portuguese"],
    "Kazakhstan": ["kazakhstan", "astana", "kazakh"],
}
for _canon, _aliases in _COUNTRIES.items():
    for _alias in _aliases:
        COUNTRY_ALIASES[_alias] = _canon

# Organisations: alias -> canonical name.
ORG_ALIASES: dict[str, str] = {}
_ORGS = {
    "South Korea's National Intelligence Service": [
        "national intelligence service", "nis", "south korea's national intelligence service",
        "south korean national intelligence service", "south korea's spy agency",
        "seoul's spy agency", "south korea's intelligence service",
        "national intelligence service (nis)",
    ],
    "Pentagon": ["pentagon", "us department of defense", "department of defense", "dod",
                 "u.s. department of defense", "us defense department", "defense department"],
    "White House": ["white house", "the white house"],
    "US State Department": ["state department", "us state department",
                            "u.s. state department", "department of state",
                            "us department of state"],
    "Kremlin": ["kremlin", "the kremlin"],
    "NATO": ["nato", "north atlantic treaty organization", "north atlantic alliance", "alliance",
             "the alliance"],
    "Ukraine's Main Directorate of Intelligence": [
        "main directorate of intelligence", "main intelligence directorate", "hur", "gur",
        "defence intelligence of ukraine", "defense intelligence of ukraine",
        "ukraine's military intelligence", "ukrainian military intelligence",
        "ukraine's defence intelligence", "ukraine's main directorate of intelligence",
        "main directorate of intelligence of the ministry of defense of ukraine",
        "main directorate of intelligence of the ministry of defence of ukraine",
    ],
    "South Korea's Ministry of National Defense": [
        "ministry of national defense", "south korea's defence ministry",
        "south korea's defense ministry", "south korean defense ministry",
        "south korean defence ministry", "south korea's ministry of national defense",
    ],
    "UK Ministry of Defence": ["uk ministry of defence", "british defence ministry",
                               "britain's ministry of defence", "british ministry of defence"],
    "European Union": ["european union", "eu"],
    "United Nations": ["united nations", "un", "u.n."],
    "Yonhap": ["yonhap", "yonhap news agency"],
    # security and intelligence services
    "Security Service of Ukraine": [
        "sbu", "security service of ukraine", "ukraine's security service",
        "ukrainian security service", "ukraine's security service (sbu)",
        "security service of ukraine (sbu)", "ukraine's sbu"],
    "Federal Security Service": ["fsb", "federal security service",
                                 "russia's federal security service", "russian fsb"],
    "Foreign Intelligence Service of Ukraine": ["foreign intelligence service of ukraine",
                                                "szru", "ukraine's foreign intelligence service"],
    "Russian Foreign Intelligence Service": ["svr", "russia's foreign intelligence service",
                                             "russian foreign intelligence service"],
    "CIA": ["cia", "central intelligence agency"],
    "Defense Intelligence Agency": ["dia", "defense intelligence agency",
                                    "us defense intelligence agency"],
    "Office of the Director of National Intelligence": [
        "odni", "office of the director of national intelligence"],
    "MI6": ["mi6", "secret intelligence service"],
    "Center for Countering Disinformation": [
        "center for countering disinformation", "centre for countering disinformation",
        "ukraine's center for countering disinformation"],
    # UN and EU bodies
    "UN Security Council": ["un security council", "u.n. security council",
                            "united nations security council", "security council"],
    "UN General Assembly": ["un general assembly", "united nations general assembly",
                            "general assembly"],
    "UN Secretary-General": ["un secretary-general", "un secretary general",
                             "united nations secretary-general"],
    "UN Human Rights Office": ["un human rights office", "ohchr",
                               "office of the un high commissioner for human rights"],
    "UN Panel of Experts": ["un panel of experts", "panel of experts"],
    "European Commission": ["european commission", "eu commission"],
    "European Council": ["european council"],
    "European Parliament": ["european parliament"],
    "European External Action Service": ["european external action service", "eeas"],
    "G7": ["g7", "group of seven", "g-7"],
    # think tanks and monitors
    "Institute for the Study of War": ["institute for the study of war", "isw"],
    "International Institute for Strategic Studies": [
        "international institute for strategic studies", "iiss"],
    "Royal United Services Institute": ["royal united services institute", "rusi"],
    "Center for Strategic and International Studies": [
        "center for strategic and international studies", "csis"],
    "RAND Corporation": ["rand corporation", "rand"],
    "Atlantic Council": ["atlantic council"],
    "Chatham House": ["chatham house"],
    "Carnegie Endowment for International Peace": [
        "carnegie endowment for international peace", "carnegie endowment"],
    "Conflict Intelligence Team": ["conflict intelligence team", "cit"],
    "Korea Institute for National Unification": ["korea institute for national unification",
                                                 "kinu"],
    "Institute for National Security Strategy": ["institute for national security strategy",
                                                 "inss"],
    # North Korean bodies and media
    "Korean Central News Agency": ["korean central news agency", "kcna",
                                   "north korea's state news agency",
                                   "north korea's official news agency"],
    "Workers' Party of Korea": ["workers' party of korea", "wpk", "workers' party",
                                "ruling workers' party"],
    "Central Military Commission of the Workers' Party of Korea": [
        "central military commission of the workers' party of korea",
        "central military commission of the wpk", "wpk central military commission",
        "central military commission"],
    "Korean People's Army": ["korean people's army", "kpa"],
    "Rodong Sinmun": ["rodong sinmun"],
    # news organisations
    "Reuters": ["reuters"], "Associated Press": ["associated press", "ap"],
    "Agence France-Presse": ["agence france-presse", "afp"],
    "TASS": ["tass"], "RIA Novosti": ["ria novosti", "ria"], "Interfax": ["interfax"],
    "Kyodo News": ["kyodo", "kyodo news"], "NHK": ["nhk"],
    "BBC": ["bbc"], "CNN": ["cnn"], "Bloomberg": ["bloomberg", "bloomberg news"],
    "The Wall Street Journal": ["wall street journal", "the wall street journal", "wsj"],
    "The New York Times": ["new york times", "the new york times"],
    "The Washington Post": ["washington post", "the washington post"],
    "Financial Times": ["financial times", "ft"],
    "NK News": ["nk news"], "Daily NK": ["daily nk"], "Radio Free Asia": ["radio free asia",
                                                                          "rfa"],
    "Voice of America": ["voice of america", "voa"],
    "Kyiv Independent": ["kyiv independent", "the kyiv independent"],
    "Ukrainska Pravda": ["ukrainska pravda"], "Ukrinform": ["ukrinform"],
    "Meduza": ["meduza"],
}
for _canon, _aliases in _ORGS.items():
    for _alias in _aliases:
        ORG_ALIASES[_alias] = _canon

# Names that mean the same actor when one is a person or body and the other its state.
GOVERNMENT_OF = {
    "Kremlin": "Russia", "White House": "United States", "Pentagon": "United States",
    "South Korea's National Intelligence Service": "South Korea",
    "South Korea's Ministry of National Defense": "South Korea",
    "Ukraine's Main Directorate of Intelligence": "Ukraine",
    "UK Ministry of Defence": "United Kingdom",
}

TITLE_WORDS = frozenset(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "gen", "gen.", "general", "lt", "lt.", "col", "col.", "maj", "maj.", "sgt", "sgt.", "adm", "adm.", "sir", "president", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman", "chief", "deputy", "vice", "prime", "foreign", "defence", "defense", "press", "sen", "sen.", "rep", "rep.", "ambassador", "commander"])

_SPACES = re.compile(r"\s+")
_ABBREVIATION = re.compile(r"\b(?:[a-z]\.){2,}(?=\s|$|')")      # u.s., u.k., u.n.
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_ENDS_ABBREVIATED = re.compile(r"(?:^|[\s(])(?:[A-Za-z]\.){2,}$")


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """Case-folded, accent-free, single-spaced name without a leading "the" or possessive."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("‘", "'").replace("‐", "-")
    text = _SPACES.sub(" ", text).strip()
    if _ENDS_ABBREVIATED.search(text.strip(",;:\"'“”«»()")):
        text = text.strip(",;:\"'“”«»()").lstrip(".").strip()    # "the U.S." keeps its dots
    else:
        text = text.strip(".,;:\"'“”«»()").strip()
    text = _POSSESSIVE.sub("", text).strip()
    lowered = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", ""), text.lower())
    if lowered.startswith("the "):
        lowered = lowered[4:]
    return lowered


@lru_cache(maxsize=65536)
def canonical_country(name: str | None) -> str | None:
    """The canonical country a name stands for ("DPRK" -> "North Korea"), or None."""
    if not name:
        return None
    key = normalise_name(name)
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    return None


# A country's bodies named by kind: "Russia's defence ministry", "the Russian Defence Ministry",
# "Kyiv's military intelligence", "Ukraine's General Staff". Kind -> country -> canonical name;
# a country not listed gets "<Country>'s <Kind>".
BODY_KINDS: dict[str, tuple[str, ...]] = {
    "Ministry of Defence": ("defence ministry", "defense ministry", "ministry of defence",
                            "ministry of defense", "ministry of national defense",
                            "ministry of national defence", "defence department",
                            "defense department", "mod"),
    "Foreign Ministry": ("foreign ministry", "ministry of foreign affairs", "foreign office"),
    "intelligence": ("intelligence", "military intelligence", "military intelligence agency",
                     "intelligence agency", "intelligence service", "intelligence services",
                     "spy agency", "defence intelligence", "defense intelligence",
                     "intelligence directorate", "military intelligence service",
                     "main intelligence directorate", "main directorate of intelligence"),
    "Joint Chiefs of Staff": ("joint chiefs of staff", "joint chiefs", "jcs"),
    "General Staff": ("general staff", "general staff of the armed forces"),
    "Security Service": ("security service", "state security service"),
    "Ministry of Unification": ("unification ministry", "ministry of unification"),
    "Embassy": ("embassy",),
}
BODIES: dict[tuple[str, str], str] = {
    ("Ministry of Defence", "Russia"): "Russian Ministry of Defence",
    ("Ministry of Defence", "South Korea"): "South Korea's Ministry of National Defense",
    ("Ministry of Defence", "United Kingdom"): "UK Ministry of Defence",
    ("Ministry of Defence", "United States"): "Pentagon",
    ("Ministry of Defence", "Japan"): "Japan's Ministry of Defense",
    ("Ministry of Defence", "North Korea"): "North Korea's Ministry of National Defence",
    ("Foreign Ministry", "South Korea"): "South Korea's Ministry of Foreign Affairs",
    ("Foreign Ministry", "Japan"): "Ministry of Foreign Affairs of Japan",
    ("Foreign Ministry", "North Korea"): "North Korea's Foreign Ministry",
    ("Foreign Ministry", "China"): "Chinese Foreign Ministry",
    ("Security Service", "Ukraine"): "Security Service of Ukraine",
    ("Security Service", "Russia"): "Federal Security Service",
    ("General Staff", "Russia"): "Russian General Staff",
    ("Ministry of Defence", "Ukraine"): "Ministry of Defence of Ukraine",
    ("Foreign Ministry", "Russia"): "Russian Foreign Ministry",
    ("Foreign Ministry", "Ukraine"): "Ministry of Foreign Affairs of Ukraine",
    ("Foreign Ministry", "United States"): "US State Department",
    ("intelligence", "Ukraine"): "Ukraine's Main Directorate of Intelligence",
    ("intelligence", "South Korea"): "South Korea's National Intelligence Service",
    ("intelligence", "United Kingdom"): "UK Ministry of Defence",
    ("Joint Chiefs of Staff", "South Korea"): "South Korea's Joint Chiefs of Staff",
    ("General Staff", "Ukraine"): "General Staff of the Armed Forces of Ukraine",
}
# State bodies that speak for their government (for `same_entity` and "who said" answers).
GOVERNMENT_OF.update({
    "Security Service of Ukraine": "Ukraine", "Foreign Intelligence Service of Ukraine": "Ukraine",
    "Center for Countering Disinformation": "Ukraine", "Federal Security Service": "Russia",
    "Russian Foreign Intelligence Service": "Russia", "CIA": "United States",
    "Defense Intelligence Agency": "United States",
    "Office of the Director of National Intelligence": "United States",
    "US State Department": "United States", "MI6": "United Kingdom",
    "Korean Central News Agency": "North Korea", "Workers' Party of Korea": "North Korea",
    "Central Military Commission of the Workers' Party of Korea": "North Korea",
    "Korean People's Army": "North Korea",
})
_BODY_OF = {phrase: kind for kind, phrases in BODY_KINDS.items() for phrase in phrases}
for (_kind, _country), _body in BODIES.items():
    GOVERNMENT_OF.setdefault(_body, _country)



def _country_body(key: str) -> str | None:
    """"russia's defence ministry" / "russian defence ministry" / "ministry of defence of
    ukraine" -> the canonical body, or None."""
    for sep in ("'s ", " "):
        parts = key.split(sep)
        for cut in range(1, min(len(parts), 4)):
            country = COUNTRY_ALIASES.get(sep.join(parts[:cut]))
            kind = _BODY_OF.get(sep.join(parts[cut:]))
            if country and kind:
                return BODIES.get((kind, country), f"{country}'s {kind}")
    # "the foreign ministry in Seoul"
    body, sep, place = key.partition(" in ")
    if sep and _BODY_OF.get(body) and COUNTRY_ALIASES.get(place):
        country = COUNTRY_ALIASES[place]
        return BODIES.get((_BODY_OF[body], country), f"{country}'s {_BODY_OF[body]}")
    parts = key.split(" of ")
    for cut in range(1, len(parts)):
        kind = _BODY_OF.get(" of ".join(parts[:cut]))
        country = COUNTRY_ALIASES.get(re.sub(r"^the ", "", " of ".join(parts[cut:])))
        if kind and country:
            return BODIES.get((kind, country), f"{country}'s {kind}")
    return None


def _owned_org(key: str) -> str | None:
    """A body the alias table knows, named with its own state as owner, by the state's name,
    capital or adjective ("seoul's national intelligence service", "north korea's central
    military commission", "ukrainian sbu"); a body of another state is not it."""
    for sep in ("'s ", " "):
        parts = key.split(sep)
        for cut in range(1, min(len(parts), 4)):
            country = COUNTRY_ALIASES.get(sep.join(parts[:cut]))
            org = ORG_ALIASES.get(sep.join(parts[cut:])) if country else None
            if org and government_of(org) == country:
                return org
    return None


# "Kremlin-controlled", "state-run": who runs a body, no part of its name; "agency" after a
# news agency's name ("RIA Novosti agency").
_RUN_BY = re.compile(r"^(?:[\w.]+-(?:controlled|run|backed|owned|affiliated|funded)|state)\s+")
_AGENCY_AFTER = re.compile(r"\s+(?:news\s+)?agency$")


@lru_cache(maxsize=65536)
def canonical_org(name: str) -> str | None:
    key = normalise_name(name)
    key = re.sub(r"\s*\([^)]*\)?$", "", key)
    found = ORG_ALIASES.get(key) or _country_body(key) or _owned_org(key)
    if found is None and (_RUN_BY.match(key) or _AGENCY_AFTER.search(key)):
        bare = _AGENCY_AFTER.sub("", _RUN_BY.sub("", key))
        found = ORG_ALIASES.get(bare) if bare != key else None
    return found


# "spokesperson for the Federal Foreign Office in Berlin": the body's spokesperson, as a
# reader names one ("Federal Foreign Office spokesperson"); the place is where the body sits.
_SPOKESPERSON_FOR = re.compile(
    r"^(spokes(?:person|man|woman)|press secretary)\s+(?:for|of|at)\s+(?:the\s+)?"
    r"((?:[A-Z][\w'’.\-]*\s+)*?[A-Z][\w'’.\-]*)"
    r"(?:\s+(?:in|at)\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)?$")


@lru_cache(maxsize=65536)
def canonical_name(name: str, label: str | None = None) -> str:
    """The table's canonical form of a name, or the name cleaned of "the" and possessives."""
    org = canonical_org(name)
    if org:
        return org
    country = canonical_country(name)
    if country and label in (None, "GPE", "NORP", "LOC"):
        return country
    text = _SPACES.sub(" ", name).strip().strip(".,;:\"“”«»").strip()
    text = re.sub(r"^(?:the|The)\s+", "", text)
    spokes = _SPOKESPERSON_FOR.match(text)
    if spokes:
        text = f"{spokes.group(2)} {spokes.group(1)}"
    text = re.sub(r"\s*\([A-Z]{2,6}\)$", "", text)
    return _POSSESSIVE.sub("", text).strip()


def _actor(name: str) -> str:
    key = normalise_name(name)
    org = canonical_org(name)
    if org:
        return org
    return COUNTRY_ALIASES.get(key, key)


def _person_tokens(name: str) -> list[str]:
    words = [w.strip(".") for w in normalise_name(name).replace("-", " ").split()]
    while words and words[0] in TITLE_WORDS:
        words = words[1:]
    return [w for w in words if w]


def _word_agrees(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return fuzz.ratio(a, b) >= 85


@lru_cache(maxsize=65536)
def same_person(name_a: str, name_b: str) -> bool:
    """Two person names are one person: surnames close, given names agree word by word.

    A single-word name ("Rutte") matches a full name whose last or first word agrees
    ("Mark Rutte"; "Yoon" in "Yoon Suk Yeol"). Transliterations within rapidfuzz ratio 85
    (Zelensky/Zelenskyy/Zelenskiy, Dakhlallah/Dahlallah) agree; "Kim Jong Gyu" and
    "Kim Yong Hyun" do not, because Jong/Yong and Gyu/Hyun differ.
    """
    a, b = _person_tokens(name_a), _person_tokens(name_b)
    if not a or not b:
        return False
    if len(a) == 1 or len(b) == 1:
        single, full = (a, b) if len(a) == 1 else (b, a)
        word = single[0]
        if len(full) == 1:
            return _surname_agrees(word, full[0])
        return _surname_agrees(word, full[-1]) or _surname_agrees(word, full[0])
    if len(a) != len(b):
        # "Volodymyr Oleksandrovych Zelensky" vs "Volodymyr Zelensky": first and last agree.
        if _word_agrees(a[0], b[0]) and _surname_agrees(a[-1], b[-1]):
            return True
    elif all(_word_agrees(x, y) for x, y in zip(a, b, strict=True)):
        return True
    # Korean given names romanised two ways ("Lee Seong-kweun" / "Lee Sung-kweun", "Park
    # Sunwon" / "Park Sun-won"): the same family name and the given name close as a whole
    return a[0] == b[0] and min(len(a), len(b)) >= 2 and \
        fuzz.ratio(_given(a[1:]), _given(b[1:])) >= 85


def _given(words: list[str]) -> str:
    """A given name joined, with the vowel spelt "eo" or "u" by different systems as one."""
    return "".join(words).replace("eo", "u")


def _surname_agrees(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    return fuzz.ratio(a, b) >= 85


_KIND_OF_BODY: dict[str, str] = {}
for (_kind, _country), _body in BODIES.items():
    _KIND_OF_BODY.setdefault(_body, _kind)


@lru_cache(maxsize=65536)
def body_kind(name: str) -> str | None:
    """The kind of a country's body ("General Staff", "Foreign Ministry", …) a name is, with
    or without its country: "the General Staff" and "General Staff of the Armed Forces of
    Ukraine" are both "General Staff"; None for anything else."""
    key = normalise_name(name)
    if key in _BODY_OF:
        return _BODY_OF[key]
    canon = canonical_org(name)
    if canon in _KIND_OF_BODY:
        return _KIND_OF_BODY[canon]
    if canon and "'s " in canon and canon.partition("'s ")[2] in BODY_KINDS:
        return canon.partition("'s ")[2]
    return None


def government_of(actor: str) -> str | None:
    """The state a body speaks for: the alias table's, or the country of a body named by kind
    ("Poland's Ministry of Defence", "North Korea's Embassy")."""
    found = GOVERNMENT_OF.get(actor)
    if found is None and "'s " in actor.replace("’s ", "'s "):
        country, _, kind = actor.replace("’s ", "'s ").partition("'s ")
        if (kind in BODY_KINDS or kind.lower() in _STATE_ORGANS) and \
                COUNTRY_ALIASES.get(country.lower()):
            return COUNTRY_ALIASES[country.lower()]
    if found is None:
        # "South Korean presidential office", "the Russian military": by the state's adjective
        words = actor.lower().split()
        for cut in (1, 2):
            country = COUNTRY_ALIASES.get(" ".join(words[:cut]))
            if country and " ".join(words[cut:]) in _STATE_ORGANS:
                return country
    return found


# A state's own organs named by kind that speak for it ("South Korea's military says …").
_STATE_ORGANS = frozenset(["military", "armed forces", "army", "navy", "air force",
                           "government", "presidential office", "cabinet", "leadership",
                           "state media", "media",
                           # its diplomats speak for it ("North Korea's envoy at the UN")
                           "envoy", "ambassador", "delegation", "delegate", "representative",
                           "mission", "permanent representative", "un ambassador",
                           "envoy to the un", "ambassador to the un"])


def same_entity(name_a: str, name_b: str, label: str | None = None) -> bool:
    """Whether two names denote one entity (alias tables, then fuzzy person names).

    `label` is the spaCy label of the entity (PERSON, ORG, GPE, NORP, LOC) or None when unknown.
    """
    if not name_a or not name_b:
        return False
    na, nb = normalise_name(name_a), normalise_name(name_b)
    if na == nb:
        return True
    actor_a, actor_b = _actor(name_a), _actor(name_b)
    if actor_a == actor_b:
        return True
    if government_of(actor_a) == actor_b or government_of(actor_b) == actor_a:
        return True
    if label in (None, "PERSON") and same_person(name_a, name_b):
        return True
    if label in ("ORG", "GPE", "NORP", "LOC", "FAC", None) and \
            len(na) > 5 and len(nb) > 5 and fuzz.ratio(na, nb) >= 92:
        return True
    owned_a, owned_b = _state_owned(na), _state_owned(nb)
    if owned_a and owned_b and owned_a[0] == owned_b[0] and (
            owned_a[1] == owned_b[1] or fuzz.ratio(owned_a[1], owned_b[1]) >= 92):
        return True     # "Ukraine's Special Operations Forces" / "Ukrainian Special Operations …"
    # an unnamed spokesperson speaks for the body ("JCS spokesperson", "spokesperson for the
    # JCS", "the JCS")
    body_a, body_b = _spoken_for(na), _spoken_for(nb)
    if body_a or body_b:
        return same_entity(body_a or name_a, body_b or name_b, label)
    return False


def _state_owned(key: str) -> tuple[str, str] | None:
    """(country, the rest) of a body named with its state first, by name or adjective
    ("ukraine's special operations forces", "ukrainian special operations forces"), or None."""
    for sep in ("'s ", " "):
        parts = key.split(sep)
        for cut in range(min(len(parts) - 1, 3), 0, -1):
            country = COUNTRY_ALIASES.get(sep.join(parts[:cut]))
            if country:
                rest = sep.join(parts[cut:])
                return (country, rest) if len(rest) > 3 else None
    return None


_SPOKES = r"(?:spokes(?:person|man|woman)|press secretary)"
_SPOKES_AFTER = re.compile(rf"^(.+?) {_SPOKES}$")
_SPOKES_BEFORE = re.compile(rf"^{_SPOKES} (?:for|of|at) (?:the )?(.+)$")
# "Yoon Suk Yeol's office", "Lee Jae-myung's aides": a person's own staff speak for them
_OWN_STAFF = re.compile(rf"^(.+?)'s (?:office|aides|staff|press office|{_SPOKES})$")


def _spoken_for(key: str) -> str | None:
    """The body or person a normalised spokesperson or staff description speaks for."""
    found = _OWN_STAFF.match(key) or _SPOKES_AFTER.match(key) or _SPOKES_BEFORE.match(key)
    return found.group(1) if found else None


# How a reader writes a state's people and things before a noun ("a South Korean official",
# "a US official"); otherwise the adjective among the state's aliases.
_DEMONYM_OVERRIDES = {"United States": "US", "United Kingdom": "British", "European Union": "EU",
                      "Switzerland": "Swiss", "Greece": "Greek", "Kazakhstan": "Kazakh",
                      "Czech Republic": "Czech", "Slovakia": "Slovak", "New Zealand":
                      "New Zealand", "Netherlands": "Dutch", "Turkey": "Turkish",
                      "France": "French", "Denmark": "Danish", "Taiwan": "Taiwanese",
                      "Ireland": "Irish"}
_ADJECTIVE_END = ("an", "ese", "ish", "ian", "i", "ic")


@lru_cache(maxsize=512)
def demonym(country: str) -> str | None:
    """"South Korea" -> "South Korean", "Russia" -> "Russian", "United States" -> "US"."""
    if country in _DEMONYM_OVERRIDES:
        return _DEMONYM_OVERRIDES[country]
    stem = country.lower()[:3]
    for alias in _COUNTRIES.get(country, ()):
        if alias != country.lower() and alias.startswith(stem) and \
                alias.endswith(_ADJECTIVE_END) and alias.count(" ") == country.count(" "):
            return " ".join(w.capitalize() for w in alias.split())
    return None


@lru_cache(maxsize=65536)
def head_word(name: str) -> str:
    """The head word of a body's name, lowercased: "Ukraine's Special Operations Forces" ->
    forces, "Main Directorate of Intelligence" -> directorate, "Coordination Headquarters for
    the Treatment of Prisoners of War" -> headquarters."""
    first = re.split(r" (?:of|for|on) ", name, maxsplit=1)[0].split()
    return first[-1].lower().strip(".,'’") if first else ""
