"""`python main.py history [PAIRCODE]`: a pair's history as a table in the terminal, card by card, with each
side's trend and the gap in words (game.history holds the data)."""

from __future__ import annotations

from collections.abc import Sequence

from game.engine.signals import highlighted
from game.history import PairHistory, PairInfo, change_question, find_pairs, gap_words, headline, load_history
from game.i18n import number, record_word

HELP = "print how each feature moved over a pair's sessions (without PAIRCODE: list the pair codes)"

_w = record_word
_num = number


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    """The first column left-aligned, the numbers right-aligned."""
    return "  " + "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                            for i, (c, w) in enumerate(zip(cells, widths, strict=True)))


def format_table(history: PairHistory, names: dict[str, str], lang: str) -> str:
    """The history as plain text: per feature the trend of each side and of the gap in words, then per session
    each card's client and professional value and spread ("!" from 2 apart), with the labelled mean of a
    session that had several cards; what changed since last time, as questions; then each session's
    agreements."""
    out: list[str] = []
    first, last = history.sessions[0].started_at.date(), history.sessions[-1].started_at.date()
    if len(history.sessions) == 1:
        out.append(_w("pair_one", lang).format(code=history.pair_code, first=first))
    else:
        n = len(history.sessions)
        out.append(_w("pair", lang).format(code=history.pair_code, n=n, first=first, last=last))
    cols = [_w("date", lang), _w("client", lang), _w("professional", lang), _w("spread", lang)]
    early = f" ({_w('ended_early', lang)})"
    widths = [max(len(cols[0]), 10 + len(early)), *(max(6, len(c)) for c in cols[1:])]
    questions: list[str] = []
    for fh in history.features:
        name = names.get(fh.feature, fh.feature)
        hint = "" if fh.helps else f" ({_w('friction_hint', lang)})"
        out.append("")
        out.append(f"{name}{hint}")
        out.append(f"  {headline(fh, lang)}")
        if fh.gap_trend is not None:
            out.append(f"  {gap_words(fh.gap_trend, lang)}")
        out.append(_row(cols, widths))
        for p in fh.points:
            day = p.day.isoformat() + (early if p.ended_early else "")
            for k, c in enumerate(p.cards):
                label = day if k == 0 else f"  {_w('card', lang)} {k + 1}"
                out.append(_row([label, _num(c.client, lang), _num(c.professional, lang), _spread(c.spread)],
                                widths))
            if p.averaged:
                out.append(_row([f"  {_w('average', lang)}", _num(p.client, lang), _num(p.professional, lang),
                                 ""], widths))
        questions += [change_question(c, name, lang) for c in fh.changes()]
    if questions:
        out.append("")
        out.append(_w("since_last", lang))
        out += [f"  - {q}" for q in questions]
    out.append("")
    out.append(_w("agreements", lang))
    for entry in history.sessions:
        out.append(f"  {entry.started_at.date().isoformat()}{early if entry.ended_early else ''}")
        if not entry.agreements:
            out.append(f"    {_w('nothing', lang)}")
        for a in entry.agreements:
            label = f"{names.get(a.feature, a.feature)}: " if a.feature else ""
            out.append(f"    - {label}{a.text}")
    out.append("")
    out.append(_w("how", lang))
    return "\n".join(out)


def _spread(value: int | None) -> str:
    """A spread in the table; the one highlight rule: "!" from 2 apart."""
    if value is None:
        return "–"
    return f"{value} !" if highlighted(value) else f"{value}  "


def format_pairs(pairs: Sequence[PairInfo], lang: str) -> str:
    """The pair codes, most recent first, with the date of the last session and the number of sessions."""
    head = [_w(k, lang) for k in ("pair_col", "last_col", "sessions_col")]
    rows = [[p.pair_code, p.last_session.date().isoformat(), str(p.sessions)] for p in pairs]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(3)]
    return "\n".join(f"{r[0].ljust(widths[0])}  {r[1].ljust(widths[1])}  {r[2].rjust(widths[2])}"
                     for r in [head, *rows])


def add_arguments(parser) -> None:  # type: ignore[no-untyped-def]
    from game.cli import add_data_dir_arg, add_deck_args

    parser.add_argument("pair_code", nargs="?", default=None, metavar="PAIRCODE",
                        help="the pair code, e.g. JD-0042 (capitals do not matter)")
    add_data_dir_arg(parser)
    add_deck_args(parser, lang=True)


def run(args) -> int:  # type: ignore[no-untyped-def]
    import re
    import sys

    from game.cli import UsageError, deck_or_exit
    from game.store import data_dir

    root = data_dir(args.data_dir)
    if args.pair_code is None:
        pairs, bad = find_pairs(root)
        for line in bad:
            print(f"skipped (unreadable): {line}", file=sys.stderr)
        lang = args.lang or "nl"
        if not pairs:
            print(_w("no_pairs", lang).format(dir=root), file=sys.stderr)
            return 1
        print(format_pairs(pairs, lang))
        return 0
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,32}", args.pair_code.strip()):
        raise UsageError(f"pair code {args.pair_code!r}: use 1 to 32 letters, digits, - or _")
    history = load_history(root, args.pair_code)
    for line in history.unreadable:
        print(f"skipped (unreadable): {line}", file=sys.stderr)
    lang = args.lang or history.language
    if not history.sessions:
        print(_w("no_sessions", lang).format(code=args.pair_code, dir=root), file=sys.stderr)
        return 1
    deck = deck_or_exit(args.deck)
    names = {f.id: f.name.get(lang, next(iter(f.name.values()))) for f in deck.features}
    print(format_table(history, names, lang))
    return 0
