"""The sitrep_estimates component: numeric claims about a force's troops (Doc._.sitrep_estimates).

A figure counts when it counts troop nouns (or casualties), directly ("3,000 soldiers"),
through "of" ("thousands of troops", "a contingent of 3,000"), through a unit that numbers it
("two units, each numbering up to 6,000": the unit figure and the composed total), or by
ellipsis in a sentence about troops ("with up to 10,000 expected"). Years, dates, times,
ordinals, money and other counted things (workers, shells, containers) never count.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from bot.extraction import cues
from bot.extraction.attribution import (
    Resolver,
    Speaker,
    _np_before,
    according_to,
    agent_of,
    cited_by,
    origin_of,
    passive_this_agent,
    subjects_of,
)
from bot.extraction.dates import resolve_date
from bot.extraction.docindex import doc_index
from bot.extraction.entities import build_table
from bot.extraction.names import canonical_country, canonical_name
from bot.extraction.numbers import VAGUE, VAGUE_HEADS, is_year, parse_number, parse_range
from bot.extraction.publisher import publisher_body
from bot.extraction.types import Estimate

log = logging.getLogger(__name__)

if not Doc.has_extension("sitrep_estimates"):
    Doc.set_extension("sitrep_estimates", default=None)

_BAD_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"}
_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty",
                 "seventy", "eighty", "ninety", "hundred", "thousand", "million", "dozen"}
_SCALE = {"hundred", "thousand", "million", "billion"}
# "1.28mn", "1.2m", "12k": a figure with its scale glued on
_SUFFIXED = re.compile(r"\d+(?:\.\d+)?(?:k|m|mn|mln|bn)", re.I)
_RANGE_TOKEN = re.compile(r"\d[\d,.]*\s*[-–]\s*\d[\d,.]*")


@dataclass
class Figure:
    start: int          # token indices of the figure words [start, end)
    end: int
    value: int
    low: int | None
    high: int | None
    qualifier: str
    text: str


def _is_num(tok: Token) -> bool:
    if tok.ent_type_ in _BAD_ENTS and tok.lower_ not in _SCALE and not _scaled_date(tok):
        return False
    if ":" in tok.text or tok.text.endswith(("th", "st", "nd", "rd")) and tok.text[:1].isdigit():
        return False
    return tok.like_num or tok.lower_ in _NUMBER_WORDS or tok.lower_ in _SCALE or \
        _SUFFIXED.fullmatch(tok.text) is not None


# Vague phrases by their first word, longest first: "tens" -> [(("tens", "of", "thousands"), ..)]
_VAGUE_BY_FIRST: dict[str, list[tuple[tuple[str, ...], int]]] = {}
for _words, _value in sorted(VAGUE, key=lambda wv: -len(wv[0].split())):
    _VAGUE_BY_FIRST.setdefault(_words.split()[0], []).append((tuple(_words.split()), _value))
_FIGURE_WORDS = frozenset(_NUMBER_WORDS | _SCALE | set(_VAGUE_BY_FIRST))


def _vague_at(doc: Doc, i: int, end: int) -> tuple[int, int] | None:
    for words, value in _VAGUE_BY_FIRST.get(doc[i].lower_, ()):
        n = len(words)
        if i + n <= end and tuple(t.lower_ for t in doc[i:i + n]) == words:
            return n, value
    return None


def find_figures(sent: Span, maybe=None) -> list[Figure]:
    """Figures of a sentence; `maybe` marks the doc's tokens that could start one
    (DocIndex.maybe_figure, computed once per doc)."""
    doc = sent.doc
    if maybe is None:
        maybe = doc_index(doc).maybe_figure(_FIGURE_WORDS)
    out: list[Figure] = []
    i = sent.start
    while i < sent.end:
        if not maybe[i]:
            i += 1
            continue
        tok = doc[i]
        # vague magnitudes first: "tens of thousands", "several thousand", "thousands"
        matched = _vague_at(doc, i, sent.end)
        if matched:
            n, value = matched
            out.append(Figure(i, i + n, value, value, None, "vague", doc[i:i + n].text))
            i += n
            continue
        if _RANGE_TOKEN.fullmatch(tok.text) and tok.ent_type_ not in _BAD_ENTS:
            rng = parse_range(tok.text)
            if rng:
                out.append(Figure(i, i + 1, rng[1], rng[0], rng[1], "range", tok.text))
            i += 1
            continue
        if not _is_num(tok) or tok.lower_ in _SCALE and not _a_scale(doc, i, sent.start):
            i += 1
            continue
        if tok.lower_ in _SCALE:
            i -= 1                          # "about a thousand were killed": "a" is one
        j = i + 1 if doc[i].lower_ in ("a", "an") else i
        while j < sent.end and _is_num(doc[j]):
            j += 1
        text = doc[i:j].text
        value = parse_number(text)
        low = high = None
        qualifier = "exact"
        # ranges: "10,000 to 12,000", "10,000-12,000", "between 10,000 and 12,000"
        if j + 1 < sent.end and doc[j].lower_ in ("to", "-", "–", "—", "and", "or") and \
                _is_num(doc[j + 1]):
            k = j + 1
            while k < sent.end and _is_num(doc[k]):
                k += 1
            rng = parse_range(doc[i:k].text)
            if rng and (doc[j].lower_ != "and" or doc[i - 1].lower_ == "between"):
                low, high = rng
                value, qualifier, text, j = high, "range", doc[i:k].text, k
        elif "-" in text and value is None:
            rng = parse_range(text)
            if rng:
                low, high = rng
                value, qualifier = high, "range"
        if value is None or (is_year(text) and "," not in text) or \
                tok.ent_type_ in _BAD_ENTS and not _scaled_date(tok) or \
                i - 2 >= sent.start and doc[i - 1].lower_ in ("and", "to", "-", "–") and \
                doc[i - 2].ent_type_ == "DATE" and doc[i - 2].like_num:
            # (the end of a span of days: "between October 8 and 13")
            i = j
            continue
        if qualifier != "range":
            qualifier, extra = _qualifier(doc, i, sent.start)
            if qualifier == "exact":        # "10,000 or so", "3,000 or more", "500-plus"
                qualifier = _trailing_qualifier(doc, j, sent.end)
            if qualifier in ("at least", "more than"):
                low = value
            elif qualifier in ("up to", "fewer than"):
                high = value
            i_start = i - extra
        else:
            i_start = i - 1 if doc[i - 1].lower_ == "between" else i
        out.append(Figure(i_start, j, int(value), low, high, qualifier, text))
        i = j
    return out


def _scaled_date(tok: Token) -> bool:
    """A number the tagger read as a date though a scale word follows in the same entity
    ("between 10 and 12 thousand" tagged DATE): no date has thousands."""
    if tok.ent_type_ != "DATE" or not tok.like_num:
        return False
    doc = tok.doc
    k = tok.i + 1
    while k < len(doc) and k <= tok.i + 4 and doc[k].ent_iob_ == "I":
        if doc[k].lower_ in _SCALE:
            return True
        k += 1
    return False


def _a_scale(doc: Doc, i: int, floor: int) -> bool:
    """"a thousand", "a hundred": the article is the number (never after another number)."""
    return i - 1 >= floor and doc[i - 1].lower_ in ("a", "an") and \
        not (i - 2 >= floor and _is_num(doc[i - 2])) and doc[i].lower_ in ("hundred", "thousand")


_QUALIFIER_WORDS = [(tuple(words.split()), name) for words, name in cues.QUALIFIERS]
_TRAILING_WORDS = [(tuple(words.split()), name) for words, name in cues.TRAILING_QUALIFIERS]
_QUALIFIER_SPAN = max(len(w) for w, _ in _QUALIFIER_WORDS)


def _qualifier(doc: Doc, i: int, floor: int) -> tuple[str, int]:
    before = tuple(t.lower_ for t in doc[max(floor, i - _QUALIFIER_SPAN):i])
    for words, name in _QUALIFIER_WORDS:
        n = len(words)
        if n <= len(before) and before[len(before) - n:] == words:
            return name, n
    return "exact", 0


def _trailing_qualifier(doc: Doc, j: int, end: int) -> str:
    after = tuple(t.lower_ for t in doc[j:min(end, j + 2)])
    for words, name in _TRAILING_WORDS:
        if after[:len(words)] == words:
            return name
    return "exact"


def _counted(doc: Doc, fig: Figure) -> Token | None:
    """The noun a figure counts, or the figure's own head token when it stands alone."""
    last = doc[fig.end - 1]
    if fig.qualifier == "vague":
        head = doc[fig.end - 1]
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if head.dep_ in ("nummod", "amod", "quantmod") and head.head.pos_ in ("NOUN", "PROPN"):
            noun = head.head
            for _ in range(2):      # "several hundred artillery and drone specialists"
                if noun.dep_ in ("compound", "nmod") and noun.head.i > noun.i and \
                        noun.head.pos_ == "NOUN":
                    noun = noun.head
            return noun
        return head
    outside = [t for t in doc[fig.start:fig.end]
               if not fig.start <= t.head.i < fig.end and t.like_num]
    if outside:
        last = outside[-1]
    tok = last
    for _ in range(3):
        if tok.dep_ in ("nummod", "quantmod", "compound", "amod") and tok.head.i > tok.i:
            tok = tok.head
        else:
            break
    if tok.pos_ == "NUM" or tok is last:
        for child in last.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        return last
    if not _is_troop_noun(tok) and tok.lower_ not in cues.CASUALTY_WORDS and tok.i > fig.end:
        # "14,000 North Korean servicemen Pyongyang has sent" parsed as one noun phrase: the
        # troop noun right after the figure is what it counts
        between = [t for t in doc[fig.end:tok.i] if t.pos_ in ("NOUN", "PROPN")]
        if between and _is_troop_noun(between[-1]) and all(
                t.pos_ in ("ADJ", "PROPN", "NOUN") or t.ent_type_ == "NORP"
                for t in doc[fig.end:between[-1].i]):
            return between[-1]
    return tok


# What civilians do: "12 million Ukrainians have fled", "600,000 Russians have left".
_CIVILIAN_VERBS = frozenset(["flee", "leave", "emigrate", "live", "work", "vote", "travel",
                             "visit", "study", "relocate", "evacuate", "resettle", "shelter"])


def _is_demonym_plural(tok: Token) -> bool:
    """"North Koreans", "Russians": people of a nation, counted as its soldiers (not when they
    flee, leave, live or work somewhere)."""
    if tok.tag_ not in ("NNPS", "NNS") or tok.ent_type_ != "NORP":
        return False
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in _CIVILIAN_VERBS:
        return False
    words = [c.text for c in tok.lefts if c.dep_ in ("compound", "amod") and c.i == tok.i - 1]
    return canonical_country(" ".join([*words, tok.text])) is not None


def _is_troop_noun(tok: Token) -> bool:
    return tok.lower_ in cues.TROOP_NOUNS or tok.lemma_.lower() in cues.TROOP_NOUNS or \
        _is_demonym_plural(tok) or tok.lower_ in cues.MILITARY_TRADES and any(
            c.dep_ in ("amod", "compound", "nmod") and c.lower_ in _MILITARY_MODIFIERS
            for c in _modifiers(tok)) and not any(
            c.lower_ in ("civilian", "civil", "private", "commercial") for c in tok.lefts
            for c in c.subtree)
    # ("5,000 military builders", "army engineers"; not "ten civilian drone specialists")


def _modifiers(tok: Token) -> list[Token]:
    """A noun's modifiers, and theirs when a compound sits between ("military construction
    workers": "military" hangs on "construction")."""
    out = []
    for c in tok.children:
        out.append(c)
        if c.dep_ == "compound" and c.i < tok.i:
            out.extend(g for g in c.children if g.dep_ in ("amod", "compound"))
    return out


_MILITARY_MODIFIERS = frozenset(["military", "army", "combat", "artillery", "drone",
                                 "missile", "assault", "infantry", "sniper", "tank",
                                 "air-defence", "air-defense"])


def _sentence_about_troops(sent: Span) -> bool:
    return any((_is_troop_noun(t) and t.lower_ not in ("people", "persons", "members", "staff",
                                                        "man")
                or t.lower_ in cues.UNIT_NOUNS and t.lower_ not in ("group", "groups", "team",
                                                                  "company", "companies"))
               and not _in_body_name(t) for t in sent)


def _in_body_name(tok: Token) -> bool:
    """A troop word that only names a speaking body: "Ukraine's air force said", "the Armed
    Forces of Ukraine reported"."""
    if tok.lower_ not in ("force", "forces"):
        return False
    return tok.ent_type_ == "ORG" or tok.i > 0 and tok.doc[tok.i - 1].lower_ == "air"


def _context_after(pending: list[tuple[Span, bool]], context: bool, article: bool = False
                   ) -> bool:
    """Whether the next sentence's bare figures may refer to troops named before: settled by
    the last of the `pending` sentences that is a paragraph end or a full sentence (labels and
    fragments leave it as it was). Read lazily, only before a sentence with figures."""
    for sent, found in reversed(pending):
        question = sent.text.strip().endswith("?")
        if question and "how many" in sent.text.lower() and (context or any(
                t.lower_ in cues.CASUALTY_WORDS for t in sent)):
            return True         # "How many have been killed?" asks about the troops
        # a sentence naming a count sets up the figures after it, even across a paragraph
        # break ("… told reporters that the agency had revised its count.¶"At the end of
        # October it was 10,000."), once the article has counted troops
        count = article and sum(t.is_alpha for t in sent) >= 4 and any(
            t.lower_ in _FIGURE_NOUNS and t.pos_ == "NOUN" and any(
                c.dep_ in ("poss", "det") for c in t.children) for t in sent)
        if "\n\n" in sent.text_with_ws and not question:
            return bool(count)  # a new paragraph, unless it answers this question
        if sum(t.is_alpha for t in sent) >= 4:     # not a label or a fragment
            return found or _sentence_about_troops(sent) or bool(count)
    return context


