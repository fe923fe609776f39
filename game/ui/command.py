"""`python main.py play`: open the game window (also what `python main.py` without a command does)."""

from __future__ import annotations

import argparse
import re

from game.cli import UsageError, add_data_dir_arg, add_deck_args, deck_or_exit
from game.store import data_dir

HELP = "open the game window (the default when no command is given)"


def _size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{3,4})[xX](\d{3,4})", text.strip())
    if not m:
        raise argparse.ArgumentTypeError(f"window size must look like 1280x720, not {text!r}")
    return int(m.group(1)), int(m.group(2))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_deck_args(parser)
    add_data_dir_arg(parser)
    parser.add_argument("--fullscreen", action="store_true", help="start in full screen (F11 switches)")
    parser.add_argument(
        "--size", type=_size, default=(1280, 720), metavar="WxH", help="window size (default 1280x720)"
    )


def run(args: argparse.Namespace) -> int:
    folder = data_dir(args.data_dir)
    if not args.deck.is_dir():
        deck_or_exit(args.deck)  # says what is wrong (and exits) before any window opens
    from game.ui.window import WindowError, open_window  # imports pygame without its banner

    try:  # the window first, so a person sees it while the rest loads
        open_window(args.size, args.fullscreen)
    except WindowError as exc:
        raise UsageError(f"cannot open a window: {exc}") from None
    deck = deck_or_exit(args.deck)
    if args.lang and args.lang not in deck.languages:
        raise UsageError(f"--lang {args.lang}: the deck has only {', '.join(deck.languages)}")
    from game.ui.app import App

    app = App(deck, folder, lang=args.lang, size=args.size, fullscreen=args.fullscreen)
    app.open()
    return app.run()
