"""JSON: the advice with its profile, plus the team's input and scenarios when a session exists,
and the assumptions register (`assumptions`) that every reason with basis "aanname" names.

Uploading this file in the app resumes the session: inputs.parse_session reads an exported
advice and takes `profile`, `team`, `scenarios` and `active_scenario` from it.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from .model import Report


def render_json(r: Report) -> bytes:
    data = r.advice.model_dump(mode="json")
    if r.session is not None:
        data["team"] = r.session.team.model_dump(mode="json")
        data["scenarios"] = [s.model_dump(mode="json") for s in r.session.scenarios]
        data["active_scenario"] = r.session.active_scenario
        if r.session.workshop is not None:  # the votes, never the facilitator's secret
            data["workshop"] = r.session.workshop.model_dump(mode="json", exclude={"secret"})
    # The register of the keuzehulp's own assumptions that reasons with basis "aanname" name.
    data["assumptions"] = [asdict(a) for a in r.assumptions]
    if r.session is not None:  # the team's amounts, so an uploaded export resumes them too
        data["costs"] = r.session.costs.model_dump(mode="json")
    if r.costs is not None:  # what the downloads show: tables as header + rows
        data["cost_summary"] = asdict(r.costs)
    if r.procurement is not None:  # the building blocks of this design (DOMAIN.md, "Procurement")
        data["procurement"] = r.procurement.data
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
