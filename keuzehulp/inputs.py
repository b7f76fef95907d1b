"""Reading what a user hands us (a profile, a saved session) with Dutch messages per field.

Used by the CLI (stderr, exit 2) and the app (a message next to the upload widget). Nothing
here raises anything but InputError, so a caller never shows a traceback.

Hostile files are read the way a person means them or refused in Dutch: a UTF-8 byte-order
mark (as Windows editors save) is skipped; a key given twice with different values, NaN,
Infinity, a number too large for any field (1e400, 5000 digits) are refused with the field
named. Messages quote at most a short piece of a bad value and there are at most a few of
them, so 2,000 unknown fields give a few lines, not 79 kB.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from pydantic import ValidationError

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import Profile, Session, TeamInput

MAX_SESSION_BYTES = 512 * 1024  # a saved session is a few kB; this is generous
MAX_MESSAGES = 3  # shown in full; the rest are counted in one closing line
MAX_MESSAGE_CHARS = 200
MAX_VALUE_CHARS = 40  # of a bad value or field name quoted in a message
MAX_NUMBER_DIGITS = 30  # far beyond any field's range; longer is refused, never converted


class InputError(Exception):
    """Bad input; `messages` are Dutch sentences, one per problem (a few at most, each short)."""

    def __init__(self, messages: list[str]):
        self.messages = limit_messages(messages)
        super().__init__("\n".join(self.messages))


def shorten(text: str, limit: int = MAX_VALUE_CHARS) -> str:
    """`text` cut to `limit` characters, with '…' where it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def limit_messages(messages: list[str]) -> list[str]:
    shown = [shorten(m, MAX_MESSAGE_CHARS) for m in messages[:MAX_MESSAGES]]
    rest = len(messages) - len(shown)
    if rest > 0:
        shown.append(f"En nog {rest} {'ander probleem' if rest == 1 else 'andere problemen'}.")
    return shown


class OddNumber:
    """A number in a file that no field can hold: NaN, Infinity, 1e400 or thousands of digits.

    json.loads would turn these into nan/inf or fail converting the digits (a ValueError
    that used to surface as a traceback); we keep them as this marker, so validation
    names the field it was given for and the message says what was wrong in Dutch."""

    def __init__(self, text: str):
        self.text = text

    def describe(self) -> str:
        digits = sum(ch.isdigit() for ch in self.text)
        if digits > MAX_NUMBER_DIGITS:
            return f"een getal van {digits} cijfers"
        return f"'{shorten(self.text)}'"

    def __repr__(self) -> str:
        return self.describe()


def _parse_int(text: str) -> int | OddNumber:
    return OddNumber(text) if len(text) > MAX_NUMBER_DIGITS else int(text)


def _parse_float(text: str) -> float | OddNumber:
    if len(text) > MAX_NUMBER_DIGITS:
        return OddNumber(text)
    value = float(text)
    return value if math.isfinite(value) else OddNumber(text)


class _Duplicates(list):
    """Keys that appear twice in one JSON object with different values."""


def _pairs_hook(found: _Duplicates):
    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out and repr(out[key]) != repr(value):
                found.append((key, out[key], value))
            out[key] = value
        return out

    return hook


def show_value(value: Any) -> str:
    """A bad value as a message quotes it: short, in JSON spelling where that differs."""
    if isinstance(value, OddNumber):
        return value.describe()
    if value is True or value is False:
        return "true" if value else "false"
    if value is None:
        return "null"
    return shorten(repr(value))


def _field_name(loc: tuple[Any, ...]) -> str:
    """A Dutch description of where in the input the problem is."""
    parts = [p for p in loc if not (isinstance(p, str) and p.startswith("function-"))]
    if not parts:
        return "het bestand"
    dotted = shorten(".".join(str(p) for p in parts), 60)
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


def _problem(err: dict[str, Any]) -> str:
    """What is wrong, in Dutch, without saying where (the caller knows the field)."""
    kind = err["type"]
    ctx = err.get("ctx", {}) or {}
    raw_given = err.get("input")
    given = _Shown(show_value(raw_given))
    if kind == "extra_forbidden":
        return "dit veld kennen we niet."
    if isinstance(raw_given, OddNumber) or kind == "finite_number":
        return f"{given!r} is geen bruikbaar getal; vul een gewoon getal in."
    if kind == "missing":
        return "dit veld ontbreekt."
    if kind == "literal_error":
        return f"de waarde {given!r} kan niet; kies uit {str(ctx.get('expected', '')).replace(' or ', ' of ')}."
    if kind in ("greater_than_equal", "greater_than"):
        return f"de waarde {given!r} is te klein; het minimum is {ctx.get('ge', ctx.get('gt'))}."
    if kind in ("less_than_equal", "less_than"):
        return f"de waarde {given!r} is te groot; het maximum is {ctx.get('le', ctx.get('lt'))}."
    if kind in ("string_too_long",):
        return f"de tekst is te lang; hoogstens {ctx.get('max_length')} tekens."
    if kind in ("string_too_short",):
        return "de tekst mag niet leeg zijn."
    if kind in ("too_long",):
        return f"te veel items; hoogstens {ctx.get('max_length')}."
    if kind == "int_from_float":
        return f"hier hoort een heel getal, zonder komma of punt, niet {given!r}."
    if kind.startswith("int_") or kind == "int_type":
        return f"hier hoort een heel getal, niet {given!r}."
    if kind.startswith("bool_"):
        return f"hier hoort ja of nee (true of false), niet {given!r}."
    if kind.startswith("string_"):
        return f"hier hoort tekst, niet {given!r}."
    if kind in ("list_type",):
        return f"hier hoort een lijst, niet {given!r}."
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"hier hoort een object met velden, niet {given!r}."
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return f"deze waarde kan niet ({shorten(err['msg'], 80)})."


