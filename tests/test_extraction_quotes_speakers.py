"""Quote speakers on invented texts: surnames, ages, single-name sources, quotes running over
paragraphs, documents that speak for their owner, parser slips around the reporting verb."""

from __future__ import annotations

import pytest

from bot.extraction import Extractor

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _speaker(facts, words):
    found = [q for q in facts.quotes if words in q.text]
    assert found, f"no quote with {words!r}: {[(q.text, q.speaker) for q in facts.quotes]}"
    return found[0].speaker


def test_bare_surname_two_people_share_is_the_one_named_last(extractor):
    text = (
        "Kim Jong Un inspected a missile factory on Monday, state media said.\n\n"
        "In Seoul, Unification Minister Kim Min-ho told a committee that the North was "
        "recruiting volunteers for a second contingent.\n\n"
        "Asked about aid to Kyiv, Kim said the cabinet would meet again next week.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the cabinet would meet") == "Kim Min-ho"


def test_name_with_age_is_a_person_and_the_n_year_old_is_them(extractor):
    text = (
        "Near the border, Taras, 29, and Bohdan, 51, repair drones in a cellar.\n\n"
        "“The batteries freeze at night,” Taras said.\n\n"
        "Bohdan, the older of the pair, shook his head. The enemy was adapting, he said, "
        "and they were now sending smaller groups.\n\n"
        "The 29-year-old, a former teacher from Poltava, says his workshop has rebuilt "
        "more than 300 drones since the summer.")
    facts = extractor.extract(text)
    assert _speaker(facts, "The batteries freeze") == "Taras"
    assert _speaker(facts, "The enemy was adapting") == "Bohdan"
    assert _speaker(facts, "were now sending smaller groups") == "Bohdan"
    assert _speaker(facts, "his workshop has rebuilt") == "Taras"


def test_quote_over_paragraphs_is_the_speaker_named_where_it_closes(extractor):
    text = (
        "Foreign Minister Penny Wong said Canberra was consulting its partners.\n\n"
        "“We have seen the reports and we take them extremely seriously.\n\n"
        "“Our partners share that view,” said Richard Marles, the defence minister.")
    facts = extractor.extract(text)
    assert _speaker(facts, "we take them extremely seriously") == "Richard Marles"


def test_unclosed_quote_is_not_cut_at_a_first_person_clause(extractor):
    text = (
        "“We crossed the river at night,” the prisoner said. “When we reached the village, "
        "the officers told us we would stay there for a week.\n\n"
        "“Nobody explained anything,” he added.")
    facts = extractor.extract(text)
    found = [q.text for q in facts.quotes if "When we reached" in q.text]
    assert found and "stay there for a week" in found[0]


def test_document_owned_by_a_body_speaks_for_it(extractor):
    text = ("The Foreign Office’s weekly bulletin released on Friday said Russian units had "
            "lost about 900 men a day in the past month.")
    facts = extractor.extract(text)
    assert _speaker(facts, "Russian units had lost") == "Foreign Office"


def test_negated_verb_the_tagger_took_for_a_noun_still_reports(extractor):
    text = ("The Belarusian embassy in Warsaw, asked by Polish radio about the units, said it "
            "did not “comment on rumours” and accused officials of spreading lies.")
    facts = extractor.extract(text)
    found = [q.text for q in facts.quotes if q.kind == "reported" and "it did not" in q.text]
    assert found == ["it did not “comment on rumours”"]


def test_fronted_participle_phrase_is_no_speaker(extractor):
    text = ("Addressing senators on March 3, the agency said about 500 soldiers had been "
            "withdrawn to Vladivostok.")
    facts = extractor.extract(text)
    assert _speaker(facts, "about 500 soldiers had been withdrawn") != "senators"
    assert "Addressing" not in (_speaker(facts, "about 500 soldiers") or "")


def test_name_with_a_title_apposition_speaks_not_the_title(extractor):
    text = ("Sue Mi Terry, the Korea Chair at a Washington think tank, said Pyongyang "
            "wanted combat experience above all.")
    facts = extractor.extract(text)
    assert _speaker(facts, "Pyongyang wanted combat experience") == "Sue Mi Terry"


def test_anonymous_officer_with_a_unit_and_the_officer_later(extractor):
    text = ("A Ukrainian officer with the 61st Mechanized Brigade, which has held the line "
            "near the river since August, said the attackers had changed tactics. At first "
            "they came in columns, the officer said; now they come in pairs.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the attackers had changed tactics") == "Ukrainian officer"
    assert _speaker(facts, "At first they came in columns") == "Ukrainian officer"


def test_the_one_told_is_not_the_speaker(extractor):
    text = ("Senator Maria Lopez met the delegation on Friday. She added that Belarus had "
            "been told to expect “generous payments” from Moscow.")
    facts = extractor.extract(text)
    direct = [q for q in facts.quotes if q.kind == "direct"]
    assert direct and direct[0].speaker == "Maria Lopez"


def test_conjunct_sharing_the_subject_after_an_inverted_attribution(extractor):
    text = ("PARIS—The second group could leave by April, according to European officials and "
            "a person briefed on the talks.\n\n"
            "The group could reach the front within weeks, the person said, and would "
            "probably be used to hold captured villages.")
    facts = extractor.extract(text)
    assert _speaker(facts, "The group could reach the front") == "person briefed on the talks"
    assert _speaker(facts, "would probably be used to hold") == "person briefed on the talks"
    assert not any(q.text.startswith("PARIS") for q in facts.quotes)


def test_surname_with_a_title_is_the_one_given_that_title(extractor):
    text = (
        "Trade Committee Chairwoman Lee Min-ji (D-Seoul) and others met on Monday.\n\n"
        "Lee Jae-myung has said the opposition would cooperate.\n\n"
        "Committee Chairwoman Lee said the export controls would be tightened.")
    facts = extractor.extract(text)
    assert _speaker(facts, "export controls would be tightened") == "Lee Min-ji"


def test_the_department_alone_is_the_department_named_before(extractor):
    text = ("The Department of Energy confirmed the shipment on Tuesday. Later, the "
            "Department said the reactor had been inspected twice.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the reactor had been inspected") not in (None, "Department")


def test_name_ner_cut_short_gets_its_last_word(extractor):
    text = ("Lavrov hosted DPRK Foreign Minister Choe Son Hui, who arrived on Sunday. Choe, "
            "for her part, said the two countries would deepen military ties.")
    facts = extractor.extract(text)
    assert _speaker(facts, "would deepen military ties") == "Choe Son Hui"


def test_head_of_a_legislative_committee_is_the_lawmaker(extractor):
    text = ("The head of the Senate Committee on Intelligence, Mark Warner, told reporters the "
            "briefing had been sobering. “We were not told everything,” the lawmaker said.")
    facts = extractor.extract(text)
    assert _speaker(facts, "We were not told everything") == "Mark Warner"


def test_head_of_state_only_as_a_whole_title():
    from bot.extraction.entities import role_keys
    assert role_keys(["the", "head", "of", "state"])[0] == "president"
    title = ["head", "of", "the", "State", "Duma", "Committee", "on", "Defense"]
    assert role_keys(title)[0] == "lawmaker"


def test_repeated_that_with_a_relay_is_the_speakers(extractor):
    text = ("Asked about the drills, the spokesman Li Wei repeated that the exercises were "
            "“purely defensive,” according to a Xinhua reporter.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the exercises were") == "Li Wei"
    direct = [q for q in facts.quotes if q.kind == "direct"]
    assert direct and direct[0].speaker == "Li Wei"


def test_a_thing_maintained_is_no_speech(extractor):
    text = ("Opening the meeting, Sergio Mattarella said that trade had reached \"record "
            "levels\" and that the two countries' military and special services maintained "
            "\"very regular contacts.\" He took no questions.")
    facts = extractor.extract(text)
    assert _speaker(facts, "very regular contacts") == "Sergio Mattarella"


def test_a_participle_after_a_quote_is_not_its_attribution(extractor):
    text = ("The ambassador also rejected the assessment of US Senator Jane Ortiz, who claimed "
            "on Monday that the ships would sail \"within the week,\" calling it \"pure "
            "invention.\"")
    facts = extractor.extract(text)
    direct = [q for q in facts.quotes if q.kind == "direct" and q.text == "within the week"]
    assert direct and direct[0].speaker == "Jane Ortiz"


def test_a_persons_office_speaks_for_them(extractor):
    text = ("Prime Minister Mark Carney’s office said Tuesday that it was weighing "
            "“every option,” including new sanctions.")
    facts = extractor.extract(text)
    assert _speaker(facts, "it was weighing") == "Mark Carney"


def test_quoting_him_gives_the_one_quoted(extractor):
    text = ("HOST: What are Kyiv's generals saying?\n\n"
            "GUEST: General Oleh Marchenko spoke to a radio station on Friday, and I'm quoting "
            "him, “The next wave will bring its own artillery.” I think that is right.")
    facts = extractor.extract(text)
    assert _speaker(facts, "The next wave will bring") == "Oleh Marchenko"


def test_anonymous_person_described_only_by_place_keeps_it(extractor):
    text = ("A person in Tokyo who follows the talks told me the deal could be signed "
            "“within a month.”")
    facts = extractor.extract(text)
    assert _speaker(facts, "the deal could be signed") == "person in Tokyo"


def test_one_of_them_is_one_of_the_group_before_and_the_one_told_is_no_speaker(extractor):
    text = ("Let's talk about the two prisoners. Right, the two men caught near the river. "
            "According to the police, one of them told investigators that he had been told he "
            "was going abroad to work.")
    facts = extractor.extract(text)
    assert _speaker(facts, "he had been told he") == "prisoner"
    assert not any(q.text.startswith("he was going abroad") for q in facts.quotes)


def test_a_quoted_name_after_a_name_is_no_quote(extractor):
    text = ("Olena Hrytsenko, a researcher at the think tank “Baltic Compass,” said the "
            "sanctions were working.")
    facts = extractor.extract(text)
    assert not any(q.text.startswith("Baltic Compass") for q in facts.quotes)


def test_official_at_a_body_and_a_channel_speak(extractor):
    text = ("A senior official at the defence ministry, speaking on condition of anonymity, "
            "said the report “changes little.”\n\n"
            "One popular channel posted a video and claimed that the unit had “lost barely a "
            "dozen men” in the assault.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the report") == "senior official at the defence ministry"
    assert _speaker(facts, "the unit had") == "popular channel"


def test_that_clause_the_parser_put_above_its_reporting_verb(extractor):
    text = ("The Asahi Shimbun reported on Sunday, citing two government officials, that the "
            "Defense Ministry estimated that about 2,000 of the workers had already left.")
    facts = extractor.extract(text)
    assert not any(q.text.startswith("The Asahi Shimbun") for q in facts.quotes)
    assert any("about 2,000 of the workers had already left" in q.text for q in facts.quotes)


def test_a_bare_ministry_is_the_one_of_the_minister_named(extractor):
    text = ("Defense Minister Gen Nakatani spoke in the Diet on Tuesday. Separately, the "
            "Defense Ministry said patrol flights would be increased.")
    facts = extractor.extract(text)
    assert _speaker(facts, "patrol flights") == "Japan's Ministry of Defense"


def test_the_ministry_in_a_ministers_report_is_his_own(extractor):
    text = ("Foreign Minister Takeshi Iwaya met reporters on Monday. Later, Defense Minister "
            "Gen Nakatani said the ministry believed that “several hundred” soldiers had "
            "been moved.")
    facts = extractor.extract(text)
    direct = [q for q in facts.quotes if q.kind == "direct"]
    assert direct and direct[0].speaker in ("Japan's Ministry of Defense", "Gen Nakatani")


def test_commander_in_chief_is_the_general(extractor):
    text = ("Poland's commander-in-chief, Wieslaw Kukula, visited the border on Monday. In a "
            "radio interview, the general said the drills had gone well.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the drills had gone well") == "Wieslaw Kukula"


def test_the_think_tank_and_the_newspaper_are_the_bodies_named(extractor):
    text = ("The Center for Naval Analyses said on Monday that the port had been expanded. "
            "The think tank assessed that the new piers could take larger ships.\n\n"
            "The Jakarta Post reported the same day that the navy had ordered tugboats. The "
            "newspaper said the order was worth $40 million.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the new piers could take") == "Center for Naval Analyses"
    assert _speaker(facts, "the order was worth") == "Jakarta Post"


def test_clause_before_an_attribution_when_the_quote_after_took_the_root(extractor):
    text = ("Ortega disagreed on one point. The price cap had probably already failed, he "
            "said, “long before the first tanker left port.”")
    facts = extractor.extract(text)
    assert _speaker(facts, "The price cap had probably already failed") == "Ortega"


