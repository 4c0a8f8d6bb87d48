"""The sitrep_quotes component: direct quotes in any quotation-mark style and reported speech,
each with a resolved speaker (Doc._.sitrep_quotes, a list of types.Quote)."""

from __future__ import annotations

import logging
import re
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from bot.extraction import cues
from bot.extraction.attribution import (
    Resolver,
    Speaker,
    according_to,
    cited_by,
    in_lead_in,
    passive_this_agent,
    reduced_relative,
    subject_of,
    subjects_of,
)
from bot.extraction.docindex import doc_index
from bot.extraction.entities import build_table, call_sign_spans, role_keys
from bot.extraction.quotemarks import QuoteSpan, find_quotes
from bot.extraction.types import Quote

log = logging.getLogger(__name__)

if not Doc.has_extension("sitrep_quotes"):
    Doc.set_extension("sitrep_quotes", default=None)
if not Doc.has_extension("sitrep_resolver"):
    Doc.set_extension("sitrep_resolver", default=None)

_EMBED_MAX_TOKENS = 5
_ACCORDING = frozenset(["according"])
_BULLETS = frozenset("-•●▪*–")
_QUESTION_WORDS = frozenset(["whether", "how", "why", "what", "when", "where", "which", "who"])
# What a document can "say" as a speaker would ("the documents say", "the report states").
_DOCUMENT_SAYS = frozenset(["say", "state", "write", "note", "report", "conclude", "warn",
                            "claim", "estimate", "assess", "add"])
# Verbs of belief: their clause is a quote only inside a report ("X said the NIS believes …").
_BELIEF_VERBS = frozenset(["believe", "think", "fear", "agree", "suspect", "expect", "reckon"])
# A text that speaks for whoever was last quoted issuing it ("The statement said that …").
_OWN_TEXTS = frozenset(["article", "report", "publication", "story", "statement", "communique",
                        "communiqué", "assessment", "release", "readout", "declaration"])
# Speech verbs that take a thing, not words, as their object ("maintained close ties").
_THING_VERBS = frozenset(["maintain", "continue", "add", "post", "observe", "echo", "recall",
                          "highlight", "underline", "reveal", "point"])
# Verbs of judging whose object complement is the judge's word ("considers the figure
# “realistic”", "regards it as “credible”", "deems them “a threat”").
_JUDGING_VERBS = frozenset(["consider", "deem", "regard", "judge", "view", "rate", "find"])


def _judged_as(node: Token, verb: Token) -> bool:
    """Whether a quoted phrase is what `verb` judges something to be: its object predicate
    or complement, or the object of its "as"."""
    if node.head.i == verb.i:
        return node.dep_ in ("oprd", "xcomp", "acomp", "ccomp") and node.i > verb.i
    return node.dep_ == "pobj" and node.head.lower_ == "as" and node.head.head.i == verb.i


# Verbs whose passive subject is the one spoken to ("was told", "had been warned").
_HEARER_VERBS = frozenset(["tell", "inform", "brief", "advise", "warn", "ask", "instruct",
                           "order", "promise", "assure", "remind"])
# Nouns whose "that"-clause is their own content ("the fact that", "reports that"), not the
# complement of a reporting verb the parser attached it after ("told reporters after the
# session that ...").
_CONTENT_NOUNS = frozenset(["fact", "report", "reports", "claim", "claims", "evidence", "news",
                            "information", "assessment", "sign", "signs", "idea", "notion",
                            "possibility", "hope", "fear", "fears", "concern", "concerns",
                            "warning", "warnings", "suggestion", "view", "belief", "rumour",
                            "rumours", "rumor", "rumors", "allegation", "allegations",
                            "statement", "indication", "proof", "confirmation", "assurance",
                            "assurances", "way", "time", "day", "point", "extent"])


_REASON_MARKS = frozenset(["because", "although", "though", "since"])
_TIME_MARKS = frozenset(["after", "before", "until", "till", "since", "once", "when"])
_KEY_LABELS = frozenset(["key events", "key points", "key developments", "key updates",
                         "summary", "the latest", "what we know", "at a glance"])


def is_heading(text: str, start: int) -> bool:
    """A headline or subheading line: short, no sentence-final punctuation."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:len(text) if line_end == -1 else line_end].strip()
    if line_start == 0 and line_end == -1:
        return False        # a one-line text is no heading
    if line[:1] in _BULLETS and not (line[-1:] == line[:1] and len(line.split()) <= 10):
        return False        # a bullet ("key points") is body text, whatever its punctuation
    #                         ("- 'Heavy losses' -" between dashes is a subheading)
    block = text.rfind("\n\n", 0, line_start)
    block = 0 if block == -1 else block + 2
    label = text[max(0, block):text.find("\n", block) if text.find("\n", block) != -1 else
                 len(text)].strip().rstrip(":").lower()
    if block < line_start and label in _KEY_LABELS:
        return False        # a live blog's "Key events" lines are body text, bullets or not
    return len(line.split()) <= 25 and not re.search(r"[.!?:][\"'”’»)]*$", line)


def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    if end <= start:
        return None
    return doc.char_span(start, end, alignment_mode="expand")


def _clean(text: str) -> str:
    return text.strip().rstrip(",;:").strip()


def _that_clause(sub: Token) -> bool:
    """A clause introduced by "that" with a subject of its own. The parser sometimes takes the
    "that" for a relative pronoun ("told a briefing that the military was watching …")."""
    if sub.pos_ not in ("VERB", "AUX"):
        return False
    subjects = [c for c in sub.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    marks = [c for c in sub.children if c.lower_ == "that" and c.i < sub.i]
    if not subjects or not marks:
        return False
    if marks[0].dep_ == "mark":
        return True
    if marks[0].dep_ == "advmod" and sub.dep_ == "relcl" and sub.head.lemma_ == "time" and \
            sub.head.head.lower_ in ("for", "at"):
        return True         # "confirmed for the first time that its troops had fought …"
    # "that" as the clause's object although it has its own subject, and comes before it
    return marks[0].dep_ == "dobj" and all(s.lower_ != "that" and s.i > marks[0].i
                                           for s in subjects) and (
        not any(c.dep_ == "dobj" and c.lower_ != "that" for c in sub.children) or
        # a verb with an object of its own cannot have "that" for one: "told reporters after
        # the briefing that the agency had found memos …"
        any(s.left_edge.i == marks[0].i + 1 for s in subjects) and
        any(c.dep_ == "dobj" and c.i > sub.i for c in sub.children))


def _asks(toks: list[Token]) -> bool:
    """Whether a clause opening with a wh-word is an indirect question ("how many soldiers
    remained", "whether they would return"), not a clause whose subject is one ("what Russia
    did with its ally was “our business”")."""
    first = toks[0]
    if first.lower_ == "whether":
        return True
    ids = {t.i for t in toks}
    root = next((t.i for t in toks if t.head.i not in ids or t.head.i == t.i), None)
    node = first
    while node.i != root and node.head.i != node.i and node.head.i in ids:
        node = node.head
        if node.i != root and node.pos_ in ("VERB", "AUX"):
            return False
    return True


def _complement(verb: Token) -> Token | None:
    """The reported clause of a reporting verb: its ccomp, or a "that"-clause the parser hung
    elsewhere after it ("told reporters after the session that …", "reported, citing U.S.
    officials, that …", "reported information that …")."""
    upper = _misparsed_upper(verb)
    if upper is not None:
        return upper
    reduced = reduced_relative(verb)
    ccomps = [c for c in verb.children if c.dep_ == "ccomp" and (
        reduced is None or c.i != reduced.i) and _misparsed_upper(c) is None and not (
        c.i < verb.i and c.right_edge.pos_ in ("ADP", "SCONJ") and not c.right_edge.n_rights)]
    # (a "clause" before the verb that ends in a bare "after" is the sentence the report is
    # set in: "The talks began a day after X told Y that …")
    if ccomps and ccomps[0].i < verb.i and any(
            t.text == ":" for t in verb.doc[ccomps[0].i + 1:verb.i]):
        # "His boss has been candid: X said that …": the clause after the verb is X's
        ccomps = ccomps[1:]
    if len(ccomps) > 1 and ccomps[0].i < verb.i < ccomps[-1].i and (
            _that_mark(ccomps[-1]) is not None or ccomps[-1].left_edge.i == verb.i + 1 and
            not verb.doc[verb.i + 1].is_punct) and \
            not any(t.is_quote for t in ccomps[0].subtree):
        # "the older man, his jaw bandaged, says he would like …", "…; Zelensky said in
        # March that …": a clause before the verb and one after: the one after is said
        ccomps = [c for c in ccomps if c.i > verb.i]
    if ccomps:
        child = ccomps[0]
        if child.pos_ in ("VERB", "AUX") or child.pos_ == "NOUN" and any(
                c.dep_ == "aux" for c in child.children) and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            return child    # "said it did not “comment on …”": a verb the tagger took for a noun
        if child.pos_ == "NOUN" and child.i > verb.i and _that_mark(child) is not None and \
                any(c.dep_ in ("acl", "relcl") and c.tag_ in ("VBN", "VBD") for c in
                    child.children):
            return child    # "clarified that the estimate dated from …" parsed as a noun
        if child.pos_ == "ADJ" and (any(
                c.dep_ == "mark" and c.lower_ == "that" for c in child.children) and any(
                t.dep_ in ("nsubj", "nsubjpass") for t in child.subtree) or
                child.i > verb.i and any(c.dep_ == "nsubj" for c in child.children)):
            return child    # an adjective clause too: "… that Pyongyang was prepared to …",
            #                 "Zelenskyy says Ukraine ready to hand over …" (headline style)
        return None
    for child in verb.children:
        if verb.lemma_ == "say" and child.dep_ == "dobj" and child.i > verb.i and any(
                g.dep_ in ("acl", "relcl") and g.pos_ == "VERB" and g.i > child.i and
                any(c.dep_ == "aux" for c in g.children) and
                any(c.dep_ == "nsubj" and c.i > child.i for c in g.children)
                for g in child.children):
            # "said even a deployment several times the size would barely dent …": the
            # clause's subject taken for an object, its verb for the object's modifier
            return child
    for child in verb.children:
        if child.dep_ == "advcl" and child.i > verb.i and _that_clause(child) and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
            return child
    sibling = _that_sibling(verb)
    if sibling is not None:
        return sibling
    for child in verb.children:
        # "reported, citing a senior diplomat, that CLAUSE" with the clause hung on "citing"
        if child.lemma_ in ("cite", "quote") and child.tag_ == "VBG" and child.i > verb.i:
            for sub in child.children:
                if sub.dep_ == "ccomp" and _that_mark(sub) is not None and \
                        sub.pos_ in ("VERB", "AUX"):
                    return sub
    stack = [c for c in verb.children if c.dep_ in ("dobj", "dative", "prep", "npadvmod")
             and c.i > verb.i]
    for _ in range(5):
        nxt = []
        for node in stack:
            for sub in node.children:
                if sub.dep_ in ("acl", "ccomp", "relcl") and _that_clause(sub):
                    if node.lemma_ in _CONTENT_NOUNS and node.lemma_ not in (
                            "report", "information", "claim", "assessment") and not (
                            node.lemma_ == "time" and node.head.lower_ in ("for", "at")) and \
                            not (node.dep_ == "pobj" and node.head.lower_ == "in" and
                                 node.head.head.i == verb.i and node.lemma_ in _OWN_TEXTS):
                        # ("said in a statement … that …": the statement is where it was said)
                        continue    # ("confirmed for the first time that …" is the verb's)
                    return sub
                if sub.dep_ in ("pobj", "prep", "dobj", "relcl", "acl"):
                    nxt.append(sub)
        stack = nxt
    return None


def _reporter_of_participle(verb: Token) -> Token | None:
    """The reporting verb whose speaker a trailing participle belongs to: in "X said Y had
    sent 10,000 troops, adding that …" (or "…, calling it “…”") the participle hangs on the
    reported clause but X adds (or calls)."""
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.i > 0 and \
            verb.doc[verb.i - 1].text == "," and verb.head.dep_ == "ccomp" and \
            verb.head.head.pos_ == "VERB" and verb.head.head.lemma_ in cues.REPORTING_VERBS \
            and verb.head.head.i < verb.head.i:
        return verb.head.head
    return None


def _reporter_of_conjunct(verb: Token) -> Token | None:
    """The reporting verb whose subject also speaks a second reporting verb the parser hung
    on the first one's clause: in "X says Y violates Z, and stresses that …" "stresses" is
    taken for a conjunct of "violates" but X stresses. Only a verb with no subject of its own
    and a "that"-clause of its own."""
    head = verb.head
    if verb.dep_ == "conj" and verb.pos_ == "VERB" and head.dep_ == "ccomp" and \
            head.i < verb.i and head.head.lemma_ in cues.REPORTING_VERBS and \
            head.head.pos_ == "VERB" and head.head.i < head.i and \
            not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children) and \
            any(c.dep_ == "ccomp" and c.i > verb.i and _that_mark(c) is not None
                for c in verb.children):
        return head.head
    return None