# Verbs that bring a measured subject to a figure: "the number has risen to 11,000", "the
# total reached 12,000", "the figure is higher than the 3,000 …".
_CHANGE_VERBS = frozenset(["rise", "grow", "reach", "climb", "increase", "jump", "swell", "be",
                           "stand", "exceed", "top", "surpass", "pass", "hit", "near"])
_NUMBER_VERB = frozenset(["number", "numbers", "numbered", "numbering", "total", "totals",
                          "totalled", "totaled", "totalling", "totaling"])


def _figure_head(number: Token) -> Token:
    """The token that carries a figure in the parse: past its modifiers and, for a range
    ("between 10,000 and 12,000"), from the upper bound to the lower one."""
    tok = number
    for _ in range(2):
        if tok.dep_ in ("quantmod", "nummod", "compound") and tok.head is not tok:
            tok = tok.head
    if tok.dep_ == "conj" and tok.head.like_num:
        tok = tok.head
    return tok


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def _put_at(number: Token) -> Token | None:
    """The measured noun of "put the number / North Korean losses at 4,700", of the passive
    "the number ... is put at 15,000", of "put the total dispatched at …", of "their forces
    number about 1.28 million" / "casualties numbered in the low hundreds"."""
    tok = _figure_head(number)
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("about", "around", "some", "roughly") and \
            head.head.lower_ in _NUMBER_VERB:
        tok, head = head, head.head       # "forces number about 880,000" (about as a preposition)
    if tok.dep_ in ("dobj", "attr", "npadvmod", "prep", "appos") and head.lower_ in _NUMBER_VERB and \
            head.i < tok.i:
        subj = _subject(head)
        if subj is None:        # "the armed forces number …" parsed as a noun phrase
            subj = next((c for c in head.children if c.dep_ in ("compound", "nmod")
                         and c.i < head.i), None)
        return subj
    if tok.dep_ != "pobj":
        return None
    if head.lower_ in ("in", "at") and head.head.lower_ in _NUMBER_VERB:
        verb = head.head
        if verb.dep_ == "acl" and _subject(verb) is None:
            return verb.head      # "casualties numbered in the low hundreds" read as a noun
        return _subject(verb)
    if head.lower_ not in ("at", "near", "around", "above", "over", "below"):
        return None
    verb = head.head
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "nsubjpass") and \
            verb.head.lemma_ in cues.MEASURE_VERBS and verb.head.i < verb.i:
        return verb                       # "estimated casualties at 3,000" (PP on the noun)
    if verb.lemma_ not in cues.MEASURE_VERBS and verb.dep_ == "acl" and \
            verb.head.dep_ == "dobj" and verb.head.head.lemma_ in cues.MEASURE_VERBS:
        return verb.head                  # "put the total dispatched at …"
    if verb.lemma_ not in cues.MEASURE_VERBS:
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            if child.lower_ in ("that", "which") and verb.dep_ == "relcl":
                return verb.head          # "losses that X puts at 1,200 a day"
            return child
    return None


def _measured_subject(number: Token) -> Token | None:
    """The subject a figure measures through a verb of change or comparison: "the number has
    now risen to around 11,000", "the total reached 12,000", "the figure is far higher than
    the 3,000 …" (the subject must be a measure noun: number, figure, total, toll …)."""
    tok = _figure_head(number)
    verb = None
    if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "than", "at", "past", "above", "below",
                                                  "over", "under"):
        verb = tok.head.head
        if verb.pos_ == "ADJ" and verb.dep_ in ("acomp", "advmod"):
            verb = verb.head              # "is far higher than …"
    elif tok.dep_ in ("attr", "dobj"):
        verb = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.lower_ in VAGUE_HEADS and \
            tok.head.head.lemma_ == "be":
        # "the next group could be in the low thousands": a unit or troops sized vaguely
        subj = _subject(tok.head.head)
        if subj is not None and subj.i < tok.i and (
                subj.lower_ in cues.MEASURED_NOUNS or subj.lower_ in cues.UNIT_NOUNS or
                _is_troop_noun(subj) or subj.lower_ in cues.CASUALTY_WORDS):
            return subj
        return None
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_ not in _CHANGE_VERBS:
        return None
    subj = _subject(verb)
    if subj is None or subj.i > tok.i or subj.lower_ not in cues.MEASURED_NOUNS and (
            subj.lower_ not in cues.CASUALTY_WORDS or subj.tag_ not in ("NNS", "NN")):
        return None
    return subj


def _counts_troops(measured: Token) -> bool:
    """Whether a measured noun ("the number", "the total of troops") is not explicitly the
    number of something else ("the number of shells")."""
    for child in measured.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and not (_is_troop_noun(obj) or
                                               obj.lower_ in cues.CASUALTY_WORDS or
                                               obj.lower_ in cues.UNIT_NOUNS):
                    return False
    return True


def _relative_antecedent(pronoun: Token) -> Token | None:
    """The noun a relative "which"/"whom" stands for: the head of its relative clause."""
    for anc in pronoun.ancestors:
        if anc.dep_ in ("relcl", "acl"):
            return anc.head
    return None


def _hypothetical(number: Token) -> bool:
    """A figure in a clause of its own under "until", "unless", "whether" or "if" ("do not wait
    until their number grows to fifty thousand"): nobody claims it."""
    for anc in number.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "mark" and c.lower_ in cues.HYPOTHETICAL_MARKS
                       for c in anc.children)
    return False


def _troop_figure(doc: Doc, fig: Figure, sent: Span, context: bool = False,
                  article: bool = False) -> tuple[Token, str | None] | None:
    """(anchor token, casualty status) when the figure counts troops; None otherwise.
    `context`: the sentence before was about troops, so a bare figure ("roughly 7,000 were
    in Kursk", "N of them") refers to them."""
    noun = _counted(doc, fig)
    if noun is None or fig.value < 2:
        return None             # "one of the soldiers", "a soldier": no magnitude
    first = doc[fig.start]
    if first.is_title and first.i > sent.start and first.is_alpha and \
            doc[first.i - 1].is_alpha and first.lower_ in _NUMBER_WORDS:
        return None             # a number word in a name: "the Group of Seven"
    if fig.value < 10 and _source_count(noun):
        return None             # "citing two Russian servicemen"
    if _cited_by_speakers(doc[fig.end - 1]) is not None:
        if context or article or _sentence_about_troops(sent):
            return doc[fig.end - 1], None   # "up from the 3,000 U.S. officials cited"
        return None
    if _age(doc[fig.end - 1]):
        return None             # "lowering the mobilisation age below 25"
    if _rate_of_other(doc, fig, sent) or _population(doc[fig.end - 1]) or \
            _fraction(doc, fig, sent):
        return None             # "1,388 per dollar", "a country of 9 million", "two-fifths"
    if _tactic(doc[fig.end - 1], fig.value) or _rhetorical(doc, fig):
        return None             # "attacking in groups of 10 to 15"; "even 50,000 would …"
    unit = _strong_unit(doc[fig.end - 1])
    if unit is not None:
        return unit, None       # "a contingent some 11,000 strong", "the 2,000-strong unit"
    after = doc[fig.end] if fig.end < sent.end else None
    # "about 1,200 killed or wounded", "4,000 dead"
    window = []
    for t in doc[fig.end:min(sent.end, fig.end + 8)]:
        if t.text in (",", ";", ":", ".") or t.like_num or t.tag_ == "TO" or \
                len(window) >= 4 and t.lower_ not in (
                "wounded", "injured", "killed", "captured", "dead", "missing", "or", "and"):
            break       # "more than 6,000 have been killed or wounded"
        window.append(t.lower_)
    casualty = _casualty(window)
    verbal = doc[fig.end - 1].head
    if verbal.lower_ in _NUMBER_VERB and verbal.i < fig.start and verbal.pos_ == "NOUN" and \
            doc[fig.end - 1].dep_ == "nummod":
        # "North Korean troops in Kursk number 11,000" with "number" read as a noun: the
        # troops (or losses) before it are what it counts
        before = [t for t in doc[max(sent.start, verbal.i - 6):verbal.i]
                  if t.pos_ in ("NOUN", "PROPN")]
        if any(_is_troop_noun(t) or t.lower_ in cues.CASUALTY_WORDS for t in before):
            words = [t.lower_ for t in before]
            return doc[fig.end - 1], casualty or _casualty(words)
    head = _figure_head(doc[fig.end - 1])
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.like_num and \
            head.head.head.i < fig.start:
        casualty = None         # "1,000 of the 11,000 have been killed": the 1,000 were
    if _hypothetical(doc[fig.end - 1]):
        return None
    measured = _put_at(doc[fig.end - 1])
    if measured is not None:
        word = measured.lower_
        if word in cues.CASUALTY_WORDS:
            return noun, cues.CASUALTY_WORDS[word]
        if word == "toll":      # "put the toll at 3,000"; "the death toll"
            return noun, casualty or ("killed" if any(
                c.lower_ in ("death", "deaths") for c in measured.children) else "casualties")
        if _is_troop_noun(measured):
            return noun, casualty
        if word in cues.MEASURED_NOUNS or word in cues.UNIT_NOUNS:
            return noun, casualty
    measured = _measured_subject(doc[fig.end - 1])
    if measured is not None and fig.value >= 100 and _counts_troops(measured) and (
            after is None or after.pos_ != "NOUN" or _is_troop_noun(after)):
        return noun, casualty or cues.CASUALTY_WORDS.get(measured.lower_)
    if noun.lower_ in cues.ANAPHORIC_COUNTED and noun.dep_ == "pobj" and \
            noun.head.lower_ == "of" and fig.value >= 10 and \
            (context or _sentence_about_troops(sent) or article and (
                fig.value >= 1000 and (_moved_or_lost(doc[fig.end - 1]) or
                                       _figure_head(doc[fig.end - 1]).head.lemma_ == "be")
                or casualty) and not _other_things(sent)):
        return doc[fig.end - 1], casualty          # "roughly 10,000 of them", "200 of them
        #                                            have been killed" once troops are counted
    if noun.like_num and noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            noun.i >= fig.end and fig.value >= 10 and (
                casualty or context or article or _sentence_about_troops(sent) or
                _moved_or_lost(doc[fig.end - 1])):
        return doc[fig.end - 1], casualty          # "around 1,000 of the 11,000"
    if noun.lower_ in ("which", "whom") and noun.dep_ == "pobj" and fig.value >= 10:
        antecedent = _relative_antecedent(noun)
        if _sentence_about_troops(sent) or antecedent is not None and (
                _is_troop_noun(antecedent) or antecedent.like_num or
                antecedent.lower_ in cues.CASUALTY_WORDS or antecedent.lower_ in cues.UNIT_NOUNS):
            return doc[fig.end - 1], casualty      # "11,000 troops, of which several hundred"
        return None
    if noun.i >= fig.start and noun.i < fig.end:
        if casualty:
            return noun, casualty
        if after is not None and after.pos_ in ("NOUN", "PROPN") and not _is_troop_noun(after):
            return None      # "3,000 shells" parsed oddly
        if noun.dep_ in ("pobj",) and noun.head.lower_ == "of" and \
                noun.head.head.lower_ in cues.UNIT_NOUNS:
            return noun, None          # "a contingent of 3,000"
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and fig.value >= 100 and \
                noun.head.head.lower_ in cues.MEASURED_NOUNS and \
                (after is None or after.pos_ not in ("NOUN", "PROPN")) and \
                (article or context or _sentence_about_troops(sent)):
            return noun, None          # "the figure of several thousand near Kursk"
        if fig.value >= 10 and any(c.dep_ == "relcl" and any(
                g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in ("who", "whom")
                for g in c.children) for c in noun.children):
            return noun, None          # "the more than 10,000 who are in Kursk": people
        if noun.dep_ == "nummod" and noun.head.lower_ in _MORE and \
                (context or _sentence_about_troops(sent)):
            return noun, None          # "several thousand more were still at camps"
        about = _sentence_about_troops(sent) or (context and fig.value >= 100)
        if about and (after is None or after.pos_ != "NOUN") and \
                noun.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "ROOT", "conj",
                              "appos", "npadvmod", "advcl", "oprd", "dep", "ccomp"):
            return noun, None          # ellipsis: "with up to 10,000 expected"
        whole = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
        if fig.value >= 100 and (after is None or after.pos_ not in ("NOUN", "PROPN")) and \
                (_moved_or_lost(noun) or whole is not None and whole.like_num and
                 whole.i < fig.start and _moved_or_lost(whole) or _the_n_sent(doc, fig, sent)):
            return noun, None          # "could send another 30,000", "8,000 were in Kursk",
                                       # the 11,000 of "1,000 of the 11,000 were killed"
        if article and fig.value >= 1000 and (after is None or after.pos_ not in (
                "NOUN", "PROPN")) and _limit(noun):
            return noun, None          # troops counted before: "Kim will not stop at 11,000"
        return None
    if noun.lower_ in cues.ANAPHORIC_COUNTED and noun.lower_ == "others" and \
            (context or _sentence_about_troops(sent)):
        return noun, casualty          # "nearly 1,000 others wounded"
    if noun.lower_ in _MORE and noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "advmod") and \
            fig.value >= 10 and (context or _sentence_about_troops(sent) or
                                 fig.value >= 100 and _moved_or_lost(noun)):
        return noun, casualty          # "3,000 more have arrived"
    if noun.lower_ in ("people", "persons", "men") and noun.dep_ == "dobj" and \
            noun.head.lemma_ == "lose":
        return noun, "casualties"      # "the occupiers lost more than 2,000 people"
    if noun.lower_ in ("people", "persons") and casualty and not _sentence_about_troops(sent):
        return None         # "15 people were killed in a missile strike": civilians
    if noun.lower_ in ("people", "persons", "men", "members", "staff", "man", "crew",
                       "crews") and \
            (not _sentence_about_troops(sent) or fig.value < 10) and not casualty:
        done = _done_to(noun)
        if done is not None and _sentence_about_troops(sent) or \
                done is not None and noun.lower_ == "men" and context:
            return noun, done           # "Ukraine announced it had captured the two men"
        if noun.lower_ == "men" and context and fig.value >= 2 and any(
                c.dep_ == "det" and c.lower_ in ("the", "those", "these")
                for c in noun.children):
            return noun, None           # "the two men" of the troops just counted
        return None
    if _is_troop_noun(noun):
        # "3,000 troop carriers": the troop noun must not itself modify another noun
        if noun.dep_ in ("compound", "amod") and noun.head.i > noun.i and (
                noun.head.pos_ == "NOUN" or noun.head.pos_ != "PROPN" and noun.head.dep_ in (
                    "pobj", "dobj", "nsubj", "nsubjpass")) and not _is_troop_noun(noun.head) \
                and not noun.head.lower_.endswith("ing"):   # ("personnel gathering at …")
            return None         # "four Russian military ranges"
        return noun, casualty or _casualty([c.lower_ for c in noun.children])
    if noun.lower_ in cues.CASUALTY_WORDS:
        return noun, cues.CASUALTY_WORDS[noun.lower_]
    if noun.lower_ in _FIGURE_NOUNS and doc[fig.end - 1].head.i == noun.i and \
            doc[fig.end - 1].dep_ in ("nummod", "compound", "amod") and fig.value >= 10 and (
                context or _sentence_about_troops(sent)):
        return noun, casualty           # "the 3,000 figure included both killed and wounded"
    return None


