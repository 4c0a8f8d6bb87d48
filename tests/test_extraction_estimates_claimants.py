"""Who claims a troop figure, and figures far from their troop word (invented sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.evaluation import name_ok
from bot.extraction import Extractor

pytestmark = pytest.mark.slow

DAY = date(2025, 2, 12)     # a Wednesday


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _one(extractor, text, count, published=DAY):
    facts = extractor.extract(text, published)
    found = [e for e in facts.estimates if e.count == count]
    assert found, f"no estimate of {count}: {[(e.count, e.sentence) for e in facts.estimates]}"
    return found[0]


@pytest.mark.parametrize("text, count, claimant", [
    ("Estonian officials now count 9,000 Korean soldiers near the border. That is well above "
     "the 7,000 the Finnish Defence Ministry cited in January.", 7000,
     ["Finnish Defence Ministry", "Finland"]),
    ("The new tally exceeds the 400 deaths that Sweden's Military Intelligence reported to "
     "parliament.", 400, ["Military Intelligence", "Sweden's Military Intelligence"]),
    ("Recruitment lags far behind the goal of 2 million soldiers that Lukashenko set last "
     "spring.", 2_000_000, ["Lukashenko"]),
])
def test_relative_clause_names_the_source(extractor, text, count, claimant):
    est = _one(extractor, text, count)
    assert name_ok(est.claimed_by, claimant), est


def test_relative_clause_of_sending_is_no_claim(extractor):
    text = ("Analysts doubt that the 5,000 troops Minsk sent in March are still there, the "
            "Polish Defence Ministry said.")
    est = _one(extractor, text, 5000)
    assert est.claimed_by != "Minsk"


PRESS_RELEASE = """Press release

Minister announces new support package for partners.

From: Ministry of Defence of Norway
Published 4 February 2025

- About 2,000 Norwegian soldiers have been sent to Poland since 2023
- Norway will train up to 5,000 more this year

