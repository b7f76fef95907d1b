"""One time model (issue 23), over 1,000 random profiles: the months until a training group is
full read the same in the advice, the timeline and the slides; the timeline is in time order;
and no reason under the handreiking's label carries a figure of the group model."""

from __future__ import annotations

import math
import re

from hypothesis import HealthCheck, given, settings

from keuzehulp import advise
from keuzehulp.contract.schema import Advice, CostSettings, Profile
from keuzehulp.costs.estimate import estimate
from keuzehulp.costs.view import timeline_rows, timeline_table
from keuzehulp.rules import groups
from keuzehulp.rules.derived import context
from tests.test_properties import profiles
from ui.wizard.chart import legend_lines

THOUSAND = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# A figure of the group model: months, an intake per year, a group size (in digits or words).
MODEL_FIGURE = re.compile(r"(\d[\d.,]*|\b(een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)\b)\s+"
                          r"(maand|maanden|inburgeraars per jaar|nieuwe inburgeraars|deelnemers)\b")


def _handreiking_texts(advice: Advice) -> list[str]:
    texts = [r.text for d in advice.decisions.values() for r in d.reasons_for + d.reasons_against
             if r.basis == "handreiking"]
    for element in advice.elements:
        texts += [r.text for r in element.reasons if r.basis == "handreiking"]
        texts += [a.text for a in element.actions if not isinstance(a, str) and a.basis == "handreiking"]
    return texts


@THOUSAND
@given(profiles)
def test_group_months_agree_the_timeline_is_ordered_and_handreiking_reasons_carry_no_model_figure(
        profile: Profile) -> None:
    advice = advise(profile, with_flips=False)
    fmt = advice.decisions["training_format"].choice
    timeline = estimate(profile, CostSettings(), fmt).timeline
    wait = groups.training_wait(profile, fmt)
    gf = advice.group_formation
    assert gf is not None

    # the same months everywhere: the advice's estimate, the timeline, the slides
    if wait is None:
        assert timeline.group_wait is None
    else:
        expected = math.inf if wait.months is None else wait.months
        assert timeline.group_wait == expected
        if fmt == "group":  # the advice's own estimate is this scenario's
            assert (gf.months_to_fill, gf.intake_per_year, gf.regional) == (wait.months, wait.intake, wait.regional)
            # and so are the months the rules' texts are filled with ({group_months_text})
            assert context(profile)["group_months"] == expected
        words = groups.how_long(wait.months, profile.max_wait_months)
        # the timeline table (page, slide, downloads) names the wait in the estimate's words
        assert any(words in row[0] for row in timeline_table(timeline).rows if row[0].startswith("Trainingsgroep"))
        # the group slide's key shows the same words at the same intake
        who = "Met de regio" if wait.regional and profile.regional_intake > 0 else "Uw gemeente"
        line = next((x for x in legend_lines(profile) if f"{who} ({wait.intake} per jaar)" in x), None)
        if line is not None and wait.months is not None and wait.months <= 36:  # the chart stops at 36
            assert line.endswith(groups.how_long(wait.months, profile.max_wait_months, cap=36)), (line, words)
        # and the advice's sentence says it too, whenever it describes that intake
        if fmt == "group" and wait.months is not None and wait.months >= 1:
            assert words in gf.text, (words, gf.text)

    # in time order
    months = [m.month for m in timeline.milestones]
    assert months == sorted(months)
    assert [m for _, m in timeline_rows(timeline)] == sorted(m for _, m in timeline_rows(timeline))
    assert [p.start for p in timeline.phases] == sorted(p.start for p in timeline.phases)
    # dual from the start: the first participation step at the PIP with the default settings
    assert timeline.milestone("participation") == timeline.milestone("pip")

    # no figure of the group model under the handreiking's label
    for text in _handreiking_texts(advice):
        assert not MODEL_FIGURE.search(text), text
        assert gf.text not in text and gf.dependence not in text
