"""The one definition of the stored data (SQLAlchemy Core; nothing SQLite-only).

Entities: election (+ phases), state, constituency, contest (election x constituency x poll
number, so by-elections are first-class), person (+ names, external ids, merge redirects),
org (parties, alliances, party units, councils, legislatures; + aliases), candidacy, result,
electorate, membership, alliance_membership, seat_allocation, event (+ roles), figure.

Every fact row is backed by one or more ``evidence`` rows naming the source and where in it
the fact was read (file line, or article sentence and character offsets), the extractor and
its version, a confidence, when the fact was true (valid_from/valid_to) and when we learnt it
(recorded_at). A fact two sources state alike is one row with two evidence rows; sources that
disagree give two rows side by side (``result`` is unique on its values, not its candidacy).
Derived flags (winner, rebel, turncoat, incumbent) are queries, never stored.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

SCHEMA_VERSION = 3

metadata = MetaData()


def _id() -> Column:
    return Column("id", Integer, primary_key=True)


meta = Table("chunav_meta", metadata,
             Column("key", String(64), primary_key=True),
             Column("value", Text, nullable=False))

source = Table(
    "source", metadata, _id(),
    Column("kind", String(16), nullable=False),  # results | article
    Column("uri", Text, nullable=False),  # path or URL it was read from (first seen)
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("format", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("published_on", Date),
    Column("text", Text),  # article text, so evidence offsets can be checked
    Column("recorded_at", DateTime, nullable=False),
    Column("partial", Integer, nullable=False, default=0),  # 1: lists only some candidates
)

source_import = Table(  # what of a source has been imported: one election, or "*" for all
    "source_import", metadata, _id(),
    Column("source_id", ForeignKey("source.id"), nullable=False),
    Column("scope", Text, nullable=False),
    UniqueConstraint("source_id", "scope"),
)

state = Table(
    "state", metadata, _id(),
    Column("name", Text, nullable=False),
    Column("key", Text, nullable=False, unique=True),
    Column("kind", String(8)),  # state | ut
    Column("eci_code", String(8)),
)

election = Table(
    "election", metadata, _id(),
    Column("name", Text, nullable=False, unique=True),  # "Lok Sabha 2024"
    Column("house", String(32), nullable=False),  # Lok Sabha | Assembly | Council
    Column("region", Text),  # state of an assembly, place of a council
    Column("year", Integer, nullable=False),
    Column("bye", Integer, nullable=False, default=0),  # 1 for by-elections
)

election_phase = Table(
    "election_phase", metadata, _id(),
    Column("election_id", ForeignKey("election.id"), nullable=False),
    Column("phase_no", Integer, nullable=False),
    Column("poll_date", Date),
    UniqueConstraint("election_id", "phase_no"),
)

constituency = Table(
    "constituency", metadata, _id(),
    Column("house", Text, nullable=False),  # "Lok Sabha", "Kerala Assembly"
    Column("state_id", ForeignKey("state.id")),
    Column("name", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("number", Integer),
    Column("reserved", String(8)),  # GEN | SC | ST (the reader normalises)
    Column("parent_id", ForeignKey("constituency.id")),  # an assembly seat's Lok Sabha seat
    UniqueConstraint("house", "state_id", "key"),
)

constituency_alias = Table(  # other spellings sources use: "Firozpur" for "Ferozpur"
    "constituency_alias", metadata, _id(),
    Column("constituency_id", ForeignKey("constituency.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("how", Text),  # why it was taken for this seat: "same letters", "close spelling"
    UniqueConstraint("constituency_id", "key"),
    Index("ix_constituency_alias_key", "key"),
)

contest = Table(
    "contest", metadata, _id(),
    Column("election_id", ForeignKey("election.id"), nullable=False),
    Column("constituency_id", ForeignKey("constituency.id"), nullable=False),
    Column("poll_no", Integer, nullable=False, default=0),  # 0 general, 1.. by-elections
    Column("state_id", ForeignKey("state.id")),  # the seat's state at this election
    Column("seat_no", Integer),  # the seat's number at this election (delimitations renumber)
    Column("phase_no", Integer),
    Column("poll_date", Date),
    Column("counting_date", Date),
    UniqueConstraint("election_id", "constituency_id", "poll_no"),
)

electorate = Table(
    "electorate", metadata, _id(),
    Column("contest_id", ForeignKey("contest.id"), nullable=False),
    Column("electors", Integer, nullable=False),
    Column("voters", Integer),  # those who voted, where a turnout source gives them
    UniqueConstraint("contest_id", "electors"),
)

person = Table(
    "person", metadata, _id(),
    Column("name", Text, nullable=False),  # display name
    Column("sex", String(1)),
)

person_name = Table(
    "person_name", metadata, _id(),
    Column("person_id", ForeignKey("person.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("how", Text),  # why this spelling is this person's (chunav why-same shows it)
    Column("source_id", ForeignKey("source.id")),  # where the spelling was read
    UniqueConstraint("person_id", "key"),
    Index("ix_person_name_key", "key"),
)

person_ref = Table(  # external ids: ("tcpd", "GEAP51193"), ("wikidata", "Q...")
    "person_ref", metadata, _id(),
    Column("person_id", ForeignKey("person.id"), nullable=False),
    Column("scheme", String(32), nullable=False),
    Column("value", Text, nullable=False),
    UniqueConstraint("scheme", "value"),
)

person_redirect = Table(  # ids are permanent: a merged-away id points at the survivor
    "person_redirect", metadata,
    Column("old_id", Integer, primary_key=True),
    Column("new_id", ForeignKey("person.id"), nullable=False),
)

org = Table(
    "org", metadata, _id(),
    Column("kind", String(16), nullable=False),  # party|independent|nota|alliance|unit|body
    Column("name", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("abbreviation", Text),
    Column("parent_id", ForeignKey("org.id")),  # a party unit's party
    UniqueConstraint("kind", "key"),
)

org_alias = Table(
    "org_alias", metadata, _id(),
    Column("org_id", ForeignKey("org.id"), nullable=False),
    Column("alias", Text, nullable=False),
    Column("key", Text, nullable=False),
    UniqueConstraint("org_id", "key"),
    Index("ix_org_alias_key", "key"),
)

candidacy = Table(
    "candidacy", metadata, _id(),
    Column("contest_id", ForeignKey("contest.id"), nullable=False),
    Column("person_id", ForeignKey("person.id")),  # null for NOTA
    Column("party_id", ForeignKey("org.id"), nullable=False),  # as on the ballot
    Column("ballot_name", Text, nullable=False),
    Column("name_key", Text, nullable=False),
    Column("seq", Integer, nullable=False, default=1),  # namesakes on one ticket: 1, 2, ...
    Column("status", String(16), nullable=False),  # contested|uncontested|withdrawn|nominated
    Column("age", Integer),
    UniqueConstraint("contest_id", "name_key", "party_id", "seq"),
    Index("ix_candidacy_person", "person_id"),
)

candidacy_backer = Table(
    "candidacy_backer", metadata, _id(),
    Column("candidacy_id", ForeignKey("candidacy.id"), nullable=False),
    Column("org_id", ForeignKey("org.id"), nullable=False),
    UniqueConstraint("candidacy_id", "org_id"),
)

result = Table(
    "result", metadata, _id(),
    Column("candidacy_id", ForeignKey("candidacy.id"), nullable=False),
    Column("evm_votes", Integer),
    Column("postal_votes", Integer),
    Column("votes", Integer, nullable=False),  # total, postal included
    Column("value_key", String(64), nullable=False),  # "evm|postal|total": one row per version
    UniqueConstraint("candidacy_id", "value_key"),
)

membership = Table(
    "membership", metadata, _id(),
    Column("person_id", ForeignKey("person.id"), nullable=False),
    Column("org_id", ForeignKey("org.id"), nullable=False),
    Column("role", Text),  # "Vice-President", "MLA"
    Column("status", String(16)),  # member|rebel|resigned|joined|expelled|former
    Column("start_date", Date),
    Column("end_date", Date),
    Column("end_cause", String(16)),  # resigned|expelled|left|died|term
    Column("fact_key", String(40), nullable=False, unique=True),  # sha1 of the natural key
)

alliance_membership = Table(
    "alliance_membership", metadata, _id(),
    Column("org_id", ForeignKey("org.id")),  # a party ...
    Column("person_id", ForeignKey("person.id")),  # ... or an independent legislator
    Column("alliance_id", ForeignKey("org.id"), nullable=False),
    Column("election_id", ForeignKey("election.id")),
    Column("state_id", ForeignKey("state.id")),
    Column("status", String(16)),  # member|joined|left|considering
    Column("start_date", Date),
    Column("end_date", Date),
    Column("fact_key", String(40), nullable=False, unique=True),  # sha1 of the natural key
)

seat_allocation = Table(
    "seat_allocation", metadata, _id(),
    Column("election_id", ForeignKey("election.id")),
    Column("constituency_id", ForeignKey("constituency.id"), nullable=False),
    Column("alliance_id", ForeignKey("org.id")),
    Column("party_id", ForeignKey("org.id"), nullable=False),
    Column("fact_key", String(40), nullable=False, unique=True),  # sha1 of the natural key
)

figure = Table(  # a number an article states: a margin, a turnout, a seat count
    "figure", metadata, _id(),
    Column("subject", Text, nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", String(32), nullable=False),
    Column("date", String(10)),
    Column("fact_key", String(40), nullable=False, unique=True),  # sha1 of the natural key
)

event = Table(
    "event", metadata, _id(),
    Column("type", String(16), nullable=False),  # MEET, SUPPORT, ... (SCHEMA.md)
    Column("date", String(10)),  # ISO; YYYY, YYYY-MM or YYYY-MM-DD
    Column("place", Text),
    Column("fact_key", String(40), nullable=False, unique=True),  # sha1 of the natural key
)
# the order events are listed in (undated last), so a page at any offset is an index scan
EVENT_ORDER = (event.c.date.is_(None), event.c.date, event.c.id)
Index("ix_event_order", *EVENT_ORDER)

event_role = Table(
    "event_role", metadata, _id(),
    Column("event_id", ForeignKey("event.id"), nullable=False),
    Column("role", String(8), nullable=False),  # actor | target
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),  # as written
    Column("person_id", ForeignKey("person.id")),
    Column("org_id", ForeignKey("org.id")),
    Column("constituency_id", ForeignKey("constituency.id")),
    UniqueConstraint("event_id", "role", "position"),
    # events naming a person (by the linker's id, or as written), or an org
    Index("ix_event_role_person", "person_id"),
    Index("ix_event_role_org", "org_id"),
    Index("ix_event_role_text", "text"),
)

evidence = Table(
    "evidence", metadata, _id(),
    Column("fact_type", String(32), nullable=False),  # table name of the fact
    Column("fact_id", Integer, nullable=False),
    Column("source_id", ForeignKey("source.id"), nullable=False),
    Column("locator", String(64), nullable=False),  # "line 8899", "sentence 12"
    Column("line", Integer),
    Column("sentence", Text),
    Column("char_start", Integer),
    Column("char_end", Integer),
    Column("extractor", String(64), nullable=False),
    Column("extractor_version", String(32), nullable=False),
    Column("confidence", Float, nullable=False, default=1.0),
    Column("valid_from", String(10)),
    Column("valid_to", String(10)),
    Column("recorded_at", DateTime, nullable=False),
    # its index serves look-ups by (fact_type, fact_id) too: no second index to keep up
    UniqueConstraint("fact_type", "fact_id", "source_id", "locator"),
)
