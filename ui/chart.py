"""The group-formation chart (q2): months to fill a group against the yearly intake.

Uses keuzehulp.groups.months_to_fill, the same formula the engine uses, so the curve, the
points and the advice's estimate sentence always agree. Months can run into the hundreds for a
tiny intake; the y axis is clipped at CLIP_MONTHS and the chart says so.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd
import streamlit as st

from keuzehulp.groups import describe, intake_needed, months_to_fill
from keuzehulp.schema import Profile

CLIP_MONTHS = 36
CURVE_COLOR = "#1f4e79"  # dark blue
WAIT_COLOR = "#a4262c"  # dark red, dashed: not told apart by colour alone
OWN_COLOR = "#1a1a1a"
REGION_COLOR = "#107c10"  # dark green, diamond shape
FONT_SIZE = 15


def _x_max(profile: Profile) -> int:
    """Right end of the x axis: room for both points and the intake that fills a group in time."""
    furthest = max(profile.annual_intake, profile.annual_intake + profile.regional_intake)
    want = max(furthest * 1.25, intake_needed(profile) * 1.5, 12)
    step = 10 ** max(0, math.floor(math.log10(want)) - 1)  # round up to two significant digits
    return int(math.ceil(want / step) * step)


def _curve(profile: Profile, x_max: int) -> pd.DataFrame:
    points = 240
    rows = []
    for i in range(1, points + 1):
        intake = x_max * i / points
        months = months_to_fill(intake, profile)
        if months is not None:
            rows.append({"intake": intake, "months": min(months, CLIP_MONTHS * 1.05)})
    return pd.DataFrame(rows)


def _point(intake: int, label: str, profile: Profile) -> dict[str, object]:
    months = months_to_fill(intake, profile)
    shown = CLIP_MONTHS if months is None or months > CLIP_MONTHS else months
    if months is None:
        readable = "geen groep"
    elif months > CLIP_MONTHS:
        readable = f"meer dan {CLIP_MONTHS} maanden"
    elif months < 1:
        readable = "binnen een maand"
    else:
        readable = f"{months:.1f} maanden".replace(".", ",")
    return {"intake": intake, "months": shown, "label": f"{label}: {readable}", "who": label}


def chart_points(profile: Profile) -> list[dict[str, object]]:
    """The marked points: the municipality alone and, with partners' intake, the region."""
    points = [_point(profile.annual_intake, "Uw gemeente", profile)]
    if profile.regional_intake > 0:
        points.append(_point(profile.annual_intake + profile.regional_intake, "Met de regio", profile))
    return points


def chart_description(profile: Profile) -> str:
    """Text alternative for the chart (also shown below it)."""
    parts = [describe(profile.annual_intake, profile, regional=False)]
    if profile.regional_intake > 0:
        parts.append(describe(profile.annual_intake + profile.regional_intake, profile, regional=True))
    parts.append(
        f"Bij ongeveer {intake_needed(profile)} inburgeraars per jaar is een groep binnen "
        f"{profile.max_wait_months} maanden vol."
    )
    return " ".join(parts)


def group_formation_chart(profile: Profile) -> alt.Chart:
    """Layered altair chart: curve, acceptable-wait rule, 'Uw gemeente' and 'Met de regio'."""
    x_max = _x_max(profile)
    x = alt.X("intake:Q", title="Nieuwe inburgeraars per jaar",
              scale=alt.Scale(domain=[0, x_max], nice=False))
    y = alt.Y("months:Q", title=f"Maanden tot een groep vol is (afgekapt op {CLIP_MONTHS})",
              scale=alt.Scale(domain=[0, CLIP_MONTHS], nice=False, clamp=True))

    curve = alt.Chart(_curve(profile, x_max)).mark_line(
        color=CURVE_COLOR, strokeWidth=3, clip=True
    ).encode(x=x, y=y, tooltip=[
        alt.Tooltip("intake:Q", title="Inburgeraars per jaar", format=".0f"),
        alt.Tooltip("months:Q", title="Maanden", format=".1f"),
    ])

    wait = pd.DataFrame([{"months": profile.max_wait_months, "intake": x_max,
                          "label": f"Acceptabele wachttijd: {profile.max_wait_months} mnd"}])
    wait_rule = alt.Chart(wait).mark_rule(color=WAIT_COLOR, strokeWidth=2.5, strokeDash=[8, 5]).encode(y=y)
    wait_text = alt.Chart(wait).mark_text(
        color=WAIT_COLOR, align="right", dy=-10, fontSize=FONT_SIZE, fontWeight="bold"
    ).encode(x=x, y=y, text="label:N")

    data = pd.DataFrame(chart_points(profile))
    shapes = alt.Scale(domain=["Uw gemeente", "Met de regio"], range=["circle", "diamond"])
    colors = alt.Scale(domain=["Uw gemeente", "Met de regio"], range=[OWN_COLOR, REGION_COLOR])
    dots = alt.Chart(data).mark_point(size=260, filled=True, opacity=1, stroke="white", strokeWidth=1.5).encode(
        x=x, y=y,
        shape=alt.Shape("who:N", scale=shapes, legend=None),
        color=alt.Color("who:N", scale=colors, legend=None),
        tooltip=[alt.Tooltip("label:N", title="Stand")],
    )
    # Labels left of a point near the right edge, right of it otherwise.
    data["align"] = ["right" if p > x_max * 0.6 else "left" for p in data["intake"]]
    labels = []
    for align, dx in (("left", 12), ("right", -12)):
        part = data[data["align"] == align]
        if part.empty:
            continue
        labels.append(alt.Chart(part).mark_text(
            align=align, dx=dx, dy=-14, fontSize=FONT_SIZE, fontWeight="bold"
        ).encode(x=x, y=y, text="label:N",
                 color=alt.Color("who:N", scale=colors, legend=None)))

    return alt.layer(curve, wait_rule, wait_text, dots, *labels).properties(
        title=alt.Title("Hoe snel is een groep vol?", fontSize=18, anchor="start"),
        description=chart_description(profile),
        height=360,
    ).configure_axis(
        labelFontSize=14, titleFontSize=FONT_SIZE, labelColor="#1a1a1a", titleColor="#1a1a1a",
        gridColor="#dddddd",
    ).configure_view(strokeWidth=0)


def show_group_formation(profile: Profile) -> None:
    """The chart with its text alternative and the clipping note, for a page or a slide."""
    st.altair_chart(group_formation_chart(profile), width="stretch")
    st.caption(
        f"{chart_description(profile)} De lijn toont de rekenregel van de keuzehulp: de instroom "
        f"per jaar verdeeld over de taalniveaus en beroepsrichtingen, en een groep start bij "
        f"{profile.min_group_size} deelnemers. Wachttijden boven {CLIP_MONTHS} maanden staan "
        f"bovenaan de grafiek."
    )
