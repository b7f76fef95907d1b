"""The cost and lead-time results, drawn by one renderer in two layouts: in full on the Kosten en
doorlooptijd page (tables, every driver and warning, captions), large and short on Presenteren's
two slides (issue 12). Large type on a slide comes from ui/present/slides.py's constant CSS; the
figures and their Dutch from keuzehulp.costs.view.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import streamlit as st
from keuzehulp.contract.schema import Advice
from keuzehulp.costs.estimate import Estimate, estimate
from keuzehulp.costs.model import CostResult
from keuzehulp.costs.view import (
    cost_table,
    driver_lines,
    headline,
    money_table,
    timeline_headline,
    timeline_table,
    training_line,
    volumes_line,
)
from keuzehulp.dutch.numbers import euro

from ui.costs.charts import cost_chart, timeline_chart
from ui.kit.firstuse import explain, used
from ui.session import state


@dataclass(frozen=True)
class Layout:
    """How the results are drawn: `slide` keeps only what reads from the back of a room."""

    slide: bool
    cost_chart: dict[str, Any] = field(default_factory=dict)  # cost_chart's size arguments
    timeline_chart: dict[str, Any] = field(default_factory=dict)


PAGE = Layout(slide=False)
SLIDE = Layout(slide=True, cost_chart={"height": 270, "font_size": 16},
               timeline_chart={"height": 430, "font_size": 17})


def current_estimate() -> Estimate | None:
    """Costs and lead time of the current answers and settings; None while there is no advice."""
    advice = state.current_advice()
    if advice is None:
        return None
    session = state.get_session()
    team = session.team.decisions.get("training_format")  # type: ignore[call-overload]
    return estimate(session.profile, session.costs, advice.decisions["training_format"].choice,
                    team.choice if team else "")


def _table(table) -> None:  # type: ignore[no-untyped-def]
    import pandas as pd

    st.table(pd.DataFrame(table.rows, columns=table.header).set_index(table.header[0]))


def _metrics(result: CostResult) -> None:
    a, b, c = st.columns(3)
    a.metric("Kosten per jaar", euro(result.total_year))
    b.metric("Geld van het Rijk per jaar", euro(result.money_year))
    gap = result.gap_year or 0.0
    c.metric("Tekort per jaar" if gap > 0.5 else "Overschot per jaar", euro(abs(gap)))


# Vega-Lite specs of the charts by their inputs. Building an Altair chart and validating it
# against the schema took about 60 ms of each rerun of the Kosten page (bench/pages.py), every
# click, for the same figures; now only new figures are built. A few specs are kept at most.
_SPECS: dict[str, dict[str, Any]] = {}
_MAX_SPECS = 64


def _chart(build: Callable[..., Any], data: Any, **options: Any) -> None:
    key = f"{build.__name__}|{data!r}|{sorted(options.items())!r}"
    spec = _SPECS.get(key)
    if spec is None:
        if len(_SPECS) >= _MAX_SPECS:
            _SPECS.clear()
        spec = _SPECS[key] = build(data, **options).to_dict()
    st.vega_lite_chart(spec=copy.deepcopy(spec), width="stretch", theme=None)
    _chart_terms(spec)


def _chart_terms(spec: dict[str, Any]) -> None:
    """A chart's labels (legend, bars, tooltips) may be where a term is first used on the page or
    slide ("MAP", "SPUK onderwijsroute", "vanaf het PIP"): those get their meaning right under it."""
    words = [value for rows in spec.get("datasets", {}).values() for row in rows
             for value in row.values() if isinstance(value, str)]
    before = {term.term for term in used()}
    explain(" · ".join(words))  # marks the terms as met on this page
    new = [term for term in used() if term.term not in before]
    if new:
        st.caption("; ".join(f"{term.term} ({term.meaning})" for term in new))


def cost_results(est: Estimate, layout: Layout = PAGE) -> None:
    result = est.costs
    if result.complete:
        _metrics(result)
    if layout.slide and result.complete:
        lines = driver_lines(result)[:2]  # the figures say the rest; two drivers fit a slide
        if lines:
            st.markdown("\n".join(f"- {explain(t)}" for t in lines))
    else:
        st.markdown(explain(headline(result)))
    if result.complete and not layout.slide:
        st.caption(volumes_line(result))
    _chart(cost_chart, result, **layout.cost_chart)
    if layout.slide:
        return
    _table(cost_table(result))
    money = money_table(result)
    if money is not None:
        _table(money)
    lines = driver_lines(result)
    if lines:
        st.markdown("**Wat bepaalt het verschil het meest?**\n\n" + "\n".join(f"- {explain(t)}" for t in lines))
    st.caption(explain(training_line(est)) + " Het bedrag per traject van het Rijk is een gemiddelde over de "
               "drie leerroutes, geen bedrag per route.")


def timeline_results(est: Estimate, layout: Layout = PAGE) -> None:
    st.markdown(explain(timeline_headline(est.timeline)))
    if not layout.slide:
        for warning in est.timeline.warnings:
            st.warning(explain(warning), icon=":material/schedule:")
    _chart(timeline_chart, est.timeline, **layout.timeline_chart)
    if layout.slide:
        for warning in est.timeline.warnings[:2]:
            st.markdown(f"**Let op:** {explain(warning)}")
        return
    _table(timeline_table(est.timeline))
    st.caption(explain("De termijn van drie jaar begint de dag na het PIP (Wet inburgering 2021, artikel 11); "
                       "het PIP hoort binnen tien weken na inschrijving klaar te zijn (nt2.nl). De andere "
                       "stappen zijn instellingen die u onder 'Bedragen aanpassen' kunt wijzigen."))


def _slide(kicker: Callable[[str], None], line: str, title: str, missing: str,
           draw: Callable[[Estimate, Layout], None]) -> None:
    """A cost slide: its kicker line (drawn by the presentation, which adds the scenario's name)
    and title, then `draw` in the slide layout (or `missing`)."""
    kicker(line)
    st.title(title, anchor=False)
    est = current_estimate()
    if est is None:
        st.markdown(missing)
        return
    draw(est, SLIDE)


def cost_slide(advice: Advice, kicker: Callable[[str], None]) -> None:
    own = len(state.get_session().costs.amounts)  # amounts the team set itself
    _slide(kicker, f"Kosten en doorlooptijd · {own} bedragen zelf ingevuld, de rest startwaarden (bron of aanname)",
           "Wat kost dit ontwerp?", "De kosten konden nu niet worden berekend.", cost_results)


def timeline_slide(advice: Advice, kicker: Callable[[str], None]) -> None:
    _slide(kicker, "Kosten en doorlooptijd · van huisvesting tot participatie", "Hoe lang wacht een inburgeraar?",
           "De doorlooptijd kon nu niet worden berekend.", timeline_results)
