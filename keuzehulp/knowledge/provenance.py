"""Whose word is it? The handreiking's reference text, the passage check, and basis labels.

Every reason the keuzehulp gives rests on one of three bases (DOMAIN.md, schema_version 2):
`handreiking` (a verbatim passage of *Allemaal dual*), `bron` (another public source, a
knowledge page with address and date) or `aanname` (the keuzehulp's own judgement, explained
in the assumptions register, knowledge/assumptions.yaml).

A passage counts as verbatim when it appears in the reference text
(knowledge/sources/allemaal-dual.txt, a copy of the published handreiking) with whitespace
normalised and the text's Markdown bold markers ignored. Fragments joined with " […] " must
each appear, in this order.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from keuzehulp.contract.yamlio import load_model_file

REFERENCE_TEXT = Path(__file__).resolve().parents[2] / "knowledge" / "sources" / "allemaal-dual.txt"
ELLIPSIS = " […] "
_JOIN = re.compile(r"\s*\[…\]\s*")


def normalise(text: str) -> str:
    """Whitespace collapsed to single spaces; Markdown bold (**) and links' '(#)' dropped."""
    return " ".join(text.replace("**", "").replace("](#)", "]").split())


@lru_cache(maxsize=4)
def reference_text(path: Path = REFERENCE_TEXT) -> str:
    """The handreiking as one normalised line (read once per process)."""
    return normalise(path.read_text(encoding="utf-8"))


def passage_problem(passage: str, text: str | None = None) -> str | None:
    """None when the passage is verbatim in the handreiking, else a message saying why not."""
    text = reference_text() if text is None else text
    if "[...]" in passage:
        return "passage joins fragments with '[...]'; write ' […] ' (one character, U+2026)"
    fragments = [normalise(f) for f in _JOIN.split(passage)]
    position = 0
    for number, fragment in enumerate(fragments, start=1):
        if not fragment:
            return "passage has an empty fragment around ' […] '"
        found = text.find(fragment, position)
        if found < 0:
            where = f"fragment {number} " if len(fragments) > 1 else ""
            if text.find(fragment) >= 0:
                return f"passage {where}is in the handreiking, but not after the fragment before it"
            hint = _nearest(fragment, text)
            return (f"passage {where}is not verbatim in the handreiking "
                    f"({display(REFERENCE_TEXT)}): {_short(fragment)!r}" + (f"; {hint}" if hint else ""))
        position = found + len(fragment)
    return None


def _short(text: str, size: int = 70) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _nearest(fragment: str, text: str) -> str:
    """A hint: how far the fragment's start matches the text, to find the differing word."""
    best = 0
    for size in range(min(len(fragment), 200), 7, -1):
        if text.find(fragment[:size]) >= 0:
            best = size
            break
    if best == 0:
        return ""
    return f"the text agrees up to {_short(fragment[:best][-30:])!r}, then differs"


def display(path: Path) -> str:
    root = Path(__file__).resolve().parents[2]
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


# --- The Dutch wording of a basis (texts/provenance.yaml) ---------------------------------

TEXTS_PATH = Path(__file__).resolve().parents[2] / "texts" / "provenance.yaml"


class ProvenanceTexts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    basis: dict[Literal["handreiking", "bron", "aanname"], str]
    decision_basis: dict[Literal["handreiking", "gemengd", "aanname"], str]
    strength: dict[Literal["handreiking", "gemengd", "aanname"], dict[Literal["strong", "moderate", "weak"], str]]
    passage_intro: str
    assumption_intro: str
    source_intro: str
    assumptions_heading: str
    assumptions_intro: str
    assumption_says_label: str
    assumption_why_label: str
    assumption_numbers_label: str
    assumption_changed_by_label: str
    assumption_changed_by_none: str
    assumption_changed_by_costs: str  # a cost assumption: the team edits its amounts
    assumption_amounts_label: str
    assumption_rules_label: str
    assumption_used_by_label: str

    @model_validator(mode="after")
    def _complete(self) -> ProvenanceTexts:
        for name, want in (("basis", 3), ("decision_basis", 3), ("strength", 3)):
            if len(getattr(self, name)) != want:
                raise ValueError(f"{name}: needs a text for each of its {want} keys")
        for basis, labels in self.strength.items():
            if len(labels) != 3:
                raise ValueError(f"strength.{basis}: needs strong, moderate and weak")
        return self


def load_texts(path: Path = TEXTS_PATH) -> ProvenanceTexts:
    return load_model_file(ProvenanceTexts, path)[0]


@lru_cache(maxsize=1)
def texts() -> ProvenanceTexts:
    return load_texts()


def strength_label(strength: str, basis: str) -> str:
    """How clear the advice is, saying what it rests on ("Inschatting van de keuzehulp: …")."""
    return texts().strength[basis][strength]  # type: ignore[index]


def basis_label(basis: str) -> str:
    return texts().basis[basis]  # type: ignore[index]


def basis_problems(basis: str, passage: str | None, sources: list[str], assumption: str | None,
                   assumption_ids: set[str] | None = None, knowledge_ids: set[str] | None = None
                   ) -> list[tuple[tuple[str | int, ...], str]]:
    """Whose word a content item is (a building block, a scale rule), checked as for a rule's
    reason: handreiking with a verbatim passage and its section, bron with a knowledge page,
    aanname with an entry of the register; every source a section or an existing knowledge page.
    Returns (where in the item, message) pairs; the caller adds file and line."""
    sections = ("q1", "q2", "q3", "q4", "q5")
    out: list[tuple[tuple[str | int, ...], str]] = []
    if basis == "handreiking":
        if not passage:
            out.append((("basis",), "basis handreiking needs a verbatim 'passage'"))
        elif (why := passage_problem(passage)) is not None:
            out.append((("passage",), why))
        if not any(s in sections for s in sources):
            out.append((("sources",), "basis handreiking names the section (q1..q5) it comes from"))
    elif passage:
        out.append((("passage",), f"only basis handreiking quotes a passage (this is {basis})"))
    if basis == "bron" and not any(s.startswith("knowledge/") for s in sources):
        out.append((("sources",), "basis bron names a knowledge page of the source (with address and date)"))
    if basis == "aanname":
        if not assumption:
            out.append((("basis",), "basis aanname names its 'assumption' in knowledge/assumptions.yaml"))
        elif assumption_ids is not None and assumption not in assumption_ids:
            out.append((("assumption",), f"{assumption!r} is not in knowledge/assumptions.yaml"))
    elif assumption:
        out.append((("assumption",), f"only basis aanname names an assumption (this is {basis})"))
    for i, ref in enumerate(sources):
        if ref in sections:
            continue
        if not ref.startswith("knowledge/"):
            out.append((("sources", i), f"{ref!r} is neither a section (q1..q5) nor a knowledge page"))
        elif knowledge_ids is not None and ref not in knowledge_ids:
            out.append((("sources", i), f"{ref!r}: no such knowledge page"))
    return out
