"""texts/procurement.yaml: the Dutch words of the building blocks, checked complete at load."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from keuzehulp.contract.yamlio import load_model_file
from keuzehulp.procurement.content import DEELPRODUCTEN, KINDS

TEXTS_PATH = Path(__file__).resolve().parents[2] / "texts" / "procurement.yaml"


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

    @model_validator(mode="after")
    def _complete(self) -> ProcurementTexts:
        missing = [f"deelproducten.{d}" for d in DEELPRODUCTEN if d not in self.deelproducten]
        missing += [f"kinds.{k}" for k in KINDS if k not in self.kinds]
        missing += [f"choice_source.{s}" for s in ("team", "advice") if s not in self.choice_source]
        if missing:
            raise ValueError(f"missing: {', '.join(missing)}")
        return self


def load_texts(path: Path = TEXTS_PATH) -> ProcurementTexts:
    return load_model_file(ProcurementTexts, path)[0]


@lru_cache(maxsize=1)
def texts() -> ProcurementTexts:
    return load_texts()
