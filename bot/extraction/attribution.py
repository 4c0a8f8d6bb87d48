"""Who said or claimed something: the subject of a cue verb, resolved to a canonical name.

Follows participle and coordinated verbs to the subject they share ("…, stating: …"), passive
agents ("is estimated by X"), "according to X", relative pronouns, appositions, pronouns
("he", "it", "his office") and roles ("the Pentagon chief", "the spy agency").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass

from spacy.tokens import Span, Token

from bot.extraction import cues
from bot.extraction.docindex import doc_index
from bot.extraction.entities import (
    EntityRecord,
    EntityTable,
    _ranks_in,
    known_role,
    looks_like_person,
    role_keys,
    title_run_before,
)
from bot.extraction.names import (
    BODIES,
    TITLE_WORDS,
    body_kind,
    canonical_country,
    canonical_name,
    canonical_org,
    demonym,
    government_of,
    same_person,
)

_CLIMB_DEPS = {"conj", "xcomp", "advcl", "acl", "pcomp", "prep", "pobj", "dobj", "npadvmod",
               "oprd", "attr", "appos", "dep", "advmod"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_PERSON_CLASSES = {"spokesperson", "minister", "president", "leader", "ambassador",
                   "commander", "lawmaker", "official", "analyst", "adviser", "diplomat"}


# A transcript turn: "MAJ. GEN. PAT RYDER: ...", "NICO LANGE: ..." (not "Q:").
_TURN = re.compile(r"([A-Z][A-Z.'’\- ]{1,60}(?:[A-Z.]|\([A-Z.'’\- ]{2,40}\))):\s")
# A line's lead-in that is no part of its sentence: a dateline ("SEOUL, Nov 13 (Reuters) -",
# "WASHINGTON (AP) —", "KYIV —") or a label ("PHIL GAYLE:", "MOSCOW’S LINE:").
_LEAD_IN = re.compile(
    r"(?:[A-Z][A-Z.'’\- ]{1,60}(?:[A-Z.]|\([A-Z.'’\- ]{2,40}\)):\s"
    r"|[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}(?: \d{1,2})?"
    r"(?:,[^\n()—–]{1,30}?)?\s*(?:\([^)\n]{1,30}\))?\s*(?:[—–-]{1,2}\s|[—–](?=[A-Z])))")


# Q-and-A interview lines: "Q. How many …?" / "A. About 11,000 …" (also "Q:" / "A:").
_QUESTION = re.compile(r"^[ \t]*Q[.:][ \t]", re.M)
_ANSWER = re.compile(r"[ \t]*A[.:][ \t]")
_JOURNALIST = re.compile(r"\b(?:ANCHOR|REPORTER|HOST|CORRESPONDENT|PRESENTER|MODERATOR|"
                         r"INTERVIEWER|NARRATOR)\b", re.IGNORECASE)
_NAMED_TURN = re.compile(r"([A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){0,3}):\s")


def in_lead_in(token: Token) -> bool:
    """Whether `token` lies in its line's dateline or label (never a clause's subject)."""
    index = doc_index(token.doc)
    line = index.text.rfind("\n", 0, token.idx) + 1
    if token.idx - line > 80:
        return False
    return token.idx < index.lead_in_end(line, _LEAD_IN)


@dataclass(frozen=True)
class Speaker:
    name: str
    label: str | None
    generic: bool = False        # "the article", "new intelligence": a source, not a claimant


def subject_of(verb: Token, max_steps: int = 6) -> Token | None:
    """The subject a cue verb has or shares (participles, conjuncts, "was quoted as saying")."""
    found = subjects_of(verb, max_steps)
    return found[0] if found else None


def subjects_of(verb: Token, max_steps: int = 6) -> list[Token]:
    """Candidate subjects, nearest first: a participle's own clause may have a non-speaker
    subject ("the deployment signifies …, noting …"), so climbing goes on past it."""
    out: list[Token] = []
    quoted = _quoted_as(verb)
    if quoted is not None:
        out.append(quoted)
    if _own_subject(verb) is None:
        trailing = _trailing_subject(verb)
        if trailing is not None:
            out.append(trailing)
            return out
        doc = verb.doc
        for clause in verb.children:
            # "Peskov, asked about the reports, said …" parsed with Peskov the subject of
            # "asked": the participle is set off by commas, its subject speaks
            if clause.dep_ == "ccomp" and clause.i < verb.i and clause.tag_ in ("VBD", "VBN") \
                    and doc[clause.i - 1].text == "," and doc[verb.i - 1].text == ",":
                own = next((c for c in clause.children if c.dep_ == "nsubj" and
                            c.i < clause.i), None)
                if own is not None:
                    out.append(own)
                    return out
    if verb.dep_ == "ROOT" and verb.tag_ in ("VBZ", "VBD") and _own_subject(verb) is None \
            and not any(c.dep_ in ("csubj", "expl", "auxpass") for c in verb.children):
        # "In an intercept published by X, a Russian officer of the brigade complains that
        # …" with the officer hung on the participle: the phrase after the comma speaks
        np = _np_before(verb)
        if np is not None and np.dep_ in ("npadvmod", "appos", "dobj", "pobj") and \
                np.pos_ == "NOUN":
            out.append(np)
            return out
    reduced = reduced_relative(verb)
    if reduced is not None:
        out.append(next(c for c in reduced.children if c.dep_ in _SUBJECT_DEPS))
        return out
    current = verb
    for _ in range(max_steps):
        found = _own_subject(current)
        if found is not None:
            out.append(found)
            if current is verb or current.pos_ in ("VERB", "AUX") and \
                    current.dep_ not in ("ccomp", "advcl", "conj", "xcomp"):
                return out
        if current.dep_ == "relcl" and current.head.pos_ in ("NOUN", "PROPN"):
            out.append(current.head)
            return out
        if current is not verb and found is None and current.lemma_ in cues.SPEECH_VERBS and \
                current.pos_ == "VERB" and current.i < verb.i:
            # "…, the JCS said on Monday, estimating that …" with the JCS hung elsewhere by
            # the parser: the phrase before the verb it participles on
            np = _np_before(current)
            if np is not None:
                out.append(np)
                return out
        if current.dep_ not in _CLIMB_DEPS | {"ccomp"} or current.head is current:
            if not out and current is verb and verb.dep_ == "ROOT" and \
                    verb.tag_ in ("VBZ", "VBD", "VBP"):
                # "In an intercept published by X, a Latvian officer complains that …" with
                # the officer hung on the participle: the phrase between the comma and the
                # verb is the verb's subject
                np = _np_before(verb)
                if np is not None and np.dep_ not in _SUBJECT_DEPS:
                    out.append(np)
            return out
        current = current.head
    return out


def reduced_relative(verb: Token) -> Token | None:
    """The participle of a subject the parser read as a clause of its own: in "The
    ministry's update published the same day said …", "update published the same day" is
    taken for the verb's ccomp; the noun before the participle is the verb's subject."""
    if any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i < verb.i and child.tag_ == "VBN" and \
                not any(c.dep_ in ("aux", "auxpass") for c in child.children) and \
                any(c.dep_ in _SUBJECT_DEPS and c.pos_ in ("NOUN", "PROPN")
                    for c in child.children) and \
                not any(t.text in (",", ";", ":", "—", "–") for t in verb.doc[child.i:verb.i]):
            return child
    return None


# Participles that say who an anonymous source is ("people briefed on the plans").
_SOURCE_PARTICIPLES = frozenset(["brief", "inform", "involve", "familiar", "know", "close",
                                 "acquaint"])
_NP_POS = frozenset(["PROPN", "NOUN", "ADJ", "DET", "PART", "NUM", "ADP", "PUNCT", "CCONJ"])


def _label(tok: Token) -> bool:
    """Whether a noun phrase is a line's "Name:" label ("The Korea Times: Ukraine's military
    intelligence says …"), which the parser may take for a second subject."""
    doc = tok.doc
    end = tok.right_edge.i + (0 if tok.right_edge.text in (":", "):") else 1)
    if end >= len(doc) or doc[end].text not in (":", "):"):
        return False
    if doc[end].text == "):" and doc[tok.i + 1].text == "(":
        pass                # "Question (Radio Nord):": who asks, in brackets
    elif end > tok.i + 1 and not all(t.pos_ in ("NUM", "PROPN") and t.head.i == tok.i
                                   for t in doc[tok.i + 1:end]):
        return False        # ("FRANCE 24:" is a label too)
    start = tok.left_edge
    return start.i == 0 or "\n" in doc[start.i - 1].text_with_ws


def _trailing_subject(verb: Token) -> Token | None:
    """The speaker of a closing "…, South Korea's National Intelligence Service (NIS) said on
    Friday." read off the surface when the parse hung the verb elsewhere: a comma, a noun
    phrase, the verb, then only adverbials to the sentence end."""
    doc = verb.doc
    sent = verb.sent
    tail = [t for t in doc[verb.i + 1:sent.end] if not t.is_space]
    if any(t.pos_ in ("VERB", "AUX") or t.dep_ == "ccomp" or t.dep_ == "dobj" and not (
            verb.lemma_ in ("tell", "brief", "inform") and t.head.i == verb.i)
           for t in tail) or len(tail) > 6:
        return None         # (the one told: "…, a senior official told reporters on Monday.")
    return _np_before(verb)


def _np_before(verb: Token) -> Token | None:
    """The head of the noun phrase between a comma and `verb` ("…, South Korea's Joint
    Chiefs of Staff said"), read off the surface."""
    doc = verb.doc
    sent = verb.sent
    depth = 0
    nouns: list[Token] = []
    i = verb.i - 1
    while i >= sent.start and verb.i - i <= 12:
        tok = doc[i]
        if tok.text == ")":
            depth += 1
        elif tok.text == "(":
            depth -= 1
        elif depth == 0:
            if tok.text == ",":
                break
            if tok.pos_ not in _NP_POS or tok.is_punct and tok.text not in ("'", "’", "-"):
                return None
            if tok.pos_ in ("PROPN", "NOUN") and tok.lower_ not in ("'s", "’s"):
                nouns.append(tok)
        i -= 1
    else:
        return None
    if i < sent.start or not nouns or i - sent.start < 3:
        return None
    # the head of "South Korea's National Intelligence Service": the noun no other governs
    span = {t.i for t in doc[i + 1:verb.i]}
    heads = [t for t in nouns if t.head.i not in span]
    return heads[0] if heads else nouns[0]


def _quoted_as(verb: Token) -> Token | None:
    """X in "the lawmaker quoted X as saying ...": the one quoted speaks, not the quoter."""
    if verb.lemma_ == "quote":
        says = any(g.lemma_ == "say" for c in verb.children if c.dep_ in ("prep", "advcl")
                   for g in [c, *c.children])
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        return objs[0] if says and objs else None
    if verb.lemma_ != "say":
        return None
    node = verb
    for _ in range(2):
        if node.head is node:
            return None
        node = node.head
        if node.lemma_ == "quote":
            objs = [c for c in node.children if c.dep_ == "dobj"]
            if not objs and any(c.dep_ == "auxpass" for c in node.children):
                # "X was quoted by Y as saying": X speaks, Y relays
                objs = [c for c in node.children if c.dep_ == "nsubjpass"]
            return objs[0] if objs else None
    return None


def _own_subject(current: Token) -> Token | None:
    if True:
        if any(c.dep_ == "auxpass" for c in current.children):
            for child in current.children:
                if child.dep_ == "agent":
                    objs = [g for g in child.children if g.dep_ == "pobj"]
                    if objs:
                        return objs[0]
        found = []
        for child in current.children:
            if child.dep_ in _SUBJECT_DEPS:
                if child.is_punct or in_lead_in(child) or _label(child):
                    # "In mid-October ..." parsed with "-" as subject; datelines and labels;
                    # "REPORTER (X): Ukraine's intelligence chief, Y, warned": the phrase the
                    # parser hung on the label speaks
                    found.extend(a for a in child.children if a.dep_ == "appos" and
                                 not in_lead_in(a) and a.left_edge.text != "(" and
                                 a.doc[a.left_edge.i - 1].text != "(")
                    continue
                if child.lower_ in ("who", "that", "which") and current.dep_ == "relcl":
                    return current.head
                found.append(child)
        if len(found) > 1:
            # "Minister for Foreign Affairs of Ukraine Andrii Sybiha stated": a title parsed
            # as a second subject; the name is the speaker
            named = [c for c in found if c.pos_ == "PROPN" or c.ent_type_ == "PERSON"]
            if named:
                return named[-1]
            last = found[-1]
            lead = found[0].left_edge
            if (lead.tag_ in ("VBG", "VBN") or lead.lower_.endswith("ing")) and \
                    current.doc[last.left_edge.i - 1].text == ",":
                # "Briefing lawmakers on Jan. 13, the spy agency said": a fronted phrase the
                # parser took for a subject; the one after the comma speaks
                return last
            return found[0]
        return found[0] if found else None
    return None


def according_to(verb: Token) -> Token | None:
    """X in "according to X" attached to this verb (followed to the one X relays), or closing
    the sentence on the verb's last conjunct ("A were sent and B were killed, according to
    X": X's too)."""
    found = _according_child(verb)
    if found is not None:
        return found
    conjs = [c for c in verb.children if c.dep_ == "conj" and c.i > verb.i and
             c.pos_ in ("VERB", "AUX")]
    if conjs:
        last = conjs[-1]
        acc = next((c for c in last.children if c.lower_ == "according"), None)
        if acc is not None and all(c.i < acc.i or c.is_punct for c in last.children
                                   if c.i != acc.i):
            return _according_child(last)
    return None


def _according_child(verb: Token) -> Token | None:
    for child in verb.children:
        if child.lower_ == "according":
            for to in child.children:
                objs = [g for g in to.children if g.dep_ == "pobj"]
                if objs:
                    return origin_of(objs[0])
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return origin_of(objs[0])
    return None


_BRIEFED = frozenset(["brief", "inform", "tell", "advise"])


def agent_of(verb: Token) -> Token | None:
    """The one a passive verb names as its doer: "briefed by the NIS" -> NIS."""
    for agent in verb.children:
        if agent.dep_ == "agent":
            objs = [g for g in agent.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def origin_of(source: Token) -> Token:
    """Follow a source to the one it relays: "lawmakers briefed by the NIS" -> the NIS."""
    for child in source.children:
        if child.dep_ in ("acl", "relcl") and child.lemma_ in _BRIEFED:
            found = agent_of(child)
            if found is not None:
                return found
    return source


def cited_by(verb: Token, subject: Token | None = None) -> Token | None:
    """The origin a reporting verb's subject cites: "Yonhap, citing lawmakers briefed by the
    NIS, said …" -> the NIS; "The Journal reported, citing U.S. officials, that …" -> the
    officials."""
    for node in (verb, subject):
        if node is None:
            continue
        for child in node.children:
            if child.dep_ in ("advcl", "acl", "xcomp", "prep") and child.lemma_ in (
                    "cite", "quote") and child.tag_ == "VBG":
                objs = [g for g in child.children if g.dep_ in ("dobj", "pobj")]
                if objs and any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her")
                                for c in objs[0].children):
                    return None     # "citing its own sources": the subject still speaks
                if objs:
                    return origin_of(objs[0])
    return None


def passive_this_agent(sent) -> Token | None:
    """X in a sentence "This was reported by X." that attributes the sentence before."""
    root = sent.root
    if root.lemma_ not in cues.REPORTING_VERBS and root.lemma_ not in cues.SPEECH_VERBS:
        return None
    if not any(c.dep_ == "auxpass" for c in root.children):
        return None
    if not any(c.dep_ == "nsubjpass" and c.lower_ in ("this", "that", "it", "these")
               for c in root.children):
        return None
    if any(c.dep_ == "ccomp" for c in root.children):
        return None
    return agent_of(root)


