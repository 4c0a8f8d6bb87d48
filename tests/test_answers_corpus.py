"""A small, realistic facts corpus written through the ORM, shared by the answer tests.

Several claimants with figures over time (NIS 3,000 -> 10,000), a near-copy, denials, an
unattributed figure in an undated file without a URL, losses, and speakers with aliases.
Other test modules import `build_corpus` from here.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from bot.extraction.names import normalise_name
from bot.runtime import Runtime
from bot.settings import Settings
from bot.storage.models import Article, Denial, Entity, EntityAlias, Estimate, Quote


def _article(session, key, text, *, title=None, outlet=None, url=None, published=None,
             copy_of=None, source=None, ingested=None) -> Article:
    article = Article(
        content_hash=hashlib.sha256(f"{key}:{text}".encode()).hexdigest(),
        source=source or f"https://news.example/{key}", title=title, outlet=outlet, url=url,
        published=published, text=text, word_count=len(text.split()), copy_of=copy_of,
        ingested_at=ingested or datetime(2024, 12, 28, 9, 0, tzinfo=UTC),
    )
    session.add(article)
    session.flush()
    return article


def _entity(session, name, label, *aliases, role=None) -> Entity:
    entity = Entity(name=name, label=label, role=role)
    keys = {normalise_name(alias): alias for alias in reversed((name, *aliases))}
    for key, alias in keys.items():
        entity.aliases.append(EntityAlias(alias=alias, normalized=key))
    session.add(entity)
    session.flush()
    return entity


def _sentence(text: str, index: int) -> str:
    return re.split(r'(?<=[.!?])"?\s+', text.replace("\n\n", " "))[index]


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def estimate(session, article, figure_text, sentence, *, count, qualifier="exact", status="deployed",
             force="North Korea", claimed_by=None, claimant=None, stated_on=None, low=None,
             high=None, composition=None, location="Russia") -> Estimate:
    start, end = _span(article.text, figure_text)
    row = Estimate(article=article, count=count, low=low, high=high, qualifier=qualifier,
                   status=status, force=force, location=location, claimed_by=claimed_by,
                   claimant_entity=claimant, stated_on=stated_on, composition=composition,
                   sentence=sentence, start=start, end=end)
    session.add(row)
    return row


def quote(session, article, words, sentence, speaker=None, kind="direct") -> Quote:
    start, end = _span(article.text, words)
    row = Quote(article=article, speaker=speaker.name if speaker else None,
                speaker_entity=speaker, text=words, kind=kind, sentence=sentence,
                start=start, end=end)
    session.add(row)
    return row


def denial(session, article, words, sentence, denied_by, kind="denial", stated_on=None,
           force="North Korea") -> Denial:
    start, end = _span(article.text, words)
    row = Denial(article=article, denied_by=denied_by, force=force, kind=kind, text=words,
                 stated_on=stated_on, sentence=sentence, start=start, end=end)
    session.add(row)
    return row


YONHAP = (
    "South Korea's spy agency says North Korea has sent troops to Russia.\n\n"
    "The National Intelligence Service estimated that about 3,000 North Korean troops had been "
    "transferred to Russia by 23 October. "
    "By December, Pyongyang plans to send a total of 10,000 troops, the agency said. "
    "North Korea denies sending any troops to Russia. "
    "NATO spokesperson Farah Dakhlallah said allies were consulting on the matter.\n\n"
    "Leave a Reply\nYour email address will not be published."
)
REUTERS = (
    "The White House said about 3,000 North Korean soldiers are training in eastern Russia. "
    "US Defense Secretary Lloyd Austin said: \"We are seeing evidence that there are North "
    "Korean troops that have gone to Russia.\" "
    "Officials in Washington did not say what the troops would do next."
)
AP = (
    "The Pentagon estimated that around 10,000 North Korean troops have been sent to eastern "
    "Russia for training. "
    "Deputy Pentagon Press Secretary Sabrina Singh said: \"It is likely that they are moving in "
    "that direction towards Kursk.\" "
    "NATO Secretary General Mark Rutte said the deployment was \"a significant escalation\" of "
    "the war. "
    "The Kremlin dismissed the reports as \"fake news\" earlier in the week. "
    "The Pentagon said it was \"deeply concerned\" about the Kursk deployment."
)
AP_COPY = AP.replace("earlier in the week", "earlier this week") + " Stars and Stripes."
HERALD = (
    "South Korea's National Intelligence Service now says more than 10,000 North Korean "
    "soldiers are deployed in Russia. "
    "Some of the units have moved to the Kursk region, where fighting continues. "
    "Ukrainian President Volodymyr Zelenskyy said: \"North Korean soldiers are already fighting "
    "in Kursk.\""
)
KYIV = (
    "President Volodymyr Zelensky said Russia is preparing two North Korean military units, each "
    "numbering up to 6,000 people. "
    "Zelensky warned that the war would escalate further if the world did not respond."
)
BLOG = (
    "Thousands of North Korean soldiers are said to be in Russia's Far East. "
    "Nobody has confirmed where they will be sent, according to local reports."
)
GUR = (
    "Ukraine's military intelligence said about 3,000 North Korean soldiers have been killed "
    "or wounded in the Kursk region. "
    "Mark Rutte said: \"Over 600,000 Russian soldiers have been killed or wounded in Putin's "
    "war.\""
)


def build_corpus(session) -> dict[str, int]:
    """Write the mini corpus; returns article ids by name. Does not commit."""
    nis = _entity(session, "South Korea's National Intelligence Service", "ORG",
                  "National Intelligence Service", "NIS", "South Korea's spy agency")
    white_house = _entity(session, "White House", "ORG")
    pentagon = _entity(session, "Pentagon", "ORG", "US Department of Defense")
    austin = _entity(session, "Lloyd Austin", "PERSON", "Austin", role="US Defense Secretary")
    singh = _entity(session, "Sabrina Singh", "PERSON", "Singh")
    rutte = _entity(session, "Mark Rutte", "PERSON", "Rutte", role="NATO Secretary General")
    zelensky = _entity(session, "Volodymyr Zelensky", "PERSON", "Zelensky", "Zelenskyy",
                       "Volodymyr Zelenskyy")
    dakhlallah = _entity(session, "Farah Dakhlallah", "PERSON", "Dakhlallah")
    gur = _entity(session, "Ukraine's Main Directorate of Intelligence", "ORG",
                  "Ukraine's military intelligence")

    a = {}
    a["yonhap"] = _article(session, "yonhap", YONHAP, title="NIS: 3,000 North Korean troops in "
                           "Russia", outlet="Yonhap", url="https://yna.example/nis-3000",
                           published=date(2024, 10, 23))
    s = ("The National Intelligence Service estimated that about 3,000 North Korean troops had "
         "been transferred to Russia by 23 October.")
    estimate(session, a["yonhap"], "about 3,000", s, count=3000, qualifier="about",
             claimed_by="South Korea's National Intelligence Service", claimant=nis,
             stated_on=date(2024, 10, 23))
    estimate(session, a["yonhap"], "10,000", "By December, Pyongyang plans to send a total of "
             "10,000 troops, the agency said.", count=10000, status="planned",
             claimed_by="South Korea's National Intelligence Service", claimant=nis,
             stated_on=date(2024, 10, 23))
    denial(session, a["yonhap"], "denies sending any troops to Russia",
           "North Korea denies sending any troops to Russia.", "North Korea")
    quote(session, a["yonhap"], "allies were consulting on the matter",
          "NATO spokesperson Farah Dakhlallah said allies were consulting on the matter.",
          dakhlallah, kind="reported")

    a["reuters"] = _article(session, "reuters", REUTERS, title="White House: 3,000 North "
                            "Koreans training in Russia", outlet="Reuters",
                            url="https://reuters.example/wh-3000", published=date(2024, 10, 24))
    estimate(session, a["reuters"], "about 3,000", _sentence(REUTERS, 0), count=3000,
             qualifier="about", status="training", claimed_by="White House",
             claimant=white_house, stated_on=date(2024, 10, 23))
    quote(session, a["reuters"], "We are seeing evidence that there are North Korean troops "
          "that have gone to Russia.", _sentence(REUTERS, 1), austin)

    a["ap"] = _article(session, "ap", AP, title="Pentagon: 10,000 North Korean troops in Russia",
                       outlet="AP", url="https://apnews.example/pentagon-10000",
                       published=date(2024, 10, 28))
    estimate(session, a["ap"], "around 10,000", _sentence(AP, 0), count=10000,
             qualifier="about", status="training", claimed_by="Pentagon", claimant=pentagon,
             stated_on=date(2024, 10, 28))
    quote(session, a["ap"], "It is likely that they are moving in that direction towards "
          "Kursk.", _sentence(AP, 1), singh)
    quote(session, a["ap"], "a significant escalation", _sentence(AP, 2), rutte)
    quote(session, a["ap"], "deeply concerned", _sentence(AP, 4), pentagon)
    denial(session, a["ap"], "fake news", "The Kremlin dismissed the reports as \"fake news\" "
           "earlier in the week.", "Kremlin", kind="dismissal")

    a["ap_copy"] = _article(session, "ap_copy", AP_COPY, title="Pentagon says 10,000 North "
                            "Koreans in Russia", outlet="Stars and Stripes",
                            url="https://stripes.example/pentagon", published=date(2024, 10, 28),
                            copy_of=a["ap"])

    a["herald"] = _article(session, "herald", HERALD, title="NIS: over 10,000 North Korean "
                           "soldiers deployed", outlet="Korea Herald",
                           url="https://herald.example/nis-10000", published=date(2024, 10, 30))
    estimate(session, a["herald"], "more than 10,000", _sentence(HERALD, 0), count=10000,
             qualifier="more than", claimed_by="South Korea's National Intelligence Service",
             claimant=nis, stated_on=date(2024, 10, 30))
    quote(session, a["herald"], "North Korean soldiers are already fighting in Kursk.",
          _sentence(HERALD, 2), zelensky)

    a["kyiv"] = _article(session, "kyiv", KYIV, title="Zelensky: Russia preparing two North "
                         "Korean units", outlet="Kyiv Independent",
                         url="https://kyiv.example/zelensky-units", published=date(2024, 10, 22))
    estimate(session, a["kyiv"], "up to 6,000", _sentence(KYIV, 0), count=12000,
             high=12000, qualifier="up to", status="training",
             claimed_by="Volodymyr Zelensky", claimant=zelensky, stated_on=date(2024, 10, 22),
             composition="2 units x up to 6,000")
    quote(session, a["kyiv"], "the war would escalate further if the world did not respond",
          _sentence(KYIV, 1), zelensky, kind="reported")

    a["blog"] = _article(session, "blog", BLOG, source="/data/inbox/far-east-blog.txt",
                         ingested=datetime(2024, 10, 26, 12, 0, tzinfo=UTC))
    estimate(session, a["blog"], "Thousands", _sentence(BLOG, 0), count=1000,
             qualifier="vague", status="deployed")

    a["gur"] = _article(session, "gur", GUR, title="Ukraine: 3,000 North Koreans killed or "
                        "wounded", outlet="Ukrainska Pravda", url="https://up.example/gur-3000",
                        published=date(2024, 12, 27))
    estimate(session, a["gur"], "about 3,000", _sentence(GUR, 0), count=3000,
             qualifier="about", status="casualties",
             claimed_by="Ukraine's Main Directorate of Intelligence", claimant=gur,
             stated_on=date(2024, 12, 27), location="Kursk")
    estimate(session, a["gur"], "Over 600,000", _sentence(GUR, 1), count=600000,
             qualifier="more than", status="casualties", force="Russia", claimed_by="Mark Rutte",
             claimant=rutte, stated_on=date(2024, 12, 27), location="Ukraine")
    quote(session, a["gur"], "Over 600,000 Russian soldiers have been killed or wounded in "
          "Putin's war.", _sentence(GUR, 1), rutte)
    session.flush()
    return {name: article.id for name, article in a.items()}


def test_answers_corpus_is_written_on_both_databases(corpus):
    sessions, ids = corpus
    with sessions() as session:
        assert session.scalar(select(func.count(Article.id))) == len(ids)
        copy = session.get(Article, ids["ap_copy"])
        assert copy.copy_of_id == ids["ap"]
        assert session.scalar(select(func.count(Estimate.id))) == 9

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def corpus_database(request, tmp_path_factory):
    """The mini corpus in a SQLite file, then in a PostgreSQL database, built once per module:
    yields (sessions, article ids by name). For read-only tests; others write to `sessions`.

    Use as `yield from corpus_database(request, tmp_path_factory)` in a module-scoped fixture
    parametrised over BACKENDS.
    """
    from conftest import drop_postgres_database, make_postgres_database

    admin = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'sitrep.db'}"
    else:
        admin = request.getfixturevalue("postgres_admin")
        url = make_postgres_database(admin)
    runtime = Runtime(Settings(DATABASE_URL=url, _env_file=None))
    try:
        with runtime.sessions.begin() as session:
            ids = build_corpus(session)
        yield runtime.sessions, ids
    finally:
        runtime.close()
        if admin is not None:
            drop_postgres_database(admin, url)


def database_url_of(sessions) -> str:
    """The URL of the database a sessionmaker is bound to (for the CLI's DATABASE_URL)."""
    return sessions.kw["bind"].url.render_as_string(hide_password=False)


@pytest.fixture(scope="module", params=BACKENDS)
def corpus(request, tmp_path_factory):
    yield from corpus_database(request, tmp_path_factory)
