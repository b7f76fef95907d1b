"""The group-formation chart (q2): months to fill a group against the yearly intake.

Uses keuzehulp.rules.groups.months_to_fill, the same formula the engine uses, so the curve, the
points and the advice's estimate sentence always agree. Months can run into the hundreds for a
tiny intake; the y axis is clipped at CLIP_MONTHS and the chart says so.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd
import streamlit as st
from keuzehulp.contract.schema import Profile
from keuzehulp.rules.groups import counted_intake, describe, how_long, intake_needed, months_to_fill, needed

CLIP_MONTHS = 36
CURVE_COLOR = "#1f4e79"  # dark blue
WAIT_COLOR = "#a4262c"  # dark red, dashed: not told apart by colour alone
OWN_COLOR = "#1a1a1a"
REGION_COLOR = "#107c10"  # dark green, diamond shape
FONT_SIZE = 15
X_TITLE = "Nieuwe inburgeraars per jaar"


def _x_max(profile: Profile) -> int:
    """Right end of the x axis: room for both points and the intake that fills a group in time."""
    furthest = max(profile.annual_intake, counted_intake(profile, regional=True))
    want = max(furthest * 1.25, intake_needed(profile) * 1.5, 12)
    step = 10 ** max(0, math.floor(math.log10(want)) - 1)  # round up to two significant digits
    return int(math.ceil(want / step) * step)


# The curve of the last few profiles: a slide draws two charts and asks twice more where the
# wait line's label fits, all from the same curve (240 estimates each time).
_CURVES: dict[tuple[str, int], pd.DataFrame] = {}
_CURVES_KEPT = 16


def _curve(profile: Profile, x_max: int) -> pd.DataFrame:
    """Months to fill a group at 240 intakes from 0 to x_max (clipped just above the axis).
    Callers only read the frame; it is shared between them."""
    key = (profile.model_dump_json(), x_max)
    if key in _CURVES:
        return _CURVES[key]
    points = 240
    rows = []
    for i in range(1, points + 1):
        intake = x_max * i / points
        months = months_to_fill(intake, profile)
        if months is not None:
            rows.append({"intake": intake, "months": min(months, CLIP_MONTHS * 1.05)})
    if len(_CURVES) >= _CURVES_KEPT:
        _CURVES.clear()
    _CURVES[key] = frame = pd.DataFrame(rows)
    return frame


def _point(intake: int, label: str, profile: Profile) -> dict[str, object]:
    months = months_to_fill(intake, profile)
    shown = CLIP_MONTHS if months is None or months > CLIP_MONTHS else months
    # The estimate's own words (one decimal, never "3 maanden" for 3,03 beside a wait of 3).
    readable = how_long(months, profile.max_wait_months, cap=CLIP_MONTHS)
    return {"intake": intake, "months": shown, "label": f"{label}: {readable}", "who": label}


def chart_points(profile: Profile) -> list[dict[str, object]]:
    """The marked points: the municipality alone and, with partners' intake, the region."""
    points = [_point(profile.annual_intake, "Uw gemeente", profile)]
    if profile.regional_intake > 0:
        points.append(_point(counted_intake(profile, regional=True), "Met de regio", profile))
    return points


def chart_description(profile: Profile) -> str:
    """Text alternative for the chart (also shown below it)."""
    parts = [describe(profile.annual_intake, profile, regional=False)]
    if profile.regional_intake > 0:
        parts.append(describe(counted_intake(profile, regional=True), profile, regional=True))
    parts.append(needed(profile))
    return " ".join(parts)


def legend_lines(profile: Profile) -> list[str]:
    """The chart's key: each point by its shape, and the dashed line, with their values."""
    lines = []
    for point in chart_points(profile):
        mark = "●" if point["who"] == "Uw gemeente" else "◆"
        _, _, value = str(point["label"]).partition(": ")
        lines.append(f"{mark} {point['who']} ({point['intake']} per jaar): {value}")
    lines.append(f"– – – {WAIT_LABEL}: {profile.max_wait_months} maanden")
    return lines


WAIT_LABEL = "Acceptabele wachttijd"


def wait_label_place(profile: Profile, width: int, height: int, font_size: int) -> tuple[str, bool] | None:
    """Where the dashed wait line's own label goes on a slide chart of `width` x `height`:
    ("left" or "right", below the line?), or None when every place would cover a point or the
    curve (the slide's key then names the line).

    Tried in order: left below the line (a small intake waits long, so that corner is nearly
    always empty; it needs room above the x axis), left above, right above, right below."""
    x_max = _x_max(profile)
    frames = [pd.DataFrame(chart_points(profile)), _curve(profile, x_max)]
    wait = profile.max_wait_months
    span = min(1.0, (len(WAIT_LABEL) * 0.6 * font_size + 12) / width) * x_max  # text width, in intake
    rise = (font_size + 8) / height * CLIP_MONTHS  # text height, in months
    for side, below in (("left", True), ("left", False), ("right", False), ("right", True)):
        if below and wait < rise + 0.5:
            continue
        x_lo, x_hi = (0, span) if side == "left" else (x_max - span, x_max)
        m_lo, m_hi = (wait - rise, wait) if below else (wait, wait + rise)
        if not any(((f["intake"] >= x_lo) & (f["intake"] <= x_hi) & (f["months"] >= m_lo)
                    & (f["months"] <= m_hi)).any() for f in frames if not f.empty):
            return side, below
    return None


