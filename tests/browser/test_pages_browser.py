"""Forms and pages read on a laptop (1280x800) and on a phone (390x844): every chosen partner
shows, and nothing a user must read sits out of sight. Screenshots go to
test-artifacts/screenshots/."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from keuzehulp.contract.labels import labels

from .walk import open_path, pick_partners

pytestmark = pytest.mark.browser

SIZES = {"laptop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
THREE = ["language_provider", "social_work_company", "employer_service_point"]


def inside(inner: dict, outer: dict) -> bool:
    return (inner["x"] >= outer["x"] - 0.5 and inner["y"] >= outer["y"] - 0.5
            and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 0.5
            and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + 0.5)


@pytest.mark.parametrize("size", SIZES)
def test_the_partner_field_shows_every_chosen_partner(server, page, screenshots, size):
    """Three partners chosen: each one's whole name is on screen inside the field (the chips
    wrap); before, the field stayed one line high and scrolled all but the last out of sight."""
    page.set_viewport_size(SIZES[size])
    open_path(page, server.url, "q2_organisatie")
    pick_partners(page, THREE)
    field = page.get_by_test_id("stMultiSelect").filter(has_text=labels().field("partners"))
    field.scroll_into_view_if_needed()
    box = field.get_by_role("group").filter(has=page.get_by_role("combobox")).first.bounding_box()
    for partner in THREE:
        name = labels().partners[partner]
        chip = field.locator(f"[data-tag][aria-label='{name}']")
        expect(chip).to_be_visible()
        text = chip.locator(f"[title='{name}']")
        assert inside(chip.bounding_box(), box), (name, chip.bounding_box(), box)
        # the whole name, not cut off with an ellipsis
        assert text.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), name
    assert field.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    field.screenshot(path=str(screenshots / f"partners-{size}.png"))
