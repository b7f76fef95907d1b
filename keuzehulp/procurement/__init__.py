"""From choice to contract (issue 26): building blocks for a programme of requirements per
deelproduct, derived from the team's choices (else the advice), the essential elements, the
answers and the route mix, each with its basis like every reason; and a check of the team's
prices against public reference prices; in a region, per deelproduct the scale, who buys and
the volumes of the municipalities buying together (from keuzehulp.region's view). Content:
procurement/blocks.yaml and prices.yaml.

May import: keuzehulp.region, keuzehulp.costs, keuzehulp.rules, keuzehulp.knowledge, keuzehulp.contract,
keuzehulp.dutch. The report wing writes its downloads; the UI shows its page.
"""
