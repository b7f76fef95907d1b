"""The one convention for deliberately broken content fixtures: the line where a problem must
be reported carries a comment `# expect: <message fragment>` (YAML), or `<!-- expect: ... -->`
(Markdown). Used by the rule, field and knowledge fixtures."""

from __future__ import annotations

import re
from pathlib import Path

EXPECT = re.compile(r"(?:#|<!--)\s*expect:\s*(.+?)\s*(?:-->)?\s*$")


def expected_problems(path: Path) -> list[tuple[int, str]]:
    """(line, message fragment) for every marked line of one fixture file."""
    return [
        (number, match.group(1))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if (match := EXPECT.search(line))
    ]
