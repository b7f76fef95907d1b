"""The slide 'Wat koopt u in?' (issue 26): the building blocks that matter most, computed once
from the same Procurement as the page Inkoop and every download."""

from __future__ import annotations

from keuzehulp.contract.schema import Profile, Session
from keuzehulp.procurement.derive import procurement
from keuzehulp.procurement.highlights import MAX_POINTS, MAX_ROWS, highlights
from tests.test_procurement import _cases


def test_the_slide_shows_the_pages_figures_and_the_blocks_that_follow_from_the_choices() -> None:
    p = procurement(_cases()[1].session())  # Tilburg, outsourced in groups
    h = highlights(p)
    rows = {r.key: r for r in h.rows}
    assert len(h.rows) <= MAX_ROWS and all(len(r.points) <= MAX_POINTS for r in h.rows)
    assert rows["leerroutes"].volume == (f"B1-route {p.volumes['leerroute_b1']} · onderwijsroute "
                                         f"{p.volumes['leerroute_onderwijs']} · Z-route {p.volumes['leerroute_z']}")
    assert rows["leerroutes"].volume == "B1-route 180 · onderwijsroute 45 · Z-route 75"
    # The team's choice of groups comes first in its row, with the team's own numbers.
    assert rows["training"].points[0] == "Groepen van minstens 8; hooguit 3 maanden wachten"
    assert rows["leerroutes"].points[0] == "Taal en participatie vanaf de eerste week"
    shorts = {b.short for b in p.blocks if b.short}
    assert {pt for r in h.rows for pt in r.points} <= shorts
    assert h.lead == ["U koopt naast de leerroutes ook de uitvoering in; de regie blijft bij de gemeente."]
    assert h.prices == [] and h.volume_note is None
    assert h.more == len(p.blocks) - len(h.lead) - sum(len(r.points) for r in h.rows)


def test_another_choice_changes_the_slide() -> None:
    session = _cases()[0].session()  # Lochem, individual
    rows = {r.key: r for r in highlights(procurement(session)).rows}
    assert rows["training"].points == ["Flexibele start, zonder op een groep te wachten"]


def test_a_price_below_its_reference_is_on_the_slide_and_a_region_says_who_buys() -> None:
    case = _cases()[2]
    h = highlights(procurement(case.session(), region=case.region))
    assert h.prices == ["Let op: uw prijs voor de onderwijsroute (€ 12.000) ligt onder de referentieprijs (€ 17.000)."]
    rows = {r.key: r for r in h.rows}
    assert "onderwijsroute 26 (regionaal, trekker Weert)" in rows["leerroutes"].volume
    assert rows["training"].volume == "73 (regionaal, trekker Roermond)"


def test_without_a_route_mix_the_slide_says_what_to_fill_in() -> None:
    h = highlights(procurement(Session(profile=Profile(municipality="Lochem", annual_intake=25))))
    assert {r.volume for r in h.rows} == {"nog onbekend"}
    assert h.volume_note is not None and "vraag 2" in h.volume_note
