"""Data-driven region cases (tests/cases/region/*.yaml): the advised scale per deelproduct, the
reasons (rule ids of region/scales.yaml) that must and must not appear, who could go alone,
the lead, which decisions differ between the municipalities and which answers say why."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict

from keuzehulp.contract.yamlio import load_yaml_file
from keuzehulp.region.costs import region_summary
from keuzehulp.region.model import parse_region
from keuzehulp.report import region as writer

CASES = Path(__file__).resolve().parent / "cases" / "region"


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    region: dict[str, Any]
    scales: dict[str, str]
    reasons_contain: dict[str, list[str]] = {}
    reasons_lack: dict[str, list[str]] = {}
    alone_in_time: dict[str, list[str]] = {}
    lead: dict[str, str] = {}
    differences: list[str] = []
    why_contains: dict[str, list[str]] = {}
    summary_contains: list[str] = []


def _cases() -> list[Case]:
    out = []
    for path in sorted(CASES.glob("*.yaml")):
        data, problems = load_yaml_file(path)
        assert not problems, problems
        out += [Case.model_validate(c) for c in data]
    return out


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c.name)
def test_region_case(case: Case) -> None:
    view = region_summary(parse_region(json.dumps({"schema_version": 1, "kind": "keuzehulp-regio", **case.region})))
    by_id = {d.id: d for d in view.deelproducten}
    assert {d: by_id[d].advised_scale for d in case.scales} == case.scales
    for d, want in case.reasons_contain.items():
        rules = {r.rule.removeprefix("region/") for r in by_id[d].reasons}
        assert set(want) <= rules, (d, sorted(set(want) - rules))
    for d, never in case.reasons_lack.items():
        rules = {r.rule.removeprefix("region/") for r in by_id[d].reasons}
        assert not set(never) & rules, (d, sorted(set(never) & rules))
    for d, names in case.alone_in_time.items():
        assert by_id[d].alone_in_time == names, d
    for d, name in case.lead.items():
        assert by_id[d].lead == name, d
    assert [x.decision for x in view.differences] == case.differences
    for decision, fragments in case.why_contains.items():
        why = " | ".join(next(x for x in view.differences if x.decision == decision).why)
        for fragment in fragments:
            assert fragment in why, (decision, fragment, why)
    summary = writer.render("md", view, date(2026, 12, 6)).decode()
    for fragment in case.summary_contains:
        assert fragment in summary, fragment
