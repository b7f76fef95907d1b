"""Kosten en doorlooptijd: cost per trajectory and per year against the Rijk's money, and lead time."""

from ui.kit.nav import run_page

run_page(__file__)
