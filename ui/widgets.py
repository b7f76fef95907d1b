"""One widget per profile field, keyed by the field name, options = contract values.

Dutch labels come from texts/labels.yaml (format_func), help texts double as glossary.
"""

from __future__ import annotations

import streamlit as st

from keuzehulp.derived import NUMERIC_FIELDS, profile_field_specs
from keuzehulp.labels import labels
from keuzehulp.markdown import escape_markdown
from keuzehulp.schema import PARTNERS

from . import state


def dutch_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def range_text(name: str) -> str:
    """'een heel getal van 0 tot en met 10.000'"""
    low, high = NUMERIC_FIELDS[name]
    return f"een heel getal van {dutch_number(low)} tot en met {dutch_number(high)}"


def number_range_css() -> str:
    """For each number question: a Dutch line under the box while the browser refuses a
    number outside the range (Streamlit then keeps the old answer and only shows a red box
    with an English tooltip; the server never sees the number). Constant text from the
    contract, keyed by Streamlit's st-key-<field> class: no user text."""
    rules = []
    for name in NUMERIC_FIELDS:
        message = f"Dit getal kan niet: kies {range_text(name)}. Het vorige antwoord blijft staan."
        rules.append(f".st-key-{name}:has(input[aria-invalid='true'])::after {{ "
                     f'content: "{message}"; }}')
    shared = ("[class*='st-key-']:has(> [data-testid='stNumberInput'] input[aria-invalid='true'])::after "
              "{ display: block; margin-top: 0.25rem; color: #A1281F; font-size: 0.875rem; }")
    return "\n".join([shared, *rules]) + "\n"


def field_input(name: str, step: str) -> None:
    """Draw the widget for one profile field, seeded from the profile, with its error if any."""
    lab = labels()
    field = lab.fields[name]
    state.seed_widget(name)
    common = {"key": name, "help": field.help, "on_change": state.commit_widget, "args": (name, step)}
    spec = profile_field_specs().get(name)  # the contract's type, options and range per field
    if name == "municipality":
        st.text_input(field.label, max_chars=100, placeholder="Bijvoorbeeld: Lochem", **common)
    elif name == "partners":
        st.multiselect(field.label, options=PARTNERS, format_func=lab.partners.__getitem__,
                       placeholder="Kies een of meer partners", **common)
    elif spec.kind == "enum":
        st.radio(field.label, options=spec.values, format_func=field.options.__getitem__,
                 horizontal=True, **common)
    elif spec.kind == "bool":
        st.toggle(field.label, **common)
    elif spec.kind == "int":
        low, high = NUMERIC_FIELDS[name]
        common["help"] = f"{field.help} Vul {range_text(name)} in."
        st.number_input(field.label, min_value=low, max_value=high, step=1, **common)
    else:  # pragma: no cover - every contract field is handled above
        raise TypeError(f"no widget for profile field {name!r}")
    error = state.field_errors().get(name)
    if error:
        st.error(escape_markdown(error), icon=":material/error:")


def fields_input(step: str) -> None:
    for name in labels().fields_for_step(step):
        field_input(name, step)