def group_formation_chart(profile: Profile, *, height: int = 360, font_size: int = FONT_SIZE,
                          title: bool = True, width: int | None = None) -> alt.LayerChart:
    """Layered altair chart: curve, acceptable-wait rule, 'Uw gemeente' and 'Met de regio'.

    The points are told apart by shape and colour and named, with their values, in the key
    (legend_lines: the subtitle here, a list on a slide); a point well above the wait line is
    also labelled beside it.
    """
    x_max = _x_max(profile)
    x = alt.X("intake:Q", title=X_TITLE,
              scale=alt.Scale(domain=[0, x_max], nice=False), axis=alt.Axis(tickCount=8))
    y = alt.Y("months:Q", title="Maanden tot een groep vol is",
              scale=alt.Scale(domain=[0, CLIP_MONTHS], nice=False, clamp=True),
              axis=alt.Axis(values=list(range(0, CLIP_MONTHS + 1, 6)),
                            labelExpr=f"datum.value >= {CLIP_MONTHS} ? '{CLIP_MONTHS}+' : datum.label"))
    # The same title as x: a layer with title=None would drop the shared axis title.
    x_right = alt.X("intake:Q", scale=alt.Scale(domain=[0, x_max], nice=False), title=X_TITLE)

    curve = alt.Chart(_curve(profile, x_max)).mark_line(
        color=CURVE_COLOR, strokeWidth=3, clip=True
    ).encode(x=x, y=y, tooltip=[
        alt.Tooltip("intake:Q", title="Inburgeraars per jaar", format=".0f"),
        alt.Tooltip("months:Q", title="Maanden", format=".1f"),
    ])

    wait = pd.DataFrame([{"months": profile.max_wait_months, "intake": x_max,
                          "label": WAIT_LABEL}])
    wait_rule = alt.Chart(wait).mark_rule(color=WAIT_COLOR, strokeWidth=2.5, strokeDash=[8, 5]).encode(y=y)
    data = pd.DataFrame(chart_points(profile))
    place = None if title or width is None else wait_label_place(profile, width, height, font_size)
    if place is not None:
        side, below = place
        wait_text = alt.Chart(wait.assign(intake=0 if side == "left" else x_max)).mark_text(
            color=WAIT_COLOR, align=side, baseline="top" if below else "bottom", dx=6 if side == "left" else -6,
            dy=5 if below else -5, fontSize=font_size, fontWeight="bold",
        ).encode(x=x_right, y=y, text="label:N")
    shapes = alt.Scale(domain=["Uw gemeente", "Met de regio"], range=["circle", "diamond"])
    colors = alt.Scale(domain=["Uw gemeente", "Met de regio"], range=[OWN_COLOR, REGION_COLOR])
    color = alt.Color("who:N", scale=colors, legend=None)
    dots = alt.Chart(data).mark_point(size=300, filled=True, opacity=1, stroke="white", strokeWidth=1.5).encode(
        x=x, y=y, shape=alt.Shape("who:N", scale=shapes, legend=None), color=color,
        tooltip=[alt.Tooltip("label:N", title="Stand")],
    )
    # With a title the key (subtitle) names the dashed line; without one (a slide) the line
    # carries its own label where it covers nothing (wait_label_place), else the slide's key names it.
    layers: list[alt.Chart] = [curve, wait_rule, dots] if place is None else [curve, wait_rule, wait_text, dots]
    # A name beside a point only where it cannot collide with the wait line or the flat curve.
    clear = data[(data["months"] >= profile.max_wait_months + 5) & (data["intake"] < x_max * 0.45)]
    if not clear.empty:
        layers.append(alt.Chart(clear).mark_text(
            align="left", baseline="middle", dx=14, fontSize=font_size, fontWeight="bold"
        ).encode(x=x, y=y, text="who:N", color=color))
    chart = alt.layer(*layers).properties(description=chart_description(profile), height=height)
    if title:  # the key goes in the subtitle, outside the plot, so it never covers the curve
        chart = chart.properties(title=alt.Title(
            "Hoe snel is een groep vol?", fontSize=font_size + 3, anchor="start", color="#1a1a1a",
            subtitle=legend_lines(profile), subtitleFontSize=font_size, subtitleColor="#1a1a1a",
            subtitlePadding=6, offset=10))
    return chart.configure(font="'Source Sans', 'Source Sans Pro', sans-serif").configure_axis(
        labelFontSize=font_size - 1, titleFontSize=font_size, labelColor="#1a1a1a", titleColor="#1a1a1a",
        gridColor="#e3e3e3", titleFontWeight="normal",
    ).configure_view(strokeWidth=0)


def show_group_formation(profile: Profile) -> None:
    """The chart with its text alternative and the clipping note, for a page or a slide."""
    st.altair_chart(group_formation_chart(profile), width="stretch", theme=None)
    st.caption(
        f"{chart_description(profile)} De lijn toont de rekenregel van de keuzehulp: de instroom "
        f"per jaar verdeeld over de taalniveaus en beroepsrichtingen, en een groep start bij "
        f"{profile.min_group_size} deelnemers. Wachttijden boven {CLIP_MONTHS} maanden staan "
        f"bovenaan de grafiek ({CLIP_MONTHS}+)."
    )
