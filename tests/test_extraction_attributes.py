"""sitrep_attributes gives every token exactly what spaCy's attribute_ruler + lemmatizer give."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from bot.extraction import attributes, pipeline  # noqa: F401  (registers sitrep_paragraphs)
from bot.extraction.model import MODEL_NAME

ROOT = Path(__file__).parent.parent
ODD = [
    "", "   ", "\n\n", "x",
    "They're gon na say there is no way, y'all. I ain't sure they'd gotta go; let's see.",
    "C'mon, it's nothin' — 'em folks doin' fine. I'd have said so. Won't, can't, shan't.",
    "Gets got GOT gets. Being been had had. There are 3,000 troops; there were more.",
    "“Quote,” he said. «Guillemets» and ‘single’ marks.\t\tTabs  and  spaces \n\n end",
]


def _state(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_,
             t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def reference():
    """The model as spaCy ships it, with sitrep's paragraph rule (it changes the parse)."""
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("sitrep_paragraphs", before="parser")
    return nlp


def test_same_tokens_as_the_model_on_news_and_odd_text(extractor, reference):
    assert "sitrep_attributes" in extractor.nlp.pipe_names
    assert {"attribute_ruler", "lemmatizer"} <= set(extractor.nlp.disabled)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8")
              for p in sorted((ROOT / "tests/gold/dev").glob("*.txt"))[:8]]
    texts += ODD
    fast = extractor.nlp.pipe(texts)
    slow = reference.pipe(texts)
    tokens = 0
    for text, got, want in zip(texts, fast, slow, strict=True):
        got_state, want_state = _state(got), _state(want)
        tokens += len(want_state)
        for g, w in zip(got_state, want_state, strict=True):
            assert g == w, f"{text[:40]!r}: {g} != {w}"
    assert tokens > 5000
    # the two-token patterns of the model fired: "gon na" -> go/to, "there is" -> VERB
    odd = extractor.nlp(ODD[4])
    assert [t.lemma_ for t in odd[2:4]] == ["go", "to"]
    assert odd[7].pos_ == reference(ODD[4])[7].pos_


def test_patterns_it_cannot_evaluate_leave_the_pipeline_alone():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "north"}, {"LOWER": "korea", "OP": "?"}]], {"POS": "PROPN"})
    before = list(nlp.pipe_names)
    assert attributes.install(nlp) is False
    assert nlp.pipe_names == before and not nlp.disabled


def test_a_blank_pipeline_without_a_ruler_is_left_alone():
    nlp = spacy.blank("en")
    assert attributes.install(nlp) is False
    assert nlp.pipe_names == []


def test_install_is_idempotent(extractor):
    names = list(extractor.nlp.pipe_names)
    assert attributes.install(extractor.nlp) is True
    assert extractor.nlp.pipe_names == names
