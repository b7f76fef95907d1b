"""The group-formation chart shows the engine's own estimate: same formula, same numbers."""

from __future__ import annotations

import pytest
from keuzehulp.contract.schema import Profile
from keuzehulp.rules.groups import describe, how_long, intake_needed, months_to_fill, needed
from ui.wizard.chart import CLIP_MONTHS, chart_description, chart_points, group_formation_chart, legend_lines


def _layers(profile: Profile, **kwargs) -> list[dict]:
    return group_formation_chart(profile, **kwargs).to_dict()["layer"]


def _data(spec: dict, layer: dict) -> list[dict]:
    name = layer["data"]["name"]
    return spec["datasets"][name]


def test_small_municipality_waits_long_and_the_region_brings_it_within_the_wait():
    profile = Profile(annual_intake=25, regional_intake=400, max_wait_months=3)
    points = {p["who"]: p for p in chart_points(profile)}
    assert points["Uw gemeente"]["intake"] == 25
    assert points["Uw gemeente"]["months"] == pytest.approx(months_to_fill(25, profile))
    assert points["Met de regio"]["intake"] == 425
    assert points["Met de regio"]["months"] < profile.max_wait_months < points["Uw gemeente"]["months"]
    assert legend_lines(profile) == [
        "● Uw gemeente (25 per jaar): ongeveer 11,5 maanden",  # one decimal below a year
        "◆ Met de regio (425 per jaar): minder dan een maand",
        "– – – Acceptabele wachttijd: 3 maanden",
    ]


def test_without_regional_intake_there_is_no_region_point():
    profile = Profile(annual_intake=25, regional_intake=0)
    assert [p["who"] for p in chart_points(profile)] == ["Uw gemeente"]
    assert not any("Met de regio" in line for line in legend_lines(profile))


def test_tiny_intake_is_clipped_and_says_so():
    profile = Profile(annual_intake=2)
    point = chart_points(profile)[0]
    assert months_to_fill(2, profile) > CLIP_MONTHS
    assert point["months"] == CLIP_MONTHS and point["label"].endswith(f"meer dan {CLIP_MONTHS} maanden")
    none = chart_points(Profile(annual_intake=0))[0]
    assert none["label"] == "Uw gemeente: geen groep"


def test_the_spec_has_the_curve_the_wait_rule_and_a_readable_scale():
    profile = Profile(annual_intake=25, regional_intake=400, max_wait_months=4)
    chart = group_formation_chart(profile)
    spec = chart.to_dict()
    curve, rule = spec["layer"][0], spec["layer"][1]
    assert curve["mark"]["type"] == "line"
    assert curve["encoding"]["y"]["scale"]["domain"] == [0, CLIP_MONTHS]
    assert curve["encoding"]["y"]["title"] == "Maanden tot een groep vol is"
    assert curve["encoding"]["x"]["title"] == "Nieuwe inburgeraars per jaar"
    for row in _data(spec, curve):
        exact = months_to_fill(row["intake"], profile)
        assert row["months"] == pytest.approx(min(exact, CLIP_MONTHS * 1.05))
    assert rule["mark"]["type"] == "rule" and _data(spec, rule)[0]["months"] == 4
    assert spec["title"]["subtitle"] == legend_lines(profile)
    assert "Bij 25 inburgeraars per jaar" in spec["description"]
    assert spec["layer"][0]["encoding"]["x"]["scale"]["domain"][1] >= max(425, intake_needed(profile))


def test_on_a_projector_slide_the_wait_line_carries_its_own_label():
    texts = [layer for layer in _layers(Profile(), title=False, width=860) if layer["mark"]["type"] == "text"]
    assert any(layer["encoding"]["text"]["field"] == "label" for layer in texts)


def test_the_months_beside_the_accepted_wait_never_contradict_it():
    """95 a year needs 3.03 months: never 'ongeveer 3 maanden' next to 'hoogstens 3 maanden'."""
    profile = Profile(annual_intake=95)
    assert legend_lines(profile)[0] == "● Uw gemeente (95 per jaar): iets meer dan 3 maanden"
    assert "iets meer dan 3 maanden om een groep" in describe(95, profile, regional=False)
    assert legend_lines(Profile(annual_intake=90))[0].endswith("ongeveer 3,2 maanden")


def test_the_chart_says_the_months_in_the_words_of_the_advice():
    """The key under the chart and the sentence under the advice use one phrasing."""
    profile = Profile(annual_intake=40, regional_intake=400, regional_cooperation="existing")
    own = how_long(months_to_fill(40, profile), profile.max_wait_months)
    assert own == "ongeveer 7,2 maanden"
    assert legend_lines(profile)[0].endswith(own)
    assert f"duurt het {own} om een groep van acht te vullen" in describe(40, profile, regional=False)
    assert chart_description(profile).endswith(needed(profile))
    assert needed(Profile(max_wait_months=1)).endswith("binnen 1 maand vol.")


def _wait_label(profile: Profile, width: int) -> dict | None:
    spec = group_formation_chart(profile, title=False, width=width, height=300, font_size=18).to_dict()
    for layer in spec["layer"]:
        if layer["mark"]["type"] == "text" and any(r.get("label") == "Acceptabele wachttijd"
                                                   for r in _data(spec, layer)):
            return layer
    return None


def test_the_wait_label_never_sits_on_the_region_point():
    """A phone slide once printed 'Acceptabele wachttijd' across the region's diamond (25 own,
    65 with the region, 3 months): there the line is named in the key instead."""
    profile = Profile(annual_intake=25, regional_intake=40, max_wait_months=3)
    assert _wait_label(profile, 330) is None  # phone: no clear place
    wide = _wait_label(profile, 860)  # projector: left of the diamond, above the line
    assert wide is not None and wide["mark"]["align"] == "left" and wide["mark"]["baseline"] == "bottom"


def test_a_long_accepted_wait_puts_the_label_under_the_line_where_the_curve_is_high():
    wide = _wait_label(Profile(annual_intake=5, max_wait_months=12), 860)
    assert wide is not None and wide["mark"]["baseline"] == "top"