def _set_off_subject(verb: Token) -> Token | None:
    """The speaker of a subject-less reporting verb after a participle phrase the parser took
    for a clause of its own: "X, asked about the reports on Monday, said …" with X the
    subject of "asked". Only a phrase with no auxiliary, between commas, right before the verb."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    if verb.dep_ == "conj" and verb.head.i < verb.i and verb.head.pos_ == "VERB":
        return _set_off_subject(verb.head)  # "X, asked …, told Y that … and said …"
    if verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i > verb.i or clause.tag_ not in ("VBN", "VBD") or \
                clause.right_edge.i not in (verb.i - 2, verb.i - 1) or any(
                    c.dep_ in ("aux", "auxpass") for c in clause.children):
            continue
        subj = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
        if subj is not None and subj.right_edge.i in (clause.i - 2, clause.i - 1) and \
                verb.doc[clause.i - 1].text == ",":
            return subj
    return None


def _that_sibling(verb: Token) -> Token | None:
    """A "that"-clause the parser hung beside the reporting verb instead of under it: "…
    after Japan's Yomiuri Shimbun reported, citing a government source, that Pyongyang
    was preparing …" (both on "came"). Only commas and a citing phrase come between."""
    head = verb.head
    if head.i == verb.i or any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
        return None
    for sib in head.children:
        if sib.i <= verb.i or sib.dep_ not in ("advcl", "ccomp", "conj") or \
                sib.pos_ not in ("VERB", "AUX"):
            continue
        mark = _that_mark(sib)
        if mark is None or not any(c.dep_ in ("nsubj", "nsubjpass") for c in sib.children):
            return None
        between = verb.doc[verb.i + 1:mark.i]
        citing = {t.i for c in sib.children if c.lemma_ in ("cite", "quote") and c.i < mark.i
                  for t in c.subtree}
        if all(t.is_punct or t.i in citing for t in between):
            return sib
        return None
    return None


def _that_mark(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "that"), None)


def _misparsed_upper(verb: Token) -> Token | None:
    """The clause the parser put above a reporting verb although a "that" shows it is the
    verb's complement: "X reported on Saturday, citing sources, that the ministry estimated
    …" parsed with "reported" as a ccomp of "estimated"."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i <= verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    mark = _that_mark(head)
    if mark is None or not verb.i < mark.i < head.i or \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return head


def _without_participles(clause: Token) -> list[Token]:
    """The clause's words without a trailing participle of speech the speaker adds ("…,
    noting “…”", "…, calling for …"): that is a statement of its own."""
    cut: set[int] = set()
    for child in clause.children:
        if child.dep_ == "prep" and child.lower_ == "without" and child.i > clause.i and \
                clause.doc[child.i - 1].text == "," and any(
                    c.tag_ == "VBG" for c in child.children):
            # "…, without saying whose order": the writer's remark on the report
            cut.update(t.i for t in child.subtree)
            continue
        if child.dep_ == "advcl" and child.tag_ == "VBG" and (
                child.i > clause.i and child.lemma_ in cues.SPEECH_VERBS and
                child.lemma_ not in _BELIEF_VERBS or child.lemma_ in ("cite", "quote")) and \
                not any(c.dep_ == "nsubj" for c in child.children):
            # (one with a subject of its own is the clause's: "… uniforms, weapons and
            # papers describing them as …" with the papers taken for its subject)
            # ("they were sent abroad believing they were going …": the subject's belief)
            cut.update(t.i for t in child.subtree)      # "…, citing U.S. officials, …"
            if child.i > clause.i and child.lemma_ in cues.SPEECH_VERBS:
                # "…, noting, “…”": what follows the participle is its own, even where the
                # parser hung the quote on the clause
                cut.update(t.i for t in clause.subtree if t.i >= child.left_edge.i)
        elif child.dep_ in ("advcl", "conj") and child.i > clause.i and (
                child.lemma_ in cues.REPORTING_VERBS or child.lemma_ in cues.SPEECH_VERBS) and (
                any(c.dep_ == "nsubj" for c in child.children) and child.tag_ != "VBG" and
                not any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in child.children) or
                _reporter_of_conjunct(child) is not None):
            # (a time clause is the claim's own: "… remain there even after Moscow declared …")
            # "…, while Ukraine's military intelligence said …", "…, and the general praised
            # …": another speaker's statement
            first = min(t.i for t in child.subtree)
            cut.update(t.i for t in clause.subtree if t.i >= first - 1 and t.i > clause.i and
                       t.i not in range(clause.left_edge.i, first - 1))
        elif child.dep_ == "conj" and child.i > clause.i and child.tag_ == "VBD" and (
                child.lemma_ in cues.SPEECH_VERBS or child.lemma_ in cues.NAMING_VERBS or
                any(c.dep_ == "cc" and c.lower_ == "but" and c.i < child.i
                    for c in clause.children)) and \
                not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")
                        for c in child.children) and \
                any(c.dep_ in ("aux", "auxpass") for c in clause.children):
            # "claimed that the operation had been “concluded” and described the troops as
            # …": the second verb is the speaker's, not the claim's
            cut.update(t.i for t in clause.subtree if t.i >= child.left_edge.i - 1 and
                       t.i > clause.i and t.i not in range(clause.left_edge.i,
                                                           child.left_edge.i - 1))
    for rel in clause.subtree:
        # "… with that of the agency, which told lawmakers that …": a statement of its own
        if rel.dep_ == "relcl" and rel.i > clause.i and rel.lemma_ in cues.REPORTING_VERBS and \
                rel.left_edge.lower_ in ("which", "who") and \
                rel.doc[rel.left_edge.i - 1].text == ",":
            cut.update(t.i for t in rel.subtree)
            cut.add(rel.left_edge.i - 1)
    return [t for t in clause.subtree if t.i not in cut]


