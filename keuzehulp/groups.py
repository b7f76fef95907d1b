"""The group-formation estimate behind training_format (handreiking q2).

"Groepsgewijze trainingen kunnen echter alleen kosteneffectief georganiseerd worden als de
gemeente groepen kan vormen die groot genoeg zijn. Dit is moeilijker wanneer er binnen de
groep inburgeraars veel verschillen zijn in taalniveau en (indien relevant)
beroepsvoorkeuren." (Allemaal dual, vraag 2.)

The estimate is deliberately simple, so a team can check it by hand: the yearly intake is
spread evenly over the language levels that need their own group; a group can start once
one level holds `min_group_size` newcomers. Vocational directions split the intake further
only for schooling aimed at one sector ("indien relevant"); that figure is reported beside it.
"""

from __future__ import annotations

import math
from functools import lru_cache

from . import wording
from .assumptions import base_register
from .schema import GroupFormation, Profile

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

    The engine's derived quantities (keuzehulp/derived.py) call this too, and solve it for a
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


def _plural(n: int, one: str, many: str) -> str:
    """A count in running text: words up to twenty (wording.number), digits above."""
    return f"{wording.number(n)} {one if n == 1 else many}"


def _months_text(months: float | None, size: int, limit: int | None = None) -> str:
    group = f"een groep van {wording.number(size)}"
    if months is None:
        return f"lukt het niet om {group} te vullen"
    if months < 1:
        return f"is {group} binnen een maand vol"
    if months > 120:
        return f"duurt het meer dan tien jaar om {group} te vullen"
    shown = wording.months(months, limit)
    about = "" if shown.startswith("iets meer") else "ongeveer "
    return f"duurt het {about}{shown} om {group} te vullen"


def describe(intake: int, profile: Profile, regional: bool) -> str:
    levels, sectors = cells(profile)
    who = _plural(intake, "inburgeraar", "inburgeraars") + " per jaar"
    who += " (samen met de regio)" if regional else ""
    over = f", verdeeld over {wording.number(levels)} taalniveaus," if levels > 1 else " op ongeveer hetzelfde taalniveau"
    months = months_to_fill(intake, profile)
    wait_limit = profile.max_wait_months
    text = f"Bij {who}{over} {_months_text(months, profile.min_group_size, wait_limit)}."
    if months is not None and months >= 1:
        verdict = "Dat past binnen" if months <= wait_limit else "Dat is langer dan"
        wait = f"{wait_limit} {'maand' if wait_limit == 1 else 'maanden'}"
        text += f" {verdict} de wachttijd van hoogstens {wait} die u acceptabel vindt."
    if sectors > 1 and intake > 0:
        sector_months = months_to_fill(intake, profile, sector_specific=True)
        text += (f" Voor scholing gericht op één sector (de beroepswensen lopen uiteen)"
                 f" {_months_text(sector_months, profile.min_group_size)}.")
    return text


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