Defence Minister Per Hansen said the programme would continue.
"""


def test_press_release_figures_belong_to_the_issuer(extractor):
    for count in (2000, 5000):
        est = _one(extractor, PRESS_RELEASE, count)
        assert est.claimed_by and "Ministry of Defence" in est.claimed_by, est


def test_article_without_release_line_keeps_unsourced_figures_unclaimed(extractor):
    text = PRESS_RELEASE.replace("Press release", "Analysis")
    est = _one(extractor, text, 2000)
    assert est.claimed_by is None


def test_passive_claim_verb_subject_is_not_the_claimant(extractor):
    text = ("The Baltic Brigade, as the unit is called, is believed to number tens of thousands "
            "of soldiers.")
    est = _one(extractor, text, 10000)
    assert est.claimed_by is None, est


def test_impersonal_hedge_names_nobody_even_after_a_source(extractor):
    text = ("Latvia's defence ministry said 3,000 soldiers had crossed the border.\n\n"
            "It is thought that Minsk is preparing several thousand fresh troops.")
    est = _one(extractor, text, 1000)
    assert est.claimed_by is None, est


def test_passive_measure_keeps_the_source_of_the_paragraph(extractor):
    text = ("Two battalions, of roughly 500 men each, have reached the coast, the Finnish "
            "intelligence documents say. The number of soldiers expected there by spring is put "
            "at 4,000.")
    first = _one(extractor, text, 500)
    est = _one(extractor, text, 4000)
    assert est.claimed_by is not None and est.claimed_by == first.claimed_by, (first, est)


def test_citing_a_source_names_the_origin_of_the_chain(extractor):
    text = ("The talks opened a week after the Helsinki Times reported, citing a Finnish "
            "government source, that Minsk was readying a new batch of several thousand soldiers "
            "for dispatch by autumn.")
    est = _one(extractor, text, 1000)
    assert est.claimed_by and "source" in est.claimed_by, est


@pytest.mark.parametrize("text, count, status", [
    ("The Latvian spy agency estimated Belarusian casualties at 2,500, including 250 deaths.",
     2500, "casualties"),
    ("Belarusian losses have reached 1,800, Lithuania's president said.", 1800, "casualties"),
    ("Lukashenko said Minsk could send another 20,000 over the winter.", 20000, "planned"),
    ("The Polish ministry said that up to 6,000 were now in the Grodno region.", 6000,
     "deployed"),
    ("Vilnius said some 700 had been killed since March.", 700, "killed"),
])
def test_figures_whose_troop_word_is_only_implied(extractor, text, count, status):
    est = _one(extractor, text, count)
    assert est.status == status, est
    assert est.claimed_by is not None, est


@pytest.mark.parametrize("text", [
    "The ministry estimated the cost of the base at 2,500 euros a month.",
    "Minsk could send another 20,000 shells over the winter, the ministry said.",
    "Lithuania's exports have reached 1,800 tonnes, the ministry said.",
    "Some 4,000 were in the stadium in Riga for the final.",
    "Russia has lost 5,000 in revenue each day, the report said.",
    "The firm could send another 2,000 by spring if orders hold.",
    "The company sent another 30,000 to its shareholders last year.",
])
def test_implied_troop_figures_keep_other_things_out(extractor, text):
    facts = extractor.extract(text, DAY)
    assert not facts.estimates, facts.estimates


def test_inner_estimating_body_beats_the_reporters_cited_sources(extractor):
    text = ("The Helsinki Times reported on Monday, citing two officials, that the Swedish "
            "Armed Forces estimated that about 2,000 of the troops had already moved to the "
            "border.")
    est = _one(extractor, text, 2000)
    assert est.claimed_by and "Armed Forces" in est.claimed_by, est


def test_a_speech_verb_across_a_semicolon_is_another_clause(extractor):
    text = ("Finnish intelligence briefed lawmakers on the losses; two prisoners waited in a "
            "Helsinki jail.")
    est = _one(extractor, text, 2)
    assert est.claimed_by is None, est


def test_someones_estimate_as_subject_names_its_owner(extractor):
    text = "The Swedish ministry's tally now stands at 2,500 casualties, up from 1,900 in March."
    est = _one(extractor, text, 2500)
    assert est.claimed_by and "ministry" in est.claimed_by.lower(), est


ARTICLE_START = "Belarus has sent about 4,000 soldiers to the Polish border, Warsaw said.\n\n"


@pytest.mark.parametrize("text, count", [
    (ARTICLE_START + "“Minsk will not stop at 4,000,” the Polish general said.", 4000),
    (ARTICLE_START + "A Lithuanian source said the figure of several thousand near Grodno was "
     "only a start.", 1000),
    (ARTICLE_START + "An official told me the next battalion could be in the low thousands.",
     1000),
    ("Belarusian casualties numbered in the low hundreds, the ministry said.", 100),
])
def test_vague_and_limit_figures_in_an_article_about_troops(extractor, text, count):
    last = text.strip().split("\n")[-1]
    facts = extractor.extract(text, DAY)
    assert any(e.count == count and e.sentence in last for e in facts.estimates), \
        facts.estimates


@pytest.mark.parametrize("text", [
    "“Prices will not stop at 4,000,” the trader said.",
    ARTICLE_START + "The index will not stop at 4,000 points, analysts said.",
    "Exports of grain were in the low thousands of tonnes.",
])
def test_limit_and_vague_figures_need_troops(extractor, text):
    facts = extractor.extract(text, DAY)
    assert all(e.count == 4000 and "sent about" in e.sentence for e in facts.estimates), \
        facts.estimates


def test_according_to_on_the_first_conjunct_leaves_the_later_one_to_the_trailing_source(
        extractor):
    text = ("Belarus sent an estimated 4,000 to 5,000 troops to the border last spring, "
            "according to Polish and Lithuanian intelligence, and a further 2,000 in early "
            "2025, Latvia's State Security Service said in March.")
    est = _one(extractor, text, 2000)
    assert est.claimed_by and "Security Service" in est.claimed_by, est


def test_a_figure_describing_the_source_is_not_its_claim(extractor):
    text = ("According to Poland's military intelligence, which has questioned the two "
            "Belarusian soldiers detained in May, another 1,000 troops are being readied.")
    facts = extractor.extract(text, DAY)
    two = [e for e in facts.estimates if e.count == 2]
    assert two and two[0].claimed_by is None, facts.estimates


def test_a_leading_according_to_covers_both_conjuncts(extractor):
    text = ("The senator told reporters that, according to the Polish army, 200 Belarusian "
            "soldiers had been killed and 1,700 wounded.")
    facts = extractor.extract(text, DAY)
    claims = {e.count: e.claimed_by for e in facts.estimates}
    assert claims.get(200) and claims.get(200) == claims.get(1700), claims


@pytest.mark.parametrize("text, count, word", [
    ("Belarus has moved 6,000 troops to Grodno, including conscripts, a senior Polish "
     "official told reporters on Monday.", 6000, "official"),
    ("Belarus has lost around 900 soldiers near Grodno, a figure confirmed by the Polish "
     "Defence Ministry on Wednesday.", 900, "Ministry"),
    ("The figure, which Poland's General Staff released on Friday, showed 1,300 Belarusian "
     "casualties.", 1300, "General Staff"),
])
def test_sources_after_the_figure_or_on_the_measure_noun(extractor, text, count, word):
    est = _one(extractor, text, count)
    assert est.claimed_by and word in est.claimed_by, est


def test_of_them_in_an_article_that_has_counted_troops(extractor):
    text = (ARTICLE_START + "A Polish source said the buildup was not over.\n\n"
            "“By spring there will be about 9,000 of them,” the source said.")
    facts = extractor.extract(text, DAY)
    assert any(e.count == 9000 for e in facts.estimates), facts.estimates


def test_a_continuing_sentence_keeps_the_previous_claimant(extractor):
    text = ("Latvia's defence ministry said on Tuesday that Belarus had sent about 2,000 more "
            "soldiers. The new arrivals bring the total to 7,000.")
    first = _one(extractor, text, 2000)
    est = _one(extractor, text, 7000)
    assert first.claimed_by and est.claimed_by == first.claimed_by, (first, est)


def test_a_new_paragraph_does_not_inherit_the_claimant(extractor):
    text = ("Latvia's defence ministry said on Tuesday that Belarus had sent about 2,000 more "
            "soldiers.\n\nThe total has since grown to 7,000.")
    est = _one(extractor, text, 7000)
    assert est.claimed_by is None, est


def test_speaking_participle_dates_the_claim(extractor):
    text = ("Speaking on 10 February, the Polish minister said about 400 Belarusian soldiers "
            "had died.")
    est = _one(extractor, text, 400)
    assert est.stated_on == date(2025, 2, 10), est


def test_a_later_claim_of_the_same_source_keeps_its_day(extractor):
    text = ("Poland's defence ministry said on Monday that Belarus had sent 5,000 troops to the "
            "border.\n\nThe ministry also said that 700 Belarusian soldiers were training near "
            "Grodno.")
    est = _one(extractor, text, 700)
    assert est.stated_on == date(2025, 2, 10), est


@pytest.mark.parametrize("text, count, status", [
    ("Poland's army said about 2,000 Belarusian soldiers had moved to the front line.", 2000,
     "deployed"),
    ("Lithuania said Belarus was preparing to send as many as 8,000 additional soldiers.", 8000,
     "planned"),
    ("The 6,000 soldiers Minsk has lent to Moscow will not change the war, the analyst said.",
     6000, "deployed"),
    ("Poland's army said about 2,000 Belarusian soldiers were fighting on the front line.", 2000,
     "combat"),
])
def test_status_near_the_front_preparing_to_send_and_idle_will(extractor, text, count, status):
    est = _one(extractor, text, count)
    assert est.status == status, est


def test_part_of_a_whole_figure(extractor):
    text = "Around 900 of the 7,000 have been killed, the Lithuanian ministry said."
    facts = extractor.extract(text, DAY)
    got = {e.count: e.status for e in facts.estimates}
    assert got.get(900) == "killed" and got.get(7000) == "deployed", got


def test_part_of_a_whole_of_other_things_stays_out(extractor):
    facts = extractor.extract("Around 900 of the 7,000 pages have been released.", DAY)
    assert not facts.estimates, facts.estimates


def test_scale_glued_to_the_figure(extractor):
    text = ("Belarus's armed forces are estimated by the Polish Institute to number around "
            "0.35mn active personnel.")
    est = _one(extractor, text, 350_000)
    assert est.claimed_by and "Institute" in est.claimed_by, est


def test_figure_counting_the_speakers_is_not_their_claim(extractor):
    text = "What have the two Belarusian prisoners told investigators about their unit?"
    est = _one(extractor, text, 2)
    assert est.claimed_by is None, est


def test_immediate_release_names_its_issuer_line(extractor):
    text = ("FOR IMMEDIATE RELEASE\n\nFebruary 4, 2025\n\nEstonian Ministry of Defence\n\n"
            "About 1,200 Estonian soldiers have been sent to Latvia for the exercise.\n")
    est = _one(extractor, text, 1200)
    assert est.claimed_by and "Ministry of Defence" in est.claimed_by, est


def test_release_standfirst_sentence_is_not_an_issuer(extractor):
    text = ("Press release\n\nDefence Secretary Maria Berg warns that the threat is growing as "
            "the army expands training for recruits.\n\nAbout 1,200 Estonian soldiers have "
            "been sent to Latvia for the exercise.\n")
    est = _one(extractor, text, 1200)
    assert est.claimed_by is None, est


@pytest.mark.parametrize("text, value", [
    ("11 000", 11000), ("3 500", 3500), ("11.000", 11000), ("1.100", 1100),
    ("1.5 million", 1_500_000), ("1.280 million", 1_280_000), ("2.5", None),
])
def test_thousands_groups_with_spaces_or_dots(text, value):
    from bot.extraction.numbers import parse_number
    assert parse_number(text) == value


@pytest.mark.parametrize("text, rng", [
    ("10-12,000", (10000, 12000)), ("10 to 12 thousand", (10000, 12000)),
    ("between 500 and 1,000", (500, 1000)), ("2,000 to 3,000", (2000, 3000)),
])
def test_ranges_with_the_scale_on_the_upper_bound_only(text, rng):
    from bot.extraction.numbers import parse_range
    assert parse_range(text) == rng


def test_spaced_thousands_in_a_sentence(extractor):
    est = _one(extractor, "Lithuania says Belarus has sent 7 000 troops to the border.", 7000)
    assert est.status == "deployed"


@pytest.mark.parametrize("text, count, word", [
    ("A classified assessment by the Polish Institute, seen by reporters, says 900 Belarusian "
     "troops have been killed.", 900, "Institute"),
    ("Satellite images analysed by the Polish Institute suggest some 4,000 soldiers are at the "
     "base.", 4000, "Institute"),
    ("The Lithuanian ministry's latest figures show 2,000 Belarusian troops near Grodno.", 2000,
     "ministry"),
])
def test_documents_speak_for_their_authors(extractor, text, count, word):
    est = _one(extractor, text, count)
    assert est.claimed_by and word in est.claimed_by, est


def test_an_estimates_owner_is_not_the_force(extractor):
    est = _one(extractor, "Kyiv's estimate of 12,000 North Korean troops is higher than "
               "Seoul's.", 12000)
    assert est.force == "North Korea", est


@pytest.mark.parametrize("text, count, word", [
    ("Belarus has sent about 4,000 troops to the border (ABW).", 4000, "ABW"),
    ("- 900 Belarusian troops killed or wounded, per Poland's military intelligence", 900,
     "intelligence"),
    ("Belarus has sent 6,000 troops, per Lithuanian estimates.", 6000, "Lithuania"),
    ("According to estimates from Warsaw, 1,100 Belarusian soldiers have been killed.", 1100,
     "Poland"),
])
def test_sources_in_brackets_per_and_estimates_from(extractor, text, count, word):
    est = _one(extractor, text, count)
    assert est.claimed_by and word.lower() in est.claimed_by.lower(), est


@pytest.mark.parametrize("text", [
    "Belarus sent 4,000 troops (about three battalions).",
    "Minsk sent 4,000 soldiers (AP Photo).",
])
def test_closing_brackets_that_name_no_source(extractor, text):
    est = _one(extractor, text, 4000)
    assert est.claimed_by is None, est


def test_number_read_as_a_noun_and_a_split_off_attribution(extractor):
    text = "Belarusian troops in Grodno number 6,000, the Polish ministry says."
    est = _one(extractor, text, 6000)
    assert est.claimed_by and "ministry" in est.claimed_by.lower(), est


@pytest.mark.parametrize("text, count, status", [
    ("Seoul puts Belarusian losses near 4,000.", 4000, "casualties"),
    ("Poland kills 500 Belarusian soldiers in a week, Warsaw says.", 500, "killed"),
    ("Minsk sent 3,000 soldiers to capture the town, Warsaw says.", 3000, "deployed"),
])
def test_measure_near_and_casualty_verbs(extractor, text, count, status):
    est = _one(extractor, text, count)
    assert est.status == status, est


def test_a_line_label_names_the_speaker(extractor):
    text = "Key points\n\n- Andrzej Duda: 3,000 Belarusian soldiers moved to the border\n"
    est = _one(extractor, text, 3000)
    assert est.claimed_by and "Duda" in est.claimed_by, est


def test_an_interviewers_question_label_is_not_a_claim(extractor):
    text = ("The Warsaw Herald: What have the two Belarusian prisoners told you?\n\n"
            "Jan Nowak: Not much.\n")
    est = _one(extractor, text, 2)
    assert est.claimed_by is None, est


def test_of_them_about_other_things_in_a_troop_article(extractor):
    text = (ARTICLE_START + "Minsk also shipped crates of ammunition.\n\n"
            "“There are 5,000 of them,” he said of the crates.")
    facts = extractor.extract(text, DAY)
    assert all(e.count != 5000 for e in facts.estimates), facts.estimates


def test_a_time_clause_before_the_speech_is_framing(extractor):
    text = ("Days after Polish forces detained two Belarusian soldiers near Grodno, Warsaw's "
            "military intelligence says Minsk's brigade has been badly depleted.")
    est = _one(extractor, text, 2)
    assert est.claimed_by is None, est


def test_a_claim_inside_the_reported_clause_keeps_its_speaker(extractor):
    text = ("Warsaw's military intelligence says that after the fighting, 2,000 Belarusian "
            "soldiers were withdrawn.")
    est = _one(extractor, text, 2000)
    assert est.claimed_by is not None, est


def test_a_conjoined_speech_verb_with_its_own_clause_does_not_claim_the_first(extractor):
    text = ("Belarus's 60,000-strong army has no recent combat experience, and analysts say "
            "that is what makes the deployment valuable.")
    est = _one(extractor, text, 60000)
    assert est.claimed_by is None, est


@pytest.mark.parametrize("text, day", [
    ("Poland's ministry said on Wednesday last week that 900 Belarusian soldiers had died.",
     date(2025, 2, 5)),
    ("Duda said on Saturday night that 900 Belarusian soldiers had died.", date(2025, 2, 8)),
])
def test_relative_days_of_a_claim(extractor, text, day):
    est = _one(extractor, text, 900)
    assert est.stated_on == day, est


def test_weekday_of_last_week():
    from bot.extraction.dates import resolve_date
    assert resolve_date("on Friday last week", date(2025, 2, 12), vague=False) == \
        date(2025, 2, 7)
    assert resolve_date("on Friday", date(2025, 2, 12), vague=False) == date(2025, 2, 7)
    assert resolve_date("on Monday", date(2025, 2, 12), vague=False) == date(2025, 2, 10)


@pytest.mark.parametrize("text, count, status", [
    ("Lithuania said Belarus had sent about 3,000 troops to train in western Russia.", 3000,
     "training"),
    ("Poland said Russia's 1.1 million-strong army was stretched.", 1_100_000, "other"),
    ("Poland said some 3,000 Belarusian soldiers had been moved from training grounds to the "
     "border.", 3000, "deployed"),
])
def test_status_sent_to_train_whole_armies_and_leaving_training(extractor, text, count, status):
    est = _one(extractor, text, count)
    assert est.status == status, est


def test_negated_claim_verbs_claim_nothing(extractor):
    text = ("Belarus, which has a 60,000-strong army, has neither confirmed nor denied the "
            "deployment.")
    est = _one(extractor, text, 60000)
    assert est.claimed_by is None, est


def test_the_whole_sent_before_its_part(extractor):
    text = ("“Of the 7,000 or so initially deployed, about 900 have been killed or wounded,” "
            "the Polish minister said.")
    facts = extractor.extract(text, DAY)
    got = {e.count: (e.status, e.qualifier) for e in facts.estimates}
    assert got.get(7000) == ("deployed", "about") and got.get(900, ("",))[0] == "casualties", got


def test_more_dispatched_by_a_state(extractor):
    est = _one(extractor, "Analysts believe Minsk could dispatch as many as 9,000 more.", 9000)
    assert est.status == "planned" and est.qualifier == "up to", est


@pytest.mark.parametrize("text, qualifier", [
    ("Warsaw says 4,000 or so Belarusian troops are at the border.", "about"),
    ("Warsaw says 4,000 or more Belarusian troops are at the border.", "at least"),
])
def test_trailing_qualifiers(extractor, text, qualifier):
    est = _one(extractor, text, 4000)
    assert est.qualifier == qualifier, est


def test_eliminated_soldiers_are_killed(extractor):
    est = _one(extractor, "Polish forces have eliminated around 400 Belarusian soldiers, the "
               "army said.", 400)
    assert est.status == "killed", est


def test_taken_alive_is_captured(extractor):
    est = _one(extractor, "Polish forces took two Belarusian soldiers alive near Grodno, the "
               "army said.", 2)
    assert est.status == "captured", est


def test_a_how_many_question_sets_the_answers_subject(extractor):
    text = ("How many Belarusian soldiers are in Poland?\n\nAbout 4,000, Warsaw says.\n\n"
            "How many have been killed?\n\nThe Polish army says roughly 300.\n")
    facts = extractor.extract(text, DAY)
    assert {e.count for e in facts.estimates} >= {4000, 300}, facts.estimates


def test_a_question_about_other_things_sets_no_subject(extractor):
    text = "How many drones were launched?\n\nWarsaw says roughly 300.\n"
    facts = extractor.extract(text, DAY)
    assert not facts.estimates, facts.estimates


def test_an_air_force_speaking_is_no_troop_context(extractor):
    text = "Some 1,500 of them were shot down by air defences, Poland's air force said."
    facts = extractor.extract(text, DAY)
    assert not facts.estimates, facts.estimates


def test_the_figure_an_estimate_holds_is_its_owners(extractor):
    text = ("Belarus loses roughly that many men every week, according to Lithuanian estimates "
            "of about 150 casualties a day.")
    est = _one(extractor, text, 150)
    assert est.claimed_by == "Lithuania", est


def test_a_figure_said_to_be_nothing_is_rhetorical(extractor):
    facts = extractor.extract("“Five thousand is nothing for them,” a Polish officer said.", DAY)
    assert not facts.estimates, facts.estimates


# ---- location: canonical places of the figure's clause, sentence or paragraph -------------

@pytest.mark.parametrize("text, count, location", [
    # the clause's own place; a possessor is no place ("Russia's Kursk region" is Kursk)
    ("Belarus has moved about 4,000 soldiers into Russia's Kursk region.", 4000, "Kursk"),
    ("Minsk sent roughly 2,500 troops to Russia's Far East last month.", 2500, "Russia"),
    ("Some 700 Belarusian soldiers were killed or wounded near the village of Oleshnia "
     "in the Kursk region, officials said.", 700, "Kursk"),
    # a town no country list knows is no location; the speaker's city is not where troops are
    ("About 1,500 Belarusian soldiers are at a camp outside Oleshnia, an official told "
     "reporters in Warsaw.", 1500, None),
    # the paragraph's place carries to the next sentence
    ("Belarusian troops have been fighting in the Kursk region since March. About 600 of "
     "them have been killed, the Polish ministry said.", 600, "Kursk"),
    # an army's size at home
    ("Belarus's army of about 48,000 soldiers is small.", 48000, "Belarus"),
])
def test_location_is_a_canonical_place(extractor, text, count, location):
    assert _one(extractor, text, count).location == location


def test_location_leaves_places_troops_left(extractor):
    text = "Some 3,000 soldiers were moved from Belarus to the Kursk region, Kyiv said."
    assert _one(extractor, text, 3000).location == "Kursk"


@pytest.mark.parametrize("text, count, qualifier, low, high", [
    ("Belarusian losses had passed 2,000 by March, Kyiv said.", 2000, "more than", 2000, None),
    ("Kyiv said Belarusian casualties exceeded 5,000 in the spring.", 5000, "more than", 5000,
     None),
    ("The number of Belarusian soldiers rose past 10,000 in May, Lithuania said.", 10000,
     "more than", 10000, None),
    ("The number of Belarusian troops in the area is closer to 7,000, a Polish official "
     "said.", 7000, "about", None, None),
    ("Warsaw put Belarusian losses in the range of 900 soldiers, officials said.", 900,
     "about", None, None),
])
def test_verbs_and_phrases_that_qualify_a_figure(extractor, text, count, qualifier, low, high):
    est = _one(extractor, text, count)
    assert (est.qualifier, est.low, est.high) == (qualifier, low, high), est


def test_force_of_a_measure_noun(extractor):
    text = "The number of Belarusian soldiers rose past 10,000 in May, Lithuania said."
    assert _one(extractor, text, 10000).force == "Belarus"


# ---- denials and dismissals ----------------------------------------------------------------

@pytest.mark.parametrize("text, deniers, kind", [
    ("Minsk's foreign ministry called the reports “a cheap fabrication”.",
     {"Belarus's Foreign Ministry", "Belarusian Foreign Ministry", "Foreign Ministry"},
     "dismissal"),
    ("The Belarusian embassy in Warsaw described such reports as groundless.", None,
     "dismissal"),
    ("Lukashenko's spokeswoman said Minsk “does not comment on fantasies from Vilnius”.", None,
     "dismissal"),
    ("Minsk and Moscow denied that any Belarusian soldiers were in Ukraine.",
     {"Belarus", "Russia"}, "denial"),
])
def test_denials_and_dismissals(extractor, text, deniers, kind):
    facts = extractor.extract(text, DAY)
    assert facts.denials, text
    assert all(d.kind == kind for d in facts.denials)
    if deniers is not None:
        assert {d.denied_by for d in facts.denials} <= deniers | {None}
        assert len({d.denied_by for d in facts.denials}) == len(facts.denials)
    if deniers == {"Belarus", "Russia"}:
        assert {d.denied_by for d in facts.denials} == deniers


@pytest.mark.parametrize("text", [
    "Minsk has neither confirmed nor denied that its soldiers are in Ukraine.",
    "The Belarusian defence ministry declined to confirm or deny the reports.",
    "Nobody in Vilnius can call it a fabrication any more.",
    "“That is not a rumour,” the Lithuanian minister said of the Belarusian deployment.",
    "Will Minsk deny that its soldiers are in Ukraine?",
    "The soldiers carried fake identity papers describing them as builders.",
    "The conscripts said they had been lied to by their commanders.",
])
def test_no_denial(extractor, text):
    assert not extractor.extract(text, DAY).denials, text


# ---- recall and precision of figures on unseen wording ------------------------------------

@pytest.mark.parametrize("text, count, status", [
    # NER reads "between 10 and 12 thousand" as a date
    ("Officials believe between 10 and 12 thousand Belarusian soldiers are now in the Kursk "
     "region.", 12000, None),
    ("Ukraine's General Staff said 214 occupiers were eliminated and 130 wounded over the "
     "past day.", 214, "killed"),
    ("Minsk had decided to send 1,000 sappers to clear mines in the Kursk region and 5,000 "
     "military builders.", 5000, "planned"),
    ("Ukraine announced it had captured the two men in January.", 2, "captured"),
    ("Lithuania said 3,000 Belarusian soldiers had been killed. A Lithuanian official said "
     "the 3,000 figure included both killed and wounded.", 3000, "casualties"),
    # a sentence naming a count sets up the bare figure after it
    ("Minsk has sent 4,000 soldiers to Russia, Kyiv says.\n\nThe agency told reporters that "
     "it had revised its count. At the end of October it was 5,000, an official said.", 5000,
     None),
])
def test_figures_found(extractor, text, count, status):
    facts = extractor.extract(text, DAY)
    found = [e for e in facts.estimates if e.count == count]
    assert found, [(e.count, e.sentence) for e in facts.estimates]
    if status is not None:
        assert status in {e.status for e in found}, found


def test_range_read_as_a_date_keeps_its_bounds(extractor):
    est = _one(extractor, "Officials believe between 10 and 12 thousand Belarusian soldiers "
               "are now in the Kursk region.", 12000)
    assert (est.qualifier, est.low, est.high, est.location) == ("range", 10000, 12000, "Kursk")


def test_losses_on_both_sides_are_two_estimates(extractor):
    facts = extractor.extract("The conflict has killed or wounded hundreds of thousands of "
                              "soldiers on both sides, Western officials say.", DAY)
    assert sorted(e.force for e in facts.estimates if e.count == 100_000) == ["Russia",
                                                                              "Ukraine"]


@pytest.mark.parametrize("text", [
    "Belarus has lost many soldiers in Kursk. Somewhere between a third and two-fifths of "
    "everyone who went has been killed or wounded.",
    "Belarusian troops have suffered heavy losses. The rouble weakened to around 1,388 per "
    "dollar on Friday.",
    "Belarus is losing soldiers fast, and even a country of 9 million cannot keep that up.",
    "The BBC spoke to three Belarusian soldiers who fought in the Kursk region in December.",
    "The men, one aged 20 and the other 26, were taken prisoner by Ukrainian troops last week.",
    "Belarusian soldiers were being trained at four Russian military ranges near Pskov.",
    "The ministry revised its count of drones. It was 300 in October.",
])
def test_no_troop_figure(extractor, text):
    assert not extractor.extract(text, DAY).estimates, text


def test_prisoners_interviewed_are_still_counted(extractor):
    text = ("According to Lithuanian intelligence, which has interviewed the two Belarusian "
            "soldiers captured near Sudzha, more troops are being prepared.")
    assert _one(extractor, text, 2).status == "captured"


# ---- claimants named as a whole country or by the one answering ---------------------------

@pytest.mark.parametrize("text, claimant", [
    ("Poland's military said about 2,000 Belarusian soldiers had crossed into Russia.",
     "Poland"),
    ("The Lithuanian government said roughly 1,200 Belarusian troops were in the Kursk "
     "region.", "Lithuania"),
])
def test_a_countrys_military_or_government_is_the_country(extractor, text, claimant):
    assert _one(extractor, text, 2000 if "2,000" in text else 1200).claimed_by == claimant


INTERVIEW = """Lithuania's ambassador to Japan, Rasa Kairyte, warned that Belarusian troops were \
gaining experience. "They learn fast," she said. "Every month they are better," she added.

