"""Field-by-field three-way merge of a saved session: what one tab changed, onto what is stored.

A tab remembers the stored session it last loaded or saved (the *base*). When it saves, only the
fields it changed since then (base -> mine) are written, onto whatever is stored now (*theirs*,
perhaps changed by another tab meanwhile). A field is a leaf of the JSON object: objects are
walked into, anything else (text, number, list, null) is one field; `profile.municipality`,
`team.decisions.delivery.reason` and `scenarios` (the whole list) are fields.

- A field only this tab changed is written; a field only the other tab changed stays as stored.
- A field both changed to different values is a Conflict: the stored value stays, and the tab
  that saved second is told (with both values), never silently overruled.

The policy names the session fields that need no conflict: route marks (`answered`, `read`) are
sets, merged as their union; the live workshop's snapshot (`workshop`) mirrors the workshop
tables, so the newest snapshot wins. No Streamlit here, and no knowledge of the Session model
beyond these names: the store works on JSON text.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

FieldPath = tuple[str, ...]


class _Missing:
    """A field that is not there (a key added or removed); shown as None to callers."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@dataclass(frozen=True)
class Conflict:
    """One field both tabs changed: this tab's value lost, the stored (other tab's) value stays."""

    path: FieldPath
    mine: Any  # what this tab had; None when this tab removed the field
    theirs: Any  # what is stored now; None when the other tab removed it
    removed: bool = False  # this tab had removed the field (so `mine` is no value)


@dataclass(frozen=True)
class MergePolicy:
    union: frozenset[FieldPath] = frozenset()  # lists merged as sorted sets, never a conflict
    mine_wins: frozenset[FieldPath] = frozenset()  # prefixes where the newest write wins


SESSION_POLICY = MergePolicy(union=frozenset({("answered",), ("read",)}),
                             mine_wins=frozenset({("workshop",)}))


def changes(base: dict[str, Any], mine: dict[str, Any], prefix: FieldPath = ()) -> dict[FieldPath, Any]:
    """Every field that differs from `base` in `mine`, with its new value (MISSING: removed)."""
    found: dict[FieldPath, Any] = {}
    for key in sorted(base.keys() | mine.keys()):
        was, now = base.get(key, MISSING), mine.get(key, MISSING)
        if was is not MISSING and now is not MISSING and _same(was, now):
            continue
        if isinstance(was, dict) and isinstance(now, dict):
            found.update(changes(was, now, (*prefix, key)))
        else:
            found[(*prefix, key)] = now
    return found


def value_at(doc: Any, path: FieldPath) -> Any:
    for key in path:
        if not isinstance(doc, dict) or key not in doc:
            return MISSING
        doc = doc[key]
    return doc


def put(doc: dict[str, Any], path: FieldPath, value: Any) -> bool:
    """Set (or remove, for MISSING) the field at `path`; False when its parent is not there."""
    parent = value_at(doc, path[:-1])
    if not isinstance(parent, dict):
        return False
    if value is MISSING:
        parent.pop(path[-1], None)
    else:
        parent[path[-1]] = copy.deepcopy(value)
    return True


def _same(a: Any, b: Any) -> bool:
    """Equal as JSON values (1 and true are not the same answer)."""
    if a is MISSING or b is MISSING:
        return a is b
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return bool(a == b)


def _shown(value: Any) -> Any:
    return None if value is MISSING else value


def merge(base: dict[str, Any], theirs: dict[str, Any], mine: dict[str, Any],
          policy: MergePolicy = SESSION_POLICY) -> tuple[dict[str, Any], list[Conflict]]:
    """`theirs` with the fields this tab changed (base -> mine) written in, and the conflicts."""
    merged = copy.deepcopy(theirs)
    conflicts: list[Conflict] = []
    for path, value in changes(base, mine).items():
        stored = value_at(theirs, path)
        if _same(stored, value):
            continue  # both tabs made the same change
        if path in policy.union and isinstance(value, list):
            others = stored if isinstance(stored, list) else []
            if put(merged, path, sorted({*others, *value})):
                continue
        if (_same(stored, value_at(base, path)) or path[:1] in policy.mine_wins) and put(merged, path, value):
            continue
        conflicts.append(Conflict(path=path, mine=_shown(value), theirs=_shown(stored),
                                  removed=value is MISSING))
    return merged, conflicts


def every_change_conflicts(base: dict[str, Any], theirs: dict[str, Any],
                           mine: dict[str, Any]) -> list[Conflict]:
    """When a merge would not make a valid session: each of this tab's changes that the stored
    session does not already hold is reported, and the stored session stays as it is."""
    return [Conflict(path=path, mine=_shown(value), theirs=_shown(value_at(theirs, path)),
                     removed=value is MISSING)
            for path, value in changes(base, mine).items() if not _same(value_at(theirs, path), value)]
