"""A download's own properties speak Dutch too: what Word shows under Eigenschappen and a PDF
reader under Documenteigenschappen (title, subject, keywords, comments), and the HTML's lang."""

from __future__ import annotations

import io
import re
from datetime import date

import docx
import pypdf
from keuzehulp.report.compare import compare

from keuzehulp import Profile, advise
from keuzehulp.report import render, render_comparison

TODAY = date(2026, 12, 1)
ENGLISH = re.compile(r"\b(rules|generated|python-docx|untitled|author|document)\b", re.IGNORECASE)


def test_word_properties_are_dutch_and_name_the_rules_version_in_words() -> None:
    advice = advise(Profile(municipality="Lochem"))
    props = docx.Document(io.BytesIO(render("docx", advice, None, TODAY))).core_properties
    fields = [props.title, props.subject, props.author, props.keywords, props.comments]
    assert all(fields), fields
    assert not [f for f in fields if ENGLISH.search(f)], fields
    assert props.language == "nl-NL"
    assert f"versie van de regels: 1 december 2026; kenmerk {advice.rules_version}" in props.keywords
    assert props.comments == "Gemaakt met de Keuzehulp duaal inburgeren."


def test_pdf_properties_are_dutch() -> None:
    advice = advise(Profile())
    meta = pypdf.PdfReader(io.BytesIO(render("pdf", advice, None, TODAY))).metadata
    values = [meta.title, meta.subject, meta.author, meta.creator, meta.get("/Keywords")]
    assert all(values) and not [v for v in values if ENGLISH.search(v)], values
    assert "versie van de regels: 1 december 2026" in meta["/Keywords"]


def test_html_says_it_is_dutch() -> None:
    assert b'<html lang="nl">' in render("html", advise(Profile()), None, TODAY)


def test_the_comparisons_word_properties_are_dutch() -> None:
    alone = Profile()
    region = alone.model_copy(update={"regional_cooperation": "existing"})
    data = render_comparison("docx", compare([("Alleen", alone), ("Regio", region)]), TODAY)
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.comments == "Gemaakt met de Keuzehulp duaal inburgeren." and props.language == "nl-NL"
    assert not ENGLISH.search(props.comments + props.title + props.author)