def test_a_belief_relayed_by_according_to_is_a_report(extractor):
    text = ("Poland's Internal Security Agency, according to lawmakers who attended a closed "
            "briefing, believes about 40 of the saboteurs entered through Belarus.")
    facts = extractor.extract(text)
    found = [q for q in facts.quotes if "about 40 of the saboteurs" in q.text]
    assert found and found[0].speaker != "lawmakers"
    assert not any(q.text == "Poland's Internal Security Agency" for q in facts.quotes)


def test_the_department_after_the_pentagon(extractor):
    text = ("Pentagon spokesperson Maria Reyes said on Friday that the drills had ended. A "
            "week earlier, the department had spoken only of “signs” of a pullback.")
    facts = extractor.extract(text)
    direct = [q for q in facts.quotes if q.text == "signs"]
    assert direct and direct[0].speaker == "Pentagon"


def test_role_in_a_lead_named_in_the_next_sentence(extractor):
    text = ("VILNIUS, May 2 (Reuters) - Allied jets intercepted two bombers over the Baltic, "
            "Lithuania's defence minister said on Friday.\n\n"
            "\"The aircraft did not respond to radio calls,\" Defence Minister Laurynas "
            "Kasciunas told reporters.")
    facts = extractor.extract(text)
    assert _speaker(facts, "Allied jets intercepted") == "Laurynas Kasciunas"


def test_a_body_ner_missed_is_named_by_its_capitalised_words(extractor):
    text = ("Latvia's Joint Headquarters for the Protection of Critical Infrastructure says "
            "the cable was cut by an anchor.")
    facts = extractor.extract(text)
    speaker = _speaker(facts, "the cable was cut")
    assert speaker and "Headquarters for the Protection" in speaker


def test_she_is_the_woman_of_two_people_just_named(extractor):
    text = ("Foreign Minister Elina Valtonen met her Estonian counterpart Margus Tsahkna in "
            "Helsinki. Tsahkna praised the cooperation. She said Finland would extend the "
            "border closure.")
    facts = extractor.extract(text)
    assert _speaker(facts, "Finland would extend") == "Elina Valtonen"


def test_gender_from_titles_and_given_names():
    from bot.extraction.entities import gender_of
    assert gender_of("Natalia Galibarenko", None) == "f"
    assert gender_of("Nikita Smirnov", None) is None
    assert gender_of("John Kirby", "spokesman") == "m"
    assert gender_of("Kim Yo Jong", None) is None


def test_ambassador_to_a_body_is_a_role(extractor):
    text = ("Ukraine's ambassador to the OSCE, Yevhenii Tsymbaliuk, and the Polish envoy, "
            "Adam Halacinski, spoke. Halacinski left early. The ambassador said the mission "
            "would stay.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the mission would stay") == "Yevhenii Tsymbaliuk"


def test_that_clause_hung_beside_the_reporting_verb(extractor):
    text = ("The summit opened a day after Brazil’s Folha de S.Paulo reported, citing a "
            "senior diplomat, that Brasilia was preparing a “second round” of talks.")
    facts = extractor.extract(text)
    found = [q for q in facts.quotes if q.kind == "reported" and "Brasilia was preparing" in
             q.text]
    assert found and found[0].speaker == "senior diplomat"


def test_a_newspaper_keeps_its_own_name():
    from bot.extraction.entities import _MEDIA_WORDS
    assert "shimbun" in _MEDIA_WORDS


def test_the_ministers_office_and_a_that_clause_parsed_as_a_noun(extractor):
    text = ("Defence Minister Ben Wallace spoke to the BBC on Sunday. After the interview, the "
            "minister’s office clarified that the MOD estimate dated from the end of June.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the MOD estimate dated") == "Ben Wallace's office"


def test_a_reported_clause_ending_in_a_quote_is_kept(extractor):
    text = ("The Prime Minister added that Canada would stand with Latvia “for as long as it "
            "takes”.")
    facts = extractor.extract(text)
    kinds = sorted(q.kind for q in facts.quotes)
    assert kinds == ["direct", "reported"]
    reported = [q for q in facts.quotes if q.kind == "reported"][0]
    assert reported.text.startswith("Canada would stand with Latvia")


def test_a_quote_after_a_speech_participle_is_not_the_clauses(extractor):
    text = ("Mette Frederiksen stated that the sabotage signifies Moscow’s growing "
            "recklessness, noting, “Three cables have been cut in a single month, and nobody "
            "believes it was an accident.”")
    facts = extractor.extract(text)
    reported = [q for q in facts.quotes if q.kind == "reported"]
    assert reported and reported[0].text.endswith("recklessness")


def test_speaker_names_without_top_or_a_cut_bracket(extractor):
    facts = extractor.extract("Top U.S. commanders told senators that the drills had ended.")
    assert _speaker(facts, "the drills had ended") == "U.S. commanders"
    facts = extractor.extract("Poland's Territorial Defence Forces (WOT) reported that two "
                              "drones had crashed near Lublin.")
    speaker = _speaker(facts, "two drones had crashed")
    assert speaker and "(" not in speaker


def test_a_countrys_acronym_body_is_the_body():
    from bot.extraction.names import canonical_org
    assert canonical_org("NIS") == "South Korea's National Intelligence Service"


def test_trailing_told_with_its_hearer_still_names_the_speaker(extractor):
    from bot.extraction.attribution import _trailing_subject
    doc = extractor.nlp("Moscow has moved about 2,000 more sailors to the port since May, a "
                        "senior NATO official told reporters on Monday.")
    told = next(t for t in doc if t.lower_ == "told")
    found = _trailing_subject(told)
    assert found is not None and found.lower_ == "official"


def test_a_country_is_never_a_person_record():
    from bot.extraction.entities import EntityTable
    table = EntityTable()
    record = table.add("United States", "PERSON", 0, 13)
    assert record is not None and record.label == "GPE"
    assert table.latest(20, lambda r: r.label == "PERSON") is None


def test_the_president_is_the_head_of_the_speakers_own_country(extractor):
    text = ("French Armed Forces Minister Catherine Vautrin spoke to reporters in Paris on "
            "Monday. The President has said that no option is excluded, she added.")
    facts = extractor.extract(text)
    assert _speaker(facts, "no option is excluded") == "Emmanuel Macron"


def test_pronoun_takes_a_newcomer_of_unknown_gender_over_an_earlier_woman(extractor):
    # Korean given names say nothing of gender: "she" after a newly introduced Korean
    # lawmaker is the lawmaker, not the woman quoted two sentences before
    text = (
        "Maria Zakharova, the Russian foreign ministry spokeswoman, dismissed the reports on "
        "Tuesday.\n\n"
        "In Seoul, Lee Soo-jin, a member of the defence committee, said the spy agency had "
        "briefed lawmakers on the casualties. She said about 300 soldiers had been killed.")
    facts = extractor.extract(text)
    assert _speaker(facts, "about 300 soldiers had been killed") == "Lee Soo-jin"


def test_pronoun_still_follows_gender_between_two_people_named_together(extractor):
    text = ("Volodymyr Zelensky met Kaja Kallas in Kyiv on Friday. She said the union "
            "would fund more air defence.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the union would fund") == "Kaja Kallas"


def test_town_the_tagger_calls_a_person_is_no_antecedent(extractor):
    # NER tags "Sumy" PERSON; written only after "from"/"in", it is a place
    text = ("“We knew what was coming,” said Iryna, a 31-year-old combat medic from Sumy who "
            "treats wounded soldiers. She asked that her surname not be used.\n\n"
            "Most of the wounded she sees were brought back from the front near Sumy.")
    facts = extractor.extract(text)
    assert not [e for e in facts.entities if e.name == "Sumy" and e.label == "PERSON"]
    assert _speaker(facts, "We knew what was coming") == "Iryna"


def test_one_of_them_named_by_apposition_and_taken_up_by_he(extractor):
    text = (
        "Two soldiers were captured near the village in January.\n\n"
        "One of them, a 22-year-old rifleman, said he had been told he was going to a "
        "training exercise. He said his platoon had lost most of its men in a week.")
    facts = extractor.extract(text)
    assert _speaker(facts, "he had been told he was going") == "rifleman"
    assert _speaker(facts, "his platoon had lost") == "rifleman"


def test_quoted_by_a_body_as_saying_is_the_one_quoted(extractor):
    text = ("Commander Oleh Marchenko was quoted by the regional administration as saying "
            "that the bridge had been destroyed overnight.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the bridge had been destroyed") == "Oleh Marchenko"


def test_bare_foreign_ministry_is_the_dateline_country_s(extractor):
    text = ("TOKYO — Japan's defence minister said on Tuesday that the new units were a "
            "threat to the region.\n\n"
            "The foreign ministry said it had lodged a protest through diplomatic channels.")
    facts = extractor.extract(text)
    assert _speaker(facts, "it had lodged a protest") == "Ministry of Foreign Affairs of Japan"


def test_state_news_agency_is_that_of_the_country_the_narration_is_on(extractor):
    text = ("The spy agency told lawmakers that about 100 soldiers had died.\n\n"
            "Pyongyang, for its part, rejected the figure on Friday. A commentary carried by "
            "the state news agency called the estimate “lies spread by puppet traitors”.")
    facts = extractor.extract(text)
    assert _speaker(facts, "lies spread by puppet traitors") == "Korean Central News Agency"


def test_state_news_agency_with_no_country_is_no_spy_agency(extractor):
    text = ("The National Intelligence Service told lawmakers that about 100 soldiers had "
            "died.\n\nThe state news agency said the figure was invented.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the figure was invented") != \
        "South Korea's National Intelligence Service"


def test_it_is_the_body_not_a_town_named_in_its_quote(extractor):
    text = ("“Pyongyang has sent two brigades,” the National Intelligence Service said in a "
            "statement. “The units are now stationed at bases in the Far East, including "
            "Ussuriysk, Khabarovsk and Blagoveshchensk.”\n\nThe agency released satellite images of what it said were the "
            "camps. It added that the soldiers had been given local identity papers.")
    facts = extractor.extract(text)
    assert _speaker(facts, "given local identity papers") == \
        "South Korea's National Intelligence Service"


def test_towns_listed_after_ports_of_are_no_people(extractor):
    text = ("Transport ships carried the soldiers from the ports of Chongjin, Hamhung and "
            "Musudan to Vladivostok, the agency said.")
    facts = extractor.extract(text)
    assert not [e for e in facts.entities if e.label == "PERSON" and e.name in (
        "Chongjin", "Hamhung", "Musudan")]


def test_placed_source_drops_familiar_with_but_a_bare_one_keeps_it(extractor):
    text = ("A British official familiar with the assessment told the paper that the units had "
            "moved south. Two people familiar with the talks said a deal was close.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the units had moved south") == "British official"
    assert _speaker(facts, "a deal was close").lower() == "two people familiar with the talks"


def test_countryless_body_takes_the_country_owning_the_last_subject(extractor):
    text = ("Tokyo's response came within hours. The Ministry of Foreign Affairs called the "
            "deployment “a grave threat” and said it would coordinate with its allies.")
    facts = extractor.extract(text)
    assert _speaker(facts, "it would coordinate") == "Ministry of Foreign Affairs of Japan"


def test_countryless_body_and_its_acronym_keep_the_country_once_found(extractor):
    text = ("About 2,000 more soldiers have arrived in the region, South Korea's military "
            "said on Monday.\n\n"
            "In a report to lawmakers, the Joint Chiefs of Staff (JCS) said the new troops "
            "had been trained in the Far East.\n\n"
            "JCS spokesperson Col. Park Min-woo told reporters the transfers would continue. "
            "The JCS also said that artillery shipments had resumed.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the new troops had been trained") == \
        "South Korea's Joint Chiefs of Staff"
    assert _speaker(facts, "artillery shipments had resumed") == \
        "South Korea's Joint Chiefs of Staff"


def test_bare_kind_is_the_body_of_that_kind_named_with_its_country(extractor):
    text = ("The General Staff of the Armed Forces of Ukraine reported that Russia had lost "
            "1,200 soldiers in a day. Russia shelled 30 villages, the General Staff said.")
    facts = extractor.extract(text)
    assert _speaker(facts, "Russia shelled 30 villages") == \
        "General Staff of the Armed Forces of Ukraine"


