"""`python -m keuzehulp advise | check | schema` (see keuzehulp/cli.py)."""

from .cli import main

raise SystemExit(main())
