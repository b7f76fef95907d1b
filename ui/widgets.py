"""One widget per profile field, keyed by the field name, options = contract values.

Dutch labels come from texts/labels.yaml (format_func), help texts double as glossary.
"""

from __future__ import annotations

from typing import Literal, get_args, get_origin

import annotated_types
import streamlit as st

from keuzehulp.labels import labels
from keuzehulp.markdown import escape_markdown
from keuzehulp.schema import PARTNERS, Profile

from . import state


def bounds(name: str) -> tuple[int | None, int | None]:
    """The contract's minimum and maximum of an int field."""
    low = high = None
    for meta in Profile.model_fields[name].metadata:
        if isinstance(meta, annotated_types.Ge):
            low = int(meta.ge)
        elif isinstance(meta, annotated_types.Le):
            high = int(meta.le)
    return low, high


def literal_options(name: str) -> tuple[str, ...]:
    annotation = Profile.model_fields[name].annotation
    return tuple(get_args(annotation)) if get_origin(annotation) is Literal else ()


def field_input(name: str, step: str) -> None:
    """Draw the widget for one profile field, seeded from the profile, with its error if any."""
    lab = labels()
    field = lab.fields[name]
    state.seed_widget(name)
    common = {"key": name, "help": field.help, "on_change": state.commit_widget, "args": (name, step)}
    annotation = Profile.model_fields[name].annotation
    if name == "municipality":
        st.text_input(field.label, max_chars=100, placeholder="Bijvoorbeeld: Lochem", **common)
    elif name == "partners":
        st.multiselect(field.label, options=PARTNERS, format_func=lab.partners.__getitem__,
                       placeholder="Kies een of meer partners", **common)
    elif options := literal_options(name):
        st.radio(field.label, options=options, format_func=field.options.__getitem__,
                 horizontal=True, **common)
    elif annotation is bool:
        st.toggle(field.label, **common)
    elif annotation is int:
        low, high = bounds(name)
        common["help"] = f"{field.help} Een heel getal van {low} tot en met {high}."
        st.number_input(field.label, min_value=low, max_value=high, step=1, **common)
    else:  # pragma: no cover - every contract field is handled above
        raise TypeError(f"no widget for profile field {name!r}")
    error = state.field_errors().get(name)
    if error:
        st.error(escape_markdown(error), icon=":material/error:")


def fields_input(step: str) -> None:
    for name in labels().fields_for_step(step):
        if name != "schema_version":
            field_input(name, step)
