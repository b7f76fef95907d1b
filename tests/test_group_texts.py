"""The group-formation estimate in words (texts/groups.yaml): written once, checked at load."""

from __future__ import annotations

from pathlib import Path

import pytest
from keuzehulp.contract.yamlio import ContentError
from keuzehulp.rules.groups import TEXTS_PATH, describe, how_long, load_texts

from keuzehulp import Profile


@pytest.mark.parametrize(("months", "limit", "cap", "said"), [
    (None, 3, None, "geen groep"),
    (0.4, 3, None, "minder dan een maand"),
    (3.24, 3, None, "ongeveer 3,2 maanden"),
    (3.03, 3, None, "iets meer dan 3 maanden"),  # never "ongeveer 3" beside "hoogstens 3"
    (21.4, 3, None, "ongeveer 21 maanden"),
    (130, 3, None, "meer dan tien jaar"),
    (40, 3, 36, "meer dan 36 maanden"),  # above the chart's top
])
def test_how_long_a_group_takes_is_said_one_way(months, limit, cap, said):
    assert how_long(months, limit, cap) == said


def test_the_estimate_sentence_reads_as_before():
    profile = Profile(annual_intake=14)
    assert describe(14, profile, regional=False) == (
        "Bij veertien inburgeraars per jaar, verdeeld over drie taalniveaus, duurt het ongeveer 21 "
        "maanden om een groep van acht te vullen. Dat is langer dan de wachttijd van hoogstens 3 "
        "maanden die u acceptabel vindt. Voor scholing gericht op één sector (de beroepswensen lopen "
        "uiteen) duurt het ongeveer 41 maanden om een groep van acht te vullen.")
    one = Profile(annual_intake=1, level_mix="similar", max_wait_months=1)
    assert describe(1, one, regional=True).startswith(
        "Bij een inburgeraar per jaar (samen met de regio) op ongeveer hetzelfde taalniveau duurt het")


def test_a_text_that_loses_its_number_is_named_with_file_and_line(tmp_path: Path) -> None:
    broken = tmp_path / "groups.yaml"
    lines = TEXTS_PATH.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("needed:"))
    lines[number - 1] = 'needed: "Bij ongeveer {intake} inburgeraars per jaar is een groep op tijd vol."'
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_texts(broken)
    (problem,) = info.value.problems
    assert (problem.line, problem.message) == (number, "needed: placeholders must be {intake}, {wait}")

