"""Command line: `python -m keuzehulp advise PROFILE.json [--regio REGIO.json] | inkoop PROFIEL_OF_SESSIE.json [--regio REGIO.json] |
regio REGIO.json | check | schema`.

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
    sub = parser.add_subparsers(dest="command", required=True, metavar="{advise,inkoop,regio,check,schema}",
                                parser_class=_Parser)
    advise = sub.add_parser("advise", help="advies voor een profiel (JSON)")
    advise.add_argument("profile", metavar="PROFIEL.json",
                        help="profiel, opgeslagen sessie of JSON-advies; '-' leest van standaardinvoer")
    # The report registry's formats; json is the default (the advice itself, DOMAIN.md).
    advise.add_argument("--format", choices=list(FORMATS), default="json", help="uitvoer (standaard: json)")
    advise.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand")
    advise.add_argument("--regio", metavar="REGIO.json",
                        help="regiobestand: de bouwstenen in het keuzeoverzicht op de schaal van de regio")
    inkoop = sub.add_parser("inkoop", help="bouwstenen voor de inkoop van het gekozen ontwerp")
    inkoop.add_argument("profile", metavar="PROFIEL_OF_SESSIE.json",
                        help="opgeslagen sessie (met de keuzes van het team) of profiel; '-' leest van standaardinvoer")
    inkoop.add_argument("--format", choices=["json", "md", "docx", "pdf"], default="json",
                        help="uitvoer (standaard: json)")
    inkoop.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand")
    inkoop.add_argument("--regio", metavar="REGIO.json",
                        help="regiobestand: per deelproduct de schaal van de regio, wie inkoopt en de aantallen samen")
    regio = sub.add_parser("regio", help="het regionale overzicht en de samenvatting van een regio")
    regio.add_argument("region", metavar="REGIO.json", help="regiobestand; '-' leest van standaardinvoer")
    regio.add_argument("--format", choices=["json", "md", "docx", "pdf"], default="json",
                       help="uitvoer (standaard: json)")
    regio.add_argument("-o", "--output", metavar="BESTAND", help="schrijf naar dit bestand")
    check = sub.add_parser("check", help="controleer regels, kennisbank en verwijzingen")
    check.add_argument("--rules", metavar="MAP", help=argparse.SUPPRESS)
    check.add_argument("--knowledge", metavar="MAP", help=argparse.SUPPRESS)
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

    try:
        region = _region_of(args.regio, profile)
    except InputError as exc:
        return _fail(exc.messages)
    advice = advise(profile)
    if args.format == "json":
        out = (json.dumps(advice.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    else:
        try:
            out = render(args.format, advice, session=session, region=region)
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


def _write(out: bytes, output: str | None) -> int:
    if output:
        try:
            Path(output).write_bytes(out)
        except OSError as exc:
            return _fail([f"Kan niet schrijven naar '{output}' ({exc.strerror})."])
    else:
        sys.stdout.buffer.write(out)
        sys.stdout.flush()
    return 0


def _region_of(path: str | None, profile: Profile):  # type: ignore[no-untyped-def]
    """The region file at `path` (None without one), or InputError: unreadable, or the
    municipality of these answers is not one of its municipalities."""
    if not path:
        return None
    from keuzehulp.region.model import parse_region

    region = parse_region(_read(path))
    if profile.municipality.strip() not in region.names:
        name = profile.municipality or "(geen naam)"
        raise InputError([f"De gemeente '{name[:60]}' staat niet in de regio '{region.region[:60]}'. "
                          f"Kies een sessie van een van deze gemeenten: {', '.join(region.names)}."])
    return region


def _inkoop(args: argparse.Namespace) -> int:
    """The building blocks for procurement of the design: the team's choices, else the advice."""
    if args.format in ("docx", "pdf") and not args.output:
        return _fail([f"Een {args.format}-bestand kan niet naar het scherm; geef een bestand op met -o BESTAND."])
    try:
        profile, session = load_input(_read(args.profile))
    except InputError as exc:
        return _fail(exc.messages)
    from datetime import date

    from keuzehulp.procurement.derive import procurement
    from keuzehulp.report import procurement as writer

    session = session or Session(profile=profile)
    try:
        region = _region_of(args.regio, session.profile)
    except InputError as exc:
        return _fail(exc.messages)
    try:
        out = writer.render(args.format, procurement(session, region=region), date.today())
    except FontMissingError as exc:
        return _fail([str(exc)], 1)
    return _write(out, args.output)


def _regio(args: argparse.Namespace) -> int:
    """The regional view and summary of a region file (DOMAIN.md, "Region")."""
    if args.format in ("docx", "pdf") and not args.output:
        return _fail([f"Een {args.format}-bestand kan niet naar het scherm; geef een bestand op met -o BESTAND."])
    from keuzehulp.region.costs import region_summary
    from keuzehulp.region.model import parse_region

    try:
        region = parse_region(_read(args.region))
    except InputError as exc:
        return _fail(exc.messages)
    from datetime import date

    from .report import region as writer

    try:
        out = writer.render(args.format, region_summary(region), date.today())
    except FontMissingError as exc:
        return _fail([str(exc)], 1)
    return _write(out, args.output)


def _check(args: argparse.Namespace) -> int:
    from .check import check_all

    dirs = {}
    if args.rules:
        dirs["rules_dir"] = Path(args.rules)
    if args.knowledge:
        dirs["knowledge_dir"] = Path(args.knowledge)
    result = check_all(**dirs)
    for problem in result.problems:
        print(problem)
    for warning in result.warnings:  # out of date, not wrong: reported, and check still passes
        print(f"{warning.file}:{warning.line}: warning: {warning.message}")
    if result.problems:
        count = len(result.problems)
        print(f"{count} {'probleem' if count == 1 else 'problemen'} gevonden.", file=sys.stderr)
        return 1
    print(f"Alles in orde: {result.rule_count} regels, {result.page_count} kennispagina's.")
    if result.warnings:
        count = len(result.warnings)
        pages = "pagina is" if count == 1 else "pagina's zijn"
        print(f"Let op: {count} {pages} meer dan 12 maanden niet gecontroleerd (zie hierboven).")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "advise":
            return _advise(args)
        if args.command == "check":
            return _check(args)
        if args.command == "inkoop":
            return _inkoop(args)
        if args.command == "regio":
            return _regio(args)
        from keuzehulp.contract.fields import profile_json_schema

        print(json.dumps(profile_json_schema(), ensure_ascii=False, indent=2))
        return 0
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
