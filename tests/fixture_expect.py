"""The one convention for deliberately broken content fixtures: the line where a problem must
be reported carries a comment `# expect: <message fragment>` (YAML, also in Markdown front
matter), or `<!-- expect: ... -->` (a Markdown body). A problem on a line that cannot carry a
comment (the opening `---` of a page) is marked elsewhere as `expect at line N: ...`.
Used by the rule, field, assumption and knowledge fixtures."""

from __future__ import annotations

import re
from pathlib import Path

EXPECT = re.compile(r"(?:#|<!--)\s*expect(?:\s+at\s+line\s+(\d+))?:\s*(.+?)\s*(?:-->)?\s*$")


def expected_problems(path: Path) -> list[tuple[int, str]]:
    """(line, message fragment) for every marked line of one fixture file."""
    return [
        (int(match.group(1) or number), match.group(2))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if (match := EXPECT.search(line))
    ]


def expected_in_tree(root: Path, pattern: str = "*") -> list[tuple[str, int, str]]:
    """(file relative to root, line, message fragment) for every marked line under root."""
    return [
        (path.relative_to(root).as_posix(), line, fragment)
        for path in sorted(root.rglob(pattern)) if path.is_file()
        for line, fragment in expected_problems(path)
    ]


def assert_reported(problems: list, expected: list[tuple[int, str]] | list[tuple[str, int, str]],
                    file_of=None) -> None:
    """Every expected problem is reported on its line (and file), and nothing else is."""
    for want in expected:
        *where, line, fragment = want
        assert any(p.line == line and fragment in p.message
                   and (not where or file_of(p) == where[0]) for p in problems), (want, problems)
    assert len(problems) == len(expected), problems