def phrase_tokens(head: Token) -> list[Token]:
    """The words of a noun phrase for naming a speaker: modifiers + head + short complements."""
    keep = []
    placed = any(c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < head.i and (
        c.ent_type_ in ("GPE", "NORP", "ORG") or canonical_country(c.text))
        for c in head.children)
    for tok in head.subtree:
        if tok.i < head.i:
            if tok.dep_ in ("det", "punct") and tok.head == head:
                continue
            if any(a.dep_ in ("relcl", "acl", "appos") and a.i < head.i and a.head == head
                   for a in [tok, *tok.ancestors] if a.i < head.i and a != head):
                continue
            keep.append(tok)
        elif tok.i == head.i:
            keep.append(tok)
        else:
            # right side: "familiar with the matter", "of Ukraine"; not clauses or appositions
            path = [tok]
            for anc in tok.ancestors:
                if anc == head:
                    break
                path.append(anc)
            top = path[-1]
            if top.dep_ in ("acl", "amod") and top.head == head and \
                    top.lemma_ in _SOURCE_PARTICIPLES and top.tag_ in ("VBN", "JJ") and \
                    top.i == head.i + 1 and len(list(top.subtree)) <= 6:
                if not placed:
                    keep.append(tok)    # "a person briefed on the matter": who the source is
                continue    # ("a U.S. official familiar with …" is a U.S. official)
            if top.head != head or top.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj"):
                continue
            if tok.text == "," or any(p.dep_ in ("relcl", "appos") for p in path):
                continue        # "an officer with the 80th Brigade, which has fought …"
            if top.dep_ == "prep" and top.lower_ in ("including", "in", "on", "during", "at"):
                continue
            keep.append(tok)
    keep.sort(key=lambda t: t.i)
    # "FEB 7 - Ukraine's special operations forces say": a dateline is no part of it
    if keep and keep[0].i < head.i and in_lead_in(keep[0]):
        keep = [t for t in keep if t.i >= head.i or not in_lead_in(t)]
    # "Well, Phil, Ukraine's military intelligence": what precedes a comma is no part of it
    commas = [k for k, t in enumerate(keep) if t.i < head.i and t.text == ","]
    if commas:
        keep = keep[commas[-1] + 1:]
    # stop at the first gap (a removed clause) on the right
    out: list[Token] = []
    for tok in keep:
        if out and tok.i != out[-1].i + 1 and tok.i > head.i:
            break
        out.append(tok)
    return out[:10]


def _name_tail(words: list[Token]) -> list[Token]:
    """The person's name ending a run of proper nouns ("... of Ukraine Andrii Sybiha"), or
    []: up to four adjacent PROPN words at the end, cut from the front until they look like a
    name."""
    tail: list[Token] = []
    for t in reversed(words):
        if t.pos_ != "PROPN" or (tail and t.i != tail[0].i - 1) or len(tail) == 4 or \
                tail and t.dep_ == "pobj":
            break           # ("of Regional Development| Šarūnė Kavaliauskaitė": the body's
        tail.insert(0, t)   # name ends at the preposition's object)
    while len(tail) > 2 and tail[0].ent_type_ in ("ORG", "GPE", "NORP") and any(
            t.ent_type_ == "PERSON" and t.ent_iob_ == "B" for t in tail[1:-1]):
        tail = tail[1:]     # "the Russian [Federation] Andrei Rudenko": NER ends the body there
    while tail and not looks_like_person(tail) and len(tail) > 2:
        tail = tail[1:]
    return tail if looks_like_person(tail) else []


def words_text(words: list[Token]) -> str:
    """The words as the article wrote them: "39-year-old general", "South Korea's"."""
    out = []
    if words and words[-1].text == "(" or sum(t.text == "(" for t in words) > sum(
            t.text == ")" for t in words):
        # "Special Operations Forces (SSO" cut mid-bracket: the name without it
        cut = max(k for k, t in enumerate(words) if t.text == "(")
        words = words[:cut]
    while words and words[0].lower_ == "top" and len(words) > 1:
        words = words[1:]       # "top U.S. commanders" are U.S. commanders
    for k, tok in enumerate(words):
        out.append(tok.text)
        if k + 1 < len(words):
            nxt = words[k + 1]
            if nxt.i != tok.i + 1 or tok.whitespace_ or nxt.text.lower() in ("'s", "’s"):
                out.append("" if nxt.text.lower() in ("'s", "’s") else " ")
    return "".join(out)


