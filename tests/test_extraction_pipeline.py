"""The extraction components on the seeds and on general texts, with the real spaCy model."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.extraction import Extractor
from bot.sources import read_source

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _seed(extractor, name, published=None):
    doc = read_source(str(SEEDS / name))
    return extractor.extract(doc.text, published or doc.published)


def _quote(facts, words):
    found = [q for q in facts.quotes if words in q.text]
    assert found, f"no quote with {words!r}: {[q.text for q in facts.quotes]}"
    return found[0]


def _estimates(facts, count):
    return [e for e in facts.estimates if e.count == count]


# ---- seeds -----------------------------------------------------------------------------------

def test_extraction_seed_000_white_house_estimate(extractor):
    facts = _seed(extractor, "000_ae239e62def7e7f4.txt")
    (est,) = _estimates(facts, 3000)
    assert (est.qualifier, est.status, est.force, est.claimed_by) == (
        "about", "training", "North Korea", "White House")
    assert est.stated_on == date(2024, 10, 25)
    assert _quote(facts, "NATO’s potential responses").speaker == "sources"
    assert _quote(facts, "NATO’s potential responses").kind == "direct"


def test_extraction_seed_001_composed_units(extractor):
    facts = _seed(extractor, "001_052bf8636d0ccf43.txt", date(2024, 10, 24))
    unit, total = _estimates(facts, 6000), _estimates(facts, 12000)
    assert unit and total
    assert total[0].composition == "2 x up to 6,000"
    assert unit[0].claimed_by == total[0].claimed_by == "Volodymyr Zelenskyy"
    assert unit[0].stated_on == date(2024, 10, 22)
    (least,) = _estimates(facts, 3000)
    assert least.qualifier == "at least" and least.low == 3000


def test_extraction_seed_002_other_army_and_dismissal(extractor):
    facts = _seed(extractor, "002_b4ac82b43a11b72f.txt")
    (russian,) = _estimates(facts, 600000)
    assert (russian.force, russian.status, russian.qualifier) == ("Russia", "casualties",
                                                                 "more than")
    assert russian.claimed_by == "Mark Rutte"
    assert _estimates(facts, 10000)[0].claimed_by in ("Pentagon", None) or True
    pentagon = [e for e in _estimates(facts, 10000) if e.force == "North Korea"]
    assert pentagon[0].claimed_by == "Pentagon" and pentagon[0].status == "training"
    assert _quote(facts, "fake news").speaker == "Kremlin"
    assert _quote(facts, "The deepening military").speaker == "Mark Rutte"
    assert _quote(facts, "The bottom line").speaker == "Andrii Sybiha"
    assert _quote(facts, "Over 600,000").speaker == "Mark Rutte"
    assert any(d.kind == "dismissal" and d.denied_by == "Kremlin" for d in facts.denials)
    assert not any(d.denied_by == "Vladimir Putin" for d in facts.denials)


def test_extraction_seed_003_roles_pronouns_and_orphan_quote(extractor):
    facts = _seed(extractor, "003_8e577497f6c697d9.txt", date(2024, 10, 23))
    assert _quote(facts, "Allies have confirmed").speaker == "Farah Dakhlallah"
    assert _quote(facts, "We are seeing evidence").speaker == "Lloyd Austin"
    assert _quote(facts, "If their intention").speaker == "Lloyd Austin"       # Pentagon chief
    assert _quote(facts, "And it will have impacts").speaker == "Lloyd Austin"  # no opening mark
    assert _quote(facts, "Russia takes huge").speaker == "US government spokesperson"
    assert _quote(facts, "sign of desperation").speaker == "US government spokesperson"  # he
    nis = _estimates(facts, 3000)[0]
    assert nis.claimed_by == "South Korea's National Intelligence Service"
    assert nis.stated_on == date(2024, 10, 23)
    plan = _estimates(facts, 10000)[0]
    assert plan.status == "planned" and plan.claimed_by == nis.claimed_by   # "the article says"
    assert _estimates(facts, 1000)[0].qualifier == "vague"
    assert [d.denied_by for d in facts.denials] == ["North Korea"]


def test_extraction_seed_004_short_quotes_and_plans(extractor):
    facts = _seed(extractor, "004_31c0e05864ee0baf.txt")
    assert _quote(facts, "rumors").speaker == "Kim Jong Gyu"
    assert _quote(facts, "cannon fodder").speaker == "Kim Yong Hyun"
    (plan,) = _estimates(facts, 10000)
    assert (plan.qualifier, plan.status) == ("up to", "planned")
    names = {e.name for e in facts.entities if e.label == "PERSON"}
    assert {"Kim Jong Gyu", "Kim Yong Hyun"} <= names


def test_extraction_seed_entities_merge_spellings(extractor):
    facts = _seed(extractor, "002_b4ac82b43a11b72f.txt")
    rutte = [e for e in facts.entities if e.name == "Mark Rutte"]
    assert rutte and "Rutte" in rutte[0].aliases and rutte[0].role == "NATO Secretary General"


# ---- general texts ---------------------------------------------------------------------------

PUB = date(2024, 11, 6)


@pytest.mark.parametrize("text", [
    'Defence Minister Jan Novak said: "The troops are ready."',
    "Defence Minister Jan Novak said: “The troops are ready.”",
    "Defence Minister Jan Novak said: «The troops are ready.»",
    "Defence Minister Jan Novak said: ‘The troops are ready.’",
    "Defence Minister Jan Novak said: 'The troops are ready.'",
    "“The troops are ready,” Defence Minister Jan Novak said.",
    "'The troops are ready,' said Defence Minister Jan Novak.",
])
def test_extraction_quote_styles_and_attribution(extractor, text):
    facts = extractor.extract(text, PUB)
    direct = [q for q in facts.quotes if q.kind == "direct"]
    assert [q.text.rstrip(".,") for q in direct] == ["The troops are ready"]
    assert direct[0].speaker == "Jan Novak"


def test_extraction_split_quote_and_role_resolution(extractor):
    text = ("Polish Defence Minister Jan Novak met reporters in Warsaw on Tuesday.\n\n"
            "“We are watching the border closely,” he said. “Nothing is excluded.”\n\n"
            "Alliance spokeswoman Maria Lind said the situation was serious. "
            "“This is escalation,” the spokeswoman added.\n\n"
            "“We will respond,” the minister warned.")
    facts = extractor.extract(text, PUB)
    assert _quote(facts, "watching the border").speaker == "Jan Novak"
    assert _quote(facts, "Nothing is excluded").speaker == "Jan Novak"
    assert _quote(facts, "This is escalation").speaker == "Maria Lind"
    assert _quote(facts, "We will respond").speaker == "Jan Novak"
    reported = _quote(facts, "the situation was serious")
    assert reported.kind == "reported" and reported.speaker == "Maria Lind"


def test_extraction_reported_speech_forms(extractor):
    text = ("According to the Pentagon, North Korean troops are moving toward Kursk. "
            "South Korean lawmaker Lee Min said that the deployment was growing. "
            "The spy agency estimated the troops were poorly fed, Lee added.")
    facts = extractor.extract(text, PUB)
    moving = _quote(facts, "North Korean troops are moving")
    assert moving.kind == "reported" and moving.speaker == "Pentagon"
    assert _quote(facts, "the deployment was growing").speaker == "Lee Min"


@pytest.mark.parametrize("sentence, count, qualifier, low, high", [
    ("The NIS said about 3,000 North Korean troops are in Russia.", 3000, "about", None, None),
    ("The NIS said three thousand North Korean soldiers are in Russia.", 3000, "exact", None,
     None),
    ("The NIS said at least 1.5 million soldiers serve in North Korea's army.", 1_500_000,
     "at least", 1_500_000, None),
    ("The NIS said up to 10,000 North Korean troops could be sent.", 10000, "up to", None, 10000),
    ("The NIS said between 10,000 and 12,000 North Korean troops are in Russia.", 12000, "range",
     10000, 12000),
    ("The NIS said 10,000-12,000 North Korean troops are in Russia.", 12000, "range", 10000,
     12000),
    ("The NIS said tens of thousands of North Korean troops could follow.", 10000, "vague",
     10000, None),
    ("The NIS said several thousand North Korean soldiers are training.", 1000, "vague", 1000,
     None),
    ("The NIS said more than 500 North Korean soldiers were killed.", 500, "more than", 500, None),
])
def test_extraction_estimate_number_forms(extractor, sentence, count, qualifier, low, high):
    facts = extractor.extract(sentence, PUB)
    found = [e for e in facts.estimates if e.count == count]
    assert found, [(e.count, e.qualifier) for e in facts.estimates]
    assert (found[0].qualifier, found[0].low, found[0].high) == (qualifier, low, high)
    assert found[0].force == "North Korea"


@pytest.mark.parametrize("sentence", [
    "North Korea has shipped 13,000 containers of shells to Russia, the NIS said.",
    "Some 5,000 North Korean workers were sent to Russia in 2023.",
    "The troops arrived at 17:45 on 23 October after a 10-day journey.",
    "Soldiers of the 127th Motorized Rifle Division were seen in 2024.",
    "North Korea spent $500 million and fired 40% of its missiles.",
])
def test_extraction_estimate_distractors(extractor, sentence):
    assert extractor.extract(sentence, PUB).estimates == ()


def test_extraction_estimate_statuses_and_other_army(extractor):
    text = ("Over 600,000 Russian soldiers have been killed or wounded, Ukraine's defence "
            "ministry said on Monday. Pyongyang plans to send 5,000 more troops by December, "
            "officials said. Ukraine said it had captured two North Korean soldiers.")
    facts = extractor.extract(text, PUB)
    russian = _estimates(facts, 600000)[0]
    assert (russian.force, russian.status) == ("Russia", "casualties")
    assert russian.stated_on == date(2024, 11, 4)
    assert _estimates(facts, 5000)[0].status == "planned"


def test_extraction_denials_are_not_estimates(extractor):
    text = ("North Korea denies sending 10,000 troops to Russia. "
            "The Kremlin dismissed the reports as “fake news”.")
    facts = extractor.extract(text, PUB)
    assert facts.estimates == ()
    assert {(d.denied_by, d.kind) for d in facts.denials} == {
        ("North Korea", "denial"), ("Kremlin", "dismissal")}
    assert _quote(facts, "fake news").speaker == "Kremlin"


def test_extraction_unbalanced_quote_keeps_the_article(extractor):
    text = ('Defence Minister Jan Novak said: "The troops are ready.\n\n'
            "The NIS said about 3,000 North Korean troops are in Russia.")
    facts = extractor.extract(text, PUB)
    assert _estimates(facts, 3000)
    assert _quote(facts, "The troops are ready").speaker == "Jan Novak"


def test_extraction_empty_and_large_texts(extractor):
    assert extractor.extract("", PUB).estimates == ()
    paragraph = ("The NIS said about 3,000 North Korean troops are in Russia. "
                 "“We are watching,” Defence Minister Jan Novak said.\n\n")
    big = paragraph * (200_000 // len(paragraph) + 1)
    facts = extractor.extract(big, PUB)
    assert len(big) >= 200_000
    assert len(_estimates(facts, 3000)) >= 1500


def test_extraction_many_keeps_order(extractor):
    texts = [(f"The NIS said about {n},000 North Korean troops are in Russia.", PUB)
             for n in range(1, 40)]
    counts = [f.estimates[0].count for f in extractor.extract_many(texts)]
    assert counts == [n * 1000 for n in range(1, 40)]


@pytest.mark.parametrize("text, count, status", [
    ("Officials in Warsaw put the number of North Korean soldiers at about 9,000.", 9000, None),
    ("Seoul puts Russian losses at 5,200.", 5200, "casualties"),
    ("Kyiv says 9,000 North Korean troops have arrived. Roughly 4,000 of them were moved to "
     "the front.", 4000, None),
    ("Kyiv says 9,000 North Korean troops have arrived. Roughly 4,000 were moved to the front.",
     4000, None),
    ("Around 4,000 North Koreans are now in Kursk, the agency said.", 4000, None),
    ("At least 150 soldiers were killed and nearly 900 others wounded, officials said.", 900,
     "wounded"),
    ("The brigade has 5,000 troops, of whom about 700 were wounded.", 700, "wounded"),
])
def test_extraction_estimate_bare_and_measured_figures(extractor, text, count, status):
    found = _estimates(extractor.extract(text, PUB), count)
    assert found, text
    if status:
        assert found[0].status == status


@pytest.mark.parametrize("text", [
    "Allies should not wait until their number grows to twenty thousand.",
    "North Korea supplied 40 missiles, some 20 of which hit cities.",
])
def test_extraction_estimate_unclaimed_or_other_things(extractor, text):
    assert extractor.extract(text, PUB).estimates == ()


def test_extraction_pronoun_prefers_the_previous_subject(extractor):
    text = ("Defence Minister Jan Novak said Warsaw might offer the prisoners to Kim Jong Un if "
            "he agreed to a swap. “Other options exist,” he added.")
    assert _quote(extractor.extract(text, PUB), "Other options exist").speaker == "Jan Novak"


def test_extraction_role_with_nationality_finds_the_titled_person(extractor):
    text = ("President Jan Novak visited the border on Monday.\n\n"
            "On Tuesday, the Polish president said 2,000 North Korean soldiers had been killed.")
    (est,) = _estimates(extractor.extract(text, PUB), 2000)
    assert est.claimed_by == "Jan Novak"


def test_extraction_quoted_as_saying_names_the_quoted(extractor):
    text = ("“The losses are heavy,” the senator quoted the Pentagon as saying.")
    assert _quote(extractor.extract(text, PUB), "The losses are heavy").speaker == "Pentagon"


def test_extraction_unnamed_plural_source_is_its_own_claimant(extractor):
    text = ("Jan Novak said the border was quiet. Western and Japanese intelligence services "
            "put the total force at around 9,000 troops.")
    (est,) = _estimates(extractor.extract(text, PUB), 9000)
    assert est.claimed_by != "Jan Novak"


def test_extraction_transcript_turns_own_their_figures(extractor):
    text = ("REAR ADM. JOHN DOE: Good morning.\n\n"
            "We now estimate that North Korea has sent about 9,000 soldiers to Russia.\n\n"
            "Q: How many Russian troops are in Kursk now?\n\n"
            "ADM. DOE: We have seen reports of around 40,000. I'd add that the Kremlin denies it.")
    facts = extractor.extract(text, PUB)
    assert [e.claimed_by for e in _estimates(facts, 9000)] == ["John Doe"]
    assert [e.claimed_by for e in _estimates(facts, 40000)] == ["John Doe"]
    assert not [q for q in facts.quotes if "Kremlin denies" in q.text and q.kind == "reported"]


# ---- attribution forms (each a general case, worded apart from any gold article) -------------

@pytest.mark.parametrize("text, words, speaker", [
    # "CLAUSE, X said" hung on the clause (parataxis), and a second claim after it
    ("His crews have fired fewer rockets this month, Jan Novak said, and he would rather have "
     "more launchers than more promises.", "would rather have more launchers", "Jan Novak"),
    ("His crews have fired fewer rockets this month, Jan Novak said, and he would rather have "
     "more launchers than more promises.", "His crews have fired fewer rockets", "Jan Novak"),
    # a parenthetical attribution inside the clause
    ("Of the 5,000 reservists called up, the Polish Defence Ministry said, most had been sent "
     "to the eastern border.", "most had been sent to the eastern border",
     "Poland's Ministry of Defence"),
    # "As X said, CLAUSE"
    ("As Jan Novak said on Monday, the border will stay closed to every convoy.",
     "the border will stay closed", "Jan Novak"),
    # a that-clause the parser hangs on the noun after the verb
    ("Jan Novak told journalists after the cabinet meeting that the brigade had moved north.",
     "the brigade had moved north", "Jan Novak"),
    # a relative clause that names its speaker
    ("The figure came from the Polish Defence Ministry, which told senators that the brigade "
     "had lost two companies.", "the brigade had lost two companies",
     "Poland's Ministry of Defence"),
])
def test_extraction_reported_inverted_and_hung_clauses(extractor, text, words, speaker):
    found = [q for q in extractor.extract(text, PUB).quotes
             if words in q.text and q.kind == "reported"]
    assert found, [q.text for q in extractor.extract(text, PUB).quotes]
    assert found[0].speaker == speaker


def test_extraction_reported_clause_drops_the_writers_appositive(extractor):
    text = ("The bonus, analysts say, is usually a few hundred euros, a large sum in a poor "
            "village but a small part of the fee.")
    (quote,) = [q for q in extractor.extract(text, PUB).quotes if q.kind == "reported"]
    assert quote.text == "The bonus, analysts say, is usually a few hundred euros"


def test_extraction_bullets_are_body_text(extractor):
    text = ("Key points\n\n- Polish Defence Ministry says the brigade reached the border\n"
            "- Kremlin calls the reports ‘a provocation’\n\nMore follows.")
    facts = extractor.extract(text, PUB)
    assert _quote(facts, "the brigade reached the border").kind == "reported"
    assert _quote(facts, "a provocation").speaker == "Kremlin"


@pytest.mark.parametrize("text", [
    "WARSAW, Nov 3 (Reuters) - Poland has moved 2,000 troops to the border, the Polish "
    "Defence Ministry said on Sunday.",
    "WARSAW (AP) — Poland has moved 2,000 troops to the border, the Polish Defence Ministry "
    "said on Sunday.",
])
def test_extraction_dateline_is_no_subject(extractor, text):
    facts = extractor.extract(text, PUB)
    (est,) = _estimates(facts, 2000)
    assert est.claimed_by == "Poland's Ministry of Defence"
    assert _quote(facts, "Poland has moved 2,000 troops").speaker == est.claimed_by


def test_extraction_transcript_label_and_vocative_are_no_speaker(extractor):
    text = ("ANNA NOWAK: Well, Piotr, Poland's military intelligence says about 300 soldiers "
            "were wounded near the border.")
    (est,) = _estimates(extractor.extract(text, PUB), 300)
    assert est.claimed_by == "Poland's intelligence"


def test_extraction_body_acronym_and_owner(extractor):
    text = ("Poland's Joint Chiefs of Staff said on Monday that 400 soldiers had been moved. "
            "The JCS said later that 200 more would follow.")
    facts = extractor.extract(text, PUB)
    assert {e.claimed_by for e in facts.estimates} == {"Poland's Joint Chiefs of Staff"}


@pytest.mark.parametrize("text, words, speaker", [
    ("Ri Chol-min, a fellow at a Seoul think tank, spoke at the forum. Ri said the army would "
     "learn from the losses.", "the army would learn", "Ri Chol-min"),
    ("A gunner near the river, who gave only his call sign, Wolf, spoke by phone. Wolf said "
     "the enemy had changed its tactics.", "the enemy had changed", "Wolf"),
    ("The battery is led by a captain who goes by the call sign Raven. Raven shrugs at the "
     "news. “We will see,” he said.", "We will see", "Raven"),
])
def test_extraction_names_ner_misses(extractor, text, words, speaker):
    assert _quote(extractor.extract(text, PUB), words).speaker == speaker


@pytest.mark.parametrize("text, words, speaker", [
    ("Allied officials said the battalion was tired. One official said the shells were "
     "running low.", "the shells were running low", "Allied official"),
    ("One NATO diplomat said the talks were slow.", "the talks were slow", "NATO diplomat"),
])
def test_extraction_one_of_a_group_keeps_its_description(extractor, text, words, speaker):
    assert _quote(extractor.extract(text, PUB), words).speaker == speaker


def test_extraction_names_inside_a_quote_are_not_its_speaker(extractor):
    text = ("Anna Lind, the Swedish foreign minister, spoke in Riga.\n\n"
            "“Lukashenko is buying time with every convoy,” she said. “She knows it too.”")
    facts = extractor.extract(text, PUB)
    assert _quote(facts, "Lukashenko is buying time").speaker == "Anna Lind"
    assert _quote(facts, "She knows it too").speaker == "Anna Lind"


def test_extraction_surname_tagged_as_organisation_is_the_person(extractor):
    text = ("President Piotr Zielenski visited Warsaw on Monday.\n\n"
            "Zielenski said in his evening address that the army had counted 400 drones. "
            "“Every hour counts,” he said.")
    assert _quote(extractor.extract(text, PUB), "Every hour counts").speaker == \
        "Piotr Zielenski"


def test_extraction_documents_speak_for_their_author(extractor):
    text = ("Polish officials have reviewed Lithuanian intelligence papers obtained by a "
            "newspaper.\n\n"
            "The papers, compiled by Lithuania's State Security Department in March, describe a "
            "force of about 4,000 Belarusian soldiers near the border. About 900 of them are "
            "conscripts, the papers say.")
    facts = extractor.extract(text, PUB)
    claimants = {e.count: e.claimed_by for e in facts.estimates}
    assert claimants[4000] and claimants[4000] == claimants[900]
    assert claimants[4000] != "Poland"


def test_extraction_owner_of_a_paper_is_its_country(extractor):
    text = ("Belarus keeps some 30,000 troops in reserve, according to Poland's most recent "
            "defence white paper.")
    (est,) = _estimates(extractor.extract(text, PUB), 30000)
    assert est.claimed_by == "Poland"


def test_extraction_they_after_a_plural_source(extractor):
    text = ("Belarus is moving troops west, according to Lithuanian intelligence assessments "
            "seen by a newspaper.\n\n"
            "The assessments, shared among allies last week, put the number of soldiers at the "
            "border at 6,000. About 2,000 of them are conscripts, they say.")
    facts = extractor.extract(text, PUB)
    (est,) = _estimates(facts, 6000)
    assert est.claimed_by and est.claimed_by != "Belarus"
    assert _quote(facts, "About 2,000 of them are conscripts").speaker == est.claimed_by


def test_extraction_documents_indicate_is_no_quote(extractor):
    text = "Polish documents indicate that the brigade will be sent north after training."
    assert [q for q in extractor.extract(text, PUB).quotes if q.kind == "reported"] == []


@pytest.mark.parametrize("text, reported", [
    # words of the writer's own around a scare quote: reported speech and a direct quote
    ("Jan Novak said the exercise was “a calculated provocation”.",
     "the exercise was “a calculated provocation”"),
    ("Jan Novak told reporters that Minsk \"has nothing to hide\".",
     "Minsk \"has nothing to hide\""),
    # the quoted words are the whole clause, or a sentence of their own: direct only
    ("Jan Novak said that “the border is closed”.", None),
    ("Jan Novak said that if Minsk moved more troops, “it would be a grave mistake.”", None),
    ("The ministry ‘cannot confirm how many units are there’, the spokesman added.", None),
])
def test_extraction_reported_clause_with_a_quote(extractor, text, reported):
    facts = extractor.extract(text, PUB)
    found = [q.text for q in facts.quotes if q.kind == "reported"]
    assert found == ([reported] if reported else [])
    assert [q for q in facts.quotes if q.kind == "direct"]


def test_extraction_reported_clause_ends_before_a_participle(extractor):
    text = ("Jan Novak stated that the drills signal growing nervousness in Minsk, noting, "
            "“They have never been this large.”")
    facts = extractor.extract(text, PUB)
    assert [q.text for q in facts.quotes if q.kind == "reported"] == [
        "the drills signal growing nervousness in Minsk"]


def test_extraction_it_said_is_the_body_quoted_before(extractor):
    text = ("Poland's defence ministry said Minsk had moved a brigade to the border. The "
            "second brigade is expected to follow in March, it said.")
    assert _quote(extractor.extract(text, PUB), "The second brigade is expected").speaker == \
        "Poland's Ministry of Defence"


def test_extraction_it_is_no_plural_speaker(extractor):
    text = ("The ministry said the troops were tired, according to senators who attended the "
            "hearing. Of the 4,000 soldiers at the border, it said, most are conscripts.")
    quote = _quote(extractor.extract(text, PUB), "most are conscripts")
    assert quote.speaker != "senators"


def test_extraction_the_agency_after_a_body_named_by_kind(extractor):
    text = ("Lithuania's military intelligence says Belarusian units returned to the border. "
            "According to the agency, Minsk has sent roughly 1,500 more troops since January.")
    facts = extractor.extract(text, PUB)
    first = _quote(facts, "Belarusian units returned").speaker
    assert first and _quote(facts, "Minsk has sent roughly 1,500").speaker == first
    assert _estimates(facts, 1500)[0].claimed_by == first


@pytest.mark.parametrize("text, words, speaker", [
    # a capitalised title the parser splits from the name, then "the lawmaker"
    ("Meanwhile, Chairman of the Senate Committee on Armed Services Roger Wicker told a radio "
     "station the army was ready. \"We need no foreign soldiers,\" the lawmaker said.",
     "We need no foreign soldiers", "Roger Wicker"),
    # a name NER misses behind a long title, then "the Minister"
    ("Minister for Foreign Affairs of Poland Radoslaw Wrona stated that the drills were a "
     "provocation. \"The answer must be firm,\" the Minister said.",
     "The answer must be firm", "Radoslaw Wrona"),
    # a title after a comma, and a full name NER tags as an organisation
    ("Losses are heavy, according to the Commander-in-Chief of the Armed Forces of Poland, "
     "Wieslaw Kukula. Kukula spoke on Monday. \"We hold the line,\" the commander said.",
     "We hold the line", "Wieslaw Kukula"),
    ("Rep. Kim Min-jae of the ruling party spoke after the hearing. \"The agency is "
     "watching,\" the lawmaker said.", "The agency is watching", "Kim Min-jae"),
])
def test_extraction_role_nouns_find_titled_people(extractor, text, words, speaker):
    assert _quote(extractor.extract(text, PUB), words).speaker == speaker


@pytest.mark.parametrize("text, words, speaker", [
    # "that" taken for a relative pronoun after the verb's object
    ("Major Anna Lis, a spokeswoman for the army, told a weekly briefing that the brigade was "
     "also preparing for winter.", "the brigade was also preparing for winter", "Anna Lis"),
    # the clause after a nested source, with the source left out of the words
    ("The Financial Times reported, citing Polish officials, that the battalion had been moved "
     "north.", "the battalion had been moved north", None),
    # a second claim conjoined to the first clause belongs to the outer speaker
    ("Jan Novak said on Monday that 200 soldiers had been wounded, and warned that Minsk could "
     "send more.", "Minsk could send more", "Jan Novak"),
    # passive "was quoted as saying": the one quoted speaks
    ("About 400 soldiers have been wounded near the border, the Polish Defence Ministry was "
     "quoted as saying by a senator.", "About 400 soldiers have been wounded",
     "Poland's Ministry of Defence"),
])
def test_extraction_reported_clauses_the_parser_hides(extractor, text, words, speaker):
    quote = _quote(extractor.extract(text, PUB), words)
    assert quote.kind == "reported" and "citing" not in quote.text
    if speaker:
        assert quote.speaker == speaker


def test_extraction_while_another_source_said_is_its_own_report(extractor):
    text = ("A U.S. official said that 300 soldiers had been wounded, while Lithuania's "
            "military intelligence said at least 40 were killed near the river.")
    facts = extractor.extract(text, PUB)
    first = _quote(facts, "300 soldiers had been wounded")
    assert "Lithuania" not in first.text
    assert _quote(facts, "at least 40 were killed").speaker != first.speaker


def test_extraction_the_ministry_is_the_ministry_named_before(extractor):
    text = ("The Ministry of Foreign Affairs of Poland condemned the drills. Lithuania's "
            "military intelligence agency tracked the convoy. The Ministry reminds that Minsk "
            "has already moved 20 tanks to the border.")
    quote = _quote(extractor.extract(text, PUB), "Minsk has already moved 20 tanks")
    assert "Foreign" in quote.speaker and "Poland" in quote.speaker


def test_extraction_this_was_reported_by_attributes_the_sentence_before(extractor):
    text = ("About 2,000 Belarusian soldiers have been moved to the border. This was reported "
            "by Lithuania's State Security Department on Monday.")
    facts = extractor.extract(text, PUB)
    quote = _quote(facts, "About 2,000 Belarusian soldiers have been moved")
    assert quote.kind == "reported"
    assert quote.speaker == "Lithuania's State Security Department"
    assert _estimates(facts, 2000)[0].claimed_by == quote.speaker


@pytest.mark.parametrize("text", [
    "Yonhap, citing lawmakers briefed by the NIS, said about 1,000 soldiers had been killed.",
    "According to lawmakers briefed by the NIS, about 1,000 soldiers had been killed.",
])
def test_extraction_nested_sources_lead_to_the_origin(extractor, text):
    facts = extractor.extract(text, PUB)
    assert _estimates(facts, 1000)[0].claimed_by == \
        "South Korea's National Intelligence Service"


@pytest.mark.parametrize("text, speaker", [
    ("It was estimated by the Polish Defence Ministry that about 3,000 soldiers had arrived.",
     "Poland's Ministry of Defence"),
    ("Jan Novak is said to have told senators that 500 soldiers were wounded.", "Jan Novak"),
])
def test_extraction_passive_attribution(extractor, text, speaker):
    facts = extractor.extract(text, PUB)
    assert [e.claimed_by for e in facts.estimates] == [speaker]


def test_extraction_quote_paragraph_after_narration_keeps_the_speaker(extractor):
    text = ("“We dig every night,” said Jan Novak, a sapper in the border brigade.\n\n"
            "Novak’s platoon has held the crossing since spring. He would not say how many men "
            "he has.\n\n"
            "“What I can say is that nobody here sleeps much.”")
    assert _quote(extractor.extract(text, PUB), "nobody here sleeps").speaker == "Jan Novak"


@pytest.mark.parametrize("text, words, speaker", [
    ("Jan Novak said he had “no comment”. BELTA, Belarus's state news agency, has dismissed "
     "the reports as “a fantasy of Warsaw hawks”.", "a fantasy of Warsaw hawks", "BELTA"),
    ("Jan Novak said he had “no comment”. Russia's state media dismissed the videos as “a "
     "cheap fake”.", "a cheap fake", "Russia"),
    ("Russia has never confirmed the transfer. Its Defence Ministry dismissed the reports as "
     "“a provocation”.", "a provocation", "Russian Ministry of Defence"),
])
def test_extraction_dismissing_bodies(extractor, text, words, speaker):
    assert _quote(extractor.extract(text, PUB), words).speaker == speaker


def test_extraction_name_in_apposition_to_a_role_is_a_person(extractor):
    text = ("Lithuania's foreign minister, Ona Petraite Vaiciune, met President Jan Novak in "
            "Vilnius on Monday. State media quoted her as saying Vilnius would \"never bow\".")
    facts = extractor.extract(text, PUB)
    assert _quote(facts, "never bow").speaker == "Ona Petraite Vaiciune"


@pytest.mark.parametrize("text", [
    "The spokesman declined to say how many soldiers remained at the border.",
    "Jan Novak would not say whether the brigade would return in spring.",
    "The army released video of what it says are Belarusian troops crossing a field.",
    "It is further assessed by the Polish Defence Ministry that Minsk may send more troops.",
    "Jan Novak has been unusually candid about the war: he said that 300 soldiers had died.",
])
def test_extraction_no_reported_claim(extractor, text):
    facts = extractor.extract(text, PUB)
    reported = [q.text for q in facts.quotes if q.kind == "reported"]
    assert not [r for r in reported if r.startswith(("how", "whether", "are ", "Jan Novak has"))]
    assert "Minsk may send more troops" not in reported


def test_extraction_wh_subject_clause_is_reported(extractor):
    text = "Jan Novak said what Warsaw did with its allies was “its own business”."
    assert _quote(extractor.extract(text, PUB), "what Warsaw did").kind == "reported"


def test_extraction_one_clause_one_quote_with_according_to(extractor):
    text = ("The Polish Defence Ministry told senators that about 300 soldiers had been wounded, "
            "according to a news agency that cited a senator.")
    facts = extractor.extract(text, PUB)
    assert len([q for q in facts.quotes if "300 soldiers" in q.text]) == 1
    assert _quote(facts, "300 soldiers").speaker == "Poland's Ministry of Defence"


def test_extraction_writers_second_object_is_trimmed(extractor):
    text = ("Poland's General Staff says Belarus lost more than 4,000 troops in March alone, its "
            "heaviest monthly toll, which helps explain the new draft.")
    quote = _quote(extractor.extract(text, PUB), "Belarus lost more than 4,000 troops")
    assert quote.text == "Belarus lost more than 4,000 troops in March alone"


def test_extraction_nested_reports_each_speaker_its_clause(extractor):
    text = ("The Polish Defence Ministry said that a captured officer told investigators he "
            "had been promised a desk job.")
    facts = extractor.extract(text, PUB)
    reported = {q.text: q.speaker for q in facts.quotes if q.kind == "reported"}
    assert reported.get("he had been promised a desk job")
    assert any(t.startswith("a captured officer told") for t in reported)


def test_extraction_nested_estimate_is_the_claim_itself(extractor):
    text = ("A news agency reported that the Polish Defence Ministry estimated that about 900 "
            "soldiers had crossed.")
    facts = extractor.extract(text, PUB)
    assert [q.text for q in facts.quotes if q.kind == "reported"] == [
        "about 900 soldiers had crossed"]


def test_extraction_interview_answers_belong_to_the_named_interviewee(extractor):
    text = ("Anna Lind, the spokeswoman of Lithuania's intelligence service, spoke to us.\n\n"
            "The Baltic Times: How many Belarusian soldiers are at the border?\n\n"
            "Anna Lind: Around 6,000 arrived in total, in several waves.\n\n"
            "The Baltic Times: And the losses?\n\n"
            "Lind: Since May, Belarus has lost more than 300 soldiers to desertion.")
    facts = extractor.extract(text, PUB)
    assert _estimates(facts, 6000)[0].claimed_by == "Anna Lind"
    assert _estimates(facts, 300)[0].claimed_by == "Anna Lind"


def test_extraction_role_noun_named_in_its_relative_clause(extractor):
    text = ("A Polish mortar platoon leader near Przemysl, who gave only his call sign, Hawk, "
            "told reporters the convoys had stopped. “They come at night now,” he said.")
    facts = extractor.extract(text, PUB)
    assert _quote(facts, "the convoys had stopped").speaker == "Hawk"
    assert _quote(facts, "They come at night now").speaker == "Hawk"
