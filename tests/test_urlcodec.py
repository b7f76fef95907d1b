"""The URL codec (engine side): a link holds what differs from the default and reads back the
same answers; a bad value is left out with a (field, Dutch message) pair."""

from __future__ import annotations

from keuzehulp.contract.schema import Profile
from keuzehulp.contract.urlcodec import decode, encode

SHARED = Profile(municipality="Súdwest-Fryslân", annual_intake=1200, level_mix="similar",
                 specialised_caseload=True, partners=["vocational_college", "language_provider"],
                 regional_cooperation="existing", regional_intake=400)


def test_a_link_holds_only_what_differs_and_reads_back_the_same_answers() -> None:
    params = encode(SHARED)
    assert params["partners"] == "language_provider,vocational_college"  # contract order: one link
    assert params["specialised_caseload"] == "true" and params["annual_intake"] == "1200"
    assert "sector_mix" not in params and "schema_version" not in params
    profile, problems = decode(params)
    assert profile == SHARED and problems == []


def test_a_bad_value_is_left_out_with_its_field_and_a_dutch_message() -> None:
    profile, problems = decode({"annual_intake": "1.000", "level_mix": "half", "flexible_budget": "ja",
                                "max_wait_months": "99"})
    assert profile.annual_intake == 1000 and profile.flexible_budget is True  # Dutch forms read
    assert profile.level_mix == "mixed" and profile.max_wait_months == 3  # the defaults stay
    fields = [field for field, _ in problems]
    assert fields == ["level_mix", "max_wait_months"]
    assert all(message.endswith("Deze waarde uit de link is genegeerd.") for _, message in problems)
    assert "te groot" in problems[1][1]
