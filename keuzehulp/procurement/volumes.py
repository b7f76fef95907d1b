"""Inburgeraars per year per deelproduct, from the municipalities' answers (the intake, the
route mix, the share of family migrants): what the building blocks buy, for one municipality
or for the municipalities that buy together (summed before rounding, as the regional view sums
the intake per route)."""

from __future__ import annotations

from keuzehulp.contract.schema import Profile

ROUTES = {"leerroute_b1": "b1", "leerroute_onderwijs": "onderwijs", "leerroute_z": "z"}
# Deelproducten for the inburgeraars in the B1-route and the Z-route only (the onderwijsroute
# counts as participation and has no MAP; handreiking q1, footnote; knowledge/facts/map.md).
# The employers approached are for the same people as the participation places.
NOT_ONDERWIJS = ("map", "training", "participatieplaatsen", "werkgeversbenadering")


def _raw(profile: Profile) -> dict[str, float | None]:
    intake = profile.annual_intake
    shares = None if profile.route_shares is None else profile.route_shares.model_dump()
    out: dict[str, float | None] = {}
    for deelproduct, route in ROUTES.items():
        out[deelproduct] = None if shares is None else intake * shares[route] / 100
    practical = None if shares is None else intake * (shares["b1"] + shares["z"]) / 100
    for deelproduct in NOT_ONDERWIJS:
        out[deelproduct] = practical
    out["pvt"] = intake
    # Maatschappelijke begeleiding and financial ontzorgen are for asylum status holders; family
    # migrants arrange their own (the cost model's assumption kosten-gezinsmigranten).
    family = profile.family_migrant_share
    status_holders = intake if family is None else intake * (100 - family) / 100
    for deelproduct in ("maatschappelijke_begeleiding", "ontzorgen"):
        out[deelproduct] = status_holders
    return out


def volumes_of(profiles: list[Profile]) -> dict[str, int | None]:
    """Inburgeraars per year per deelproduct of these municipalities together (one: her own);
    None where a route mix is needed but one of them has none."""
    parts = [_raw(p) for p in profiles]
    out: dict[str, int | None] = {}
    for key in parts[0]:
        values = [part[key] for part in parts]
        out[key] = None if any(v is None for v in values) else round(sum(v for v in values if v is not None))
    return out