The following are edited excerpts from the interview.

Q. How many Belarusian soldiers are in Kursk now?

A. According to our intelligence, about 6,000 were sent in the spring. Our General Staff says \
roughly 900 have been killed or wounded since May.
"""


def test_figures_in_an_interview_answer_are_the_interviewees(extractor):
    facts = extractor.extract(INTERVIEW, DAY)
    by_count = {e.count: e.claimed_by for e in facts.estimates}
    assert by_count.get(6000) == "Rasa Kairyte", facts.estimates
    assert by_count.get(900) in ("Rasa Kairyte", "General Staff of Lithuania",
                                 "Lithuania's General Staff"), facts.estimates


# ---- sources named by the sentence after the figure, by members, by the figures' origin ---

@pytest.mark.parametrize("text, count, claimant, day", [
    ("Around 2,500 Belarusian troops have died since January. The figure was released by "
     "the General Staff of Ukraine on Friday.", 2500,
     ["General Staff of the Armed Forces of Ukraine"], date(2025, 2, 7)),
    ("Around 2,000 Belarusian soldiers have arrived in Kursk. The Polish defence ministry "
     "gave the number on Thursday.", 2000, ["Poland's Ministry of Defence", "Poland"],
     date(2025, 2, 6)),
    ("Fighters of the Lithuanian Special Operations Forces reported that they had killed 12 "
     "Belarusian soldiers near Sudzha.", 12, ["Lithuanian Special Operations Forces"], DAY),
    ("Analysts at the Institute for the Study of War said about 3,000 Belarusian soldiers "
     "had reached Kursk.", 3000, ["Institute for the Study of War"], DAY),
])
def test_sources_across_and_inside_phrases(extractor, text, count, claimant, day):
    est = _one(extractor, text, count)
    assert name_ok(est.claimed_by, claimant), est
    assert est.stated_on == day, est


def test_figures_from_a_body_are_its_own(extractor):
    text = ("The Estonian defence ministry estimated that 4,000 Belarusian soldiers had been "
            "killed or wounded. Earlier figures from Lithuania's intelligence service had put "
            "the toll at around 3,000.")
    est = _one(extractor, text, 3000)
    assert est.claimed_by and est.claimed_by.startswith("Lithuania"), est
    assert est.status == "casualties", est


def test_a_sentence_with_its_own_figure_gives_no_source_back(extractor):
    text = ("Around 2,000 Belarusian soldiers have arrived in Kursk. The Polish defence "
            "ministry gave the number of 500 wounded on Thursday.")
    assert _one(extractor, text, 2000).claimed_by is None


def test_a_source_named_in_the_next_sentence_that_carries_on(extractor):
    text = ("The Lithuanian spy agency briefed lawmakers on Monday. About 5,000 Belarusian "
            "soldiers are now in the Kursk region. Roughly 700 of them have been wounded, the "
            "agency said.")
    facts = extractor.extract(text, DAY)
    by_count = {e.count: e for e in facts.estimates}
    assert by_count[5000].claimed_by == by_count[700].claimed_by is not None, facts.estimates
    assert by_count[700].force == "Belarus"      # "of them": the troops just counted


def test_no_source_from_the_next_sentence_when_it_starts_anew(extractor):
    text = ("About 5,000 Belarusian soldiers are now in the Kursk region. Some 300 Polish "
            "troops guard the border, the Polish ministry said.")
    assert _one(extractor, text, 5000).claimed_by is None


def test_a_figure_describing_its_source_gets_none_from_the_next_sentence(extractor):
    text = ("According to Lithuanian intelligence, which has interviewed the two Belarusian "
            "soldiers captured near Sudzha, more troops are being prepared. The two "
            "prisoners remain in Vilnius, the agency said.")
    facts = extractor.extract(text, DAY)
    first = [e for e in facts.estimates if e.count == 2 and "interviewed" in e.sentence]
    assert first and first[0].claimed_by is None, facts.estimates


def test_that_is_according_to(extractor):
    text = ("Roughly 700 Belarusian soldiers have been wounded. That is according to the "
            "Lithuanian spy agency.")
    assert _one(extractor, text, 700).claimed_by is not None


@pytest.mark.parametrize("text, count, status", [
    # the verb over the figure decides; a conjoined verb with its own figure does not
    ("Kyiv said its forces had killed 50 Belarusian soldiers and wounded 47 in three days of "
     "fighting.", 50, "killed"),
    ("Kyiv said its forces had killed 50 Belarusian soldiers and wounded 47 in three days of "
     "fighting.", 47, "wounded"),
    ("The conflict has killed or wounded 3,000 Belarusian soldiers, Vilnius said.", 3000,
     "casualties"),
    ("Russia is losing more than 1,500 soldiers a day, killed or wounded, the minister said.",
     1500, "casualties"),
    ("The war was costing Moscow about 1,500 soldiers every single day, the envoy said.", 1500,
     "casualties"),
    ("Lithuanian intelligence has claimed that some 4,000 Belarusian soldiers have been put "
     "out of action.", 4000, "casualties"),
    ("Vilnius said about 300 Belarusian soldiers had been killed and 2,700 wounded.", 300,
     "killed"),
])
def test_casualty_status_follows_the_figures_own_verb(extractor, text, count, status):
    assert _one(extractor, text, count).status == status


@pytest.mark.parametrize("text, count, status", [
    # a conjoined clause with its own subject is a clause of its own
    ("Minsk has decided to send around 9,000 troops, and the first group of some 1,200 has "
     "already been moved to Russia's Far East, Vilnius said.", 1200, "deployed"),
    # a finite clause inside a side branch says nothing of the figure's troops
    ("Kyiv said that about 6,000 Belarusian troops remained in the Kursk region, most of "
     "them in rear positions, and that the engineers would free up Russian units.", 6000,
     "deployed"),
    ("Vilnius said Minsk had sent about 4,000 soldiers to Russia's Far East for training.",
     4000, "training"),
    ("Several thousand Belarusian soldiers were already moving west by train, Kyiv said.",
     1000, "deployed"),
    ("Roughly 3,000 Belarusian soldiers were in the Kursk region by early this month, Kyiv "
     "said.", 3000, "deployed"),
    ("Minsk was prepared to send tens of thousands more soldiers if Moscow asked, Kyiv said.",
     10000, "planned"),
    ("Kyiv said Minsk could eventually rotate as many as 40,000 soldiers through the war.",
     40000, "planned"),
])
def test_status_of_the_figures_own_clause(extractor, text, count, status):
    assert _one(extractor, text, count).status == status


def test_a_count_named_before_a_quote_paragraph(extractor):
    text = ("Minsk has sent 4,000 soldiers to Russia, Kyiv says.\n\nA Lithuanian lawmaker told "
            "reporters that the agency had revised its count.\n\n\"At the end of March it was "
            "5,000. It is still rising,\" the lawmaker said.")
    assert _one(extractor, text, 5000).claimed_by is not None


@pytest.mark.parametrize("text, count, status", [
    ("Yusov said the Belarusian contingent had been reinforced with «several hundred» "
     "artillery and drone specialists since the start of December.", 100, None),
    ("The agency released satellite images showing what it said were more than 4,000 "
     "Belarusian personnel gathering at a training ground near Pskov on Oct. 16.", 4000, None),
    ("Ukraine captured two Belarusian soldiers near Sudzha last week. The two men, both in "
     "their twenties, are still being held near Kyiv.", 2, "captured"),
])
def test_more_figures_found(extractor, text, count, status):
    found = [e for e in extractor.extract(text, DAY).estimates if e.count == count]
    assert found, text
    if status:
        assert all(e.status == status for e in found), found


@pytest.mark.parametrize("text", [
    "The agency said Russian ships had carried Belarusian troops from Baltiysk to Pskov "
    "between October 8 and 13.",
    "He said his unit had seen \"dozens, not hundreds\" of Belarusian soldiers in each attack "
    "since they returned.",
    "Ten civilian drone specialists from Minsk attended the fair.",
])
def test_more_figures_not_troops(extractor, text):
    assert not extractor.extract(text, DAY).estimates, text


TRANSCRIPT = """MS. HANSEN: Good afternoon, everyone.

