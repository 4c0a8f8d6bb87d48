"""Canonical entities across articles: find the stored entity a name means, or create it.

Storage functions take a session and never commit: the caller owns the transaction.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

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
    """`resolve_entity` with a memory across transactions, for ingesting many articles.

    Names already resolved cost no query. What a transaction learns is kept only once it
    commits (`commit()`); `rollback()` forgets it, so the memory never names a row that
    does not exist. A one-word person alias ("Kim") never leads to an entity: it is ambiguous.
    """

    def __init__(self) -> None:
        self._ids: dict[tuple[str, str], int] = {}
        self._aliases: dict[int, frozenset[str]] = {}
        self._roles: set[int] = set()
        self._pending_ids: dict[tuple[str, str], int] = {}
        self._pending_aliases: dict[int, frozenset[str]] = {}
        self._pending_roles: set[int] = set()

    def resolve(self, session: Session, name: str, label: str, aliases: tuple[str, ...] = (),
                role: str | None = None) -> int:
        kind = PERSON if label == PERSON else "other"
        names = (name, *aliases)
        keys = {normalise_name(n)[:300] for n in names} - {""}
        name_key = normalise_name(name)[:300]
        entity_id = self._pending_ids.get((name_key, kind)) or self._ids.get((name_key, kind))
        if entity_id is not None:
            known = self._pending_aliases.get(entity_id) or self._aliases.get(entity_id, ())
            has_role = entity_id in self._roles or entity_id in self._pending_roles
            if keys <= set(known) and (not role or has_role):
                return entity_id
            entity = session.get(Entity, entity_id)
            if role and not entity.role:
                entity.role = role
            known = _add_aliases(entity, names)
            session.flush()
        else:
            entity = resolve_entity(session, name, label, aliases, role)
            entity_id = entity.id
            known = {a.normalized for a in entity.aliases}
        self._remember(entity_id, kind, name_key, known, bool(entity.role))
        return entity_id

    def _remember(self, entity_id: int, kind: str, name_key: str, keys: set[str],
                  has_role: bool) -> None:
        self._pending_aliases[entity_id] = frozenset(keys)
        if has_role:
            self._pending_roles.add(entity_id)
        # the name just resolved gives the same answer next time; of its aliases, one-word
        # person names are left out (ambiguous: "Kim" is many people)
        self._pending_ids[(name_key, kind)] = entity_id
        for key in keys:
            if kind != PERSON or " " in key:
                self._pending_ids[(key, kind)] = entity_id

    def commit(self) -> None:
        self._ids.update(self._pending_ids)
        self._aliases.update(self._pending_aliases)
        self._roles |= self._pending_roles
        self.rollback()

    def rollback(self) -> None:
        self._pending_ids, self._pending_aliases, self._pending_roles = {}, {}, set()
