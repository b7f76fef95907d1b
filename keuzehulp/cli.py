"""Command line: `python -m keuzehulp advise PROFILE.json | check | schema`.

Exit codes: 0 success, 1 `check` found problems (or the rules are broken), 2 bad input.
Everything a user reads is Dutch; bad input never produces a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import NoReturn

from keuzehulp.contract.inputs import InputError, parse_json, parse_profile, parse_session
from keuzehulp.contract.schema import Profile, Session
from keuzehulp.contract.yamlio import ContentError

from .report import FORMATS, FontMissingError, render

_ARGPARSE_DUTCH = {
    "the following arguments are required": "deze onderdelen ontbreken",
    "invalid choice": "ongeldige keuze",
    "unrecognized arguments": "onbekende onderdelen",
    "expected one argument": "hier hoort een waarde achter",
    "choose from": "kies uit",
}


class _Parser(argparse.ArgumentParser):
    """argparse with Dutch error messages; errors exit 2 like every bad input."""

    def error(self, message: str) -> NoReturn:
        for english, dutch in _ARGPARSE_DUTCH.items():
            message = message.replace(english, dutch)
        self.print_usage(sys.stderr)
        self.exit(2, f"Fout: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m keuzehulp", description="Keuzehulp duaal inburgeren.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="{advise,check,schema}",
                                parser_class=_Parser)
    advise = sub.add_parser("advise", help="advies voor een profiel (JSON)")
    advise.add_argument("profile", metavar="PROFIEL.json",
                        help="profiel, opgeslagen sessie of JSON-advies; '-' leest van standaardinvoer")
    # The report registry's formats; json is the default (the advice itself, DOMAIN.md).
    advise.add_argument("--format", choices=list(FORMATS), default="json", help="uitvoer (standaard: json)")
    advise.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand")
    check = sub.add_parser("check", help="controleer regels, kennisbank en verwijzingen")
    check.add_argument("--rules", metavar="MAP", help=argparse.SUPPRESS)
    sub.add_parser("schema", help="JSON Schema van het profiel")
    return parser


def _fail(messages: list[str], code: int = 2) -> int:
    for message in messages:
        print(f"Fout: {message}", file=sys.stderr)
    return code


def _read(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    path = Path(source)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError([f"Het bestand '{source}' bestaat niet."]) from None
    except IsADirectoryError:
        raise InputError([f"'{source}' is een map, geen bestand."]) from None
    except OSError as exc:
        raise InputError([f"Het bestand '{source}' kan niet worden gelezen ({exc.strerror})."]) from None


def load_input(raw: bytes) -> tuple[Profile, Session | None]:
    """A profile, or a saved session / exported advice (then its profile and the team's input)."""
    data = parse_json(raw)
    if isinstance(data, dict) and (data.get("kind") == "keuzehulp-sessie" or {"decisions", "profile"} <= set(data)):
        session = parse_session(raw)
        return session.profile, session
    return parse_profile(data), None


def _advise(args: argparse.Namespace) -> int:
    if not FORMATS[args.format].is_text and not args.output:
        return _fail([f"Een {args.format}-bestand kan niet naar het scherm; geef een bestand op met -o BESTAND."])
    try:
        profile, session = load_input(_read(args.profile))
    except InputError as exc:
        return _fail(exc.messages)
    from keuzehulp.rules.engine import advise

    advice = advise(profile)
    if args.format == "json":
        out = (json.dumps(advice.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    else:
        try:
            out = render(args.format, advice, session=session)
        except FontMissingError as exc:  # a broken installation, not bad input: exit 1
            return _fail([str(exc)], 1)
    if args.output:
        try:
            Path(args.output).write_bytes(out)
        except OSError as exc:
            return _fail([f"Kan niet schrijven naar '{args.output}' ({exc.strerror})."])
    else:
        sys.stdout.buffer.write(out)
        sys.stdout.flush()
    return 0


def _check(args: argparse.Namespace) -> int:
    from .check import check_all

    result = check_all(Path(args.rules)) if args.rules else check_all()
    for problem in result.problems:
        print(problem)
    if result.problems:
        count = len(result.problems)
        print(f"{count} {'probleem' if count == 1 else 'problemen'} gevonden.", file=sys.stderr)
        return 1
    print(f"Alles in orde: {result.rule_count} regels, {result.page_count} kennispagina's.")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "advise":
            return _advise(args)
        if args.command == "check":
            return _check(args)
        from keuzehulp.contract.fields import profile_json_schema

        print(json.dumps(profile_json_schema(), ensure_ascii=False, indent=2))
        return 0
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
