"""`python main.py audio --out DIR`: every card of a deck as a WAV file named after the card, with an index
(index.html to play them from a phone next to the paper deck, index.csv for a spreadsheet)."""

from __future__ import annotations

import argparse
import csv
import html
import io
import sys
import time
from pathlib import Path

from game.cli import UsageError, add_data_dir_arg, add_deck_args, deck_or_exit, refuse_data_dir

HELP = "write every card as an audio file (WAV) with an index, for paper play (needs the [speech] extra)"

KIND_NAMES = {
    "question": {"nl": "vraag", "en": "question"},
    "reflection": {"nl": "reflectie", "en": "reflection"},
    "starter": {"nl": "gespreksstarter", "en": "conversation starter"},
    "case": {"nl": "casus", "en": "case"},
}
TITLE = {"nl": "Werkalliantie: de kaarten om te beluisteren", "en": "Werkalliantie: the cards to listen to"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_deck_args(parser)
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the audio files")
    add_data_dir_arg(parser)


def run(args: argparse.Namespace) -> int:
    from game import speech

    if not speech.available():
        print(f"{speech.INSTALL_HINT}", file=sys.stderr)
        return 2
    refuse_data_dir(args.out, "--out", args.data_dir)
    deck = deck_or_exit(args.deck)
    lang = args.lang or deck.default_language
    if lang not in deck.languages:
        raise UsageError(f"--lang {lang}: the deck has {', '.join(deck.languages)}")
    from game.readaloud import deck_texts

    start = time.perf_counter()
    rows: list[tuple[str, str, str, float]] = []
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, kind, text in deck_texts(deck, lang):
            pcm = speech.synthesize(text, lang)
            (args.out / f"{name}.wav").write_bytes(pcm.wav())
            rows.append((name, kind, text, pcm.seconds))
        (args.out / "index.html").write_text(index_html(rows, deck.name.get(lang, ""), lang), encoding="utf-8")
        (args.out / "index.csv").write_text(index_csv(rows, lang), encoding="utf-8")
    except OSError as exc:
        print(f"{exc.filename or args.out}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except speech.SpeechUnavailable as exc:
        print(str(exc), file=sys.stderr)
        return 2
    took = time.perf_counter() - start
    print(f"{len(rows)} cards ({sum(r[3] for r in rows) / 60:.0f} min of speech) in {args.out} "
          f"with index.html and index.csv ({took:.1f} s)")
    return 0


def index_csv(rows: list[tuple[str, str, str, float]], lang: str) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["file", "kind", "seconds", "text"])
    for name, kind, text, seconds in rows:
        w.writerow([f"{name}.wav", KIND_NAMES[kind][lang], f"{seconds:.1f}", text])
    return buf.getvalue()


def index_html(rows: list[tuple[str, str, str, float]], deck_name: str, lang: str) -> str:
    """A plain page: per card its name, kind and text, and a player (works offline from the folder)."""
    title = html.escape(TITLE[lang])
    items = "\n".join(
        f'<li id="{html.escape(name)}"><p><b>{html.escape(name)}</b> · {html.escape(KIND_NAMES[kind][lang])}</p>'
        f"<p>{html.escape(text)}</p>"
        f'<audio controls preload="none" src="{html.escape(name)}.wav"></audio></li>'
        for name, kind, text, _ in rows
    )
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>body{{font:18px/1.5 sans-serif;max-width:40em;margin:auto;padding:1em}}"
        "li{margin-bottom:1.5em}audio{width:100%}</style></head>\n"
        f"<body><h1>{title}</h1><p>{html.escape(deck_name)}</p><ol>\n{items}\n</ol></body></html>\n"
    )