_FIGURE_NOUNS = frozenset(["figure", "estimate", "toll", "tally", "count", "number"])
_MORE = frozenset(["more", "additional"])
# Verbs that keep a casualty from happening: "ordered to avoid capture" is no capture.
# Verbs of an occasion on which a source gives figures ("briefed lawmakers on Monday").
_OCCASIONS = frozenset(["brief", "testify", "address", "speak", "meet", "hold", "give",
                        "present", "release", "publish", "update"])
_AVERTED = frozenset(["avoid", "prevent", "escape", "evade", "resist", "fear", "risk"])
# Verbs whose subject acts on the troops counted, so is the other side, not their owner.
_DONE_BY_THE_OTHER_SIDE = frozenset([
    "capture", "kill", "wound", "injure", "hold", "take", "release", "hand", "exchange",
    "swap", "interrogate", "question", "eliminate", "destroy", "face", "repel", "attack",
    "detain", "neutralise", "neutralize", "liquidate", "accept", "encircle", "surround"])
_CLAIM_NOUNS = frozenset(["estimate", "figure", "count", "tally", "assessment",
                          "calculation", "claim", "data"])
_CASUALTY_STATUSES = frozenset(["casualties", "killed", "wounded", "captured"])
# Words of being near the fighting, not in it: "moved to the front line" is deployed.
_NEAR_FRONT = frozenset(["front", "frontline"])
# Verbs whose "will"/"would" says nothing of a plan for the troops ("ten thousand soldiers
# will not change the war", "Russia will not stop at 11,000").
_WILL_NOT_PLANNED = frozenset(["change", "stop", "matter", "make", "decide", "alter", "win",
                               "lose", "turn", "tip", "shift", "need"])


def _preparing_to_send(words: list[Token]) -> bool:
    """"is preparing to send as many as 30,000", "was prepared to send tens of thousands
    more": a plan, not training."""
    return any(t.lemma_ in ("prepare", "prepared", "ready", "willing") and any(
        c.dep_ == "xcomp" and c.lemma_ in ("send", "dispatch", "deploy", "provide", "supply")
        for c in t.children) for t in words)


# Entities that can name a claim's day ("on Saturday night" is a TIME to the tagger).
_DAY_ENTS = frozenset(["DATE", "TIME"])
# Participles that set the occasion of a claim ("Speaking on Monday, X said …").
_SPEAKING = frozenset(["speak", "talk", "address", "write", "testify", "brief", "appear",
                       "answer", "respond"])
# A press release's label line ("Press release", "PRESS RELEASE", "News release").
_RELEASE_LINE = re.compile(
    r"^[ \t]*(?:(?:press|news|media) release|for immediate release)[ \t]*:?[ \t]*$",
    re.I | re.M)
# Verbs of a relative clause that make its subject the source of the figure it qualifies ("the
# 3,000 the White House cited", "the goal of 1.5 million that Putin set").
_RELATIVE_CLAIM = cues.CLAIM_VERBS | frozenset(["give", "cite", "set", "order", "publish",
                                                "release", "provide", "offer", "use", "quote"])
# A line that opens with a day and a dash: a timeline entry ("OCT 18 - ", "JUNE 19, 2024 – ").
_TIMELINE_DAY = re.compile(r"[-•*]?\s*([A-Za-z]{3,9}\.? \d{1,2}(?:, \d{4})?)\s+[-–—]\s")
# Verbs of placing troops somewhere: "Russia has massed some 50,000 troops in Kursk".
_DEPLOYED_MORE = frozenset(["mass", "amass", "concentrate", "keep", "assemble", "gather",
                            "position", "rotate", "add", "reinforce"])
# Words that make a figure the size of a force at home ("the Storm Corps is estimated to number
# 45,000", "a regular division has about 10,000 men", "maintains 200,000 special forces").
_AT_HOME = frozenset(["number", "maintain", "strong", "division", "corps", "army", "armed"])


def _same_measure(number: Token) -> bool:
    """Whether a figure measures "the figure" / "the number" / "that toll" with nothing of its
    own ("puts the figure at 1,500", "the number has risen to 11,000"): the troops counted
    just before."""
    measured = _put_at(number) or _measured_subject(number)
    return measured is not None and measured.lower_ in _FIGURE_NOUNS and any(
        c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in measured.children) \
        and not any(c.dep_ in ("prep", "compound", "amod") for c in measured.children)


def _at_home(clause: list[Token]) -> bool:
    """Whether a clause sizes a force at home ("the army numbers …", "a 45,000-strong corps";
    not "the number of troops … rose to", where "number" is only the measure)."""
    return any(t.lemma_.lower() in _AT_HOME and not (t.lower_ == "number" and t.dep_ in (
        "nsubj", "nsubjpass", "dobj", "pobj")) for t in clause)


_AGE = frozenset(["age", "aged", "ages"])


_PASS_VERBS = frozenset(["exceed", "pass", "surpass", "top", "overtake", "outnumber"])


def _passed(number: Token) -> bool:
    """A figure a total has gone beyond: "losses had passed 3,000", "exceeded 38,000" (the
    verb is the qualifier, as "more than" would be)."""
    tok = _figure_head(number)
    if tok.dep_ == "pobj" and tok.head.lower_ == "past" and tok.head.head.pos_ == "VERB":
        return True                     # "rose past 10,000"
    return tok.dep_ in ("dobj", "attr") and tok.head.lemma_ in _PASS_VERBS


def _age(number: Token) -> bool:
    """A figure that is an age: "aged 18 to 25", "the age of 25", "lowering the mobilisation
    age below 25", "men under 25 years"."""
    tok = _figure_head(number)
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in ("years", "year", "-year", "year-old", "year-olds"):
        return True
    head = tok.head
    if tok.dep_ == "pobj":
        head = head.head
    if head.lower_ in _AGE:
        return True
    if number.dep_ == "conj" and any(c.dep_ == "acl" and c.lower_ in _AGE
                                     for c in number.head.children):
        return True             # "one aged 20 and the other 26"
    if head.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lower_ in _AGE
                                   for c in head.children):
        return True
    return _bare_age(number)


_PERSON_PRONOUNS = frozenset(["he", "she", "i"])
_ONE_OF = frozenset(["other", "one", "younger", "older", "elder", "eldest", "youngest"])


def _bare_age(number: Token) -> bool:
    """A bare number said of one person: "he is 26 and a sniper", "the other, 26, was a
    sniper", "Pak, 24, told …" (no troop noun of its own, an age's size)."""
    if number.dep_ not in ("attr", "appos") or not number.like_num or any(
            c.dep_ in ("pobj", "prep") for c in number.children):
        return False
    try:
        value = float(number.text.replace(",", ""))
    except ValueError:
        value = 30.0                      # a number word: an age's size is checked by its place
    if not 14 <= value <= 90:
        return False
    if number.dep_ == "attr":
        subject = next((c for c in number.head.children if c.dep_ == "nsubj"), None)
        return number.head.lemma_ == "be" and subject is not None and (
            subject.lower_ in _PERSON_PRONOUNS or subject.ent_type_ == "PERSON")
    owner = number.head
    doc = number.doc
    commas = number.i > 0 and doc[number.i - 1].text == "," and number.i + 1 < len(doc) and \
        doc[number.i + 1].text == ","
    return commas and (owner.ent_type_ == "PERSON" or owner.lower_ in _ONE_OF or
                       owner.lower_ in _PERSON_PRONOUNS)


def _strong_unit(number: Token) -> Token | None:
    """The unit or army a figure sizes through "strong": "a contingent some 11,000 strong",
    "the 2,000-strong unit", "a 1.2 million-strong army"."""
    tok = number
    for _ in range(2):
        if tok.lower_ == "strong":
            break
        if tok.dep_ in ("nummod", "quantmod", "compound", "advmod", "npadvmod") and \
                tok.head is not tok:
            tok = tok.head
    if tok.lower_ != "strong" or tok.i < number.i:
        return None
    unit = tok.head
    if unit.pos_ in ("NOUN", "PROPN") and (unit.lower_ in cues.UNIT_NOUNS or
                                           unit.lemma_ in cues.UNIT_NOUNS or
                                           _is_troop_noun(unit)):
        return unit
    return None


_SMALL_GROUPS = frozenset(["group", "team", "squad", "wave", "cell", "party"])


def _tactic(number: Token, value: int) -> bool:
    """A small figure describing tactics, not a force: "in small groups of three to five
    personnel", "attacking in groups of 10 to 15", "two or three hundred men at a time",
    "80 to 100 men each time"."""
    if value < 1000 and _at_a_time(number):
        return True
    if value > 100:
        return False
    if _per_event(number):
        return True                       # "saw 'dozens, not hundreds' in each attack"
    tok = _figure_head(number)
    if tok.dep_ != "pobj" and tok.head.dep_ == "pobj":
        tok = tok.head                    # "groups of three to five personnel"
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    group = tok.head.head
    return group.lemma_.lower() in _SMALL_GROUPS and (
        group.tag_ in ("NNS", "NNPS") or any(c.lower_ in ("small", "tiny") for c in
                                            group.children))


_AT_A_TIME = ("at a time", "at once", "each time", "every time", "per wave", "per assault",
              "per attack", "in each wave")


def _at_a_time(number: Token) -> bool:
    """The figure's noun phrase is followed by "at a time" / "each time": a group's size in
    an attack, not a force's."""
    doc = number.doc
    i = number.i + 1
    while i < len(doc) and i <= number.i + 3 and (
            doc[i].pos_ in ("NOUN", "ADJ") or doc[i].like_num or doc[i].lower_ == "or"):
        i += 1                            # "… hundred North Korean men", "ten or fifteen men"
    after = " ".join(t.lower_ for t in doc[i:i + 4])
    return after.startswith(_AT_A_TIME) and not after.startswith(("at a time when",
                                                                  "at a time of"))


_EVENTS = frozenset(["attack", "assault", "wave", "engagement", "raid", "sortie", "clash"])


def _per_event(number: Token) -> bool:
    """A figure counted per attack ("in each attack", "in every assault"): tactics."""
    verb = next((a for a in number.ancestors if a.pos_ in ("VERB", "AUX")), None)
    scope = _branch(verb) if verb is not None else []
    return any(c.dep_ == "prep" and c.lower_ in ("in", "per", "during") and any(
        g.lemma_ in _EVENTS and any(d.lower_ in ("each", "every") for d in g.children)
        for g in c.children) for c in scope)


def _rhetorical(doc: Doc, fig: Figure) -> bool:
    """"even fifty thousand North Koreans would make little difference": a figure nobody
    claims, only supposes; "ten thousand is nothing for them"."""
    head = _figure_head(doc[fig.end - 1])
    if head.dep_ == "nsubj" and head.head.lemma_ == "be" and any(
            c.dep_ in ("attr", "acomp") and c.lower_ in ("nothing", "negligible", "irrelevant")
            for c in head.head.children):
        return True
    if fig.start == 0 or doc[fig.start - 1].lower_ != "even":
        return False
    for anc in doc[fig.end - 1].ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "'d")
                       for c in anc.children)
    return False