def test_meeting_delegates_are_told_apart_by_their_countries(extractor):
    text = (
        "The representative of Chile said his delegation supported the draft.\n\n"
        "Poland's representative said the vote was a turning point. The delegate of Latvia "
        "said the Assembly could not look away from the war.\n\n"
        "Speaking in right of reply, the representative of Belarus rejected the accusations "
        "as baseless. He said that his country's policy was peaceful.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the vote was a turning point") == "Poland's representative"
    assert _speaker(facts, "could not look away") == "delegate of Latvia"
    assert _speaker(facts, "policy was peaceful") == "representative of Belarus"


# --- naming ---


def test_body_named_with_its_capitals_possessive_is_the_countrys(extractor):
    text = ("Tokyo, Nov 3 - Officials in Tokyo were cautious. Seoul's National Intelligence "
            "Service said on Monday that about 2,000 more soldiers had been sent.")
    facts = extractor.extract(text)
    assert _speaker(facts, "2,000 more soldiers") == \
        "South Korea's National Intelligence Service"


def test_a_spokesperson_for_a_body_is_named_as_that_bodys_spokesperson(extractor):
    text = ("A spokesperson for the Federal Chancellery in Vienna said the government would "
            "summon the ambassador. The ministry gave no details.")
    facts = extractor.extract(text)
    assert _speaker(facts, "summon the ambassador") == "Federal Chancellery spokesperson"


def test_call_sign_in_quotes_is_a_name_and_the_n_year_old_its_bearer(extractor):
    text = (
        "KHARKIV region, Ukraine (AFP) - The artillery spotter known as \"Grom\" has spent "
        "three winters on this ridge.\n\n"
        "\"The first week they came in columns,\" said the 29-year-old, who asked to be "
        "identified only by his call sign.\n\n"
        "- 'No cover' -\n\n"
        "His commander, a major with the call sign \"Lis\", said the attacks had slowed. "
        "\"We stopped counting after fifty,\" he told AFP.")
    facts = extractor.extract(text)
    texts = [q.text for q in facts.quotes]
    assert "Grom" not in texts and "No cover" not in texts
    assert _speaker(facts, "they came in columns") == "Grom"
    assert _speaker(facts, "the attacks had slowed") == "Lis"
    assert _speaker(facts, "We stopped counting") == "Lis"


def test_his_deputy_is_not_him(extractor):
    text = ("Colonel Andriy Moroz commands the brigade. His deputy said the unit had lost "
            "a third of its vehicles.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the unit had lost") != "Andriy Moroz"


def test_a_body_title_before_a_name_is_no_part_of_the_name(extractor):
    text = ("Head of the Center for Countering Disinformation Petro Savchuk said that the "
            "brigade had lost 300 soldiers.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the brigade had lost") == "Petro Savchuk"
    text = ("Director of the Institute for National Security Strategy said that the North "
            "had sent 500 more soldiers.")
    assert "Security Strategy" not in {q.speaker for q in extractor.extract(text).quotes}


def test_said_name_comma_participle_is_the_name(extractor):
    text = ("Near the river, Danylo, a 38-year-old mortar gunner, was cleaning his rifle.\n\n"
            "\"If they come again, we will be waiting,\" said Danylo, smiling.")
    facts = extractor.extract(text)
    assert _speaker(facts, "we will be waiting") == "Danylo"


def test_trailing_calling_is_the_reporters_not_the_clause_subjects(extractor):
    text = ("Spokesman Tom Baker said on Monday that the North Koreans had lost hundreds of "
            "men in a single week, calling their commanders' tactics \"reckless\".")
    facts = extractor.extract(text)
    assert _speaker(facts, "reckless") == "Tom Baker"


def test_delegate_of_a_country_named_over_several_words(extractor):
    text = ("The representative of the Russian Federation said the resolution was one-sided."
            "\n\nSpeaking in right of reply, the representative of the Democratic People's "
            "Republic of Korea rejected the references to his country. He said that his "
            "country's policy was peaceful.")
    facts = extractor.extract(text)
    assert _speaker(facts, "policy was peaceful") == \
        "representative of the Democratic People's Republic of Korea"


def test_the_younger_one_and_a_subject_the_parser_hung_on_an_absolute_phrase(extractor):
    text = (
        "Two soldiers were captured in January. The older man, a sniper, said he had been "
        "promised a house.\n\n"
        "In the video, the older man, his arm in a sling, says he would like to stay. The "
        "younger one, sitting on a cot, says he wants to go home, then adds: “If they let "
        "me, I will study here.”")
    facts = extractor.extract(text)
    # (how the two are named is another matter: which of them speaks is tested here)
    assert "older" in _speaker(facts, "he would like to stay")
    assert "younger" in _speaker(facts, "he wants to go home")
    assert "younger" in _speaker(facts, "I will study here")


# --- naming: unnamed speakers described as a reader would ---


def test_an_unnamed_officials_nationality_comes_from_where_they_speak(extractor):
    text = "A defence ministry official in Warsaw said that the brigade had moved."
    assert _speaker(extractor.extract(text), "the brigade had moved") == \
        "Polish defence ministry official"


def test_an_unnamed_officials_body_word_is_the_body_just_named(extractor):
    text = ("Tallinn's reaction was quick. The Ministry of Defence said the drills were over. "
            "A ministry official told reporters that the brigade had moved.")
    assert _speaker(extractor.extract(text), "the brigade had moved") == \
        "Estonian defence ministry official"


def test_an_unnamed_soldier_is_of_the_group_just_introduced(extractor):
    text = ("Reporters spoke to three Belarusian soldiers at the border. A conscript from an "
            "engineering battalion said that the officers had left.")
    assert _speaker(extractor.extract(text), "the officers had left") == "Belarusian conscript"


def test_one_such_member_is_the_group_and_standing_words_go(extractor):
    text = ("Several prominent nationalist bloggers have written about the losses. One such "
            "blogger wrote that 300 soldiers had died.")
    assert _speaker(extractor.extract(text), "300 soldiers had died") == "nationalist bloggers"


def test_the_older_man_of_a_group_is_named_by_the_groups_noun(extractor):
    text = ("Two Syrian defectors spoke to reporters. The younger defector said he had fled in "
            "May. The older man said that his unit had lost 40 soldiers.")
    assert _speaker(extractor.extract(text), "his unit had lost") == "older defector"


def test_a_description_with_a_proper_modifier_gets_no_nationality(extractor):
    text = "A Western diplomat in Seoul said that the talks had stalled."
    assert _speaker(extractor.extract(text), "the talks had stalled") == "Western diplomat"


def test_the_official_is_the_one_introduced_with_a_in_spite_of_a_name_after_it(extractor):
    text = ("Western and Ukrainian officials said the units had moved. A US official, speaking "
            "to reporter Anna Weiss on condition of anonymity, said Washington was watching."
            "\n\n"
            "\"They are being thrown in without armour,\" the official said.")
    facts = extractor.extract(text)
    assert _speaker(facts, "thrown in without armour") == "US official"


def test_former_office_epithet_is_the_person_the_narration_is_on(extractor):
    text = ("\"This is about boots now,\" EU foreign policy chief Kaja Kallas told reporters. "
            "She said the war had become a global issue. \"What happens in Kursk matters in "
            "Tallinn,\" the former Estonian prime minister added.")
    facts = extractor.extract(text)
    assert _speaker(facts, "What happens in Kursk") == "Kaja Kallas"


def test_clause_after_the_verb_beats_a_clause_before_a_semicolon(extractor):
    text = ("The ministry has put the losses higher; President Maia Sandu said in March that "
            "the casualties had passed 6,000.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the casualties had passed 6,000") == "Maia Sandu"


def test_members_of_a_named_body_speak_for_it(extractor):
    text = ("Officers of the State Emergency Service reported that 40 soldiers had been "
            "evacuated from the bridge.")
    assert _speaker(extractor.extract(text), "40 soldiers had been evacuated") == \
        "State Emergency Service"
    text = "Officers of the General Staff said that the bridge had been evacuated."
    assert _speaker(extractor.extract(text), "the bridge had been evacuated") != "Staff"


def test_one_of_the_men_is_of_the_group_the_article_counted(extractor):
    text = ("Kyiv offered to swap the three Belarusian soldiers captured near Gomel for "
            "Ukrainian prisoners held in Minsk. In a video, one of the men said that he had "
            "been promised a bonus.")
    assert _speaker(extractor.extract(text), "promised a bonus") == \
        "captured Belarusian soldier"


def test_the_older_and_younger_ones_keep_the_names_they_were_given(extractor):
    text = (
        "The two soldiers were questioned in Kyiv. The younger prisoner said he had been "
        "told he was going to an exercise. The older prisoner said his unit had lost half "
        "its men.\n\n"
        "In the video, the older man, his head bandaged, says he would like to stay. The "
        "younger one says he wants to go home.")
    facts = extractor.extract(text)
    assert _speaker(facts, "he would like to stay") == "older prisoner"
    assert _speaker(facts, "he wants to go home") == "younger prisoner"


def test_praise_and_thanks_carry_their_scare_quotes(extractor):
    text = ("Vladimir Putin said the country would remember them, and Russia's top general, "
            "Valery Gerasimov, praised their \"discipline\".")
    facts = extractor.extract(text)
    assert _speaker(facts, "discipline") == "Valery Gerasimov"


def test_unnamed_office_of_a_country_is_its_known_holder(extractor):
    text = ("Pyongyang confirmed the deployment on Monday, and on the same day Moscow's top "
            "general thanked the troops for their \"courage\".")
    facts = extractor.extract(text)
    assert _speaker(facts, "courage") == "Valery Gerasimov"


def test_a_spokesman_for_a_short_form_is_named_by_the_bodys_full_name(extractor):
    text = ("Ukraine's Special Operations Forces published a video on Friday. A spokesman for "
            "the forces said that 30 North Korean soldiers had been killed.")
    assert _speaker(extractor.extract(text), "30 North Korean soldiers") == \
        "Ukraine's Special Operations Forces spokesman"
    text = ("Ukraine's Special Operations Forces published a video on Friday. The forces said "
            "that 30 North Korean soldiers had been killed.")
    assert _speaker(extractor.extract(text), "30 North Korean soldiers") == \
        "Ukraine's Special Operations Forces"


def test_an_unnamed_speakers_nationality_from_a_fuller_mention_not_the_enemys(extractor):
    text = ("Belarusian Telegram channels have reported heavy fighting near the border for a "
            "week. Officials in Minsk were silent. The weather was cold. On Monday a Telegram "
            "channel wrote that 200 soldiers had been killed.")
    assert _speaker(extractor.extract(text), "200 soldiers had been killed") == \
        "Belarusian Telegram channel"
    text = ("North Korean soldiers have been fighting near Sudzha since December. A soldier "
            "from the 47th Brigade said that the North Koreans were brave.")
    assert "North Korean" not in _speaker(extractor.extract(text), "the North Koreans were")


def test_the_general_is_not_a_chief_of_the_general_staff_by_the_word_general(extractor):
    text = ("Chief of the General Staff Valery Gerasimov claimed the region was retaken. "
            "Ukraine's commander-in-chief, Oleksandr Syrskyi, has given a different picture. "
            "In a post on Friday, the general said Russia had lost more than 50,000 soldiers "
            "in the region.")
    facts = extractor.extract(text)
    assert _speaker(facts, "Russia had lost more than 50,000") == "Oleksandr Syrskyi"


def test_according_to_his_president_is_the_head_of_his_country(extractor):
    text = ("President Volodymyr Zelensky spoke by video. The representative of Ukraine said "
            "that Russian losses had exceeded 30,000, according to his President.")
    facts = extractor.extract(text)
    quotes = [q for q in facts.quotes if "Russian losses" in q.text]
    assert quotes and all(q.speaker != "his President" for q in quotes)


def test_a_countrys_representative_is_not_its_known_ambassador(extractor):
    text = ("Kremlin spokesman Dmitry Peskov spoke to reporters on Friday. The Kremlin "
            "representative also rejected the estimate, calling it \"another hostile "
            "invention\".")
    facts = extractor.extract(text)
    assert _speaker(facts, "another hostile invention") != "Vassily Nebenzia"


def test_my_colleague_named_in_a_briefing_turn_is_the_colleague(extractor):
    text = ("MR SMITH: We have nothing to add on numbers. I'd point you to the Pentagon: my "
            "colleague Ann Dale said that the units have been integrated into Russian "
            "formations.\n\nQUESTION: Thank you.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the units have been integrated") == "Ann Dale"


def test_a_presidents_office_or_aides_are_the_presidential_office(extractor):
    text = ("Moldova's president, Maia Sandu, said she wants calm, and her aides have said she "
            "will not send troops.")
    assert _speaker(extractor.extract(text), "will not send troops") == \
        "Moldovan presidential office"
    text = "Defence Minister Hanno Pevkur's office said that the brigade had been sent."
    assert _speaker(extractor.extract(text), "the brigade had been sent") == "Hanno Pevkur"



