"""One quote style in every choice summary (issue 24): curly Dutch quotes, ‘zo’, and the curly
apostrophe (scenario’s). Our wording, the knowledge pages and the handreiking's quotes mix
straight and curly quotes; the summary shows them one way. Web addresses stay as they are.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

_URL = re.compile(r"(https?://\S+)")
_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")
_OPEN = re.compile(r"(^|[\s(\[{/—–-])['\"“‘]")
_CLOSE = re.compile(r"['\"”]")
_QUOTES = frozenset("'\"“”")


def curly(text: str) -> str:
    """'zo' and "zo" and “zo” -> ‘zo’; diploma's -> diploma’s; URLs untouched."""
    if not _QUOTES.intersection(text):
        return text
    parts = _URL.split(text)
    for i in range(0, len(parts), 2):  # the odd parts are web addresses
        part = _APOSTROPHE.sub("’", parts[i])
        part = _OPEN.sub(lambda m: m.group(1) + "‘", part)
        parts[i] = _CLOSE.sub("’", part)
    return "".join(parts)


def curly_all(value: Any, skip: frozenset[str] = frozenset()) -> Any:
    """Every string in a dataclass (fields named in `skip` left as they are), list or tuple."""
    if isinstance(value, str):
        return curly(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: curly_all(getattr(value, f.name)) for f in dataclasses.fields(value)
                   if f.name not in skip}
        return dataclasses.replace(value, **changes)
    if isinstance(value, list):
        return [curly_all(v) for v in value]
    if isinstance(value, tuple):
        return tuple(curly_all(v) for v in value)
    return value
