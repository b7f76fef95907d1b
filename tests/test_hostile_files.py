"""Hostile files (tests/hostile/files.yaml) through the CLI and the app's upload.

What a person would notice: the obvious reading of the file, or a short Dutch message that
names the field, exit code 2 on the command line, and never a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from keuzehulp.contract.yamlio import load_yaml_file
from pydantic import BaseModel, ConfigDict
from ui.session.files import read_upload

from keuzehulp import cli

ROOT = Path(__file__).resolve().parent.parent
CASES_FILE = Path(__file__).parent / "hostile" / "files.yaml"
MAX_MESSAGE_CHARS = 700  # "a few hundred characters in all", whatever the file holds


class FileCase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    body: str = ""
    raw_hex: str = ""
    bom: bool = False
    repeat: dict[str, tuple[str, int]] = {}
    profile: dict[str, Any] | None = None
    messages: list[str] = []

    def raw(self) -> bytes:
        if self.raw_hex:
            return bytes.fromhex(self.raw_hex)
        body = self.body
        for marker, (text, times) in self.repeat.items():
            piece = "".join(text.replace("{i}", str(i)) for i in range(times)) if "{i}" in text else text * times
            body = body.replace(marker, piece)
        data = body.encode("utf-8", errors="surrogatepass")
        return b"\xef\xbb\xbf" + data if self.bom else data


def _cases() -> list[Any]:
    data, problems = load_yaml_file(CASES_FILE)
    assert not problems, problems
    cases = [FileCase.model_validate(raw) for raw in data]
    for case in cases:
        assert (case.profile is None) != (not case.messages), f"{case.name}: profile or messages, not both"
    return [pytest.param(case, id=case.name) for case in cases]


CASES = _cases()


@pytest.mark.parametrize("case", CASES)
def test_upload_reads_the_obvious_or_refuses_in_short_dutch(case: FileCase) -> None:
    session, messages = read_upload(case.raw())
    if case.profile is not None:
        assert session is not None, messages
        for name, value in case.profile.items():
            assert getattr(session.profile, name) == value, name
        return
    assert session is None
    text = "\n".join(messages)
    assert len(text) <= MAX_MESSAGE_CHARS, f"{len(text)} characters"
    for fragment in case.messages:
        assert fragment in text, (fragment, text)


@pytest.mark.parametrize("case", CASES)
def test_cli_reads_the_obvious_or_exits_2_in_short_dutch(
        case: FileCase, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "invoer.json"
    path.write_bytes(case.raw())
    out = tmp_path / "advies.json"
    code = cli.main(["advise", str(path), "-o", str(out)])
    err = capsys.readouterr().err
    if case.profile is not None:
        assert code == 0, err
        import json

        profile = json.loads(out.read_text(encoding="utf-8"))["profile"]
        for name, value in case.profile.items():
            assert profile[name] == value, name
        return
    assert code == 2
    assert "Traceback" not in err and len(err) <= MAX_MESSAGE_CHARS + 40, err[:300]
    for fragment in case.messages:
        assert fragment in err, (fragment, err)


@pytest.mark.parametrize("body", [b'{"annual_intake": ' + b"9" * 5000 + b"}", b"[" * 100000])
def test_a_real_cli_process_never_prints_a_traceback(body: bytes) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "keuzehulp", "advise", "-"], input=body,
                          capture_output=True, cwd=ROOT, env=env, timeout=60)
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2 and err.startswith("Fout: ") and "Traceback" not in err, err[:500]


def test_the_same_partners_in_another_order_are_no_change() -> None:
    """Partners are a set: picked in another order (multiselect, file or link) they make the
    same answers, so no 'De antwoorden zijn gewijzigd' and no '≠ Verschilt' in a comparison."""
    from keuzehulp.contract.schema import Profile
    from keuzehulp.report.compare import compare

    one = Profile(partners=["vocational_college", "language_provider", "social_support"])
    other = Profile(partners=["social_support", "language_provider", "vocational_college"])
    assert one == other
    assert [f.label for f in compare([("A", one), ("B", other)]).differing_fields] == []
