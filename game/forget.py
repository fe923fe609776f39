"""`python main.py forget PAIRCODE`: remove every file of one pair from the data directory, after a confirmation."""

from __future__ import annotations

import argparse
import os
import re
import sys

from game.cli import UsageError, add_data_dir_arg
from game.store import PairFile, data_dir, remove_files, scan_pairs

HELP = "remove every file of one pair (finished sessions and a session in progress), after a confirmation"

PAIR_CODE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")  # as game.model.session.PairCode
YES = {"y", "yes", "j", "ja"}

TEXT = {
    "en": {
        "bad_code": "'{code}' is not a pair code (1 to 32 letters, digits, - or _)",
        "none": "no files of pair '{code}' in {root}",
        "maybe": " (there are files of pair {others}: the code is case-sensitive)",
        "unchecked": " ({n} file(s) could not be read and were not checked)",
        "list": "These {n} file(s) of pair '{code}' will be removed from {root}:",
        "summary": "finished session",
        "progress": "session in progress",
        "started": "started {when}",
        "ask": "Remove them? Type yes to remove, anything else to stop: ",
        "kept": "Nothing removed.",
        "done": "Removed {n} file(s) of pair '{code}': {s} finished session(s), {p} session(s) in progress.",
        "warn": "Could not be read, so not checked (may hold this pair, remove by hand if so): {path}",
    },
    "nl": {
        "bad_code": "'{code}' is geen koppelcode (1 tot 32 letters, cijfers, - of _)",
        "none": "geen bestanden van koppel '{code}' in {root}",
        "maybe": " (er zijn bestanden van koppel {others}: let op hoofdletters)",
        "unchecked": " ({n} bestand(en) konden niet gelezen worden en zijn niet bekeken)",
        "list": "Deze {n} bestand(en) van koppel '{code}' worden verwijderd uit {root}:",
        "summary": "afgeronde sessie",
        "progress": "sessie die nog open stond",
        "started": "begonnen {when}",
        "ask": "Verwijderen? Typ ja om te verwijderen, iets anders om te stoppen: ",
        "kept": "Er is niets verwijderd.",
        "done": "{n} bestand(en) van koppel '{code}' verwijderd: {s} afgeronde sessie(s), {p} open sessie(s).",
        "warn": "Kon niet gelezen worden en is niet bekeken (kan van dit koppel zijn, dan zelf verwijderen): {path}",
    },
}


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


def run(args: argparse.Namespace) -> int:
    t = TEXT[args.lang]
    code = args.pair_code.strip()
    if not PAIR_CODE.match(code):
        raise UsageError(t["bad_code"].format(code=args.pair_code))
    root = data_dir(args.data_dir)
    pairs, unreadable = scan_pairs(root)
    files = pairs.get(code, [])
    if not files:
        line = t["none"].format(code=code, root=root)
        others = sorted(c for c in pairs if c.lower() == code.lower())
        if others:
            line += t["maybe"].format(others=", ".join(others))
        if unreadable:
            line += t["unchecked"].format(n=len(unreadable))
        print(line, file=sys.stderr)
        return 1
    print(t["list"].format(n=len(files), code=code, root=root))
    for item in files:
        print(_describe(item, str(root), t))
    for path in unreadable:
        print(t["warn"].format(path=path), file=sys.stderr)
    if not args.yes:
        print(t["ask"], end="", flush=True)
        try:
            answer = sys.stdin.readline()
        except (OSError, ValueError):
            answer = ""
        if answer.strip().lower() not in YES:
            print(t["kept"])
            return 1
    problems = remove_files([item.path for item in files])
    for line in problems:
        print(line, file=sys.stderr)
    removed = [item for item in files if not os.path.lexists(item.path)]
    summaries = sum(item.kind == "summary" for item in removed)
    print(t["done"].format(n=len(removed), code=code, s=summaries, p=len(removed) - summaries))
    return 1 if problems else 0
