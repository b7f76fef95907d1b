"""The live workshop's own logic: join codes, the facilitator's secret, what a vote may hold,
and how the room's agreement is put into words."""

from __future__ import annotations

import pytest

from keuzehulp.contract.schema import Profile, Session
from keuzehulp.rules.engine import advise
from keuzehulp.workshop import ballot, codes, tally
from keuzehulp.workshop.ballot import VoteError
from keuzehulp.workshop.tally import VoteRow


def test_codes_are_eight_unambiguous_characters_and_differ():
    drawn = {codes.new_code() for _ in range(500)}
    assert len(drawn) == 500
    for code in drawn:
        assert len(code) == 8 and set(code) <= set(codes.ALPHABET)
    assert not set("0O1IL2Z5S8B6GQUV") & set(codes.ALPHABET)
    assert codes.CODE_COUNT > 10**10


@pytest.mark.parametrize("typed, canonical", [
    ("km7r-4xhc", "KM7R4XHC"), (" KM7R 4XHC ", "KM7R4XHC"), ("KM7R4XHC", "KM7R4XHC"),
    ("KM7R-4XH", None), ("KM0R-4XHC", None), ("<script>", None), ("x" * 10_000, None), ("", None),
])
def test_a_typed_code_is_read_forgivingly_but_never_as_something_else(typed, canonical):
    assert codes.normalise(typed) == canonical


def test_the_store_keeps_only_a_hash_of_the_facilitators_secret():
    secret = codes.new_secret()
    stored = codes.hash_secret(secret)
    assert secret not in stored and len(stored) == 64
    assert codes.secret_matches(secret, stored)
    assert not codes.secret_matches(secret + "x", stored)
    assert not codes.secret_matches("", stored)


def test_a_vote_for_an_option_keeps_a_one_line_reason():
    vote = ballot.validate("decision:delivery", "in_house", "Wij hebben\nde mensen   al in huis")
    assert vote == ballot.Vote("decision:delivery", "in_house", "Wij hebben de mensen al in huis")


def test_a_reason_of_ten_thousand_characters_is_refused_in_dutch():
    with pytest.raises(VoteError, match=r"te lang: hoogstens 200 tekens \(nu 10\.000\)"):
        ballot.validate("decision:delivery", "in_house", "a" * 10_000)


def test_markup_in_a_reason_is_kept_as_text_for_escaping_later():
    vote = ballot.validate("decision:matching", "demand_led", "<b>vet</b> [link](http://x)")
    assert vote.reason == "<b>vet</b> [link](http://x)"


@pytest.mark.parametrize("question, value, mode, message", [
    ("decision:delivery", "maybe", "priority", "Kies een van de opties"),
    ("decision:nothing", "in_house", "priority", "bestaat niet"),
    ("element:pre-teaching", "urgent", "priority", "essentieel, aanbevolen of overweeg"),
    ("element:pre-teaching", "essential", "top5", "top 5"),
    ("top5", "pre-teaching", "priority", "per element een prioriteit"),
    ("top5", "", "top5", "minstens één"),
    ("top5", "aftercare,aftercare", "top5", "elk één keer"),
    ("top5", "dual-from-start,aftercare,pre-teaching,realistic-goals,experience-experts,specialised-coach",
     "top5", "hoogstens 5"),
])
def test_votes_that_do_not_fit_the_question_are_refused(question, value, mode, message):
    with pytest.raises(VoteError, match=message):
        ballot.validate(question, value, "", mode)


def test_a_dot_vote_is_stored_in_the_contract_order():
    vote = ballot.validate("top5", ["aftercare", "dual-from-start"], mode="top5")
    assert vote.value == "dual-from-start,aftercare"


def test_seven_of_nine_is_a_large_majority_in_words_the_team_reads():
    names = tally.value_names("decision:delivery")
    result = tally.agreement({"in_house": 7, "outsourced": 2}, names)
    assert result.sentence == "7 van 9 kiezen Zelf uitvoeren"
    assert result.label == "Ruime meerderheid" and not result.split


def test_two_of_three_is_a_majority_not_a_large_one():
    result = tally.agreement({"in_house": 2, "outsourced": 1}, tally.value_names("decision:delivery"))
    assert result.sentence == "2 van 3 kiezen Zelf uitvoeren"
    assert result.label == "Meerderheid"


@pytest.mark.parametrize("counts, level", [
    ({"in_house": 9}, "unanimous"),
    ({"in_house": 7, "outsourced": 2}, "large"),
    ({"in_house": 3, "outsourced": 1}, "large"),
    ({"in_house": 6, "outsourced": 3}, "small"),
    ({"in_house": 2, "outsourced": 1}, "small"),
    ({"in_house": 5, "outsourced": 4}, "small"),
    ({"in_house": 4, "outsourced": 4, "mixed": 1}, "split"),
    ({"in_house": 4, "outsourced": 3, "mixed": 2}, "split"),
    ({"in_house": 2}, "few"),
    ({}, "none"),
])
def test_the_room_is_marked_split_when_no_option_has_a_majority(counts, level):
    """Three quarters is a large majority; two of three is a majority, not a large one."""
    assert tally.agreement(counts, tally.value_names("decision:delivery")).level == level


def test_a_snapshot_counts_each_participant_once_per_question_and_keeps_reasons():
    rows = [VoteRow("decision:delivery", "in_house", "eigen mensen", "Anna"),
            VoteRow("decision:delivery", "mixed", "", ""),
            VoteRow("top5", "dual-from-start,aftercare", "", "")]
    votes = tally.snapshot(rows, code="KM7R4XHC", secret="s", mode="top5", closed=False, participants=2)
    assert votes.questions["decision:delivery"].counts == {"in_house": 1, "mixed": 1}
    assert votes.questions["decision:delivery"].voters == 2
    assert votes.questions["decision:delivery"].reasons[0].author == "Anna"
    assert votes.questions["top5"].counts == {"dual-from-start": 1, "aftercare": 1}
    saved = Session(workshop=votes).model_dump_json()
    assert Session.model_validate_json(saved).workshop == votes


def test_element_priorities_are_set_beside_the_keuzehulps_priority():
    advice = advise(Profile())
    mine = {e.id: e.priority for e in advice.elements}
    other = next(p for p in ("essential", "recommended", "consider") if p != mine["aftercare"])
    rows = [VoteRow("element:aftercare", other) for _ in range(4)]
    votes = tally.snapshot(rows, code="C", secret="", mode="priority", closed=False, participants=4)
    aftercare = next(c for c in tally.element_comparisons(votes, advice) if c.element == "aftercare")
    assert aftercare.differs
    assert aftercare.sentence.startswith("Stemming: 4 van 4 kiezen")