def test_bare_general_staff_is_a_body_of_the_officials_country_not_a_general(extractor):
    text = ("As Commander-in-Chief of the Armed Forces of Ukraine, Colonel General Oleksandr "
            "Syrskyi, noted on Monday, the units attack on foot.\n\n"
            "The aggressor's leadership denies it. The General Staff emphasises that such "
            "statements are refuted by the facts.")
    facts = extractor.extract(text)
    assert _speaker(facts, "such statements are refuted") == \
        "General Staff of the Armed Forces of Ukraine"



def test_as_the_statement_put_it_gives_the_quotes_speaker(extractor):
    text = ("The timing was deliberate. As the KCNA statement put it, the troops had "
            "“fulfilled their duty” with honour.")
    facts = extractor.extract(text)
    assert _speaker(facts, "fulfilled their duty") == "Korean Central News Agency"



def test_a_countrys_envoy_at_the_un_is_its_known_ambassador_there(extractor):
    text = ("North Korea’s envoy at the United Nations called the reports “baseless "
            "slander.”")
    facts = extractor.extract(text)
    assert _speaker(facts, "baseless slander") == "Kim Song"


def test_a_short_form_of_a_body_named_in_full_is_that_body(extractor):
    text = ("The Polish Armed Forces' Operational Command said on Monday that it had scrambled "
            "jets. Later the Operational Command said that 300 soldiers had arrived.")
    assert _speaker(extractor.extract(text), "300 soldiers had arrived") == \
        "Polish Armed Forces' Operational Command"
    text = ("Members of the National Assembly's Defense Committee met. The National Assembly "
            "said that 300 soldiers had arrived.")
    assert _speaker(extractor.extract(text), "300 soldiers had arrived") == "National Assembly"



def test_clause_around_a_quote_with_a_subordinate_subject_is_reported_too(extractor):
    text = ("A British defence official said the conscripts had been “used as cannon fodder, "
            "in the way the army used its penal units in the east”.")
    facts = extractor.extract(text)
    kinds = {q.kind for q in facts.quotes if "cannon fodder" in q.text}
    assert kinds == {"direct", "reported"}



def test_a_subjects_belief_participle_stays_in_the_reported_clause(extractor):
    text = ("Two North Korean prisoners have told interrogators that they were sent abroad "
            "believing they were going on an exercise.")
    facts = extractor.extract(text)
    found = [q.text for q in facts.quotes if q.kind == "reported"]
    assert found == ["they were sent abroad believing they were going on an exercise"]


def test_a_given_name_ner_left_in_the_body_before_it_is_the_persons(extractor):
    text = ("Representative of the Main Directorate of Intelligence Taras Hlushko said that "
            "300 soldiers had arrived.")
    assert _speaker(extractor.extract(text), "300 soldiers had arrived") == "Taras Hlushko"


def test_nationality_goes_after_rank_words(extractor):
    text = "A senior government official in Warsaw said that the brigade had moved."
    assert _speaker(extractor.extract(text), "the brigade had moved") == \
        "senior Polish government official"



def test_live_blog_key_events_lines_are_body_text_in_headline_style(extractor):
    text = ("Key events\n"
            "Sandu says Moldova ready to expel diplomats if Moscow sends troops\n"
            "Border agency confirms incident, says two drones crossed overnight\n\n"
            "17.41 GMT\n\nMore on this shortly.")
    facts = extractor.extract(text)
    assert _speaker(facts, "Moldova ready to expel diplomats") == "Sandu"
    assert _speaker(facts, "two drones crossed overnight")



def test_a_gerund_object_of_another_verb_is_nobodys_report(extractor):
    text = ("Analyst Jun Park said he doubted Pyongyang would accept a swap, because doing so "
            "would mean admitting that it had sent troops at all.")
    facts = extractor.extract(text)
    assert not [q for q in facts.quotes if q.text.startswith("it had sent troops")]


def test_an_unnamed_official_is_of_the_datelines_state(extractor):
    text = "WARSAW, Nov 4 (Reuters) - Belarus has moved 300 soldiers, a senior official said."
    assert _speaker(extractor.extract(text), "Belarus has moved") == "senior Polish official"
    text = "WARSAW, Nov 4 (Reuters) - A senior official said that Polish troops would stay."
    assert _speaker(extractor.extract(text), "Polish troops would stay") == "senior official"
    text = "WARSAW, Nov 4 (Reuters) - Western officials said that 300 soldiers had arrived."
    assert _speaker(extractor.extract(text), "300 soldiers had arrived") == "Western officials"


def test_a_bodys_own_spokesperson_is_named_by_the_body(extractor):
    text = ("The foreign ministry in Tokyo said it was concerned. The ministry's spokesperson "
            "said that 300 soldiers had arrived.")
    assert _speaker(extractor.extract(text), "300 soldiers had arrived") == \
        "Ministry of Foreign Affairs of Japan spokesperson"



def test_qa_answers_speak_for_the_interviewee_and_keep_their_reasons(extractor):
    text = ("In an interview on Thursday, Ambassador Olena Hrytsenko said the units had adapted "
            "quickly.\n\n"
            "Q. What do the prisoners want?\n\n"
            "A. Our people who talk to them every day say they are frightened, because their "
            "families could be punished. One of our brigade commanders told me at the time "
            "that his men could not believe what they were seeing.")
    facts = extractor.extract(text)
    texts = [q.text for q in facts.quotes]
    assert "they are frightened, because their families could be punished" in texts
    assert _speaker(facts, "they are frightened") == "Olena Hrytsenko"
    assert _speaker(facts, "his men could not believe") == "brigade commander"



def test_a_second_that_clause_after_but_stays_in_the_report(extractor):
    text = ("Spokesman Tom Baker said the US could not yet confirm the reports, but that if "
            "true they would mark \"a dangerous development\" for Europe.")
    facts = extractor.extract(text)
    found = [q.text for q in facts.quotes if q.kind == "reported"]
    assert found == ["the US could not yet confirm the reports, but that if true they would "
                     "mark \"a dangerous development\" for Europe"]


def test_a_held_state_after_a_group_noun_is_named_before_it(extractor):
    text = ("The two Belarusian soldiers detained by Lithuania in May remain in Vilnius. In a "
            "video, one of them says that he did not know he had crossed the border.")
    assert _speaker(extractor.extract(text), "he had crossed the border") == \
        "detained Belarusian soldier"



def test_a_plural_role_speaks_as_a_group_not_as_one_minister(extractor):
    text = ("Foreign Minister Anna Berg met reporters on Monday. Later the G7 foreign ministers "
            "said in a statement that they were \"gravely concerned\" about the transfers.")
    facts = extractor.extract(text)
    found = [q for q in facts.quotes if q.kind == "reported" and "gravely" in q.text]
    assert found and found[0].speaker == "G7 foreign ministers"



def test_the_sergeant_is_not_the_colonel_named_before(extractor):
    text = ("Colonel Ivan Petrenko, a spokesman for the brigade, said the enemy had withdrawn."
            "\n\nThe second soldier, a sergeant, said that communication was the main problem. "
            "«They never retreat,» the sergeant said.")
    facts = extractor.extract(text)
    assert _speaker(facts, "They never retreat") != "Ivan Petrenko"



def test_our_chairman_in_a_briefing_turn_is_not_the_briefer(extractor):
    text = ("COL. PARK MIN-HO: More may come. As our JCS chairman noted in March, the North "
            "also continues to supply Russia with missiles.")
    facts = extractor.extract(text)
    assert _speaker(facts, "continues to supply Russia") == "JCS chairman"



def test_an_unnamed_bodys_belief_inside_a_report_is_the_reporters(extractor):
    text = ("A senior cabinet official, speaking on condition of anonymity, said the government "
            "believed the shipments had resumed in exchange for fuel.")
    facts = extractor.extract(text)
    found = [(q.speaker, q.text) for q in facts.quotes]
    assert found == [("senior cabinet official",
                      "the government believed the shipments had resumed in exchange for fuel")]



def test_the_first_official_to_say_is_the_subject_of_the_copula(extractor):
    text = ("Foreign Minister Anna Berg on Monday was the first senior European official to "
            "say there was evidence of foreign troops in the region.")
    facts = extractor.extract(text)
    assert _speaker(facts, "there was evidence of foreign troops") == "Anna Berg"


def test_our_body_in_an_interview_answer_is_the_interviewees_country_body(extractor):
    text = ("Ukraine's ambassador to Poland, Ivan Petrenko, spoke to us on Monday. \"We "
            "are ready,\" Petrenko said.\n\n"
            "Q. How many soldiers does Russia have in Kursk?\n\n"
            "A. Our General Staff reported that Russia had lost 38,000 soldiers there. Our "
            "commanders say the North Koreans now move in small groups.")
    facts = extractor.extract(text)
    assert _speaker(facts, "Russia had lost 38,000") == \
        "General Staff of the Armed Forces of Ukraine"
    assert _speaker(facts, "move in small groups") == "Ukrainian commanders"



def test_one_of_them_is_of_the_group_the_last_sentence_was_about(extractor):
    text = ("According to the SBU, one of the prisoners told investigators he had been "
            "promised a place at an academy.\n\n"
            "Two people familiar with the matter said the second group was already in "
            "training. One of them said the group numbered several thousand.")
    facts = extractor.extract(text)
    assert "people familiar with the matter" in _speaker(facts, "numbered several thousand")



def test_another_citing_its_own_sources_is_another_of_the_group(extractor):
    text = ("Nationalist Telegram channels have begun to write about the units. One such "
            "channel wrote that the newcomers had \"paid in blood\". Another, citing its own "
            "sources, claimed that the losses were \"much lower\" than those claimed by Kyiv.")
    facts = extractor.extract(text)
    first = _speaker(facts, "the newcomers had")
    assert first and _speaker(facts, "much lower") == first


def test_a_states_state_media_speaks_for_the_state(extractor):
    text = "Minsk's state media said that 300 soldiers had arrived."
    assert _speaker(extractor.extract(text), "300 soldiers had arrived") == "Belarus"



def test_the_agency_is_the_spy_agency_mentioned_before_in_a_datelined_story(extractor):
    text = ("SEOUL, Feb 3 (Yonhap) -- A lawmaker said Monday the spy agency had briefed the "
            "committee on new casualty figures.\n\n"
            "The agency estimated that about 300 soldiers had been killed, the lawmaker said.")
    facts = extractor.extract(text)
    assert _speaker(facts, "about 300 soldiers had been killed") == \
        "South Korea's National Intelligence Service"


def test_a_group_speaker_named_in_its_relative_clause_and_no_age_words(extractor):
    text = ("A 45-year-old woman from Narva, who gave only her first name, Irina, said that "
            "300 soldiers had arrived.")
    assert _speaker(extractor.extract(text), "300 soldiers had arrived") == "Irina"
    text = "A 45-year-old woman from Narva said that 300 soldiers had arrived."
    assert _speaker(extractor.extract(text), "300 soldiers had arrived") == "woman from Narva"



def test_one_of_them_described_by_apposition_is_he_even_without_a_speech_verb(extractor):
    text = ("Two soldiers were brought into a small room. One of them, a 22-year-old scout, "
            "spoke first. He said he had not known where he was being sent.")
    facts = extractor.extract(text)
    assert _speaker(facts, "he had not known where") == "scout"


def test_a_units_country_names_its_member(extractor):
    text = ("A drone operator from Latvia's 2nd Infantry Brigade said that 300 soldiers had "
            "arrived.")
    assert _speaker(extractor.extract(text), "300 soldiers had arrived") == \
        "Latvian drone operator"


def test_the_other_is_another_of_the_group(extractor):
    text = ("Officials said one of the captured soldiers wanted to stay, while the other had "
            "said he wanted to return home.")
    facts = extractor.extract(text)
    assert _speaker(facts, "he wanted to return home")


def _reported_texts(facts):
    return [q.text for q in facts.quotes if q.kind == "reported"]


def test_a_trailing_the_first_time_appositive_is_the_writers(extractor):
    text = ("Chile said on Friday it had proof that Bolivian engineers were in Peru, the first "
            "time Santiago has openly backed the accounts.")
    assert _reported_texts(extractor.extract(text))[0] == \
        "it had proof that Bolivian engineers were in Peru"
    text = ("Norway says it is sheltering three Latvian pilots, the first to be rescued since "
            "the storms began.")
    assert _reported_texts(extractor.extract(text))[0] == \
        "it is sheltering three Latvian pilots"


