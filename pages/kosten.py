"""Kosten en doorlooptijd: cost per trajectory and per year against the Rijk's money, and lead time."""

from ui.costs import costs_page

costs_page()