class Resolver:
    """Turns subject tokens into speakers using one article's entity table."""

    def __init__(self, table: EntityTable):
        self.table = table
        self._turns: dict[int, Speaker | None] = {}
        self._interview: bool | None = None     # answers labelled "Name:" (decided once)
        self._quoted: list[tuple[int, int]] = []      # direct quotes' spans, sorted
        self._spoken: list[tuple[int, int, Speaker]] = []   # (pos, order, speaker) resolved
        self._quoted_starts: list[int] = []
        self._dateline: str | None = None       # the dateline's country ("" for none)
        # people named after the phrase that introduced them, by that phrase's noun ("A
        # farmer …, Mykola, 58, said": "the farmer" later is Mykola)
        self._named_as: dict[str, EntityRecord] = {}
        # (position, noun, words, person) of every named person the article describes with a
        # common noun beside the name ("X, a local farmer", "the mayor, Y", "Detective Z")
        self._described: list[tuple[int, str, frozenset[str], EntityRecord]] | None = None

    def set_quoted(self, spans: list[tuple[int, int]]) -> None:
        """Spans of the article's direct quotes: names inside them are spoken about, never the
        antecedent of the speaker's "he" ("“Putin cannot win,” he said")."""
        self._quoted = sorted(spans)
        self._quoted_starts = [s for s, _ in self._quoted]

    def _in_quoted(self, pos: int) -> bool:
        k = bisect_right(self._quoted_starts, pos) - 1
        return k >= 0 and pos < self._quoted[k][1]

    def turn_speaker(self, token: Token) -> Speaker | None:
        """The speaker of a transcript turn ("GEN. RYDER: We now assess ...") that holds
        `token`; None outside transcripts and for a reporter's "Q:"."""
        text = doc_index(token.doc).text
        para = text.rfind("\n", 0, token.idx) + 1
        if para in self._turns:
            return self._turns[para]
        speaker = None
        match = self._label(text, para)
        start = para
        while match is None and start > 0 and para - start < 3000:
            # a turn runs on over paragraphs until the next label
            start = text.rfind("\n", 0, max(0, start - 1)) + 1
            if text[start:start + 1].strip():
                match = self._label(text, start)
                if match is None and start == 0:
                    break
        if match:
            label = match.group(1)
            inner = re.search(r"\(([^()]+)\)\s*$", label)
            if inner:
                label = inner.group(1)      # "REPORTER (MIN HA-EUN)": the person
            words = [w for w in label.split()
                     if w.lower() not in TITLE_WORDS and w.lower().rstrip(".") not in TITLE_WORDS
                     and w.lower().rstrip(".") not in cues.RANK_WORDS]
            if _JOURNALIST.search(match.group(1)):
                words = []      # an anchor's or reporter's turn: the outlet's own words
            if words:
                name = " ".join(w.capitalize() if w.isupper() else w for w in words)
                record = self.table.find(name, "PERSON")
                if record is not None:
                    speaker = Speaker(record.name, "PERSON")
                elif match.re is _NAMED_TURN:
                    speaker = None      # the interviewer's turn ("The Kyiv Independent:")
                else:
                    earlier = [s for s in self._turns.values() if s is not None
                               and len(s.name.split()) > len(words) and same_person(s.name, name)]
                    speaker = earlier[-1] if earlier else Speaker(name, "PERSON")
        if match is None and _ANSWER.match(text, para):
            speaker = self._interviewee(text)   # "A. Our people who talk to them say …"
        self._turns[para] = speaker
        return speaker

    def _interviewee(self, text: str) -> Speaker | None:
        """The one answering a Q-and-A interview ("Q. …" / "A. …"): the person the
        introduction before the first question names most (as a subject first)."""
        first_q = _QUESTION.search(text)
        if first_q is None:
            return None
        counts: dict[int, tuple[int, int]] = {}
        for pos, _, salient, record in self.table.events:
            if pos >= first_q.start():
                break
            if record.label == "PERSON":
                n, subj = counts.get(id(record), (0, 0))
                counts[id(record)] = (n + 1, subj + salient)
        if not counts:
            return None
        best = max(counts, key=lambda k: (counts[k][1], counts[k][0]))
        record = next(r for r in self.table.records if id(r) == best)
        return Speaker(record.name, "PERSON")

    def _label(self, text: str, start: int):
        """The turn label opening the line at `start`: "MAJ. GEN. PAT RYDER:" anywhere; in an
        interview whose answers are labelled with the interviewee's name ("Andrii Yusov:",
        "Yusov:"), a mixed-case label too."""
        match = _TURN.match(text, start)
        if match is not None:
            return match
        if self._interview is None:
            named = [m for m in _NAMED_TURN.finditer(text)
                     if (m.start() == 0 or text[m.start() - 1] == "\n")
                     and self.table.find(m.group(1), "PERSON") is not None]
            self._interview = len(named) >= 2
        return _NAMED_TURN.match(text, start) if self._interview else None

    def _last_event(self, record: EntityRecord, before: int) -> int:
        """Where `record` was last mentioned or taken up before `before` (-1: never)."""
        events = self.table.events
        i = bisect_left(events, (before,), key=lambda e: e[:1]) - 1
        while i >= 0:
            if events[i][3] is record:
                return events[i][0]
            i -= 1
        return -1

    def _previous_subject(self, pronoun: Token, record: EntityRecord, lower: str
                          ) -> EntityRecord | None:
        """A subject pronoun opening its sentence takes up the subject of the sentence
        before, not a person of that gender only mentioned in it: "X met Y in Minsk. After
        the meeting, he told reporters …" is X."""
        sent = pronoun.sent
        if sent.start == 0 or self.table.latest_within(
                pronoun.idx, sent.start_char, _is_personish) is not None:
            return None
        prev = pronoun.doc[sent.start - 1].sent
        if self._last_event(record, pronoun.idx) < prev.start_char:
            return None
        subj = _own_subject(prev.root)
        if subj is None or subj.pos_ == "PRON":
            return None
        found = self._record_at(subj, ("PERSON",)) or (
            self.table.find(subj.text, "PERSON", subj.idx) if subj.pos_ == "PROPN" else None)
        if found is None and prev.root.lemma_ in cues.SPEECH_VERBS:
            # "One of the prisoners stated that his commander had told them …. According to
            # him, …": the one who spoke, resolved as its subject, not one he spoke of
            k = bisect_left(self._spoken, (subj.idx,), key=lambda e: e[:1])
            spoken = self._spoken[k][2] if k < len(self._spoken) and \
                self._spoken[k][0] == subj.idx else None
            found = self.table.find(spoken.name, "PERSON") if spoken is not None and \
                spoken.label == "PERSON" else None
        if found is None or found is record or not _of_gender(lower)(found) or \
                any(record is self._record_at(t, ("PERSON",)) for t in subj.subtree):
            return None
        strict = _of_gender(lower, strict=True)
        if lower in _FEMALE and strict(record) and not strict(found):
            # ("X met Kaja Y. She said …": the one the article made a woman; a man is
            # rarely made one, by a title only)
            return None
        return found

    def _subjects_before(self, before: int) -> set[int]:
        """ids of the records mentioned as a subject or speaker before `before`."""
        events = self.table.events
        k = bisect_left(events, (before,), key=lambda e: e[:1])
        return {id(e[3]) for e in events[:k] if e[2]}

    @staticmethod
    def _sentence_end(pos: int, token: Token) -> int:
        """The end (a character offset) of the sentence holding character `pos`."""
        if pos < 0:
            return -1
        k = int(doc_index(token.doc).idx.searchsorted(pos, side="right")) - 1
        return token.doc[max(0, k)].sent.end_char

    def _record_at(self, token: Token, labels=("PERSON", "ORG", "GPE")) -> EntityRecord | None:
        return self.table.record_at(token.idx, labels)

    def _touch(self, record: EntityRecord, token: Token) -> None:
        self.table.note(token.idx, record, salient=True)

    def _document_owner(self, token: Token, depth: int) -> Speaker | None:
        """Whose documents: "the documents, compiled by Ukraine's military intelligence" or,
        for a bare "the documents" / "the assessments", the owner named at their first
        mention ("Ukrainian intelligence documents seen by CNN")."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from") and depth < 2:
                # "A statement by the Security Service in late December said …"
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                owner = self.resolve(obj, owner_of_source=True, depth=depth + 1) \
                    if obj is not None else None
                if owner is not None and not owner.generic and owner.name[:1].isupper():
                    return owner
            if child.dep_ == "acl" and child.lemma_ in cues.AUTHORING_VERBS:
                for agent in child.children:
                    if agent.dep_ == "agent":
                        objs = [g for g in agent.children if g.dep_ == "pobj"]
                        if objs:
                            owner = self.resolve(objs[0], owner_of_source=True,
                                                 depth=depth + 1)
                            if owner is not None and not owner.generic:
                                return owner
        if not _has_det(token) and not any(c.lower_ in ("these", "those")
                                           for c in token.children):
            return None
        doc = token.doc
        for i in reversed(doc_index(doc).with_lemma(frozenset([token.lemma_]))):
            earlier = doc[i]
            if earlier.i >= token.i or earlier.i < token.i - 400:
                continue
            if _owner_words(earlier, phrase_tokens(earlier)) or any(
                    c.dep_ == "acl" and c.lemma_ in cues.AUTHORING_VERBS
                    for c in earlier.children):
                owner = self.resolve(earlier, owner_of_source=True, depth=depth + 1)
                if owner is not None and not owner.generic:
                    return owner
            issuer = _issuer(earlier)
            if issuer is not None:
                owner = self.resolve(issuer, depth=depth + 1)
                if owner is not None and not owner.generic:
                    return owner
        return None

    def _plural_subject_before(self, token: Token, depth: int) -> Speaker | None:
        """"…, they say": the plural subject of the sentence before, when it is a source
        ("The assessments, compiled in recent weeks, put …. About 3,000 …, they say.")."""
        sent = token.sent
        if sent.start == 0 or depth >= 2:
            return None
        prev = token.doc[sent.start - 1].sent
        subj = _own_subject(prev.root)
        if subj is None or subj.tag_ not in ("NNS", "NNPS") or subj.pos_ == "PRON":
            return None
        found = self.resolve(subj, owner_of_source=True, depth=depth + 1)
        return found if found is not None and not found.generic else None

    def resolve(self, token: Token | None, owner_of_source: bool = False, depth: int = 0
                ) -> Speaker | None:
        found = self._resolve(token, owner_of_source, depth)
        if token is not None and (found is None or not found.generic and (
                found.name[:1].islower() or found.label == "PERSON" and any(
                    c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children))):
            # ("her lawyer" is not the one "her" is)
            # "Sam Ortiz, a local farmer, … The farmer said": the person the article gave
            # that noun beside the name, not an unnamed farmer
            record = self._described_as(token)
            if record is not None:
                found = self._speaker(record, token)
        if found is not None and not found.generic and found.label and \
                not self._in_quoted(token.idx):
            insort(self._spoken, (token.idx, len(self._spoken), found), key=lambda e: e[:2])
        if found is not None and found.label == "PERSON" and token is not None and \
                token.text in _STAFF_NOUNS and found.name[:1].isupper() and \
                any(c.dep_ == "poss" for c in token.children):
            return self._staff_of(found, token.lower_)
        return found

    def _descriptions(self, doc) -> list[tuple[int, str, frozenset[str], EntityRecord]]:
        if self._described is not None:
            return self._described
        out = []
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            record = self._record_at(ent.root, ("PERSON",))
            if record is None or not record.name[:1].isupper():
                continue
            for noun in _describing_nouns(ent):
                words = frozenset(t.lower_ for t in noun.children
                                  if t.dep_ in ("amod", "compound") and t.i < noun.i)
                out.append((ent.start_char, noun.lemma_.lower(), words, record))
        self._described = out
        return out

    def _described_as(self, token: Token) -> EntityRecord | None:
        """The named person a definite common noun refers back to ("the farmer", "her
        lawyer") when the article gave that person this noun beside the name; the one of them
        mentioned last when several were."""
        if token.pos_ != "NOUN" or token.tag_ != "NN" or self._in_quoted(token.idx) or \
                not (_has_det(token) or any(c.dep_ == "poss" and c.pos_ == "PRON"
                                            for c in token.children)) or \
                any(c.dep_ in ("appos", "relcl", "acl", "prep") and c.i > token.i
                    for c in token.children):
            return None
        wanted = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
        lemma = token.lemma_.lower()
        fits = {id(r) for pos, noun, words, r in self._descriptions(token.doc)
                if noun == lemma and pos < token.idx and wanted <= words}
        if not fits:
            return None
        return self.table.latest(token.idx, lambda r: id(r) in fits)

    def _ours(self, token: Token, our: Token, turn: Speaker) -> Speaker | None:
        """"Our General Staff reported", "our commanders say" in the answer of someone who
        speaks for a country: that country's body of the kind, or its people of the sort
        ("Ukrainian commanders"), as a reader names them; None when the country is unknown."""
        if turn.label != "PERSON":
            return None
        country = self._person_country(turn.name)
        rest = " ".join(t.text for t in phrase_tokens(token) if t.i > our.i)
        if country is None or not rest:
            return None
        kind = body_kind(rest)
        if kind is not None and kind != "intelligence":
            # ("according to our intelligence" is what the speaker knows: theirs)
            body = BODIES.get((kind, country)) or canonical_org(f"{country}'s {rest}")
            return self._body(body, token) if body else None
        if token.tag_ == "NNS" and token.lemma_ in _OUR_PEOPLE:
            found = demonym(country)
            return Speaker(f"{found} {rest}", "ORG") if found else None
        return None

    def _person_country(self, name: str) -> str | None:
        """The one country a person's role gives ("Ukraine's ambassador to Korea" ->
        Ukraine), from their record, the known office holders, or an unnamed record of
        their office with one country ("Ukraine's ambassador" for "Ambassador X")."""
        record = self.table.find(name, "PERSON")
        keys = set(record.role_keys) if record is not None else set()
        role = (record.role or "") if record is not None else ""
        if known_role(name):
            keys |= role_keys(known_role(name).split())[1]
        countries = {canonical_country(k) for k in keys} - {None}
        if not countries and record is not None and record.role_class:
            for other in self.table.records:
                if other.label == "PERSON" and other is not record and \
                        other.name[:1].islower() is False and other.name == other.role and \
                        other.role_class == record.role_class:
                    countries |= {canonical_country(k) for k in other.role_keys} - {None}
        if len(countries) > 1 and role:
            # "Ukraine's ambassador to Korea": the possessor, not where they are posted
            owner = re.match(r"([\w .’'-]+?)(?:’s|'s)\s", role)
            if owner and canonical_country(owner.group(1)) in countries:
                return canonical_country(owner.group(1))
        return countries.pop() if len(countries) == 1 else None

    def _staff_of(self, person: Speaker, noun: str) -> Speaker:
        """A president's own office or aides as their country's presidential office, as the
        guide names it ("President Yoon Suk Yeol's office", "his aides" of South Korea's
        president); anyone else's office speaks as that person ("Mark Carney")."""
        record = self.table.find(person.name, "PERSON")
        role = " ".join([record.role or "", *sorted(record.role_keys)]) if record else ""
        role = f"{role} {known_role(person.name) or ''}"
        words = re.findall(r"[\w’'-]+", role.replace("’s", "").replace("'s", ""))
        countries = {canonical_country(w) for w in words} | {
            canonical_country(f"{a} {b}") for a, b in zip(words, words[1:], strict=False)}
        countries.discard(None)
        president = (record is not None and record.role_class == "president") or \
            "president" in role.lower().split()
        if president and len(countries) == 1:
            found = demonym(countries.pop())
            if found:
                return Speaker(f"{found} presidential office", "ORG")
        return person

    def _resolve(self, token: Token | None, owner_of_source: bool = False, depth: int = 0
                 ) -> Speaker | None:
        if token is None:
            return None
        relative = token.lower_ in ("who", "that", "which")
        if relative:
            who = token.lower_ == "who"
            token = token.head.head if token.head.dep_ == "relcl" else token.head
        else:
            who = any(c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.lower_ == "who"
                                                for g in c.children) for c in token.children)
        if who and token.ent_type_ in ("GPE", "LOC", "FAC") and token.dep_ == "pobj":
            # "the prisoners held in Kyiv, who have told …": people, not the place
            node = token
            for _ in range(4):
                node = node.head
                if node.pos_ in ("NOUN", "PROPN") and node.dep_ != "pobj" or \
                        node.lemma_ in cues.GROUP_SPEAKERS:
                    token = node
                    relative = True
                    break
                if node.head is node:
                    break
        lower = token.lower_
        if lower == "side" and token.tag_ == "NN" and _has_det(token):
            # "the Ukrainian side says": that country (its government's word)
            nation = [c for c in token.children if c.dep_ in ("amod", "compound") and
                      c.i < token.i]
            country = canonical_country(nation[-1].text) if len(nation) == 1 else None
            if country:
                return Speaker(country, "GPE")
        # pronouns
        if lower in cues.PRONOUNS_PERSON:
            skip = None if self._in_quoted(token.idx) else self._in_quoted
            # a person the article made that gender, in this sentence or the one before,
            # wins ("X and Y … She said" is the woman of the two)
            gendered = self.table.latest_within(
                token.idx, _window_start(token, 2), _of_gender(lower, strict=True))
            record = self.table.latest(token.idx, _of_gender(lower), _window_start(token), skip)
            if gendered is not None and not (
                    record is not None and record.gender is None and
                    record.first >= self._sentence_end(self._last_event(gendered, token.idx),
                                                       token)):
                # ... unless a person of unknown gender (most Korean given names) was
                # introduced in a later sentence: the newcomer the narration turned to
                record = gendered
            if record is not None and record.name.split()[-1][:1].islower():
                record = self._reporter_of_owned(record, token, lower) or record
            turn = self.turn_speaker(token) if record is not None and \
                not self._in_quoted(token.idx) else None
            own = record is not None and turn is not None and record.name == turn.name
            if own:
                # "At our first meeting he asked me …" in the answer of the one speaking:
                # "he" is someone else than the one who says "I"
                record = None
            if depth < 2 and token.dep_ in ("nsubj", "nsubjpass"):
                record = self._narrated_person(token, record, lower, depth) or record
            if own and record is None:
                record = self.table.latest(token.idx, lambda r: r.name != turn.name and
                                           _of_gender(lower)(r), _window_start(token), skip)
            if record is not None and (token.dep_ in ("nsubj", "nsubjpass") or
                                       token.dep_ == "pobj" and token.head.head.lower_ ==
                                       "according"):
                record = self._previous_subject(token, record, lower) or record
            return self._speaker(record, token) if record else None
        if lower in ("we", "i", "us", "me") and token.pos_ == "PRON":
            return self.turn_speaker(token)
        if lower in ("it", "they") and token.pos_ == "PRON":
            spoken = self._last_spoken(token, ("ORG", "GPE") if lower == "it"
                                       else ("ORG", "GPE", "PERSON"), plural_ok=lower != "it")
            if spoken is not None and (lower == "it" or spoken.label != "PERSON" or
                                       spoken.name.endswith("s")):
                return spoken       # "…, it said": the body quoted just before
            # a body or a country speaks, not a town only named as a place ("stationed in
            # Ussuriysk, Khabarovsk …"), nor a name inside someone's quoted words
            actors = self._subjects_before(token.idx)
            record = self.table.latest(
                token.idx, lambda r: r.label == "ORG" or r.label == "GPE" and (
                    bool(canonical_country(r.name)) or id(r) in actors), _window_start(token),
                None if self._in_quoted(token.idx) else self._in_quoted)
            if lower == "they":
                plural = self._plural_subject_before(token, depth)
                if plural is not None:
                    return plural
                person = self.table.latest(token.idx, _is_personish)
                if record is None or (person and person.first > record.first and
                                      person.role_class == "official"):
                    record = person
            return self._speaker(record, token) if record else None
        # "Briefing the Council, Miroslav Jenča, …, said": the participle's subject position
        # is the parser's; the name set off by commas speaks
        if token.tag_ == "VBG" and token.dep_ in ("nsubj", "csubj"):
            own = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
            if own is not None and depth < 2:
                # "…,” said Vitaliy, shrugging.": the participle's own subject speaks
                found = self._resolve(own, depth=depth + 1)
                if found is not None and not found.generic:
                    return found
            for t in token.subtree:
                if t.i > token.i and t.ent_type_ == "PERSON" and t.doc[t.i - 1].text == ",":
                    named = self._record_at(t, ("PERSON",))
                    if named is not None:
                        return self._speaker(named, t)
        if who and token.pos_ in ("PROPN", "NOUN", "ADJ") and canonical_country(token.text) and \
                token.lower_ == (demonym(canonical_country(token.text)) or "").lower():
            # "says the 29-year-old Ukrainian, who goes by the call sign Yasen": a person of
            # that nation, by the name the clause gives, not the country
            for clause in (c for c in token.children if c.dep_ == "relcl"):
                for t in clause.subtree:
                    named = self._record_at(t, ("PERSON",)) if t.pos_ == "PROPN" and \
                        _names_them(t, token) else None
                    if named is not None:
                        return self._speaker(named, t)
        # "his Government's intelligence assessment", "His country": the speaker's state
        country = self._pronoun_country(token)
        if country is not None:
            return Speaker(country, "GPE")
        # "The 34-year-old said" after "Maks, 34, …": the person the article gave that age
        age = _stated_age(token)
        if age is not None:
            aged = self.table.latest(token.idx, lambda r: r.label == "PERSON" and r.age == age)
            if aged is None and token.dep_ in ("nsubj", "nsubjpass") and token.lower_ in (
                    "old", "year-old"):
                # "said the 34-year-old" with no age given before: the person the narration
                # is on (introduced in this sentence or the one before), now of that age
                aged = self.table.latest(token.idx, lambda r: r.label == "PERSON" and
                                         r.age is None, _window_start(token))
                if aged is not None:
                    aged.age = age
            if aged is not None:
                return self._speaker(aged, token)
            if canonical_country(token.text) and token.pos_ in ("PROPN", "NOUN"):
                # "says the 29-year-old Ukrainian, who goes by the call sign “Kit”": a
                # person of that nationality, the one the relative clause names
                for child in token.children:
                    if child.dep_ in ("relcl", "acl") and child.i > token.i:
                        for t in child.subtree:
                            named = self._record_at(t, ("PERSON",)) if t.pos_ == "PROPN" \
                                and _names_them(t, token) else None
                            if named is not None:
                                return self._speaker(named, t)
        # "One such channel wrote …. Another, citing its own sources, claimed …": another
        # of the group just quoted
        if lower == "another" and token.dep_ in ("nsubj", "nsubjpass"):
            spoken = self._last_spoken(token, ("ORG", "PERSON"))
            if spoken is not None and spoken.name[:1].islower():
                return spoken
        # "The younger one, lying on a bunk, says …": the one of the people just described
        if lower == "one" and _has_det(token) and depth < 2:
            ones = self._the_adjective_one(token)
            if ones is not None:
                return ones
        # "Fighters of the Special Operations Forces reported", "analysts at the ISW said":
        # the members speak for the body they belong to
        body = _members_of(token) if depth < 2 else None
        if body is not None:
            found = self._resolve(body, depth=depth + 1)
            if found is not None and not found.generic and found.label in ("ORG", "GPE"):
                return found
            if found is None and body.ent_type_ != "ORG":
                # a body NER missed, named by its capitalised words
                named = [t for t in phrase_tokens(body) if t.pos_ != "DET"]
                if sum(t.is_title for t in named) >= 2:
                    return self._body(words_text(named), body)
        # "The other, who gave his age as 27, said …" after "one of them …": another of
        # the group
        if lower == "other" and token.dep_ in ("nsubj", "nsubjpass") and _has_det(token):
            group = _plural_antecedent(token)
            found = self._group(group, singular=True) if group is not None else None
            return found or self._counted_captive(token)
        # "Some in the ruling party have suggested", "many within the government say": the
        # members of that body speak as the body
        body = _members_in(token)
        if body is not None and depth < 3:
            found = self._resolve(body, depth=depth + 1)
            if found is not None and not found.generic:
                return found
            if body.pos_ == "NOUN" and body.tag_ == "NN":
                words = [t for t in phrase_tokens(body) if t.dep_ != "det" and
                         t.i <= body.i and not t.is_punct]
                return Speaker(words_text(words), "ORG") if words else None
        # "one of the soldiers told investigators", "two of the people said"
        part = _partitive_of(token)
        if part is not None:
            # "One of them, a 26-year-old rifleman, said": the apposition says who ("one
            # of the prisoners, a sniper" is a prisoner: the group is named)
            described = self._apposed(token) if token.lower_ in _SINGLE and any(
                g.lower_ in ("them", "those") for c in token.children if c.lower_ == "of"
                for g in c.children) else None
            found = described or self._group(part, singular=token.lower_ in _SINGLE)
            if found is None and part.lower_ not in ("them", "those") and any(
                    g.lower_ in ("them", "those") for c in token.children if c.lower_ == "of"
                    for g in c.children):
                # "them" taken for a group that names nobody ("journalists" in the question
                # before): the captives the article counted, if it did
                found = self._counted_captive(token) if token.lower_ in _SINGLE else None
            return found
        if token.lemma_ in cues.GROUP_SPEAKERS and token.pos_ == "NOUN" and (
                relative or _says_relative(token) or
                (token.dep_ == "nsubj" or token.dep_ == "nsubjpass" and
                 token.head.lemma_ == "quote") and token.head.lemma_ in cues.SPEECH_VERBS
                and token.head.lemma_ not in cues.COGNITIVE_VERBS
                and not (token.head.tag_ == "VBZ" and token.head.i == token.i + 1
                         and token.head.lemma_ == "report") or      # "the prisoner reports"
                token.dep_ == "npadvmod" and token.head.dep_ in ("ccomp", "advcl") and
                token.head.head.lemma_ in cues.SPEECH_VERBS):
            # ("the older man, his jaw bandaged, says": hung on the absolute phrase)
            named = self._set_off_name(token) if _has_indefinite(token) or (
                _has_det(token) and _described(token)) else None
            if named is None and _has_det(token) and token.tag_ == "NN" and \
                    token.lemma_ in self._named_as:
                record = self._named_as[token.lemma_]
                return self._speaker(record, token)     # "the farmer" named before
            return named or self._group(token, singular=token.tag_ == "NN")
        if token.lower_ in _OWN_BODIES:
            # "President Yoon Suk Yeol's office said": the office speaks for him
            owner = next((c for c in token.children if c.dep_ == "poss" and
                          c.pos_ == "PROPN"), None)
            record = self._record_at(owner, ("PERSON",)) if owner is not None else None
            if record is not None:
                return self._speaker(record, owner)
            owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "NOUN"
                          and c.lower_ in cues.ROLE_NOUNS and _has_det(c)), None)
            if owner is not None and depth < 2:
                # "the minister's office clarified": that person's office
                found = self._resolve(owner, depth=depth + 1)
                if found is not None and found.label == "PERSON" and not found.generic:
                    return self._body(f"{found.name}'s {token.lower_}", token)
        # possessive pronoun owner: "his office", "her spokesperson"; "our intelligence
        # service" in an interview answer is the interviewee's
        named_appos = any(c.dep_ == "appos" and (
            c.ent_type_ == "PERSON" or self._record_at(c, ("PERSON",)) is not None or
            c.pos_ == "PROPN" and looks_like_person(phrase_tokens(c)))     # NER's ORG
            for c in token.children)
        for child in token.children:
            if child.dep_ == "poss" and child.lower_ in ("our", "my") and not named_appos and \
                    not (token.lemma_ not in _MOUTHPIECES and token.pos_ == "NOUN" and
                         token.lower_ in cues.ROLE_NOUNS):
                # ("my colleague Pat Ryder said": the colleague named speaks; "as our JCS
                # chairman noted": another person than the one speaking)
                turn = self.turn_speaker(token)
                if turn is not None:
                    return self._ours(token, child, turn) or turn
            if child.dep_ == "poss" and child.lower_ in ("his", "her") and not named_appos:
                # ("His spokesman, Dmitry Peskov, said": the name in apposition speaks)
                if token.lemma_ not in _MOUTHPIECES and (
                        token.lower_ in cues.ROLE_NOUNS or token.lower_ in cues.SPEAKER_NOUNS):
                    # "His commander, a captain with the call sign “Yarema”, said": another
                    # person, the one the apposition names if it does
                    named = next((r for t in token.subtree if t.i > token.i
                                  for r in [self._record_at(t, ("PERSON",))] if r), None)
                    if named is not None:
                        return self._speaker(named, token)
                    cls = role_keys([token.text])[0]
                    owner = self.table.latest(token.idx, _of_gender(child.lower_))
                    countries = frozenset(k for k in (owner.role_keys if owner else ())
                                          if canonical_country(k))
                    if cls in ("president", "leader") and countries:
                        # "according to his President": the head of his country
                        head_of = self.table.latest(
                            token.idx, lambda r, cls=cls, countries=countries:
                            r.label == "PERSON" and r.role_class == cls
                            and bool(countries & r.role_keys))
                        if head_of is not None:
                            return self._speaker(head_of, token)
                        return self._known_holder(cls, countries, token)
                    break
                record = self.table.latest(token.idx, _of_gender(child.lower_))
                if record:
                    return self._speaker(record, token)
            if child.dep_ == "poss" and child.lower_ == "its" and (
                    token.pos_ == "PROPN" or token.lower_ in _BODY_NOUNS):
                # "Its Foreign Ministry" after "North Korea has never acknowledged …"
                owner = self.table.latest(token.idx, lambda r: r.label == "GPE",
                                          _window_start(token))
                if owner is not None:
                    rest = " ".join(t.text for t in phrase_tokens(token) if t.i > child.i)
                    return self._body(canonical_org(f"{owner.name}'s {rest}")
                                      or f"{owner.name}'s {rest}", token)
        # an acronym subject NER missed is a body ("KCNA, the North's official news agency")
        if token.pos_ == "PROPN" and 2 <= len(token.text) <= 6 and token.text.isupper() and \
                token.is_alpha and not token.ent_type_ and not canonical_country(token.text) \
                and self._record_at(token, ("PERSON",)) is None:    # not "Jane Doe MP"
            return self._body(canonical_org(token.text) or token.text, token)
        # apposition with a name: "the head of ..., Kyrylo Budanov"
        for child in token.children:
            if child.dep_ == "appos" and child.i > 0 and child.doc[child.i - 1].text == "(" \
                    and token.pos_ == "PROPN":
                # "Anna Berg (Greens, SE) said": the bracket gives her group and country
                continue
            if child.dep_ == "appos":
                record = self._record_at(child, ("PERSON",))
                if record:
                    return self._speaker(record, child)
                words = [t for t in phrase_tokens(child)]
                if looks_like_person(words):
                    return Speaker(" ".join(t.text for t in words), "PERSON")
                if self._record_at(token) is None:
                    # "Well, Piotr, Poland's military intelligence says": the body speaks
                    org = canonical_org(" ".join(t.text for t in words)
                                        .replace(" 's", "'s").replace(" ’s", "’s"))
                    if org:
                        return Speaker(org, "ORG")
        words = phrase_tokens(token)
        text = words_text(words)
        org = canonical_org(text) or _body_in_place(token, text) or _by_country_owner(text)
        if org:
            return self._body(org, token)
        if token.lower_ in ("ministry", "department") and len(words) == 1 and _has_det(token):
            # "Nakatani said the ministry believed …": the speaking minister's ministry
            own = self._speaking_minister(token)
            if own is not None:
                return own
        kind = body_kind(text) if _has_det(token) else None
        if kind is not None and not canonical_country(text.split()[0]):
            # "the General Staff reported", "the foreign ministry said": the body of that
            # kind the article named before
            found = self.table.latest(token.idx, lambda r: r.label == "ORG" and
                                      body_kind(r.name) == kind)
            if found is not None and canonical_org(found.name) is None:
                # a body of that kind whose country the article gave ("the General Staff
                # of the Armed Forces of Ukraine reported … the General Staff said")
                found = self.table.latest(token.idx, lambda r: r.label == "ORG" and body_kind(
                    r.name) == kind and canonical_org(r.name) is not None) or found
            if found is None or canonical_org(found.name) is None:
                # "the Defense Ministry" with no country: the one of the minister the article
                # named ("Defense Minister Gen Nakatani" -> Japan's)
                owned = self._kind_of_minister(kind, token)
                if owned is not None:
                    return self._body(owned, token)
                body = self._context_body(token, words, text)
                if body is not None:
                    if found is not None:
                        # "the Joint Chiefs of Staff (JCS)": the body NER found is that
                        # country's, and so are its later mentions ("the JCS")
                        self.table.rename(found, body)
                        return self._speaker(found, token)
                    return self._body(body, token)
            if found is not None:
                return self._speaker(found, token)
            if cues.ROLE_NOUNS & {w.lower() for w in text.split()}:
                # "the General Staff emphasises": a body whose country the article does not
                # give, never a person of its name's words ("General" is no general here)
                return self._body(text, token)
        body = self._context_body(token, words, text)
        if body is not None:
            return self._body(body, token)
        record = self._record_at(token)
        if record is not None:
            if record.label == "GPE" and token.dep_ == "poss":
                record = None
            else:
                return self._speaker(record, token)
        if token.pos_ == "PROPN" and len(words) == 1 and token.text[:1].isupper() and \
                token.ent_type_ in ("", "PERSON"):
            # a surname used before the article gives the full name ("Syrskyi stated …" in
            # the key points, "Commander-in-Chief Oleksandr Syrskyi" in the body)
            named = self.table.find(token.text, "PERSON", token.idx)
            if named is not None:
                return self._speaker(named, token)
        if token.pos_ == "PROPN" and not looks_like_person(words):
            tail = _name_tail([w for w in words if w.i <= token.i])
            if not tail and token.lower_.strip(".") in TITLE_WORDS | cues.ROLE_NOUNS:
                # the title heads the phrase and the name ends it: "Minister of National
                # Defence Dovilė Šakalienė" (the name is the pobj's compound run)
                tail = _name_tail(words)
            if tail:
                words = tail        # "Minister for Foreign Affairs of Ukraine Andrii Sybiha"
                text = words_text(words)
        if token.pos_ == "PROPN" and looks_like_person(words):
            # a name NER missed: into the table with the title before it, for a later
            # "the minister" or "he"
            span = token.doc[words[0].i:words[-1].i + 1]
            role = " ".join(t.text for t in title_run_before(span)) or None
            record = self.table.add(text, "PERSON", span.start_char, span.end_char, role)
            return self._speaker(record, token) if record else Speaker(text, "PERSON")
        head = token.lower_
        if head in cues.GENERIC_SOURCES:
            # "US estimates", "a South Korean intelligence document" name their owner
            mods = _owner_words(token, words)
            owner = next((c for c in token.children if c.dep_ == "poss" and
                          c.pos_ in ("PROPN", "NOUN")), None)
            if owner is not None and head in cues.DOCUMENT_NOUNS and depth < 2:
                # "The Ministry of Defence's intelligence update said": its owner speaks
                found = self._resolve(owner, owner_of_source=True, depth=depth + 1)
                if found is not None and not found.generic and found.label != "PERSON":
                    return found
            if head == "intelligence" and mods:
                return self._body(text, token)
            if mods and (owner_of_source or head in cues.DOCUMENT_NOUNS):
                first = mods[0].i
                # the owner's own words first: "South Korea" of "South Korea's most recent
                # defense white paper"
                run = [mods[0]]
                for t in words:
                    if t.i == run[-1].i + 1 and t in mods:
                        run.append(t)
                lead = " ".join(t.text for t in run)
                if canonical_country(lead) or canonical_org(lead):
                    country = canonical_country(lead)
                    return Speaker(country or canonical_org(lead), "GPE" if country else "ORG")
                name = " ".join(t.text for t in words if first <= t.i < token.i)
                name = name.replace(" 's", "'s").replace(" ’s", "’s")
                country = canonical_country(name)
                return Speaker(country or canonical_org(name) or name, "GPE" if country else "ORG")
            if head in cues.DOCUMENT_NOUNS and depth < 2:
                owner = self._document_owner(token, depth)
                if owner is not None:
                    return owner
            if head == "media" and any(t.lower_ in ("state", "state-run", "official")
                                       for t in words):
                # "Pyongyang's state media said": the state speaks (as a state's media
                # dismissing reports already did)
                country = next((canonical_country(t.text) for t in words if t.i < token.i and
                                canonical_country(t.text)), None)
                if country:
                    return Speaker(country, "GPE")
            return Speaker(text, None, generic=True)
        if head in _ORG_ANAPHORS and _has_det(token) and (
                _ORG_ANAPHORS[head] is not _ARMED or token.dep_ == "pobj" or
                token.dep_ == "nsubj" and token.head.lemma_ in cues.SPEECH_VERBS):
            # (a unit is a speaker only as one: "the unit said", not "as the unit is called")
            # "the think tank assessed", "the newspaper reported": the body of that sort the
            # article named last
            marks = _ORG_ANAPHORS[head]
            found = self.table.latest(token.idx, lambda r: r.label == "ORG" and any(
                w.lower().strip("'’s") in marks for w in r.name.split()))
            if found is not None:
                return self._speaker(found, token)
        if (head in cues.SPEAKER_NOUNS or head in cues.ROLE_NOUNS or token.tag_ == "NNS" and
                token.lemma_ in cues.ROLE_NOUNS) and \
                token.lemma_ not in cues.GROUP_SPEAKERS:
            cls, keys = role_keys([t.text for t in words])
            generic_official = cls == "official" or head in ("official", "officials")
            if generic_official and head == "official" and _has_det(token):
                # "the official": one introduced as an official, else a named office
                # holder below the heads of state and government
                found = self.table.latest(
                    token.idx, lambda r: r.role_class == "official" and keys <= r.role_keys
                ) or self.table.latest(
                    token.idx,
                    lambda r: r.role_class in _PERSON_CLASSES - {"president", "leader"}
                    and keys <= r.role_keys)
                if found:
                    return self._speaker(found, token)
            # "The deputy head of Ukraine's Main Intelligence Directorate, Vadym Skibitskyi,
            # told …": the name in apposition inside the phrase
            for t in token.subtree:
                if t.i > token.i and t.dep_ == "appos" and t.doc[t.left_edge.i - 1].text == ",":
                    named = self._record_at(t, ("PERSON",))
                    if named is not None:
                        return self._speaker(named, t)
            if (_has_det(token) or _owned(token)) and \
                    head not in ("officials", "sources", "analysts", "experts"):
                found = None
                if cls in _PERSON_CLASSES and len(words) == 1:
                    # "the ambassador" when an ambassador and an envoy were just named: the
                    # one the article gave that very word
                    found = self.table.latest_within(
                        token.idx, _window_start(token, 2), lambda r: r.label == "PERSON" and
                        r.role_class == cls and
                        head in (r.role or "").lower().replace("general staff", "").split())
                if found is None and cls in _PERSON_CLASSES and len(words) > 1:
                    # "The committee chairman added" after "X, chairman of the Duma Defence
                    # Committee and a retired colonel general, …": the one whose stated role
                    # has every word of the description
                    wanted = {t.lower_ for t in words if t.pos_ != "DET"}
                    spoken = self._last_spoken(token, ("PERSON",), plural_ok=False, back=3)
                    record = self.table.find(spoken.name, "PERSON") if spoken else None
                    if record is not None and record.role and \
                            wanted <= set(record.role.lower().replace(",", " ").split()):
                        found = record
                found = found or self.table.by_role([t.text for t in words], token.idx)
                if found is not None and "news" in text.lower().split() and not (
                        {w.lower() for w in found.name.split()} & _WIRES):
                    found = None    # "the state news agency" is no spy agency named before
                if found is not None and token.tag_ == "NNS" and found.label == "PERSON":
                    found = None    # "the foreign ministers" are not one minister
                ranks = _ranks_in(" ".join(t.text for t in words))
                if found is not None and ranks and _ranks_in(found.role) and \
                        not ranks & _ranks_in(found.role):
                    found = None    # "the sergeant" is not the colonel named before
                if found is not None and found.name[:1].islower() and not \
                        _word_set(words_text(words)) <= _word_set(found.name):
                    # an unnamed person is taken up only by words that describe them: "the
                    # representative of Belarus" is not the representative of Chile
                    found = None
                if found is None and cls in _PERSON_CLASSES and any(
                        t.lower_ == "former" for t in words):
                    # "…,’ the former Estonian prime minister added." after "She said …": an
                    # epithet of the person the narration is on, whatever their office now
                    focus = self.table.latest(token.idx, _is_personish, _window_start(token))
                    if focus is not None and self._last_event(focus, token.idx) >= \
                            _window_start(token):
                        found = focus
                if found is None and cls in _PERSON_CLASSES - {"official"} and \
                        token.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the"
                                                   for c in token.children) and \
                        not _indefinite_mentions(token):
                    # "The lawmaker said …" after "Lee X, who sits on the intelligence
                    # committee, told reporters …": an epithet of the person just quoted
                    found = self._epithet_of_last_spoken(token, cls, keys)
                if found:
                    return self._speaker(found, token)
                if cls in ("agency", "ministry") and len(words) == 1 and depth < 2:
                    # "the agency estimated" after "the spy agency had briefed lawmakers": the
                    # body that fuller mention names (its country from the dateline or context)
                    fuller = next((doc_tok for doc_tok in reversed(token.doc[
                        max(0, token.i - 400):token.i]) if doc_tok.lemma_ == token.lemma_ and
                        any(c.dep_ in ("amod", "compound") for c in doc_tok.children)), None)
                    if fuller is not None:
                        body = self._resolve(fuller, depth=depth + 1)
                        if body is not None and not body.generic and body.label == "ORG" and \
                                body.name[:1].isupper():
                            return body
                if cls in ("president", "leader") and _has_det(token) and \
                        not {k for k in keys if canonical_country(k)}:
                    # "The President has said …" in a French minister's interview: his
                    # country's head of state (cues.KNOWN_ROLES)
                    holder = self._own_country_holder(cls, token)
                    if holder is not None:
                        return holder
                if cls in _PERSON_CLASSES and cls != "official" and keys:
                    # "Ukraine's defence minister said on Tuesday" in a lead, "Defence
                    # Minister Rustem Umerov told …" in the next sentences: named just after
                    ahead = self.table.ahead(token.idx, token.idx + 600, lambda r: (
                        r.label == "PERSON" and r.role_class == cls and
                        _keys_agree(keys, r.role_keys)))
                    if ahead is not None:
                        return self._speaker(ahead, token)
                    # (with the place it holds office at: "envoy at the United Nations")
                    holder = self._known_holder(cls, keys | role_keys(
                        [t.text for t in token.subtree if t.i <= token.i + 6])[1], token)
                    if holder is not None:
                        return holder
            # "a commander near the town, who gave only his call sign, Kit, told …": the name
            # the relative clause gives
            for child in token.children:
                if child.dep_ in ("relcl", "acl") and child.i > token.i:
                    for t in child.subtree:
                        if t.pos_ == "PROPN" and _names_them(t, token):
                            named = self._record_at(t, ("PERSON",))
                            if named is not None:
                                return self._speaker(named, t)
            # "Chairman of the Senate Committee on Armed Services Roger Wicker": the person
            last = words[-1]
            named = self._record_at(last, ("PERSON",)) if last.i > token.i else None
            if named is not None:
                first = last
                while first.i > token.i and self._record_at(first.doc[first.i - 1],
                                                            ("PERSON",)) is named:
                    first = first.doc[first.i - 1]
                if first.doc[first.i - 1].pos_ not in ("ADP", "DET"):
                    return self._speaker(named, last)
            # "The general I met, a deputy brigade commander, said": the apposition describes
            for child in token.children:
                if child.dep_ == "appos" and child.i > token.i and (
                        child.lower_ in cues.ROLE_NOUNS or child.lower_ in cues.SPEAKER_NOUNS):
                    text = words_text(phrase_tokens(child))
                    break
            if any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
                # "the officer said" after "a Ukrainian officer with the 80th Brigade said":
                # the one the article described with (at least) these words
                described = set(_anonymous_description(token, text).lower().split()) - {
                    "the"}
                earlier = self.table.latest(token.idx, lambda r: r.label != "GPE" and
                                            head in r.name.lower().split() and
                                            described <= set(r.name.lower().split()))
                if earlier is not None:
                    return self._speaker(earlier, token)
                for first in _indefinite_mentions(token) if depth < 2 else ():
                    # "the person said" after "according to … a person briefed on the matter"
                    found = self._resolve(first, depth=depth + 1)
                    if found is not None and not found.generic and \
                            described <= set(found.name.lower().split()):
                        return self._speaker(self.table.add(found.name, found.label, first.idx,
                                                            first.idx + len(first.text)) or
                                             EntityRecord(found.name, found.label), token)
            if any(c.lower_ == "such" for c in token.children):
                # "One such channel wrote" after "pro-war Telegram channels have begun …":
                # one of the group named before
                plural = token.lower_ if token.tag_ == "NNS" else token.lower_ + "s"
                found = self.table.latest(token.idx, lambda r: r.name.lower().endswith(
                    " " + plural) or r.name.lower() == plural, _window_start(token, 2))
                if found is not None:
                    return self._speaker(found, token)
                group = next((doc_tok for doc_tok in reversed(token.doc[
                    max(0, token.i - 80):token.i]) if doc_tok.lemma_ == token.lemma_ and
                    doc_tok.tag_ == "NNS"), None) if depth < 2 else None
                if group is not None and len(phrase_tokens(group)) > 1:
                    found = self._resolve(group, depth=depth + 1)
                    if found is not None and not found.generic:
                        return found
            if len(words) == 2 and _has_det(token) and token.lower_ in _BODY_HEADS:
                # "the forces said" after "Ukraine's Special Operations Forces published …": the
                # body the article named in full, by its head word
                found = self.table.latest(token.idx, lambda r: r.label == "ORG" and
                                          _head_word(r.name) == token.lower_)
                if found is not None:
                    return self._speaker(found, token)
            if head in _SPOKES and depth < 2:
                # "a spokesman for the forces": that body's spokesman, by the body's full name
                of = next((g for c in token.children if c.dep_ == "prep" and c.lower_ in (
                    "for", "of", "at") for g in c.children if g.dep_ == "pobj"), None) or \
                    next((c for c in token.children if c.dep_ == "poss" and c.pos_ in (
                        "NOUN", "PROPN")), None)     # "the ministry's spokesperson"
                found = self._resolve(of, depth=depth + 1) if of is not None else None
                if found is not None and not found.generic and found.label in ("ORG", "GPE") \
                        and found.name[:1].isupper():
                    text = f"{found.name} {token.lower_}"
            kind = [t for t in words if t.i < token.i and t.pos_ in ("ADJ", "NOUN", "PROPN")]
            if head in ("official", "officials") and len(kind) == 1 and \
                    kind[0].lower_ == "agency":
                # "Park quoted an agency official as saying" after "the NIS had confirmed
                # …": an official of the agency named before speaks for it
                found = self.table.by_role([kind[0].text], token.idx)
                if found is not None and found.label == "ORG" and found.name[:1].isupper():
                    return self._speaker(found, token)
            # a new unnamed speaker: register it so later "he" / "the spokesperson" finds it
            # (the owner's word goes before a nationality is put in: "his sergeant" is no
            # "Belarusian his sergeant")
            text = re.sub(r"^(?:[Oo]ur|[Mm]y|[Hh]is|[Hh]er|[Tt]heir) ", "", text)
            text = self._with_nationality(token, _anonymous_description(token, text))
            name = canonical_name(_one_of(text, token, self.table))
            if not name:
                return None
            label = "PERSON" if cls in _PERSON_CLASSES and not head.endswith("s") else "ORG"
            record = self.table.add(name, label, token.idx, token.idx + len(token.text),
                                    salient=True)
            if record is not None and cls:
                record.role = record.role or name
                record.role_class = cls
                record.role_keys = keys
            return Speaker(name, label)
        if token.pos_ == "NOUN" and token.tag_ == "NN":
            # "said a pharmacist in a village near the border, who asked us not to use her
            # name": a person named by what they do, a noun no list here knows
            person = self._ordinary_person(token, words)
            if person is not None:
                return person
        country = canonical_country(text)
        if country:
            return Speaker(country, "GPE")
        if token.pos_ == "PROPN" and token.lower_ in _NAMED_BODY_HEADS and \
                sum(t.is_title for t in words) >= 2:
            # "Ukraine's Coordination Headquarters for the Treatment of Prisoners of War
            # says": a body NER missed, named by its capitalised words
            while words and words[-1].lower_ in ("of", "for", "the", "and", "on"):
                words = words[:-1]
            return self._body(words_text(words), token)
        return None

    def _set_off_name(self, token: Token) -> Speaker | None:
        """The person named after an unnamed speaker's phrase, set off by commas: "A farmer
        near the border, Mykola, 58, said" is Mykola (the parser may hang the name on the
        place, NER may take it for one)."""
        for t in token.subtree:
            if t.dep_ == "appos" and t.pos_ == "PROPN" and t.i > token.i + 1 and \
                    t.doc[t.left_edge.i - 1].text == "," and (
                        t.head.pos_ == "NOUN" or t.head.dep_ in ("dobj", "pobj") and (
                            t.head.tag_ == "VBN" or t.head.pos_ == "PROPN" and
                            t.head.ent_type_ not in ("PERSON", "NORP"))) and (
                        t.head == token or not any(c.dep_ == "poss" for c in t.head.children)):
                # (not "a man who lost his son, Ivan": the name of the one he lost; "who
                # treated the wounded, Olga", "who runs the corner bakery, Maria": a
                # participle or a common noun the tagger took for a name)
                named = self._record_at(t, ("PERSON",))
                if named is not None:
                    self._named_as[token.lemma_] = named
                    return self._speaker(named, t)
        return None

    def _with_nationality(self, token: Token, text: str) -> str:
        """An unnamed speaker's description with the nationality the article gives them, as a
        reader names them: from the place they speak in ("a foreign ministry official in
        Seoul" -> South Korean foreign ministry official), the body their own words name ("A
        ministry official" after "The Ministry of Foreign Affairs …" of Seoul -> South Korean
        foreign ministry official), or a group of their sort the last sentences introduced
        with one ("two Russian servicemen … A contract soldier" -> Russian contract soldier)."""
        phrase = phrase_tokens(token)
        if any(t.ent_type_ in ("NORP", "GPE") or canonical_country(t.text) or
               t.i < token.i and t.text[:1].isupper() and (
                   t.pos_ == "ADJ" and (not t.is_sent_start or t.lower_ in _REGIONAL) or
                   t.is_upper or
                   canonical_org(t.text)) for t in phrase) or \
                any(canonical_country(w) for w in text.split()) or \
                canonical_country(" ".join(text.split()[:2])):
            return text
        doc = token.doc
        country = None
        k = token.i + 1
        if k + 1 < len(doc) and doc[k].lower_ in ("in", "from") and doc[k].head.i == token.i:
            for width in (2, 1):
                place = doc[k + 1:k + 1 + width]
                if len(place) == width and canonical_country(place.text) and \
                        place.text not in text:
                    country = canonical_country(place.text)
                    break
        if country is None:
            own = [t for t in phrase if t.i < token.i and t.dep_ == "compound" and
                   t.lower_ in _AT_BODIES]
            if own:
                word = own[-1].lower_
                record = self.table.latest(token.idx, lambda r: r.label == "ORG" and
                                           word in r.name.lower().split(), _window_start(token))
                body = (canonical_org(record.name) or record.name) if record else None
                country = government_of(body) if body else None
                kind = body_kind(body) if country else None
                if kind and kind.lower().endswith(word) and text.lower().startswith(word):
                    # "ministry official" of the Ministry of Foreign Affairs: its kind
                    kind = kind.lower()
                    if "defence" in kind and "defense" in body.lower():
                        kind = kind.replace("defence", "defense")
                    text = kind + text[len(word):]
                elif kind and word == "ministry" and text.lower().startswith(word):
                    first, _, rest = kind.lower().partition(" of ")
                    if first == "ministry" and rest:
                        text = f"{rest} ministry{text[len(word):]}"
        if country is None:
            country = self._group_country(token)
            if country and any(e.start > token.i and canonical_country(e.text) == country
                               for e in token.sent.ents):
                # "A soldier said the North Koreans were brave": not one of them
                country = None
        if country is None and token.lemma_ in _OFFICIALS and not any(
                c.dep_ in ("det", "nummod", "poss") and c.lower_ not in ("a", "an")
                for c in token.children):
            # "SEOUL (Reuters) - … a senior official said": an official of the dateline's
            # state, unless their own clause is about that state's people
            country = self._dateline_country(token)
            if country and any(e.start > token.i and canonical_country(e.text) == country
                               for e in token.sent.ents if e.label_ == "NORP"):
                country = None
        found = demonym(country) if country else None
        if not found:
            return text
        words = text.split()
        rank = 0
        compared = {t.lower_ for t in phrase if t.tag_ in ("JJR", "JJS")}
        while rank < len(words) - 1 and (words[rank].lower() in _RANK_WORDS or
                                         words[rank].lower() in compared):
            rank += 1           # "senior South Korean government official", "older …"
        return " ".join(words[:rank] + [found] + words[rank:])

    @staticmethod
    def _group_country(token: Token) -> str | None:
        """The country of a group of the same sort (soldiers, officials) introduced in this
        sentence or the two before with a nationality ("two Russian servicemen"), or of an
        earlier mention of the same noun with one ("Russian Telegram channels … a Telegram
        channel wrote"; up to 300 tokens back)."""
        doc = token.doc
        start = token.sent.start
        for _ in range(2):
            if start > 0:
                start = doc[start - 1].sent.start
        kin = _SERVING_KIN.get(_SERVING.get(token.lemma_, ""), frozenset())
        own = frozenset([token.lemma_, token.lower_, token.lower_ + "s"] + (
            [token.lower_[:-3] + "men"] if token.lower_.endswith("man") else []))
        mods = {t.lower_ for t in phrase_tokens(token) if t.i < token.i and
                t.pos_ in ("ADJ", "NOUN", "PROPN")}
        # a comparative tells one of a counted group from the other: "the older soldier" is
        # one of "two Russian soldiers" named further back
        compared = {t.lower_ for t in phrase_tokens(token) if t.i < token.i and
                    t.tag_ in ("JJR", "JJS")}
        for i in range(token.i - 1, max(0, token.i - 300) - 1, -1):
            t = doc[i]
            if not (t.lemma_ in own or t.lower_ in own or
                    i >= start and t.tag_ == "NNS" and t.lemma_ in kin):
                continue
            words = phrase_tokens(t)
            if i < start and (not mods or not mods <= {w.lower_ for w in words}) and not (
                    compared and mods - compared <= {w.lower_ for w in words} and
                    any(c.dep_ == "nummod" for c in t.children)):
                continue    # further back: only a fuller mention of the same description
            for c in words:
                if c.i < t.i and c.pos_ in ("ADJ", "PROPN", "NOUN"):
                    country = canonical_country(c.text) or (
                        canonical_country(f"{doc[c.i - 1].text} {c.text}") if c.i else None)
                    if country:
                        return country
            country = _copula_nationality(t)
            if country:
                return country
        return _copula_nationality(token)

    def _context_body(self, token: Token, words: list[Token], text: str) -> str | None:
        """A country's body named with no country ("the foreign ministry", "the state news
        agency"): that of the country the narration is on (a country that is a subject in
        this sentence or the one before: "Pyongyang hit back. A commentary carried by the
        state news agency …"), else the dateline's; only a body the alias tables know."""
        if not _has_det(token) or len(words) < 2 and body_kind(text) is None or any(
                canonical_country(t.text) or t.ent_type_ in ("GPE", "NORP") for t in words):
            return None
        countries = [self._actor_country(token), self._dateline_country(token)]
        official = self.table.latest(token.idx, lambda r: r.label == "PERSON" and any(
            canonical_country(k) for k in r.role_keys), skip=self._in_quoted)
        if official is not None:
            # else the country of the official the article named last ("Commander-in-Chief
            # of the Armed Forces of Ukraine Oleksandr Syrskyi … The General Staff …")
            countries += sorted(canonical_country(k) for k in official.role_keys
                                if canonical_country(k))[:1]
        for country in countries:
            if country:
                found = canonical_org(f"{country}'s {text}")
                if found:
                    return found
        return None

    def _actor_country(self, token: Token) -> str | None:
        """A country that is the subject, or owns the subject, of this sentence or the one
        before ("Seoul's reaction was swift.", "South Korea's military said …")."""
        doc = token.doc
        events = self.table.events
        start = _window_start(token)
        idx = doc_index(doc).idx
        i = bisect_left(events, (token.idx,), key=lambda e: e[:1]) - 1
        while i >= 0 and events[i][0] >= start:
            pos, _, _, record = events[i]
            i -= 1
            if record.label != "GPE" or not canonical_country(record.name) or \
                    self._in_quoted(pos):
                continue
            node = doc[int(idx.searchsorted(pos, side="right")) - 1]
            while node.dep_ in ("compound", "flat") and node.head is not node:
                node = node.head
            if node.dep_ == "poss":
                node = node.head
            if node.dep_ in _SUBJECT_DEPS:
                return canonical_country(record.name)
        return None

    def _dateline_country(self, token: Token) -> str | None:
        """The country of the article's dateline ("SEOUL, Nov 13 (Reuters) -", "KYIV —")."""
        if self._dateline is None:
            text = doc_index(token.doc).text
            start = len(text) - len(text.lstrip())
            match = _LEAD_IN.match(text, start)
            place = ""
            if match and not match.group(0).rstrip().endswith(":"):
                place = re.split(r"[,(—–\-]", match.group(0))[0].strip()
            self._dateline = canonical_country(place) or ""
        return self._dateline or None

    def _speaking_minister(self, token: Token) -> Speaker | None:
        """The ministry of the minister whose reported clause holds `token`, else the
        minister."""
        node = token
        for _ in range(5):
            if node.head is node:
                return None
            node = node.head
            if node.pos_ == "VERB" and node.lemma_ in cues.SPEECH_VERBS:
                subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.i == token.i:
                    continue        # "the ministry believed": its own verb
                record = self._record_at(subj, ("PERSON",)) if subj is not None else None
                if record is None or record.role_class != "minister":
                    return None
                for kind, key in _KIND_KEYS.items():
                    for k in sorted(record.role_keys) if key in record.role_keys else ():
                        country = canonical_country(k)
                        if country and (kind, country) in BODIES:
                            return self._body(BODIES[(kind, country)], token)
                return self._speaker(record, subj)
        return None

    def _known_holder(self, cls: str, keys: frozenset[str], token: Token) -> Speaker | None:
        """"Moscow's top general", "Ukraine's foreign minister" the article never names: the
        one office holder of that class, country and field the known roles list
        (cues.KNOWN_ROLES), when exactly one fits."""
        countries = {k for k in keys if canonical_country(k)}
        if any(t.lower_ in _NOT_THE_HOLDER or t.lower_.startswith(("vice-", "deputy-", "ex-"))
               for t in phrase_tokens(token) if t.i <= token.i):
            return None     # "Russia's Deputy Permanent Representative": not the envoy himself
        if len(countries) != 1 or cls not in ("president", "leader", "minister", "commander") \
                and not (cls == "ambassador" and "un" in keys):
            return None     # (a country has many envoys and spokespeople, one top general,
            #                 one envoy at the UN)
        fits = [name for name, role in cues.KNOWN_ROLES.items()
                for role_cls, role_keys_ in [role_keys(role.split())]
                if role_cls == cls and countries <= role_keys_ and
                _keys_agree(keys, role_keys_)]
        if len(fits) != 1:
            return None
        found = self.table.add(fits[0], "PERSON", token.idx, token.idx + len(token.text))
        return self._speaker(found, token) if found else Speaker(fits[0], "PERSON")

    def _own_country_holder(self, cls: str, token: Token) -> Speaker | None:
        """The known holder of office `cls` in the country of the speaker around `token`
        (the interviewee of a turn, else the person last spoken of with a country)."""
        person = self.turn_speaker(token)
        record = self.table.find(person.name, "PERSON") if person is not None else None
        record = record or self.table.latest(token.idx, lambda r: r.label == "PERSON" and any(
            canonical_country(k) for k in r.role_keys), _window_start(token, 2))
        if record is None:
            return None
        countries = {k for k in record.role_keys if canonical_country(k)}
        for name, role in cues.KNOWN_ROLES.items():
            role_cls, role_keys_ = role_keys(role.split())
            if role_cls == cls and countries & role_keys_:
                found = self.table.add(name, "PERSON", token.idx, token.idx + len(token.text))
                return self._speaker(found, token) if found else Speaker(name, "PERSON")
        return None

    def _kind_of_minister(self, kind: str, token: Token) -> str | None:
        """The body of `kind` of the country whose minister for it the article named last
        (as a subject, when one is in this sentence or the one before)."""
        key = _KIND_KEYS.get(kind)
        if key is None:
            return None
        minister = self.table.latest(token.idx, lambda r: r.label == "PERSON" and
                                     key in r.role_keys and any(canonical_country(k)
                                                                for k in r.role_keys),
                                     _window_start(token))
        if minister is None:
            return None
        for k in sorted(minister.role_keys):
            country = canonical_country(k)
            if country and (kind, country) in BODIES:
                return BODIES[(kind, country)]
        return None

    def _pronoun_country(self, token: Token) -> str | None:
        """The country of the person "his"/"her" stands for, in "his Government('s …)" or
        "His country" (a delegate's own state in UN and parliamentary reports)."""
        for t in [token, *(c for c in token.children if c.dep_ == "poss")]:
            if t.lower_ not in ("government", "country", "nation", "administration") or \
                    not any(c.dep_ == "poss" and c.lower_ in ("his", "her")
                            for c in t.children):
                continue
            record = self.table.latest(t.idx, _is_personish, _window_start(t))
            if record is None:
                return None
            for key in sorted(record.role_keys):
                country = canonical_country(key)
                if country:
                    return country
            return None
        return None

    def _group(self, noun: Token, singular: bool) -> Speaker | None:
        """A common-noun speaker ("captured North Korean soldiers who said", "one of the
        soldiers", "two of the people", "a woman from Lgov"): the group the article described,
        or its description with the modifiers of its first fuller mention."""
        for child in noun.subtree if singular else ():
            if child.dep_ in ("relcl", "acl") and child.i > noun.i and \
                    child.head.i in (noun.i, *(t.i for t in noun.children if t.dep_ == "prep"),
                                     *(g.i for t in noun.children if t.dep_ == "prep"
                                       for g in t.children)):
                # "a woman from Sudzha, who gave only her first name, Olena, said": her name
                for t in child.subtree:
                    named = self._record_at(t, ("PERSON",)) if t.pos_ == "PROPN" and \
                        _names_them(t, noun) else None
                    if named is not None:
                        return self._speaker(named, t)
        words = [t for t in phrase_tokens(noun) if t.lower_ not in _NOT_DESCRIBING and
                 not _age_word(t)]
        described = [t for t in words if t.i < noun.i and t.pos_ in ("ADJ", "PROPN", "VERB",
                                                                     "NOUN")]
        anaphoric = not described and any(c.dep_ == "det" and c.lower_ in (
            "the", "these", "those") for c in noun.children)
        at = noun
        if anaphoric:
            # the group registered when first quoted ("people familiar with the matter")
            found = self.table.latest(noun.idx, lambda r: r.label in ("ORG", "PERSON") and (
                r.name.split() or [""])[0].lower() in (noun.lower_, noun.lemma_,
                                                       noun.lemma_ + "s")
                and r.role_class is None and r.name[:1].islower())
            found = found or (self._unnamed_of_sex(noun) if singular else None)
            if found is not None:
                return self._speaker(found, noun)
            for first in _indefinite_mentions(noun) if singular else ():
                # "the operator said" after "a drone operator who goes by the call sign Lynx
                # said": the name that introduction gave
                named = next((r for t in first.subtree if t.i > first.i and
                              t.pos_ == "PROPN" and _names_them(t, first)
                              for r in [self._record_at(t, ("PERSON",))] if r), None)
                if named is not None:
                    return self._speaker(named, noun)
            earlier = _fuller_mention(noun)
            if earlier is not None:
                # "the other prisoner" after "two North Korean soldiers captured …"; "two of
                # the people" after "people familiar with the plans"
                words = [t for t in phrase_tokens(earlier) if t.lower_ not in _NOT_DESCRIBING]
                noun = earlier
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "NOUN" and
                      c.lemma_ in cues.GROUP_SPEAKERS), None) if singular else None
        if owner is not None and not anaphoric:
            # "A Ukrainian soldier's mother said": the mother of a Ukrainian soldier, not a
            # Ukrainian mother
            kin = [t for t in phrase_tokens(owner) if t.dep_ not in ("det", "case") and
                   t.lower_ not in ("'s", "’s") and not t.like_num]
            name = f"{noun.lemma_} of {words_text(kin)}"
            record = self.table.add(name, "PERSON", noun.idx, noun.idx + len(noun.text),
                                    salient=True)
            return self._speaker(record, noun) if record is not None else \
                Speaker(name, "PERSON")
        mods = [t for t in words if t.i < noun.i and t.dep_ in ("amod", "compound", "nmod")
                and t.pos_ != "NUM" and not t.like_num]
        state = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and
                      c.lemma_ in _HELD), None)
        if state is not None and mods and state.lower_ not in {t.lower_ for t in mods}:
            # "the two North Korean soldiers captured by Ukraine": captured North Korean
            # soldiers, as a reader names them
            mods = [state, *mods]
        right = [t for t in words if t.i > noun.i]
        head = noun.lemma_ if singular else noun.text.lower()
        if singular and mods and _has_det(noun):
            # "the older man" again: the one the article already called the older one
            prefix = words_text(mods).lower() + " "
            same = self.table.latest(noun.idx, lambda r: r.label == "PERSON" and
                                     r.name.lower().startswith(prefix) and
                                     r.name[:1].islower())
            if same is not None:
                return self._speaker(same, at)
        if singular and mods and noun.lemma_ in _ANY_PERSON and _has_det(noun):
            # "The older man said" after "the younger prisoner told …": one of the group the
            # article is on, named as such ("older prisoner")
            member = _member_noun(noun)
            if member is not None:
                head = member
                group = _fuller_mention(noun)
                if group is not None and group.lemma_ == member:
                    # "the younger man" of "two Belarusian soldiers": a younger Belarusian
                    # soldier, the nationality the group was given
                    own = {t.lower_ for t in mods}
                    mods = mods + [c for c in phrase_tokens(group) if c.i < group.i and (
                        c.ent_type_ == "NORP" or canonical_country(c.text)) and
                        c.lower_ not in own]
        if not mods and not right and not anaphoric and (singular or _has_det(noun) or any(
                c.dep_ in ("nummod", "amod", "det") for c in noun.children)) and not (
                singular and (_has_indefinite(noun) or noun.tag_ == "NNS") and
                _person_clause(noun) is not None):
            # (a bare plural speaks as such: "…, residents told RFA"; a bare "a defector who
            # fled in 2019" is a speaker by what the clause says)
            return None
        name = " ".join([words_text(mods)] * bool(mods) + [head] + [words_text(right)] *
                        bool(right))
        nation = _copula_nationality(noun) if singular and not any(
            canonical_country(t.text) or t.ent_type_ == "NORP" for t in mods) else None
        if nation and demonym(nation):
            # "Two North Koreans are now prisoners of war. One of them told …": a North
            # Korean prisoner of war
            name = f"{demonym(nation)} {name}"
        if singular and not anaphoric and head == noun.text.lower():
            # "a contract soldier from a motorised rifle unit" after "two Russian servicemen"
            name = self._with_nationality(noun, _anonymous_description(noun, name))
        label = "PERSON" if singular else "ORG"
        record = self.table.add(name, label, at.idx, at.idx + len(at.text), salient=True)
        return self._speaker(record, at) if record is not None else Speaker(name, label)

    def _counted_captive(self, token: Token) -> Speaker | None:
        """One of the captives the article counted when it brought them in ("three
        Belarusian soldiers taken prisoner …"), for "one of them" / "the other" when the
        last sentences name no group that describes anyone."""
        counted = _fuller_mention(token, _CAPTIVES)
        if counted is None or counted.tag_ not in ("NNS", "NNPS"):
            return None
        return self._group(counted, singular=True)

    def _narrated_person(self, pronoun: Token, record: EntityRecord | None, lower: str,
                         depth: int) -> EntityRecord | None:
        """"The other is more hesitant. At their first meeting he asked …": the unnamed person
        the last sentence was about ("the other", "the older man", "the pharmacist") is whom
        "he" takes up, not someone named before that sentence."""
        sent = pronoun.sent
        if sent.start == 0 or any(t.pos_ in ("NOUN", "PROPN") and t.dep_ in _SUBJECT_DEPS
                                  and not self._in_quoted(t.idx)
                                  for t in pronoun.doc[sent.start:pronoun.i]):
            return None     # (a subject inside the quote "he" speaks is no rival)
        prev = pronoun.doc[sent.start - 1].sent
        subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or not _has_det(subj) or subj.tag_ != "NN" and subj.lower_ != "other" \
                or not (subj.lower_ in ("other", "one") or subj.lemma_ in cues.GROUP_SPEAKERS):
            return None
        if record is not None and self._last_event(record, pronoun.idx) >= prev.start_char:
            return None     # the one chosen was named in that sentence or since
        found = self._resolve(subj, depth=depth + 1)
        if found is None or found.generic or found.label != "PERSON":
            return None
        person = self.table.latest(pronoun.idx, lambda r: r.name == found.name and
                                   r.label == "PERSON")
        if person is None or not _of_gender(lower)(person):
            return None
        return person

    def _reporter_of_owned(self, record: EntityRecord, pronoun: Token, lower: str
                           ) -> EntityRecord | None:
        """"One of the prisoners stated that his sergeant had told them …. According to him,
        …": an unnamed person brought in only as the speaker's own ("his sergeant") inside
        the speaker's reported clause, in an earlier sentence, is not whom "he" takes up;
        the reporter is (the person "his" stood for)."""
        doc = pronoun.doc
        mentions = [s for s, _ in record.mentions if s < pronoun.idx]
        if not mentions or max(mentions) >= pronoun.sent.start_char:
            return None
        owned = []
        for start in mentions:
            span = doc.char_span(start, start + 1, alignment_mode="expand")
            if span is None:
                return None
            owned.append(span.root)
        gender = "her" if lower in ("she", "her") else "his"
        if not all(t.dep_ in _SUBJECT_DEPS and t.head.dep_ == "ccomp" and any(
                c.dep_ == "poss" and c.lower_ == gender for c in t.children) for t in owned):
            return None
        first = owned[0]
        reporter = self.table.latest(first.idx, lambda r: r is not record and
                                     r.label == "PERSON" and _of_gender(lower)(r),
                                     _window_start(first))
        return reporter if reporter is not None and \
            self._last_event(reporter, first.idx) >= first.sent.start_char else None

    def _unnamed_of_sex(self, token: Token) -> EntityRecord | None:
        """"The woman shrugged." / "the woman said" after "said a cashier …, who asked us not
        to use her name": the unnamed person of that sex the last sentences were about."""
        sex = {"woman": "f", "man": "m"}.get(token.lower_)
        if sex is None or not _has_det(token):
            return None
        start = _window_start(token, 3)
        found = self.table.latest(token.idx, lambda r: r.label == "PERSON" and
                                  r.gender == sex and r.name.split()[-1][:1].islower(), start)
        if found is None or self._last_event(found, token.idx) < start:
            return None
        return found

    def _ordinary_person(self, token: Token, words: list[Token]) -> Speaker | None:
        """An unnamed person the article names by their trade or standing ("a pharmacist",
        "a shop assistant"): one introduced with "a" and a clause only a person has ("…, who
        asked not to be named"), into the table with the gender the clause gives; "the
        pharmacist" after that is the same person, whoever else spoke in between."""
        words = [t for t in words if not _age_word(t) and t.dep_ != "det" and
                 t.lower_ not in _NOT_DESCRIBING and t.lower_ != "one" and
                 not (t.i < token.i and (t.like_num or t.is_punct))]
        text = words_text(words)
        if not text or token.lemma_ in cues.GENERIC_SOURCES | cues.DOCUMENT_NOUNS:
            return None
        if _has_det(token):
            wanted = _word_set(text)
            found = self.table.latest(token.idx, lambda r: r.label == "PERSON" and
                                      r.name[:1].islower() and
                                      token.lower_ in r.name.lower().split() and
                                      wanted <= _word_set(r.name))
            if found is None and len(words) == 1:
                found = self._unnamed_of_sex(token)
            if found is None and len(words) > 1 and token.tag_ == "NN" and \
                    token.lemma_ in cues.GROUP_SPEAKERS:
                # "The bus driver has his own sources." after "…,” the driver said": the
                # person the article has called by that bare noun, now described more fully
                found = self.table.latest(token.idx, lambda r: r.label == "PERSON" and
                                          r.name == token.lower_)
            if found is None and _described(token):
                # "said the baker who runs the shop, Maria Lopez": the name set off after
                found = self._set_off_name(token)
                return found
            return self._speaker(found, token) if found is not None else None
        if not _has_indefinite(token):
            return None
        named = self._set_off_name(token)
        if named is not None:
            return named
        clause = _person_clause(token)
        if clause is None:
            return None
        for t in clause.subtree:
            # "a shopkeeper, who gave only her first name, Inese": her name
            named = self._record_at(t, ("PERSON",)) if t.pos_ == "PROPN" and \
                _names_them(t, token) else None
            if named is not None:
                return self._speaker(named, t)
        name = self._with_nationality(token, _anonymous_description(token, text))
        record = self.table.add(name, "PERSON", token.idx, token.idx + len(token.text),
                                salient=True)
        if record is None:
            return None
        if record.gender is None:
            pronouns = {t.lower_ for t in clause.subtree if t.pos_ == "PRON"}
            if pronouns & {"she", "her", "herself"}:
                record.gender = "f"
            elif pronouns & {"he", "his", "him", "himself"}:
                record.gender = "m"
        return self._speaker(record, token)

    def _the_adjective_one(self, token: Token) -> Speaker | None:
        """"the younger one" after "the older man": the person noun of the last such mention
        in this sentence or the two before, with this one's adjective ("younger man")."""
        adjs = [c for c in token.children if c.dep_ == "amod" and c.i < token.i]
        if not adjs:
            return None
        prefix = words_text(adjs).lower() + " "
        same = self.table.latest(token.idx, lambda r: r.label == "PERSON" and
                                 r.name.lower().startswith(prefix) and r.name[:1].islower())
        if same is not None:
            return self._speaker(same, token)   # the one already called "the younger …"
        doc = token.doc
        start = doc[_first_token(token, 2)]
        noun = next((t for t in reversed(doc[start.i:token.i]) if t.pos_ == "NOUN" and
                     t.lemma_ in cues.GROUP_SPEAKERS and not self._in_quoted(t.idx)), None)
        if noun is None:
            return None
        head = noun.lemma_
        other = self._record_at(noun, ("PERSON",))
        if head in _ANY_PERSON and other is not None and other.name[:1].islower():
            head = other.name.split()[-1]   # named as the other one was ("older prisoner")
        name = f"{words_text(adjs)} {head}"
        record = self.table.add(name, "PERSON", token.idx, token.idx + len(token.text),
                                salient=True)
        return self._speaker(record, token) if record is not None else Speaker(name, "PERSON")

    def _apposed(self, token: Token) -> Speaker | None:
        """The person a noun phrase in apposition describes ("one of them, a 26-year-old
        rifleman" -> rifleman): its head noun and describing words, no age or article; into
        the table, so a later "he" finds them."""
        appos = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                      and c.tag_ == "NN"), None)
        if appos is None:
            return None
        mods = [t for t in phrase_tokens(appos) if t.i < appos.i and
                t.dep_ in ("amod", "compound", "nmod") and t.pos_ != "NUM" and
                not t.like_num and t.lower_ not in _NOT_DESCRIBING and
                t.lower_ not in ("old", "year-old") and not t.lower_.endswith("-year-old")]
        name = " ".join([words_text(mods)] * bool(mods) + [appos.lemma_])
        record = self.table.add(name, "PERSON", appos.idx, appos.idx + len(appos.text),
                                salient=True)
        return self._speaker(record, appos) if record is not None else Speaker(name, "PERSON")

    def _body(self, name: str, token: Token) -> Speaker:
        """A body named by kind ("Kyiv's military intelligence"): into the table, so a later
        "the agency" finds it."""
        owner, sep, rest = name.replace("’s ", "'s ").partition("'s ")
        if sep and rest.isupper() and canonical_country(owner) and canonical_org(rest):
            name = canonical_org(rest)      # "South Korea's NIS": the body the acronym names
        record = self.table.add(name, "ORG", token.idx, token.idx + len(token.text))
        return self._speaker(record, token) if record is not None else Speaker(name, "ORG")

    def _speaker(self, record: EntityRecord, token: Token) -> Speaker:
        self._touch(record, token)
        return Speaker(record.name, record.label)

    def _epithet_of_last_spoken(self, token: Token, cls: str, keys: frozenset[str]
                                ) -> EntityRecord | None:
        """The named person quoted last (from the previous sentence on) when a role
        description ("the lawmaker", "the top U.S. diplomat") can be theirs: the article gave
        them no role, or one of that class (a diplomat: a foreign minister, envoy or
        spokesperson) and no other country."""
        spoken = self._last_spoken(token, ("PERSON",), plural_ok=False) or \
            self._last_spoken(token, ("PERSON",), plural_ok=False, back=2)
        record = self.table.find(spoken.name, "PERSON") if spoken is not None else None
        if record is None or not record.name[:1].isupper():
            return None
        theirs, theirs_cls = record.role_keys, record.role_class
        if known_role(record.name):
            known_cls, known_keys = role_keys(known_role(record.name).split())
            theirs, theirs_cls = theirs | known_keys, theirs_cls or known_cls
        if theirs_cls is None:
            # (a role that was never given: only the country must not clash)
            keys = frozenset(k for k in keys if canonical_country(k))
        elif cls == "diplomat":
            if not (theirs_cls in ("ambassador", "diplomat") or theirs_cls in (
                    "minister", "spokesperson") and "foreign" in theirs):
                return None
            keys = keys - {"foreign"}
        elif theirs_cls != cls:
            return None
        return record if _keys_agree(keys, theirs) else None

    def _last_spoken(self, token: Token, labels, plural_ok: bool = True, back: int = 1
                     ) -> Speaker | None:
        """The speaker or claimant resolved last before `token`, from the previous sentence
        on (`back` sentences), when it is not a country named in passing."""
        start = _window_start(token, back)
        i = bisect_left(self._spoken, (token.idx,), key=lambda e: e[:1]) - 1
        while i >= 0:
            pos, _, record = self._spoken[i]
            if pos < start:
                return None
            last = record.name.split()[-1]
            if record.label in labels and not (plural_ok is False and last.islower() and
                                               last.endswith("s")):
                return record
            i -= 1
        return None


