"""The sitrep_denials component: denials and dismissals of troop reports (Doc._.sitrep_denials).

"North Korea denies sending troops" (denial); "the Kremlin dismissed reports as 'fake news'",
"Peskov called the reports 'a fairy tale'", "the embassy described such reports as
groundless", "Moscow does not comment on fabrications" (dismissal: the reports are named with
a word of falsehood). A negated verb ("did not deny", "neither confirmed nor denied",
"declined to confirm or deny") is no denial. One entry per denier and sentence: "Moscow and
Pyongyang denied …" is two.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from bot.extraction import cues
from bot.extraction.attribution import Resolver, Speaker, subjects_of
from bot.extraction.docindex import doc_index
from bot.extraction.entities import build_table
from bot.extraction.names import canonical_country
from bot.extraction.types import Denial

if not Doc.has_extension("sitrep_denials"):
    Doc.set_extension("sitrep_denials", default=None)

DENIAL_VERBS = {"deny": "denial", "refute": "denial", "reject": "dismissal",
                "dismiss": "dismissal", "brush": "dismissal", "ridicule": "dismissal",
                "laugh": "dismissal", "scoff": "dismissal", "deride": "dismissal"}
# Verbs that dismiss only with their particle or preposition: "laughed off", "scoffed at".
_WITH_PARTICLE = {"laugh": ("off",), "scoff": ("at",)}
_DENIAL_LEMMAS = frozenset(DENIAL_VERBS)
# Verbs that name what they speak of: "called the reports 'a fairy tale'", "described the
# claims as a fabrication", "labelled it fake".
_NAMING = frozenset(["call", "describe", "label", "brand", "term", "dub", "characterize",
                     "characterise", "denounce"])
# Verbs under which a word of falsehood dismisses what is spoken of: "does not comment on
# fabrications", "said it was fake news", "insisted the reports were groundless".
_SPEAKING = frozenset(["say", "comment", "insist", "state", "tell", "add", "respond", "reply",
                       "react", "declare", "stress", "maintain", "claim", "write", "post",
                       "note", "argue", "warn", "suggest"]) | _NAMING
# Words of falsehood that make naming a dismissal (general English, not any one article's).
FALSEHOOD = frozenset([
    "fake", "fakes", "fabrication", "fabrications", "fabricated", "lie", "lies", "lying",
    "rumor", "rumors", "rumour", "rumours", "tale", "tales", "fairy", "propaganda",
    "speculation", "speculations", "speculative", "fantasy", "fantasies", "forgery",
    "forgeries", "smear", "groundless", "baseless", "unfounded", "nonsense", "hoax",
    "hoaxes", "myth", "myths", "invention", "inventions", "invented", "disinformation",
    "misinformation", "falsehood", "falsehoods", "false", "untrue", "absurd", "provocation",
    "hysteria", "slander", "libel", "canard", "concoction", "fiction", "fictions",
    "fictional", "bogus", "hoaxes", "stuffing", "insinuation", "insinuations", "rubbish",
    "garbage", "drivel", "farce", "charade"])
# Nouns a word of falsehood may qualify and still dismiss: "fake news", "false claims".
_FALSE_THINGS = frozenset(["news", "story", "stories", "claim", "claims", "report",
                           "reports", "information", "allegations", "accusations",
                           "propaganda", "narrative", "narratives", "figures", "numbers"])
_TOPIC = {"report", "reports", "claim", "claims", "troop", "troops", "soldier", "soldiers",
          "deployment", "sending", "send", "presence", "assessment", "allegation",
          "allegations", "involvement", "personnel", "information", "it", "them", "this",
          "that", "these", "estimate", "estimates", "publication", "publications", "story",
          "stories", "video", "videos", "question", "questions", "briefing", "briefings",
          "statement", "statements", "participation", "accusation", "accusations", "account",
          "accounts", "obvious", "existence", "figure", "figures", "suggestion",
          "suggestions", "speculation", "rumors", "rumours", "all", "reference", "references",
          "remark", "remarks", "comment", "comments", "charge", "charges", "talk", "news",
          "they", "those"}
# Verbs over a denial that make it none: "declined to confirm or deny", "will stop denying".
_NOT_DOING = frozenset(["decline", "refuse", "stop", "cease", "fail", "avoid", "let"])


def _negated(verb: Token) -> bool:
    """"did not deny", "neither confirmed nor denied", "declined to confirm or deny", "will
    stop denying it" (the verb or the verb it is conjoined to), "nobody can call it …", a
    question ("are you going to deny that …?")."""
    if verb.sent.text.rstrip(" \"'”’»").endswith("?"):
        return True
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("nobody", "none", "no-one")
           for c in verb.children):
        return True
    node = verb
    for _ in range(2):
        if any(c.dep_ in ("neg", "preconj") and c.lower_ in ("not", "n't", "never", "neither")
               for c in node.children):
            return True
        if node.dep_ in ("xcomp", "ccomp") and node.head.lemma_ in _NOT_DOING:
            return True
        if node.dep_ == "pcomp" and (node.head.lower_ == "without" or node.head.lower_ == "of"
                                     and node.head.head.lower_ == "short"):
            return True     # "stopped short of denying it", "without denying the reports"
        if node.dep_ != "conj" or any(
                c.dep_ in ("nsubj", "nsubjpass", "aux") for c in node.children) and not any(
                c.dep_ == "preconj" or c.lower_ in ("nor", "neither") for c in
                [*node.head.children, *node.children]):
            break           # "Russia never acknowledged it, and the Kremlin called it fake":
            #                 a conjunct with its own subject keeps its own polarity
        node = node.head
    return False


# Verbs of making things up: "accused Kyiv of inventing casualties", "said Washington was
# 'inventing' a threat".
_INVENTING = frozenset(["invent", "fabricate", "concoct", "fake", "stage"])
_NONE_WORDS = frozenset(["no", "any"])
_TROOPS = frozenset(["troop", "troops", "soldier", "soldiers", "servicemen", "personnel",
                     "forces", "units", "fighters", "men"])


def _accusing(tok: Token) -> Token | None:
    """The verb whose subject dismisses reports as made up: "X accused Kyiv of inventing …"
    (X accuses), "X said Washington was inventing a threat" (X says)."""
    if tok.pos_ != "VERB":
        return None
    head = tok.head
    if tok.dep_ == "pcomp" and head.lower_ == "of" and head.head.lemma_ == "accuse":
        return head.head
    if tok.dep_ in ("ccomp", "xcomp") and head.lemma_ in ("say", "claim", "insist", "state",
                                                          "add", "charge", "allege"):
        return head
    return None


def _says_there_are_none(tok: Token) -> Token | None:
    """The speech verb of "X says there are no North Korean troops there", "insisted that
    there were no soldiers", "the line was that there weren't any": a denial."""
    noun = tok.head
    if tok.lower_ == "no" and tok.dep_ == "det" and noun.lemma_.lower() in _TROOPS | {
            "troop", "soldier"}:
        be = noun.head
        if noun.dep_ in ("nsubj", "nsubjpass") and be.lemma_ in _SENDING | {"go", "fight"} \
                and be.dep_ == "ccomp" and be.head.lemma_ in cues_speech():
            return be.head      # "officials insist no troops have been sent"
    elif tok.lower_ == "any" and tok.dep_ in ("attr", "dobj", "nsubj") and any(
            c.dep_ == "neg" for c in tok.head.children):
        be = tok.head       # "there weren't any"
    else:
        return None
    if be.lemma_ != "be" or not any(c.dep_ == "expl" for c in be.children):
        return None
    if be.dep_ == "ccomp" and be.head.lemma_ in cues_speech():
        return be.head
    if be.dep_ in ("attr", "ccomp") and be.head.lemma_ == "be":
        subj = next((c for c in be.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in ("line", "position", "stance", "version"):
            return be.head      # "Pyongyang's official line … was that there weren't any"
    return None


def _speaking_agent(verb: Token) -> bool:
    """Whether a passive names one who speaks ("were dismissed by Minsk"), not a thing
    ("are refuted by the facts") nor no one ("was rejected at the time")."""
    return any(g.dep_ == "pobj" and (g.ent_type_ in ("ORG", "GPE", "PERSON", "NORP") or
                                     g.pos_ == "PROPN" or g.lemma_.lower() in cues.SPEAKER_NOUNS)
               for c in verb.children if c.dep_ == "agent" for g in c.children)


def _said_not_true(tok: Token) -> Token | None:
    """The speech verb of "X said the reports were not true": a dismissal."""
    be = tok.head
    if tok.dep_ != "acomp" or be.lemma_ != "be" or be.dep_ != "ccomp" or \
            be.head.lemma_ not in _SPEAKING or _negated(be.head) or \
            not any(c.dep_ == "neg" for c in be.children):
        return None
    subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ not in _REPORTS and subj.lemma_.lower() not in _REPORTS:
        return None     # (not "the figures were not correct": a figure disputed)
    if subj.lower_ == "it" and not any(
            t.lemma_.lower() in _TROOP_HEADS | _SENDING for c in be.children
            if c.dep_ == "ccomp" for t in c.subtree):
        return None     # "it was not true that the offensive had stalled": not the troops
    return be.head


_REPORTS = frozenset(["report", "claim", "allegation", "accusation", "story", "it", "this",
                      "that", "they", "rumour", "rumor", "information", "statement"])


def _says_they_do_not_exist(tok: Token) -> Token | None:
    """The speech verb of "Pyongyang said the soldiers did not exist", "it insisted they
    were not there": a denial of the troops themselves."""
    if tok.lemma_ not in ("exist", "be") or tok.dep_ != "ccomp" or \
            tok.head.lemma_ not in cues_speech() or not any(
                c.dep_ == "neg" for c in tok.children):
        return None
    if tok.lemma_ == "be" and not any(
            c.dep_ == "advmod" and c.lower_ == "there" or
            c.dep_ == "prep" and any(g.ent_type_ in ("GPE", "LOC") for g in c.children)
            for c in tok.children):
        return None     # "were not there", "are not in Russia" (not "were not ready")
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or not (subj.lemma_.lower() in _TROOPS | {"troop", "soldier"} or
                            subj.lower_ == "they" and tok.lemma_ == "exist"):
        return None
    return tok.head


def cues_speech() -> frozenset[str]:
    return _SPEAKING | {"maintain", "insist", "deny", "assert", "repeat"}


def _falsehood_in(tokens) -> Token | None:
    return next((t for t in tokens if t.lower_ in FALSEHOOD), None)


# Acts a "provocation" condemns rather than dismisses: "called the deployment a provocation".
_ACTS = frozenset(["deployment", "sending", "send", "dispatch", "transfer", "presence",
                   "participation", "involvement", "move", "decision", "cooperation"])


def _condemns_an_act(tok: Token, things: list[Token]) -> bool:
    return tok.lower_ in ("provocation", "provocations", "information", "psychological") and any(
        t.lemma_.lower() in _ACTS for t in things)


# What an "information …" names when it dismisses reports: "an information campaign".
_INFO_WAR = frozenset(["campaign", "war", "warfare", "attack", "operation", "provocation",
                       "sabotage", "stuffing", "dump"])
_SPREADING = frozenset(["spread", "peddle", "circulate", "push", "disseminate", "invent",
                        "fabricate", "tell"])


def _dismissing(tok: Token) -> Token | None:
    """The verb whose subject dismisses, when a naming or speaking verb applies a word of
    falsehood to what it speaks of: "called the reports 'a fairy tale'", "described such
    reports as groundless", "does not comment on fabrications", "said it was fake news",
    "would not react to what he called 'rumours'". `tok` is the word of falsehood."""
    for verb in [tok, *tok.ancestors][1:7]:
        if verb.pos_ not in ("VERB", "AUX") and not (
                verb.pos_ == "NOUN" and any(c.dep_ == "aux" for c in verb.children)):
            continue            # (a verb the tagger read as a noun: 'did not "comment on …"')
        if verb.lemma_ in _SPREADING and verb.dep_ == "pcomp" and verb.head.lower_ == "of" \
                and verb.head.head.lemma_ == "accuse" and tok.head.i == verb.i:
            return verb.head.head   # "accused British officials of spreading fairy tales"
        if verb.lemma_ in _NAMING:
            # the word follows the verb ("called them lies"), never a noun it describes
            # ("fake identity papers describing them as residents")
            if _condemns_an_act(tok, [c for c in verb.children if c.dep_ == "dobj"]):
                return None
            return verb if verb.i < tok.i else None
        if verb.lemma_ in ("be",) and verb.dep_ == "ccomp" and verb.head.lemma_ in _SPEAKING:
            # "said it was fake news", "insisted the reports were groundless" (the word is
            # what they are said to be: after the copula, not "the rumours … were accurate")
            if tok.i < verb.i:
                return None
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if _negated(verb):
                return None     # "that is not a rumour"
            if _condemns_an_act(tok, [subj] if subj is not None else []):
                return None
            if subj is not None and (subj.lower_ in _TOPIC or subj.lemma_.lower() in _TOPIC):
                return verb.head
            return None
        if verb.lemma_ in _SPEAKING and tok.dep_ == "pobj" and tok.head.lower_ in (
                "on", "about", "to") and tok.head.head.i == verb.i:
            return verb         # "does not comment on fabrications from Washington"
        if verb.lemma_ in _SPEAKING and any(c.lower_ == "nothing" for c in verb.children):
            return verb         # "had nothing to say about fabrications from Seoul"
        if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_ in _NAMING:
            continue            # "called the prisoner reports a fabrication" read as a clause
        if verb.dep_ == "acl" and verb.i < tok.i:
            continue            # "described reports of troops heading to Ukraine as 'fake'"
        return None
    return None


@Language.component("sitrep_denials")
def sitrep_denials(doc: Doc) -> Doc:
    if doc._.sitrep_entities is None:
        doc._.sitrep_entities = build_table(doc)
    resolver = doc._.sitrep_resolver or Resolver(doc._.sitrep_entities)
    index = doc_index(doc)
    out: list[Denial] = []
    seen: set[tuple[str | None, int]] = set()
    candidates: list[tuple[Token, str]] = []
    for i in index.with_lemma(_DENIAL_LEMMAS):
        tok = doc[i]
        kind = DENIAL_VERBS.get(tok.lemma_)
        if kind is None or tok.pos_ != "VERB" or _negated(tok):
            continue
        deps = ("dobj", "xcomp", "ccomp", "pcomp")
        if tok.lemma_ in _WITH_PARTICLE:
            if not any(c.lower_ in _WITH_PARTICLE[tok.lemma_] and c.dep_ in ("prt", "prep")
                       for c in tok.children):
                continue        # "laughed" alone, "scoffed" alone
            deps += ("prep", "prt")
        objects = [t for c in tok.children if c.dep_ in deps or c.dep_ == "nsubjpass" and
                   _speaking_agent(tok) or c.dep_ == "prep" and c.lower_ == "as"
                   for t in c.subtree]
        # ("the reports were dismissed by X", "dismissed as 'absurd' reports that …")
        if not any(t.lemma_.lower() in _TOPIC or t.lower_ in _TOPIC for t in objects):
            continue
        candidates.append((tok, kind))
    for i in index.with_lemma_or_lower(FALSEHOOD):
        if doc[i].tag_ in ("VBD", "VBN", "VBG"):
            continue            # "young men who were lied to" ("called them lies" is a noun
            #                     the tagger may read as a verb)
        head = doc[i].head
        if doc[i].dep_ == "amod" and head.pos_ in ("NOUN", "PROPN") and head.is_alpha and \
                head.lower_ not in FALSEHOOD | _FALSE_THINGS:
            continue            # "a false alarm", but "fake news", "false claims"
        verb = _dismissing(doc[i])
        if verb is None or verb.lemma_ in _DENIAL_LEMMAS or _negated(verb) and \
                verb.lemma_ in _NAMING | {"be"}:
            continue            # a denial verb is read above; "did not call it fake" is none
        candidates.append((verb, "dismissal"))
    for i in index.with_lower(frozenset(["information", "psychological"])):
        tok = doc[i]        # "called the claims 'an information campaign'"
        if tok.dep_ not in ("compound", "amod") or tok.head.lower_ not in _INFO_WAR:
            continue
        verb = _dismissing(tok)
        if verb is not None and verb.lemma_ not in _DENIAL_LEMMAS and not (
                _negated(verb) and verb.lemma_ in _NAMING | {"be"}):
            candidates.append((verb, "dismissal"))
    for i in index.with_lower(frozenset(["true", "accurate", "correct", "truthful"])):
        verb = _said_not_true(doc[i])
        if verb is not None:
            candidates.append((verb, "dismissal"))
    for i in index.with_lemma(_INVENTING):
        verb = _accusing(doc[i])
        if verb is not None:
            candidates.append((verb, "dismissal"))
    for i in index.with_lemma(frozenset(["exist", "be"])):
        verb = _says_they_do_not_exist(doc[i])
        if verb is not None and not any(q.kind == "direct" and q.start <= doc[i].idx < q.end
                                        and not q.start <= verb.idx < q.end
                                        for q in doc._.sitrep_quotes or ()):
            # "'Before, they did not exist,' he said": a speaker's figure of speech, not
            # "'… Six months ago it said they did not exist'"
            candidates.append((verb, "denial"))
    for i in index.with_lower(_NONE_WORDS):
        verb = _says_there_are_none(doc[i])
        if verb is not None:
            candidates.append((verb, "denial"))
    candidates.sort(key=lambda c: c[0].i)
    for tok, kind in candidates:
        speakers = _deniers(tok, resolver, doc._.sitrep_quotes or ())
        sent = tok.sent
        words = list(tok.subtree)
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        objects = [t for c in tok.children if c.dep_ in ("dobj", "xcomp", "ccomp", "pcomp",
                                                        "prep", "oprd")
                   and c.lower_ not in _ASIDE for t in c.subtree]
        for speaker in speakers or [None]:
            name = speaker.name if speaker else None
            if (name, sent.start) in seen:
                continue        # "denied the deployment and called it a fabrication": one
            seen.add((name, sent.start))
            out.append(Denial(
                denied_by=name, force=_force(objects, name), kind=kind,
                text=index.text[start:end], stated_on=doc._.sitrep_published,
                sentence=_sentence_text(sent), start=start, end=end))
    named = {d.sentence for d in out if d.denied_by}
    # "A commentary carried by KCNA dismissed the reports as what it called 'rumours'": one
    # denial, by whoever the sentence names
    out = [d for d in out if d.denied_by or d.sentence not in named]
    doc._.sitrep_denials = out
    doc._.sitrep_index = None        # the last sitrep component: drop the shared arrays
    return doc


_CLOSERS = "\"'”’»"


def _sentence_text(sent) -> str:
    """The sentence with the closing quotation marks the segmenter left to the next one
    ('… called them "outright lies.' + '"')."""
    text = sent.doc.text
    end = sent.end_char
    while end < len(text) and text[end] in _CLOSERS:
        end += 1
    return text[sent.start_char:end].strip()


def _deniers(verb: Token, resolver: Resolver, quotes) -> list:
    """Everyone the verb's subject names: "Moscow and Pyongyang denied …" is both; "we" in a
    direct quote is its speaker ("“We don't comment on speculation,” Peskov said")."""
    for subj in _subjects(verb):
        owner = next((c for c in subj.children if c.dep_ == "poss"), None)
        if subj.lower_ in ("line", "position", "stance", "version") and owner is not None:
            subj = owner        # "Pyongyang's official line was that …": Pyongyang's
        if subj.lower_ in ("we", "i"):
            quote = next((q for q in quotes if q.kind == "direct" and q.speaker and
                          q.start <= subj.idx < q.end), None)
            if quote is not None:
                return [Speaker(quote.speaker, quote.speaker_label)]
        heads = [subj] + [c for c in subj.conjuncts if c.i > subj.i]
        found = []
        for head in heads:
            speaker = _denier_at(head, resolver)
            if speaker and all(s.name != speaker.name for s in found):
                found.append(speaker)
        if found:
            return found
    return []


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or where the parser hung the verb off its subject's clause: "The
    Kremlin was quick to brush the reports aside", "she had nothing to say about
    fabrications", "Minister X, quoted by Interfax, called the reports …" (the finite verb
    read as a clause of the name)."""
    found = subjects_of(verb)
    if found:
        return found
    node = verb
    for _ in range(4):
        if node.dep_ == "acl" and node.head.pos_ == "PROPN" and node.head.dep_ == "ROOT" and \
                node.tag_ in ("VBD", "VBN", "VBZ"):
            return [node.head]
        if node.head is node or node.dep_ in ("ccomp", "advcl", "conj", "relcl") and \
                node.head.pos_ in ("VERB", "AUX"):
            return []
        node = node.head
        subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return [subj]
    return []


_ISSUING = frozenset(["carry", "publish", "issue", "run", "release", "air", "broadcast", "post"])


def _denier_at(head: Token, resolver: Resolver) -> Speaker | None:
    """Who a subject names: the body it is or speaks for; the owner of a side, leadership or
    state media ("the DPRK leadership", "North Korea's state media"); the issuer of a
    document ("a commentary carried by KCNA"); a description as a last resort."""
    speaker = resolver.resolve(head)
    if speaker and not speaker.generic:
        return speaker
    for c in head.children:
        if c.dep_ in ("poss", "compound") and c.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") \
                or c.dep_ == "amod" and c.ent_type_ == "NORP":
            owner = resolver.resolve(c)
            if owner and not owner.generic:
                return owner
        if c.dep_ == "acl" and c.lemma_ in _ISSUING:
            agent = next((g for a in c.children if a.dep_ == "agent" for g in a.children
                          if g.dep_ == "pobj"), None)
            issuer = resolver.resolve(agent) if agent is not None else None
            if issuer and not issuer.generic:
                return issuer
    return speaker


def _force(objects: list[Token], denier: str | None) -> str:
    """Whose troops the denied reports are about: the nationality of the troops denied
    ("the presence of DPRK troops on Russian territory"), else a nationality in what is
    denied that is not the denier's own and names neither the reports' source ("the American
    claims", "a Ukrainian fairy tale") nor a place ("Russian territory"), else North Korea's
    (the deployment in question)."""
    for t in objects:       # the nationality of the troops denied, whoever denies
        if t.dep_ in ("amod", "compound", "poss", "nmod") and \
                t.head.lemma_.lower() in _TROOP_HEADS:
            country = _country_at(t)
            if country:
                return country
    for t in objects:
        if t.ent_type_ != "NORP" or t.dep_ not in ("amod", "compound") or \
                t.head.lower_ in _NOT_THE_FORCE or t.head.lemma_.lower() in _NOT_THE_FORCE:
            continue
        country = _country_at(t)
        if country and country != denier:
            return country
    own = canonical_country(denier) if denier else None
    if own and any(t.lemma_ in _SENDING for t in objects) and any(
            t.lemma_.lower() in _TROOPS | {"troop", "soldier"} for t in objects):
        return own          # "Minsk denied sending troops": its own
    if own and any(t.lower_ in ("its", "our") and t.dep_ == "poss" and
                   t.head.lemma_.lower() in _TROOP_HEADS for t in objects):
        return own          # "Minsk said its troops are not in Russia"
    return "North Korea"


_TROOP_HEADS = _TROOPS | {"troop", "soldier", "military", "army", "contingent", "unit",
                          "deployment", "serviceman", "fighter"}
# Nouns whose nationality is no force's: the reports' source, the falsehood's author, a place.
_NOT_THE_FORCE = FALSEHOOD | _FALSE_THINGS | {
    "media", "intelligence", "official", "officials", "government", "side", "press",
    "outlet", "outlets", "source", "sources", "territory", "soil", "land", "region",
    "border", "campaign", "accusation", "assessment", "estimate", "allegation", "claim",
    "report", "story"}


def _country_at(t: Token) -> str | None:
    """The country a word's whole entity names ("North Korean", not "Korean"), read at the
    entity's word that hangs outside it ("South" in "South Korean estimates" is none)."""
    doc = t.doc
    if not t.ent_type_:
        return canonical_country(t.text)
    start, end = t.i, t.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if start <= t.head.i < end and t.head.i != t.i:
        return None
    return canonical_country(doc[start:end].text) or canonical_country(t.text)


_SENDING = frozenset(["send", "deploy", "dispatch", "transfer"])
# Prepositions that set evidence or circumstance beside the denial: "denied the deployment,
# despite the capture of two soldiers by Ukrainian forces".
_ASIDE = frozenset(["despite", "including", "notwithstanding", "amid", "after", "while",
                    "although", "though"])


