"""'Met de regio' on the costs page (issue 25, item 7): per deelproduct the wait alone and
together, and training in groups alone and shared, from the regional model
(keuzehulp/region/single.py). Drawn only once opened (ui/kit/lazy.py)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from keuzehulp.dutch.markdown import inert_markdown
from keuzehulp.dutch.numbers import euro, format_whole_number
from keuzehulp.region.single import regional_effect
from keuzehulp.region.texts import texts
from ui.kit.lazy import lazy_expander
from ui.session import state


def regional_block() -> None:
    t = texts()
    box = lazy_expander(t.single_title, key="cost_region_open", icon=":material/hub:")
    if box is None:
        return
    session = state.get_session()
    from keuzehulp.costs.estimate import merged_amounts

    effect = regional_effect(session.profile, session.profile.route_shares, merged_amounts(session.costs))
    with box:
        if effect is None:
            st.markdown(t.single_none)
            return
        st.markdown(inert_markdown(t.single_intro.format(partners=format_whole_number(effect.partners_intake))))
        c = t.single_columns
        rows = [{c["deelproduct"]: t.deelproducten[d.id],
                 c["alone"]: f"{d.alone.text} ({'op tijd' if d.alone.in_time else 'te laat'})",
                 c["together"]: f"{d.together.text} ({'op tijd' if d.together.in_time else 'te laat'})",
                 c["scale"]: t.scales[d.advised_scale]} for d in effect.deelproducten]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
        if effect.training is not None:
            st.markdown(inert_markdown(t.single_training.format(
                alone_groups=effect.own.alone_groups,
                alone_cost=euro(effect.own.alone_costs), groups=effect.training.groups_per_year,
                own_cost=euro(effect.own.shared_costs))))
