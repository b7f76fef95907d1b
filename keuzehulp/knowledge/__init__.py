"""The knowledge base (knowledge/): pages and their front matter, cross-references from
the rules, the assumptions register, abbreviations spelled out on first use, the Kennisbank
search, and provenance (whose word a reason is: the handreiking's verbatim text, a source, or
an assumption).

May import: keuzehulp.contract, keuzehulp.dutch. Never the rules: the register with the rules
that use each assumption is keuzehulp.rules.register.
"""