_RESEARCH = frozenset(["institute", "institution", "center", "centre", "council", "foundation",
                       "studies", "forum", "corporation", "rusi", "csis", "isw", "iiss"])
_PAPERS = frozenset(["times", "post", "journal", "herald", "news", "shimbun", "ilbo", "daily",
                     "tribune", "gazette", "telegraph", "guardian", "independent", "yonhap",
                     "kyodo", "reuters", "politico", "economist", "asahi", "yomiuri", "nikkei",
                     "mail", "express", "pravda", "izvestia", "kommersant", "novosti"])
# Words that make a body a news organisation ("the news agency" takes up only one of them).
_WIRES = _PAPERS | frozenset(["tass", "interfax", "ria", "ukrinform", "xinhua",
                              "kcna", "afp", "ap", "bloomberg", "cnn", "bbc", "nhk", "kbs"])
# Nouns that take up a body by its sort ("the think tank" -> the Institute for …).
_ORG_ANAPHORS = {"tank": _RESEARCH, "think-tank": _RESEARCH, "institute": _RESEARCH,
                 "newspaper": _PAPERS, "paper": _PAPERS, "daily": _PAPERS,
                 "broadcaster": frozenset(["tv", "television", "radio", "broadcasting", "bbc",
                                           "cnn", "nhk", "kbs", "mbc", "sbs", "arirang",
                                           "channel", "24"])}