def test_a_participle_with_a_subject_of_its_own_stays_in_the_clause(extractor):
    text = ("The ministry said the smugglers had been supplied with Greek military jackets, "
            "Turkish-made pistols and forged identity cards describing them as citizens of "
            "Cyprus.")
    assert _reported_texts(extractor.extract(text)) == [
        "the smugglers had been supplied with Greek military jackets, Turkish-made pistols and "
        "forged identity cards describing them as citizens of Cyprus"]


def test_a_second_reporting_verb_hung_on_the_first_clause_is_the_same_speakers(extractor):
    text = ("Senator Marta Olsen says the sale of the rifles violates the export rules, and "
            "stresses that the licence granted by the agency in May has made Oslo a supplier "
            "of the war.")
    facts = extractor.extract(text)
    found = {q.text: q.speaker for q in facts.quotes if q.kind == "reported"}
    assert found.get("the sale of the rifles violates the export rules") == "Marta Olsen", found
    assert found.get("the licence granted by the agency in May has made Oslo a supplier of "
                     "the war") == "Marta Olsen", found


def test_a_reported_clause_is_cut_in_reading_order(extractor):
    # a non-projective parse yields a subtree's words out of order: the clause still runs
    # from its first word to its last
    from bot.extraction.quotes import QuoteFinder
    doc = extractor.nlp("Ola Berg said 900 Danish sailors were in Tromso, most of them from "
                        "crews that had served in the Baltic.")
    finder = QuoteFinder(doc)
    words = list(doc[3:-1])
    start, end = finder._clause(words[5:8] + words[:5] + words[8:])
    assert doc.text[start:end] == \
        "900 Danish sailors were in Tromso, most of them from crews that had served in the Baltic"


def test_a_report_inside_an_after_clause_is_the_that_clause(extractor):
    text = ("The statement came two days after Ingrid Dahl, the chief of Norway's General Staff, "
            "told Ola Berg in a televised meeting that Danish servicemen had \"provided vital "
            "support\" in driving Swedish units out of Tromso.")
    facts = extractor.extract(text)
    assert _reported_texts(facts) == [
        "Danish servicemen had \"provided vital support\" in driving Swedish units out of "
        "Tromso"]


def test_a_speaker_set_off_by_an_asked_phrase_says_the_clause(extractor):
    text = ("Harbour master Ingrid Dahl, asked about the reports earlier this week, said the "
            "port «does not comment on fabrications» and that traffic in the strait is governed "
            "by the treaty.")
    facts = extractor.extract(text)
    assert {(q.kind, q.speaker) for q in facts.quotes} == {
        ("reported", "Ingrid Dahl"), ("direct", "Ingrid Dahl")}
    assert _reported_texts(facts) == [
        "the port «does not comment on fabrications» and that traffic in the strait is "
        "governed by the treaty"]


def test_according_to_after_a_verb_sharing_its_subject_takes_the_whole_claim(extractor):
    text = ("Danish sailors, pulled back from the northern ports in March after heavy storms, "
            "have returned to patrol with new boats and fresh crews, according to Norwegian "
            "officials.")
    assert _reported_texts(extractor.extract(text)) == [
        "Danish sailors, pulled back from the northern ports in March after heavy storms, have "
        "returned to patrol with new boats and fresh crews"]


def test_a_second_verb_after_a_set_off_speaker_is_the_same_speakers(extractor):
    text = ("Harbour master Ingrid Dahl, asked about the reports at the summit in Bergen, told "
            "reporters that the images \"are a serious matter\" and said Norway would decide "
            "\"when and how\" to act with its allies.")
    found = {q.text: q.speaker for q in extractor.extract(text).quotes if q.kind == "reported"}
    assert found.get("Norway would decide \"when and how\" to act with its allies") == \
        "Ingrid Dahl", found


def test_said_in_a_statement_that_is_the_speakers_clause(extractor):
    text = ("The ruling came after the Defence Council of the South's ruling Labour Party said "
            "in a statement carried by the Norwegian News Agency on Monday that Danish units had "
            "taken part in what it called the \"rescue\" of Tromso under an order from leader "
            "Ola Berg.")
    assert _reported_texts(extractor.extract(text)) == [
        "Danish units had taken part in what it called the \"rescue\" of Tromso under an order "
        "from leader Ola Berg"]


def test_a_trailing_speaker_taken_for_an_appositive_still_reports_the_clause(extractor):
    text = ("Some 40 Peruvian soldiers have been killed and 120 wounded while fighting for "
            "Bolivia against Chile, Peru's spy agency estimated Monday, raising its casualty "
            "count sharply from a month ago.")
    assert _reported_texts(extractor.extract(text)) == [
        "Some 40 Peruvian soldiers have been killed and 120 wounded while fighting for Bolivia "
        "against Chile"]


def test_a_trailing_without_phrase_is_the_writers_remark(extractor):
    text = "Lars Berg wrote on Friday that the harbour would close in May, without giving a reason."
    assert _reported_texts(extractor.extract(text)) == ["the harbour would close in May"]


def test_according_to_the_data_of_x_is_xs_report(extractor):
    text = ("According to the data of Norwegian intelligence, after a pause of about two weeks "
            "the Danish sailors resumed patrols near the harbour of Tromso on 7 February.")
    found = [(q.text, q.speaker) for q in extractor.extract(text).quotes]
    assert found == [("after a pause of about two weeks the Danish sailors resumed patrols near "
                      "the harbour of Tromso on 7 February", "Norway's intelligence")]


def test_a_time_clause_with_a_speech_verb_stays_in_the_claim(extractor):
    text = ("The agency has also said that Danish boats remain moored in Tromso even after Oslo "
            "declared the harbour fully reopened to Swedish traffic in May, and that they were "
            "being used to patrol the coast.")
    assert "Danish boats remain moored in Tromso even after Oslo declared the harbour fully " \
        "reopened to Swedish traffic in May, and that they were being used to patrol the " \
        "coast" in _reported_texts(extractor.extract(text))


def test_that_before_a_subject_is_a_complementiser_when_the_verb_has_an_object(extractor):
    text = ("Lawmaker Ola Berg, who sits on the defence committee, told reporters after the "
            "briefing that the agency had found maps on the bodies of drowned sailors that told "
            "them to sink their boats rather than be boarded.")
    found = [(q.text, q.speaker) for q in extractor.extract(text).quotes]
    assert found == [("the agency had found maps on the bodies of drowned sailors that told them "
                      "to sink their boats rather than be boarded", "Ola Berg")]


def test_a_trailing_speaker_in_the_perfect_reports_the_clause(extractor):
    text = ("Norway has decided to send around 400 sailors to help Denmark in its war against "
            "Sweden, Finland’s spy agency has said, in what would be the first such deployment.")
    assert _reported_texts(extractor.extract(text)) == [
        "Norway has decided to send around 400 sailors to help Denmark in its war against Sweden"]


def test_declared_x_done_is_a_verdict_not_a_reported_clause(extractor):
    text = "Lars Berg said Oslo declared the harbour fully reopened in May."
    assert _reported_texts(extractor.extract(text)) == [
        "Oslo declared the harbour fully reopened in May"]


def test_according_to_y_after_a_direct_quote_adds_no_reported_quote(extractor):
    text = ("“Ola Berg has decided to send 300 divers to clear the harbour and 500 engineers to "
            "rebuild the piers,” Mr Dahl told Danish reporters in the Norwegian capital, "
            "according to Danish state media.")
    facts = extractor.extract(text)
    assert [q.kind for q in facts.quotes] == ["direct"]


def test_a_second_speech_verb_of_the_speaker_ends_the_claim(extractor):
    text = ("Admiral Ola Berg claimed that the campaign to rescue Tromso had been completed and "
            "described the divers as heroes.")
    assert _reported_texts(extractor.extract(text)) == [
        "the campaign to rescue Tromso had been completed"]


def test_a_relative_clause_reporting_another_statement_ends_the_claim(extractor):
    text = ("A senior navy official, however, said Norway’s estimate was “largely in line” with "
            "that of Denmark’s coast guard, which told lawmakers last week that about 300 "
            "Swedish boats had entered the strait.")
    assert "Norway’s estimate was “largely in line” with that of Denmark’s coast guard" in \
        _reported_texts(extractor.extract(text))


def test_a_speaker_reporting_its_own_confirmation_is_one_quote(extractor):
    text = ("Admiral Ola Berg said he had confirmed with Danish officials that two Swedish sailors "
            "rescued on Friday were being treated in Bergen.")
    assert _reported_texts(extractor.extract(text)) == [
        "he had confirmed with Danish officials that two Swedish sailors rescued on Friday were "
        "being treated in Bergen"]


def test_said_with_the_clause_subject_taken_for_an_object(extractor):
    text = ("Dahl said even a deployment several times the current size would barely dent the "
            "navy’s defences along the border with Sweden.")
    assert _reported_texts(extractor.extract(text)) == [
        "even a deployment several times the current size would barely dent the navy’s "
        "defences along the border with Sweden"]


def test_according_to_an_estimate_by_x_is_xs_report(extractor):
    text = ("For Oslo, the deals have been lucrative. Norway has earned as much as $2 billion from "
            "fish and timber deals with Lisbon, including about 50 trawlers, according to an "
            "estimate by the Nordic Institute for Trade Studies, a state-run think tank in Bergen.")
    found = [(q.text, q.speaker) for q in extractor.extract(text).quotes]
    assert found == [("Norway has earned as much as $2 billion from fish and timber deals with "
                      "Lisbon, including about 50 trawlers", "Nordic Institute for Trade Studies")]


def test_according_to_after_a_time_phrase_reports_the_clause_after_it(extractor):
    text = "On Monday, according to the Norwegian navy, two Swedish divers reached the wreck."
    found = [(q.text, q.speaker) for q in extractor.extract(text).quotes]
    assert found == [("two Swedish divers reached the wreck", "Norwegian navy")]


def test_without_admitting_reports_nothing(extractor):
    text = ("Officially, Oslo still denies that Danish boats fished in the strait, so it cannot "
            "ask about them without admitting they were there.")
    assert _reported_texts(extractor.extract(text)) == []


def test_a_quoted_title_after_a_possessive_is_a_name(extractor):
    text = ("Speaking on NRK's \"Evening Report\" on Sunday, Admiral Ola Berg said the navy "
            "expected Sweden to send more boats.")
    assert [q.kind for q in extractor.extract(text).quotes] == ["reported"]


def test_an_inverted_says_parenthetical_keeps_the_clause_subject(extractor):
    text = "The Danish boats, says Berg, are still in the strait."
    assert _reported_texts(extractor.extract(text)) == [
        "The Danish boats, says Berg, are still in the strait"]


def test_but_gave_no_details_is_the_writers_not_the_claims(extractor):
    text = ("Admiral Ola Berg said 300 Danish sailors had been rescued in the past week, but gave "
            "no details.")
    assert _reported_texts(extractor.extract(text)) == [
        "300 Danish sailors had been rescued in the past week"]


def test_a_short_quote_paragraph_of_its_own_continues_the_speaker(extractor):
    text = ("Norway's navy chief Ola Berg has said Danish boats will be allowed back into the "
            "strait.\n\n“We will not close the harbour to anyone who respects the rules,” he told "
            "reporters in Oslo.\n\n“The fleet is ready.”\n")
    assert _speaker(extractor.extract(text), "The fleet is ready") == "Ola Berg"


def test_a_leading_citing_phrase_is_not_part_of_the_claim(extractor):
    text = ("As the Norwegian agency NTB reported, citing the Coast Guard Service, the spy agency "
            "believes Sweden's losses are higher than publicly known and that Stockholm is "
            "preparing to send reinforcements.")
    assert "the spy agency believes Sweden's losses are higher than publicly known and that " \
        "Stockholm is preparing to send reinforcements" in _reported_texts(extractor.extract(text))


def test_a_participle_taken_for_the_clause_verb_does_not_end_the_clause(extractor):
    text = ("One senior diplomat told Politiken that intelligence shared with the alliance "
            "pointed to preparations for a second fleet, possibly of a similar size, early next "
            "year.")
    assert _reported_texts(extractor.extract(text)) == [
        "intelligence shared with the alliance pointed to preparations for a second fleet, "
        "possibly of a similar size, early next year"]


def test_suggesting_after_a_report_is_the_writers_inference(extractor):
    text = ("In early March, Norwegian officials said they had not seen Danish boats in the "
            "strait for about three weeks, suggesting the fleet had been withdrawn after the "
            "storms.")
    assert _reported_texts(extractor.extract(text)) == [
        "they had not seen Danish boats in the strait for about three weeks"]


