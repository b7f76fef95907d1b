"""Advies: the whole advice, grouped by question, with downloads."""

from ui.kit.nav import run_page

run_page(__file__)
