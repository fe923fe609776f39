"""`python main.py play`: open the game window (also what `python main.py` without a command does)."""

from __future__ import annotations

import argparse
import ipaddress
import os
import re

from game.cli import UsageError, add_data_dir_arg, add_deck_args, deck_or_exit

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
    parser.add_argument(
        "--mode",
        choices=["conversation", "team", "practice"],
        default="conversation",
        help="what the start screen offers first: a conversation (default), team training or practice",
    )
    parser.add_argument(
        "--players",
        type=int,
        metavar="N",
        help="how many play: team training 3-8 (default 4), practice 1-2 (default 1)",
    )
    parser.add_argument(
        "--phones",
        action="store_true",
        help="each team member (in a conversation: the client) chooses on their own phone "
        "(a page on this network; off unless asked)",
    )
    parser.add_argument(
        "--phones-host",
        metavar="ADDRESS",
        help="the one local address phones connect to (default: the address of the network card in use)",
    )


PLAYERS = {"team": (3, 8), "practice": (1, 2)}


def _check_players(args: argparse.Namespace) -> None:
    """--players fits the mode (one clear line otherwise)."""
    if args.players is None:
        return
    if args.mode not in PLAYERS:
        raise UsageError("--players is for --mode team (3-8) or --mode practice (1-2)")
    low, high = PLAYERS[args.mode]
    if not low <= args.players <= high:
        raise UsageError(f"--players {args.players}: --mode {args.mode} is for {low} to {high} players")


def start_with(prefs, mode: str, players: int | None) -> None:
    """What the start screen shows first: the mode of --mode and the number of --players."""
    prefs.mode = mode
    if players is not None:
        if mode == "team":
            prefs.team_size = players
        else:
            prefs.practice_size = players


def _phones(args: argparse.Namespace):
    """With --phones: a PhoneLink for the chosen address (one clear line when it cannot be)."""
    if args.phones_host and not args.phones:
        raise UsageError("--phones-host is for --phones")
    if not args.phones:
        return None
    if args.mode == "practice":
        raise UsageError("--phones is for --mode team or conversation (the client's phone)")
    try:
        from game.phones.link import PhoneLink, check_address, lan_address
    except ImportError as exc:
        missing = exc.name or "aiohttp"
        raise UsageError(f"--phones needs the phones extra ({missing} is missing): pip install '.[phones]'") from None
    address = args.phones_host or lan_address()
    try:
        ipaddress.ip_address(address)
    except ValueError:
        raise UsageError(f"--phones-host {address}: not an IP address (e.g. 192.168.1.20)") from None
    try:
        check_address(address)
    except OSError as exc:
        raise UsageError(f"--phones-host {address}: not an address of this computer ({exc.strerror})") from None
    return PhoneLink(address)


def run(args: argparse.Namespace) -> int:
    """The window first, then the start screen, drawn from the deck's names and colours alone (game.deckinfo);
    the whole deck is loaded and checked while the start screen is already up. A deck the quick look cannot
    read is loaded and checked in full first, so its problems are named before any window opens."""
    _check_players(args)
    phones = _phones(args)
    from game.deckinfo import read_deck_info

    deck = info = read_deck_info(args.deck) if os.path.isdir(args.deck) else None  # (a too long name: not there)
    if info is None:
        deck = deck_or_exit(args.deck)  # says what is wrong (and exits) before any window opens
    if args.lang and args.lang not in deck.languages:
        raise UsageError(f"--lang {args.lang}: the deck has only {', '.join(deck.languages)}")
    if args.mode != "conversation" and not deck.cases:
        raise UsageError(f"--mode {args.mode}: the deck in {args.deck} has no case cards (cases.toml)")
    from game.ui.window import WindowError, open_window  # imports pygame without its banner

    try:  # the window first, so a person sees it while the rest loads
        open_window(args.size, args.fullscreen)
    except WindowError as exc:
        raise UsageError(f"cannot open a window: {exc}") from None
    from game.paths import data_dir
    from game.ui.app import App

    app = App(deck, data_dir(args.data_dir), lang=args.lang, size=args.size, fullscreen=args.fullscreen)
    start_with(app.prefs, args.mode, args.players)
    app.phones = phones
    app.prefs.phones = phones is not None
    app.open()
    app.draw()  # the start screen
    if info is not None:
        app.deck = deck_or_exit(args.deck)
    return app.run()
