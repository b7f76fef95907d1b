"""One declaration per profile field: the contract model plus one content file.

`schema.Profile` declares each field's type, range and options (pydantic converts and checks
them); `texts/fields.yaml` declares everything else: the Dutch label and help, the wizard
step, the widget, the options' labels, the flip phrases. `field_specs()` joins the two, and
everything that needs a field reads it from there: the engine (conditions, flips), the
widgets, the URL codec, the reports and `check`. A field that lacks a part of its
declaration is a content error with file:line, so a new question cannot be half declared.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ConfigDict

from keuzehulp.contract.schema import SECTION_IDS, Profile
from keuzehulp.contract.yamlio import Problem, line_of, load_checked

FIELDS_PATH = Path(__file__).resolve().parent.parent / "texts" / "fields.yaml"
STEPS = ("start", *SECTION_IDS)

Kind = Literal["text", "enum", "bool", "int", "list", "version"]
Widget = Literal["text", "number", "radio", "toggle", "multiselect", "none"]
WIDGETS_ALL: tuple[str, ...] = get_args(Widget)

# The widget each type of field is asked with. A new widget for a type (a slider, a Dutch
# number text box) is added here and in ui/wizard/widgets.py.
WIDGETS: dict[str, tuple[str, ...]] = {
    "text": ("text",),
    "enum": ("radio",),
    "bool": ("toggle",),
    "int": ("number",),
    "list": ("multiselect",),
    "version": ("none",),
}
# The keys of `flips` per type; numbers may add phrases that read better at 0 and 1.
FLIP_KEYS_OPTIONAL: dict[str, tuple[str, ...]] = {"int": ("up_zero", "up_one", "down_zero", "down_one")}
FLIP_PLACEHOLDER: dict[str, str] = {"int": "{value}", "list": "{partner}"}


@dataclass(frozen=True)
class FieldType:
    """What the contract model says about one field."""

    name: str
    kind: str  # text | enum | bool | int | list | version
    values: tuple[Any, ...] = ()  # allowed values (enum, bool, list items)
    lo: float | None = None
    hi: float | None = None
    max_length: int | None = None


def _bound(info: Any, key: str) -> Any:
    return next((getattr(m, key) for m in info.metadata if getattr(m, key, None) is not None), None)


def _field_type(name: str, info: Any) -> FieldType:
    annotation = info.annotation
    if name == "schema_version":
        return FieldType(name, "version", get_args(annotation))
    if annotation is bool:
        return FieldType(name, "bool", (True, False))
    if get_origin(annotation) is Literal:
        return FieldType(name, "enum", get_args(annotation))
    if annotation is int:
        return FieldType(name, "int", (), _bound(info, "ge"), _bound(info, "le"))
    if annotation is str:
        return FieldType(name, "text", max_length=_bound(info, "max_length"))
    if get_origin(annotation) is list and get_origin(get_args(annotation)[0]) is Literal:
        return FieldType(name, "list", get_args(get_args(annotation)[0]), max_length=_bound(info, "max_length"))
    raise TypeError(f"profile field {name}: no kind for {annotation!r}; add one in keuzehulp/contract/fields.py")


@lru_cache(maxsize=1)
def field_types() -> dict[str, FieldType]:
    """Every Profile field's type, in the contract's order."""
    return {name: _field_type(name, info) for name, info in Profile.model_fields.items()}


class FieldText(BaseModel):
    """One field's entry in texts/fields.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str
    help: str
    step: Literal["start", "q1", "q2", "q3", "q4", "q5"]
    widget: Widget
    placeholder: str = ""
    options: dict[str, str] = {}
    flips: dict[str, str] = {}
    flip_names: dict[str, str] = {}


class FieldsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    flip_sentence: str
    fields: dict[str, FieldText]