# "The unit said it had killed 50" after "Ukraine's Special Operations Forces released …": the
# armed body named last, whatever its own head word.
_ARMED = frozenset(["forces", "force", "brigade", "battalion", "regiment", "division", "corps",
                    "guard", "guards", "army", "unit", "detachment", "marines", "navy",
                    "squadron", "infantry"])
_ORG_ANAPHORS.update({word: _ARMED for word in ("unit", "brigade", "battalion", "regiment",
                                                 "force", "detachment", "formation", "division",
                                                 "corps", "squadron")})
# Head words of a body's proper name.
_NAMED_BODY_HEADS = frozenset(["headquarters", "directorate", "council", "committee",
                               "commission", "center", "centre", "institute", "agency",
                               "service", "staff", "command", "office", "bureau", "ministry",
                               "department", "foundation", "administration", "secretariat"])
# The role key of a body's minister ("Defense Minister" -> defense).
_KIND_KEYS = {"Ministry of Defence": "defense", "Foreign Ministry": "foreign"}
_ONE_OF = frozenset(["one", "another"])
# Words that make a role another's than its holder's ("deputy foreign minister").
_NOT_THE_HOLDER = frozenset(["deputy", "vice", "assistant", "former", "first-deputy", "late"])


def _copula_nationality(noun: Token) -> str | None:
    """"Two North Koreans are now prisoners of war": the country of the copula's subject
    when it is a nationality."""
    if noun.dep_ != "attr":
        return None
    subj = next((c for c in noun.head.children if c.dep_ == "nsubj" and c.ent_type_ == "NORP"
                 and c.i < noun.i), None)
    if subj is None:
        return None
    ent = next((e for e in subj.sent.ents if e.start <= subj.i < e.end), None)
    if ent is None:
        return None
    return canonical_country(ent.text) or (
        canonical_country(ent.text[:-1]) if ent.text.endswith("s") else None)


