"""Canonical entities across articles: find the stored entity a name means, or create it.

Storage functions take a session and never commit: the caller owns the transaction.
"""

from __future__ import annotations

from sqlalchemy import insert, or_, select, update
from sqlalchemy.orm import Session, selectinload

from bot.extraction.names import normalise_name, same_entity
from bot.storage.entity_index import TRY_SPELLINGS, EntityIndex, pick_exact
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
    exact = pick_exact(found, key, label)
    if exact is not TRY_SPELLINGS:
        return exact
    last = key.split()[-1][:2]
    candidates = session.scalars(
        select(Entity).join(EntityAlias)
        .where(Entity.label.in_(_labels_of_kind(label)))
        .where(or_(EntityAlias.normalized.contains(f" {last}", autoescape=True),
                   EntityAlias.normalized.startswith(last, autoescape=True)))
        .options(selectinload(Entity.aliases))
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
    with session.no_autoflush:
        entity = find_entity(session, name, label)
        if entity is None:
            for alias in aliases:
                if label == PERSON and " " not in alias.strip():
                    continue   # a bare surname is too weak to merge two people on
                entity = find_entity(session, alias, label)
                if entity is not None:
                    break
        if entity is None:
            # an ambiguous one-word name matches no single entity, yet may exist verbatim
            entity = session.scalars(
                select(Entity).where(Entity.name == name[:300], Entity.label == label)
            ).first()
    if entity is None:
        entity = Entity(name=name[:300], label=label, role=role)
        session.add(entity)
        session.flush()
    elif role and not entity.role:
        entity.role = role
    _add_aliases(entity, (name, *aliases))
    session.flush()     # later lookups in this transaction run without autoflush
    return entity


def _add_aliases(entity: Entity, names) -> set[str]:
    known = {a.normalized for a in entity.aliases}
    for alias in names:
        key = normalise_name(alias)[:300]
        if key and key not in known:
            entity.aliases.append(EntityAlias(alias=alias[:300], normalized=key))
            known.add(key)
    return known


class EntityResolver:
    """`resolve_entity` for ingesting many articles: answers from memory, writes with Core.

    The stored entities and aliases are held in an `EntityIndex`, refreshed with what other
    writers stored at the start of each transaction; names met before in the run cost nothing.
    Each transaction's new entities, aliases and roles go in at once; `commit()` after the caller
    commits, `rollback()` after it rolls back (the memory is then dropped and reloaded, so it never
    names a row that does not exist). A one-word person alias ("Kim") never leads to an entity.
    """

    def __init__(self) -> None:
        self._index: EntityIndex | None = None
        self._session: Session | None = None
        self._ids: dict[tuple[str, str], int] = {}

    def _index_for(self, session: Session) -> EntityIndex:
        if self._index is None:
            self._index = EntityIndex()
        if session is not self._session:
            self._index.refresh(session)
            self._session = session
        return self._index

    def find(self, session: Session, name: str, label: str | None = None) -> int | None:
        """The id `find_entity` would give, from memory."""
        return self._index_for(session).find(name, label)

    def resolve(self, session: Session, name: str, label: str, aliases: tuple[str, ...] = (),
                role: str | None = None) -> int:
        index = self._index_for(session)
        kind = PERSON if label == PERSON else "other"
        name_key = normalise_name(name)[:300]
        entity_id = self._ids.get((name_key, kind))
        if entity_id is None:
            entity_id = index.find(name, label)
            if entity_id is None:
                for alias in aliases:
                    if label == PERSON and " " not in alias.strip():
                        continue   # a bare surname is too weak to merge two people on
                    entity_id = index.find(alias, label)
                    if entity_id is not None:
                        break
            if entity_id is None:
                # an ambiguous one-word name matches no single entity, yet may exist verbatim
                entity_id = index.by_name(name[:300], label)
            if entity_id is None:
                entity_id = session.connection().execute(
                    insert(Entity.__table__).values(name=name[:300], label=label, role=role)
                    .returning(Entity.__table__.c.id)).scalar_one()
                index.add_entity(entity_id, name[:300], label, role)
        entity = index.entities[entity_id]
        if role and not entity.role:
            table = Entity.__table__
            session.connection().execute(update(table)
                                         .where(table.c.id == entity_id, table.c.role.is_(None))
                                         .values(role=role))
            entity.role = role
        new = {}
        for alias in (name, *aliases):
            key = normalise_name(alias)[:300]
            if key and key not in entity.aliases and key not in new:
                new[key] = alias[:300]
        if new:
            session.connection().execute(insert(EntityAlias.__table__), [
                {"entity_id": entity_id, "alias": alias, "normalized": key}
                for key, alias in new.items()])
            for key, alias in new.items():
                index.add_alias(entity_id, alias, key)
        # the name just resolved gives the same answer next time; of its aliases, one-word
        # person names are left out (ambiguous: "Kim" is many people)
        self._ids[(name_key, kind)] = entity_id
        for key in entity.aliases:
            if kind != PERSON or " " in key:
                self._ids.setdefault((key, kind), entity_id)
        return entity_id

    def commit(self) -> None:
        self._session = None

    def rollback(self) -> None:
        self._index, self._session, self._ids = None, None, {}
