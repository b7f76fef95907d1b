"""The region file (DOMAIN.md, "Region"): a region name, 2 to 15 municipalities' profiles with
unique names, and the region's own choices; read with a Dutch message per problem (InputError,
as keuzehulp/contract/inputs.py reads a profile).

Extensions beside DOMAIN.md's shape, all optional: `route_shares` inside a municipality's
profile (DOMAIN.md's schema_version 3 field, read here until this branch's Profile carries it),
`subregions` (lists of names), `lead` and `joins` per deelproduct, `cost_split`
("participants", "equal" or percentages per municipality), `actions` (what, who, when) and
`votes`: the regional workshop's votes on the scale as the facilitator recorded them, per
deelproduct per municipality per scale (keuzehulp/region/votes.py shows their spread).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from keuzehulp.contract.inputs import InputError, field_problems, parse_json
from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import Profile, RouteShares
from keuzehulp.dutch.numbers import dutch_number

from .content import DEELPRODUCT_IDS, SCALE_IDS

MIN_MUNICIPALITIES, MAX_MUNICIPALITIES = 2, 15
DeelproductId = Literal[DEELPRODUCT_IDS]  # type: ignore[valid-type]
ScaleId = Literal[SCALE_IDS]  # type: ignore[valid-type]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
# Fields of DOMAIN.md's profile schema_version 3 that this branch's Profile does not hold yet.
PROFILE_V3_FIELDS = ("route_shares", "family_migrant_share")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RegionAction(_Strict):
    municipality: Name | None = None  # None: the region as a whole
    deelproduct: DeelproductId | None = None
    action: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
    owner: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] = ""
    due: dt.date | None = None


class Region(_Strict):
    schema_version: Literal[1] = 1
    kind: Literal["keuzehulp-regio"] = "keuzehulp-regio"
    region: Name
    municipalities: list[Profile] = Field(min_length=MIN_MUNICIPALITIES, max_length=MAX_MUNICIPALITIES)
    scale: dict[DeelproductId, ScaleId] = Field(default_factory=dict)
    route_shares: dict[Name, RouteShares] = Field(default_factory=dict)
    subregions: list[list[Name]] = Field(default_factory=list)
    lead: dict[DeelproductId, Name] = Field(default_factory=dict)
    joins: dict[DeelproductId, list[Name]] = Field(default_factory=dict)
    cost_split: Literal["participants", "equal"] | dict[Name, float] = "participants"
    actions: list[RegionAction] = Field(default_factory=list, max_length=200)
    votes: dict[DeelproductId, dict[Name, dict[ScaleId, Annotated[int, Field(ge=0, le=10_000)]]]] = Field(
        default_factory=dict)

    @property
    def names(self) -> list[str]:
        return [p.municipality for p in self.municipalities]

    def profile(self, name: str) -> Profile:
        return next(p for p in self.municipalities if p.municipality == name)

    @model_validator(mode="after")
    def _names_known_and_unique(self) -> Region:
        seen: set[str] = set()
        for i, p in enumerate(self.municipalities, start=1):
            name = p.municipality.strip()
            if not name:
                raise ValueError(f"gemeente {i} heeft geen naam; elke gemeente in de regio heeft een eigen naam")
            if name.casefold() in seen:
                raise ValueError(f"de gemeente '{name}' staat twee keer in de regio")
            seen.add(name.casefold())
            if name != p.municipality:
                object.__setattr__(p, "municipality", name)
        names = set(self.names)

        def known(name: str, where: str) -> None:
            if name not in names:
                raise ValueError(f"{where}: '{name}' is geen gemeente van deze regio")

        for name in self.route_shares:
            known(name, "verdeling over de leerroutes")
        # The route mix is an answer of each municipality (Profile schema 3); a top-level
        # `route_shares` per name fills in where a profile has none.
        for p in self.municipalities:
            if p.route_shares is not None and p.municipality not in self.route_shares:
                self.route_shares[p.municipality] = p.route_shares
        placed: set[str] = set()
        for group in self.subregions:
            for name in group:
                known(name, "subregio's")
                if name in placed:
                    raise ValueError(f"subregio's: '{name}' staat in meer dan één subregio")
                placed.add(name)
        for d, name in self.lead.items():
            known(name, f"trekker van {d}")
        for d, group in self.joins.items():
            for name in group:
                known(name, f"wie meedoet aan {d}")
        if isinstance(self.cost_split, dict):
            for name in self.cost_split:
                known(name, "verdeling van de kosten")
            if any(v < 0 for v in self.cost_split.values()):
                raise ValueError("verdeling van de kosten: een percentage kan niet negatief zijn")
            total = sum(self.cost_split.values())
            if abs(total - 100) > 0.5:
                raise ValueError(f"verdeling van de kosten: de percentages tellen op tot {dutch_number(total)}; "
                                 "samen moet dat 100 zijn")
        for action in self.actions:
            if action.municipality is not None:
                known(action.municipality, "actie")
        for d, per_name in self.votes.items():
            for name in per_name:
                known(name, f"stemmen over {d}")
        return self


def _where(path: str, data: Any) -> str:
    """'municipalities.2.annual_intake' -> "Gemeente 3 (Zaltbommel), 'Instroom per jaar'"."""
    parts = [part for part in path.split(".") if part != "[key]"]
    path = ".".join(parts)
    if len(parts) >= 2 and parts[0] == "municipalities" and parts[1].isdigit():
        i = int(parts[1])
        name = ""
        try:
            name = str(data["municipalities"][i].get("municipality", "")).strip()
        except (AttributeError, IndexError, KeyError, TypeError):
            pass
        out = f"gemeente {i + 1}" + (f" ({name[:40]})" if name else "")
        if len(parts) >= 3:
            field = parts[2]
            out += f", '{labels().field(field)}'" if field in labels().fields else f", '{field[:40]}'"
        return out
    return f"'{path[:60]}'" if path else "het regiobestand"


def parse_region(raw: bytes | str) -> Region:
    """A Region from the bytes of a region file, or InputError with Dutch messages."""
    data = parse_json(raw)
    if not isinstance(data, dict):
        raise InputError(["Een regiobestand is een JSON-object met 'region' en 'municipalities'."])
    if data.get("kind") not in (None, "keuzehulp-regio"):
        raise InputError(["Dit is geen regiobestand van de keuzehulp ('kind' moet 'keuzehulp-regio' zijn)."])
    municipalities = data.get("municipalities")
    if isinstance(municipalities, list) and not MIN_MUNICIPALITIES <= len(municipalities) <= MAX_MUNICIPALITIES:
        raise InputError([f"Een regio heeft {MIN_MUNICIPALITIES} tot en met {MAX_MUNICIPALITIES} gemeenten; "
                          f"dit bestand heeft er {len(municipalities)}."])
    try:
        return Region.model_validate(data)
    except ValidationError as exc:
        messages = []
        for path, message in field_problems(exc):
            where = _where(path, data)
            messages.append(f"{where[:1].upper() + where[1:]}: {message}" if path else message[:1].upper() + message[1:])
        raise InputError(messages) from None