def _by_country_owner(text: str) -> str | None:
    """A body owned by a capital or a country's other name ("Pyongyang's state news agency"):
    the body the alias tables know under the country's own name."""
    owner, sep, rest = text.replace("’s ", "'s ").partition("'s ")
    country = canonical_country(owner) if sep and rest else None
    if not country or country == owner:
        return None
    return canonical_org(f"{country}'s {rest}")


def _word_set(text: str) -> set[str]:
    """The lowercase words of a description, without articles and possessive endings."""
    return {w for w in re.sub(r"['’]s\b", " ", text.lower()).split() if w not in ("the", "a")}


def _one_of(text: str, token: Token, table: EntityTable) -> str:
    """"One official" after "Western officials briefed reporters" is a Western official; "One
    EU diplomat" is an EU diplomat: the numeral goes, the group's description comes back."""
    words = text.split()
    if len(words) < 2 or words[0].lower() not in _ONE_OF:
        return text
    words = words[1:]
    if len(words) == 1:
        plural = words[0].lower() + "s"
        for record in reversed(table.records):
            if record.first < token.idx and record.name.lower().endswith(" " + plural):
                return record.name[:-1]
    return " ".join(words)


def _owner_words(token: Token, words: list[Token]) -> list[Token]:
    """The words of a source's phrase that name its owner ("South Korean intelligence"), not
    those of a clause before it ("N Belarusian soldiers were killed, Lithuanian intelligence
    estimates" with "estimates" read as a noun)."""
    return [t for t in words if t.i < token.i and t.pos_ in ("PROPN", "ADJ", "NOUN")
            and (canonical_country(t.text) or t.ent_type_ in ("ORG", "NORP", "GPE")
                 or t.lower_ in ("intelligence", "military", "defence", "defense"))
            and not _in_clause_of(t, token)]


