"""Each profile field is declared once (schema.Profile plus texts/fields.yaml), completely.

Broken declarations under tests/fixtures/fields-broken/<case>/fields.yaml carry, like the
rule fixtures, a comment `# expect: <message fragment>` on each line where a problem must be
reported; nothing else may be reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from keuzehulp.contract.fields import WIDGETS, field_specs, field_types, load_fields
from keuzehulp.contract.schema import ANSWER_FIELDS, PROFILE_FIELDS
from keuzehulp.contract.yamlio import ContentError

from tests.fixture_expect import assert_reported, expected_problems

FIXTURES = Path(__file__).parent / "fixtures" / "fields-broken"
CASES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES)
def test_a_broken_declaration_is_reported_with_file_and_line(case: str) -> None:
    path = FIXTURES / case / "fields.yaml"
    expected = expected_problems(path)
    assert expected, f"fixture {case} marks no expected problem"
    with pytest.raises(ContentError) as info:
        load_fields(path)
    assert_reported(info.value.problems, expected)


def test_every_profile_field_is_declared_completely() -> None:
    """Type from the contract, and a label, help, step, a widget that fits the type, a label
    for every option and a flip phrase for every value a condition can name."""
    specs = field_specs()
    assert set(specs) == set(PROFILE_FIELDS)
    for name, spec in specs.items():
        assert spec.type == field_types()[name]
        assert spec.text.label.strip() and spec.text.help.strip(), name
        assert spec.widget in WIDGETS[spec.kind], name
        if spec.kind in ("enum", "list"):
            assert set(spec.text.options) == {str(v) for v in spec.type.values}, name
        if name in ANSWER_FIELDS and name != "municipality":
            assert spec.text.flips, name
    assert specs["partners"].text.flip_names.keys() == specs["partners"].text.options.keys()
