"""The region (issue 25): reading a region file with Dutch messages, the scale rules checked with
file:line, the regional view's figures from the one group-formation model, reasons with their
basis, each municipality's advice side by side with the differences and why, shared costs."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from keuzehulp.contract.inputs import InputError
from keuzehulp.contract.schema import Profile
from keuzehulp.contract.yamlio import ContentError
from keuzehulp.knowledge.base import load_knowledge
from keuzehulp.knowledge.provenance import passage_problem
from keuzehulp.region.content import DEELPRODUCT_IDS, SCALE_IDS, load_scales
from keuzehulp.region.costs import groups_needed, region_summary
from keuzehulp.region.model import parse_region
from keuzehulp.region.view import regional_view
from keuzehulp.rules import groups
from keuzehulp.rules.engine import advise
from keuzehulp.rules.register import register
from tests.fixture_expect import assert_reported, expected_problems

ROOT = Path(__file__).resolve().parent.parent
BROKEN = ROOT / "tests" / "fixtures" / "region-broken" / "scales.yaml"


def region_file(*profiles: dict, **extra) -> bytes:
    return json.dumps({"schema_version": 1, "kind": "keuzehulp-regio", "region": "Testregio",
                       "municipalities": list(profiles), **extra}).encode()


def small(name: str, intake: int, **answers) -> dict:
    return {"municipality": name, "annual_intake": intake, **answers}


FIVE = [small("Aa", 8), small("Bb", 12), small("Cc", 15), small("Dd", 20), small("Ee", 25)]


# --- reading the file ---------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "says"), [
    (region_file(small("Aa", 8)), "2 tot en met 15 gemeenten; dit bestand heeft er 1"),
    (region_file(*[small(f"G{i}", 10) for i in range(16)]), "dit bestand heeft er 16"),
    (region_file(small("Aa", 8), small(" aa ", 9)), "'aa' staat twee keer"),
    (region_file(small("Aa", 8), small("", 9)), "Gemeente 2 heeft geen naam"),
    (region_file(small("Aa", 8), small("Bb", -3)), "Gemeente 2 (Bb), 'Hoeveel nieuwe inburgeraars"),
    (region_file(*FIVE[:2], scale={"map": "wereldwijd"}), "'wereldwijd' kan niet"),
    (region_file(*FIVE[:2], scale={"kantine": "lokaal"}), "'scale.kantine'"),
    (region_file(*FIVE[:2], lead={"map": "Zz"}), "'Zz' is geen gemeente van deze regio"),
    (region_file(*FIVE[:3], subregions=[["Aa", "Bb"], ["Bb", "Cc"]]), "'Bb' staat in meer dan één subregio"),
    (region_file(*FIVE[:2], cost_split={"Aa": 50, "Bb": 40}), "tellen op tot 90"),
    (region_file(small("Aa", 8, route_shares={"b1": 50, "onderwijs": 10, "z": 10}), FIVE[1]), "telt op tot 70"),
    (b'{"kind": "keuzehulp-sessie", "profile": {}}', "geen regiobestand"),
    (b"[1, 2]", "JSON-object"),
    (b"{", "geen geldige JSON"),
])
def test_a_bad_region_file_gets_a_dutch_message(data: bytes, says: str) -> None:
    with pytest.raises(InputError) as exc:
        parse_region(data)
    assert any(says in m for m in exc.value.messages), exc.value.messages


def test_the_route_mix_is_read_from_each_profile_as_domain_schema_3_has_it() -> None:
    region = parse_region(region_file(
        small("Aa", 10, schema_version=3, route_shares={"b1": 70, "onderwijs": 10, "z": 20}, family_migrant_share=20),
        small("Bb", 20)))
    assert region.route_shares["Aa"].b1 == 70 and "Bb" not in region.route_shares
    view = regional_view(region)
    assert view.intake_per_route == {"b1": 7.0, "onderwijs": 1.0, "z": 2.0}
    assert view.route_mix_missing == ["Bb"] and view.intake_per_year == 30


# --- the scale rules ----------------------------------------------------------------------------

def test_the_scale_rules_load_and_every_deelproduct_has_a_scale_rule() -> None:
    content = load_scales(knowledge_ids=set(load_knowledge().items), assumption_ids=set(register().items))
    for d in DEELPRODUCT_IDS:
        assert any(r.spec.scale in SCALE_IDS for r in content.rules_for(d)), d


def test_a_broken_scale_file_names_file_and_line_of_each_problem() -> None:
    with pytest.raises(ContentError) as exc:
        load_scales(BROKEN, knowledge_ids=set(load_knowledge().items), assumption_ids=set(register().items))
    assert_reported(exc.value.problems, expected_problems(BROKEN))


# --- the regional view --------------------------------------------------------------------------

def test_the_wait_at_each_scale_is_the_one_group_model() -> None:
    region = parse_region(region_file(small("Aa", 12, level_mix="similar"), small("Bb", 36, level_mix="mixed")))
    pvt = next(d for d in regional_view(region).deelproducten if d.id == "pvt")
    local = {u.members[0]: u for u in pvt.scales["lokaal"]}
    assert local["Aa"].months_to_fill == pytest.approx(groups.months_for(12, 8, 1))
    whole = pvt.scales["regionaal"][0]
    assert whole.intake_per_year == 48 and whole.months_to_fill == pytest.approx(groups.months_for(48, 8, 1))
    b1 = next(d for d in regional_view(region).deelproducten if d.id == "leerroute_b1")
    # levels differ in one municipality: the shared groups are split over the levels
    assert b1.scales["regionaal"][0].cells == groups.level_groups("mixed")
    assert pvt.scales["subregionaal"] is None and pvt.scales["bovenregionaal"] is None


def test_every_reason_carries_its_basis() -> None:
    kb, reg = load_knowledge(), register()
    view = regional_view(parse_region(region_file(*FIVE)))
    for d in view.deelproducten:
        assert d.reasons, d.id
        for r in d.reasons:
            assert r.basis in ("handreiking", "bron", "aanname") and r.sources and r.rule.startswith("region/")
            if r.basis == "handreiking":
                assert r.passage and passage_problem(r.passage) is None
            if r.basis == "aanname":
                assert reg.get(r.assumption) is not None
            if r.basis == "bron":
                assert any(kb.items.get(s) is not None for s in r.sources)


def test_each_municipality_has_its_own_advice_and_differences_say_which_answers_differ() -> None:
    a = small("Groot", 400, level_mix="similar", own_capacity="high", partners=["employer_service_point"])
    b = small("Klein", 6, level_mix="mixed", own_capacity="low", recent_arrivals="few")
    view = regional_view(parse_region(region_file(a, b)))
    assert [m.municipality for m in view.municipalities] == ["Groot", "Klein"]
    for m, p in zip(view.municipalities, (a, b), strict=True):
        assert m.advice.decisions == advise(Profile(**p)).decisions
    training = next(d for d in view.differences if d.decision == "training_format")
    assert training.choices["Groot"] != training.choices["Klein"]
    assert any(w.startswith("Hoeveel nieuwe inburgeraars") and "Groot 400" in w and "Klein 6" in w
               for w in training.why), training.why
    assert not any("Gemeente" in w for w in training.why)  # the name is no answer that differs


def test_the_regions_own_choice_and_who_joins() -> None:
    region = parse_region(region_file(*FIVE, scale={"training": "regionaal"}, joins={"training": ["Aa", "Bb", "Cc"]},
                                      lead={"training": "Bb"}))
    training = next(d for d in regional_view(region).deelproducten if d.id == "training")
    assert training.chosen_scale == "regionaal" and training.scale == "regionaal"
    assert training.joins == ["Aa", "Bb", "Cc"] and training.not_joining == ["Dd", "Ee"] and training.lead == "Bb"
    assert training.scales["regionaal"][0].members == ["Aa", "Bb", "Cc"]


def test_the_json_has_domain_md_s_keys() -> None:
    data = json.loads(regional_view(parse_region(region_file(*FIVE))).model_dump_json())
    assert data["region"] == "Testregio" and data["intake_per_year"] == 80
    assert set(data["municipalities"][0]) >= {"municipality", "advice"}
    assert [d["id"] for d in data["deelproducten"]] == list(DEELPRODUCT_IDS)
    for d in data["deelproducten"]:
        assert d["advised_scale"] in SCALE_IDS and d["chosen_scale"] is None and d["reasons"]
    assert isinstance(data["differences"], list)


# --- costs ----------------------------------------------------------------------------------------

def test_groups_needed_rounds_up_per_level() -> None:
    assert groups_needed(0, 3, 8) == 0
    assert groups_needed(24, 3, 8) == 3
    assert groups_needed(25, 3, 8) == 6
    assert groups_needed(5, 1, 8) == 1


def test_shared_costs_split_by_participants_and_the_rijks_money_stays_per_municipality() -> None:
    mix = {"b1": 50, "onderwijs": 20, "z": 30}
    region = parse_region(region_file(*[dict(p, route_shares=mix) for p in FIVE]))
    view = region_summary(region)
    (shared,) = view.costs.shared
    assert shared.deelproduct == "training"
    assert math.isclose(sum(shared.split.values()), shared.cost_per_year)
    assert shared.groups_per_year <= shared.alone_groups_per_year
    rows = {m.municipality: m for m in view.costs.municipalities}
    assert rows["Ee"].shared_costs == pytest.approx(shared.cost_per_year * 25 / 80)
    from keuzehulp.contract.costdata import cost_data
    a = cost_data().defaults
    # the cost model's SPUK money (issue 23): the routes, the onderwijsroute's extra, and the SPUK
    # for maatschappelijke begeleiding, PVT and MAP per status holder (no family migrants given)
    assert rows["Aa"].rijk_per_year == pytest.approx(8 * a["contribution_per_trajectory"]
                                                     + 8 * 0.2 * a["onderwijs_extra_per_trajectory"]
                                                     + 8 * a["spuk_services_per_trajectory"])
    assert all(m.rijk_complete for m in rows.values())


def test_equal_and_custom_cost_keys() -> None:
    equal = region_summary(parse_region(region_file(*FIVE, cost_split="equal", scale={"training": "regionaal"})))
    parts = list(equal.costs.shared[0].split.values())
    assert all(p == pytest.approx(parts[0]) for p in parts)
    custom = region_summary(parse_region(region_file(*FIVE[:2], cost_split={"Aa": 75, "Bb": 25},
                                                     scale={"training": "regionaal"})))
    shared = custom.costs.shared[0]
    assert shared.split["Aa"] == pytest.approx(0.75 * shared.cost_per_year)


def test_when_every_municipality_trains_alone_nothing_is_shared() -> None:
    view = region_summary(parse_region(region_file(small("Aa", 300), small("Bb", 400), scale={"training": "lokaal"})))
    assert view.costs.shared == [] and all(m.shared_costs == 0 for m in view.costs.municipalities)


# --- the page's table (keuzehulp/region/rows.py) -----------------------------------------------

def test_rows_round_trip_and_keep_the_answers_the_table_does_not_show() -> None:
    from keuzehulp.region.rows import region_from_rows, rows_of

    region = parse_region(region_file(small("Aa", 1200, partners=["vocational_college"], route_shares={"b1": 60, "onderwijs": 10, "z": 30}),
                                      small("Bb", 12, level_mix="similar")))
    doc = region.model_dump(mode="json")
    rows = rows_of(doc)
    assert rows[0]["annual_intake"] == "1.200" and rows[0]["b1"] == "60" and rows[1]["b1"] == ""
    assert rows[1]["level_mix"] == "Ja, ongeveer hetzelfde niveau"
    again = region_from_rows("Testregio", rows, doc["municipalities"])
    assert again.municipalities == region.municipalities and again.route_shares == region.route_shares


@pytest.mark.parametrize(("cell", "value", "says"), [
    ("annual_intake", "3,5", "Rij 2 (Bb): Instroom per jaar: '3,5' is geen heel getal"),
    ("annual_intake", "20000", "Rij 2 (Bb): Instroom per jaar: de waarde 20000 is te groot"),
    ("level_mix", "Soms", "Rij 2 (Bb): Taalniveaus: kies uit"),
    ("b1", "50", "Rij 2 (Bb): B1-route %: de verdeling over de leerroutes telt op tot 50 procent"),
    ("municipality", "aa", "staat twee keer in de regio"),
])
def test_a_wrong_cell_gets_a_dutch_message_naming_row_and_column(cell: str, value: str, says: str) -> None:
    from keuzehulp.region.rows import region_from_rows, rows_of

    doc = parse_region(region_file(small("Aa", 8), small("Bb", 12))).model_dump(mode="json")
    rows = rows_of(doc)
    rows[1][cell] = value
    with pytest.raises(InputError) as exc:
        region_from_rows("Testregio", rows, doc["municipalities"])
    assert any(says in m for m in exc.value.messages), exc.value.messages


def test_a_table_of_one_or_sixteen_rows_is_no_region() -> None:
    from keuzehulp.region.rows import region_from_rows

    for n in (1, 16):
        rows = [{"municipality": f"G{i}", "annual_intake": "10"} for i in range(n)]
        with pytest.raises(InputError) as exc:
            region_from_rows("R", rows, [None] * n)
        assert any(f"de tabel heeft er {n}" in m for m in exc.value.messages)


# --- 'Met de regio' for one municipality (keuzehulp/region/single.py) ---------------------------

def test_met_de_regio_shows_the_difference_the_three_choices_do_not() -> None:
    from keuzehulp.contract.schema import RouteShares
    from keuzehulp.region.single import regional_effect

    # The policy adviser: 120 a year, alone or with 300 in the region, the same 3 choices.
    alone = Profile(municipality="Lochem", annual_intake=120)
    together = alone.model_copy(update={"regional_cooperation": "existing", "regional_intake": 300})
    assert {d: a.choice for d, a in advise(alone).decisions.items()} == \
        {d: a.choice for d, a in advise(together).decisions.items()}
    effect = regional_effect(together, RouteShares(b1=60, onderwijs=10, z=30))
    b1 = next(d for d in effect.deelproducten if d.id == "leerroute_b1")
    assert b1.alone.months_to_fill == pytest.approx(groups.months_for(72, 8, 3))  # 4 months: too late
    assert b1.together.months_to_fill == pytest.approx(groups.months_for(72 + 180, 8, 3))
    assert not b1.alone.in_time and b1.together.in_time and b1.differs
    assert effect.own.shared_costs < effect.own.alone_costs  # fuller groups: her part costs less
    assert effect.own.alone_groups == groups_needed(108, 3, 8)
    assert regional_effect(alone) is None  # no partners' intake: nothing to compare