def test_a_claim_after_the_semicolon_of_an_inverted_report_is_the_same_speakers(extractor):
    text = ("At first they sailed in groups of 20 to 30 across open water, the captain said; now "
            "they move in pairs and avoid the coast.")
    assert _reported_texts(extractor.extract(text)) == [
        "At first they sailed in groups of 20 to 30 across open water",
        "now they move in pairs and avoid the coast"]


def test_definite_role_description_is_the_person_just_quoted(extractor):
    text = (
        "BRASILIA -- Secretary of State Martin Oakes said Tuesday that Moscow was supplying "
        "drones to Caracas.\n\n"
        "The top U.S. diplomat said the shipments had doubled since spring, though he gave "
        "no figure.\n\n"
        "Nadia Ferreira, who sits on the senate defence committee, told reporters that the "
        "navy had tracked two cargo ships. The lawmaker said the ministry expected more "
        "deliveries in the coming weeks.\n\n"
        "Defence Minister Paulo Rocha said the fleet was on alert. The senator said the "
        "committee would meet on Friday.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the shipments had doubled") == "Martin Oakes"
    assert _speaker(facts, "expected more deliveries") == "Nadia Ferreira"
    # a minister is no senator: not him
    assert _speaker(facts, "the committee would meet") != "Paulo Rocha"


def test_group_and_country_tag_in_brackets_is_not_the_speaker(extractor):
    text = (
        "\"The council has waited far too long, and the price is paid in Donetsk,\" said "
        "Marta Kowalczyk (Greens, PL), who drafted the text.\n\n"
        "Elke Vautier (Renew, FR) said during Tuesday's debate that the EU had been \"far too "
        "slow\". \"We had the photographs and still we waited,\" she said.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the EU had been") == "Elke Vautier"
    assert _speaker(facts, "We had the photographs") == "Elke Vautier"


def test_questioner_label_with_outlet_in_brackets_is_not_the_subject(extractor):
    text = ("Secretary General Lena Morgan: Good afternoon.\n\n"
            "Question (Radio Nord): The Latvian intelligence has said that 2,000 Belarusian "
            "soldiers were seen in Grodno on 3 May.\n")
    facts = extractor.extract(text)
    assert _speaker(facts, "2,000 Belarusian soldiers") == "Latvia's intelligence"


def test_head_of_an_intelligence_service_is_not_the_alliance_chief_named_before(extractor):
    text = (
        "NATO Secretary General Jan Holm said on Monday that the alliance had seen no "
        "evidence of the deployment.\n\n"
        "Earlier, the head of Latvia's military intelligence claimed that the first "
        "Belarusian units had reached the border and that up to 4,000 troops would arrive "
        "by the end of May.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the first Belarusian units") != "Jan Holm"


def test_subject_pronoun_takes_up_the_subject_of_the_sentence_before(extractor):
    text = (
        "First, on the visit to Minsk by Pavel Orlov, the secretary of the Security Council "
        "of the Republic. As you know, Secretary Orlov met President Viktor Lang in Minsk "
        "yesterday. After the meeting, he told Russian media that Belarus would send 2,000 "
        "engineers to clear mines in the Bryansk region.")
    facts = extractor.extract(text)
    assert _speaker(facts, "Belarus would send") == "Pavel Orlov"
    # (a man the article titled as one, mentioned after the subject, is still not "he")
    facts = extractor.extract(text.replace("President Viktor Lang", "Chairman Viktor Lang"))
    assert _speaker(facts, "Belarus would send") == "Pavel Orlov"


def test_deputy_of_an_office_is_not_its_known_holder(extractor):
    text = ("At a UN Security Council meeting in New York on Wednesday, Russia's Deputy "
            "Permanent Representative to the UN Olga Mironova called the allegations made by "
            "the Western delegations «blatant lies».")
    facts = extractor.extract(text)
    assert _speaker(facts, "blatant lies") == "Olga Mironova"


def test_named_person_reporting_a_body_belief_is_the_speaker(extractor):
    text = (
        "The Federal Intelligence Bureau briefed the committee behind closed doors on "
        "Tuesday.\n\n"
        "Tomas Varga, a senator of the opposition Green Party who also sits on the committee, "
        "said the Federal Intelligence Bureau believed Belarus could send more troops once "
        "the losses of the first contingent became too heavy.\n\n"
        "Helsinki Radio said the Federal Intelligence Bureau estimated that 4,000 Belarusian "
        "soldiers had crossed the border.")
    facts = extractor.extract(text)
    assert _speaker(facts, "Belarus could send more troops") == "Tomas Varga"
    # an outlet relaying the body's estimate leaves it the body's
    assert _speaker(facts, "4,000 Belarusian soldiers") == "Federal Intelligence Bureau"


def test_fragment_before_an_infinitive_speech_verb_is_the_reporters(extractor):
    text = (
        "\"We will not speculate about where they go next,\" a senior government official "
        "told reporters.\n\n"
        "Sen. Carla Mendes (D-Ore.), the top Democrat on the Foreign Relations Committee, "
        "said the government had been \"far too timid\" to call out the deployment and urged "
        "it to send more air defence.")
    facts = extractor.extract(text)
    found = [q for q in facts.quotes if q.kind == "direct" and q.text == "far too timid"]
    assert found and found[0].speaker == "Carla Mendes"


def test_aged_nationality_noun_is_the_person_its_relative_clause_names(extractor):
    text = (
        "The first thing the gunner noticed, he says, was the silence. \"They come at night, "
        "ten or twenty men, without a sound,\" says the 31-year-old Lithuanian, who goes by "
        "the call sign \"Vilkas\" and fires mortars for a battalion near the lake. \"Nobody "
        "else moves like that.\"\n\n"
        "Since then, Vilkas says, his crew has fired almost every night.")
    facts = extractor.extract(text)
    assert _speaker(facts, "They come at night") == "Vilkas"


def test_a_statement_by_a_body_speaks_for_it(extractor):
    text = ("A statement by the State Border Guard Service in late March said a wounded "
            "Belarusian soldier had been detained but died of his injuries.")
    facts = extractor.extract(text)
    assert _speaker(facts, "a wounded Belarusian soldier") == "State Border Guard Service"


def test_body_owned_by_a_capital_is_the_countrys_known_body(extractor):
    text = ("Both governments have denied the reports, and Pyongyang's state news agency has "
            "dismissed them as \"a campaign of lies\" by Washington and its allies.")
    facts = extractor.extract(text)
    assert _speaker(facts, "a campaign of lies") == "Korean Central News Agency"


def test_an_agency_official_speaks_for_the_agency_named_before(extractor):
    text = ("Senator Ines Moreau said the Federal Intelligence Agency had confirmed that one of "
            "the two prisoners had asked to come to France. 'If he formally asks, we will take "
            "him in,' Moreau quoted an agency official as saying.")
    facts = extractor.extract(text)
    assert _speaker(facts, "If he formally asks") == "Federal Intelligence Agency"


def test_person_described_by_their_work_is_a_speaker_and_taken_up_later(extractor):
    text = (
        "“They pay in cash and they leave,” said a taxi driver in a town some 30 kilometres "
        "from the border, who asked us not to use his name. “Nobody tells us anything.”\n\n"
        "Later that week, Defence Minister Jonas Berg said the army had been put on alert.\n\n"
        "“Last year we were afraid of the drones,” the taxi driver said. “Now we are afraid "
        "of everything.”")
    facts = extractor.extract(text)
    assert _speaker(facts, "They pay in cash") == "taxi driver"
    assert _speaker(facts, "Last year we were afraid") == "taxi driver"


def test_outlet_a_source_spoke_to_in_its_relative_clause_is_not_its_name(extractor):
    text = ("The soldiers themselves talk more freely. A contract serviceman from a naval "
            "infantry unit fighting near the lake, who spoke to Helsingin Sanomat through a "
            "messenger app, said his company had been working alongside Belarusians since "
            "early May.")
    facts = extractor.extract(text)
    assert _speaker(facts, "his company had been working") == "contract serviceman"


def test_speaker_set_off_by_an_asked_participle_still_speaks(extractor):
    text = ("Presidential spokesman Anton Varga, asked about the reports on Tuesday, said Minsk "
            "«does not comment on rumours» and that its cooperation with Moscow was lawful.")
    facts = extractor.extract(text)
    found = [q for q in facts.quotes if q.kind == "direct" and "comment on rumours" in q.text]
    assert found and found[0].speaker == "Anton Varga"


def test_meps_are_lawmakers_who_speak_and_are_they_after(extractor):
    text = ("In a resolution adopted on Thursday with 401 votes in favour, MEPs say the "
            "transfer of drones to Minsk marks a dangerous escalation. They note that an "
            "estimated 300 Iranian drones have been delivered since May.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the transfer of drones") == "MEPs"
    assert _speaker(facts, "300 Iranian drones") == "MEPs"


def test_group_noun_quoted_as_saying_is_the_speaker(extractor):
    text = ("On Wednesday, the agency told lawmakers that one of the two Belarusian soldiers "
            "captured in May wanted to stay. In an interview published the same day, the "
            "prisoner was quoted as saying, \"I want to start a new life here.\"")
    facts = extractor.extract(text)
    assert _speaker(facts, "start a new life") == "captured Belarusian soldier"


def test_bare_plural_people_noun_speaks_as_such(extractor):
    text = ("Families in the eastern provinces have begun receiving short letters saying their "
            "sons died \"in an accident\" abroad, villagers told Radio Nord, the first sign "
            "that the authorities are acknowledging the losses.")
    facts = extractor.extract(text)
    found = [q for q in facts.quotes if q.kind == "direct" and q.text == "in an accident"]
    assert found and found[0].speaker == "villagers"


def test_role_label_before_a_colon_is_the_office_holder_the_text_names(extractor):
    text = ("- Canada sanctions senior Belarusian officers responsible for sending troops\n"
            "- Defence Minister: \"Minsk's reliance on borrowed soldiers shows how weak the "
            "regime has become\"\n\n"
            "The Defence Minister, Claire Dubois, has today announced sanctions on Belarusian "
            "commanders.")
    facts = extractor.extract(text)
    assert _speaker(facts, "Minsk's reliance") == "Claire Dubois"


def test_according_to_him_is_the_speaker_not_the_man_he_spoke_of(extractor):
    text = ("The border service separately points to the testimony of the Belarusian prisoners "
            "of war held in Lithuania. During questioning, one of the prisoners stated that his "
            "commander had told the soldiers that «anyone who surrenders is a traitor». "
            "According to him, before being sent to the border he and his comrades were told "
            "that they were going to an exercise.")
    facts = extractor.extract(text)
    prisoner = _speaker(facts, "his commander had told the soldiers")
    assert "prisoner" in prisoner
    assert _speaker(facts, "before being sent to the border") == prisoner
    # the commander he spoke of, named without the owner's word
    direct = [q for q in facts.quotes if q.kind == "direct" and "who surrenders" in q.text]
    assert direct and direct[0].speaker == "Belarusian commander"


def test_speaker_after_a_fronted_participle_phrase_the_parser_hung_elsewhere(extractor):
    text = ("In an audio recording released by the Military Intelligence of Georgia, a "
            "Belarusian officer of the 810th brigade complains that the new units «do not wait "
            "for the artillery and run forward on their own».")
    facts = extractor.extract(text)
    found = [q for q in facts.quotes if q.kind == "direct"]
    assert found and found[0].speaker and "officer" in found[0].speaker


def test_the_prisoners_are_the_soldiers_captured_not_others_named_since(extractor):
    text = ("The agency also said two Belarusian soldiers captured on Monday were being held "
            "in Vilnius.\n\n"
            "The president said Lithuania was ready to hand them over if Minsk could arrange "
            "their exchange for Lithuanian soldiers held in Belarus.\n\n"
            "The prisoners, aged 21 and 24, told investigators that they had been told they "
            "were going on an exercise, according to the border service.")
    facts = extractor.extract(text)
    assert _speaker(facts, "going on an exercise") == "captured Belarusian soldiers"


