"""The public contract (../shared/DOMAIN.md): Profile (the answers), Advice (the output),
Session, the ids, one declaration per profile field, the Dutch labels, the URL codec, reading
user files (problems in Dutch, never a traceback), YAML with line numbers, and the declaration
of every cost input (texts/costs.yaml), which Session.costs is checked against.

May import: keuzehulp.dutch. Never the rules, knowledge, costs, report or UI.
"""
