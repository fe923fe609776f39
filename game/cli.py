"""The command line: `python main.py COMMAND ...`; with no command the game opens."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from game.decks import DEFAULT_DECK, DeckError, load_deck, summary_line
from game.model.deck import Deck
from game.model.session import SessionSummary
from game.store import StoreError

# Commands that live in their own module: name -> module with add_arguments(parser) and run(args) -> int.
PLUGIN_COMMANDS: dict[str, str] = {
    "forget": "game.forget",
    "print": "game.printing",
    "report": "game.report",
    "history": "game.history",
    "play": "game.ui.command",
}


class UsageError(Exception):
    """Bad arguments found after parsing; exit code 2 with one line."""


def add_deck_args(parser: argparse.ArgumentParser, *, lang: bool = True) -> None:
    parser.add_argument("--deck", type=Path, default=DEFAULT_DECK, metavar="DIR", help="deck folder (default: cards/)")
    if lang:
        parser.add_argument("--lang", choices=("nl", "en"), default=None, help="language (default: the deck's first)")


def add_data_dir_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir", default=None, metavar="DIR",
        help="where sessions are kept (default: $WERKALLIANTIE_DATA_DIR, else the user data folder)",
    )


def deck_or_exit(path: Path) -> Deck:
    """Load a deck; on problems print them (one line each) and exit 1."""
    try:
        return load_deck(path)
    except DeckError as exc:
        for line in exc.problems:
            print(line, file=sys.stderr)
        raise SystemExit(1) from None


def _check_deck(args: argparse.Namespace) -> int:
    try:
        deck = load_deck(args.path)
    except DeckError as exc:
        for line in exc.problems:
            print(line)
        print(f"{len(exc.problems)} problem(s) in {args.path}", file=sys.stderr)
        return 1
    print(summary_line(deck))
    return 0


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(SessionSummary.model_json_schema(), indent=2, ensure_ascii=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Werkalliantie: talk about the working alliance with cards. Without a command the game opens.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("check-deck", help="check a deck folder and list every problem")
    p.add_argument("path", type=Path, nargs="?", default=DEFAULT_DECK, help="deck folder (default: cards/)")
    p.set_defaults(func=_check_deck)
    p = sub.add_parser("schema", help="print the JSON Schema of a saved session summary")
    p.set_defaults(func=_schema)
    for name, module_name in PLUGIN_COMMANDS.items():
        module = importlib.import_module(module_name)
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(func=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        if "play" not in PLUGIN_COMMANDS:
            parser.print_help()
            return 0
        args = parser.parse_args(["play", *(argv or [])])
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"main.py {args.command}: {exc}", file=sys.stderr)
        return 2
    except (StoreError, DeckError) as exc:
        print(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