_TIME_UNITS = frozenset(["day", "days", "week", "weeks", "month", "months", "year", "years",
                         "hour", "hours", "night", "nights", "assault", "attack", "wave"])
_POPULATED = frozenset(["country", "nation", "population", "city", "town", "republic",
                        "state", "people", "society", "region"])
_FRACTIONS = frozenset(["half", "halves", "third", "thirds", "quarter", "quarters", "fifth",
                        "fifths", "sixth", "sixths", "tenth", "tenths", "fourth", "fourths"])


def _rate_of_other(doc: Doc, fig: Figure, sent: Span) -> bool:
    """A bare figure that is a rate of something else: "weakened to 1,388 per dollar" (a rate
    per day or per attack is a rate of troops)."""
    k = fig.end
    if k + 1 >= sent.end or doc[k].lower_ != "per":
        return False
    return doc[k + 1].lower_ not in _TIME_UNITS and doc[k + 1].pos_ in ("NOUN", "PROPN")


def _population(number: Token) -> bool:
    """A figure sizing a place or its people: "even a country of 9 million"."""
    tok = _figure_head(number)
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
        tok.head.head.lower_ in _POPULATED


def _fraction(doc: Doc, fig: Figure, sent: Span) -> bool:
    """A number word that is a fraction's numerator: "two-fifths", "two thirds of them"."""
    k = fig.end
    if k < sent.end and doc[k].text in ("-", "–") and k + 1 < sent.end:
        k += 1
    return k < sent.end and doc[k].lower_ in _FRACTIONS and fig.value < 100


def _cited_by_speakers(number: Token) -> Token | None:
    """The speakers of "the 3,000 U.S. officials cited last week": a figure the parser made
    count the subject of a relative clause with no "that" (the figure is what they cited)."""
    noun = number.head
    if number.dep_ != "nummod" or noun.tag_ != "NNS" or \
            noun.lower_ not in cues.SPEAKER_NOUNS or _is_troop_noun(noun):
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "that") for c in noun.children):
        return None
    verb = next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.i > noun.i and
                 c.tag_ == "VBD" and c.lemma_ in _RELATIVE_CLAIM and
                 not any(g.dep_ == "dobj" for g in c.children)), None)
    return noun if verb is not None else None


def _source_count(noun: Token) -> bool:
    """A counted noun that names the writer's sources, not a force: the object of "citing",
    "quoting" or "according to" ("…, citing two Russian servicemen, reported …"), those the
    writer spoke to or interviewed ("The BBC spoke to three soldiers who …")."""
    head = noun.head
    if noun.dep_ in ("dobj", "pobj") and head.lemma_ in ("cite", "quote"):
        return True
    if (noun.dep_ == "dobj" and head.lemma_ == "interview" or noun.dep_ == "pobj" and
            head.lower_ in ("to", "with") and head.head.lemma_ in ("speak", "talk", "interview")
            ) and not any(t.lower_ in cues.CASUALTY_WORDS for t in noun.subtree):
        return True     # (not "interviewed the two soldiers captured in January": prisoners)
    return noun.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"


_HEDGES = frozenset(["believe", "think", "say", "understand", "rumour", "rumor", "suppose"])


# Verbs whose bare object or subject figure can only be soldiers: "could send another 30,000",
# "has lost 5,000 in a month", "8,000 were deployed", "1,000 have been killed".
_SEND_VERBS = frozenset(["send", "deploy", "dispatch", "transfer", "redeploy", "lose",
                         "mobilise", "mobilize", "station", "commit"])
_BARE_SUBJECT_VERBS = _SEND_VERBS | frozenset(["kill", "wound", "injure", "capture", "move",
                                               "fight", "die", "arrive"])


_REGION_WORDS = frozenset(["region", "area", "oblast", "province", "front", "frontline",
                           "zone", "district", "theatre", "theater"])


def _limit(number: Token) -> bool:
    """A bare figure as the limit of "stop at N" / "halt at N" ("Russia will not stop at
    11,000"), read as troops only in an article that has counted troops before it."""
    tok = _figure_head(number)
    return tok.dep_ == "pobj" and tok.head.lower_ == "at" and \
        tok.head.head.lemma_ in ("stop", "halt", "end", "cap", "limit")


def _moved_or_lost(number: Token) -> bool:
    """A bare figure sent, lost, killed or placed somewhere (see _moved_or_lost_)."""
    tok = _figure_head(number)
    if tok.dep_ == "nsubjpass" and tok.head.lemma_ == "put" and _out_of_action(
            list(tok.head.subtree)):
        return True             # "some 4,000 have been put out of action"
    return _moved_or_lost_(number)


def _moved_or_lost_(number: Token) -> bool:
    """A bare figure sent, lost, killed or placed somewhere: the object of a sending verb,
    the subject of a passive sending/casualty verb or of "fight"/"die"/"arrive", or the
    subject of "be in <place>" ("as many as 8,000 were in the Kursk region")."""
    tok = _figure_head(number)
    verb = tok.head
    if verb.i == tok.i or verb.pos_ not in ("VERB", "AUX"):
        return False
    if tok.dep_ == "dobj":
        # "North Korea could send another 30,000": a state or leader sends or loses them
        # (not "the company sent another 30,000"; not "lost 5,000 in revenue")
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or not (subj.ent_type_ in ("GPE", "NORP", "PERSON") or canonical_country(
                " ".join(t.text for t in subj.subtree))):
            return False
        if any(c.dep_ == "prep" and c.lower_ == "in" and any(
                g.dep_ == "pobj" and g.ent_type_ not in ("GPE", "LOC", "DATE") and
                g.pos_ != "PROPN" and g.lemma_ not in _REGION_WORDS for g in c.children)
               for c in list(tok.children) + list(verb.children)):
            return False
        return verb.lemma_ in _SEND_VERBS
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if verb.lemma_ in _BARE_SUBJECT_VERBS and not (tok.dep_ == "nsubj" and verb.lemma_ in
                                                   _SEND_VERBS and verb.lemma_ != "arrive"):
        return True
    return verb.lemma_ == "be" and any(
        c.dep_ == "prep" and c.lower_ in ("in", "near", "inside") and any(
            g.dep_ == "pobj" and (g.ent_type_ in ("GPE", "LOC") or g.pos_ == "PROPN" or
                                  g.lemma_ in _REGION_WORDS)
            for g in c.children) for c in verb.children)


_OWNED_MEASURES = cues.DOCUMENT_NOUNS | frozenset(["tally", "count", "toll", "figures"])


def _described_media(subj: Token) -> bool:
    """"Foreign media", "Western media", "South Korean newspapers": the press as a speaker,
    described by where it is from (not a state's own media, not "media reports")."""
    return subj.lower_ in ("media", "press", "outlets", "newspapers") and any(
        c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE") or c.lower_ in (
            "foreign", "western", "international", "local", "independent"))
        for c in subj.children) and not any(
        c.lower_ in ("state", "state-run", "official") for c in subj.children)


def _sums_up(sent: Span) -> bool:
    """"That is a total of N personnel", "This brings the total to N": a sentence whose
    subject points back at the figures before, adding them up."""
    root = sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lower_ in ("that", "this") and any(
        t.lower_ in ("total", "sum", "altogether", "overall") for t in root.subtree)


def _set_off_attributions(sent: Span, number: Token) -> list[Token]:
    """Speech verbs after the figure set off by commas as an attribution of what precedes,
    wherever the parser hung them: "…, to help Russia in its war, X's spy agency has said,
    in what would be …" (a verb with no clause or object of its own)."""
    doc = sent.doc
    out = []
    for tok in sent:
        if tok.i <= number.i or tok.pos_ != "VERB" or tok.lemma_ not in cues.SPEECH_VERBS or \
                tok.dep_ == "ROOT" or tok.head.dep_ == "ROOT" and tok.dep_ != "ccomp":
            continue
        if any(c.dep_ in ("ccomp", "dobj", "xcomp", "mark") for c in tok.children):
            continue
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if after is None or after.text not in (",", ".", ";") and not after.is_space:
            continue
        first = _first_aux(tok)
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        start = subj.left_edge.i if subj is not None else first.i
        if start > sent.start and doc[start - 1].text == ",":
            out.append(tok)
    return out


def _first_aux(verb: Token) -> Token:
    """The first auxiliary right before a verb ("…, South Korea's spy agency has said"), or
    the verb: where the noun phrase before it ends."""
    first = verb
    while first.i > 0 and verb.doc[first.i - 1].dep_ in ("aux", "neg") and \
            verb.doc[first.i - 1].head.i == verb.i:
        first = verb.doc[first.i - 1]
    return first


_ORDERS = frozenset(["order", "decree", "instruct", "direct", "mandate", "command"])


def _orderer(tok: Token, below: Token) -> Token | None:
    """Who orders the figure: "X ordered the army to grow to N" (the ordered clause holds
    the figure), "despite X's order to expand the forces to N", "X signed a decree raising
    the army to N"."""
    if tok.lemma_ not in _ORDERS or below.head.i != tok.i or \
            below.dep_ not in ("xcomp", "acl", "ccomp"):
        return None
    if tok.pos_ == "VERB":
        if _negated(tok):
            return None
        found = subjects_of(tok)
        return found[0] if found else None
    if tok.pos_ == "NOUN":
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
        if tok.dep_ == "dobj" and tok.head.lemma_ in ("sign", "issue", "give"):
            found = subjects_of(tok.head)
            return found[0] if found else None
    return None


_RECKONINGS = frozenset(["count", "counts", "estimate", "estimates", "tally", "reckoning",
                         "assessment", "calculation", "calculations", "figures", "data"])
_COUNTING = frozenset(["count", "estimate", "tally", "calculate", "record", "report",
                       "assess", "put", "give", "cite", "compile"])


def _framing_source(verb: Token) -> Token | None:
    """The source a clause's framing names: "By Lithuania's count, N …", "In the ministry's
    estimate, N …", "N …, as counted by the IISS", "as estimated by the ministry"."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "in", "on"):
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lower_ in _RECKONINGS:
                    owner = next((c for c in obj.children if c.dep_ == "poss" and
                                  c.pos_ in ("PROPN", "NOUN")), None)
                    if owner is not None:
                        return owner
        if child.dep_ in ("advcl", "acl") and child.tag_ == "VBN" and \
                child.lemma_ in _COUNTING and any(
                    m.dep_ == "mark" and m.lower_ == "as" for m in child.children):
            agent = agent_of(child)
            if agent is not None:
                return agent
    return None


# Claim verbs whose third person reads as a plural noun: "X estimates N were killed".
_CLAIMS_AS_NOUNS = frozenset(["estimates", "reports", "claims", "assesses", "calculates"])


def _claim_read_as_noun(tok: Token, clause: Token) -> bool:
    """"Lithuanian intelligence estimates about 3,000 … have been killed" parsed with
    "estimates" a noun whose ccomp is the figure's clause: the noun is the claim verb."""
    return tok.pos_ == "NOUN" and tok.lower_ in _CLAIMS_AS_NOUNS and \
        clause.dep_ == "ccomp" and clause.head.i == tok.i and any(
            c.dep_ in ("amod", "compound", "poss") for c in tok.children)


def _owned_measure(verb: Token) -> Token | None:
    """The owner of a verb's subject when that subject is someone's estimate or tally ("the
    spy agency's estimate was up from 4,000", "Kyiv's count now stands at 3,800")."""
    for child in verb.children:
        if child.dep_ == "nsubj" and child.lemma_.lower() in _OWNED_MEASURES | {
                "estimate", "assessment", "figure", "number"}:
            for owner in child.children:
                if owner.dep_ == "poss" and owner.pos_ in ("PROPN", "NOUN") and \
                        child.lemma_.lower() != "number":
                    return owner
            source = _measure_source(child)
            if source is not None:
                return source       # "the figure, which the General Staff released, showed …"
            if child.lower_ in _CLAIMS_AS_NOUNS and any(
                    c.dep_ in ("amod", "compound") and (c.ent_type_ or c.pos_ == "PROPN" or
                                                        c.lower_ == "intelligence")
                    for c in child.children):
                return child        # "which Latvian intelligence estimates has lost N":
                #                     the estimates' owner, named in the noun phrase
    return None


def _measure_source(noun: Token) -> Token | None:
    """X of "the figure, which X released", "a figure confirmed by X", "the estimate X
    cited": the source a relative clause or participle on a measure noun names."""
    for verb in noun.children:
        if verb.dep_ not in ("relcl", "acl") or verb.i < noun.i or \
                verb.lemma_ not in _RELATIVE_CLAIM | cues.AUTHORING_VERBS | {"confirm"}:
            continue
        for child in verb.children:
            if child.dep_ == "agent":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
            if child.dep_ == "nsubj" and child.lower_ not in ("who", "which", "that") and \
                    child.pos_ != "PRON":
                return child
    return None


_AUTHORS_BY = cues.AUTHORING_VERBS | frozenset(["analyse", "analyze", "compile", "gather",
                                               "collect", "commission", "conduct", "share",
                                               "provide", "supply", "present"])


_TIME_MARKS = frozenset(["after", "before", "since", "when", "while", "once", "until", "as"])


def _moved_from(tok: Token) -> bool:
    """Whether a word lies in a "from …" phrase: where troops left ("moved from training
    grounds in the Far East")."""
    for anc in list(tok.ancestors)[:3]:
        if anc.dep_ == "prep" and anc.lower_ == "from":
            return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "from"


