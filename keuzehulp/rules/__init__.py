"""The rules engine: rule files and their checks, conditions, derived quantities, the group
model, scoring, advise(), the flips ("wat zou het advies veranderen?"), and the register of
assumptions with the rules that use each (with the knowledge base as the app shows it).

May import: keuzehulp.knowledge, keuzehulp.contract, keuzehulp.dutch.
"""
