"""The facts database: SQLAlchemy 2 typed models.

Every fact row (quote, estimate, denial, entity mention) points at its article and at the
character span it came from; `article_id` is NOT NULL with a foreign key, so a fact without
an article cannot exist.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

intpk = Annotated[int, mapped_column(Integer, primary_key=True)]
created_at = Annotated[datetime, mapped_column(DateTime(timezone=True), server_default=func.now())]
short_text = Annotated[str, mapped_column(String(300))]
article_fk = Annotated[
    int, mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True)
]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Article(Base):
    __tablename__ = "articles"
    # a fact's article dates without reading the article's row (covering on SQLite)
    __table_args__ = (Index("ix_articles_id_dates", "id", "published", "ingested_at",
                            "copy_of_id"),)

    id: Mapped[intpk]
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(String(2000))
    title: Mapped[str | None] = mapped_column(String(500))
    outlet: Mapped[str | None] = mapped_column(String(300))
    url: Mapped[str | None] = mapped_column(String(2000))
    published: Mapped[date | None] = mapped_column(Date, index=True)
    ingested_at: Mapped[created_at] = mapped_column(index=True)
    text: Mapped[str] = mapped_column(Text)
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    copy_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True
    )

    copy_of: Mapped[Article | None] = relationship(remote_side="Article.id", back_populates="copies")
    copies: Mapped[list[Article]] = relationship(back_populates="copy_of")
    quotes: Mapped[list[Quote]] = relationship(back_populates="article",
                                               cascade="all, delete-orphan")
    estimates: Mapped[list[Estimate]] = relationship(back_populates="article",
                                                     cascade="all, delete-orphan")
    denials: Mapped[list[Denial]] = relationship(back_populates="article",
                                                 cascade="all, delete-orphan")
    mentions: Mapped[list[EntityMention]] = relationship(back_populates="article",
                                                         cascade="all, delete-orphan")

    @property
    def display_date(self) -> date | None:
        return self.published

    def __repr__(self) -> str:
        return f"<Article {self.id} {self.title!r}>"


class ArticleShingle(Base):
    """A content-defined sample of an article's 5-word shingle hashes, to find near-copies."""

    __tablename__ = "article_shingles"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    hash: Mapped[int] = mapped_column(BigInteger, primary_key=True, index=True)


class Entity(Base):
    __tablename__ = "entities"
    __table_args__ = (UniqueConstraint("name", "label"),)

    id: Mapped[intpk]
    name: Mapped[short_text]
    label: Mapped[str] = mapped_column(String(20))
    role: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[created_at]

    aliases: Mapped[list[EntityAlias]] = relationship(back_populates="entity",
                                                      cascade="all, delete-orphan")


class EntityAlias(Base):
    __tablename__ = "entity_aliases"
    __table_args__ = (UniqueConstraint("entity_id", "normalized"),)

    id: Mapped[intpk]
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"),
                                           index=True)
    alias: Mapped[short_text]
    normalized: Mapped[str] = mapped_column(String(300), index=True)

    entity: Mapped[Entity] = relationship(back_populates="aliases")


class EntityMention(Base):
    __tablename__ = "entity_mentions"

    id: Mapped[intpk]
    article_id: Mapped[article_fk]
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"),
                                           index=True)
    start: Mapped[int]
    end: Mapped[int]

    article: Mapped[Article] = relationship(back_populates="mentions")
    entity: Mapped[Entity] = relationship()


class Quote(Base):
    __tablename__ = "quotes"
    __table_args__ = (
        Index("ix_quotes_speaker_entity_id_article_id", "speaker_entity_id", "article_id"),
        Index("ix_quotes_speaker_entity_id_id", "speaker_entity_id", "id"),
        Index("ix_quotes_unlinked_speaker_lower_id", func.lower(text("speaker")), "id",
              sqlite_where=text("speaker_entity_id IS NULL"),
              postgresql_where=text("speaker_entity_id IS NULL")),
    )

    id: Mapped[intpk]
    article_id: Mapped[article_fk]
    speaker_entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL")
    )
    speaker: Mapped[str | None] = mapped_column(String(300), index=True)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int]
    end: Mapped[int]

    article: Mapped[Article] = relationship(back_populates="quotes")
    speaker_entity: Mapped[Entity | None] = relationship()


class Estimate(Base):
    __tablename__ = "estimates"
    __table_args__ = (
        Index("ix_estimates_force_stated_on", "force", "stated_on"),
        Index("ix_estimates_force_lower_id", func.lower(text("force")), "id"),
        Index("ix_estimates_force_lower_stated_on", func.lower(text("force")), "stated_on"),
        Index("ix_estimates_claimant_entity_id_status", "claimant_entity_id", "status",
              "stated_on"),
    )

    id: Mapped[intpk]
    article_id: Mapped[article_fk]
    count: Mapped[int] = mapped_column(BigInteger)
    low: Mapped[int | None] = mapped_column(BigInteger)
    high: Mapped[int | None] = mapped_column(BigInteger)
    qualifier: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    force: Mapped[str] = mapped_column(String(100))
    location: Mapped[str | None] = mapped_column(String(300))
    claimed_by: Mapped[str | None] = mapped_column(String(300), index=True)
    claimant_entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL")
    )
    stated_on: Mapped[date | None] = mapped_column(Date)
    composition: Mapped[str | None] = mapped_column(String(200))
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int]
    end: Mapped[int]

    article: Mapped[Article] = relationship(back_populates="estimates")
    claimant_entity: Mapped[Entity | None] = relationship()


class Denial(Base):
    __tablename__ = "denials"
    __table_args__ = (
        Index("ix_denials_force_lower_id", func.lower(text("force")), "id"),
        Index("ix_denials_force_lower_stated_on", func.lower(text("force")), "stated_on"),
        Index("ix_denials_denied_by_lower", func.lower(text("denied_by"))),
    )

    id: Mapped[intpk]
    article_id: Mapped[article_fk]
    denied_by: Mapped[str | None] = mapped_column(String(300))
    force: Mapped[str] = mapped_column(String(100), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    stated_on: Mapped[date | None] = mapped_column(Date)
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int]
    end: Mapped[int]

    article: Mapped[Article] = relationship(back_populates="denials")


class DigestSubscription(Base):
    """A channel that receives the daily digest at its local time."""

    __tablename__ = "digest_subscriptions"

    channel_id: Mapped[str] = mapped_column(String(50), primary_key=True)
    post_time: Mapped[time] = mapped_column(Time)
    tz: Mapped[str] = mapped_column(String(64))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[created_at]
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class DigestPost(Base):
    """One digest period of one channel: claimed before posting, marked posted after."""

    __tablename__ = "digest_posts"
    __table_args__ = (UniqueConstraint("channel_id", "period"),)

    id: Mapped[intpk]
    channel_id: Mapped[str] = mapped_column(String(50))
    period: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))  # claimed | posted | failed
    covers_from: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    covers_to: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    posted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    message_ts: Mapped[str | None] = mapped_column(String(50))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))


class SlackEventSeen(Base):
    """Events API deliveries already handled, so a retry is answered once."""

    __tablename__ = "slack_events_seen"

    event_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    received_at: Mapped[created_at]