def _full_clause(doc: Doc, q: QuoteSpan) -> bool:
    """Whether a quoted passage is a sentence of its own (a subject and its verb inside)."""
    span = _tokens(doc, q.start, q.end)
    if span is None:
        return False
    inside = range(span.start, span.end)
    roots = [t for t in span if t.head.i not in inside or t.head.i == t.i]
    # the quote's own head has its subject inside ("“used as infantry mass, in the way Russia
    # used …”" is no sentence: only a clause within it has one)
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.i in inside and
               (t.head in roots or t.head.head in roots and t.head.dep_ == "conj")
               for t in span)


def _inverted_head(verb: Token) -> Token | None:
    """The clause a parenthetical reporting verb is hung on: "CLAUSE, X said" (parataxis) or
    "As X said, CLAUSE" (advcl marked "as")."""
    head = verb.head
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if verb.dep_ == "parataxis":
        return head
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as"
                                    for c in verb.children):
        return head
    return None


def _past_lead_in(toks: list[Token]) -> list[Token]:
    """The tokens after a line's dateline or label (a prefix, so only its first tokens are
    looked at)."""
    k = 0
    while k < len(toks) and toks[k].idx - toks[0].idx < 100 and in_lead_in(toks[k]):
        k += 1
    return toks[k:]


def _trailing_report(verb: Token) -> tuple[list[Token], Token] | None:
    """"CLAUSE, X said [on Friday]." when the parser did not hang CLAUSE on the verb (the
    verb taken for a conjunct of the clause, or the clause for a loose dependent): the words
    before the comma, past any dateline, with a subject of their own; X is the noun phrase
    between the comma and the verb (its subject)."""
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" and
                                         c.i == verb.i - 1 for c in verb.children)
    if (verb.dep_ not in ("ROOT", "conj") or verb.tag_ not in ("VBD", "VBZ", "VBP") and
            not perfect) and not (
            verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and verb.head.dep_ == "appos" and
            verb.head.i < verb.i):
        return None     # ("…, South Korea's spy agency estimated Monday" taken for an
        #                 appositive of the clause's last noun, the verb for its modifier)
    if any(c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and verb.lemma_ != "tell"
           for c in verb.children):
        return None
    doc, sent = verb.doc, verb.sent
    comma = None
    for k in range(verb.i - 1, max(sent.start, verb.i - 15) - 1, -1):
        t = doc[k]
        if t.text == ",":
            comma = k
            break
        if (t.pos_ in ("VERB", "AUX") and not (perfect and k == verb.i - 1)) or \
                t.text in (".", ";", ":", "”", '"', "’"):
            return None     # (but "…, X has said")
    if comma is None or comma - sent.start < 3:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and comma < c.i < verb.i), None)
    if subj is None:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        heads = [t for t in doc[comma + 1:verb.i] if t.pos_ in ("NOUN", "PROPN", "PRON")
                 and not comma < t.head.i < verb.i]
        if not heads:
            return None
        subj = heads[0]
    left = _past_lead_in(list(doc[sent.start:comma]))
    ids = {t.i for t in left}
    if not any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.i in ids and
               t.head.pos_ in ("VERB", "AUX", "NOUN") or
               t.head.i == verb.i and t.dep_ in ("dep", "ccomp", "parataxis") for t in left):
        return None
    return left, subj


