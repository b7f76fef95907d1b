"""Costs and lead time of one scenario: the cost model per trajectory and per year against
the Rijk's contribution, the timeline, the estimate of a scenario, and their views in Dutch
words and tables (page, slides, downloads). A figure is computed here once.

May import: keuzehulp.rules (the group model), keuzehulp.knowledge, keuzehulp.contract,
keuzehulp.dutch.
"""
