"""One quote style in every choice summary (issue 24): curly Dutch quotes, ‘zo’. Our wording, the
knowledge pages and the handreiking's quotes mixed straight and curly quotes; the summary shows
them one way. An apostrophe stays straight (scenario's): it is no quote, and a curly one would
read as the end of a quote (keuzehulp/knowledge/abbreviations.py finds quoted passages by their marks).
Web addresses stay as they are, and so does what a user typed (build.py names those fields).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

_URL = re.compile(r"(https?://\S+)")
_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")
_OPEN = re.compile(r"(^|[\s(\[{/—–-])['\"“‘]")
_CLOSE = re.compile(r"(?<!\w)'(?!\w)|(?<=\w)'(?!\w)|\"|”")
_QUOTES = frozenset("'\"“”’")


def curly(text: str) -> str:
    """'zo' and "zo" and “zo” -> ‘zo’; diploma’s -> diploma's; URLs untouched."""
    if not _QUOTES.intersection(text):
        return text
    parts = _URL.split(text)
    for i in range(0, len(parts), 2):  # the odd parts are web addresses
        part = _APOSTROPHE.sub("'", parts[i])
        part = _OPEN.sub(lambda m: m.group(1) + "‘", part)
        parts[i] = _CLOSE.sub("’", part)
    return "".join(parts)


def curly_all(value: Any, skip: frozenset[str] = frozenset()) -> Any:
    """Every string in a dataclass, list or tuple; fields in `skip` ("Report.actions", or a bare
    name for every class) stay as they are, at any depth."""
    if isinstance(value, str):
        return curly(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        kind = type(value).__name__
        changes = {f.name: curly_all(getattr(value, f.name), skip) for f in dataclasses.fields(value)
                   if f.name not in skip and f"{kind}.{f.name}" not in skip}
        return dataclasses.replace(value, **changes)
    if isinstance(value, list):
        return [curly_all(v, skip) for v in value]
    if isinstance(value, tuple):
        return tuple(curly_all(v, skip) for v in value)
    return value