class _Shown(str):
    """A value already made short and readable by show_value: its repr is itself."""

    def __repr__(self) -> str:
        return str(self)


def _loc(err: Any) -> tuple[Any, ...]:
    return tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))


def field_problems(exc: ValidationError) -> list[tuple[str, str]]:
    """(field, Dutch message) per problem: the field as a dotted path ('annual_intake',
    'scenarios.0.profile.partners'), the message without it, for a caller that shows the
    message beside that field's widget."""
    return [(".".join(str(p) for p in _loc(err)), shorten(_problem(err), MAX_MESSAGE_CHARS))
            for err in exc.errors()]


def dutch_messages(exc: ValidationError) -> list[str]:
    """One short Dutch sentence per problem, naming where it is (callers that show them all
    use InputError)."""
    return [shorten(f"{_field_name(tuple(err['loc']))}: {_problem(err)}", MAX_MESSAGE_CHARS)
            for err in exc.errors()]


def change_field(profile: Profile, name: str, value: Any) -> tuple[Profile | None, str | None]:
    """`profile` with one answer changed (pydantic converts it as it converts a file), or None
    and the Dutch message for that field (without its name: the widget shows its own label)."""
    data = profile.model_dump()
    data[name] = value.strip() if isinstance(value, str) else value
    try:
        return Profile.model_validate(data), None
    except ValidationError as exc:
        text = next((m for f, m in field_problems(exc) if f == name), field_problems(exc)[0][1])
        return None, text[:1].upper() + text[1:]


def parse_json(raw: bytes | str, max_bytes: int = MAX_SESSION_BYTES) -> Any:
    if isinstance(raw, str):
        raw = raw.encode("utf-8", errors="surrogatepass")  # a lone surrogate fails decoding below
    if len(raw) > max_bytes:
        raise InputError([f"Het bestand is te groot ({len(raw) // 1024} kB); hoogstens {max_bytes // 1024} kB."])
    if raw.startswith(b"\xef\xbb\xbf"):  # byte-order mark, as Windows editors save UTF-8
        raw = raw[3:]
    if not raw.strip():
        raise InputError(["Het bestand is leeg."])
    duplicates = _Duplicates()
    try:
        data = json.loads(raw.decode("utf-8"), parse_int=_parse_int, parse_float=_parse_float,
                          parse_constant=OddNumber, object_pairs_hook=_pairs_hook(duplicates))
    except UnicodeDecodeError:
        raise InputError(["Het bestand is geen tekst (UTF-8); is het wel een JSON-bestand van de keuzehulp?"]) from None
    except json.JSONDecodeError as exc:
        raise InputError([f"Het bestand is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno})."]) from None
    except RecursionError:
        raise InputError(["Het bestand is te diep genest om te lezen."]) from None
    except ValueError:  # any other conversion the json module refuses: never a traceback
        raise InputError(["Het bestand bevat een waarde die de keuzehulp niet kan lezen."]) from None
    if duplicates:
        raise InputError([_duplicate_message(*dup) for dup in duplicates])
    if _LONE_SURROGATE_ESCAPE.search(raw):
        try:
            data = _replace_lone_surrogates(data)
        except RecursionError:
            raise InputError(["Het bestand is te diep genest om te lezen."]) from None
    return data


# JSON may escape half of a character ("\ud800"); Python keeps it, and writing it out later
# (UTF-8, Word, PDF) fails. It is replaced visibly by U+FFFD, the replacement character.
_LONE_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _replace_lone_surrogates(data: Any) -> Any:
    if isinstance(data, str):
        return _LONE_SURROGATE.sub("\ufffd", data)
    if isinstance(data, list):
        return [_replace_lone_surrogates(item) for item in data]
    if isinstance(data, dict):
        return {_replace_lone_surrogates(k): _replace_lone_surrogates(v) for k, v in data.items()}
    return data


def _duplicate_message(key: str, first: Any, second: Any) -> str:
    name = f"'{shorten(key)}'"
    if key in labels().fields:
        name += f" ({labels().field(key)})"
    return (f"{name} staat twee keer in het bestand, met verschillende waarden "
            f"({show_value(first)} en {show_value(second)}); laat er één staan.")


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
            for key in ("scenarios", "active_scenario", "team", "workshop", "costs"):
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
    if isinstance(data, (int, float, OddNumber)):
        return "getal"
    if data is None:
        return "lege waarde (null)"
    return "object"