def _the_n_sent(doc: Doc, fig: Figure, sent: Span) -> bool:
    """"the 11,000 (or so) (initially) deployed", "the 3,000 sent in January": a bare figure
    the article introduces by the sending (read off the surface: the parse varies)."""
    if fig.start == sent.start or doc[fig.start - 1].lower_ != "the":
        return False
    k = fig.end
    while k < sent.end and (doc[k].lower_ in ("or", "so") or doc[k].pos_ == "ADV"):
        k += 1
    return k < sent.end and doc[k].tag_ == "VBN" and doc[k].lemma_ in _SEND_VERBS


def _negated(verb: Token) -> bool:
    """"did not say", "has neither confirmed nor denied": a claim verb that claims nothing."""
    if any(c.dep_ in ("neg", "preconj") and c.lower_ in ("not", "n't", "never", "neither")
           for c in verb.children):
        return True
    return verb.dep_ == "conj" and any(c.lower_ == "nor" for c in verb.head.children) and \
        any(c.lower_ == "neither" for c in verb.head.children)


def _sent_to_train(path: list[Token]) -> bool:
    """A sending verb over the figure whose purpose is training ("sent 10,000 troops to train
    in eastern Russia", "dispatched for training")."""
    verb = next((t for t in path[1:6] if t.pos_ == "VERB"), None)
    if verb is None or verb.lemma_ not in _SEND_VERBS:
        return False
    for child in verb.children:
        if child.dep_ in ("advcl", "xcomp") and child.lemma_ in ("train", "drill"):
            return True
        if child.dep_ == "prep" and child.lower_ == "for" and any(
                g.lower_ in ("training", "drills", "exercises") for g in child.children):
            return True
    # "sent about 10,000 soldiers to eastern Russia for training", "… total to train in …"
    # with the purpose hung lower by the parser: read off the sending clause's words
    for tok in _branch(verb):
        if tok.i > verb.i and tok.i >= 1 and (
                tok.lower_ in ("training", "drills", "exercises") and
                tok.doc[tok.i - 1].lower_ == "for" or
                tok.lemma_ in ("train", "drill") and tok.pos_ == "VERB" and
                tok.doc[tok.i - 1].lower_ == "to"):
            return True
    return False


def _other_things(sent: Span) -> bool:
    """Whether a sentence names other counted things ("… of them," he said of the
    containers): plural nouns that are not troops, units, losses, speakers or time."""
    return any(t.tag_ == "NNS" and t.ent_type_ not in ("DATE", "TIME") and not (
        _is_troop_noun(t) or t.lower_ in cues.CASUALTY_WORDS or t.lower_ in cues.UNIT_NOUNS or
        t.lower_ in cues.SPEAKER_NOUNS or t.lower_ in cues.GENERIC_SOURCES) for t in sent)


def _done_to(anchor: Token) -> str | None:
    """A casualty verb whose object the figure is: "Ukraine kills 500 North Korean soldiers",
    "Kyiv captures 2 soldiers" (not "sent to capture the town")."""
    tok = _figure_head(anchor)
    verb = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB":
        if verb.lemma_ in ("kill", "wound", "injure", "capture"):
            return cues.CASUALTY_WORDS.get(verb.lemma_)
        if verb.lemma_ in ("eliminate", "neutralise", "neutralize", "liquidate", "slay"):
            return "killed"     # "forces have eliminated around 1,000 North Korean soldiers"
        if verb.lemma_ == "take" and any(c.lower_ in ("alive", "prisoner", "prisoners",
                                                      "captive") for c in verb.children):
            return "captured"   # "took two North Korean soldiers alive", "taken prisoner"
    return None


def _split_attribution(sent: Span) -> Token | None:
    """The speaker of a sentence the parser split off its clause: ", the Pentagon says." (it
    opens with a comma and holds only a speaker and a speech verb)."""
    words = [t for t in sent if not t.is_space]
    if not words or words[0].text != "," or len(words) > 10:
        return None
    root = sent.root
    if root.lemma_ not in cues.SPEECH_VERBS or any(
            c.dep_ in ("ccomp", "dobj", "xcomp") for c in root.children):
        return None
    return next((c for c in root.children if c.dep_ == "nsubj"), None)


_CREDIT_WORDS = frozenset(["photo", "photos", "image", "images", "video", "file", "map",
                           "graphic", "pictured", "left", "right", "centre", "center", "via"])


def _per_source(tok: Token) -> Token | None:
    """X of "…, per X" / "per US estimates" hung on this token (a source, as "according to")."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "per" and child.i > 0 and \
                tok.doc[child.i - 1].text == ",":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs and not objs[0].like_num:
                return objs[0]
    return None


def _closing_parenthesis(sent: Span) -> Token | None:
    """The source a sentence names in a closing parenthesis: "… sent 11,000 troops (NIS).",
    "(UK Defence Intelligence estimate)"; never a parenthesis with a figure in it."""
    toks = [t for t in sent if not t.is_space]
    while toks and toks[-1].is_punct and toks[-1].text != ")":
        toks.pop()
    if len(toks) < 4 or toks[-1].text != ")":
        return None
    opening = next((k for k in range(len(toks) - 2, max(len(toks) - 9, 0), -1)
                    if toks[k].text == "("), None)
    if opening is None:
        return None
    inner = toks[opening + 1:-1]
    if not inner or any(t.like_num or t.lower_ in _CREDIT_WORDS for t in inner) or not any(
            t.ent_type_ in ("ORG", "PERSON") or t.is_upper and len(t.text) >= 2 for t in inner):
        return None
    heads = [t for t in inner if t.head.i not in {u.i for u in inner} or t.head.i == t.i]
    head = heads[0] if heads else inner[-1]
    if head.lower_ in cues.GENERIC_SOURCES:     # "(UK Defence Intelligence estimate)"
        names = [t for t in inner if t.i < head.i and t.pos_ == "PROPN"]
        head = names[-1] if names else head
    return head


def _document_author(noun: Token) -> Token | None:
    """Who wrote a document or evidence that speaks: "an assessment by the NIS", "images
    analysed by CSIS", "a report from the ISW" (not "seen by Reuters": that is who read it)."""
    if noun.lower_ not in cues.GENERIC_SOURCES and noun.lemma_.lower() not in \
            cues.GENERIC_SOURCES and noun.lemma_.lower() not in _FIGURE_NOUNS:
        return None             # ("earlier figures from Seoul's spy agency had put …")
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
        if child.dep_ == "acl" and child.lemma_ in _AUTHORS_BY:
            found = agent_of(child)
            if found is not None:
                return found
    return None


_MEMBERS = frozenset(["fighters", "soldiers", "troops", "members", "officers", "operators",
                      "servicemen", "personnel", "units", "commanders", "staff", "officials",
                      "analysts", "experts", "researchers", "spokespeople", "representatives"])


def _members_of(noun: Token) -> Token | None:
    """The named body whose members speak: "Fighters of the Special Operations Forces
    reported …", "analysts at the Institute for the Study of War said" -> the body."""
    if noun.lower_ not in _MEMBERS:
        return None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "at", "from", "with"):
            for g in child.children:
                if g.dep_ == "pobj" and g.ent_type_ == "ORG":
                    return g
    return None


_GIVING = frozenset(["release", "publish", "give", "provide", "cite", "issue", "report",
                     "announce", "confirm", "disclose", "reveal", "put", "present", "share"])
_GIVEN_NOUNS = _FIGURE_NOUNS | frozenset(["figures", "numbers", "estimates", "data",
                                          "information", "assessment", "this", "that", "it",
                                          "these"])


def _gives_the_figure(sent: Span) -> Token | None:
    """The source a sentence names for the figure just before it, by the figure's own noun:
    "The figure was released by the General Staff on Friday." (passive, X its agent), "The
    Polish defence ministry gave the number on Thursday." (active, X its subject). Only a
    sentence that carries no claim of its own (no clause, no figure)."""
    root = sent.root
    if any(t.like_num and t.pos_ == "NUM" for t in sent):
        return None
    if any(c.dep_ == "nsubj" and c.lower_ in ("this", "that", "it") for c in root.children):
        # "That is according to the Lithuanian spy agency." (read either way by the parser)
        found = according_to(root) if root.lemma_ == "be" else None
        if found is None and root.lower_ == "according":
            objs = [g for c in root.children if c.lower_ == "to" for g in c.children
                    if g.dep_ == "pobj"]
            found = objs[0] if objs else None
        if found is not None:
            return found
    if root.lemma_ not in _GIVING or any(c.dep_ in ("ccomp", "xcomp") for c in root.children):
        return None
    for child in root.children:
        if child.dep_ == "nsubjpass" and child.lemma_.lower() in _GIVEN_NOUNS:
            return agent_of(root)
        if child.dep_ == "dobj" and child.lemma_.lower() in _GIVEN_NOUNS and any(
                d.lower_ in ("the", "this", "these", "that", "those") for d in child.children):
            return next((c for c in root.children if c.dep_ == "nsubj"), None)
    return None


def _in_phrase(number: Token, noun: Token) -> bool:
    """Whether a figure lies in the noun phrase of `noun` itself ("the two prisoners"), not in
    a clause hung on it ("Brunson, who told senators that 3,000 …")."""
    if number.i == noun.i:
        return True
    for anc in number.ancestors:
        if anc.i == noun.i:
            return True
        if anc.pos_ in ("VERB", "AUX"):
            return False
    return False


def _agentless_passive(verb: Token) -> bool:
    """A passive claim verb with no "by X" ("is believed to number", "is put at", "was
    estimated", "a force estimated at 12,000"): its subject is the thing claimed about,
    never the claimant."""
    return (any(c.dep_ == "auxpass" for c in verb.children) or
            verb.dep_ == "acl" and verb.tag_ == "VBN") and \
        not any(c.dep_ == "agent" for c in verb.children)