def test_unnamed_trade_person_with_who_clause_is_a_speaker_and_the_noun_takes_them_up(
        extractor):
    text = (
        "In the market towns north of Bryansk, people no longer ask about the convoys. "
        "“They come at night and they leave before dawn,” said a pharmacist in a village "
        "some 30 kilometres from the border, who asked us not to use her name. “Nobody "
        "explains anything.”\n\n"
        "President Vladimir Putin said on Friday that the region was safe and that the army "
        "had everything under control.\n\n"
        "The residents, for their part, simply wait. “Last winter we feared the shelling,” "
        "the pharmacist said. “Now we fear the silence.”")
    facts = extractor.extract(text)
    assert _speaker(facts, "they leave before dawn") == "pharmacist"
    assert _speaker(facts, "we feared the shelling") == "pharmacist"
    assert _speaker(facts, "we fear the silence") == "pharmacist"


def test_name_of_whom_an_unnamed_speaker_spoke_to_is_not_the_speaker(extractor):
    text = (
        "The gunners themselves talk more freely. A contract serviceman from an artillery "
        "unit fighting near Kupiansk, who spoke to Anna Petrova through a messenger app, "
        "said his battery had been working alongside foreign troops since early March. "
        "“Our officers call them volunteers,” he wrote.")
    facts = extractor.extract(text)
    assert _speaker(facts, "his battery had been working") == "contract serviceman"
    assert _speaker(facts, "Our officers call them volunteers") == "contract serviceman"


def test_nationality_noun_with_a_call_sign_clause_is_the_person_not_the_country(extractor):
    text = (
        "The first thing the gunner noticed, he says, was the silence. \"They crawl across "
        "the marsh in pairs, ten or twelve men, like hunters,\" says the 41-year-old "
        "Moldovan, who goes by the call sign \"Birch\" and repairs radios for a battalion "
        "fighting near Kherson. \"Our side stopped doing that long ago.\"\n\n"
        "President Maia Sandu said on Monday that the country would not send troops.")
    facts = extractor.extract(text)
    assert _speaker(facts, "They crawl across the marsh") == "Birch"
    assert _speaker(facts, "Our side stopped") == "Birch"


def test_the_prisoners_are_the_counted_captives_not_the_captors_men_named_since(extractor):
    text = (
        "The agency also said it had confirmed with Georgian authorities that three "
        "Belarusian soldiers captured on Friday were being held in Tbilisi.\n\n"
        "President Irakli Vashadze said Georgia was ready to hand the men over if Minsk "
        "arranged their exchange for Georgian soldiers held captive in Belarus.\n\n"
        "The prisoners, aged 22 and 31, told Georgian interrogators through interpreters that "
        "they had been told they were going on an exercise, according to the security "
        "service.")
    facts = extractor.extract(text)
    assert "Belarusian" in _speaker(facts, "they were going on an exercise")


def test_his_sergeant_keeps_no_possessive_when_given_a_nationality(extractor):
    text = (
        "The border guard separately draws attention to the testimony of the Belarusian "
        "prisoners of war held in Latvia. During questioning, one of the prisoners stated "
        "that his sergeant had told the recruits that «whoever surrenders is a coward».")
    facts = extractor.extract(text)
    found = [q.speaker for q in facts.quotes if q.text.startswith("whoever surrenders")]
    assert found and found[0] is not None
    assert not {"his", "His"} & set(found[0].split())


def test_subject_the_parser_hung_on_a_fronted_participle_still_speaks(extractor):
    text = (
        "In a radio intercept published by the State Border Guard of Latvia, a Belarusian "
        "officer of the 38th brigade complains that the new units «never wait for the mortars "
        "and charge on their own».")
    facts = extractor.extract(text)
    found = [q.speaker for q in facts.quotes if q.text.startswith("never wait")]
    assert found and found[0] is not None and "officer" in found[0]


def test_he_after_a_report_of_his_sergeant_is_the_reporter_not_the_sergeant(extractor):
    text = (
        "The border guard draws attention to the testimony of the Belarusian prisoners of "
        "war held in Latvia. During questioning, one of the prisoners stated that his "
        "sergeant had told the recruits that «whoever surrenders is a coward». According to "
        "him, before being sent to the border he and his friends were told they were going "
        "on an exercise.")
    facts = extractor.extract(text)
    found = [q.speaker for q in facts.quotes if q.text.startswith("before being sent")]
    assert found and "prisoner" in found[0]


def test_prisoner_identified_by_surname_quoted_as_saying_is_that_name(extractor):
    text = (
        "On Wednesday, the security service told lawmakers that one of the three Belarusian "
        "soldiers captured by Latvia in March had expressed a wish to go to Poland. In an "
        "interview with the Riga Daily newspaper published the same day, the prisoner, "
        "identified only by his surname Voronov, was quoted as saying, \"I want to start "
        "again somewhere quiet.\"")
    facts = extractor.extract(text)
    assert _speaker(facts, "start again somewhere quiet") == "Voronov"


def test_one_of_them_answers_later_is_one_of_the_counted_captives(extractor):
    text = (
        "Three Belarusian soldiers taken prisoner near Daugavpils in March have become the "
        "most discussed detainees in Latvia. Janis Ozols, spokesman for the prisoner exchange "
        "office, has met all of them.\n\n"
        "The Riga Courier: How are they doing?\n\n"
        "Janis Ozols: Physically, much better. They eat well and they sleep a lot. They spend "
        "hours reading.\n\n"
        "The Riga Courier: What do they want?\n\n"
        "Janis Ozols: One of them has told us clearly that he wants to go to Lithuania. The "
        "rest are undecided.")
    facts = extractor.extract(text)
    assert _speaker(facts, "he wants to go to Lithuania") == "Belarusian soldier"


def test_words_shouted_are_the_shouter_s(extractor):
    text = ("According to the border guard, one Belarusian soldier shouted “Glory to the "
            "Fatherland” and tried to detonate a grenade when he was about to be taken "
            "prisoner.")
    facts = extractor.extract(text)
    assert _speaker(facts, "Glory to the Fatherland") == "Belarusian soldier"


def test_person_asked_about_x_told_reporters_is_the_speaker(extractor):
    text = ("- Estonian President Alar Karis, asked about the drills at the summit in Riga, "
            "told reporters that drone footage \"is a serious matter\" and said Estonia would "
            "decide \"when, how and why\" to act with its allies.")
    facts = extractor.extract(text)
    assert _speaker(facts, "when, how and why") == "Alar Karis"


def test_he_after_a_sentence_about_the_other_captive_is_that_captive(extractor):
    text = (
        "Two Belarusian soldiers were captured near Daugavpils in March. Interior Minister "
        "Edgars Kalnins said on Monday that both were being treated well.\n\n"
        "One of them has told investigators that he wants to go to Lithuania. The other is "
        "more hesitant. At their first meeting he asked the interpreter, \"Is Vilnius far "
        "from here?\"")
    facts = extractor.extract(text)
    assert _speaker(facts, "Is Vilnius far") == "Belarusian soldier"


def test_he_in_an_answer_is_not_the_one_answering(extractor):
    text = (
        "Three Belarusian soldiers taken prisoner near Daugavpils in March are held in Riga. "
        "Janis Ozols, spokesman for the prisoner exchange office, has met all of them.\n\n"
        "The Riga Courier: Will reporters be able to speak to them?\n\n"
        "Janis Ozols: Some already have, with their consent. One of them said on camera that "
        "he would like to 'see the sea again'. The other is quieter. At our first meeting he "
        "asked me, 'Is Vilnius far from here?'")
    facts = extractor.extract(text)
    assert _speaker(facts, "he would like to") == "Belarusian soldier"
    assert _speaker(facts, "Is Vilnius far") == "Belarusian soldier"


def test_the_younger_and_the_older_of_a_counted_group_keep_its_nationality(extractor):
    text = (
        "Latvia says it is holding two Belarusian soldiers, the first taken alive. Both were "
        "captured near Daugavpils.\n\n"
        "The security service says the younger man told them he had been sent for what he "
        "thought was an exercise. The older soldier, they say, told investigators that he "
        "wanted to go home.")
    facts = extractor.extract(text)
    said = {q.text[:12]: q.speaker for q in facts.quotes}
    assert said.get("he had been ") == "younger Belarusian soldier"
    assert said.get("he wanted to") == "older Belarusian soldier"


def test_unnamed_person_by_age_or_anonymity_or_given_name_is_a_speaker(extractor):
    text = (
        "Prime Minister Evika Silina said on Monday that the border was secure.\n\n"
        "“We hear the engines every night,” said a 67-year-old pensioner in Zilupe. “Nobody "
        "tells us anything.”\n\n"
        "“They buy bread and leave,” said a shopkeeper, who gave only her first name, Inese. "
        "She said the soldiers paid in cash.\n\n"
        "A nurse at the district hospital, speaking on condition of anonymity, said the wards "
        "were full. “We have no beds left,” the nurse said.")
    facts = extractor.extract(text)
    assert _speaker(facts, "We hear the engines") == "pensioner"
    assert _speaker(facts, "Nobody tells us anything") == "pensioner"
    assert _speaker(facts, "They buy bread") == "Inese"
    assert _speaker(facts, "the wards were full") == "nurse"
    assert _speaker(facts, "We have no beds left") == "nurse"


def test_the_operator_is_the_call_sign_the_introduction_gave(extractor):
    text = ("A drone operator who goes by the call sign “Lynx” said the columns moved at "
            "dawn. “They never learn,” the operator said.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the columns moved at dawn") == "Lynx"
    assert _speaker(facts, "They never learn") == "Lynx"


def test_the_woman_and_she_take_up_the_unnamed_woman_not_the_minister_named_since(extractor):
    text = (
        "“They pay in cash,” said a cashier at a petrol station near Valka, who asked us not "
        "to use her name. Interior Minister Rihards Kozlovskis insisted on Tuesday that the "
        "situation was under control.\n\n"
        "The woman shrugged. “Nobody believes him here,” she said.\n\n"
        "“The queues are longer every week,” the woman said.")
    facts = extractor.extract(text)
    assert _speaker(facts, "Nobody believes him here") == "cashier"
    assert _speaker(facts, "The queues are longer") == "cashier"


def test_a_bare_group_noun_with_a_who_clause_is_a_speaker(extractor):
    text = ("A defector who fled the North in 2019 and now lives in Seoul said the new "
            "recruits were barely trained. “They are boys,” the defector said.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the new recruits were barely trained") == "defector"
    assert _speaker(facts, "They are boys") == "defector"


def test_plain_people_described_by_an_apposition_or_a_who_clause(extractor):
    text = (
        "“We sleep in the cellar now,” said one woman, a mother of three from Sumy.\n\n"
        "Residents who spoke to the newspaper said the shelling had intensified. “Every "
        "night it is worse,” one of them said.")
    facts = extractor.extract(text)
    assert _speaker(facts, "We sleep in the cellar") == "woman"
    assert _speaker(facts, "Every night it is worse") == "resident"


def test_a_soldier_s_mother_is_described_as_his_mother_not_by_his_nationality(extractor):
    text = ("A Moldovan soldier's mother said her son had not called for a week. “I just want "
            "him home,” she said.")
    facts = extractor.extract(text)
    assert _speaker(facts, "her son had not called") == "mother of Moldovan soldier"
    assert _speaker(facts, "I just want him home") == "mother of Moldovan soldier"


def test_a_name_in_a_speakers_phrase_is_theirs_only_when_a_clause_gives_it(extractor):
    text = (
        "A 19-year-old conscript from Grodno, identified only as Andrei, told the newspaper "
        "that his platoon had no winter boots. President Alexander Lukashenko said on Friday "
        "that the army was fully supplied. “We wrap our feet in plastic bags,” the conscript "
        "said.\n\n"
        "A soldier from the unit commanded by Colonel Ivan Petrenko said the bridge was "
        "gone.\n\n"
        "The council was briefed by a delegation from Moldova, led by Dorin Recean, which "
        "said that 2,000 troops had crossed the river.")
    facts = extractor.extract(text)
    assert _speaker(facts, "We wrap our feet") == "Andrei"
    assert _speaker(facts, "the bridge was gone") == "soldier"
    assert _speaker(facts, "2,000 troops had crossed") == "Dorin Recean"


def test_a_first_name_and_age_after_an_unnamed_speakers_phrase_is_theirs(extractor):
    text = ("A farmer near the border, Mykola, 58, said his fields were mined. Defence "
            "Minister Rustem Umerov visited the region on Friday. “Nobody has come to clear "
            "them,” the farmer said.")
    facts = extractor.extract(text)
    assert _speaker(facts, "his fields were mined") == "Mykola"
    assert _speaker(facts, "Nobody has come to clear") == "Mykola"


def test_a_name_with_diacritics_after_a_title_of_a_body_is_the_speaker(extractor):
    text = ("“The border will stay closed,” said Minister of Regional Development Šarūnė "
            "Kavaliauskaitė.\n\n"
            "Head of the Polish Armed Forces General Wiesław Kukuła said the brigade was ready.")
    facts = extractor.extract(text)
    assert _speaker(facts, "The border will stay closed") == "Šarūnė Kavaliauskaitė"
    assert _speaker(facts, "the brigade was ready") == "Wiesław Kukuła"


