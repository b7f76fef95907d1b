"""Kennisbank: search and read the handreiking in our own words."""

from ui.kennisbank import render_kennisbank

render_kennisbank()
