"""Counts per question and an agreement measure a team understands at a glance.

    agreement({"in_house": 7, "outsourced": 2}) -> "7 van 9 kiezen Zelf uitvoeren", level "large"

Levels (the share of the most chosen option among those who answered):
    unanimous  everyone chose the same (at least 3 votes)           "Eensgezind"
    large      three quarters or more                                "Ruime meerderheid"
    small      more than half                                        "Meerderheid"
    split      no option has more than half, or two share the top    "Verdeeld"
    few        fewer than 3 votes: too few to say anything           "Nog te weinig stemmen"
    none       no votes yet                                          "Nog geen stemmen"
These thresholds are the keuzehulp's own convention (assumption), not the handreiking's. Two of
three is a majority, not a large one: one voice more would turn it around.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from keuzehulp.contract.labels import labels
from keuzehulp.contract.schema import (
    DECISION_OPTIONS,
    ELEMENT_IDS,
    PRIORITY_ORDER,
    Advice,
    QuestionVotes,
    VoteReason,
    WorkshopVotes,
)

from .ballot import TOP5_QUESTION, ElementMode, decision_question, element_question

MIN_VOTES = 3
LARGE_SHARE = 3 / 4  # "Ruime meerderheid" from three in four (2 of 3 is a "Meerderheid")
LEVEL_LABELS = {
    "unanimous": "Eensgezind",
    "large": "Ruime meerderheid",
    "small": "Meerderheid",
    "split": "Verdeeld",
    "few": "Nog te weinig stemmen",
    "none": "Nog geen stemmen",
}
MAX_REASONS = 200  # per question in a snapshot; the newest are kept


@dataclass(frozen=True)
class VoteRow:
    """One stored vote, as the store returns it."""

    question: str
    value: str
    reason: str = ""
    author: str = ""


@dataclass(frozen=True)
class Agreement:
    level: str  # see the module docstring
    label: str  # Dutch level label
    top: tuple[str, ...]  # the most chosen value(s): more than one when tied
    top_count: int
    total: int
    sentence: str  # "7 van 9 kiezen Zelf uitvoeren"

    @property
    def split(self) -> bool:
        return self.level == "split"


def _verb(count: int, plural: str, singular: str) -> str:
    return singular if count == 1 else plural


def agreement(counts: dict[str, int], names: dict[str, str], total: int | None = None,
              verb: tuple[str, str] = ("kiezen", "kiest")) -> Agreement:
    """How far the room agrees on one question. `names`: value -> Dutch label."""
    total = sum(counts.values()) if total is None else total
    if total <= 0:
        return Agreement("none", LEVEL_LABELS["none"], (), 0, 0, LEVEL_LABELS["none"])
    top_count = max(counts.values())
    top = tuple(v for v in names if counts.get(v, 0) == top_count) or tuple(
        v for v, c in counts.items() if c == top_count)
    share = top_count / total
    if total < MIN_VOTES:
        level = "few"
    elif len(top) > 1 or share <= 0.5:
        level = "split"
    elif top_count == total:
        level = "unanimous"
    elif share >= LARGE_SHARE:
        level = "large"
    else:
        level = "small"
    plural, singular = verb
    if len(top) > 1:
        first, *rest = (names.get(v, v) for v in top)
        sentence = (f"{top_count} van {total} {_verb(top_count, plural, singular)} {first}, "
                    + ", ".join(f"{top_count} van {total} {name}" for name in rest))
    else:
        sentence = f"{top_count} van {total} {_verb(top_count, plural, singular)} {names.get(top[0], top[0])}"
    return Agreement(level, LEVEL_LABELS[level], top, top_count, total, sentence)


def value_names(question: str) -> dict[str, str]:
    """Dutch labels of the values a question can take, in the contract's order."""
    lab = labels()
    kind, _, subject = question.partition(":")
    if kind == "decision":
        return {o: lab.option(subject, o) for o in DECISION_OPTIONS[subject]}
    if kind == "element":
        return {p: lab.priorities[p] for p in PRIORITY_ORDER}
    return {e: lab.elements.get(e, e) for e in ELEMENT_IDS}


