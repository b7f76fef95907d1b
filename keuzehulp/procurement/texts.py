"""texts/procurement.yaml: the Dutch words of the building blocks, checked complete at load."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from keuzehulp.contract.yamlio import load_model_file, require_keys
from keuzehulp.procurement.content import DEELPRODUCTEN, KINDS
from keuzehulp.region.content import SCALE_IDS

TEXTS_PATH = Path(__file__).resolve().parents[2] / "texts" / "procurement.yaml"


class RegionTexts(BaseModel):
    """How a deelproduct is bought in a region: labelled parts, so no sentence needs a plural."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    intro: str
    scale: str
    scale_source: dict[str, str]
    alone: str
    lead: str
    members: str
    not_joining: str
    volume: str
    beyond: str
    column: str


class SummaryTexts(BaseModel):
    """The choice summary's line on page 1 and its annex (keuzehulp/report/procurement_part.py)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str
    prices_ok: str
    line: str
    title: str
    intro: str
    columns: list[str]


class SlideTexts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kicker: str
    title: str
    leerroutes: str
    route_names: dict[str, str]
    columns: list[str]
    volume_unknown: str
    volume_note: str
    together: str
    price: str
    more: str


class ProcurementTexts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    intro: str
    disclaimer: str
    design: str
    choice_source: dict[str, str]
    no_route_shares: str
    prices_title: str
    price_ok: str
    changes_title: str
    changes_added: str
    changes_removed: str
    changes_none: str
    follows_from: str
    basis: str
    deelproducten: dict[str, str]
    kinds: dict[str, str]
    names: dict[str, str]
    scales: dict[str, str]
    region: RegionTexts
    summary: SummaryTexts
    slide: SlideTexts

    @model_validator(mode="after")
    def _complete(self) -> ProcurementTexts:
        require_keys(self, {"deelproducten": DEELPRODUCTEN, "kinds": KINDS, "choice_source": ("team", "advice"),
                            "scales": SCALE_IDS, "region.scale_source": ("region", "advice")})
        return self


def load_texts(path: Path = TEXTS_PATH) -> ProcurementTexts:
    return load_model_file(ProcurementTexts, path)[0]


@lru_cache(maxsize=1)
def texts() -> ProcurementTexts:
    return load_texts()
