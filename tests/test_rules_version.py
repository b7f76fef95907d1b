"""The rules' version in words ("versie van de regels: 1 december 2026") comes from the rules
themselves: rules/_version.yaml declares the date beside the content mark of the rule files, and
`check` fails as soon as a rule changes without a new date, so the colophon cannot go stale."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from keuzehulp import Profile, advise
from keuzehulp.dutch.dates import dutch_date
from keuzehulp.report.build import build_report
from keuzehulp.rules.ruleset import RULES_DIR, load_rules
from keuzehulp.rules.version import VERSION_FILE, content_mark, read_version, version_problems

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "rules"
    shutil.copytree(RULES_DIR, copy)
    return copy


def _stamp(directory: Path, day: str, mark: str) -> None:
    (directory / VERSION_FILE).write_text(f'date: {day}\ncontent: "{mark}"\n', encoding="utf-8")


def test_the_project_stamp_matches_the_rule_files_as_they_are() -> None:
    assert version_problems(RULES_DIR) == []


def test_footer_and_colophon_show_the_date_declared_in_the_rules() -> None:
    declared, _ = read_version(RULES_DIR)
    advice = advise(Profile())
    assert advice.rules_date == declared.date
    assert advice.model_dump(mode="json")["rules_date"] == declared.date.isoformat()
    report = build_report(advice, today=date(2026, 12, 24))
    assert f"versie van de regels: {dutch_date(declared.date)}" in report.footer
    assert f"Versie van de regels: {dutch_date(declared.date)} (kenmerk {advice.rules_version})" in report.colophon


def test_a_new_stamp_gives_a_new_date_in_words(rules_copy: Path) -> None:
    _stamp(rules_copy, "2027-03-15", content_mark(rules_copy))
    ruleset = load_rules(rules_copy)
    assert ruleset.version_date == date(2027, 3, 15)
    assert version_problems(rules_copy, today=date(2027, 3, 15)) == []
    advice = advise(Profile()).model_copy(update={"rules_date": ruleset.version_date})
    assert "versie van de regels: 15 maart 2027" in build_report(advice, today=date(2027, 3, 16)).footer


def test_changing_a_rule_without_a_new_stamp_is_reported_with_the_new_mark(rules_copy: Path) -> None:
    path = rules_copy / "matching.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# een kleine wijziging\n", encoding="utf-8")
    new_mark = content_mark(rules_copy)
    (problem,) = version_problems(rules_copy)
    assert problem.file.endswith("rules/_version.yaml") and problem.line == 6
    stamped = yaml.safe_load((rules_copy / "_version.yaml").read_text(encoding="utf-8"))["date"]
    assert f"the rules changed since {stamped}" in problem.message and new_mark in problem.message
    # `check` fails on it, with file and line
    result = subprocess.run([sys.executable, "-m", "keuzehulp", "check", "--rules", str(rules_copy)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 1
    assert "_version.yaml:6: content: the rules changed" in result.stdout
    # following the message makes it clean again
    _stamp(rules_copy, "2026-12-01", new_mark)
    assert version_problems(rules_copy, today=date(2026, 12, 1)) == []


def test_the_stamp_itself_does_not_change_the_mark(rules_copy: Path) -> None:
    before = content_mark(rules_copy)
    _stamp(rules_copy, "2026-11-30", before)
    assert content_mark(rules_copy) == before == load_rules(rules_copy).version


def test_a_missing_or_future_stamp_is_a_problem_and_the_report_says_unknown(rules_copy: Path) -> None:
    _stamp(rules_copy, "2030-01-01", content_mark(rules_copy))
    (future,) = version_problems(rules_copy, today=date(2026, 12, 1))
    assert future.line == 1 and "lies in the future" in future.message
    (rules_copy / VERSION_FILE).unlink()
    (missing,) = version_problems(rules_copy)
    assert missing.file.endswith("_version.yaml") and "missing" in missing.message
    assert load_rules(rules_copy).version_date is None  # the rules still load; `check` says why
    advice = advise(Profile()).model_copy(update={"rules_date": None})
    assert "versie van de regels: onbekend" in build_report(advice, today=date(2026, 12, 1)).footer
