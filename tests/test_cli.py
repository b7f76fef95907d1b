"""`python -m keuzehulp`: what a user at the terminal sees, including bad input (exit 2, Dutch)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from keuzehulp.report import FORMATS

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: str | bytes = b"") -> subprocess.CompletedProcess[str]:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "keuzehulp", *args], input=data, capture_output=True,
                          cwd=ROOT, env=env, timeout=60)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8"),
                                       proc.stderr.decode("utf-8"))


def test_advise_reads_stdin_and_prints_the_advice_as_json() -> None:
    result = run("advise", "-", stdin='{"municipality": "Lochem", "annual_intake": 9}')
    assert result.returncode == 0, result.stderr
    advice = json.loads(result.stdout)
    assert advice["profile"]["municipality"] == "Lochem"
    assert advice["decisions"]["training_format"]["choice"] == "individual"
    assert len(advice["elements"]) == 15
    assert "inburgeraars" in result.stdout  # UTF-8 Dutch, not \\u escapes
    assert "\\u" not in result.stdout


def test_advise_reads_a_file_and_writes_to_output(tmp_path: Path) -> None:
    profile = tmp_path / "profiel.json"
    profile.write_text('{"annual_intake": 200, "level_mix": "similar"}', encoding="utf-8")
    out = tmp_path / "advies.json"
    result = run("advise", str(profile), "-o", str(out))
    assert result.returncode == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["decisions"]["training_format"]["choice"] == "group"


def test_advise_accepts_a_saved_session() -> None:
    session = {"kind": "keuzehulp-sessie", "profile": {"annual_intake": 9}}
    result = run("advise", "-", stdin=json.dumps(session))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["profile"]["annual_intake"] == 9


@pytest.mark.parametrize(
    ("stdin", "fragments"),
    [
        ("niet json", ["geen geldige JSON"]),
        ("", ["leeg"]),
        ("[1, 2]", ["lijst"]),
        ('{"annual_intake": 30, "onbekend": 1}', ["'onbekend'", "kennen we niet"]),
        ('{"annual_intake": "veel"}', ["annual_intake", "heel getal"]),
        ('{"max_wait_months": 99}', ["max_wait_months", "te groot"]),
        ('{"annual_intake": -1, "level_mix": "gemengd"}', ["annual_intake", "te klein", "level_mix", "kies uit"]),
        ('{"municipality": "' + "x" * 101 + '"}', ["municipality", "te lang"]),
    ],
)
def test_bad_profile_exits_2_with_a_dutch_message_per_field(stdin: str, fragments: list[str]) -> None:
    result = run("advise", "-", stdin=stdin)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr


def test_missing_file_exits_2() -> None:
    result = run("advise", "bestaat-niet.json")
    assert result.returncode == 2 and "bestaat niet" in result.stderr and "Traceback" not in result.stderr


def test_unknown_command_and_format_exit_2_in_dutch() -> None:
    assert run("adviseer").returncode == 2
    result = run("advise", "-", "--format", "xls", stdin="{}")
    assert result.returncode == 2 and "ongeldige keuze" in result.stderr


def test_binary_format_needs_an_output_file() -> None:
    result = run("advise", "-", "--format", "docx", stdin="{}")
    assert result.returncode == 2 and "-o BESTAND" in result.stderr


# How each MIME type of the registry starts, so a file can be told from an error message.
_MAGIC = {"application/pdf": b"%PDF", "application/json": b"{", "text/markdown": b"# ",
          "text/html": b"<!DOCTYPE html>",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document": b"PK"}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_registered_format_is_written_by_the_cli(fmt: str, tmp_path: Path) -> None:
    """The CLI takes its --format choices from the report registry: a new format works there too."""
    spec = FORMATS[fmt]
    out = tmp_path / f"advies.{spec.extension}"
    result = run("advise", "-", "--format", fmt, "-o", str(out), stdin='{"municipality": "Lochem"}')
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(_MAGIC[spec.mime]), out.read_bytes()[:40]
    to_screen = run("advise", "-", "--format", fmt, stdin='{"municipality": "Lochem"}')
    if spec.is_text:
        assert to_screen.returncode == 0 and "Lochem" in to_screen.stdout
    else:
        assert to_screen.returncode == 2 and "-o BESTAND" in to_screen.stderr


def test_schema_prints_the_profile_json_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert "annual_intake" in schema["properties"]
    assert schema["additionalProperties"] is False
    # Each field's declaration gives its Dutch question and help.
    assert schema["properties"]["annual_intake"]["title"] == "Hoeveel nieuwe inburgeraars verwacht u per jaar?"
    assert schema["properties"]["annual_intake"]["maximum"] == 10000


def test_check_reports_a_broken_rule_as_file_line_and_exits_1(tmp_path: Path) -> None:
    import shutil

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    shutil.copy(ROOT / "tests/fixtures/rules-broken/bad-operator/training_format.yaml", rules)
    result = run("check", "--rules", str(rules))
    assert result.returncode == 1
    assert "training_format.yaml:23: rules[0].when.all[1].op: 'gte' is not one of" in result.stdout


def test_check_is_clean_on_the_project() -> None:
    result = run("check")
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("Alles in orde:")


def test_report_formats_go_through_the_report_renderer(tmp_path: Path) -> None:
    md = run("advise", "-", "--format", "md", stdin='{"municipality": "Lochem", "annual_intake": 9}')
    assert md.returncode == 0, md.stderr
    assert "Lochem" in md.stdout
    out = tmp_path / "keuzeoverzicht.pdf"
    pdf = run("advise", "-", "--format", "pdf", "-o", str(out), stdin="{}")
    assert pdf.returncode == 0, pdf.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_unwritable_output_exits_2(tmp_path: Path) -> None:
    result = run("advise", "-", "-o", str(tmp_path / "geen-map" / "advies.json"), stdin="{}")
    assert result.returncode == 2 and "Kan niet schrijven" in result.stderr