Q: Thanks. The Ukrainians are saying 3,000 Belarusian troops are now in Kursk. Do you have \
a number?

MS. HANSEN: I'm not going to get ahead of our assessment.

Q: And the Lithuanians say 200 of them have been killed. Can you confirm?
"""


def test_figures_in_a_reporters_questions(extractor):
    facts = extractor.extract(TRANSCRIPT, DAY)
    by_count = {e.count: e for e in facts.estimates}
    assert by_count[3000].claimed_by == "Ukraine", facts.estimates
    assert by_count[200].claimed_by == "Lithuania", facts.estimates
    assert (by_count[200].status, by_count[200].force) == ("killed", "Belarus")


def test_an_interview_label_is_no_part_of_a_name(extractor):
    text = "Q. Lithuania says 12,000 Belarusian troops are in Russia. Is that your estimate?"
    assert _one(extractor, text, 12000).claimed_by == "Lithuania"


@pytest.mark.parametrize("text", [
    "Will Ukraine hand over the two Belarusian prisoners to Poland?",
    "Ukraine holds two Belarusian prisoners in Kyiv, officials said.",
])
def test_a_captor_is_not_the_force(extractor, text):
    assert _one(extractor, text, 2).force == "Belarus"


@pytest.mark.parametrize("text, denier, kind, force", [
    ("Minsk still says there are no Belarusian troops there.", "Belarus", "denial", "Belarus"),
    ("Minsk's official line on its soldiers in Russia was that there weren't any.", "Belarus",
     "denial", None),
    ("The Belarusian foreign ministry accused Kyiv of inventing Belarusian casualties to "
     "explain its own defeats.", None, "dismissal", None),
    ("The Belarusian envoy described reports of Belarusian troops heading to Ukraine as "
     "\"another fake.\"", None, "dismissal", "Belarus"),
    ("Minsk rejected the references to its soldiers as \"groundless and politically "
     "motivated.\"", "Belarus", "dismissal", None),
    # a state that denies sending troops denies sending its own
    ("Minsk on Tuesday denied sending troops to Russia.", "Belarus", "denial", "Belarus"),
    ("Moscow denied that Belarusian troops were in Kursk.", "Russia", "denial", "Belarus"),
])
def test_more_denials(extractor, text, denier, kind, force):
    facts = extractor.extract(text, DAY)
    assert len(facts.denials) == 1, facts.denials
    d = facts.denials[0]
    assert d.kind == kind
    if denier:
        assert d.denied_by == denier, d
    if force:
        assert d.force == force, d


def test_no_troops_of_other_kinds_is_no_denial(extractor):
    assert not extractor.extract("Lithuania said there were no signs of a withdrawal.",
                                 DAY).denials


def test_lawmakers_briefed_by_a_body_relay_it(extractor):
    text = ("Lithuanian lawmakers, briefed by the State Security Department, said some 2,000 "
            "Belarusian soldiers had been wounded.")
    est = _one(extractor, text, 2000)
    assert est.claimed_by and "State Security Department" in est.claimed_by, est


def test_crossing_into_a_country_is_a_deployment(extractor):
    text = "Poland says 2,500 Belarusian troops crossed into Russia last month."
    assert _one(extractor, text, 2500).status == "deployed"


def test_the_figure_measures_what_was_counted_before(extractor):
    text = ("Analysts say at least 1,000 Belarusian troops have been wounded, but the "
            "Lithuanian government puts the figure at 1,500.")
    est = _one(extractor, text, 1500)
    assert (est.force, est.status, est.claimed_by) == ("Belarus", "wounded", "Lithuania")


def test_a_participle_estimate_is_a_hedge_not_a_claimant(extractor):
    text = ("Minsk has sent a force estimated at 12,000 to the Kursk region, Ukrainian "
            "intelligence said.")
    est = _one(extractor, text, 12000)
    assert est.claimed_by and est.claimed_by != "Belarus", est
    assert (est.status, est.location) == ("deployed", "Kursk"), est


def test_according_to_a_country_is_no_place(extractor):
    text = "Belarusian fatalities number around 600, according to Lithuania."
    assert _one(extractor, text, 600).location is None


def test_a_casualty_averted_is_none(extractor):
    text = ("Vilnius said the Belarusian contingent, estimated at some 6,000 troops, had been "
            "ordered to avoid capture at any cost.")
    assert _one(extractor, text, 6000).status != "captured"


def test_a_bare_figure_takes_the_force_counted_just_before(extractor):
    text = ("About 6,000 Belarusian soldiers are now in Russia, according to the department. "
            "The service also said that at least 400 had been killed.")
    assert _one(extractor, text, 400).force == "Belarus"


def test_the_number_of_demonyms_names_the_force(extractor):
    text = ("Russia has massed 50,000 of its own troops in the region. Washington has put the "
            "number of Belarusians in Kursk at about 8,000.")
    assert _one(extractor, text, 8000).force == "Belarus"


@pytest.mark.parametrize("text", [
    "Belarusian troops are in Kursk. Since 2022, 12 million Ukrainians have fled their homes.",
    "Belarusian troops are in Kursk. About 600,000 Russians have left the country since the "
    "war began.",
    "Belarusian troops are in Kursk. At least 15 people were killed in a missile strike on "
    "Kharkiv.",
])
def test_civilians_are_not_troops(extractor, text):
    assert not extractor.extract(text, DAY).estimates, text


@pytest.mark.parametrize("text", [
    "The air force said it was a false alarm.",
    "Budanov said the rumours of a second wave were accurate.",
    "The minister said the videos were not fake.",
    "Officials described the report as credible.",
])
def test_words_of_falsehood_that_dismiss_nothing(extractor, text):
    assert not extractor.extract(text, DAY).denials, text


def test_fake_news_still_dismisses(extractor):
    facts = extractor.extract("Minsk called them «fake news» last October.", DAY)
    assert [d.kind for d in facts.denials] == ["dismissal"]


def test_the_figure_speakers_cited_without_that(extractor):
    text = ("Kyiv now counts 12,000 Belarusian soldiers in Russia, up from the 3,000 U.S. "
            "officials cited last week.")
    est = _one(extractor, text, 3000)
    assert name_ok(est.claimed_by, ["US officials"]), est
    assert (est.force, est.status) == ("Belarus", "deployed"), est


@pytest.mark.parametrize("text", [
    "The spokesman said the two officials met in Minsk.",
    "The 20 analysts surveyed expected more troops.",
])
def test_counted_speakers_are_no_figure(extractor, text):
    assert not extractor.extract(text, DAY).estimates, text


def test_the_occasion_dated_just_before_is_the_claims_day(extractor):
    text = ("Lithuania's State Security Department briefed lawmakers on Monday. The department "
            "said 1,100 Belarusian soldiers had been wounded.")
    assert _one(extractor, text, 1100).stated_on == date(2025, 2, 10)


def test_an_occasion_of_someone_else_gives_no_day(extractor):
    text = ("Poland's president met his Lithuanian counterpart on Monday. Lithuania's State "
            "Security Department said 1,100 Belarusian soldiers had been wounded.")
    assert _one(extractor, text, 1100).stated_on == DAY


def test_occupiers_are_the_russian_forces(extractor):
    text = "Ukraine's General Staff said 214 occupiers were eliminated over the past day."
    assert _one(extractor, text, 214).force == "Russia"


@pytest.mark.parametrize("text, count, claimant", [
    # the parser reads "agency estimated" as a noun with a reduced relative clause
    ("Some 450 Belarusian volunteers have been killed and 1,900 wounded near Pokrovsk, "
     "Lithuania's intelligence service estimated Thursday, doubling its count from June.", 1900,
     ["Lithuania's intelligence service", "Lithuania"]),
    ("About 640 Syrian fighters have died in the fighting, Poland's Foreign Intelligence Agency "
     "estimated on Friday.", 640, ["Poland's Foreign Intelligence Agency", "Poland"]),
])
def test_closing_claim_verb_read_as_a_relative_clause(extractor, text, count, claimant):
    est = _one(extractor, text, count)
    assert name_ok(est.claimed_by, claimant), est


def test_closing_participle_phrase_names_no_claimant(extractor):
    est = _one(extractor, "About 400 Moldovan soldiers were killed, the highest number "
                          "reported this year.", 400)
    assert est.claimed_by is None, est


@pytest.mark.parametrize("text, count, status", [
    ("Minsk will send 700 deminers to the Bryansk region, the ministry said.", 700, "planned"),
    ("Belarus will also send 2,500 military construction workers to rebuild bridges, the "
     "ministry said.", 2500, "planned"),
    ("Over the past day the invaders lost 1,140 persons killed and wounded, as well as 7 "
     "tanks, the General Staff said.", 1140, "casualties"),
    ("In total, the losses of the Belarusian contingent exceed 3 thousand persons, the agency "
     "said.", 3000, "casualties"),
])
def test_troops_named_by_trade_or_as_persons(extractor, text, count, status):
    assert _one(extractor, text, count).status == status


@pytest.mark.parametrize("text", [
    "Some 3,000 construction workers from Belarus arrived in Vladivostok on Monday.",
    "Fifteen persons were killed in a missile strike on a market in Kharkiv.",
])
def test_civilian_workers_and_persons_are_no_troops(extractor, text):
    assert extractor.extract(text, DAY).estimates == ()


@pytest.mark.parametrize("text", [
    "“They came across the river three or four hundred men at a time,” the sergeant said.",
    "\"Now they come at dawn, in mist, twenty or thirty men at a time,\" he said.",
    "He said the Belarusians attacked in platoons, \"40 to 50 men each time,\" with tanks behind.",
    "One of the captured soldiers says he is 23 and a machine-gunner.",
    "One of them, aged 19, had joined in 2022, while the other, 31, was a driver, the agency said.",
])
def test_group_sizes_in_an_attack_and_ages_are_no_estimates(extractor, text):
    assert extractor.extract(text, DAY).estimates == (), text


def test_at_a_time_when_is_no_tactic(extractor):
    est = _one(extractor, "Minsk sent 400 troops at a time when Moscow had none to spare.", 400)
    assert est.status == "deployed"


@pytest.mark.parametrize("text, count, body", [
    ("Latvia's 3rd Infantry Brigade released drone footage of the crossing on Sunday. The unit "
     "said it had killed 45 Belarusian soldiers near the river.", 45,
     ["Latvia's 3rd Infantry Brigade", "Latvian 3rd Infantry Brigade"]),
    ("Estonia's Defence Forces published photographs of the wreckage. The force said it had "
     "captured 12 Belarusian soldiers.", 12, ["Estonia's Defence Forces", "Estonian Defence Forces"]),
])
def test_the_unit_is_the_armed_body_named_before(extractor, text, count, body):
    facts = extractor.extract(text, DAY)
    est = _one(extractor, text, count)
    assert name_ok(est.claimed_by, body), est
    [quote] = [q for q in facts.quotes if str(count) in q.text]
    assert name_ok(quote.speaker, body), quote


def test_a_conjunct_with_its_own_subject_is_not_negated_by_the_first(extractor):
    text = ("Belarus has never admitted their presence, and its foreign ministry has called "
            "reports of Belarusian troops in Kursk “lies.”")
    facts = extractor.extract(text, DAY)
    assert [d.kind for d in facts.denials] == ["dismissal"], facts.denials


def test_a_denial_keeps_its_closing_quotation_mark(extractor):
    text = ('At the meeting, the Polish envoy praised the report, while the Belarusian envoy '
            'called it "a pack of lies."\n\nThe session then ended.')
    facts = extractor.extract(text, DAY)
    assert [d.sentence[-6:] for d in facts.denials] == ['lies."'], facts.denials


@pytest.mark.parametrize("text, force", [
    # evidence set beside the denial names no force
    ("Belarus and Russia have both denied the deployment, despite the capture of two "
     "soldiers by Ukrainian forces in May.", "North Korea"),
    # the reports' source or the falsehood's author is no force
    ("Minsk's envoy dismissed the Polish claims as \"blatant lies\".", "North Korea"),
    ("Lukashenko called the reports \"a Lithuanian fairy tale\".", "North Korea"),
    ("Minsk dismissed South Korean media reports about Belarusian units as fake.", "Belarus"),
    # the troops' nationality, not the place's
    ("Minsk continues to deny the presence of DPRK troops on Belarusian territory.",
     "North Korea"),
    ("Minsk continues to deny the presence of North Korean troops on Belarusian soil.",
     "North Korea"),
])
def test_the_force_denied_is_the_troops_nationality(extractor, text, force):
    facts = extractor.extract(text, DAY)
    assert facts.denials, text
    assert {d.force for d in facts.denials} == {force}, facts.denials


@pytest.mark.parametrize("text, deniers", [
    ("Belarus's presidential office was quick to brush the reports aside.",
     [["Belarusian presidential office", "Belarus's presidential office", "Belarus"]]),
    ("Asked about the report at her weekly briefing, Belarusian Foreign Ministry spokeswoman "
     "Anna Ivanova said she had \"nothing to say about fabrications from Vilnius\".",
     [["Anna Ivanova"]]),
    ("Belarusian Deputy Foreign Minister Pavel Orlov, quoted by the BelTA news agency, called "
     "Lithuanian reports of Belarusian combat units \"another propaganda invention.\"",
     [["Pavel Orlov"]]),
    ("The Belarusian leadership and the Russian side continue to deny the presence of "
     "Belarusian troops.", [["Belarus"], ["Russia"]]),
    ("Belarus's state media, which have never mentioned the deployment, dismissed the "
     "videos as \"a crude forgery\".", [["Belarus", "Belarus's state media"]]),
    ("A commentary carried by the Belarusian Telegraph Agency dismissed the casualty "
     "estimate as \"a fabrication\".", [["Belarusian Telegraph Agency"]]),
])
def test_the_denier_behind_the_parse(extractor, text, deniers):
    facts = extractor.extract(text, DAY)
    assert len(facts.denials) == len(deniers), facts.denials
    for d, names in zip(facts.denials, deniers, strict=True):
        assert name_ok(d.denied_by, names), facts.denials


@pytest.mark.parametrize("text", [
    "Minsk said it would be lawful, a statement that stopped short of denying the reports.",
    "Minsk answered the questions without denying the reports.",
])
def test_stopping_short_of_denying_is_no_denial(extractor, text):
    assert not extractor.extract(text, DAY).denials, text


@pytest.mark.parametrize("text", [
    "Lukashenko said that talk of Belarusian soldiers in Kursk was \"speculation fed by "
    "Vilnius.\"",
    "Minsk said in March that the soldiers did not exist.",
    "\"Minsk now calls them heroes. A year ago it said they did not exist,\" the analyst said.",
    "Minsk insisted the soldiers were not there.",
])
def test_talk_of_troops_dismissed_or_troops_said_not_to_exist(extractor, text):
    assert extractor.extract(text, DAY).denials, text


@pytest.mark.parametrize("text", [
    "\"The dead are honoured at home now. Before, they did not exist,\" the analyst said.",
    "The minister said the sending of Belarusian troops was a grave provocation.",
    "Vilnius called the deployment of Belarusian troops a provocation.",
    "Minsk said the problems did not exist.",
])
def test_what_is_not_a_denial_of_the_troops(extractor, text):
    assert not extractor.extract(text, DAY).denials, text


@pytest.mark.parametrize("text, count, claimant", [
    # the claim verb read as a plural noun ("intelligence estimates")
    ("Lithuanian intelligence estimates about 3,200 Belarusian soldiers have been killed or "
     "wounded.", 3200, ["Lithuanian intelligence", "Lithuania"]),
    ("Some 4,500 Belarusian soldiers have been killed, Lithuanian intelligence estimates.",
     4500, ["Lithuanian intelligence", "Lithuania"]),
    ("The Belarusian army, which Latvian defence intelligence estimates has lost close to "
     "9,000 soldiers since 2022, needs help.", 9000, ["Latvian defence intelligence",
                                                      "Latvia"]),
    # a framing phrase names the source
    ("Against the Belarusian army's 60,400 active personnel, as counted by the Institute for "
     "Baltic Studies, that is barely one per cent.", 60400, ["Institute for Baltic Studies"]),
    ("Belarus has about 60,500 troops, as estimated by Lithuania's defence ministry.", 60500,
     ["Lithuania's defence ministry", "Lithuania"]),
    ("By Lithuania's count, 3,800 Belarusian soldiers have been killed.", 3800, ["Lithuania"]),
    ("In the Latvian defence ministry's estimate, 3,900 Belarusian soldiers are in Kursk.",
     3900, ["Latvian defence ministry", "Latvia"]),
])
def test_the_source_of_an_estimate_or_a_count(extractor, text, count, claimant):
    est = _one(extractor, text, count)
    assert name_ok(est.claimed_by, claimant), est


def test_a_reporters_question_label_does_not_claim_what_it_reports(extractor):
    text = ("Reporter (Baltic Times): The Lithuanian side says more than 11,000 Belarusian "
            "soldiers are already in the Kursk region. Is that your understanding?")
    est = _one(extractor, text, 11000)
    assert name_ok(est.claimed_by, ["Lithuania", "Lithuanian side"]), est


def test_a_fronted_citing_phrase_names_the_origin(extractor):
    text = ("Citing Lithuanian intelligence, the Baltic Times reported that 7,200 Belarusian "
            "soldiers had been killed.")
    est = _one(extractor, text, 7200)
    assert name_ok(est.claimed_by, ["Lithuanian intelligence", "Lithuania"]), est


@pytest.mark.parametrize("text, count", [
    ("Belarus has hardly been short of manpower: Alexander Lukashenko ordered the army to "
     "grow to 80,000 active servicemen last September.", 80000),
    ("Belarus is short of infantry despite Alexander Lukashenko's order to expand the armed "
     "forces to 80,500 active servicemen.", 80500),
    ("Alexander Lukashenko signed a decree raising the army to 81,000 servicemen.", 81000),
])
def test_an_ordered_size_is_the_orderers_claim(extractor, text, count):
    est = _one(extractor, text, count)
    assert name_ok(est.claimed_by, ["Alexander Lukashenko"]), est


def test_a_trailing_attribution_with_an_auxiliary(extractor):
    text = ("Belarus has decided to send around 12,000 soldiers, including members of its "
            "elite special forces, to help Russia in its war against Ukraine, Lithuania’s spy "
            "agency has said, in what would be the isolated state’s first large-scale "
            "involvement in a foreign conflict.")
    est = _one(extractor, text, 12000)
    assert est.claimed_by != "Belarus" and name_ok(
        est.claimed_by, ["Lithuania's spy agency", "Lithuania's intelligence", "Lithuania"]), est


def test_a_sum_of_the_figures_before_keeps_their_claimant(extractor):
    text = ("On June 17, Lukashenko said in Minsk that Belarus would send 1,000 sappers and "
            "5,000 military builders to Kursk. That is a total of 6,000 personnel, on top of "
            "the troops already there.")
    est = _one(extractor, text, 6000)
    assert name_ok(est.claimed_by, ["Lukashenko"]), est


@pytest.mark.parametrize("text", [
    "Minsk accused Lithuanian officials of spreading lies about its army.",
    "Belarus’s embassy, asked about the deployment, said it did not “comment on fabrications” "
    "from Vilnius.",
])
def test_accusing_others_of_spreading_lies_dismisses(extractor, text):
    facts = extractor.extract(text, DAY)
    assert [d.kind for d in facts.denials] == ["dismissal"], facts.denials


@pytest.mark.parametrize("text, force", [
    ("Belarus has not confirmed the deployment and has denied sending troops.", "Belarus"),
    ("Lukashenko laughed off the reports.", "North Korea"),
    ("Lukashenko scoffed at the reports.", "North Korea"),
    ("Belarusian officials insist no troops have been sent.", "North Korea"),
    ("Minsk has repeatedly said its troops are not in Russia.", "Belarus"),
])
def test_more_ways_to_deny(extractor, text, force):
    facts = extractor.extract(text, DAY)
    assert [d.force for d in facts.denials] == [force], facts.denials


@pytest.mark.parametrize("text", [
    "Minsk has not confirmed or denied the reports.",
    "Minsk would neither confirm nor would it deny the reports.",
    "Lukashenko laughed at the reports.",
    "Minsk said its troops were not ready.",
    "Officials said no soldiers were killed in the attack.",
])
def test_still_no_denial(extractor, text):
    assert not extractor.extract(text, DAY).denials, text


@pytest.mark.parametrize("text, denier", [
    ("The reports were dismissed by Minsk as fake.", "Belarus"),
    ("The claims were denied by the Belarusian foreign ministry.", None),
    ("Minsk has dismissed as \"absurd\" reports that its soldiers are in Kursk.", "Belarus"),
    ("Minsk said the reports were \"not true\".", "Belarus"),
    ("Asked about the reports, Lukashenko said they were \"rubbish\".", "Lukashenko"),
])
def test_passive_fronted_and_plain_dismissals(extractor, text, denier):
    facts = extractor.extract(text, DAY)
    assert len(facts.denials) == 1, facts.denials
    if denier:
        assert facts.denials[0].denied_by == denier, facts.denials


@pytest.mark.parametrize("text", [
    "Such statements are refuted by the facts recorded by our units.",
    "It is worth recalling how firmly all this was rejected at the time.",
    "Minsk said the figures were not correct, and the real number was higher.",
    "Analysts said it was not true that the offensive had stalled, pointing to new gains.",
    "The minister scoffed at the idea of negotiations.",
    "Officials said talk of a ceasefire was premature.",
])
def test_refuted_by_facts_and_disputed_figures_are_no_denials(extractor, text):
    assert not extractor.extract(text, DAY).denials, text


def test_described_media_claim_their_own_figure(extractor):
    text = ("Lithuania said 4,000 Belarusian soldiers had been sent. Foreign media wrote at the "
            "time that up to 12,600 Belarusian troops had been sent to Russia.")
    est = _one(extractor, text, 12600)
    assert name_ok(est.claimed_by, ["foreign media"]), est


def test_intelligence_shared_by_a_state_is_its_claim(extractor):
    text = "Intelligence shared by Poland indicates some 4,200 Belarusian soldiers are in Kursk."
    assert name_ok(_one(extractor, text, 4200).claimed_by, ["Poland"])


@pytest.mark.parametrize("text, found", [
    ("Zakharova on Monday called the claims \"an information campaign\" by Vilnius.", True),
    ("Minsk said the reports were part of an information war against Belarus.", True),
    ("The ministry launched an information campaign to recruit volunteers.", False),
    ("Lithuania called the Belarusian deployment an information operation.", False),
])
def test_an_information_campaign_dismisses_reports_not_acts(extractor, text, found):
    assert bool(extractor.extract(text, DAY).denials) == found, text