def _each_side(path: list[Token]) -> bool:
    """Whether the figure's clause is about "each side" / "both sides" of the war."""
    verb = next((t for t in path[1:6] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_ == "side" and any(
            d.lower_ in ("each", "both") for d in c.children) for c in verb.children):
        return True
    # "has killed or wounded hundreds of thousands of soldiers on both sides"
    upto = path[:path.index(verb) + 1]
    return any(c.dep_ == "prep" and c.lower_ in ("on", "from") and any(
        g.dep_ == "pobj" and g.lemma_ == "side" and any(d.lower_ in ("each", "both")
                                                          for d in g.children)
        for g in c.children) for t in upto for c in t.children)


def _by_train(tok: Token) -> bool:
    """"moving west by train": the train is how they travel, not training."""
    return tok.lower_ in ("train", "trains") and tok.i > 0 and \
        tok.doc[tok.i - 1].lower_ in ("by", "on", "a", "the")


def _by_date(words: list[Token]) -> bool:
    """"by December", "by the end of the year": a deadline, so the figure is planned."""
    return any(t.lower_ == "by" and t.dep_ == "prep" and any(
        g.ent_type_ == "DATE" for g in t.children) for t in words) and not any(
        t.tag_ == "VBD" for t in words)     # "7,000 were in Kursk by early this month": done


def _pair_of_losses(words: list[Token]) -> bool:
    """"killed or wounded" / "killed and wounded" among a clause's words: both together."""
    for t in words:
        kind = cues.CASUALTY_WORDS.get(t.lower_)
        if kind in ("killed", "wounded") and any(
                cues.CASUALTY_WORDS.get(c.lower_) not in (None, kind) and _shares_figure(c)
                for c in t.conjuncts):
            return True         # (not "killed 50 soldiers and wounded 47": two figures)
    return False


def _shares_figure(verb: Token) -> bool:
    """Whether a conjoined verb has no figure or object of its own ("killed or wounded 3,000"
    shares it; "killed 50 and wounded 47", "300 were killed and 2,700 wounded" do not)."""
    own = ("dobj", "nsubj", "nsubjpass") if verb.dep_ == "conj" else ("dobj", "nsubjpass")
    return not any(g.like_num or g.dep_ in own for g in verb.children)
    # (the first conjunct's subject is both verbs': "the conflict has killed or wounded …")


def _out_of_action(words: list[Token]) -> bool:
    """"put out of action": killed or wounded, as a unit's losses."""
    return any(t.lower_ == "action" and t.i >= 2 and t.doc[t.i - 1].lower_ == "of" and
               t.doc[t.i - 2].lower_ == "out" for t in words)


def _casualty(words: list[str]) -> str | None:
    found = {cues.CASUALTY_WORDS[w] for w in words if w in cues.CASUALTY_WORDS}
    if not found:
        return None
    if {"killed", "wounded"} <= found or "casualties" in found:
        return "casualties"
    return sorted(found)[0]


_PLACE_PREPS = frozenset(["in", "to", "into", "near", "at", "inside", "within", "across",
                          "toward", "towards", "throughout"])


def _place(tok: Token) -> str | None:
    """The canonical place a word names: "Kursk" for the Kursk region (where the facts keep
    it apart), else the country of a place entity ("eastern Russia", "Russia's Far East",
    "Kyiv"); None for places no country list knows (a village, a training ground)."""
    if tok.lower_ == "kursk":
        return "Kursk"
    if tok.ent_type_ not in ("GPE", "LOC", "FAC"):
        return None
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    words = [t.text for t in doc[start:end] if t.lower_ not in ("'s", "’s")]
    text = " ".join(words)
    if "kursk" in text.lower():
        return "Kursk"
    if "far east" in text.lower():
        return "Russia"             # "Russia's Far East", "the Far East"
    return canonical_country(text) or canonical_country(tok.text)   # "eastern Russia"


def _place_in(words, skip=None) -> str | None:
    """The place a locative phrase among `words` names ("in the Kursk region", "to eastern
    Russia", "near Kyiv"): the Kursk region first, as the narrower; never a possessor ("in
    Russia's Kursk region" is Kursk) nor a place troops left ("from North Korea")."""
    chosen = None
    seen: set[int] = set()
    for prep in words:
        if prep.dep_ not in ("prep", "dative") or prep.lower_ not in _PLACE_PREPS or \
                prep.i in seen or skip is not None and skip(prep) or \
                prep.head.lower_ == "according":
            continue            # ("according to Lithuania" names a source, not a place)
        for g in prep.subtree:
            seen.add(g.i)
            if g.dep_ == "poss" or _moved_from(g):
                continue
            name = _place(g)
            if name == "Kursk":
                return name
            chosen = chosen or name
    return chosen


def _under_speech(tok: Token) -> bool:
    """Whether a word hangs on a speech verb outside any reported clause ("told reporters in
    Seoul"): its nearest verb is a speech verb."""
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return anc.lemma_ in cues.SPEECH_VERBS
    return False


def _own_clause(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _branch(top: Token) -> list[Token]:
    """A side branch's words, leaving out relative clauses and finite clauses of their own
    hung inside it ("most of them in rear positions, and that the arrival … would free up")."""
    out: list[Token] = []
    stack = [top]
    while stack:
        tok = stack.pop()
        if tok.dep_ == "relcl" or tok is not top and tok.pos_ in ("VERB", "AUX") and \
                _own_clause(tok):
            continue
        out.append(tok)
        stack.extend(tok.children)
    out.sort(key=lambda t: t.i)
    return out


class EstimateFinder:
    def __init__(self, doc: Doc):
        self.doc = doc
        if doc._.sitrep_entities is None:
            doc._.sitrep_entities = build_table(doc)
        self.resolver: Resolver = doc._.sitrep_resolver or Resolver(doc._.sitrep_entities)
        self.quotes = doc._.sitrep_quotes or []
        self.published = doc._.sitrep_published
        self.previous_claimant: Speaker | None = None
        self._issuer_read = False
        self._sent_claims: dict[int, Speaker] = {}
        self._claim_dates: dict[str, object] = {}
        self._issuer_found: Speaker | None = None
        self._interviewee_read = False
        self._last: tuple[int, str, str] | None = None    # (where, force, status)
        # per figure read: (sentence start, sentence end, source named in its own sentence,
        # refers back to troops named before, inside a direct quote, in a sentence that
        # frames a source of its own)
        self._meta: list[tuple[int, int, bool, bool, bool, bool]] = []
        self._interviewee: Speaker | None = None

    def run(self) -> list[Estimate]:
        out: list[Estimate] = []
        maybe = doc_index(self.doc).maybe_figure(_FIGURE_WORDS)
        context = False
        pending: list[tuple[Span, bool]] = []   # sentences read since `context` was settled
        for sent in self.doc.sents:
            found = False
            figures = find_figures(sent, maybe)
            if figures and pending:
                context = _context_after(pending, context, bool(out))
                pending = []
            for fig in figures:
                try:
                    estimates = self._estimate(sent, fig, context or found, bool(out))
                except Exception:  # one odd figure must not lose the article
                    log.warning("figure %r could not be read", fig.text, exc_info=True)
                    continue
                found = found or bool(estimates)
                out.extend(estimates)
                if len(estimates) > 1:      # one entry per estimate, composed ones too
                    self._meta.extend([self._meta[-1]] * (len(estimates) - 1))
            pending.append((sent, found))
        return self._sources_named_after(out)

    def _sources_named_after(self, out: list[Estimate]) -> list[Estimate]:
        """A figure with no source takes the one the next sentence of its paragraph names
        for itself when that sentence carries on about the same troops ("About 5,000 …
        are in Kursk. Roughly 700 of them have been wounded, the agency said.")."""
        if len(self._meta) != len(out):
            return out
        for k, est in enumerate(out):
            start, end, _own, _back, quoted, framed = self._meta[k]
            if est.claimed_by is not None or quoted or framed or \
                    "\n\n" in self.doc[start:end].text_with_ws:
                continue
            nxt = next((j for j in range(k + 1, len(out)) if self._meta[j][0] >= end), None)
            if nxt is None or self._meta[nxt][0] != end:
                continue
            _s, _e, own, back, quoted, _f = self._meta[nxt]
            if own and back and not quoted and out[nxt].claimed_by is not None:
                out[k] = replace(est, claimed_by=out[nxt].claimed_by,
                                 stated_on=out[nxt].stated_on)
        return out


    def _estimate(self, sent: Span, fig: Figure, context: bool = False,
                  article: bool = False) -> list[Estimate]:
        doc = self.doc
        found = _troop_figure(doc, fig, sent, context, article)
        if found is None:
            return []
        anchor, casualty = found
        if self._denied(anchor):
            return []
        if fig.qualifier == "exact" and _passed(doc[fig.end - 1]):
            fig = replace(fig, qualifier="more than", low=fig.value)   # "losses passed 3,000"
        path = [anchor, *anchor.ancestors]
        clause = self._clause_words(anchor, path)
        # a conjoined verb sharing the figure's subject ("… were killed or wounded"); one with
        # a subject of its own is another figure's ("15,000 were sent, and 4,700 were killed")
        conj = [c for t in clause if t.pos_ == "VERB" for c in t.children if c.dep_ == "conj"
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
        done = _done_to(anchor)
        if done is not None and (casualty is None or casualty != "casualties"):
            # the verb whose object the figure is ("had killed 50 soldiers and wounded 47":
            # the 50 were killed), with a conjoined casualty verb sharing the object
            status = _casualty([done] + [cues.CASUALTY_WORDS.get(c.lemma_, "") for c in
                                         _figure_head(anchor).head.conjuncts
                                         if _shares_figure(c)])
        else:
            status = casualty or _casualty([t.lower_ for t in clause + conj
                                            if t.head.lemma_ not in _AVERTED]) or \
                done or self._status(anchor, path, sent)
        if status in ("killed", "wounded") and _pair_of_losses(clause + conj):
            status = "casualties"       # "losing 1,500 soldiers a day, killed or wounded"
        if status not in _CASUALTY_STATUSES and status != "planned":
            if _sent_to_train(path):
                status = "training"     # "sent about 10,000 troops to train in eastern Russia"
            elif fig.value >= 500_000 and any(t.lemma_.lower() in ("army", "military", "force")
                                              for t in path[:5]):
                status = "other"        # "North Korea's 1.2 million-strong army": a whole army
        top = _figure_head(anchor)
        if not casualty and top.dep_ == "pobj" and top.head.lower_ == "of" and (
                top.head.head.like_num and top.head.head.i < fig.start or
                all(t.is_punct or t.is_space for t in self.doc[sent.start:top.head.i])) and \
                status in _CASUALTY_STATUSES:
            status = "deployed"     # the whole of "1,000 of the 11,000 were killed"
        anaphoric = any(t.lower_ in cues.ANAPHORIC_COUNTED for t in anchor.subtree) or \
            fig.start <= anchor.i < fig.end or \
            fig.value < 10 and anchor.lower_ == "men" and any(
                c.dep_ == "det" and c.lower_ in ("the", "those", "these")
                for c in anchor.children)      # "the two men": the ones just counted
        force = self._force_named(anchor, path)
        recent = self._last is not None and sent.start_char - self._last[0] <= 600
        if force is None and anaphoric and recent:
            force = self._last[1]           # "600 of them", a bare "400 had been killed":
            #                                 the troops just counted
        if recent and (_same_measure(doc[fig.end - 1]) or
                       _cited_by_speakers(doc[fig.end - 1]) is not None):
            # "… at least 1,000 have been wounded, but Vilnius puts the figure at 1,500": the
            # figure measures what the one before did
            force = force or self._last[1]
            if status not in _CASUALTY_STATUSES:
                status = self._last[2]
        force = force or "North Korea"
        self._last = (sent.start_char, force, status)
        if status == "other" and force == "North Korea" and fig.value < 200_000 and \
                not _at_home(clause):
            status = "deployed"     # a North Korean figure with no cue: the contingent abroad
        claimant, cue = self._claimant(doc[fig.start], path, sent)
        claimant = self._plain_claimant(claimant, doc[fig.start])
        if claimant is not None:
            self._sent_claims[sent.start] = claimant
        stated = self._stated_on(cue, sent)
        if claimant is not None:
            if stated != self.published:
                self._claim_dates[claimant.name] = stated
            else:       # the same source's last dated claim: one occasion, told in pieces
                stated = self._claim_dates.get(claimant.name) or \
                    self._occasion_before(sent, claimant) or stated
        location = self._location(clause + [t for c in conj for t in c.subtree], sent)
        if status == "other" and location is None and (fig.value >= 100_000 or
                                                         _at_home(clause)):
            location = force        # a whole army's size: at home
        start_char = doc[fig.start].idx
        end_char = doc[fig.end - 1].idx + len(doc[fig.end - 1].text)
        sentence = sent.text.strip()
        base = Estimate(
            count=fig.value, low=fig.low, high=fig.high, qualifier=fig.qualifier,
            status=status, force=force, location=location,
            claimed_by=claimant.name if claimant else None, stated_on=stated,
            sentence=sentence, start=start_char, end=end_char)
        result = [base]
        # for a source named only after it: "About 5,000 are in Kursk. Roughly 700 of them
        # have been wounded, the agency said." (see run)
        self._meta.append((sent.start, sent.end, cue is not None and sent.start <= cue.i <
                           sent.end, anaphoric or not _sentence_about_troops(sent),
                           any(q.kind == "direct" and q.start <= start_char < q.end
                               for q in self.quotes),
                           any(t.lower_ == "according" or t.pos_ == "VERB" and
                               t.lemma_ in cues.SPEECH_VERBS for t in sent)))
        if _each_side(path):            # "each side has lost tens of thousands of men"
            result = [replace(base, force="Russia"), replace(base, force="Ukraine")]
        units = self._units(anchor, fig)
        if units:
            n, unit_text = units
            total = Estimate(
                count=fig.value * n,
                low=fig.low * n if fig.low else None, high=fig.high * n if fig.high else None,
                qualifier=fig.qualifier, status=status, force=force, location=location,
                claimed_by=base.claimed_by, stated_on=stated, sentence=sentence,
                start=start_char, end=end_char,
                composition=f"{n} x " + (f"{fig.qualifier} " if fig.qualifier != "exact"
                                         else "") + fig.text)
            result.append(total)
        return result

    # ---- parts ------------------------------------------------------------------------------
    def _units(self, anchor: Token, fig: Figure) -> tuple[int, str] | None:
        """"two units, each numbering up to 6,000" / "four brigades of 3,000 troops each"."""
        doc = self.doc
        sent = anchor.sent
        has_each = any(t.lower_ == "each" for t in sent)
        if not has_each:
            return None
        for anc in [anchor, *anchor.ancestors][:5]:
            if anc.lower_ in cues.UNIT_NOUNS or anc.lemma_ in cues.UNIT_NOUNS:
                for child in anc.children:
                    if child.dep_ == "nummod":
                        n = parse_number(child.text)
                        if n and 1 < n <= 100 and child.i < fig.start:
                            each = [t for t in sent if t.lower_ == "each"]
                            if any(anc.i < e.i < fig.start or fig.end <= e.i <= fig.end + 3
                                   for e in each):
                                return n, anc.text
            if anc.like_num and anc.i < fig.start and anc is not anchor:
                # "Three of the battalions, of roughly 400 men each"
                for child in anc.children:
                    units = [g for g in child.children if g.dep_ == "pobj"] \
                        if child.dep_ == "prep" and child.lower_ == "of" else []
                    n = parse_number(anc.text)
                    if units and (units[0].lower_ in cues.UNIT_NOUNS or units[0].lemma_ in
                                  cues.UNIT_NOUNS) and n and 1 < n <= 100 and any(
                            fig.end <= e.i <= fig.end + 3 for e in sent if e.lower_ == "each"):
                        return n, units[0].text
        del doc
        return None

    def _denied(self, anchor: Token) -> bool:
        for anc in anchor.ancestors:
            if anc.lemma_ in ("deny", "dismiss", "reject", "refute") and \
                    not any(c.dep_ == "neg" for c in anc.children):
                return True
            if anc.pos_ == "VERB" and anc.lemma_ in cues.REPORTING_VERBS and \
                    anc.lemma_ not in ("deny", "dismiss", "reject", "refute"):
                return False    # "rejected …, and said that Ukraine had lost 50,000": a claim
        return False

    def _clause_words(self, anchor: Token, path: list[Token]) -> list[Token]:
        """The words of the figure's own clause: up its path to the first claim verb, or to
        the head of a coordination whose conjunct has its own subject ("North Korea has
        decided to send 12,000, and the first group of 1,500 has been moved": the 1,500's
        clause is the second); the side branches without the finite clauses they hold."""
        words: list[Token] = []
        for k, tok in enumerate(path):
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_ in cues.CLAIM_VERBS and \
                    tok is not anchor and not (tok.dep_ == "acl" and tok.tag_ == "VBN"):
                break       # (not "a force estimated at 12,000": a hedge on the noun)
            if k and path[k - 1].dep_ == "conj" and path[k - 1].pos_ in ("VERB", "AUX") and \
                    _own_clause(path[k - 1]):
                break
            words.append(tok)
            for child in tok.children:
                if child.dep_ in ("advcl", "ccomp", "conj", "relcl", "parataxis"):
                    continue
                if child.dep_ == "prep" and child.lower_ == "with" and any(
                        g.pos_ == "VERB" for g in child.subtree):
                    continue
                if child in path:
                    continue
                words.extend(_branch(child))
        return words

    def _status(self, anchor: Token, path: list[Token], sent: Span) -> str:
        words = self._clause_words(anchor, path)
        lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
        verb = next((t for t in path[1:6] if t.pos_ in ("VERB", "AUX")), None)
        if verb is not None and verb.lemma_ in ("hold", "detain", "imprison", "interrogate") \
                and any(c.dep_ == "auxpass" for c in verb.children):
            return "captured"           # "two soldiers are being held in Kyiv"
        if verb is not None and verb.lemma_ in ("lose", "cost"):
            return "casualties"         # "Russia has lost tens of thousands of soldiers",
            #                             "the war was costing Moscow 1,500 soldiers a day"
        top = _figure_head(anchor)
        if top.head.lemma_ == "put" and _out_of_action(list(top.head.subtree)):
            return "casualties"         # "some 4,000 have been put out of action"
        if any(t.lower_ in ("will", "would", "'ll") and t.dep_ == "aux" and
               t.head.lemma_ not in _WILL_NOT_PLANNED for t in words) or \
                _preparing_to_send(words) or \
                lemmas & {"plan", "expect", "intend", "decide", "aim", "pledge"} or \
                _by_date(words) or any(
                    t.lower_ in ("could", "may", "might") and t.dep_ == "aux" and
                    (t.head.lemma_ in ("send", "dispatch", "deploy", "make", "provide") or
                     verb is not None and t.head.i == verb.i and
                     t.head.lemma_ not in ("have", "be")) and
                    t.head.tag_ != "VBG" for t in words):
            return "planned"            # "could send as many as 30,000 more"
        if any((t.lemma_.lower() in cues.STATUS_TRAINING or t.lower_ in cues.STATUS_TRAINING)
               and not _moved_from(t) and not _by_train(t) for t in words):
            return "training"           # not "moved from training grounds to the front"
        if lemmas & cues.STATUS_COMBAT - _NEAR_FRONT:
            return "combat"         # "moved to the front (line)" is a deployment
        if lemmas & cues.STATUS_DEPLOYED or lemmas & _DEPLOYED_MORE:
            return "deployed"
        if lemmas & {"be"} and any(t.ent_type_ in ("GPE", "LOC") or _place(t) for t in words):
            return "deployed"
        if lemmas & {"enter", "cross", "reach", "join"} or _place_in(words) is not None:
            return "deployed"           # "crossed into Russia", "the number in Kursk at 6,000"
        return "other"

    def _force(self, anchor: Token, path: list[Token], sent: Span) -> str:
        force = self._force_named(anchor, path)
        return force or "North Korea"

    def _force_named(self, anchor: Token, path: list[Token]) -> str | None:
        nouns = [anchor]
        measured = _put_at(anchor) or _measured_subject(anchor)
        if measured is not None:
            # "the number of Belarusian troops … rose to 7,000": what the measure is of
            nouns += [g for c in measured.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
            nouns.append(measured)             # "put Russian losses at 5,200"
            if measured.dep_ in ("compound", "nmod"):
                nouns.append(measured.head)    # "Russia's army numbers …" read as a noun
        if anchor.head.lower_ in cues.UNIT_NOUNS or anchor.head.lower_ == "of":
            nouns.append(anchor.head.head if anchor.head.lower_ == "of" else anchor.head)
        for anc in anchor.ancestors:
            if anc.lower_ in cues.UNIT_NOUNS:
                nouns.append(anc)
                break
        if anchor.lower_ in ("occupiers", "invaders", "occupier", "invader"):
            return "Russia"     # what Ukrainian sources call the Russian forces
        for noun in nouns:
            if noun.lemma_.lower() in _CLAIM_NOUNS:
                continue        # "Kyiv's estimate of 12,000 troops": Kyiv claims, not fields
            if noun.ent_type_ == "NORP" and noun.tag_ in ("NNPS", "NNS"):
                name = " ".join(      # "the number of North Koreans"
                    t.text for t in noun.subtree if t.i <= noun.i and t.ent_type_ == "NORP")
                country = canonical_country(name) or canonical_country(name[:-1])
                if country:
                    return country
            for child in noun.children:
                if child.dep_ in ("amod", "compound", "poss", "nmod") or child.ent_type_ == "NORP":
                    words = " ".join(t.text for t in child.subtree)
                    country = canonical_country(words) or canonical_country(child.text)
                    if country:
                        return country
                if child.dep_ == "prep" and child.lower_ == "from":
                    for g in child.children:
                        country = canonical_country(" ".join(t.text for t in g.subtree)) \
                            or canonical_country(g.text)
                        if country:
                            return country
        for tok in path[1:]:
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_ in cues.CLAIM_VERBS:
                continue
            if tok.pos_ == "VERB" and tok.lemma_ in _DONE_BY_THE_OTHER_SIDE:
                continue    # "Ukraine holds two prisoners": the subject is their captor
            for child in tok.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i != anchor.i:
                    words = " ".join(t.text for t in child.subtree)
                    country = canonical_country(words) or canonical_country(child.text)
                    if country:
                        return country
                    if child.lemma_.lower() in _CLAIM_NOUNS:
                        continue                   # "Kyiv's estimate of 12,000 troops is …"
                    for owner in child.children:   # "Ukraine's army has about 900,000"
                        if owner.dep_ in ("poss", "compound", "amod", "nmod"):
                            country = canonical_country(owner.text) or canonical_country(
                                " ".join(t.text for t in owner.subtree))
                            if country:
                                return country
        return None

    def _location(self, words: list[Token], sent: Span) -> str | None:
        """Where the figure's troops are: a place in a locative phrase of the figure's own
        clause ("sent to eastern Russia", "killed or wounded in the Kursk region"), else of
        the sentence outside its speech verbs ("…, the NIS said in Seoul" is not where);
        canonical (a country, or "Kursk"), never a town the facts cannot name."""
        found = _place_in(words)
        if found is None:
            found = _place_in(sent, _under_speech)
        if found is None and sent.start > 0:
            prev = self.doc[sent.start - 1].sent
            if "\n\n" not in prev.text_with_ws:      # the same paragraph: its context
                found = _place_in(prev, _under_speech)
        return found

    def _claimant(self, number: Token, path: list[Token], sent: Span
                  ) -> tuple[Speaker | None, Token | None]:
        for quote in self.quotes:
            if quote.kind == "direct" and quote.start <= number.idx < quote.end and quote.speaker:
                return Speaker(quote.speaker, quote.speaker_label), None
        generic = hedged = False
        relative = self._relative_claimant(path)
        if relative is not None:
            return relative
        end = self._figure_end(number)
        speakers = _cited_by_speakers(number.doc[end])
        if speakers is not None:        # "the 3,000 U.S. officials cited": U.S. officials
            words = [t for t in speakers.subtree if end < t.i <= speakers.i]
            text = " ".join(t.text for t in words)
            country = canonical_country(text)
            sp = Speaker(country, "GPE") if country else Speaker(canonical_name(text), "ORG")
            return self._keep(sp), next(c for c in speakers.children if c.dep_ in (
                "acl", "relcl"))
        for k, tok in enumerate(path):
            acc = according_to(tok)
            if acc is not None and k and path[k - 1].dep_ == "conj" and any(
                    c.lower_ == "according" and tok.i < c.i < path[k - 1].i
                    for c in tok.children):
                acc = None      # "A were sent, according to X, and a further B …": X's is A
            inside = next((j for j, t in enumerate(path[:k]) if t.i == acc.i), None) \
                if acc is not None else None
            if inside is not None and not any(t.dep_ == "conj" for t in path[:inside]) and \
                    any(t.pos_ in ("VERB", "AUX") for t in path[:inside]):
                # "According to X, which has interviewed the two soldiers captured …": a
                # figure describing the source is no claim of it
                return None, None
            if acc is None:
                acc = _per_source(tok)  # "…, per Ukraine's military intelligence"
            if acc is not None:
                sp = self.resolver.resolve(acc, owner_of_source=True)
                author = _document_author(acc) if sp is None or sp.generic else None
                if author is not None:  # "according to estimates from Seoul"
                    sp = self.resolver.resolve(author, owner_of_source=True) or sp
                if sp and not sp.generic:
                    return self._keep(sp), tok
                generic = True
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_ in cues.CLAIM_VERBS and \
                    tok not in (path[0],):
                if k and path[k - 1].dep_ == "advcl" and any(
                        c.dep_ == "mark" and c.lower_ in _TIME_MARKS
                        for c in path[k - 1].children):
                    continue    # "Days after forces took two soldiers, X says …": framing
                if _negated(tok):
                    continue    # "X has neither confirmed nor denied …": no claim of X's
                if _agentless_passive(tok):
                    # "X is believed to number N", "the number is put at N": X is what is
                    # measured; a hedge ("it is believed", "is thought") names nobody at all
                    hedged = hedged or tok.lemma_ in _HEDGES
                    generic = True
                    continue
                subjects = subjects_of(tok)
                origin = cited_by(tok, subjects[0] if subjects else None)
                if origin is not None and subjects and origin.i < subjects[0].i < tok.i and \
                        subjects[0].head.i == tok.i and any(
                            t.pos_ == "VERB" and t.lemma_ in cues.SPEECH_VERBS
                            for t in self.doc[tok.sent.start:origin.i]):
                    # "X reported, citing sources, that the ministry estimated N": the
                    # sources are X's, hung on the inner verb; the ministry is the origin
                    origin = None
                subjects += [c for c in tok.children if c.dep_ == "nsubj" and c.i > number.i
                             and all(c.i != t.i for t in subjects)]   # a second subject
                for subj in ([origin] if origin is not None else []) + subjects:
                    if _in_phrase(number, subj):
                        continue    # "the two prisoners told investigators": the figure
                        #             counts the speakers, it is not their claim
                    # members speak for their body; "lawmakers, briefed by the NIS, said" relay it
                    subj = _members_of(subj) or origin_of(subj)
                    sp = self.resolver.resolve(subj, owner_of_source=True)
                    author = _document_author(subj) if sp is None or sp.generic else None
                    if author is not None:  # "an assessment by the NIS, seen by X, says"
                        sp = self.resolver.resolve(author, owner_of_source=True) or sp
                    if sp and not sp.generic:
                        return self._keep(sp), tok
                    if sp and _described_media(subj):
                        # "Foreign media wrote that N …": the media so described, not
                        # whoever was cited before
                        return self._keep(Speaker(sp.name, "ORG")), tok
                    generic = generic or sp is not None
            orderer = _orderer(tok, path[k - 1]) if k else None
            if orderer is not None:     # "X ordered the army to grow to N", "X's decree …"
                sp = self.resolver.resolve(orderer, owner_of_source=True)
                if sp and not sp.generic:
                    return self._keep(sp), tok
            framing = _framing_source(tok) if tok.pos_ in ("VERB", "AUX") else None
            if framing is not None:     # "By X's count, N …", "N …, as estimated by X"
                sp = self.resolver.resolve(framing, owner_of_source=True)
                if sp and not sp.generic:
                    return self._keep(sp), tok
            if k and _claim_read_as_noun(tok, path[k - 1]):
                # "Lithuanian intelligence estimates (that) N soldiers were killed", "N …,
                # Lithuanian intelligence estimates.": the verb read as a plural noun
                sp = self.resolver.resolve(tok, owner_of_source=True)
                if sp and not sp.generic:
                    return self._keep(sp), tok
            if tok.pos_ in ("VERB", "AUX") and tok.i != path[0].i:
                owner = _owned_measure(tok)
                if owner is not None:   # "the spy agency's estimate … was up from 4,000"
                    sp = self.resolver.resolve(owner, owner_of_source=True)
                    if sp and not sp.generic:
                        return self._keep(sp), tok
            if tok.pos_ in ("VERB", "AUX") and tok.i != path[0].i:
                origin = cited_by(tok)      # "…, citing a government source, that X was
                if origin is not None:      # preparing N" with "citing" hung on the clause
                    sp = self.resolver.resolve(origin, owner_of_source=True)
                    if sp and not sp.generic:
                        return self._keep(sp), tok
        # "N …, a figure confirmed by X / the estimate X gave": an apposition after the figure
        for tok in sent[number.i - sent.start + 1:]:
            if tok.lower_ in ("figure", "estimate", "number", "tally", "count") and \
                    tok.i > 0 and (self.doc[tok.left_edge.i - 1].text == ","):
                source = _measure_source(tok)
                if source is not None:
                    sp = self.resolver.resolve(source, owner_of_source=True)
                    if sp and not sp.generic:
                        return self._keep(sp), (source.head if source.dep_ == "nsubj"
                                                else source.head.head)
        # a trailing "…, the NIS said" attached to the main clause
        root = sent.root
        for tok in [root, *root.children, *_set_off_attributions(sent, number)]:
            if tok.pos_ == "VERB" and tok.lemma_ in cues.SPEECH_VERBS and tok not in path:
                lo, hi = sorted((tok.i, number.i))
                if any(t.text == ";" for t in self.doc[lo:hi]):
                    continue        # "X briefed lawmakers; two prisoners sat …": another clause
                if any(c.dep_ == "ccomp" and not c.left_edge.i <= number.i <= c.right_edge.i
                       for c in tok.children) or _negated(tok):
                    continue        # "…, and analysts say that is what …": its own clause
                subjects = subjects_of(tok)
                if tok.dep_ == "conj" and tok.i > number.i and not any(
                        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                    # "Russia has deployed 50,000 …, a senior US official told reporters":
                    # the phrase before the verb, not the first conjunct's subject
                    before = _np_before(_first_aux(tok))
                    if before is not None:
                        subjects = [before]
                origin = cited_by(tok, subjects[0] if subjects else None)
                for subj in ([origin] if origin is not None else []) + subjects:
                    sp = self.resolver.resolve(subj, owner_of_source=True)
                    if sp and not sp.generic:
                        return self._keep(sp), tok
                    generic = generic or sp is not None
        for quote in self.quotes:
            if quote.kind == "reported" and quote.start <= number.idx < quote.end and \
                    quote.speaker:
                return Speaker(quote.speaker, quote.speaker_label), None
        if sent.end < len(self.doc):
            nxt = self.doc[sent.end].sent
            agent = passive_this_agent(nxt) or _gives_the_figure(nxt)
            if agent is not None:           # "… 2,000 soldiers … This was reported by X.",
                #                             "The figure was released by X", "X gave the number"
                sp = self.resolver.resolve(agent, owner_of_source=True)
                if sp and not sp.generic:
                    return self._keep(sp), nxt.root     # its day is the claim's
            tail = _split_attribution(self.doc[sent.end].sent)
            if tail is not None:            # "… number 11,000" | ", the Pentagon says."
                sp = self.resolver.resolve(tail, owner_of_source=True)
                if sp and not sp.generic:
                    return self._keep(sp), tail.head
        answerer = self._answerer(number)
        if answerer is not None:
            return answerer, None               # an interview answer's own figures
        if generic and not hedged and self.previous_claimant is not None:
            return self.previous_claimant, None
        turn = self.resolver.turn_speaker(number)
        if turn is not None:
            return turn, None                  # figures in a briefing turn: the briefer's
        label = self._line_label(number)
        if label is not None:
            return label, None                 # "Zelensky: 3,000 North Koreans killed"
        issuer = self._issuer()
        if issuer is not None:
            return issuer, None                # a press release's own figures: its issuer's
        closing = _closing_parenthesis(sent) or next(
            (p for t in sent if t.lower_ == "per" and t.i > number.i
             for p in [_per_source(t.head)] if p is not None), None)
        if closing is not None:                 # "… 11,000 troops to Russia (NIS)."
            sp = self.resolver.resolve(closing, owner_of_source=True)
            if sp and not sp.generic:
                return self._keep(sp), None
        before = self._previous_claim(sent, hedged)
        if before is not None:
            return before, None
        publisher = self._publisher()
        if publisher is not None and not hedged:
            return publisher, None              # an official body's own unsourced figures
        return None, None

    def _previous_claim(self, sent: Span, hedged: bool) -> Speaker | None:
        """The claimant of the sentence just before, in the same paragraph, when this one
        carries on its figures with no source and no troop word of its own ("X said 3,000
        more were sent. The new arrivals bring the total to 14,000.")."""
        if hedged or sent.start == 0 or _sentence_about_troops(sent) and not _sums_up(sent):
            return None         # a sentence that names its troops is a statement of its own
        prev = self.doc[sent.start - 1].sent
        if "\n\n" in prev.text_with_ws or "\n\n" in self.doc[sent.start - 1].text_with_ws:
            return None
        return self._sent_claims.get(prev.start)

    def _issuer(self) -> Speaker | None:
        """The body that issues a press release ("Press release … From: Ministry of Defence",
        "PRESS RELEASE / Ministry of National Defense, Republic of Korea"), read once per doc
        from its opening lines; None for any other text."""
        if self._issuer_read:
            return self._issuer_found
        self._issuer_read = True
        text = doc_index(self.doc).text
        match = _RELEASE_LINE.search(text, 0, min(len(text), 600))
        if match is None:
            return None
        lines = []
        pos = match.end()
        while len(lines) < 4 and pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            if text[pos:end].strip():
                lines.append((pos, end))
            pos = end + 1
        ents = [e for e in self.doc.ents if e.label_ in ("ORG", "GPE", "PERSON")]
        picked = [(s, e) for s, e in lines if text[s:e].lstrip().lower().startswith("from:")]
        for start, end in (picked or lines[:3]):
            if self._issuer_found is not None:
                break
            inside = [e for e in ents if start <= e.start_char < end]
            inside.sort(key=lambda e: (e.label_ != "ORG", e.start_char))
            if not inside or not picked and (inside[0].start_char - start > 4 or
                                             end - start > 80):
                continue            # an issuer line is short and opens with the issuer
            sp = self.resolver.resolve(inside[0].root, owner_of_source=True)
            if sp and not sp.generic:
                self._issuer_found = sp
        return self._issuer_found

    def _publisher(self) -> Speaker | None:
        """The official body the article is published by (a ministry's statement, an
        embassy's release, a brigade's post), from the outlet it came with; None for a
        newsroom or when no outlet was given."""
        body = publisher_body(self.doc._.sitrep_outlet)
        return Speaker(body, "ORG") if body else None

    def _line_label(self, number: Token) -> Speaker | None:
        """The speaker a line opens with before a colon ("Zelensky: 3,000 North Korean
        soldiers killed or wounded", "- NIS: …"), when that is a named person or body."""
        text = doc_index(self.doc).text
        line = text.rfind("\n", 0, number.idx) + 1
        while line < number.idx and text[line] in "-•*– \t":
            line += 1                       # a bullet
        colon = text.find(":", line, number.idx)
        if colon < 0 or colon - line > 40:
            return None
        label = self.doc.char_span(line, colon, alignment_mode="expand")
        if label is None or not label.ents or any(t.like_num for t in label):
            return None
        end = text.find("\n", number.idx)
        name = text[line:colon].strip()
        if name.isupper() or "?" in text[colon:end if end >= 0 else len(text)] or \
                text.count("\n" + name + ":") > 1:
            return None         # a transcript turn or an interviewer's question
        ent = label.ents[-1]
        if ent.label_ not in ("PERSON", "ORG") or ent.end_char < colon - 1:
            return None
        sp = self.resolver.resolve(ent.root, owner_of_source=True)
        return sp if sp and not sp.generic else None

    def _relative_claimant(self, path: list[Token]) -> tuple[Speaker, Token] | None:
        """The one a relative clause on the figure's noun phrase names as its source: "the
        3,000 the White House cited", "the 10,000 (that) the Pentagon gave last week", "the
        goal of 1.5 million servicemen that Putin set" (before any verb on the path)."""
        for tok in path:
            if tok.pos_ in ("VERB", "AUX"):
                break
            for child in tok.children:
                if child.dep_ != "relcl" or child.i < tok.i or \
                        child.lemma_ not in _RELATIVE_CLAIM:
                    continue
                subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if subj is None or subj.lower_ in ("who", "which", "that") or \
                        subj.pos_ == "PRON" and subj.lower_ not in ("he", "she", "they"):
                    continue
                sp = self.resolver.resolve(subj, owner_of_source=True)
                if sp and not sp.generic:
                    return self._keep(sp), child
        return None

    def _keep(self, sp: Speaker) -> Speaker:
        self.previous_claimant = sp
        return sp

    def _occasion_before(self, sent: Span, claimant: Speaker):
        """The day of the occasion the sentence before (same paragraph) dates for the same
        source: "The NIS briefed lawmakers on Monday. The agency said 1,100 …" (Monday)."""
        if sent.start == 0:
            return None
        prev = self.doc[sent.start - 1].sent
        if "\n\n" in prev.text_with_ws:
            return None
        root = prev.root
        if root.pos_ != "VERB" or root.lemma_ not in cues.SPEECH_VERBS | _OCCASIONS:
            return None
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        sp = self.resolver.resolve(subj, owner_of_source=True) if subj is not None else None
        if sp is None or sp.name != claimant.name:
            return None
        day = self._stated_on(root, prev)
        return day if day != self.published else None

    def _figure_end(self, number: Token) -> int:
        """The last token of the figure that starts at `number` ("3,000", "about 3,000")."""
        k = number.i
        while k + 1 < len(self.doc) and self.doc[k + 1].like_num:
            k += 1
        return k

    def _plain_claimant(self, sp: Speaker | None, number: Token) -> Speaker | None:
        """A claimant as the facts name it: a country's armed forces or government as the
        country ("South Korea's military said" -> South Korea); "our General Staff" in an
        interview answer as the one answering."""
        if sp is None:
            return None
        label = _QA_LABEL.match(sp.name)
        if label is not None:       # "Q. Lithuania says …": the label is no part of the name
            rest = sp.name[label.end():]
            sp = Speaker(canonical_country(rest) or rest, sp.label)
        country = _country_itself(sp.name) or (
            canonical_country(sp.name[:-1]) if sp.name.endswith("s") and sp.name[:1].isupper()
            else None)      # "the Lithuanians say": the country
        if country is not None:
            return Speaker(country, "GPE")
        if sp.name.lower().startswith(("our ", "my ")):
            return self._answerer(number) or self.resolver.turn_speaker(number) or sp
        return sp

    def _answerer(self, number: Token) -> Speaker | None:
        """The interviewee, for a figure in an answer of a Q-and-A interview ("Q. How many
        …?" / "A. About 11,000 …"): the person the introduction quotes most (read once)."""
        text = doc_index(self.doc).text
        line = text.rfind("\n", 0, number.idx) + 1
        if _ANSWER_LINE.match(text, line) is None:
            return None
        if not self._interviewee_read:
            self._interviewee_read = True
            first_q = _QUESTION_LINE.search(text)
            if first_q is not None:
                counts: dict[str, int] = {}
                for q in self.quotes:
                    if q.start < first_q.start() and q.speaker and q.speaker_label == "PERSON":
                        counts[q.speaker] = counts.get(q.speaker, 0) + 1
                if counts:
                    name = max(counts, key=lambda n: (counts[n], -len(n)))
                    self._interviewee = Speaker(name, "PERSON")
        return self._interviewee

    def _stated_on(self, cue: Token | None, sent: Span):
        published = self.published
        if cue is not None:
            children = list(cue.children)
            # "Speaking on 13 January, the minister said …": the participle's day
            children += [g for c in children if c.dep_ == "advcl" and c.i < cue.i and
                         c.lemma_ in _SPEAKING for g in c.children]
            for child in children:
                if child.ent_type_ in _DAY_ENTS or (child.dep_ == "prep" and any(
                        g.ent_type_ in _DAY_ENTS for g in child.subtree)):
                    words = " ".join(t.text for t in child.subtree)
                    sibling = next((c for c in cue.children if c.ent_type_ == "DATE" and
                                    c.left_edge.i == child.right_edge.i + 1), None)
                    if sibling is not None:
                        # "on Wednesday last week": the week is a sibling in the parse
                        words += " " + " ".join(t.text for t in sibling.subtree)
                    day = resolve_date(words, published, vague=False)
                    if day:
                        return day
        # a sentence-initial "On 23 October," or "on Wednesday" attached to the main verb
        root = sent.root
        for child in root.children:
            if child.dep_ in ("prep", "npadvmod") and any(g.ent_type_ == "DATE"
                                                          for g in child.subtree):
                day = resolve_date(" ".join(t.text for t in child.subtree), published,
                                   vague=False)
                if day and (published is None or day <= published):
                    return day
        # a timeline entry: the line opens with its day ("OCT 18 - The NIS says …")
        text = doc_index(self.doc).text
        line = text.rfind("\n", 0, sent.start_char) + 1
        match = _TIMELINE_DAY.match(text, line, min(len(text), line + 40))
        if match:
            day = resolve_date(match.group(1), published, vague=False)
            if day and (published is None or day <= published):
                return day
        return published


# Q-and-A interview lines: "Q. How many …?", "A. About 11,000 …" (also "Q:" / "A:").
_QUESTION_LINE = re.compile(r"^[ \t]*Q[.:][ \t]", re.M)
_ANSWER_LINE = re.compile(r"[ \t]*A[.:][ \t]")
_QA_LABEL = re.compile(r"^[QA][.:]\s+(?=\S)")
# A country's own institutions named as a whole: the country claims ("South Korea's military").
# (in lower case: "the Swedish Armed Forces" is a body's proper name and stays one)
_INSTITUTIONS = re.compile(r"^(?:[Tt]he\s+)?(.+?)(?:['’]s)?\s+(?:military|army|armed forces|"
                           r"government|authorities|administration|leadership)$")


def _country_itself(name: str) -> str | None:
    """The country a claimant name stands for when it names the country's military or
    government as a whole ("South Korea's military", "the Russian government")."""
    match = _INSTITUTIONS.match(name.strip())
    return canonical_country(match.group(1)) if match else None


@Language.component("sitrep_estimates")
def sitrep_estimates(doc: Doc) -> Doc:
    """Troop estimates with qualifier, status, force, claimant and date."""
    doc._.sitrep_estimates = EstimateFinder(doc).run()
    return doc