@dataclass(frozen=True)
class FieldSpec:
    """The whole declaration of one profile field."""

    type: FieldType
    text: FieldText

    @property
    def name(self) -> str:
        return self.type.name

    @property
    def kind(self) -> str:
        return self.type.kind

    @property
    def widget(self) -> str:
        return self.text.widget

    @property
    def label(self) -> str:
        return self.text.label


def _placeholders(text: str) -> set[str]:
    try:
        return {n for _, n, _, _ in string.Formatter().parse(text) if n is not None}
    except ValueError:
        return {"?"}


def _problems(data: Any, ff: FieldsFile, file: str) -> list[Problem]:
    """Every profile field is declared completely, and nothing else is."""
    problems: list[Problem] = []

    def add(key: tuple[Any, ...], message: str) -> None:
        where = ".".join(str(k) for k in key)
        problems.append(Problem(file, line_of(data, key), f"{where}: {message}"))

    if _placeholders(ff.flip_sentence) != {"condition", "choice"}:
        add(("flip_sentence",), "needs {condition} and {choice} (and no other placeholder)")
    types = field_types()
    for name in types:
        if name not in ff.fields:
            add(("fields",), f"no declaration for profile field '{name}'")
    for name, text in ff.fields.items():
        key = ("fields", name)
        if name not in types:
            add(key, "unknown profile field")
            continue
        kind = types[name].kind
        if text.widget not in WIDGETS[kind]:
            add((*key, "widget"), f"a {kind} field is asked with: {', '.join(WIDGETS[kind])}")
        values = [str(v).lower() if kind == "bool" else str(v) for v in types[name].values]
        want_options = values if kind in ("enum", "list") else []
        for missing in [v for v in want_options if v not in text.options]:
            add((*key, "options"), f"no label for '{missing}'")
        for extra in [o for o in text.options if o not in want_options]:
            add((*key, "options", extra), "unknown option")
        # A phrase per value a condition can name; free text and the version have none.
        flip_keys = {"enum": values, "bool": ["true", "false"], "int": ["up", "down"],
                     "list": ["add", "remove"]}.get(kind, [])
        for missing in [k for k in flip_keys if k not in text.flips]:
            add((*key, "flips"), f"no phrase for '{missing}'")
        for extra in [k for k in text.flips if k not in flip_keys and k not in FLIP_KEYS_OPTIONAL.get(kind, ())]:
            add((*key, "flips", extra), f"unknown key; expected {', '.join(flip_keys) or 'no flips'}")
        need = FLIP_PLACEHOLDER.get(kind)
        for flip_key, phrase in text.flips.items():
            if need and need not in phrase and not flip_key.endswith(("_zero", "_one")):
                add((*key, "flips", flip_key), f"phrase needs {need}")
        want_names = values if kind == "list" else []
        for missing in [v for v in want_names if v not in text.flip_names]:
            add((*key, "flip_names"), f"no name for '{missing}'")
        for extra in [n for n in text.flip_names if n not in want_names]:
            add((*key, "flip_names", extra), "unknown item")
    return problems


def load_fields(path: Path = FIELDS_PATH) -> FieldsFile:
    """Load and check the declarations; raise ContentError with every problem at once."""
    return load_checked(FieldsFile, path, _problems)


@lru_cache(maxsize=1)
def fields_file() -> FieldsFile:
    """The project's field declarations, loaded once per process."""
    return load_fields()


@lru_cache(maxsize=1)
def field_specs() -> dict[str, FieldSpec]:
    """Every profile field's whole declaration, in the wizard's order (texts/fields.yaml)."""
    types = field_types()
    return {name: FieldSpec(types[name], text) for name, text in fields_file().fields.items()}


def profile_json_schema() -> dict[str, Any]:
    """The Profile's JSON Schema (from pydantic) with each field's Dutch label as its title
    and its help as its description (`python -m keuzehulp schema`)."""
    schema = Profile.model_json_schema()
    for name, spec in field_specs().items():
        prop = schema["properties"][name]
        prop["title"] = spec.text.label
        prop["description"] = spec.text.help
    return schema
