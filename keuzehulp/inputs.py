"""Reading what a user hands us (a profile, a saved session) with Dutch messages per field.

Used by the CLI (stderr, exit 2) and the app (a message next to the upload widget). Nothing
here raises anything but InputError, so a caller never shows a traceback.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from .labels import labels
from .schema import Profile, Session, TeamInput

MAX_SESSION_BYTES = 512 * 1024  # a saved session is a few kB; this is generous


class InputError(Exception):
    """Bad input; `messages` are Dutch sentences, one per problem."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("\n".join(messages))


def _field_name(loc: tuple[Any, ...]) -> str:
    """A Dutch description of where in the input the problem is."""
    parts = [p for p in loc if not (isinstance(p, str) and p.startswith("function-"))]
    if not parts:
        return "het bestand"
    dotted = ".".join(str(p) for p in parts)
    field = parts[-1] if parts[0] in ("profile",) or len(parts) == 1 else None
    if parts[0] == "profile" and len(parts) >= 2:
        field = parts[1]
    elif len(parts) >= 3 and parts[0] == "scenarios" and parts[2] == "profile" and len(parts) >= 4:
        field = parts[3]
    elif len(parts) == 1:
        field = parts[0]
    if isinstance(field, str) and field in labels().fields:
        return f"'{dotted}' ({labels().field(field)})"
    return f"'{dotted}'"


def _dutch(err: dict[str, Any]) -> str:
    where = _field_name(tuple(err["loc"]))
    kind = err["type"]
    ctx = err.get("ctx", {}) or {}
    given = err.get("input")
    if kind == "extra_forbidden":
        return f"{where}: dit veld kennen we niet."
    if kind == "missing":
        return f"{where}: dit veld ontbreekt."
    if kind == "literal_error":
        return f"{where}: de waarde {given!r} kan niet; kies uit {str(ctx.get('expected', '')).replace(' or ', ' of ')}."
    if kind in ("greater_than_equal", "greater_than"):
        return f"{where}: de waarde {given!r} is te klein; het minimum is {ctx.get('ge', ctx.get('gt'))}."
    if kind in ("less_than_equal", "less_than"):
        return f"{where}: de waarde {given!r} is te groot; het maximum is {ctx.get('le', ctx.get('lt'))}."
    if kind in ("string_too_long",):
        return f"{where}: de tekst is te lang; hoogstens {ctx.get('max_length')} tekens."
    if kind in ("string_too_short",):
        return f"{where}: de tekst mag niet leeg zijn."
    if kind in ("too_long",):
        return f"{where}: te veel items; hoogstens {ctx.get('max_length')}."
    if kind.startswith("int_") or kind == "int_type":
        return f"{where}: hier hoort een heel getal, niet {given!r}."
    if kind.startswith("bool_"):
        return f"{where}: hier hoort ja of nee (true of false), niet {given!r}."
    if kind.startswith("string_"):
        return f"{where}: hier hoort tekst, niet {given!r}."
    if kind in ("list_type",):
        return f"{where}: hier hoort een lijst, niet {given!r}."
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"{where}: hier hoort een object met velden, niet {given!r}."
    if kind == "value_error":
        return f"{where}: {ctx.get('error', err['msg'])}"
    return f"{where}: {err['msg']}"


def dutch_messages(exc: ValidationError) -> list[str]:
    return [_dutch(err) for err in exc.errors()]


def parse_json(raw: bytes | str, max_bytes: int = MAX_SESSION_BYTES) -> Any:
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    if len(raw) > max_bytes:
        raise InputError([f"Het bestand is te groot ({len(raw) // 1024} kB); hoogstens {max_bytes // 1024} kB."])
    if not raw.strip():
        raise InputError(["Het bestand is leeg."])
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(["Het bestand is geen tekst (UTF-8); is het wel een JSON-bestand van de keuzehulp?"]) from None
    except json.JSONDecodeError as exc:
        raise InputError([f"Het bestand is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno})."]) from None
    except RecursionError:
        raise InputError(["Het bestand is te diep genest om te lezen."]) from None


def parse_profile(data: Any) -> Profile:
    """A Profile from parsed JSON, or InputError with a Dutch message per wrong field."""
    if not isinstance(data, dict):
        raise InputError([f"Een profiel is een JSON-object met velden, geen {_json_kind(data)}."])
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        raise InputError(dutch_messages(exc)) from None


def parse_session(raw: bytes | str) -> Session:
    """Read an uploaded file: a saved session, a JSON advice (has 'profile') or a bare profile."""
    data = parse_json(raw)
    if not isinstance(data, dict):
        raise InputError([f"Het bestand bevat een {_json_kind(data)}; de keuzehulp verwacht een JSON-object."])
    try:
        if data.get("kind") == "keuzehulp-sessie":
            return Session.model_validate(data)
        if "decisions" in data and "profile" in data:
            # An exported advice: take its profile, and what the team recorded if present.
            session = {"profile": data["profile"]}
            for key in ("scenarios", "active_scenario", "team"):
                if key in data:
                    session[key] = data[key]
            return Session.model_validate(session)
        return Session(profile=Profile.model_validate(data), team=TeamInput())
    except ValidationError as exc:
        raise InputError(dutch_messages(exc)) from None


def _json_kind(data: Any) -> str:
    if isinstance(data, list):
        return "lijst"
    if isinstance(data, str):
        return "tekst"
    if isinstance(data, bool):
        return "ja/nee-waarde"
    if isinstance(data, (int, float)):
        return "getal"
    if data is None:
        return "lege waarde (null)"
    return "object"
