"""Canonical entities across articles: find the stored entity a name means, or create it.

Storage functions take a session and never commit: the caller owns the transaction.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.extraction.names import normalise_name, same_entity
from bot.storage.models import Entity, EntityAlias

PERSON = "PERSON"


def _labels_of_kind(label: str) -> tuple[str, ...]:
    return (PERSON,) if label == PERSON else ("ORG", "GPE", "NORP", "LOC", "FAC")


def find_entity(session: Session, name: str, label: str | None = None) -> Entity | None:
    """The stored entity a name means: an exact alias first, then a close spelling.

    A one-word person name ("Kim") is only taken when a single entity has that alias, and
    spellings are only compared with full names, so "Kim Yong Hyun" never becomes "Kim Jong Un".
    """
    key = normalise_name(name)
    if not key:
        return None
    query = select(Entity).join(EntityAlias).where(EntityAlias.normalized == key)
    if label:
        query = query.where(Entity.label.in_(_labels_of_kind(label)))
    found = session.scalars(query.distinct().order_by(Entity.id).limit(2)).all()
    single_word = " " not in key
    if len(found) == 1 or (found and not (single_word and label in (None, PERSON))):
        return found[0]
    if found or not label or (single_word and label == PERSON):
        return None
    last = key.split()[-1][:2]
    candidates = session.scalars(
        select(Entity).join(EntityAlias)
        .where(Entity.label.in_(_labels_of_kind(label)))
        .where(or_(EntityAlias.normalized.like(f"% {last}%"),
                   EntityAlias.normalized.like(f"{last}%")))
        .distinct().order_by(Entity.id).limit(200)
    ).all()
    for entity in candidates:
        for alias in entity.aliases:
            if label == PERSON and " " not in alias.normalized:
                continue
            if same_entity(name, alias.alias, label):
                return entity
    return None


def resolve_entity(session: Session, name: str, label: str, aliases: tuple[str, ...] = (),
                   role: str | None = None) -> Entity:
    """Return the stored entity for `name` (merging by alias or spelling), creating it if new."""
    entity = find_entity(session, name, label)
    if entity is None:
        for alias in aliases:
            if label == PERSON and " " not in alias.strip():
                continue   # a bare surname is too weak to merge two people on
            entity = find_entity(session, alias, label)
            if entity is not None:
                break
    if entity is None:
        entity = Entity(name=name, label=label, role=role)
        session.add(entity)
        session.flush()
    elif role and not entity.role:
        entity.role = role
    known = {a.normalized for a in entity.aliases}
    for alias in (name, *aliases):
        key = normalise_name(alias)
        if key and key not in known:
            entity.aliases.append(EntityAlias(alias=alias[:300], normalized=key[:300]))
            known.add(key)
    return entity
