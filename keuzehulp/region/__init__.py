"""A region designs together (issue 25): several municipalities, each deelproduct at its own
scale. Owns the region file (Region: 2-15 profiles, the region's own choices), the scale rules
(region/scales.yaml, checked like every content file), the regional view (combined intake per
route, group formation and wait per scale with keuzehulp.rules.groups' one time model, advice on
the scale with reasons that carry their basis, each municipality's own advice side by side with
the differences and why), the costs per municipality and shared, and the representatives'
links (each municipality's part in the store: tables.py, reps.py).

May import: keuzehulp.costs, keuzehulp.rules, keuzehulp.knowledge, keuzehulp.contract,
keuzehulp.dutch, keuzehulp.store. The report wing writes its summary; the CLI reads region files.
"""