def _in_clause_of(tok: Token, head: Token) -> bool:
    """Whether `tok` hangs on `head` through a verb (a clause), not as a modifier."""
    for anc in tok.ancestors:
        if anc.i == head.i:
            return False
        if anc.pos_ in ("VERB", "AUX"):
            return True
    return False


_ORDINALS = ("second ", "third ", "fourth ", "another ", "first ", "other ")


# Adjectives of a region or bloc a description may start a sentence with ("Western
# officials said"), unlike a sentence-initial common adjective ("Popular channels").
_REGIONAL = frozenset(["western", "eastern", "european", "asian", "african", "arab", "baltic",
                       "nordic", "allied", "gulf", "latin", "soviet", "transatlantic"])
# Unnamed people who speak for a state's government (not diplomats posted abroad, analysts
# or sources).
_OFFICIALS = frozenset(["official", "lawmaker", "legislator", "aide", "adviser", "advisor",
                        "spokesperson", "spokesman", "spokeswoman", "minister", "officer"])
# People "our" can give a country to ("our commanders say" -> Ukrainian commanders).
_OUR_PEOPLE = frozenset(["official", "commander", "officer", "soldier", "diplomat", "serviceman",
                         "fighter", "pilot", "sailor", "marine", "intelligence officer"])
_RANK_WORDS = frozenset(["senior", "top", "high-ranking", "high-level", "junior", "mid-level",
                         "former", "retired", "veteran", "one", "another"])
_STANDING = frozenset(["popular", "prominent", "influential", "well-known", "respected",
                       "noted", "renowned", "several", "many", "numerous", "various"])
_PLACED = frozenset(["source", "official", "diplomat", "resident", "officer", "person",
                     "people", "analyst", "expert", "observer"])


def _anonymous_description(token: Token, text: str) -> str:
    """An anonymous source's description as a reader would name it: "a second source in
    Pyongyang" -> "source in Pyongyang" (no ordinal; the place it speaks from kept)."""
    doc = token.doc
    first, _, rest = text.partition(" ")
    while rest and first.lower() in _STANDING and token.tag_ == "NNS":
        # "Popular pro-war Telegram channels", "Several prominent bloggers": how well known
        # or how many, not who
        text = rest
        first, _, rest = text.partition(" ")
    k = token.i + 1
    if k < len(doc) and doc[k].head.i == token.i and f" {token.text} {doc[k].text} " in \
            f" {text} " and (doc[k].lower_ == "with" or doc[k].lower_ == "from" and any(
                c.dep_ == "pobj" and c.lower_ in cues.UNIT_NOUNS for c in doc[k].children)):
        # "a Ukrainian officer with the 80th Air Assault Brigade", "a contract soldier from a
        # motorised rifle unit": the unit is where he serves, not who he is
        cut = text.index(f"{token.text} {doc[k].text} ") + len(token.text)
        unit, text = text[cut:], text[:cut]
        owner = next((canonical_country(w) for w in re.findall(r"[A-Z][\w’'.-]+", unit)
                      if canonical_country(w)), None)
        if owner and demonym(owner) and not any(canonical_country(w) for w in text.split()):
            # "a drone operator from Ukraine's 8th Special Operations Regiment": Ukrainian
            text = f"{demonym(owner)} {text}"
    if token.lemma_ not in _PLACED:
        return text
    lowered = text.lower()
    for ordinal in _ORDINALS:
        if lowered.startswith(ordinal):
            text = text[len(ordinal):]
            break
    k = token.i + 1
    # a source's place is who it is ("a source in North Hamgyong province"), and so is the
    # place of an official, diplomat or analyst the article describes by nothing else ("One
    # official in Seoul", "a person in Seoul"); "a Western diplomat in Seoul" is a Western
    # diplomat
    bare = text.split()[:-1] == [] or all(w.lower() in ("one", "senior", "some", "several",
                                                         "two", "three") for w in text.split()[:-1])
    if (token.lemma_ == "source" or bare) and k + 1 < len(doc) and \
            doc[k].lower_ in ("in", "from") and \
            (doc[k + 1].ent_type_ in ("GPE", "LOC") or doc[k + 1].pos_ == "PROPN") and \
            text.endswith(token.text):
        end = k + 1
        while end + 1 < len(doc) and (doc[end + 1].ent_iob_ == "I" or doc[end + 1].lower_ in (
                "province", "region", "county", "oblast", "city", "district")):
            end += 1
        text = f"{text} {doc[k].text} {doc[k + 1:end + 1].text}"
    elif bare and k + 3 < len(doc) and doc[k].lower_ == "at" and doc[k + 1].lower_ == "the" \
            and text.endswith(token.text):
        # "a senior official at the foreign ministry"
        end = next((m for m in range(k + 2, min(k + 5, len(doc)))
                    if doc[m].lower_ in _AT_BODIES), None)
        if end is not None and all(t.pos_ in ("ADJ", "NOUN", "PROPN")
                                   for t in doc[k + 2:end + 1]):
            text = f"{text} at the {doc[k + 2:end + 1].text}"
    return text


_SPOKES = frozenset(["spokesman", "spokeswoman", "spokesperson", "spokespeople"])
# Head words a body's full name can be taken up by ("the forces", "the directorate").
_BODY_HEADS = frozenset(["forces", "directorate", "service", "committee", "commission",
                         "command", "council", "agency", "headquarters", "centre", "center",
                         "bureau", "secretariat", "institute", "inspectorate", "guard"])


def _head_word(name: str) -> str:
    """The head word of a body's name: "Ukraine's Special Operations Forces" -> forces, "Main
    Directorate of Intelligence" -> directorate."""
    first = re.split(r" (?:of|for|on) ", name, maxsplit=1)[0].split()
    return first[-1].lower() if first else ""


_AT_BODIES = frozenset(["ministry", "embassy", "agency", "office", "department", "council",
                        "service", "commission", "command", "institute"])
# Sorts of people a description's nationality can come from a group of ("two Russian
# servicemen … A contract soldier said").
_SERVING_KIN = {
    "military": frozenset(["soldier", "serviceman", "servicemen", "troop", "fighter", "officer",
                           "marine", "sailor", "conscript", "sergeant", "commander", "prisoner",
                           "pow", "captive", "veteran", "deserter", "sniper", "gunner",
                           "medic", "operator", "paratrooper", "volunteer", "mercenary"]),
    "official": frozenset(["official", "diplomat", "officer", "aide", "adviser", "advisor",
                           "lawmaker", "spokesperson"]),
}
_SERVING = {lemma: sort for sort, lemmas in _SERVING_KIN.items() for lemma in lemmas}


def _body_in_place(token: Token, text: str) -> str | None:
    """"the foreign ministry in Seoul", "the defence ministry of Japan": a country's body
    named by kind and place (the place is no part of the phrase's words)."""
    if token.lower_ not in ("ministry", "office", "service", "agency", "staff", "intelligence",
                            "department", "directorate", "chiefs"):
        return None
    doc = token.doc
    # read off the surface: the parser often hangs "in Seoul" on the verb
    k = token.i + 1
    if k + 1 >= len(doc) or doc[k].lower_ not in ("in", "of"):
        return None
    for width in (1, 2):
        place = doc[k + 1:k + 1 + width]
        if len(place) == width and canonical_country(place.text):
            return canonical_org(f"{text} {doc[k].lower_} {place.text}")
    return None


def _keys_agree(wanted: frozenset[str], theirs: frozenset[str]) -> bool:
    """A role's keys fit a record's: its field keys all there, and no other country ("the
    Lithuanian defence minister" fits "Defence Minister X" with no country given)."""
    countries = {k for k in wanted if canonical_country(k)}
    their_countries = {k for k in theirs if canonical_country(k)}
    return (wanted - countries) <= theirs and (
        not their_countries or not countries or bool(countries & their_countries))


def _indefinite_mentions(token: Token) -> list[Token]:
    """The earlier mentions a bare "the person" may take up ("a person briefed on the
    matter"): the same noun with an indefinite article and words that describe it, in the
    last 400 tokens, nearest first."""
    doc = token.doc
    out = []
    for i in reversed(doc_index(doc).with_lemma(frozenset([token.lemma_]))):
        if i >= token.i:
            continue
        if i < token.i - 400 or len(out) == 3:
            break
        earlier = doc[i]
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in earlier.children) and \
                len(phrase_tokens(earlier)) > 1:
            out.append(earlier)
    return out


