"""The group-formation estimate behind training_format (handreiking q2).

"Groepsgewijze trainingen kunnen echter alleen kosteneffectief georganiseerd worden als de
gemeente groepen kan vormen die groot genoeg zijn. Dit is moeilijker wanneer er binnen de
groep inburgeraars veel verschillen zijn in taalniveau en (indien relevant)
beroepsvoorkeuren." (Allemaal dual, vraag 2.)

The estimate is deliberately simple, so a team can check it by hand: the yearly intake is
spread evenly over the language levels that need their own group; a group can start once
one level holds `min_group_size` newcomers. Vocational directions split the intake further
only for schooling aimed at one sector ("indien relevant"); that figure is reported beside it.

The estimate in words is written once, in texts/groups.yaml: `how_long` says how long until a
group is full (the chart's key, the slide), `describe` the sentence under the advice, `needed`
the intake that fills a group in time. ui/wizard/chart.py draws the same formula and these words.
"""

from __future__ import annotations

import math
import string
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from keuzehulp.contract.schema import GroupFormation, Profile
from keuzehulp.contract.yamlio import Problem, line_of, load_checked
from keuzehulp.dutch import wording
from keuzehulp.knowledge.assumptions import base_register

TEXTS_PATH = Path(__file__).resolve().parent.parent / "texts" / "groups.yaml"
LONGEST_MONTHS = 120  # beyond ten years the estimate says no more than that

# The keuzehulp's own assumptions, with their numbers in knowledge/assumptions.yaml.
LEVELS_WHEN_MIXED = int(base_register().number("language-levels", "levels_when_mixed"))
SECTORS_WHEN_DIVERSE = int(base_register().number("vocational-directions", "sectors_when_diverse"))


def cooperates(regional_cooperation: str) -> bool:
    """Whether the partners' intake counts: only when the municipality already cooperates."""
    return regional_cooperation == "existing"


def counted(annual_intake: int, regional_intake: int, regional: bool) -> int:
    """The formula: own intake, plus the partners' when `regional` (derived.py uses it too)."""
    return annual_intake + (regional_intake if regional else 0)


def counted_intake(profile: Profile, regional: bool | None = None) -> int:
    """Newcomers per year who can be grouped: own intake, plus partners' when cooperating
    (or, with regional=True, as if cooperating)."""
    if regional is None:
        regional = cooperates(profile.regional_cooperation)
    return counted(profile.annual_intake, profile.regional_intake, regional)


def level_groups(level_mix: str) -> int:
    return LEVELS_WHEN_MIXED if level_mix == "mixed" else 1


def sector_groups(sector_mix: str) -> int:
    return SECTORS_WHEN_DIVERSE if sector_mix == "diverse" else 1


def cells(profile: Profile) -> tuple[int, int]:
    """(language levels, vocational directions) the intake is spread over."""
    return level_groups(profile.level_mix), sector_groups(profile.sector_mix)


@lru_cache(maxsize=64)  # a handful of combinations, asked thousands of times per advice (flips)
def group_cells(level_mix: str, sector_mix: str, sector_specific: bool = False) -> int:
    """How many separate groups the intake must be split into.

    A general curriculum (applying, work skills, digital and financial skills, health) only
    needs about the same language level; vocational preferences matter "indien relevant",
    that is for schooling aimed at one sector (Allemaal dual, vraag 2).
    """
    return level_groups(level_mix) * (sector_groups(sector_mix) if sector_specific else 1)


def months_for(intake_per_year: float, min_group_size: int, n_cells: int) -> float:
    """The formula itself: months until one of n_cells groups holds min_group_size (inf: never).

    The engine's derived quantities (keuzehulp/rules/derived.py) call this too, and solve it for a
    field to find the thresholds of "wat zou het advies veranderen?".
    """
    if intake_per_year <= 0:
        return math.inf
    return 12.0 * min_group_size * n_cells / intake_per_year


def intake_needed_for(min_group_size: int, n_cells: int, max_wait_months: int) -> int:
    """Smallest yearly intake that fills a group within the wait (inverse of months_for)."""
    return math.ceil(12.0 * min_group_size * n_cells / max_wait_months - 1e-9)


def months_to_fill(intake_per_year: float, profile: Profile, sector_specific: bool = False) -> float | None:
    """Months until one group of min_group_size is full at one level (None: never)."""
    n = group_cells(profile.level_mix, profile.sector_mix, sector_specific)
    months = months_for(intake_per_year, profile.min_group_size, n)
    return None if math.isinf(months) else months


def intake_needed(profile: Profile) -> int:
    """Smallest yearly intake (own plus counted partners) that fills a group within the wait."""
    n = group_cells(profile.level_mix, profile.sector_mix)
    return intake_needed_for(profile.min_group_size, n, profile.max_wait_months)


# --- the estimate in words (texts/groups.yaml) ----------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Duration(_Strict):
    never: str
    under_a_month: str
    about: str
    over: str
    over_ten_years: str


class Clause(_Strict):
    never: str
    under_a_month: str
    takes: str


