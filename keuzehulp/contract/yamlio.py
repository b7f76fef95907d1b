"""YAML that remembers where things are: every content problem is reported as file:line.

Shared by the loaders of rules/, knowledge/ front matter and texts/. Duplicate keys are an
error (PyYAML would silently keep the last one), and pydantic error locations are mapped
back to the line they came from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a content file, printed as `file:line: message`."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class ContentError(Exception):
    """All problems found in one pass over the content."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class LineDict(dict):
    """A mapping that knows its own line and each key's line (1-based)."""

    line: int = 0
    lines: dict[Any, int]


class LineList(list):
    """A sequence that knows its own line and each item's line (1-based)."""

    line: int = 0
    lines: list[int]


class _Duplicate(Exception):
    def __init__(self, key: Any, line: int, first: int):
        self.key, self.line, self.first = key, line, first


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in result.lines:
            raise _Duplicate(key, line, result.lines[key])
        result.lines[key] = line
        result[key] = loader.construct_object(value_node, deep=True)
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.lines = [child.start_mark.line + 1 for child in node.value]
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as a person finds it: relative to the project root where possible."""
    root = root or Path(__file__).resolve().parents[2]
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def load_yaml_text(text: str, file: str, line_offset: int = 0) -> tuple[Any, list[Problem]]:
    """Parse YAML text; return (data, problems). Lines are shifted by line_offset."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except _Duplicate as dup:
        msg = f"duplicate key '{dup.key}' (first at line {dup.first + line_offset})"
        return None, [Problem(file, dup.line + line_offset, msg)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        return None, [Problem(file, line, f"not valid YAML: {exc.problem or exc}")]
    except yaml.YAMLError as exc:
        return None, [Problem(file, 1 + line_offset, f"not valid YAML: {exc}")]
    _shift(data, line_offset)
    return data, []


def load_yaml_file(path: Path) -> tuple[Any, list[Problem]]:
    file = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(file, 1, f"cannot read file: {exc}")]
    return load_yaml_text(text, file)


def _shift(data: Any, offset: int) -> None:
    if not offset:
        return
    if isinstance(data, LineDict):
        data.line += offset
        data.lines = {k: v + offset for k, v in data.lines.items()}
        for value in data.values():
            _shift(value, offset)
    elif isinstance(data, LineList):
        data.line += offset
        data.lines = [v + offset for v in data.lines]
        for value in data:
            _shift(value, offset)


def line_of(data: Any, loc: Iterable[Any], default: int = 1) -> int:
    """The line of the deepest node that a pydantic error location reaches."""
    line = getattr(data, "line", 0) or default
    node = data
    for part in loc:
        if isinstance(node, LineDict) and part in node:
            line = node.lines.get(part, line)
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.lines[part]
            node = node[part]
        else:
            break
    return line


def format_loc(loc: Iterable[Any]) -> str:
    """('when', 'all', 2, 'op') -> 'when.all[2].op'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def validation_problems(
    exc: ValidationError, data: Any, file: str, prefix: Sequence[Any] = ()
) -> list[Problem]:
    """Turn a pydantic error into file:line problems, one per wrong field."""
    problems = []
    for err in exc.errors():
        # Drop pydantic's union/tag bookkeeping parts, which are not keys in the file.
        loc = [p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
        where = format_loc([*prefix, *loc])
        message = err["msg"]
        if err["type"] == "extra_forbidden":
            message = "unknown key"
        elif err["type"] == "literal_error":
            allowed = err.get("ctx", {}).get("expected", "")
            message = f"{err.get('input')!r} is not one of [{allowed}]"
        line = line_of(data, loc, default=getattr(data, "line", 1) or 1)
        problems.append(Problem(file, line, f"{where}: {message}" if where else message))
    return problems


M = TypeVar("M", bound=BaseModel)


def load_model_file(model: type[M], path: Path) -> tuple[M, Any, str]:
    """A YAML content file read into its pydantic model: (value, the raw data with lines, the
    file's display path), or ContentError with every YAML and model problem at once as file:line."""
    file = display_path(path)
    data, problems = load_yaml_file(path)
    if problems:
        raise ContentError(problems)
    try:
        return model.model_validate(data), data, file
    except ValidationError as exc:
        raise ContentError(validation_problems(exc, data, file)) from None


def load_checked(
    model: type[M], path: Path, check: Callable[[Any, M, str], list[Problem]]
) -> M:
    """load_model_file, then the file's own checks: check(data, value, file) returns the
    problems the model cannot see (coverage, cross-references); raise ContentError with them."""
    value, data, file = load_model_file(model, path)
    problems = check(data, value, file)
    if problems:
        raise ContentError(problems)
    return value


def validate_part(
    model: type[M], value: Any, file: str, loc: Sequence[Any], problems: list[Problem]
) -> M | None:
    """One part of a content file (`value`, found at `loc`) read into its model; on failure
    None, with one file:line problem per wrong field added to `problems`."""
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        # Lines come from the node itself; the location printed is the full path.
        problems.extend(validation_problems(exc, value, file, loc))
        return None


def require_keys(model: BaseModel, expected: dict[str, Iterable[str]]) -> None:
    """For a texts file's model: every key each mapping must have ("deelproducten": DEELPRODUCT_IDS;
    a dotted name for a mapping inside another part, "region.scale_source"), or a ValueError that
    names each missing one as its place in the file ("deelproducten.map")."""
    missing = []
    for name, keys in expected.items():
        mapping: Any = model
        for part in name.split("."):
            mapping = getattr(mapping, part)
        missing += [f"{name}.{key}" for key in keys if key not in mapping]
    if missing:
        raise ValueError(f"missing: {', '.join(missing)}")


def checked_items(model: type[M], items: Sequence[Any], data: Any, file: str, key: str,
                  problems: list[Problem], noun: str) -> Iterator[tuple[int, Any, M]]:
    """The list `key` of a content file, item by item: each validated as `model` (its problems
    noted, the item then left out) and a problem for an id used before, naming that `noun`'s
    line. Yields (index, the raw item, the model) of every valid item."""
    seen: dict[str, int] = {}
    for i, raw in enumerate(items):
        spec = validate_part(model, raw, file, (key, i), problems)
        if spec is None:
            continue
        ident, line = spec.id, line_of(data, (key, i))
        if ident in seen:
            problems.append(Problem(file, line, f"{ident}: the same id as the {noun} on line {seen[ident]}"))
        seen.setdefault(ident, line)
        yield i, raw, spec
