"""The command line: `python main.py COMMAND ...`; with no command the game opens."""

from __future__ import annotations

import argparse
import errno
import importlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.model.deck import Deck

from game import __version__
from game.paths import DEFAULT_DECK

# This module imports no pydantic models at start, so that the window opens before the models and the
# deck load: they are imported where they are used.

# Commands that live in their own module: name -> (module, one-line help). The module has HELP,
# add_arguments(parser) and run(args) -> int; it is imported only when its command runs, so that
# starting the window does not pay for the PDF code and the other way round.
PLUGIN_COMMANDS: dict[str, tuple[str, str]] = {
    "play": ("game.ui.command", "open the game window (the default when no command is given)"),
    "print": ("game.printing", "make a print-ready PDF of the cards (print at actual size, double-sided, long edge)"),
    "report": ("game.report", "make a one-page PDF about a session for the client's file"),
    "history": ("game.history_command", "print how each feature moved over a pair's sessions"),
    "forget": ("game.forget", "remove every file of one pair, after a confirmation"),
    "audio": ("game.audio", "write every card as an audio file with an index (needs the [speech] extra)"),
}


DECK_HELP = "deck folder (default: the game's own deck)"


class UsageError(Exception):
    """Bad arguments found after parsing; exit code 2 with one line."""


def shorten(text: str) -> str:
    """One line; a very long word (a pasted argument, a path) keeps only its start and end."""
    from game.files import shorten as short

    return short(text)


class Parser(argparse.ArgumentParser):
    """argparse whose error line never echoes a long argument in full."""

    def error(self, message: str):  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {shorten(message)}\n")


def refuse_data_dir(target: Path, option: str, data_dir_arg: str | None = None) -> None:
    """UsageError when `target` lies inside the data directory: only the store writes there."""
    from game.files import inside
    from game.store import data_dir

    root = data_dir(data_dir_arg)
    if inside(target, root):
        raise UsageError(f"{option} {target}: inside the data folder {root}, where only the game writes; "
                         "choose another place")


def add_deck_args(parser: argparse.ArgumentParser, *, lang: bool = True) -> None:
    parser.add_argument("--deck", type=Path, default=DEFAULT_DECK, metavar="DIR", help=DECK_HELP)
    if lang:
        parser.add_argument("--lang", choices=("nl", "en"), default=None, help="language (default: the deck's first)")


def add_data_dir_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir", default=None, metavar="DIR",
        help="where sessions are kept (default: $WERKALLIANTIE_DATA_DIR, else the user data folder)",
    )


def refuse_missing_deck(path: Path, label: str = "") -> None:
    """A deck folder that is not there is a bad argument: one line, exit 2."""
    if not os.path.isdir(path):  # (os.path: a name too long for the system is "not there" too)
        what = "no such folder" if not os.path.lexists(path) else "not a folder"
        print(shorten(f"{label}{path}: {what}"), file=sys.stderr)
        raise SystemExit(2)


def deck_or_exit(path: Path) -> Deck:
    """Load a deck; on problems print them (one line each) and exit 1. A folder that is not there is a bad
    argument: exit 2."""
    from game.decks import DeckError, load_deck

    refuse_missing_deck(path, "--deck ")
    try:
        return load_deck(path)
    except DeckError as exc:
        for line in exc.problems:
            print(shorten(line), file=sys.stderr)
        raise SystemExit(1) from None


def _check_deck(args: argparse.Namespace) -> int:
    from game.decks import DeckError, load_deck, summary_line
    from game.deckstyle import deck_warnings

    refuse_missing_deck(args.path)
    try:
        deck = load_deck(args.path)
    except DeckError as exc:
        for line in exc.problems:
            print(shorten(line))
        print(f"{len(exc.problems)} problem(s) in {args.path}", file=sys.stderr)
        return 1
    warnings = deck_warnings(deck, args.path)
    for line in warnings:
        print(line)
    print(summary_line(deck, len(warnings)))
    return 1 if warnings and args.strict else 0


def _schema(args: argparse.Namespace) -> int:
    from game.model.session import SessionSummary

    print(json.dumps(SessionSummary.model_json_schema(), indent=2, ensure_ascii=False))
    return 0


def build_parser(command: str | None = None, prog: str = "main.py") -> argparse.ArgumentParser:
    """The parser; only `command`'s module is imported (all of them when command is None)."""
    parser = Parser(
        prog=prog,
        description="Werkalliantie: talk about the working alliance with cards. Without a command the game opens.",
    )
    parser.add_argument("--version", action="version", version=f"werkalliantie {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in PLUGIN_COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        if command in (None, name):
            module = importlib.import_module(module_name)
            module.add_arguments(p)
            p.set_defaults(func=module.run)
    p = sub.add_parser("check-deck", help="check a deck folder and list every problem")
    p.add_argument("path", type=Path, nargs="?", default=DEFAULT_DECK, help=DECK_HELP)
    p.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")
    p.set_defaults(func=_check_deck)
    p = sub.add_parser("schema", help="print the JSON Schema of a saved session summary")
    p.set_defaults(func=_schema)
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    """The command argv starts with; "play" when it starts with options (they open the game); None for help."""
    if not argv:
        return "play"
    if argv[0] in ("-h", "--help", "--version"):
        return None
    return "play" if argv[0].startswith("-") else argv[0]


def main(argv: Sequence[str] | None = None, prog: str = "main.py") -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = _command_in(argv)
    parser = build_parser(command if command in PLUGIN_COMMANDS else None, prog)
    if command == "play" and (not argv or argv[0].startswith("-")):
        argv = ["play", *argv]
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # a full device or a closed pipe shows here, not as a traceback at exit
        return code
    except UsageError as exc:
        print(shorten(f"{prog} {args.command}: {exc}"), file=sys.stderr)
        return 2
    except OSError as exc:
        if exc.errno not in (errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EDQUOT):
            raise
        return _output_failed(exc, prog)
    except Exception as exc:
        from game.decks import DeckError
        from game.store import StoreError

        if not isinstance(exc, StoreError | DeckError):
            raise
        print(shorten(str(exc).splitlines()[0] if str(exc) else type(exc).__name__), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _output_failed(exc: OSError, prog: str) -> int:
    """The output could not be written (`| head -1` closed the pipe, or /dev/full): one line, no traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # what is still buffered goes nowhere at exit
    except (OSError, ValueError):
        pass
    if exc.errno == errno.EPIPE:
        return 0  # the reader had enough: that is not an error
    try:
        print(f"{prog}: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
    except OSError:
        pass
    return 1


def installed() -> int:
    """The `werkalliantie` command of an installed wheel (pyproject.toml's [project.scripts])."""
    return main(prog="werkalliantie")
