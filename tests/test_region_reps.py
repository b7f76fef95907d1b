"""Representatives' links to their own municipality's part of a region (issue 25), on SQLite and
a throwaway PostgreSQL: what a link can and cannot do, revoking and renewing, and two people
saving at the same moment without losing each other's part."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from keuzehulp.region import reps
from keuzehulp.region.model import parse_region
from keuzehulp.region.reps import Governed, LinkError, NotAllowed, Stale
from keuzehulp.region.rows import read_row
from keuzehulp.store import make_engine, migrate, utcnow

REGION = parse_region(b'{"region": "Rivierenland", "municipalities": ['
                      b'{"municipality": "Tiel", "annual_intake": 40},'
                      b'{"municipality": "Culemborg", "annual_intake": 25},'
                      b'{"municipality": "Buren", "annual_intake": 12}]}')


@pytest.fixture
def engine(store_url):
    engine = make_engine(store_url)
    migrate(engine)
    yield engine
    engine.dispose()


def linked(engine) -> tuple[Governed, dict[str, str]]:
    governed = reps.open_region(engine, REGION.region)
    return governed, {n: reps.issue(engine, governed, n, reps.part_of(REGION, n)) for n in REGION.names}


def test_a_representative_sees_and_saves_only_their_own_municipality(engine):
    governed, tokens = linked(engine)
    name, part = reps.open_link(tokens["Buren"], engine)
    assert (name, part.municipality, part.data["annual_intake"]) == ("Rivierenland", "Buren", 12)
    saved = reps.save_link(tokens["Buren"], engine, {**part.data, "annual_intake": 18}, part.version)
    assert saved.saved_by == "rep" and saved.version == part.version + 1
    by_name = {p.municipality: p for p in reps.parts(engine, governed)}
    assert by_name["Buren"].data["annual_intake"] == 18
    assert by_name["Tiel"].data["annual_intake"] == 40  # the others untouched
    # The facilitator's region takes the saved part in.
    region = reps.with_part(REGION, "Buren", by_name["Buren"].data)
    assert region.profile("Buren").annual_intake == 18 and region.profile("Tiel").annual_intake == 40


def test_a_wrong_old_or_revoked_link_gets_a_plain_dutch_message(engine):
    governed, tokens = linked(engine)
    token = tokens["Tiel"]
    part_id, secret = token.split(".")
    flipped = secret[:-1] + ("A" if secret[-1] != "A" else "B")
    for wrong in ("", "nonsense", f"{part_id}.{flipped}", f"{'x' * 16}.{secret}", token + "x", token.upper()):
        with pytest.raises(LinkError, match="Deze link werkt niet"):
            reps.open_link(wrong, engine)
    renewed = reps.issue(engine, governed, "tiel", {})  # renewing: same row, new secret, answers kept
    assert renewed.split(".")[0] == part_id and renewed != token
    with pytest.raises(LinkError):
        reps.open_link(token, engine)
    assert reps.open_link(renewed, engine)[1].data["annual_intake"] == 40
    reps.revoke(engine, governed, part_id)
    with pytest.raises(LinkError):
        reps.save_link(renewed, engine, {"annual_intake": 1}, 1)
    assert {p.municipality: p.active for p in reps.parts(engine, governed)} == {
        "Tiel": False, "Culemborg": True, "Buren": True}


def test_the_facilitators_functions_need_the_secret_and_a_link_is_no_secret(engine):
    governed, tokens = linked(engine)
    part_id, link_secret = tokens["Tiel"].split(".")
    for wrong in (Governed(governed.id, "wrong"), Governed(governed.id, link_secret), Governed("nope", governed.secret)):
        with pytest.raises(NotAllowed):
            reps.parts(engine, wrong)
        with pytest.raises(NotAllowed):
            reps.issue(engine, wrong, "Tiel", {})
        with pytest.raises(NotAllowed):
            reps.revoke(engine, wrong, part_id)
        with pytest.raises(NotAllowed):
            reps.write(engine, wrong, part_id, {}, 1)
        assert reps.changes(engine, wrong) is None
    assert governed.secret not in tokens["Tiel"]
    assert reps.open_link(tokens["Tiel"], engine)[1].active


def test_a_write_on_an_old_version_is_refused_with_what_is_stored(engine):
    governed, tokens = linked(engine)
    _, part = reps.open_link(tokens["Culemborg"], engine)
    reps.write(engine, governed, part.id, {**part.data, "annual_intake": 30}, part.version)
    with pytest.raises(Stale) as stale:
        reps.save_link(tokens["Culemborg"], engine, {**part.data, "annual_intake": 99}, part.version)
    assert stale.value.current.data["annual_intake"] == 30 and stale.value.current.saved_by == "facilitator"
    again = reps.save_link(tokens["Culemborg"], engine, {**part.data, "annual_intake": 99},
                           stale.value.current.version)
    assert again.data["annual_intake"] == 99


def test_changes_moves_with_every_save_so_the_facilitator_sees_it(engine):
    governed, tokens = linked(engine)
    before = reps.changes(engine, governed)
    _, part = reps.open_link(tokens["Tiel"], engine)
    assert reps.changes(engine, governed) == before
    reps.save_link(tokens["Tiel"], engine, part.data, part.version)
    assert reps.changes(engine, governed) != before


def test_five_representatives_saving_at_the_same_moment_lose_nothing(engine):
    region = parse_region(b'{"region": "Vijf", "municipalities": ['
                          + b",".join(b'{"municipality": "G%d", "annual_intake": 10}' % i for i in range(5)) + b"]}")
    governed = reps.open_region(engine, "Vijf")
    tokens = [reps.issue(engine, governed, n, reps.part_of(region, n)) for n in region.names]
    opened = [reps.open_link(t, engine)[1] for t in tokens]
    start, errors = threading.Barrier(6), []

    def save(i: int) -> None:
        try:
            start.wait()
            for round_ in range(1, 4):  # three saves each, on the version each saw; told: read, try again
                for _ in range(5):
                    part = reps.open_link(tokens[i], engine)[1]
                    try:
                        reps.save_link(tokens[i], engine, {**part.data, "annual_intake": 10 + i * 10 + round_},
                                       part.version)
                        break
                    except Stale:
                        continue
        except Exception as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(i,)) for i in range(5)]
    for t in threads:
        t.start()
    # The facilitator writes one municipality at the same moment, on the version it saw first.
    start.wait()
    try:
        reps.write(engine, governed, opened[0].id, {**opened[0].data, "min_group_size": 9}, opened[0].version)
        facilitator_won = True
    except Stale:
        facilitator_won = False
    for t in threads:
        t.join()
    assert errors == []
    got = {p.municipality: p for p in reps.parts(engine, governed)}
    for i in range(5):
        assert got[f"G{i}"].data["annual_intake"] == 10 + i * 10 + 3, got[f"G{i}"]
    assert [got[f"G{i}"].version for i in range(1, 5)] == [4, 4, 4, 4]
    # G0: the facilitator's write either landed first (and the representative's saves kept it)
    # or was refused with what was stored; it never vanished unseen.
    assert got["G0"].version == 4 + facilitator_won
    assert got["G0"].data["min_group_size"] == (9 if facilitator_won else 8)


def test_region_rows_expire_with_their_links(engine):
    governed, tokens = linked(engine)
    assert reps.purge_expired(engine, now=utcnow() + timedelta(days=400)) == 1
    with pytest.raises(LinkError):
        reps.open_link(tokens["Tiel"], engine)


def test_a_representatives_form_reads_its_values_as_the_table_does():
    base = REGION.profile("Tiel").model_dump(mode="json")
    data, mix, problems = read_row({"municipality": "Tiel", "annual_intake": "1.000", "b1": "60", "onderwijs": "10",
                                    "z": "30"}, base)
    assert (data["annual_intake"], mix, problems) == (1000, {"b1": 60.0, "onderwijs": 10.0, "z": 30.0}, [])
    _, _, problems = read_row({"municipality": "Tiel", "annual_intake": "veel", "b1": "60", "onderwijs": "10",
                               "z": "10"}, base)
    assert [c for c, _ in problems] == ["annual_intake", "b1"]
    assert "'veel' is geen getal" in problems[0][1] and "telt op tot 80 procent" in problems[1][1]
