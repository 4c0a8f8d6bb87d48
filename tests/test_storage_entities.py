"""Entities merge across articles by alias and spelling, never across two people."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.storage.entities import find_entity, resolve_entity
from bot.storage.models import Entity


def _count(session) -> int:
    return session.scalar(select(func.count()).select_from(Entity))


def test_storage_entities_transliterations_merge(sessions):
    with sessions.begin() as session:
        first = resolve_entity(session, "Farah Dakhlallah", "PERSON", ("Dakhlallah",),
                               role="NATO spokesperson")
        second = resolve_entity(session, "Fara Dahlallah", "PERSON", ("Dahlallah",))
        assert second.id == first.id
        zelensky = resolve_entity(session, "Volodymyr Zelensky", "PERSON", ("Zelensky",))
        assert resolve_entity(session, "Volodymyr Zelenskyy", "PERSON").id == zelensky.id
        assert _count(session) == 2
    with sessions() as session:
        entity = find_entity(session, "dahlallah", "PERSON")
        assert entity.name == "Farah Dakhlallah" and entity.role == "NATO spokesperson"
        assert {a.alias for a in entity.aliases} >= {"Farah Dakhlallah", "Fara Dahlallah",
                                                     "Dahlallah", "Dakhlallah"}


def test_storage_entities_two_kims_stay_two_people(sessions):
    with sessions.begin() as session:
        jong_gyu = resolve_entity(session, "Kim Jong Gyu", "PERSON", ("Kim",))
        yong_hyun = resolve_entity(session, "Kim Yong Hyun", "PERSON", ("Kim",))
        jong_un = resolve_entity(session, "Kim Jong Un", "PERSON", ("Kim",))
        assert len({jong_gyu.id, yong_hyun.id, jong_un.id}) == 3
    with sessions() as session:
        assert find_entity(session, "Kim", "PERSON") is None        # ambiguous: nobody
        assert find_entity(session, "Kim Yong Hyun", "PERSON").id == yong_hyun.id


def test_storage_entities_organisations_and_labels(sessions):
    with sessions.begin() as session:
        nis = resolve_entity(session, "South Korea's National Intelligence Service", "ORG",
                             ("NIS", "National Intelligence Service"))
        assert resolve_entity(session, "NIS", "ORG").id == nis.id
        person = resolve_entity(session, "Nis Jensen", "PERSON")
        assert person.id != nis.id
    with sessions() as session:
        assert find_entity(session, "nis", "ORG").id == nis.id


def test_storage_entities_ambiguous_surname_reuses_its_own_entity(sessions):
    # "Peskov" alone matches two people's aliases; it must not crash on (name, label) twice
    with sessions.begin() as session:
        resolve_entity(session, "Dmitry Peskov", "PERSON", ("Peskov",))
        resolve_entity(session, "Ivan Peskov", "PERSON", ("Peskov",))
        bare = resolve_entity(session, "Peskov", "PERSON")
        assert resolve_entity(session, "Peskov", "PERSON").id == bare.id
        assert _count(session) == 3


def test_storage_entities_resolver_remembers_only_what_committed(sessions):
    from bot.storage.entities import EntityResolver

    resolver = EntityResolver()
    with sessions.begin() as session:
        rutte = resolver.resolve(session, "Mark Rutte", "PERSON", ("Rutte",), "NATO chief")
    resolver.commit()
    with sessions.begin() as session:
        assert resolver.resolve(session, "Mark Rutte", "PERSON", ("Rutte",)) == rutte
        # a new spelling of a known person is added as an alias of the same entity
        assert resolver.resolve(session, "Mark Rutte", "PERSON", ("M. Rutte",)) == rutte
    resolver.commit()
    try:
        with sessions.begin() as session:
            resolver.resolve(session, "Ursula von der Leyen", "PERSON")
            raise RuntimeError("the article failed to store")
    except RuntimeError:
        resolver.rollback()
    with sessions.begin() as session:
        leyen = resolver.resolve(session, "Ursula von der Leyen", "PERSON")
        assert session.get(Entity, leyen) is not None     # not a rolled-back id
        names = {a.alias for a in session.get(Entity, rutte).aliases}
        assert names == {"Mark Rutte", "Rutte", "M. Rutte"}


def test_storage_entities_index_answers_as_find_entity(sessions):
    from bot.storage.entity_index import EntityIndex

    stored = [
        ("Farah Dakhlallah", "PERSON", ("Dakhlallah",)), ("Kim Jong Gyu", "PERSON", ("Kim",)),
        ("Kim Yong Hyun", "PERSON", ("Kim",)), ("Kim Jong Un", "PERSON", ("Kim", "Kim Jong-un")),
        ("Volodymyr Zelensky", "PERSON", ("Zelensky",)), ("Dmitry Peskov", "PERSON", ("Peskov",)),
        ("South Korea's National Intelligence Service", "ORG", ("NIS", "the spy agency")),
        ("Nis Jensen", "PERSON", ()), ("North Korea", "GPE", ("DPRK", "Pyongyang")),
        ("Kremlin", "ORG", ()), ("Kursk", "GPE", ()), ("Mark Rutte", "PERSON", ("Rutte",)),
    ]
    asked = [
        ("Fara Dahlallah", "PERSON"), ("dahlallah", "PERSON"), ("Kim", "PERSON"), ("Kim", None),
        ("Kim Yong Hyun", "PERSON"), ("Kim Jong-Un", "PERSON"), ("Volodymyr Zelenskyy", "PERSON"),
        ("Zelenskiy", "PERSON"), ("Peskov", None), ("Peskov", "PERSON"), ("NIS", "ORG"),
        ("nis", None), ("Nis Jensen", None), ("the DPRK", "GPE"), ("Pyongyang", "ORG"),
        ("the Kremlin", "ORG"), ("Kremlin", "PERSON"), ("Kursk region", "GPE"), ("", None),
        ("M. Rutte", "PERSON"), ("Mark Rute", "PERSON"), ("Rutte", None), ("Nobody Known", "ORG"),
    ]
    with sessions.begin() as session:
        for name, label, aliases in stored:
            resolve_entity(session, name, label, aliases)
    with sessions() as session:
        index = EntityIndex()
        index.refresh(session)
        for name, label in asked:
            expected = find_entity(session, name, label)
            assert index.find(name, label) == (expected.id if expected else None), (name, label)


def test_storage_entities_resolver_sees_what_other_writers_stored(sessions):
    from bot.storage.entities import EntityResolver

    resolver = EntityResolver()
    with sessions.begin() as session:
        rutte = resolver.resolve(session, "Mark Rutte", "PERSON", ("Rutte",))
    resolver.commit()
    with sessions.begin() as session:     # another ingest, another process
        leyen = resolve_entity(session, "Ursula von der Leyen", "PERSON", ("von der Leyen",)).id
    with sessions.begin() as session:
        assert resolver.resolve(session, "Ursula von der Leyen", "PERSON") == leyen
        assert resolver.resolve(session, "Mark Rutte", "PERSON", (), "NATO chief") == rutte
        assert resolver.find(session, "von der Leyen") == leyen
    resolver.commit()
    with sessions() as session:
        assert _count(session) == 2
        assert session.get(Entity, rutte).role == "NATO chief"
