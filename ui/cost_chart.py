"""Charts of the cost model and lead time (issue 12), from keuzehulp.costs.model / leadtime results.

Cost: with the route shares filled in, two bars per year (Kosten, stacked per component, and
Geld van het Rijk, stacked per money stream); without them, one bar per route per trajectory
with the contribution as a dark tick. Timeline: one bar per phase in months after housing, the
end of the three-year term as a dashed line. Colours are told apart by label too (legend and
tooltips); the text alternative is the table beside each chart.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd
from keuzehulp.contract.schema import ROUTE_IDS
from keuzehulp.costs.leadtime import Timeline
from keuzehulp.costs.model import COMPONENTS, ROUTE_LABELS, STREAMS, CostResult
from keuzehulp.costs.view import months_text
from keuzehulp.dutch.numbers import euro

# Colour-blind-safe, dark enough for white text behind it (Okabe-Ito plus greys/blues).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7F7F7F", "#F0E442",
           "#332288", "#117733", "#88CCEE", "#44AA99"]
MONEY_COLORS = {"SPUK inburgeringsvoorzieningen": "#117733", "SPUK onderwijsroute": "#44AA99",
                "Gemeentefonds (uitvoeringskosten)": "#88CCEE"}
TERM_COLOR = "#a4262c"
DUTCH_THOUSANDS = "replace(datum.label, /,/g, '.')"  # 100,000 -> 100.000


def _cost_frame(result: CostResult) -> pd.DataFrame:
    rows = []
    if result.complete:
        for key, value in result.per_year.items():  # type: ignore[union-attr]
            if value > 0:
                rows.append({"bar": "Kosten per jaar", "part": COMPONENTS[key], "value": value, "euro": euro(value)})
        for key, value in result.money_in.items():  # type: ignore[union-attr]
            if value > 0:
                rows.append({"bar": "Geld van het Rijk per jaar", "part": STREAMS[key], "value": value,
                             "euro": euro(value)})
    else:
        for route in ROUTE_IDS:
            for key, value in result.per_route[route].components.items():
                if value > 0:
                    rows.append({"bar": f"{ROUTE_LABELS[route]}, per traject", "part": COMPONENTS[key],
                                 "value": value, "euro": euro(value)})
    return pd.DataFrame(rows, columns=["bar", "part", "value", "euro"])


def cost_chart(result: CostResult, *, height: int = 340, font_size: int = 14) -> alt.LayerChart:
    frame = _cost_frame(result)
    parts = [*COMPONENTS.values(), *STREAMS.values()]
    colors = PALETTE[: len(COMPONENTS)] + list(MONEY_COLORS.values())
    x_title = "Euro per jaar" if result.complete else "Euro per traject"
    bars = alt.Chart(frame).mark_bar(stroke="#ffffff", strokeWidth=1).encode(
        y=alt.Y("bar:N", title=None, sort=None, axis=alt.Axis(labelLimit=320)),
        x=alt.X("sum(value):Q", title=x_title,
                  axis=alt.Axis(format=",.0f", tickCount=6, labelExpr=DUTCH_THOUSANDS)),
        color=alt.Color("part:N", title=None, scale=alt.Scale(domain=parts, range=colors),
                        legend=alt.Legend(orient="bottom", columns=4, labelLimit=320)),
        order=alt.Order("value:Q", sort="descending"),
        tooltip=[alt.Tooltip("bar:N", title="Balk"), alt.Tooltip("part:N", title="Onderdeel"),
                 alt.Tooltip("euro:N", title="Bedrag")],
    )
    layers = [bars]
    if not result.complete:
        ticks = pd.DataFrame([{"bar": f"{ROUTE_LABELS[r]}, per traject", "value": result.per_route[r].contribution,
                               "euro": euro(result.per_route[r].contribution)} for r in ROUTE_IDS])
        layers.append(alt.Chart(ticks).mark_tick(color="#1a1a1a", thickness=4, size=38).encode(
            y=alt.Y("bar:N", sort=None), x="value:Q",
            tooltip=[alt.Tooltip("euro:N", title="Bijdrage van het Rijk per traject")]))
    chart = alt.layer(*layers).properties(height=height)
    return chart.configure_axis(labelFontSize=font_size, titleFontSize=font_size).configure_legend(
        labelFontSize=font_size - 1).configure_view(stroke=None)


def _timeline_frame(timeline: Timeline, clip: float) -> pd.DataFrame:
    rows = []
    for order, phase in enumerate(timeline.phases):
        end = min(phase.end, clip)
        label = f"{months_text(phase.start)} tot {months_text(phase.end) if not math.isinf(phase.end) else 'nooit'}"
        rows.append({"phase": phase.label, "start": phase.start, "end": end, "order": order,
                     "kind": "Termijn" if phase.key == "term" else ("Wachten" if "wait" in phase.key else "Traject"),
                     "when": label})
    return pd.DataFrame(rows)


def timeline_clip(timeline: Timeline) -> float:
    return max(48.0, math.ceil((timeline.term_end + 2) / 6) * 6)


def timeline_chart(timeline: Timeline, *, height: int = 380, font_size: int = 14) -> alt.LayerChart:
    clip = timeline_clip(timeline)
    frame = _timeline_frame(timeline, clip)
    x = alt.X("start:Q", title="Maanden na huisvesting", scale=alt.Scale(domain=[0, clip], nice=False),
              axis=alt.Axis(values=list(range(0, int(clip) + 1, 6))))
    bars = alt.Chart(frame).mark_bar(height={"band": 0.7}, cornerRadius=2).encode(
        y=alt.Y("phase:N", title=None, sort=alt.SortField("order"), axis=alt.Axis(labelLimit=360)),
        x=x, x2="end:Q",
        color=alt.Color("kind:N", title=None, scale=alt.Scale(domain=["Wachten", "Traject", "Termijn"],
                                                                 range=["#E69F00", "#0072B2", "#BBBBBB"]),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("phase:N", title="Stap"), alt.Tooltip("when:N", title="Wanneer")],
    )
    end = pd.DataFrame([{"start": timeline.term_end, "label": "Einde termijn"}])
    rule = alt.Chart(end).mark_rule(color=TERM_COLOR, strokeDash=[8, 5], strokeWidth=2.5).encode(x="start:Q")
    text = alt.Chart(end).mark_text(color=TERM_COLOR, align="right", dx=-6, dy=-4, baseline="top",
                                    fontSize=font_size, fontWeight="bold").encode(
        x="start:Q", y=alt.value(0), text="label:N")
    chart = alt.layer(bars, rule, text).properties(height=height)
    return chart.configure_axis(labelFontSize=font_size, titleFontSize=font_size).configure_legend(
        labelFontSize=font_size).configure_view(stroke=None)
