"""Hostile text in every text field, every page looked at: nothing a user typed becomes a link,
image, formula, icon, emoji, colour or markup (issue 15, item 2).

The texts come from tests/hostile/texts.yaml and reach the app the ways a user's text does:
a saved session that is opened (municipality, scenario names, the team's reasons, notes,
participants and actions), a link (?municipality=...) and the Kennisbank's search box."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from keuzehulp.contract.schema import DECISION_OPTIONS, ELEMENT_IDS, SECTION_IDS, Session
from keuzehulp.contract.yamlio import load_yaml_file
from playwright.sync_api import expect

from .server import ROOT, wait_idle
from .walk import go, open_path, settle

pytestmark = pytest.mark.browser

TEXTS = [c["text"] for c in load_yaml_file(ROOT / "tests" / "hostile" / "texts.yaml")[0]]
ALL = " ".join(TEXTS)
MUNICIPALITY = "www.evil.example $x^2$ :material/home: <b>VETTE-TEKST</b>"
OTHER_MUNICIPALITY = "mail@evil.example :red[ROOD-TEKST] :smile:"
SCENARIOS = ("![](http://evil.example/i.png) :smile:", ":streamlit: [klik](http://evil.example/k) $$y_1$$")
WORD_JOINER = "\u2060"

# What a hostile text would have become: these must not exist anywhere in the app.
FOUND = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  const md = [...app.querySelectorAll("[data-testid='stMarkdownContainer']")];
  const found = [];
  app.querySelectorAll("a[href]").forEach(a => {
    const href = a.getAttribute("href");  // an anchor on this page (#...) leads nowhere else
    if (!href.startsWith("#") && /evil|^mailto:|^javascript:/i.test(href)) found.push("link " + a.href); });
  app.querySelectorAll("img").forEach(i => {
    if (/evil/i.test(i.src) || i.closest("[data-testid='stMarkdownContainer']")) found.push("image " + i.src.slice(0, 60)); });
  app.querySelectorAll(".katex, math").forEach(k => found.push("maths " + k.textContent));
  md.forEach(m => m.querySelectorAll("span[role='img']").forEach(s => {
    if (/^(home|smile)/.test(s.getAttribute("aria-label") || "")) found.push("icon " + s.textContent); }));
  // Our own bold (a differing value) may hold user text, but only as the literal text.
  md.forEach(m => m.querySelectorAll("b, strong, em, h1, h2, h3, h4, table, span[style], del, code").forEach(e => {
    const t = e.textContent.replaceAll("\u2060", "");
    if (/VETTE-TEKST|VET-TEKST|ROOD-TEKST|KOP-TEKST/.test(t) && !t.includes("**VET-TEKST**")
        && !t.includes(":red[ROOD-TEKST]") && !t.includes("<b>VETTE-TEKST</b>") && !t.includes("# KOP-TEKST"))
      found.push("markup " + e.tagName + " " + t.slice(0, 60)); }));
  if (app.innerText.includes("\\u{1F604}")) found.push("emoji :smile:");
  return found;
}"""


def _session_file(tmp_path: Path) -> Path:
    action = ALL[:500]
    data = {
        "kind": "keuzehulp-sessie",
        "profile": {"municipality": MUNICIPALITY, "annual_intake": 12},
        "scenarios": [
            {"name": SCENARIOS[0], "profile": {"municipality": MUNICIPALITY, "annual_intake": 12}},
            {"name": SCENARIOS[1], "profile": {"municipality": OTHER_MUNICIPALITY, "annual_intake": 400}},
        ],
        "active_scenario": SCENARIOS[0],
        "team": {
            "participants": [{"name": "# KOP-TEKST **VET-TEKST**", "role": "javascript:alert(1) <http://evil.example/a>"}],
            "decisions": {d: {"choice": options[0], "reason": ALL} for d, options in DECISION_OPTIONS.items()},
            "notes": dict.fromkeys(SECTION_IDS, ALL),
            "actions": {e: {"action": action, "owner": "zie http://evil.example/b?c=d"} for e in ELEMENT_IDS},
        },
    }
    Session.model_validate(data)  # the file is a valid session: the app opens it
    path = tmp_path / "vijandig.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _visible_text(page) -> str:
    return page.locator("[data-testid='stApp']").inner_text().replace(WORD_JOINER, "")


def _assert_inert(page, where: str) -> None:
    page.wait_for_timeout(300)  # markdown, maths and icons render just after the run
    assert page.evaluate(FOUND) == [], where


def test_hostile_text_in_every_field_stays_text_on_every_page(server, page, tmp_path, screenshots, requests_seen):
    # A link with a web address as the municipality: the sidebar says it, as plain text.
    open_path(page, server.url, "advies?municipality=www.evil.example")
    expect(page.get_by_test_id("stSidebar")).to_contain_text("Voor: www")
    assert "Voor: www.evil.example" in page.get_by_test_id("stSidebar").inner_text().replace(WORD_JOINER, "")
    _assert_inert(page, "link")

    # A saved session with hostile text in every field.
    open_path(page, server.url)
    page.locator("input[type='file']").set_input_files(str(_session_file(tmp_path)))
    settle(page)
    assert "De sessie voor" in _visible_text(page)
    assert f"Voor: {MUNICIPALITY}" in page.get_by_test_id("stSidebar").inner_text().replace(WORD_JOINER, "")
    _assert_inert(page, "Start")
    for title in ("1 Waarom duaal", "2 Organisatie", "3 Begeleiding", "4 Taal en praktijk",
                  "5 Participatieplek", "Advies", "Kosten en doorlooptijd", "Vergelijken"):
        go(page, title)
        for expander in page.get_by_test_id("stMain").locator("[data-testid='stExpander'] summary").all():
            expander.click()  # open the team's choices, reasons and actions
        wait_idle(page)
        _assert_inert(page, title)
        if title in ("Advies", "Vergelijken"):
            page.screenshot(path=str(screenshots / f"vijandig-{title.lower()}.png"), full_page=True)
    text = _visible_text(page)
    assert SCENARIOS[0] in text and SCENARIOS[1] in text, "both names shown, literally, in the comparison"
    assert OTHER_MUNICIPALITY in text

    go(page, "Kennisbank")
    search = page.get_by_role("textbox", name="Zoeken")
    search.fill(MUNICIPALITY)
    search.press("Enter")
    settle(page)
    assert f"resultaten voor ‘{MUNICIPALITY}’" in _visible_text(page)
    _assert_inert(page, "Kennisbank")

    go(page, "Presenteren")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", level=1)).to_be_visible()
    assert f"Voor {MUNICIPALITY}" in _visible_text(page)
    page.screenshot(path=str(screenshots / "vijandig-presenteren-titel.png"))
    seen = []
    for _ in range(40):  # every slide, until the last one stays
        heading = main.get_by_role("heading").first.inner_text()
        _assert_inert(page, f"slide {heading}")
        if seen and seen[-1] == heading and len(seen) > 1 and seen[-2] == heading:
            break
        seen.append(heading)
        page.keyboard.press("ArrowRight")
        wait_idle(page)
    assert len(set(seen)) >= 8, seen
    assert requests_seen.outside() == []