def _stated_age(token: Token) -> int | None:
    """N of "the N-year-old" or "the N-year-old engineer" (a noun phrase with a definite
    article: an age the article gave before)."""
    if not _has_det(token) and not (token.lower_ == "old" and any(
            t.lower_ == "the" for t in token.doc[max(0, token.i - 5):token.i])):
        return None
    doc = token.doc
    for t in [token, *(c for c in token.children if c.dep_ == "amod")]:
        k = t.i
        if t.lower_ == "old" and k >= 4 and doc[k - 1].text == "-" and \
                doc[k - 2].lower_ == "year" and doc[k - 3].text == "-" and \
                doc[k - 4].text.isdigit():
            return int(doc[k - 4].text)
        if t.lower_ == "year-old" and k >= 1 and doc[k - 1].text.rstrip("-").isdigit():
            return int(doc[k - 1].text.rstrip("-"))
    return None


def _first_token(token: Token, back: int) -> int:
    """The index of the first token of the sentence `back` sentences before `token`'s."""
    sent = token.sent
    for _ in range(back):
        if sent.start == 0:
            break
        sent = token.doc[sent.start - 1].sent
    return sent.start


def _window_start(token: Token, back: int = 1) -> int:
    """Where the pronoun's salience window starts: the previous sentence's first character
    (or the one `back` sentences before)."""
    sent = token.sent
    for _ in range(back):
        if sent.start == 0:
            return 0
        sent = token.doc[sent.start - 1].sent
    return sent.start_char


_MALE = frozenset(["he", "him", "his"])
_FEMALE = frozenset(["she", "her", "hers"])


def _of_gender(pronoun: str, strict: bool = False):
    """A predicate: a person a pronoun can stand for ("she" never for one the article made
    a man: "Mr", "spokesman"); `strict`: only one the article made that gender."""
    avoid = "f" if pronoun in _MALE else "m" if pronoun in _FEMALE else None
    want = "m" if pronoun in _MALE else "f" if pronoun in _FEMALE else None

    def fits(record: EntityRecord) -> bool:
        if record.label != "PERSON":
            return False
        if strict:
            return want is not None and record.gender == want
        return avoid is None or record.gender != avoid
    return fits


def _is_personish(record: EntityRecord) -> bool:
    return record.label == "PERSON"


_SINGLE = frozenset(["one", "another", "each"])
# Modifiers that count or order a group without describing it ("the other prisoner").
_NOT_DESCRIBING = frozenset(["other", "more", "many", "some", "several", "few", "first",
                             "second", "third", "last", "another", "most", "all", "both",
                             "same", "latest", "new"])
_PARTS = frozenset(["one", "another", "each", "two", "three", "four", "five", "some", "several",
                    "many", "most", "all", "both", "none", "few"])


def _issuer(doc_noun: Token) -> Token | None:
    """Who issued a document at its first mention: "X said in a statement", "X, in a report
    to parliament, put …", "X released a statement" -> X."""
    node = doc_noun
    if node.dep_ == "dobj" and node.head.lemma_ in cues.AUTHORING_VERBS:
        node = node.head
    elif node.dep_ == "pobj" and node.head.lower_ in ("in", "through", "via"):
        node = node.head.head
        if node.pos_ in ("NOUN", "PROPN") and node.dep_ in ("nsubj", "nsubjpass"):
            return node         # "South Korea's JCS, in a report to parliament, put …"
    else:
        return None
    if node.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj if subj is not None and subj.lower_ not in ("it", "this", "that") else None


# Participles only a person speaks through ("a nurse, speaking on condition of anonymity").
_ANONYMOUS_VERBS = frozenset(["speak", "ask", "decline", "request", "insist"])


# Verbs of a clause that gives a person's name ("identified only as X", "goes by the call
# sign X", "who gave only her first name, X").
_NAMING_VERBS = frozenset(["identify", "know", "call", "name", "go", "give", "introduce",
                           "use", "sign", "nickname"])


def _names_them(name: Token, noun: Token) -> bool:
    """Whether a name in a person's phrase is theirs: in apposition to them, or given by a
    naming clause ("a conscript, identified only as Andrei"), not someone else named in it
    ("a soldier from the unit commanded by Colonel X")."""
    if name.head.i == noun.i and name.dep_ == "appos":
        return True
    for anc in name.ancestors:
        if anc.i == noun.i:
            return False
        if anc.lemma_ in _NAMING_VERBS:
            return not _addressee(name, anc)
        if anc.lemma_ in ("lead", "head", "chair") and anc.head.i == noun.i:
            return True     # "a delegation from Seoul, led by X": X speaks for it
    return False


def _addressee(name: Token, clause: Token) -> bool:
    """Whether a name in a speaker's clause is whom they spoke to ("…, who spoke to the
    Kyiv Herald through a messenger app"), not a name the clause gives them."""
    for anc in name.ancestors:
        if anc.i == clause.i:
            return False
        if anc.dep_ == "prep" and anc.lower_ in ("to", "with") and anc.head.pos_ == "VERB":
            return True
    return False


def _person_clause(noun: Token) -> Token | None:
    """The clause or word that makes a noun phrase a person: a "who" relative clause on the
    noun, or on a place or thing in its complements the parser hung it on ("a pharmacist in
    a village near the border, who asked …" is the pharmacist's); an age ("a 67-year-old
    pensioner"); a participle of speaking or asking on it ("a nurse, speaking on condition
    of anonymity")."""
    for t in noun.children:
        if t.dep_ == "appos" and t.i > noun.i and t.lemma_ in cues.GROUP_SPEAKERS:
            return t    # "one woman, a mother of three from Sumy"
        if t.dep_ in ("acl", "advcl") and t.lemma_ in _ANONYMOUS_VERBS or \
                t.i < noun.i and t.dep_ in ("amod", "compound") and (
                    _age_word(t) or any(_age_word(g) for g in t.subtree)):
            return t
    for t in noun.subtree:
        if t.dep_ != "relcl" or not any(c.dep_ in ("nsubj", "nsubjpass") and
                                        c.lower_ == "who" for c in t.children):
            continue
        holder = t.head
        if holder.i == noun.i or holder.pos_ in ("NOUN", "PROPN") and \
                holder.ent_type_ not in ("PERSON", "NORP", "ORG") and \
                holder.lemma_ not in cues.GROUP_SPEAKERS | cues.SPEAKER_NOUNS and \
                holder.tag_ not in ("NNS", "NNPS"):
            return t
    return None


def _says_relative(token: Token) -> bool:
    """"conscripts who said …": the noun speaks through its relative clause."""
    return any(c.dep_ == "relcl" and c.lemma_ in cues.SPEECH_VERBS and any(
        g.dep_ == "nsubj" and g.lower_ in ("who", "that") for g in c.children)
        for c in token.children)


def _members_in(token: Token) -> Token | None:
    """The body of "some in the ruling party", "many within the government", "others inside
    the coalition": a quantity of people placed in a body, no noun of their own."""
    if token.lower_ not in _PARTS | {"others"} or token.pos_ not in ("PRON", "DET", "NOUN",
                                                                       "ADJ", "NUM"):
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "within", "inside", "among"):
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN") and \
                        obj.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME"):
                    return obj
    return None


def _partitive_of(token: Token) -> Token | None:
    """The group noun of "one of the soldiers", "two of the people"."""
    if token.lower_ not in _PARTS:
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN") and \
                        obj.lemma_ in cues.GROUP_SPEAKERS | cues.SPEAKER_NOUNS:
                    return obj
                if obj.dep_ == "pobj" and obj.lower_ in ("them", "those"):
                    return _plural_antecedent(obj)
    return None


def _plural_antecedent(pronoun: Token) -> Token | None:
    """The group "them" stands for in "one of them told …": a plural speaker noun in this
    sentence or the two before, a captive group first ("the two prisoners … the two men
    captured on January 9. … one of them")."""
    doc = pronoun.doc
    sent = pronoun.sent
    start = sent.start
    for _ in range(3):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    found = [t for t in doc[start:pronoun.i] if t.tag_ in ("NNS", "NNPS") and
             t.lemma_ in cues.GROUP_SPEAKERS | cues.SPEAKER_NOUNS | _CAPTIVES]
    captives = [t for t in found if t.lemma_ in _CAPTIVES]
    prev = doc[sent.start - 1].sent if sent.start > 0 else sent
    subjects = [t for t in found if t.dep_ in ("nsubj", "nsubjpass") and
                t.i >= prev.start and t.lemma_ not in _CAPTIVES and any(
                    w.i != t.i and w.pos_ in ("ADJ", "PROPN", "NOUN", "VERB")
                    for w in phrase_tokens(t))]     # (described: not "Both men")
    if subjects and (not captives or captives[-1].i < prev.start):
        # "Two people familiar with the matter said … One of them said": the group the last
        # sentence was about, over prisoners named further back
        return subjects[-1]
    if not found and pronoun.head.head.lower_ in _PARTS:
        # "One of them has told us …" in an answer sentences after the group was named: the
        # captives the article counted when it brought them in ("two Belarusian soldiers
        # taken prisoner …"), as far back as a fuller mention is looked for
        counted = _fuller_mention(pronoun.head.head, _CAPTIVES)
        if counted is not None and counted.tag_ in ("NNS", "NNPS"):
            return counted
    return (captives or found or [None])[-1]


# What speaks for the person who owns it ("his spokesman", "her office"); any other person
# noun after "his"/"her" is someone else ("his commander", "her deputy").
_MOUTHPIECES = frozenset(["spokesperson", "spokesman", "spokeswoman", "spokespeople", "office",
                          "administration", "government", "camp", "team", "aide", "staff",
                          "cabinet", "secretariat", "ministry", "press", "service", "media",
                          "people", "embassy", "mission", "delegation"])
# A person's own staff that speaks for them ("Zelensky's office").
# A person's own staff ("his aides said", "President X's office said").
_STAFF_NOUNS = frozenset(["office", "aides", "staff"])
_OWN_BODIES = frozenset(["office", "administration", "government", "cabinet", "camp",
                         "team", "secretariat"])
# A country's bodies: "its embassy", "its foreign ministry", "its military".
_BODY_NOUNS = frozenset(["embassy", "ministry", "military", "army", "government", "mission",
                         "agency", "office", "service", "services", "media", "delegation",
                         "command", "staff", "authorities", "administration", "presidency",
                         "parliament", "legislature", "consulate", "leadership", "regime"])
_CAPTIVES = frozenset(["soldier", "prisoner", "pow", "captive", "serviceman", "fighter",
                       "conscript"])


def _fuller_mention(noun: Token, kin: frozenset[str] | None = None) -> Token | None:
    """The nearest earlier mention of the same noun with a describing modifier ("two North
    Korean soldiers captured in Kursk" for a later "the soldiers"; for "the men" too); with
    `kin`, a counted mention of any of those nouns."""
    doc = noun.doc
    counted = kin is not None or noun.lemma_ in _ANY_PERSON or \
        noun.lower_ in ("men", "women", "people")
    if kin is None:
        kin = _CAPTIVES if noun.lemma_ in _CAPTIVES else frozenset([noun.lemma_])
    if counted:
        # "one of the men": the group the article counted ("the two North Korean soldiers
        # captured"), not the nearest soldiers named in passing
        kin = kin | _CAPTIVES
    fallback = None
    for i in reversed(doc_index(doc).with_lemma(kin)):
        if i >= noun.i:
            continue
        if i < noun.i - 600:
            break
        earlier = doc[i]
        numbered = any(c.dep_ == "nummod" for c in earlier.children)
        if counted and not numbered:
            continue
        if any(c.dep_ in ("amod", "compound") and (c.ent_type_ == "NORP" or canonical_country(
                c.text) or c.tag_ == "VBN") or c.dep_ == "amod" and c.i > earlier.i
               for c in earlier.children):
            if numbered or noun.lemma_ not in _CAPTIVES:
                return earlier
            # "the prisoners" after "two Belarusian soldiers captured on Friday" and "an
            # exchange for Georgian soldiers held captive": the group the article counted
            # when it brought them in, not the captors' own men named since
            fallback = fallback or earlier
    return fallback


_ANY_PERSON = frozenset(["man", "woman", "person"])
# States of people a participle after them gives, that a reader puts before the noun.
_HELD = frozenset(["capture", "detain", "imprison", "wound", "injure", "intern"])
_MEMBER_NOUNS = cues.GROUP_SPEAKERS - _ANY_PERSON - {"mother", "father", "wife", "husband",
                                                     "relative"}


def _age_word(t: Token) -> bool:
    """A word of an age written before a noun ("a 45-year-old woman": 45, year, old)."""
    doc = t.doc
    if t.lower_.endswith("-year-old") or t.lower_ == "year-old":
        return True
    if t.lower_ in ("year", "years") and t.i > 1 and doc[t.i - 1].text == "-" and \
            doc[t.i - 2].like_num:
        return True
    return t.lower_ == "old" and t.i > 2 and doc[t.i - 1].text == "-" and \
        doc[t.i - 2].lower_ in ("year", "years")


def _member_noun(noun: Token) -> str | None:
    """The noun of the group of people the article mentioned last before `noun` ("the
    younger prisoner" -> prisoner), in the last 300 tokens."""
    doc = noun.doc
    for i in reversed(doc_index(doc).with_lemma(_MEMBER_NOUNS)):
        if i >= noun.i:
            continue
        if i < noun.i - 300:
            break
        return doc[i].lemma_
    return None


_MEMBERS = frozenset(["fighters", "soldiers", "troops", "members", "officers", "operators",
                      "servicemen", "personnel", "commanders", "officials", "analysts",
                      "experts", "researchers", "spokespeople", "representatives"])


def _members_of(noun: Token) -> Token | None:
    """The named body whose members speak: "Fighters of the Special Operations Forces
    reported …", "analysts at the Institute for the Study of War said" -> the body's token."""
    if noun.lower_ not in _MEMBERS or noun.pos_ != "NOUN" or noun.text[1:] != noun.lower_[1:]:
        return None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "at", "from", "with"):
            for g in child.children:
                if g.dep_ == "pobj" and (g.ent_type_ == "ORG" or g.pos_ == "PROPN" and
                                         g.text[:1].isupper() and not g.ent_type_):
                    return g
    return None


def _owned(token: Token) -> bool:
    """"the EU's top diplomat", "Ukraine's defence minister": a role owned by a named body or
    country is as definite as "the minister"."""
    return any(c.dep_ == "poss" and (c.ent_type_ in ("GPE", "ORG", "NORP") or
                                     canonical_country(c.text) or canonical_org(c.text))
               for c in token.children)


def _has_indefinite(token: Token) -> bool:
    return any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one")
               for c in token.children)


def _describing_nouns(ent: Span) -> list[Token]:
    """Common nouns the text sets beside a person's name: an apposition after it ("X, a
    local farmer"), the noun it is apposed to ("the mayor, X", "her lawyer, X"), a title
    word right before it ("Detective X")."""
    root = ent.root
    out = []
    for child in root.children:
        if child.dep_ == "appos" and child.i >= ent.end and child.pos_ == "NOUN":
            out.append(child)
            out.extend(c for c in child.children if c.dep_ == "conj" and c.pos_ == "NOUN")
    if root.dep_ == "appos" and root.head.i < ent.start and root.head.pos_ == "NOUN":
        out.append(root.head)
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.dep_ == "compound" and before.head.i in range(
            ent.start, ent.end) and before.pos_ in ("NOUN", "PROPN") and before.is_title and \
            not before.ent_type_:
        out.append(before)
    return out


def _described(token: Token) -> bool:
    """A noun with a relative clause, a prepositional phrase or an apposition of its own after
    it ("the woman who runs the bakery", "the owner of the shop", "the farmer, X"): a
    description that can be followed by the name it describes."""
    return any(c.dep_ in ("relcl", "acl", "prep", "appos") and c.i > token.i
               for c in token.children)


def _has_det(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