def snapshot(rows: Iterable[VoteRow], *, code: str, secret: str, mode: ElementMode, closed: bool,
             participants: int, now: datetime | None = None) -> WorkshopVotes:
    """The votes as the session keeps them: counts, voters and reasons per question."""
    questions: dict[str, QuestionVotes] = {}
    counts: dict[str, dict[str, int]] = {}
    voters: dict[str, int] = {}
    reasons: dict[str, list[VoteReason]] = {}
    for row in rows:
        values = row.value.split(",") if row.question == TOP5_QUESTION else [row.value]
        bucket = counts.setdefault(row.question, {})
        for value in values:
            bucket[value] = bucket.get(value, 0) + 1
        voters[row.question] = voters.get(row.question, 0) + 1
        if row.reason:
            reasons.setdefault(row.question, []).append(
                VoteReason(value=row.value, text=row.reason[:200], author=row.author[:60]))
    for question, bucket in counts.items():
        questions[question] = QuestionVotes(counts=bucket, voters=voters[question],
                                            reasons=reasons.get(question, [])[-MAX_REASONS:])
    taken = (now or datetime.now(UTC)).replace(microsecond=0).isoformat()
    return WorkshopVotes(code=code, secret=secret, element_mode=mode, closed=closed,
                         participants=participants, taken_at=taken, questions=questions)


def decision_agreement(votes: WorkshopVotes, decision: str) -> Agreement:
    question = decision_question(decision)
    q = votes.questions.get(question, QuestionVotes())
    return agreement(q.counts, value_names(question), q.voters)


@dataclass(frozen=True)
class ElementComparison:
    element: str
    title: str
    advised: str  # the keuzehulp's priority (Dutch)
    agreement: Agreement
    differs: bool  # the room's clear choice differs from the keuzehulp's priority
    sentence: str  # "Team: 5 van 8 kiezen Essentieel · keuzehulp: Aanbevolen"


def element_comparisons(votes: WorkshopVotes, advice: Advice) -> list[ElementComparison]:
    """Per element: what the room says beside the keuzehulp's priority (priority mode), or the
    dot votes beside it (top-5 mode), most votes first."""
    lab = labels()
    advised = {e.id: e.priority for e in advice.elements}
    out = []
    if votes.element_mode == "top5":
        q = votes.questions.get(TOP5_QUESTION, QuestionVotes())
        for element in sorted(ELEMENT_IDS, key=lambda e: (-q.counts.get(e, 0), ELEMENT_IDS.index(e))):
            count = q.counts.get(element, 0)
            agree = agreement({element: count}, {element: lab.elements[element]}, q.voters)
            sentence = (f"{count} van {q.voters} {_verb(count, 'zetten dit', 'zet dit')} in hun top 5"
                        if q.voters else LEVEL_LABELS["none"])
            prio = lab.priorities[advised.get(element, "consider")]
            out.append(ElementComparison(element, lab.elements[element], prio, agree, False,
                                         f"{sentence} · keuzehulp: {prio}"))
        return out
    for element in ELEMENT_IDS:
        question = element_question(element)
        q = votes.questions.get(question, QuestionVotes())
        agree = agreement(q.counts, value_names(question), q.voters)
        mine = advised.get(element, "consider")
        clear = agree.level in ("unanimous", "large", "small")
        differs = clear and agree.top[0] != mine
        prio = lab.priorities[mine]
        room = agree.sentence if agree.total else LEVEL_LABELS["none"]
        out.append(ElementComparison(element, lab.elements[element], prio, agree, differs,
                                     f"Stemming: {room} · keuzehulp: {prio}"))
    return out


def spread_line(votes: WorkshopVotes, question: str) -> str:
    """'Zelf uitvoeren 7 · Uitbesteden 2 · Deels zelf, deels uitbesteden 0'."""
    q = votes.questions.get(question, QuestionVotes())
    return " · ".join(f"{name} {q.counts.get(value, 0)}" for value, name in value_names(question).items())
