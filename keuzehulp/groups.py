"""The group-formation estimate behind training_format (handreiking q2).

"Groepsgewijze trainingen kunnen echter alleen kosteneffectief georganiseerd worden als de
gemeente groepen kan vormen die groot genoeg zijn. Dit is moeilijker wanneer er binnen de
groep inburgeraars veel verschillen zijn in taalniveau en (indien relevant)
beroepsvoorkeuren." (Allemaal dual, vraag 2.)

The estimate is deliberately simple, so a team can check it by hand: the yearly intake is
spread evenly over the language levels (and vocational directions) that need their own
group; a group can start once one of those cells holds `min_group_size` newcomers.
"""

from __future__ import annotations

import math

from .schema import GroupFormation, Profile

# Assumptions, shown to the user in the explanation of the estimate.
LEVELS_WHEN_MIXED = 3  # e.g. beginners, intermediate, advanced (Dutch A0-A1, A2, B1)
SECTORS_WHEN_DIVERSE = 2  # vocational training split in about two directions (zorg, techniek)


def counted_intake(profile: Profile, regional: bool | None = None) -> int:
    """Newcomers per year who can be grouped: own intake, plus partners' when cooperating."""
    if regional is None:
        regional = profile.regional_cooperation == "existing"
    return profile.annual_intake + (profile.regional_intake if regional else 0)


def cells(profile: Profile) -> tuple[int, int]:
    levels = LEVELS_WHEN_MIXED if profile.level_mix == "mixed" else 1
    sectors = SECTORS_WHEN_DIVERSE if profile.sector_mix == "diverse" else 1
    return levels, sectors


def months_to_fill(intake_per_year: float, profile: Profile) -> float | None:
    """Months until one group of min_group_size is full at one level (None: never)."""
    levels, sectors = cells(profile)
    per_group = intake_per_year / (levels * sectors)
    if per_group <= 0:
        return None
    return 12.0 * profile.min_group_size / per_group


def intake_needed(profile: Profile) -> int:
    """Smallest yearly intake (own plus counted partners) that fills a group within the wait."""
    levels, sectors = cells(profile)
    return math.ceil(12.0 * profile.min_group_size * levels * sectors / profile.max_wait_months - 1e-9)


def _months_text(months: float | None, size: int) -> str:
    if months is None:
        return f"lukt het niet om een groep van {size} te vullen"
    if months < 1:
        return f"is een groep van {size} binnen een maand vol"
    if months > 120:
        return f"duurt het meer dan tien jaar om een groep van {size} te vullen"
    unit = "maand" if round(months) == 1 else "maanden"
    return f"duurt het ongeveer {round(months)} {unit} om een groep van {size} te vullen"


def describe(intake: int, profile: Profile, regional: bool) -> str:
    levels, sectors = cells(profile)
    spread = []
    if levels > 1:
        spread.append(f"{levels} taalniveaus")
    if sectors > 1:
        spread.append(f"{sectors} beroepsrichtingen")
    who = f"{intake} inburgeraars per jaar" + (" (samen met de regio)" if regional else "")
    over = f" verdeeld over {' en '.join(spread)}" if spread else " op ongeveer hetzelfde niveau"
    months = months_to_fill(intake, profile)
    text = f"Bij {who}{over} {_months_text(months, profile.min_group_size)}."
    if months is not None and months >= 1:
        verdict = "Dat past binnen" if months <= profile.max_wait_months else "Dat is langer dan"
        text += f" {verdict} de wachttijd van hoogstens {profile.max_wait_months} maanden die u acceptabel vindt."
    return text


def estimate(profile: Profile) -> GroupFormation:
    """The estimate for this profile, as the Advice carries it."""
    regional = profile.regional_cooperation == "existing"
    intake = counted_intake(profile, regional)
    levels, sectors = cells(profile)
    months = months_to_fill(intake, profile)
    return GroupFormation(
        intake_per_year=intake,
        level_groups=levels,
        sector_groups=sectors,
        per_group_per_year=intake / (levels * sectors),
        months_to_fill=months,
        min_group_size=profile.min_group_size,
        max_wait_months=profile.max_wait_months,
        regional=regional,
        text=describe(intake, profile, regional),
    )
