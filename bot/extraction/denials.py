"""The sitrep_denials component: denials and dismissals of troop reports (Doc._.sitrep_denials).

"North Korea denies sending troops" (denial), "the Kremlin dismissed reports as 'fake news'"
(dismissal). A negated verb ("did not deny") is no denial.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from bot.extraction.attribution import Resolver, subjects_of
from bot.extraction.docindex import doc_index
from bot.extraction.entities import build_table
from bot.extraction.names import canonical_country
from bot.extraction.types import Denial

if not Doc.has_extension("sitrep_denials"):
    Doc.set_extension("sitrep_denials", default=None)

DENIAL_VERBS = {"deny": "denial", "refute": "denial", "reject": "dismissal",
                "dismiss": "dismissal", "brush": "dismissal", "ridicule": "dismissal"}
_DENIAL_LEMMAS = frozenset(DENIAL_VERBS)
_TOPIC = {"report", "reports", "claim", "claims", "troop", "troops", "soldier", "soldiers",
          "deployment", "sending", "send", "presence", "assessment", "allegation",
          "allegations", "involvement", "personnel", "information", "it", "them", "this"}


@Language.component("sitrep_denials")
def sitrep_denials(doc: Doc) -> Doc:
    if doc._.sitrep_entities is None:
        doc._.sitrep_entities = build_table(doc)
    resolver = doc._.sitrep_resolver or Resolver(doc._.sitrep_entities)
    out: list[Denial] = []
    for i in doc_index(doc).with_lemma(_DENIAL_LEMMAS):
        tok = doc[i]
        kind = DENIAL_VERBS.get(tok.lemma_)
        if kind is None or tok.pos_ != "VERB":
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        objects = [t for c in tok.children if c.dep_ in ("dobj", "xcomp", "ccomp", "pcomp")
                   for t in c.subtree]
        if not any(t.lemma_.lower() in _TOPIC or t.lower_ in _TOPIC for t in objects):
            continue
        speaker = None
        for subj in subjects_of(tok):
            speaker = resolver.resolve(subj)
            if speaker and not speaker.generic:
                break
            speaker = None
        force = "North Korea"
        for t in objects:
            country = canonical_country(t.text) if t.ent_type_ == "NORP" and \
                t.dep_ in ("amod", "compound") else None
            if country and country != (speaker.name if speaker else None):
                force = country
                break
        sent = tok.sent
        words = list(tok.subtree)
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        out.append(Denial(
            denied_by=speaker.name if speaker else None, force=force, kind=kind,
            text=doc_index(doc).text[start:end], stated_on=doc._.sitrep_published,
            sentence=sent.text.strip(), start=start, end=end))
    doc._.sitrep_denials = out
    doc._.sitrep_index = None        # the last sitrep component: drop the shared arrays
    return doc