def _verb_tagged_noun(tok: Token) -> bool:
    """A reporting verb in the present the tagger took for a plural noun ("South Korean
    intelligence estimates about 3,000 … have been killed"): it heads a clause of its own
    and has a noun before it."""
    return tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.lower_.endswith("s") and any(
        c.dep_ == "ccomp" and c.i > tok.i and c.pos_ in ("VERB", "AUX") and any(
            g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in tok.children) and \
        any(c.dep_ in ("compound", "nmod", "nsubj") and c.i < tok.i for c in tok.children)


def _first_to_say(verb: Token) -> Token | None:
    """The subject of "X was the first official to say …": an infinitive on a noun that
    describes the copula's subject."""
    if verb.dep_ not in ("relcl", "acl") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    noun = verb.head
    if noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return None
    return next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _relative_speaker(verb: Token) -> bool:
    """A reporting verb in a relative clause reports speech when it says who speaks:
    "the NIS, which told lawmakers that …", "Kazan, where the president told reporters that …"."""
    if _first_to_say(verb) is not None:
        return True
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in ("who", "which", "that"):
                head = verb.head
                return head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or \
                    head.lower_ in cues.SPEAKER_NOUNS
            return True
    return False


def _words_of(clause: Token) -> Token | None:
    """The owner of the words in a clause's "in his (own) words" / "in the words of X"
    phrase: the one the clause's quoted words are from."""
    for prep in clause.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in prep.children:
            owner = _owner_of_words(noun)
            if owner is not None:
                return owner
    return None


def _owner_of_words(noun: Token) -> Token | None:
    """X of "in X's (own) words" / "in the words of X" when `noun` is that "words"."""
    if noun.dep_ != "pobj" or noun.lower_ != "words" or noun.head.lower_ != "in":
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj"), None) \
            if of is not None else None
    return owner


# Texts whose quoted words are the text's own, not anyone's speech ("Article 4 commits each to
# help the other “without delay”", "the list includes officers “responsible for …”").
_TEXT_NOUNS = frozenset(["article", "treaty", "pact", "agreement", "accord", "resolution",
                         "charter", "law", "clause", "provision", "convention", "constitution",
                         "list", "draft", "decree", "bill", "text", "paragraph", "section"])
# Nouns that make quoted words a mention of words ("about 100 words, including “fire”").
_WORD_NOUNS = frozenset(["word", "term", "phrase", "vocabulary", "expression", "slogan", "command",
                         "name", "title", "codename", "caption", "headline", "hashtag"])


def _mention_not_speech(span: Span) -> bool:
    """Quoted words that nobody says: text of a treaty or list ("commits each to help the
    other “without delay”"), words mentioned as words ("words such as “fire”"), a quoted name
    of a unit or operation ("the “Sever” Group of Forces")."""
    inside = range(span.start, span.end)
    roots = [t for t in span if t.head.i not in inside or t.head == t]
    if not roots or len(span) > 8:
        return False
    root = roots[0]
    words = [t for t in span if t.is_alpha]
    if words and all(t.is_title for t in words) and root.head.i not in inside and \
            root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "PROPN" and \
            root.head.i > root.i:
        return True             # the “Sever” Group of Forces
    before = span.doc[span.start - 2] if span.start >= 2 else None
    if words and all(t.is_title for t in words) and before is not None and \
            (before.pos_ in ("PROPN", "NOUN") or before.lower_ in ("'s", "’s")) and \
            span.doc[span.start - 1].is_quote:
        return True             # the Council “Ukrainian Prism”, the think tank “X”, a
        #                         network's “Evening Show”: a name
    node = root
    for _ in range(6):
        if node.head is node:
            break
        node = node.head
        if node.i in inside:
            continue
        if node.pos_ in ("NOUN", "PROPN") and node.lemma_.lower() in _WORD_NOUNS:
            return True
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if node.pos_ in ("VERB", "AUX") or subj is not None:
            if subj is None and node.dep_ in ("xcomp", "advcl", "prep", "acl"):
                continue        # "commits each to help the other …": the clause above says
            if subj is not None and subj.lower_ in ("which", "that") and node.dep_ == "relcl":
                subj = node.head
            return subj is not None and subj.lemma_.lower() in _TEXT_NOUNS
    return False


class QuoteFinder:
    def __init__(self, doc: Doc):
        self.doc = doc
        if doc._.sitrep_entities is None:
            doc._.sitrep_entities = build_table(doc)
        self.resolver: Resolver = doc._.sitrep_resolver or Resolver(doc._.sitrep_entities)
        doc._.sitrep_resolver = self.resolver
        self.text = doc_index(doc).text
        self.marks = [q for q in find_quotes(self.text) if not is_heading(self.text, q.start)]
        self._starts = [q.start for q in self.marks]      # marks come sorted and disjoint
        self.resolver.set_quoted([(q.start, q.end) for q in self.marks])
        self.previous_reported: Speaker | None = None
        self._resolved: dict[int, Speaker | None] = {}
        self._cue: dict[tuple[int, int], str] = {}     # clause span -> its reporting verb
        self._relayed: set[tuple[int, int]] = set()     # clauses with an "according to Y"

    def _near(self, start: int, end: int) -> list[QuoteSpan]:
        """The quotes that may overlap [start, end)."""
        lo = max(0, bisect_left(self._starts, start) - 1)
        hi = bisect_left(self._starts, end)
        return self.marks[lo:hi]

    def in_quote(self, start: int, end: int) -> float:
        """Share of [start, end) inside direct quotes."""
        if end <= start:
            return 0.0
        covered = sum(max(0, min(end, q.end) - max(start, q.start))
                      for q in self._near(start, end))
        return covered / (end - start)

    # ---- direct quotes ----------------------------------------------------------------------
    def _windows(self, q: QuoteSpan) -> tuple[list[Token], list[Token]]:
        doc, text = self.doc, self.text
        para_start = text.rfind("\n", 0, q.start) + 1
        para_end = text.find("\n", q.end)
        para_end = len(text) if para_end == -1 else para_end
        k = bisect_left(self._starts, q.start)
        prev_end = max([m.end + 1 for m in self.marks[max(0, k - 2):k + 1] if m.end <= q.start]
                       + [para_start])
        next_start = min([m.start - 1 for m in self.marks[k:k + 3] if m.start >= q.end]
                         + [para_end])
        first = _tokens(doc, q.start, q.end)
        before: list[Token] = []
        after: list[Token] = []
        if first is None:
            return before, after
        sent_start = first[0].sent.start_char
        prefix = text[max(para_start, prev_end):q.start].rstrip(" \"'“‘«")
        if sent_start >= q.start - 2 and prefix.endswith(":"):
            sent_start = doc[max(0, first[0].i - 2)].sent.start_char
        lo = max(para_start, prev_end, sent_start)
        span = _tokens(doc, lo, max(lo, q.start - (1 if q.open_mark else 0)))
        if span is not None:
            before = [t for t in span if t.idx + len(t) <= q.start and not t.is_space]
        close = q.end + (1 if q.close_mark else 0)
        hi = min(next_start, para_end)
        span = _tokens(doc, close, hi)
        if span is not None:
            for tok in span:
                if tok.idx < close or tok.is_space:
                    continue
                after.append(tok)
                if tok.text in (".", "!", "?") or tok.is_sent_end and tok.idx > close + 1:
                    break
        return before, after

    def _from_verb(self, verb: Token, q: QuoteSpan) -> Speaker | None:
        reporter = _reporter_of_participle(verb)
        if reporter is not None:
            # "X said the North Koreans had suffered …, calling the tactics “wasteful”":
            # X calls them so, not the clause's subject
            return self._from_verb(reporter, q)
        found = subjects_of(verb)
        if not found:
            set_off = _set_off_subject(verb)
            found = [set_off] if set_off is not None else found
        if verb.lemma_ == "quote":
            # "Budanov told an outlet, and I'm quoting him, “…”": the one quoted speaks
            objs = [c for c in verb.children if c.dep_ == "dobj" and
                    c.lower_ not in cues.DOCUMENT_NOUNS]
            if objs:
                found = objs + found
            elif found and found[0].lower_ in ("i", "we"):
                return None     # "and I'm quoting, “…”": the quoter is not the speaker
        if verb.tag_ == "VBG" and len(found) > 1 and found[0].lemma_ in cues.DOCUMENT_NOUNS:
            # "X said the statement proved “…”, warning that …": X warns, not the statement
            found = found[1:] + found[:1]
        for subj in found:
            if q.start <= subj.idx < q.end:
                continue
            if subj.dep_ == "nsubjpass" and subj.head.lemma_ in _HEARER_VERBS:
                continue    # "North Korea had been told to expect “…”": the one told
            speaker = self.resolver.resolve(subj)
            if speaker is not None and speaker.generic:
                # "North Korea's state media dismissed … as “…”": the owner speaks
                speaker = self.resolver.resolve(subj, owner_of_source=True)
            if speaker is not None and not speaker.generic:
                return speaker
        # surface fallback: a name right before or right after the verb
        for tok in [*reversed(list(verb.doc[max(0, verb.i - 6):verb.i])),
                    *verb.doc[verb.i + 1:verb.i + 5]]:
            if q.start <= tok.idx < q.end or tok.text in ("“", "”", '"'):
                continue
            if tok.dep_ == "poss" or tok.head.dep_ == "poss":
                continue
            if tok.ent_type_ in ("PERSON", "ORG") or tok.lower_ in cues.PRONOUNS_PERSON:
                speaker = self.resolver.resolve(tok)
                if speaker and not speaker.generic:
                    return speaker
        return None

    def _embedded(self, q: QuoteSpan) -> Speaker | None:
        span = _tokens(self.doc, q.start, q.end)
        if span is None:
            return None
        inside = set(range(span.start, span.end))
        roots = [t for t in span if t.head.i not in inside or t.head == t]
        node = roots[0] if roots else span.root
        relayed = None
        for anc in [node, *node.ancestors]:
            owner = _words_of(anc)
            if owner is not None and owner.i not in inside:
                # "In his words, the army is “ready”": the one whose words these are
                sp = self.resolver.resolve(owner)
                if sp and not sp.generic:
                    return sp
            if anc.i in inside:
                continue
            # "the minister repeated that … “…”, according to a correspondent": the one who
            # speaks, not the one who relays it
            if anc.pos_ in ("VERB", "AUX") and (anc.lemma_ in cues.SPEECH_VERBS
                                                or anc.lemma_ in cues.NAMING_VERBS) and not (
                    anc.lemma_ in _THING_VERBS and node.dep_ == "dobj" and node.head.i == anc.i):
                # ("services maintained “very close ties”", "added “a new dimension”": a
                # thing kept or added, not words said)
                sp = self._from_verb(anc, q)
                if sp:
                    return sp
            if anc.pos_ == "VERB" and anc.lemma_ in _JUDGING_VERBS and _judged_as(node, anc) \
                    and not any(a.lemma_ in cues.SPEECH_VERBS for a in anc.ancestors):
                # "a figure Estonian intelligence considers “realistic”", "which the ministry
                # regards as “credible”": the one who judges it so (not in "X stated that
                # Pyongyang regards the war as a “school”", X's words)
                sp = self._from_verb(anc, q)
                if sp:
                    return sp
            acc = according_to(anc)
            if acc is not None and relayed is None:
                sp = self.resolver.resolve(acc, owner_of_source=True)
                if sp and not sp.generic:
                    if acc.idx < q.start:
                        return sp
                    relayed = sp    # a trailing "…, according to Y": Y only relays
        if relayed is not None:
            return relayed
        for anc in [node, *node.ancestors]:
            for adv in anc.children:
                # "As the KCNA statement put it, the troops had “accomplished their mission”":
                # the one whose words the "as" clause says these are
                if adv.dep_ == "advcl" and adv.i not in inside and any(
                        c.dep_ == "mark" and c.lower_ == "as" for c in adv.children) and (
                        adv.lemma_ in cues.SPEECH_VERBS or adv.lemma_ == "put" and any(
                            c.dep_ == "dobj" and c.lower_ == "it" for c in adv.children)):
                    sp = self._from_verb(adv, q)
                    if sp:
                        return sp
        root = node.sent.root
        for tok in node.sent:
            if tok.lower_ == "according" and not (q.start <= tok.idx < q.end):
                sp = self.resolver.resolve(according_to(tok.head), owner_of_source=True)
                if sp and not sp.generic:
                    return sp
        subj = subject_of(root)
        if subj is not None and not (q.start <= subj.idx < q.end):
            sp = self.resolver.resolve(subj)
            if sp and not sp.generic:
                return sp
        return None

    def attribute(self, q: QuoteSpan, previous: Speaker | None, prev_para: int | None,
                  depth: int = 0) -> Speaker | None:
        before, after = self._windows(q)
        quote_text = self.text[q.start:q.end]
        tokens = quote_text.split()
        # 1. "…,” the spokesperson added.
        tight = quote_text.rstrip().endswith((",", "?", "!")) or (
            after and (after[0].text == "," or after[0].text[:1].islower()))
        for tok in after[:7] if tight else []:
            if tok.pos_ == "CCONJ" or tok.lower_ in ("but", "while", "whereas"):
                break
            if tok.tag_ == "VBG" and tok.i == after[0].i and after[0].i > 0 and \
                    tok.doc[tok.i - 1].text in (",", "”", '"'):
                break       # "… “in the coming days,” calling it …": the sentence goes on
            if tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to"
                                                   for c in tok.children):
                break       # "… had been “too slow” to call out …": an infinitive goes on
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_ in cues.SPEECH_VERBS:
                if any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") for c in tok.children):
                    break   # "… “nothing to add” to what the president had said": words
                    # said before, not these
                sp = self._from_verb(tok, q)
                if sp:
                    return sp
                break
        prefix = self.text[:q.start].rstrip(" \"'“‘«")
        opens_sentence = prefix.endswith((":", ",", ".", "\n")) or not prefix or \
            quote_text[:1].isupper()
        embedded = len(tokens) <= _EMBED_MAX_TOKENS or not opens_sentence
        if embedded:
            sp = self._embedded(q)
            if sp:
                return sp
        # 3. he said: “…” / stating, “…”
        for tok in reversed(before):
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_ in cues.SPEECH_VERBS:
                sp = self._from_verb(tok, q)
                if sp:
                    return sp
            if tok.lower_ == "according":
                sp = self.resolver.resolve(according_to(tok.head) or according_to(tok),
                                           owner_of_source=True)
                if sp and not sp.generic:
                    return sp
        for tok in before:
            owner = _owner_of_words(tok)
            if owner is not None:
                # "In his words: “…”", "In the words of one diplomat, “…”"
                sp = self.resolver.resolve(owner)
                if sp and not sp.generic:
                    return sp
        sp = self._colon_lead(before)
        if sp:
            return sp
        # 4. "Defence Secretary John Healey said:" closing the paragraph before the quote's
        sp = self._colon_paragraph(q)
        if sp:
            return sp
        ends_sentence = quote_text.rstrip().endswith((".", "!", "?", "…"))
        for tok in [] if ends_sentence else after:
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_ in cues.SPEECH_VERBS:
                sp = self._from_verb(tok, q)
                if sp:
                    return sp
        # 5. a quote running on over paragraphs ("“…¶“…,” said X."): the speaker named where
        # it closes
        sp = self._continued(q, depth)
        if sp:
            return sp
        # 6. a quote paragraph of its own continues the previous speaker
        para_start = self.text.rfind("\n", 0, q.start)
        para_end = self.text.find("\n", q.end)
        alone = self.text[para_start + 1:q.start].strip() in ("", "“", '"', "‘", "«") and \
            self.text[q.end:len(self.text) if para_end == -1 else para_end].strip() in (
                "", "”", '"', "’", "»") and ends_sentence
        if not embedded or alone:
            # "Mayor Rosa Diaz was less certain. “I have heard promises before.”": the person
            # the sentence right before the quote is about, not the speaker quoted before
            sp = self._narrated_subject(q)
            if sp:
                return sp
        # (a short quote that is a paragraph of its own, "“The fleet is ready.”", too)
        if previous is not None and prev_para is not None and \
                self.text.count("\n\n", prev_para, q.start) <= 1 and (not embedded or alone):
            return previous
        if previous is not None and prev_para is not None and para_start <= prev_para:
            return previous
        # a quote paragraph after a paragraph or two of narration about the same speaker
        # ("Fox's unit has held … He would not give numbers. ¶ “What I can tell you …”")
        if previous is not None and prev_para is not None and not embedded and \
                self.text[para_start + 1:q.start].strip() in ("", "“", '"', "‘", "«") and \
                self.text.count("\n\n", prev_para, q.start) <= 3 and \
                previous.label == "PERSON" and self._narrated(previous, prev_para, q.start):
            return previous
        return None

    def _narrated_subject(self, q: QuoteSpan) -> Speaker | None:
        """The named person who is the subject of the sentence right before a quote that has
        no reporting verb of its own (in the quote's paragraph, or closing the paragraph before
        when the quote opens its own), when that sentence quotes nobody."""
        text = self.text
        lead = text[:q.start].rstrip(" \"'“‘«")
        if not lead or lead[-1] not in ".!?\n":
            return None
        if lead.endswith("\n"):
            lead = lead.rstrip()
            if text.count("\n", len(lead), q.start) > 2 or not lead or lead[-1] not in ".!?":
                return None
        first = _tokens(self.doc, len(lead) - 1, len(lead))
        if first is None:
            return None
        sent = first[0].sent
        if sent.end_char > q.start or self.in_quote(sent.start_char, sent.end_char) > 0 or \
                any(t.text in ('"', "“", "”", ":") for t in sent):
            return None
        root = sent.root
        if root.pos_ not in ("VERB", "AUX") or root.lemma_ in cues.SPEECH_VERBS:
            return None
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ == "PRON" and subj.lower_ not in cues.PRONOUNS_PERSON:
            return None
        sp = self.resolver.resolve(subj)
        if sp is None or sp.generic or sp.label != "PERSON" or not sp.name[:1].isupper():
            return None
        return sp

    def _continued(self, q: QuoteSpan, depth: int) -> Speaker | None:
        """The speaker of the quote that continues an unclosed one in the next paragraph
        (news style repeats the opening mark and closes only the last paragraph)."""
        if q.close_mark or not q.open_mark or depth >= 4:
            return None
        text = self.text
        para_end = text.find("\n", q.end)
        if para_end == -1 or text[q.end:para_end].strip():
            return None
        k = bisect_left(self._starts, q.end)
        if k >= len(self.marks):
            return None
        nxt = self.marks[k]
        if not nxt.open_mark or text[para_end:nxt.start - 1].strip():
            return None
        return self.attribute(nxt, None, None, depth + 1)

    def _colon_lead(self, before: list[Token]) -> Speaker | None:
        """A quote after a colon that closes a clause with no speech verb: "In the words of
        X: «…»" is X's; "A spokeswoman, Y, put it more bluntly: “…”" is the clause subject's."""
        if not before or before[-1].text != ":":
            return None
        for tok in before:
            if tok.lower_ == "words" and tok.i + 1 < len(tok.doc) and \
                    tok.doc[tok.i + 1].lower_ == "of":
                objs = [g for g in tok.doc[tok.i + 1].children if g.dep_ == "pobj"]
                if objs:
                    sp = self.resolver.resolve(objs[0])
                    if sp and not sp.generic:
                        return sp
        ids = {t.i for t in before}
        for verb in reversed([t for t in before if t.pos_ in ("VERB", "AUX")]):
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.i not in ids:
                continue
            if subj.pos_ == "PRON" and subj.lower_ not in cues.PRONOUNS_PERSON:
                return None
            sp = self.resolver.resolve(subj)
            return sp if sp and not sp.generic and sp.label in ("PERSON", "ORG") else None
        line = [t for t in before[:-1] if "\n" not in t.text]
        k = len(line)
        while k > 0 and "\n" not in line[k - 1].text_with_ws:
            k -= 1
        label = [t for t in line[k:] if not t.is_punct]
        if label and len(label) <= 4 and label[-1].lower_ in cues.ROLE_NOUNS and \
                all(t.is_title or t.is_upper for t in label):
            # "- Foreign Secretary: “…”" in a release's summary: the holder of that office
            # the text names (before or after)
            cls, keys = role_keys([t.text for t in label])
            table = self.resolver.table

            def holder(r) -> bool:
                return r.label == "PERSON" and r.name[:1].isupper() and \
                    r.role_class == cls and keys <= r.role_keys
            found = table.latest(label[0].idx, holder) or \
                table.ahead(label[0].idx, label[0].idx + 3000, holder) if cls else None
            return Speaker(found.name, "PERSON") if found is not None else None
        return None

    def _colon_paragraph(self, q: QuoteSpan) -> Speaker | None:
        """The speaker of a line that ends with a colon and introduces the quote paragraph
        after it ("X said:\n\n“…”"), as press releases and transcripts print them."""
        lead = self.text[:q.start].rstrip(" \"'“‘«")
        if not lead.endswith("\n"):
            return None
        lead = lead.rstrip()
        if not lead.endswith(":"):
            return None
        colon = len(lead) - 1
        line = self.text.rfind("\n", 0, colon) + 1
        span = _tokens(self.doc, line, colon)
        if span is None or len(span) > 40:
            return None
        for tok in reversed(list(span)):
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_ in cues.SPEECH_VERBS:
                sp = self._from_verb(tok, q)
                if sp:
                    return sp
        return None

    def _narrated(self, speaker: Speaker, start: int, end: int) -> bool:
        """Whether the narration between two quotes keeps to `speaker` (a pronoun or the name
        as the last person mentioned)."""
        record = self.resolver.table.latest(end, lambda r: r.label == "PERSON")
        if record is not None and record.name == speaker.name:
            return True
        span = _tokens(self.doc, start, end)
        return span is not None and record is None and any(
            t.lower_ in cues.PRONOUNS_PERSON for t in span)

    # ---- reported speech --------------------------------------------------------------------
    def reported(self) -> list[tuple[int, int, Token, bool]]:
        """(start, end, subject-or-according token, is_according) of reported clauses."""
        out = []
        doc = self.doc
        index = doc_index(doc)
        cue_ids = sorted(set(index.with_lower(_ACCORDING)) |
                         set(index.with_lemma(cues.REPORTING_VERBS)))
        for i in cue_ids:
            tok = doc[i]
            if tok.dep_ == "ROOT" and tok.sent.start > 0:
                agent = passive_this_agent(tok.sent)
                if agent is not None:
                    # "This was reported by X.": the sentence before is X's
                    prev = doc[tok.sent.start - 1].sent
                    span = self._clause([t for t in prev if not t.is_space])
                    if span:
                        out.append((*span, agent, True))
                    continue
            if tok.lower_ == "according" and tok.head is not tok:
                obj = according_to(tok.head) if according_to(tok.head) is not None else None
                if obj is None:
                    continue
                if obj.lower_ in cues.GENERIC_SOURCES:
                    # "according to the data of X", "… to an estimate by X": X's report
                    owner = next((g for c in obj.children if c.dep_ in ("prep", "agent") and
                                  c.lower_ in ("of", "by") for g in c.children
                                  if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")), None)
                    obj = owner if owner is not None else obj
                # into the entity table now, so a later "the agency" or "it said" finds it
                self.resolver.resolve(obj, owner_of_source=True)
                head = tok.head
                if head.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and \
                        head.head.pos_ in ("VERB", "AUX") and head.head.i < tok.i and not any(
                        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
                    head = head.head    # "X, pulled back in May, have returned, according
                    #                     to Y": the verbs share X, so the claim is both
                sub = list(head.subtree)
                acc = list(tok.subtree)
                a0, a1 = acc[0].i, acc[-1].i
                first = sub[0].i
                labels = [t.i for t in sub if t.i < a0 and t.text == ":"]
                if labels:
                    first = labels[-1] + 1          # "Details: According to X, …"
                if head.i > a1 and head.lemma_ in cues.REPORTING_VERBS and \
                        any(c.dep_ in ("nsubj", "nsubjpass") and c.i < a0
                            for c in head.children) and _complement(head) is not None:
                    continue        # "X, according to Y, believes CLAUSE": X's report, relayed
                if head.i < a0 and head.lemma_ in cues.SPEECH_VERBS and any(
                        c.dep_ == "nsubj" for c in head.children) and any(
                        c.dep_ in ("ccomp", "parataxis") and c.i < head.i and
                        self.in_quote(c.idx, c.idx + 1) > 0 for c in head.children):
                    continue        # "“…,” X told reporters, according to Y": a direct quote
                if a0 <= first + 1:
                    toks = [t for t in sub if t.i > a1]
                elif head.i > a1 and not any(t.pos_ in ("VERB", "AUX") for t in sub
                                             if first <= t.i < a0) and any(
                        t.is_alpha and t.lower_ != "that" for t in sub if first <= t.i < a0):
                    # "By late January, according to X, they had gone": the claim is the
                    # clause after the phrase (the words before it only set the time)
                    toks = [t for t in sub if t.i > a1]
                else:
                    toks = [t for t in sub if t.i < a0]
                if head.i > a1 and head.head is not head and any(
                        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "who")
                        for c in head.children):
                    # "According to X, which has interviewed them, CLAUSE": the relative
                    # clause is about X; the report is the clause the parser put above it
                    rel_end = max(t.i for t in head.subtree)
                    toks = [t for t in head.head.subtree if t.i > rel_end]
                span = self._clause(toks)
                if span:
                    out.append((*span, obj, True))
                continue
            if (tok.pos_ != "VERB" and not _verb_tagged_noun(tok)) or \
                    tok.lemma_ not in cues.REPORTING_VERBS:
                continue
            if any(c.dep_ == "neg" for c in tok.children):
                continue
            if tok.tag_ == "VBG" and tok.dep_ == "advcl" and tok.lemma_ in _BELIEF_VERBS:
                continue    # "…, believing they were going on an exercise": no claim of its own
            if tok.tag_ == "VBG" and tok.dep_ == "advcl" and tok.lemma_ == "suggest" \
                    and doc[tok.i - 1].text == ",":
                continue    # "X said …, suggesting the force had been withdrawn": what the
                #             writer infers from the report, not a claim of X's
            if tok.tag_ == "VBG" and (tok.dep_ in ("xcomp", "dobj", "csubj") or
                                      tok.dep_ == "pcomp" and tok.head.lower_ == "without") and \
                    not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                continue    # "doing so would mean admitting that …", "without admitting …":
                #             a gerund, nobody's claim
            if tok.dep_ == "acl" and tok.head.lemma_ in cues.GENERIC_SOURCES:
                continue
            if is_heading(self.text, tok.idx):
                continue
            clause = _complement(tok)
            inverted = None
            if clause is None:
                inverted = _inverted_head(tok)
                if inverted is None:
                    trailing = _trailing_report(tok)
                    if trailing is not None:
                        span = self._clause(trailing[0])
                        if span and trailing[1].lower_ not in ("i", "we"):
                            out.append((*span, trailing[1], False))
                    continue
            if tok.dep_ == "relcl" and not _relative_speaker(tok):
                continue
            if tok.lemma_ == "declare" and clause is not None and clause.i > tok.i and \
                    clause.tag_ in ("VBN", "VBD") and _that_mark(clause) is None and not any(
                    c.dep_ in ("aux", "auxpass") for c in clause.children):
                continue            # "declared the region liberated": a verdict, no clause
            subj = self._speaking_subject(tok)
            target = clause if clause is not None else inverted
            if subj is None or clause is not None and \
                    target.left_edge.i <= subj.i <= target.right_edge.i and not (
                        _that_mark(target) is not None and subj.i < _that_mark(target).i):
                continue            # (a citing phrase before the clause's "that" is outside)
            if subj.lower_ in ("i", "we"):
                continue            # "I'd note that ...": the speaker's own words, no report
            if subj.dep_ == "nsubjpass" and subj.head.i == tok.i and \
                    tok.lemma_ in _HEARER_VERBS:
                continue            # "he had been told he was going …": the one told
            if subj.lower_ in cues.DOCUMENT_NOUNS and tok.lemma_ not in _DOCUMENT_SAYS:
                continue            # "documents indicate that …" is evidence, not a quote
            if any(c.dep_ == "auxpass" for c in tok.children) and \
                    any(c.dep_ == "agent" for c in tok.children):
                continue            # "It is assessed by the Ministry that …": a claim, no quote
            if any(c.lower_ == "what" and c.dep_ in ("dobj", "nsubj") for c in tok.children):
                continue            # "video of what they say are troops": no claim reported
            if clause is not None:
                toks = _without_participles(clause)
                end = max(t.i for t in toks) if toks else clause.i
                for reason in tok.children:
                    # "… say they are frightened, because … could be punished": the reason
                    # the parser hung on the reporting verb is the clause's own
                    if reason.dep_ == "advcl" and reason.i > end and clause.i > tok.i and \
                            any(c.dep_ == "mark" and c.lower_ in _REASON_MARKS
                                for c in reason.children) and \
                            all(t.is_punct for t in doc[end + 1:reason.left_edge.i]):
                        toks = toks + list(reason.subtree)
                    elif reason.dep_ == "conj" and reason.i > end and clause.i > tok.i and \
                            _that_mark(reason) is not None and \
                            reason.lemma_ not in cues.REPORTING_VERBS:
                        # "said the US could not confirm the reports, but that if true they
                        # would mark …": a second "that"-clause the parser hung on the verb
                        last = max(t.i for t in reason.subtree)
                        toks = toks + [t for t in doc[end + 1:last + 1]]
                    elif reason.dep_ == "ccomp" and reason.i > end and clause.i > tok.i and \
                            reason.left_edge.i == end + 1 and reason.pos_ == "VERB" and \
                            not any(c.dep_ in ("nsubj", "nsubjpass", "mark")
                                    for c in reason.children) and \
                            clause.tag_ in ("VBD", "VBN") and not any(
                                c.dep_ in ("aux", "auxpass", "dobj") for c in clause.children):
                        # "told X that intelligence shared with the bloc pointed to …": the
                        # participle taken for the clause's verb, the verb for a second clause
                        toks = toks + list(reason.subtree)
                if clause.i == tok.head.i and clause.i > tok.i:
                    mark = _that_mark(clause)   # the misparsed "X reported, …, that CLAUSE"
                    toks = [t for t in toks if t.i > mark.i]
                if clause.i < tok.i:
                    toks = [t for t in toks if t.i < tok.i]
                    if any(t.text in (":", ";") for t in doc[toks[-1].i + 1:tok.i]) if toks \
                            else False:
                        continue    # "His boss has been candid: X said …" is no inverted quote
                span = self._clause(toks, inverted=clause.i < tok.i)
                if span:
                    out.append((*span, subj, False))
                    self._cue[span] = tok.lemma_
                    if any(c.lower_ == "according" for c in tok.children):
                        self._relayed.add(span)     # a belief someone reports is a claim
                if clause.i < tok.i:
                    out.extend((*span, subj, False) for span in self._pronoun_conjuncts(tok))
                    for more in tok.children:
                        # "CLAUSE, the officer said; now they advance …": a second claim
                        # after the semicolon, the same speaker's
                        if more.dep_ == "ccomp" and more.i > tok.i and \
                                more.pos_ in ("VERB", "AUX") and any(
                                    t.text == ";" for t in doc[tok.i + 1:more.left_edge.i]):
                            span = self._clause(list(more.subtree))
                            if span:
                                out.append((*span, subj, False))
                continue
            # "CLAUSE, X said, ..." / "As X said, CLAUSE" / "Of them, it said, CLAUSE"
            own = {t.i for t in tok.subtree}
            subjects = [c for c in tok.children if c.dep_ == "nsubj"]
            moved = len(subjects) == 2 and subjects[0].i < tok.i < subjects[1].i and \
                doc[tok.i - 1].text == ","
            if moved:
                # "The boats, says Berg, are …" with both nouns taken for the verb's subjects:
                # the first is the clause's
                own -= {t.i for t in subjects[0].subtree} | {tok.i - 1}
            first_own = min(own)
            toks = [t for t in inverted.subtree if t.i not in own]
            quoted_head = self.in_quote(inverted.idx, inverted.idx + 1) > 0 and \
                not self.in_quote(tok.idx, tok.idx + 1) and any(
                    c.dep_ == "ccomp" and c.i < first_own for c in inverted.children)
            if quoted_head:
                # "CLAUSE, he said, “…”" with the quote taken for the sentence's root: the
                # report is the clause before the attribution
                toks = [t for t in toks if t.i < first_own]
            elif inverted.i > first_own and not moved and not any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.i < first_own
                    for c in inverted.children):
                toks = [t for t in toks if t.i > max(own)]   # "Of them, it said, most …"
            if inverted.i < first_own:
                toks = [t for t in toks if t.i < first_own]
                out.extend((*span, subj, False)
                           for span in self._pronoun_conjuncts(inverted, first_own))
                for conj in tok.children:
                    # "CLAUSE, the person said, and would probably be …": the parser hung the
                    # clause's second verb on the attribution; it shares the clause's subject
                    if conj.dep_ == "conj" and conj.i > tok.i and \
                            conj.pos_ in ("VERB", "AUX") and \
                            conj.lemma_ not in cues.REPORTING_VERBS and \
                            any(c.dep_ in ("aux", "auxpass") for c in conj.children) and \
                            not any(c.dep_ in ("nsubj", "nsubjpass", "expl")
                                    for c in conj.children):
                        span = self._clause(list(conj.subtree))
                        if span:
                            out.append((*span, subj, False))
            span = self._clause(toks)
            if span:
                out.append((*span, subj, False))
        return out

    def _speaking_subject(self, verb: Token) -> Token | None:
        """The subject that speaks: "the NIS was quoted as saying" (the one quoted); "…
        soldiers had been killed, and warned that …" (past the clause's own subject to the
        speaker's); "Yonhap, citing lawmakers briefed by the NIS, said" (the origin)."""
        first = _first_to_say(verb)
        if first is not None:
            return first    # "Austin was the first senior U.S. official to say …"
        if _verb_tagged_noun(verb):
            # "South Korean intelligence estimates about 3,000 …": the noun before speaks
            subj = next((c for c in verb.children if c.dep_ in ("compound", "nmod", "nsubj")
                         and c.i < verb.i), None)
            if subj is not None:
                speaker = self.resolver.resolve(subj)
                if speaker is None or speaker.generic:    # "Polish intelligence": Poland's
                    speaker = self.resolver.resolve(subj, owner_of_source=True)
                self._resolved[subj.i] = speaker
            return subj
        if verb.lemma_ == "quote" and any(c.dep_ == "auxpass" for c in verb.children):
            for child in verb.children:
                if child.dep_ == "nsubjpass":
                    return child
        reporter = _reporter_of_participle(verb) or _reporter_of_conjunct(verb)
        if reporter is not None:
            # "X said Y had sent 10,000 troops, adding that …": X adds, not Y ("…, and
            # stresses that …" too)
            return self._speaking_subject(reporter)
        found = subjects_of(verb)
        if _misparsed_upper(verb) is not None:
            # "X reported, citing sources, that …" parsed upside down: the citing is X's
            origin = cited_by(verb.head, found[0] if found else None)
        elif any(c.dep_ == "ccomp" and c.i < verb.i and _misparsed_upper(c) is not None
                 for c in verb.children):
            origin = None
        else:
            origin = cited_by(verb, found[0] if found else None)
            sibling = _that_sibling(verb) if origin is None else None
            if sibling is not None:     # "X reported, citing Y, that …" hung beside
                origin = cited_by(sibling)
        if origin is not None:
            speaker = self.resolver.resolve(origin, owner_of_source=True)
            if speaker is not None and not speaker.generic:
                return origin
        for subj in found:
            speaker = self.resolver.resolve(subj)
            self._resolved[subj.i] = speaker
            if speaker is not None and not speaker.generic:
                return subj
        if found:
            return found[0]
        set_off = _set_off_subject(verb)
        if set_off is not None:
            return set_off      # "X, asked about the reports, said …"
        for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i and
                       c.lemma_ in cues.SPEECH_VERBS and verb.doc[verb.i - 1].text == ","):
            # "South Korea's spy agency confirms capture, says one soldier …": the subject
            # the two verbs share (headline style)
            shared = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if shared is not None:
                return shared
        for clause in (c for c in verb.children if c.dep_ in ("ccomp", "advcl") and
                       c.i < verb.i):
            # "the older man, his jaw bandaged, says …" parsed with the man hung on the
            # absolute phrase: a person set off by a comma before it speaks
            for t in clause.subtree:
                if t.dep_ == "npadvmod" and t.head.i == clause.i and t.i < clause.i and \
                        t.doc[t.right_edge.i + 1].text == "," and (
                            t.lemma_ in cues.GROUP_SPEAKERS or t.ent_type_ == "PERSON"):
                    self._resolved[t.i] = self.resolver.resolve(t)     # in reading order
                    return t
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head    # "The representative of Ukraine, recalling that …, said …"
        # "Seoul, meanwhile, has been telling …": a name the parser did not take for the subject
        return next((c for c in verb.children if c.dep_ == "npadvmod" and c.i < verb.i and
                     c.ent_type_ in ("GPE", "ORG", "PERSON", "NORP")), None)

    def _pronoun_conjuncts(self, head: Token, after: int | None = None
                           ) -> list[tuple[int, int]]:
        """"CLAUSE, X said, and he would rather …": a conjunct after an inverted attribution
        whose subject is a personal pronoun is a second claim of the same speaker."""
        out = []
        after = head.i if after is None else after
        for conj in head.children:
            subjects = [c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
            if conj.dep_ == "conj" and conj.i > after and conj.pos_ in ("VERB", "AUX") and (
                    any(c.lower_ in cues.PRONOUNS_PERSON | {"they"} for c in subjects) or
                    not subjects and conj.tag_ != "VBG"):
                # ("…, the person said, and would probably be drawn from …": the clause's
                # subject shared)
                span = self._clause(list(conj.subtree))
                if span:
                    out.append(span)
        return out

    def _clause(self, toks: list[Token], inverted: bool = False) -> tuple[int, int] | None:
        # in reading order: a subtree the parser made non-projective ("soldiers were in
        # Kursk, most of them from …" with "most" on "soldiers") yields its words out of order
        toks = sorted(toks, key=lambda t: t.i)
        # drop a leading "Details:" label and an "according to X," at either edge
        for i, t in enumerate(toks[:4]):
            if t.text == ":" and i <= 3:
                toks = toks[i + 1:]
                break
        acc = [t for t in toks if t.lower_ == "according"]
        if acc:
            sub = list(acc[0].subtree)
            lo, hi = sub[0].i, sub[-1].i
            if lo - toks[0].i <= 1:
                toks = [t for t in toks if t.i > hi]
            elif toks[-1].i - hi <= 2:
                toks = [t for t in toks if t.i < lo]
        lead = next((t for t in toks[:2] if not t.is_punct), None)
        if lead is not None and lead.tag_ == "VBG" and lead.lemma_ in ("cite", "quote"):
            # "As Yonhap reported, citing the NIS, the spy agency believes …": the citing
            # phrase is the reporter's, not the claim's
            last = max(t.i for t in lead.subtree)
            if last < toks[-1].i - 2:
                toks = [t for t in toks if t.i > last]
        while toks and (toks[0].is_punct or toks[0].is_space or
                        (toks[0].lower_ == "that" and toks[0].dep_ in ("mark", "advmod")) or
                        toks[0].lower_ == "that" and len(toks) > 2 and toks[0].dep_ != "det" and
                        toks[1].pos_ in ("DET", "PROPN", "NOUN", "PRON", "NUM", "ADJ")):
            toks = toks[1:]     # ("told a briefing that the government was …", "that" parsed
            #                     as a pronoun)
        if toks and toks[0].is_upper and in_lead_in(toks[0]):
            toks = _past_lead_in(toks)                        # "WASHINGTON — …"
            while toks and (toks[0].is_punct or toks[0].is_space):
                toks = toks[1:]
        while toks and (toks[-1].is_punct and toks[-1].text not in ("”", "’", '"', "'", ".")
                        or toks[-1].is_space):
            toks = toks[:-1]
        while toks and (toks[-1].text in (".",) or toks[-1].pos_ == "CCONJ"):
            toks = toks[:-1]        # a conjunction left dangling by a cut conjunct ("… and")
        if toks and toks[0].lower_ in _QUESTION_WORDS and _asks(toks):
            return None         # "would not say how many …", "asked whether …": no claim
        # a trailing appositive the writer added (", a fortune in a rural province …")
        ids = {t.i for t in toks}
        for t in toks[3:]:
            if t.pos_ not in ("NOUN", "PROPN") and not (t.pos_ == "ADJ" and t.dep_ == "appos" and
                                                       any(c.dep_ == "det" for c in t.children)) \
                    or t.head.i not in ids:
                continue            # ("…, the first to be taken alive": an adjective's too)
            if t.dep_ != "appos" and not (t.dep_ == "dobj" and any(
                    c.dep_ == "dobj" and c.i < t.i for c in t.head.children)) and not (
                    t.dep_ == "npadvmod" and any(c.dep_ == "det" for c in t.children) and
                    any(c.dep_ == "relcl" and c.i > t.i for c in t.children)):
                continue            # a second object after a comma is an appositive too, and
                #                     so is "…, the first time X has …" taken for an adverb
            left = t.left_edge.i
            if t.doc[left - 1].text == "," and left - 1 > toks[2].i and not self.in_quote(
                    t.left_edge.idx, t.right_edge.idx + len(t.right_edge)) and \
                    all(u.i in ids for u in t.subtree) and t.right_edge.i >= toks[-1].i - 1:
                toks = [u for u in toks if u.i < left - 1]
                break
        if len(toks) < 3:
            return None
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if "\n\n" in self.text[start:end]:
            return None
        # a clause that is nothing but a direct quote is that quote ("said that ‘…’"); one
        # with words of its own around the quote is reported speech as well ("the deployment
        # was “a deliberate escalation”")
        quoted = self._near(start, end)
        if quoted and not any(t.is_alpha and not any(q.start <= t.idx < q.end for q in quoted)
                              for t in toks):
            return None
        share = self.in_quote(start, end)
        if share > 0.9:
            return None
        closing = [q for q in quoted if start <= q.start and abs(q.end - end) <= 2]
        ids = {t.i for t in toks}
        heads = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
        own_head = bool(heads) and not closing or bool(heads) and heads[0].idx < closing[-1].start \
            and heads[0].pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") and c.idx < closing[-1].start
                for c in heads[0].children)
        if closing and share > 0.4 and not own_head and (
                inverted or _full_clause(self.doc, closing[-1])):
            # "‘…’, the spokesperson added" and "that if …, ‘it is a sign of …’": the quoted
            # sentence is the statement; the clause is that direct quote
            return None
        return start, end

    # ---- everything -------------------------------------------------------------------------
    def run(self) -> list[Quote]:
        items: list[tuple[int, str, object]] = [(q.start, "direct", q) for q in self.marks]
        reported = self.reported()
        by_verb = {(s, e) for s, e, _, acc in reported if not acc}
        thought = [(s, e) for s, e, subj, acc in reported
                   if not acc and self._cue.get((s, e)) in cues.COGNITIVE_VERBS
                   and self._resolved.get(subj.i) is not None
                   and not self._resolved[subj.i].generic
                   and self._resolved[subj.i].name[:1].isupper()]
        # ("an official said the government believed …": an unnamed body's belief is the
        # official's report, not a claim of its own)
        unnamed = {(s, e) for s, e, subj, acc in reported
                   if not acc and self._cue.get((s, e)) in _BELIEF_VERBS
                   and self._resolved.get(subj.i) is not None
                   and not self._resolved[subj.i].name[:1].isupper()}
        # "Park, a lawmaker, said the NIS believed …": the belief is what the named person
        # reported (an outlet's "Yonhap said the NIS estimated" stays the agency's)
        told_by: dict[tuple[int, int], Speaker] = {}
        for s, e, subj, acc in reported:
            outer = None if acc else self._resolved.get(subj.i)
            if outer is None or outer.generic or outer.label != "PERSON" or \
                    not all(w[:1].isupper() for w in outer.name.split()):   # ("the lawmaker")
                continue
            for s2, e2 in thought:
                if (s2, e2) != (s, e) and s <= s2 and e2 <= e:
                    told_by[(s2, e2)] = outer
        seen: set[tuple[int, int]] = set()
        for s, e, subj, acc in reported:
            if any((s2, e2) != (s, e) and s <= s2 and e2 <= e for s2, e2 in thought):
                continue            # "Yonhap said the NIS estimated that …": the estimate only
            if not acc and self._cue.get((s, e)) in _BELIEF_VERBS and \
                    (s, e) not in self._relayed and (not any(
                    (s2, e2) != (s, e) and s2 <= s and e <= e2 for s2, e2, _, _ in reported)
                    or (s, e) in unnamed):
                continue            # "Some analysts believe …": a belief alone is no quote
            if (s, e) in seen or acc and (s, e) in by_verb:
                continue            # "X told lawmakers that …, according to Y": one quote, X's
            if acc and subj.idx > e and any(s <= s2 and e2 <= e and (s2, e2) != (s, e)
                                          for s2, e2 in by_verb):
                continue            # a trailing "according to Y" only relays X's report
            seen.add((s, e))
            items.append((s, "reported", (s, e, subj, acc)))
        items.sort(key=lambda x: (x[0], x[1]))
        # a quoted call sign is a name, not words said ("the drone operator known as “Tikhiy”")
        signs = {start for start, _ in call_sign_spans(self.doc)}
        quotes: list[Quote] = []
        previous: Speaker | None = None
        prev_pos: int | None = None
        for _pos, kind, payload in items:
            try:
                if kind == "direct":
                    q = payload
                    span = _tokens(self.doc, q.start, q.end)
                    if span is not None and _mention_not_speech(span) or q.start in signs:
                        continue
                    speaker = self.attribute(q, previous, prev_pos)
                    start, end = q.start, q.end
                    text = _clean(self.text[start:end])
                    end = start + len(text) if text else end
                else:
                    start, end, subj, acc = payload
                    if (start, end) in told_by:
                        speaker = told_by[(start, end)]
                    elif not acc and subj.i in self._resolved:
                        speaker = self._resolved[subj.i]     # resolved when it was found
                    else:
                        speaker = self.resolver.resolve(subj, owner_of_source=acc)
                    if speaker is not None and speaker.generic and not acc and \
                            subj.lemma_ in _OWN_TEXTS and subj.head.lemma_ in _DOCUMENT_SAYS:
                        speaker = previous  # "The statement warned that …": its issuer's
                    if speaker is None or speaker.generic:
                        continue
                    if not acc and subj.lower_ in cues.PRONOUNS_PERSON | cues.PRONOUNS_GROUP \
                            and subj.idx < start and any(
                            o.kind == "reported" and o.speaker == speaker.name and
                            o.start <= subj.idx and end <= o.end for o in quotes[-3:]):
                        continue    # "The agency said it had confirmed that …": the same
                        #             speaker's report, already the outer clause
                    text = self.text[start:end]
            except Exception:  # one odd passage must not lose the article
                log.warning("quote at %d could not be attributed", _pos, exc_info=True)
                continue
            if not text:
                continue
            sent = _tokens(self.doc, start, end)
            sentence = self._sentence(start, end, sent)
            quotes.append(Quote(
                speaker=speaker.name if speaker else None, text=text, kind=kind,
                sentence=sentence, start=start, end=end,
                speaker_label=speaker.label if speaker else None))
            if speaker is not None:
                previous, prev_pos = speaker, end
        return quotes

    def _sentence(self, start: int, end: int, span: Span | None) -> str:
        if span is None:
            return self.text[start:end]
        s = span[0].sent.start_char
        e = span[-1].sent.end_char
        return self.text[min(s, start):max(e, end)].strip()


@Language.component("sitrep_quotes")
def sitrep_quotes(doc: Doc) -> Doc:
    """Direct quotes and reported speech with speakers (Doc._.sitrep_quotes)."""
    doc._.sitrep_quotes = QuoteFinder(doc).run()
    return doc
