"""One deliberately broken rule file per kind of mistake: the right message on the right line.

Each fixture under tests/fixtures/rules-broken/<case>/ replaces one file of the real rules/;
the lines where a problem must be reported carry a comment `# expect: <message fragment>`.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from keuzehulp.contract.yamlio import ContentError
from keuzehulp.rules.ruleset import RULES_DIR, load_rules

from tests.fixture_expect import assert_reported, expected_problems

FIXTURES = Path(__file__).parent / "fixtures" / "rules-broken"
CASES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES)
def test_broken_rule_file_is_reported_with_file_and_line(case: str, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    (broken,) = (FIXTURES / case).glob("*.yaml")
    shutil.copy(broken, rules / broken.name)
    expected = expected_problems(broken)
    assert expected, f"fixture {case} marks no expected problem"

    with pytest.raises(ContentError) as info:
        load_rules(rules)

    # A minimal fixture leaves out the file's other elements; those follow-ups are not the point.
    problems = [p for p in info.value.problems if "has no entry" not in p.message]
    assert all(p.file.endswith(f"rules/{broken.name}") for p in problems), problems
    assert_reported(problems, expected)


def test_messages_read_as_file_line_message() -> None:
    with pytest.raises(ContentError) as info:
        rules = FIXTURES / "bad-operator"
        load_rules(rules)
    text = str(info.value)
    assert re.search(r"training_format\.yaml:\d+: ", text)


def test_real_rules_load_cleanly() -> None:
    ruleset = load_rules()
    assert ruleset.count > 100
    assert re.fullmatch(r"[0-9a-f]{12}", ruleset.version)