class GroupTexts(_Strict):
    group: str
    duration: Duration
    clause: Clause
    estimate: str
    newcomer: str
    newcomers: str
    region: str
    levels: str
    one_level: str
    within_wait: str
    beyond_wait: str
    one_sector: str
    needed: str


# The `{...}` each text is filled with (and must contain: a text without it would drop a number).
PLACEHOLDERS: dict[tuple[str, ...], set[str]] = {
    ("group",): {"size"}, ("duration", "about"): {"months"}, ("duration", "over"): {"months"},
    ("clause", "never"): {"group"}, ("clause", "under_a_month"): {"group"},
    ("clause", "takes"): {"duration", "group"},
    ("estimate",): {"intake", "region", "spread", "clause"}, ("levels",): {"levels"},
    ("within_wait",): {"wait"}, ("beyond_wait",): {"wait"}, ("one_sector",): {"clause"},
    ("needed",): {"intake", "wait"},
}


def _placeholder_problems(data: Any, texts: GroupTexts, file: str) -> list[Problem]:
    problems = []
    for path, want in PLACEHOLDERS.items():
        value: Any = texts
        for key in path:
            value = getattr(value, key)
        have = {name for _, name, _, _ in string.Formatter().parse(value) if name}
        if have != want:
            expected = ", ".join(f"{{{n}}}" for n in sorted(want)) or "none"
            problems.append(Problem(file, line_of(data, path),
                                    f"{'.'.join(path)}: placeholders must be {expected}"))
    return problems


def load_texts(path: Path = TEXTS_PATH) -> GroupTexts:
    """texts/groups.yaml, checked (python -m keuzehulp check loads it too)."""
    return load_checked(GroupTexts, path, _placeholder_problems)


@lru_cache(maxsize=1)
def texts() -> GroupTexts:
    return load_texts()


def _months(n: int) -> str:
    return f"{n} {'maand' if n == 1 else 'maanden'}"


def how_long(months: float | None, limit: int | None = None, cap: int | None = None) -> str:
    """How long until a group is full, in words ("ongeveer 3,2 maanden"): the one phrasing of
    the estimate, its chart and its slide. `limit` is the accepted wait (3.03 months beside 3
    reads "iets meer dan 3 maanden"); above `cap` months only "meer dan <cap> maanden"."""
    t = texts().duration
    if months is None:
        return t.never
    if months < 1:
        return t.under_a_month
    if cap is not None and months > cap:
        return t.over.format(months=cap)
    if months > LONGEST_MONTHS:
        return t.over_ten_years
    if wording.rounds_onto(months, limit):
        return wording.months(months, limit)  # "iets meer dan 3 maanden": no "ongeveer" before it
    return t.about.format(months=wording.months(months))


def _clause(months: float | None, size: int, limit: int | None = None) -> str:
    """'duurt het ongeveer 3,2 maanden om een groep van acht te vullen' (inside the estimate)."""
    t = texts()
    group = t.group.format(size=wording.number(size))
    if months is None:
        return t.clause.never.format(group=group)
    if months < 1:
        return t.clause.under_a_month.format(group=group)
    return t.clause.takes.format(duration=how_long(months, limit), group=group)


def describe(intake: int, profile: Profile, regional: bool) -> str:
    t = texts()
    levels, sectors = cells(profile)
    months = months_to_fill(intake, profile)
    wait_limit = profile.max_wait_months
    text = t.estimate.format(
        intake=f"{wording.number(intake)} {t.newcomer if intake == 1 else t.newcomers}",
        region=t.region if regional else "",
        spread=t.levels.format(levels=wording.number(levels)) if levels > 1 else t.one_level,
        clause=_clause(months, profile.min_group_size, wait_limit),
    )
    if months is not None and months >= 1:
        verdict = t.within_wait if months <= wait_limit else t.beyond_wait
        text += " " + verdict.format(wait=_months(wait_limit))
    if sectors > 1 and intake > 0:
        sector_months = months_to_fill(intake, profile, sector_specific=True)
        text += " " + t.one_sector.format(clause=_clause(sector_months, profile.min_group_size))
    return text


def needed(profile: Profile) -> str:
    """'Bij ongeveer 96 inburgeraars per jaar is een groep binnen 3 maanden vol.'"""
    return texts().needed.format(intake=intake_needed(profile), wait=_months(profile.max_wait_months))


def estimate(profile: Profile) -> GroupFormation:
    """The estimate for this profile, as the Advice carries it."""
    regional = cooperates(profile.regional_cooperation)
    intake = counted_intake(profile, regional)
    levels, sectors = cells(profile)
    months = months_to_fill(intake, profile)
    return GroupFormation(
        intake_per_year=intake,
        level_groups=levels,
        sector_groups=sectors,
        per_group_per_year=intake / group_cells(profile.level_mix, profile.sector_mix),
        months_to_fill=months,
        min_group_size=profile.min_group_size,
        max_wait_months=profile.max_wait_months,
        regional=regional,
        text=describe(intake, profile, regional),
    )
