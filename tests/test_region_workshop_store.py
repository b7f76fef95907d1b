"""A regional workshop in the store (issue 25), on SQLite and on a throwaway PostgreSQL: a
participant picks their municipality when joining, their scale votes count for it, and the
facilitator reads the votes per municipality; an ordinary workshop is untouched by all this."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, select

from keuzehulp.region.votes import count_votes
from keuzehulp.store import make_engine, migrate
from keuzehulp.store.engine import alembic_config
from keuzehulp.workshop import regional, repo
from keuzehulp.workshop.ballot import VoteError, validate
from keuzehulp.workshop.tables import participants

CLIENT = "192.0.2.20"
NAMES = ["Gorinchem", "Molenlanden", "Vijfheerenlanden"]


@pytest.fixture
def engine(store_url):
    engine = make_engine(store_url)
    migrate(engine)
    yield engine
    engine.dispose()


def scale(deelproduct: str, value: str, reason: str = ""):
    return validate(f"scale:{deelproduct}", value, reason)


def test_votes_are_tagged_with_the_municipality_each_participant_picked(engine):
    opened = regional.create_region_workshop(engine, "regio-key-1", NAMES)
    info = repo.join(engine, opened.code, CLIENT, "p1")
    assert info.municipalities == tuple(NAMES)
    assert regional.region_of(engine, opened.code, opened.secret) == "regio-key-1"
    picks = {"p1": "Gorinchem", "p2": "Gorinchem", "p3": "Molenlanden", "p4": "Vijfheerenlanden"}
    for who, name in picks.items():
        regional.choose_municipality(engine, info.id, who, CLIENT, name)
    assert regional.my_municipality(engine, info.id, "p3") == "Molenlanden"
    before = repo.changes(engine, opened.code)
    repo.cast(engine, info.id, "p1", CLIENT, [scale("map", "regionaal", "samen sneller")], author="Wethouder")
    repo.cast(engine, info.id, "p2", CLIENT, [scale("map", "regionaal"), scale("pvt", "lokaal")])
    repo.cast(engine, info.id, "p3", CLIENT, [scale("map", "lokaal")])
    _, votes, present = regional.region_votes(engine, opened.code, opened.secret)
    assert present == {"Gorinchem": 2, "Molenlanden": 1, "Vijfheerenlanden": 1}
    assert count_votes((v.municipality, v.deelproduct, v.scale) for v in votes) == {
        "map": {"Gorinchem": {"regionaal": 2}, "Molenlanden": {"lokaal": 1}},
        "pvt": {"Gorinchem": {"lokaal": 1}}}
    assert [v.reason for v in votes if v.author] == ["samen sneller"]
    # A participant who moves to another municipality takes their votes along, and the facilitator's
    # cheap change check sees it (the results per municipality are read again).
    moved = repo.changes(engine, opened.code)
    assert moved != before
    regional.choose_municipality(engine, info.id, "p2", CLIENT, "Vijfheerenlanden")
    assert repo.changes(engine, opened.code) != moved
    _, votes, _ = regional.region_votes(engine, opened.code, opened.secret)
    assert count_votes((v.municipality, v.deelproduct, v.scale) for v in votes)["map"] == {
        "Gorinchem": {"regionaal": 1}, "Molenlanden": {"lokaal": 1}, "Vijfheerenlanden": {"regionaal": 1}}


def test_no_vote_before_a_municipality_is_picked_and_only_the_regions_own_names(engine):
    opened = regional.create_region_workshop(engine, "regio-key-2", NAMES)
    info = repo.join(engine, opened.code, CLIENT, "p1")
    with pytest.raises(VoteError, match="Kies eerst uw gemeente"):
        repo.cast(engine, info.id, "p1", CLIENT, [scale("map", "regionaal")])
    with pytest.raises(VoteError, match="uit de lijst"):
        regional.choose_municipality(engine, info.id, "p1", CLIENT, "Utrecht")
    with pytest.raises(VoteError, match="uit de lijst"):
        regional.choose_municipality(engine, info.id, "p1", CLIENT, "<b>Gorinchem</b>")
    regional.choose_municipality(engine, info.id, "p1", CLIENT, "Gorinchem")
    with pytest.raises(VoteError, match="vragen veranderd"):  # the one-municipality questions are not asked
        repo.cast(engine, info.id, "p1", CLIENT, [validate("decision:delivery", "in_house")])
    with pytest.raises(VoteError, match="schalen"):
        validate("scale:map", "wereldwijd")
    repo.set_closed(engine, opened.code, opened.secret, True)
    with pytest.raises(VoteError, match="gesloten"):
        regional.choose_municipality(engine, info.id, "p1", CLIENT, "Molenlanden")
    assert regional.my_municipality(engine, info.id, "p1") == "Gorinchem"
    with pytest.raises(repo.NotAllowed):
        regional.region_votes(engine, opened.code, "not-the-secret")


def test_an_ordinary_workshop_asks_no_scale_and_has_no_municipalities(engine):
    opened = repo.create_workshop(engine)
    info = repo.join(engine, opened.code, CLIENT, "p1")
    assert info.municipalities == ()
    with pytest.raises(VoteError, match="vragen veranderd"):
        repo.cast(engine, info.id, "p1", CLIENT, [scale("map", "regionaal")])
    with pytest.raises(VoteError, match="niet bij een regio"):
        regional.choose_municipality(engine, info.id, "p1", CLIENT, "Gorinchem")
    repo.cast(engine, info.id, "p1", CLIENT, [validate("decision:delivery", "in_house")])  # no municipality needed
    assert regional.region_of(engine, opened.code, opened.secret) is None


def test_a_region_workshop_needs_two_to_fifteen_different_names(engine):
    for names in (["Epe"], [f"G{i}" for i in range(16)], ["Epe", "epe"], ["Epe", ""]):
        with pytest.raises(ValueError):
            regional.create_region_workshop(engine, "k", names)


def test_revision_0007_adds_the_columns_and_downgrades_to_0006_keeping_the_workshops(store_url):
    engine = make_engine(store_url)
    try:
        migrate(engine)
        assert {"region_key", "municipalities"} <= {c["name"] for c in inspect(engine).get_columns("workshops")}
        assert "municipality" in {c["name"] for c in inspect(engine).get_columns("participants")}
        opened = repo.create_workshop(engine)
        info = repo.join(engine, opened.code, CLIENT, "p1")
        config = alembic_config(engine)
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0006")
            conn.commit()
        assert "municipality" not in {c["name"] for c in inspect(engine).get_columns("participants")}
        with engine.connect() as conn:
            assert conn.execute(select(participants.c.workshop_id)).scalars().all() == [info.id]
        migrate(engine)  # and up again: the old workshop is an ordinary one
        assert repo.join(engine, opened.code, CLIENT, "p1").municipalities == ()
    finally:
        engine.dispose()


def test_revision_0007_keeps_the_workshops_votes_and_participants_of_0006(store_url):
    """Upgraded from 0006 with a workshop under way, nothing is lost (no table copy that cascades)."""
    engine = make_engine(store_url)
    try:
        config = alembic_config(engine)
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0006")
            conn.commit()
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO workshops (id, code, secret_hash, element_mode, closed, created_at, expires_at) "
                "VALUES ('w1', 'KM7R4XHC', 'x', 'priority', false, '2026-12-06 09:00:00', '2999-01-01 00:00:00')")
            conn.exec_driver_sql("INSERT INTO participants (workshop_id, participant, network, joined_at) "
                                 "VALUES ('w1', 'p', 'n', '2026-12-06 09:00:00')")
            conn.exec_driver_sql("INSERT INTO votes (workshop_id, participant, question, value, reason, author, "
                                 "updated_at) VALUES ('w1', 'p', 'decision:delivery', 'in_house', '', '', "
                                 "'2026-12-06 09:00:00')")
        migrate(engine)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM votes").scalar() == 1
            assert conn.exec_driver_sql("SELECT municipality FROM participants").all() == [(None,)]
    finally:
        engine.dispose()
