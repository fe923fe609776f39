"""`python main.py forget PAIRCODE`: remove every file of one pair from the data directory, after a confirmation."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from game.cli import UsageError, add_data_dir_arg
from game.files import TEMP_SUFFIX
from game.owner import PROGRESS, owned_elsewhere, slot_name, slots_on_disk
from game.store import PairFile, data_dir, remove_files, scan_pairs

HELP = "remove every file of one pair (finished sessions and a session in progress), after a confirmation"

PAIR_CODE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")  # as game.model.session.PairCode
YES = {"y", "yes", "j", "ja"}
FILE = {"en": "file", "nl": "bestand"}

TEXT = {
    "en": {
        "bad_code": "'{code}' is not a pair code (1 to 32 letters, digits, - or _)",
        "none": "no files of pair '{code}' in {root}",
        "maybe": " (there are files of pair {others}: the code is case-sensitive)",
        "unchecked": " ({files} could not be read and were not checked)",
        "list": "To be removed from {root} ({files} of pair '{code}'):",
        "summary": "finished session",
        "progress": "session in progress",
        "started": "started {when}",
        "ask": "Remove them? Type yes to remove, anything else to stop: ",
        "kept": "Nothing removed.",
        "done": "Removed {files} of pair '{code}' ({summaries}, {progress}).",
        "warn": "Could not be read, so not checked (it may hold this pair; if so, remove it by hand): {path}",
        "link": "A link, not followed and not removed (the program makes no links): {path}",
        "live": "Open in another window, not removed (close that window first): {path}",
    },
    "nl": {
        "bad_code": "'{code}' is geen paarcode (1 tot 32 letters, cijfers, - of _)",
        "none": "geen bestanden van koppel '{code}' in {root}",
        "maybe": " (er zijn bestanden van koppel {others}: let op hoofdletters)",
        "unchecked": " ({files} niet te lezen, dus niet bekeken)",
        "list": "Dit wordt verwijderd uit {root} ({files} van koppel '{code}'):",
        "summary": "afgeronde sessie",
        "progress": "open sessie",
        "started": "begonnen {when}",
        "ask": "Verwijderen? Typ ja om te verwijderen, iets anders om te stoppen: ",
        "kept": "Er is niets verwijderd.",
        "done": "Verwijderd: {files} van koppel '{code}' ({summaries}, {progress}).",
        "warn": "Niet te lezen, dus niet bekeken (het kan van dit koppel zijn; verwijder het dan zelf): {path}",
        "link": "Een link, niet gevolgd en niet verwijderd (het programma maakt geen links): {path}",
        "live": "Open in een ander venster, niet verwijderd (sluit dat venster eerst): {path}",
    },
}
PLURAL = {
    "en": {"file": "files", "finished session": "finished sessions", "session in progress": "sessions in progress"},
    "nl": {"bestand": "bestanden", "afgeronde sessie": "afgeronde sessies", "open sessie": "open sessies"},
}


def _count(n: int, one: str, lang: str) -> str:
    return f"{n} {one if n == 1 else PLURAL[lang][one]}"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pair_code", metavar="PAIRCODE", help="the pair code used in the sessions")
    add_data_dir_arg(parser)
    parser.add_argument("--yes", action="store_true", help="do not ask: remove at once")
    parser.add_argument("--lang", choices=("nl", "en"), default="en", help="language of the messages (default: en)")


def _describe(item: PairFile, root_text: str, t: dict[str, str]) -> str:
    where = str(item.path)
    where = where[len(root_text) + 1:] if where.startswith(root_text + "/") else where
    when = t["started"].format(when=item.started_at[:16].replace("T", " ")) if item.started_at else ""
    return f"  {where}  ({t[item.kind]}{', ' + when if when else ''})"


def _live(root: Path, item: PairFile) -> bool:
    """A session in progress (or a temporary copy of it) whose window is still open."""
    name = item.path.name.lstrip(".")
    return item.path.parent == root / PROGRESS and any(
        name == slot_name(n) or name.startswith(slot_name(n) + ".") and name.endswith(TEMP_SUFFIX)
        for n in slots_on_disk(root) if owned_elsewhere(root, n))


def _read_answer() -> str:
    """One line from stdin; "" when there is none (closed, not a terminal and empty)."""
    try:
        answer = sys.stdin.readline() if sys.stdin else ""
        if not (sys.stdin and sys.stdin.isatty()):
            print()  # the answer was not typed: end the question's line
    except (OSError, ValueError):
        return ""
    return answer


def run(args: argparse.Namespace) -> int:
    t = TEXT[args.lang]
    code = args.pair_code.strip()
    if not PAIR_CODE.match(code):
        raise UsageError(t["bad_code"].format(code=args.pair_code))
    root = data_dir(args.data_dir)
    pairs, unreadable = scan_pairs(root)
    files = pairs.get(code, [])
    live = [item for item in files if _live(root, item)]
    files = [item for item in files if item not in live]
    links = [path for path in unreadable if os.path.islink(path)]
    unreadable = [path for path in unreadable if path not in links]
    for path in links:
        print(t["link"].format(path=path), file=sys.stderr)
    for item in live:
        print(t["live"].format(path=item.path), file=sys.stderr)
    if not files and live:
        return 1
    if not files:
        line = t["none"].format(code=code, root=root)
        others = sorted(c for c in pairs if c.lower() == code.lower())
        if others:
            line += t["maybe"].format(others=", ".join(others))
        if unreadable:
            line += t["unchecked"].format(files=_count(len(unreadable), FILE[args.lang], args.lang))
        print(line, file=sys.stderr)
        return 1
    print(t["list"].format(files=_count(len(files), FILE[args.lang], args.lang), code=code, root=root))
    for item in files:
        print(_describe(item, str(root), t))
    for path in unreadable:
        print(t["warn"].format(path=path), file=sys.stderr)
    if not args.yes:
        print(t["ask"], end="", flush=True)
        answer = _read_answer()
        if answer.strip().lower() not in YES:
            print(t["kept"])
            return 1
    problems = remove_files([item.path for item in files], root)
    for line in problems:
        print(line, file=sys.stderr)
    removed = [item for item in files if not os.path.lexists(item.path)]
    summaries = sum(item.kind == "summary" for item in removed)
    print(t["done"].format(
        files=_count(len(removed), FILE[args.lang], args.lang), code=code,
        summaries=_count(summaries, t["summary"], args.lang),
        progress=_count(len(removed) - summaries, t["progress"], args.lang),
    ))
    return 1 if problems else 0