def test_a_bare_surname_ner_ran_into_its_verb_is_still_the_speaker(extractor):
    text = ("Choi Min-jae of the ruling party said the briefing had lasted two hours.\n\n"
            "Seo Ha-rin of the opposition, who attended the same briefing, said the agency was "
            "worried.\n\n"
            "Choi said the figures could not be verified.\n\n"
            "“The losses were heavy even though there was a pause,” Seo told MBC after the "
            "briefing. “Nobody expected that.”")
    facts = extractor.extract(text)
    assert _speaker(facts, "The losses were heavy") == "Seo Ha-rin"
    assert _speaker(facts, "Nobody expected that") == "Seo Ha-rin"


def test_an_epithet_after_a_quote_is_the_person_named_and_quoted_just_before(extractor):
    text = ("Choi Min-jae of the ruling party told reporters that the briefing had lasted two "
            "hours.\n\n"
            "“The agency is worried about the winter,” Choi said.\n\n"
            "Yoon Da-bin of the opposition, who attended the same briefing, said the agency "
            "expected more dispatches.\n\n"
            "“They are preparing another contingent,” Yoon said, citing the agency.\n\n"
            "The opposition lawmaker added that the defectors still wished to come south.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the defectors still wished") == "Yoon Da-bin"


def test_he_after_a_fuller_description_of_an_unnamed_speaker_is_that_speaker(extractor):
    text = ("“Nobody has paid us for the harvest,” the farmer said.\n\n"
            "Defence Minister Petro Kovalenko said on Monday that the front line was stable."
            "\n\nThe wheat farmer has his own view.\n\n"
            "“Near the river, where my brother is a ranger, the shells fell all night,” he "
            "said.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the shells fell all night") == "farmer"


def test_a_first_name_with_an_age_before_its_verb_is_a_person_even_as_a_place(extractor):
    text = ("In a flat in the centre of Poltava, Oksana, 34, is packing her brother's books "
            "into crates. Taras, a driver in an artillery unit, was killed near Pokrovsk in "
            "March.\n\n"
            "“He wanted to be a teacher after the war,” she said.")
    facts = extractor.extract(text)
    assert _speaker(facts, "He wanted to be a teacher") == "Oksana"


def test_the_widow_of_a_named_soldier_speaks_for_herself(extractor):
    text = ("Ihor Bondar, a captain in a marine brigade, was killed near Kherson in May. His "
            "comrades told his family he had died instantly.\n\n"
            "“They phoned me before dawn,” the widow said. “Nobody could tell me where he was "
            "buried.”")
    facts = extractor.extract(text)
    assert _speaker(facts, "They phoned me before dawn") == "widow"
    assert _speaker(facts, "Nobody could tell me") == "widow"


def test_a_fragment_followed_by_to_what_someone_said_is_the_reporters(extractor):
    text = ("Governor Pavel Sorokin spoke to reporters on Monday. Deputy Mayor Oleg Titov, who "
            "chaired the hearing, said the plan was \"final\". Asked about the flooding, the "
            "deputy mayor said he had \"nothing to say\" to what the governor had said.")
    facts = extractor.extract(text)
    outer = _speaker(facts, "he had")
    assert outer != "Pavel Sorokin" and "governor" not in (outer or "")
    assert _speaker(facts, "nothing to say") == outer


def test_the_nationality_side_is_that_country(extractor):
    text = ("Officials met in Warsaw on Monday. The Polish side says the talks will resume in "
            "March.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the talks will resume") == "Poland"


def test_one_of_a_group_a_copula_gives_a_nationality_has_it(extractor):
    text = ("Two Georgians are now prisoners of war in Donetsk. One of them told reporters he "
            "wants to return to Tbilisi.")
    facts = extractor.extract(text)
    assert _speaker(facts, "he wants to return") == "Georgian prisoner of war"


def test_a_description_every_word_of_which_is_in_the_last_speakers_role_is_them(extractor):
    text = ("The treaty was signed by Xi Jinping and Kim Jong Un in June.\n\n"
            "Viktor Zubkov, chairman of the Federation Council Security Committee and a retired "
            "colonel general, was blunt.\n\n"
            "\"This is nonsense from the West, and I will not comment on it,\" he told "
            "reporters. \"Our navy is doing fine.\"\n\n"
            "The committee chairman added that a nation with \"a huge fleet\" did not need help "
            "from anyone.")
    facts = extractor.extract(text)
    assert _speaker(facts, "did not need help") == "Viktor Zubkov"
    assert _speaker(facts, "a huge fleet") == "Viktor Zubkov"


def test_a_name_after_a_states_formal_name_drops_the_states_last_word(extractor):
    text = ("Deputy Foreign Minister of the Russian Federation Sergei Ryabkov said that Moscow "
            "had no such plans. “We do not comment on rumours,” Ryabkov added.")
    facts = extractor.extract(text)
    assert _speaker(facts, "Moscow had no such plans") == "Sergei Ryabkov"
    assert _speaker(facts, "We do not comment") == "Sergei Ryabkov"
    assert "Federation Sergei Ryabkov" not in [e.name for e in facts.entities]


def test_a_given_name_ner_left_before_a_middle_initial_is_kept(extractor):
    text = ("“We are watching closely,” Secretary of State Antony J. Blinken told reporters. "
            "Blinken said that the troops were in Kursk.")
    facts = extractor.extract(text)
    assert _speaker(facts, "We are watching closely") == "Antony J. Blinken"
    assert _speaker(facts, "the troops were in Kursk") == "Antony J. Blinken"


def test_in_his_words_gives_the_quote_to_the_owner_of_the_words(extractor):
    text = ("Interior Minister Greta Solberg toured the flooded district on Friday. In her own "
            "words, the emergency crews had done “everything humanly possible.”\n\n"
            "Mayor Tobias Lund arrived an hour later. In his words: “We will rebuild every "
            "bridge on this river before the winter comes.”\n\n"
            "In the words of one diplomat, the talks were “never meant to succeed.”")
    facts = extractor.extract(text)
    assert _speaker(facts, "everything humanly possible") == "Greta Solberg"
    assert _speaker(facts, "We will rebuild every bridge") == "Tobias Lund"
    assert _speaker(facts, "never meant to succeed") == "diplomat"


def test_a_quote_after_a_sentence_about_a_new_person_is_theirs(extractor):
    text = ("Mayor John Miller inspected the damaged pier on Sunday. “The storm took "
            "half of it,” he said.\n\n"
            "Peter Hansen, a fisherman, was more worried about his boat. “I have lost a month "
            "of work already. Nobody has offered us a cent.”\n\n"
            "Susan Clark, 64, has sold fish on the quay for forty years.\n\n"
            "“This is the worst winter I remember.”")
    facts = extractor.extract(text)
    assert _speaker(facts, "The storm took half") == "John Miller"
    assert _speaker(facts, "I have lost a month") == "Peter Hansen"
    assert _speaker(facts, "worst winter I remember") == "Susan Clark"


def test_a_definite_description_set_off_before_a_name_is_that_person(extractor):
    text = ("The river rose two metres overnight.\n\n"
            "“We lost everything in the cellar,” said the woman who runs the corner bakery, "
            "Maria Lopez.\n\n"
            "The farmer, John Baker, said his fields had been under water since Tuesday.\n\n"
            "“They never warned us,” said a nurse who treated the injured, Anna Smith.\n\n"
            "“Nobody told us anything,” said a man who lost his son, Ivan, in the flood.")
    facts = extractor.extract(text)
    assert _speaker(facts, "We lost everything") == "Maria Lopez"
    assert _speaker(facts, "his fields had been under water") == "John Baker"
    assert _speaker(facts, "They never warned us") == "Anna Smith"
    assert _speaker(facts, "Nobody told us anything") != "Ivan"


def test_a_bracketed_outlet_in_a_reporters_label_is_not_the_subject(extractor):
    text = ("Minister HALVORSEN: We are following the situation closely.\n\n"
            "Reporter (Morning Herald): The Finnish side says more than 2,000 troops have "
            "crossed the border. Do you agree?\n\n"
            "Minister HALVORSEN: I cannot confirm that number.")
    facts = extractor.extract(text)
    assert _speaker(facts, "troops have crossed the border") == "Finland"


def test_some_in_a_body_speak_as_that_body(extractor):
    text = ("Some in the opposition have argued that the tax should be scrapped. Many within "
            "the coalition say the budget cannot carry it.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the tax should be scrapped") == "opposition"
    assert _speaker(facts, "the budget cannot carry it") == "coalition"


def test_the_noun_set_beside_a_name_later_refers_to_that_person(extractor):
    text = ("Tom Becker, a local farmer, lost his barn in the fire. Mayor Linda Grant visited "
            "the site on Tuesday.\n\n"
            "The farmer said the flames had spread within minutes.\n\n"
            "Sarah Lee, who owns the neighbouring farm, met her lawyer, Emma Ward, the same "
            "day. Her lawyer said the county had ignored earlier warnings.\n\n"
            "Detective Paul Novak interviewed the neighbours. The detective said the fire "
            "had been set deliberately.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the flames had spread") == "Tom Becker"
    assert _speaker(facts, "the county had ignored") == "Emma Ward"
    assert _speaker(facts, "had been set deliberately") == "Paul Novak"


def test_letters_after_a_name_are_no_part_of_it(extractor):
    text = (
        "The Defence Committee heard from Gareth Pryce MP, Minister for Europe, on Tuesday.\n\n"
        "Harriet Quinlan MP, Chair of the Defence Committee, said:\n\n"
        "“The Committee was told that the deployment is growing.”\n\n"
        "In his evidence, the Minister said the sanctions were working.")
    facts = extractor.extract(text)
    assert _speaker(facts, "the deployment is growing") == "Harriet Quinlan"
    assert _speaker(facts, "the sanctions were working") == "Gareth Pryce"


def test_first_name_before_an_apposed_person_noun_is_a_person(extractor):
    text = (
        "The clinic sits in a former library near the border. Every evening, says Marta, a "
        "36-year-old army medic who would not give her surname, the ambulances arrive full.\n\n"
        "Taras, 31, a gunner with an artillery brigade, sits on a cot by the window.\n\n"
        "«They keep coming across the fields,» he says.\n\n"
        "Later, Marta checks the supplies. The ward has 40 beds, she says.")
    facts = extractor.extract(text)
    assert _speaker(facts, "They keep coming across") == "Taras"
    assert _speaker(facts, "The ward has 40 beds") == "Marta"


def test_his_spokesman_named_in_apposition_speaks_whatever_ner_took_the_name_for(extractor):
    text = (
        "Foreign Minister Anne-Sophie Delorme said on Monday that the deployment was a grave "
        "escalation. Her spokesman, Christophe Vallaud, added that Paris was preparing new "
        "sanctions with its partners.")
    facts = extractor.extract(text)
    assert _speaker(facts, "Paris was preparing new sanctions") == "Christophe Vallaud"


def test_a_line_s_first_word_after_a_heading_is_no_sentence_of_its_own(extractor):
    text = (
        "What the channels say\n\n"
        "Zapiski\n\n"
        "Arkady Belov, the blogger who runs the channel, told his readers on Friday: “Do not "
        "ask me about the numbers. I will write when I know more.”")
    facts = extractor.extract(text)
    assert _speaker(facts, "Do not ask me about the numbers") == "Arkady Belov"


def test_who_gave_her_name_as_names_a_person(extractor):
    text = (
        "A regional news site posted a video of a shop owner in Rylsk who gave her name as "
        "Lyudmila. “The soldiers buy bread every morning and say nothing,” she says in the "
        "video.")
    facts = extractor.extract(text)
    assert _speaker(facts, "The soldiers buy bread") == "Lyudmila"


def test_quoted_judgement_is_the_judge_s_not_the_sentence_subject_s(extractor):
    text = (
        "The general said the enemy had lost many vehicles in March. Polish data put the "
        "number of destroyed tanks at about 300, he said, a figure that Latvian intelligence "
        "considers \"plausible.\" He said the losses were being replaced.\n\n"
        "The minister stated that the regime regards the conflict as a «training ground» "
        "for its officers.")
    facts = extractor.extract(text)
    assert _speaker(facts, "plausible") in ("Latvian intelligence", "Latvia's intelligence",
                                            "Latvia")
    assert _speaker(facts, "training ground") == "minister"
