"""Charts of the cost model and lead time (issue 12), from keuzehulp.costs.model / leadtime results.

Cost: with the route mix filled in, per funding stream a bar of its yearly costs beside a bar
of the money that comes in (issue 23); without it, one bar per route per trajectory with the
Rijk's money as a dark tick. Timeline: one bar per phase in months after housing, the
end of the three-year term as a dashed line. Colours are told apart by label too (legend and
tooltips); the text alternative is the table beside each chart.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from keuzehulp.contract.costdata import cost_data
from keuzehulp.contract.schema import ROUTE_IDS
from keuzehulp.costs.leadtime import Timeline
from keuzehulp.costs.model import ROUTE_LABELS, CostResult, component_labels
from keuzehulp.costs.view import months_text
from keuzehulp.dutch.numbers import euro

# Colour-blind-safe, dark enough for white text behind it (Okabe-Ito plus greys/blues).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7F7F7F", "#F0E442",
           "#332288", "#117733", "#88CCEE", "#44AA99"]
TERM_COLOR = "#a4262c"
DUTCH_THOUSANDS = "replace(datum.label, /,/g, '.')"  # 100,000 -> 100.000


def _cost_frame(result: CostResult) -> pd.DataFrame:
    rows = []
    if result.complete:
        streams = cost_data().streams
        for key, part in result.streams.items():
            if not part.cost and not part.money:
                continue
            name = streams[key].short
            rows.append({"bar": name, "part": COST, "value": part.cost, "euro": euro(part.cost), "note": ""})
            rows.append({"bar": name, "part": MONEY, "value": part.money if part.filled else 0.0,
                         "euro": euro(part.money) if part.filled else NOT_FILLED,
                         "note": "" if part.filled else NOT_FILLED})
    else:
        labels = component_labels()
        for route in ROUTE_IDS:
            for key, value in result.per_route[route].components.items():
                if value > 0:
                    rows.append({"bar": f"{ROUTE_LABELS[route]}, per traject", "part": labels[key],
                                 "value": value, "euro": euro(value), "note": ""})
    return pd.DataFrame(rows, columns=["bar", "part", "value", "euro", "note"])


COST, MONEY = "Kosten per jaar", "Geld dat binnenkomt per jaar"
NOT_FILLED = "geld nog niet ingevuld"


def cost_chart(result: CostResult, *, height: int = 340, font_size: int = 14, legend_columns: int = 4,
               label_limit: int = 320) -> alt.LayerChart:
    """Per funding stream a bar of its costs beside a bar of the money that comes in (a stream
    whose money is not filled in says so); without the route mix, the cost per trajectory. A
    slide asks for fewer legend columns and no label limit, so no legend item is cut off."""
    frame = _cost_frame(result)
    if result.complete:
        return _stream_chart(frame, height, font_size, legend_columns, label_limit)
    parts = list(component_labels().values())
    colors = PALETTE[: len(parts)]
    bars = alt.Chart(frame).mark_bar(stroke="#ffffff", strokeWidth=1).encode(
        y=alt.Y("bar:N", title=None, sort=None, axis=alt.Axis(labelLimit=320)),
        x=alt.X("sum(value):Q", title="Euro per traject",
                axis=alt.Axis(format=",.0f", tickCount=6, labelExpr=DUTCH_THOUSANDS)),
        color=alt.Color("part:N", title=None, scale=alt.Scale(domain=parts, range=colors),
                        legend=alt.Legend(orient="bottom", columns=legend_columns, labelLimit=label_limit)),
        order=alt.Order("value:Q", sort="descending"),
        tooltip=[alt.Tooltip("bar:N", title="Balk"), alt.Tooltip("part:N", title="Onderdeel"),
                 alt.Tooltip("euro:N", title="Bedrag")],
    )
    ticks = pd.DataFrame([{"bar": f"{ROUTE_LABELS[r]}, per traject", "value": result.per_route[r].contribution,
                           "euro": euro(result.per_route[r].contribution)} for r in ROUTE_IDS])
    tick = alt.Chart(ticks).mark_tick(color="#1a1a1a", thickness=4, size=38).encode(
        y=alt.Y("bar:N", sort=None), x="value:Q",
        tooltip=[alt.Tooltip("euro:N", title="Geld van het Rijk per asielstatushouder")])
    chart = alt.layer(bars, tick).properties(height=height)
    return chart.configure_axis(labelFontSize=font_size, titleFontSize=font_size).configure_legend(
        labelFontSize=font_size - 1).configure_view(stroke=None)


def _stream_chart(frame: pd.DataFrame, height: int, font_size: int, legend_columns: int = 4,
                  label_limit: int = 320) -> alt.LayerChart:
    y = alt.Y("bar:N", title=None, sort=None, axis=alt.Axis(labelLimit=320))
    y_offset = alt.YOffset("part:N", sort=[COST, MONEY])
    bars = alt.Chart(frame).mark_bar().encode(
        y=y, yOffset=y_offset,
        x=alt.X("value:Q", title="Euro per jaar", axis=alt.Axis(format=",.0f", tickCount=6, labelExpr=DUTCH_THOUSANDS)),
        color=alt.Color("part:N", title=None, scale=alt.Scale(domain=[COST, MONEY], range=["#0072B2", "#117733"]),
                        legend=alt.Legend(orient="bottom", columns=legend_columns, labelLimit=label_limit)),
        tooltip=[alt.Tooltip("bar:N", title="Geldstroom"), alt.Tooltip("part:N", title="Balk"),
                 alt.Tooltip("euro:N", title="Bedrag")],
    )
    notes = alt.Chart(frame[frame["note"] != ""]).mark_text(align="left", dx=4, fontSize=font_size - 1,
                                                            fontStyle="italic", color="#444444").encode(
        y=y, yOffset=y_offset, x=alt.value(0), text="note:N")
    chart = alt.layer(bars, notes).properties(height=height)
    return chart.configure_axis(labelFontSize=font_size, titleFontSize=font_size).configure_legend(
        labelFontSize=font_size, titleFontSize=font_size, symbolSize=font_size * 8).configure_view(stroke=None)


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
        labelFontSize=font_size, titleFontSize=font_size, symbolSize=font_size * 8).configure_view(stroke=None)
