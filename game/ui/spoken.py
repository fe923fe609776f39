"""What a screen says when it is read aloud (V or the speaker button): its words in reading order, as sentences.

Each scene's `spoken()` builds its text from these pieces, so every screen reads alike: the title, the text,
then once the choices ("Je kunt kiezen: Bewaren of Alleen laten zien."). No pygame drawing here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from game.i18n import record_word, ui
from game.ui.widgets import Button


def words(*parts: str | None) -> str:
    """The parts that have text, each ending as a sentence, joined with a space."""
    from game.readaloud import sentence  # (its module loads the deck's models: not before the start screen)

    return " ".join(sentence(clean(p)) for p in parts if p and clean(p))


def clean(text: str) -> str:
    """A label as it is said: without the arrows and ellipses that only point on the screen."""
    return " ".join(text.replace("‹", " ").replace("›", " ").replace("…", " ").split())


def said_list(items: Sequence[str], lang: str) -> str:
    """'a, b of c' / 'a, b or c'."""
    items = [clean(i) for i in items if clean(i)]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {ui('spoken_or', lang)} {items[-1]}"


def choices(labels: Iterable[str], lang: str) -> str:
    """The choices of a screen, said once: "Je kunt kiezen: A, B of C." ("" when there are none)."""
    labels = [label for label in labels if clean(label)]
    return ui("spoken_choose", lang, choices=said_list(labels, lang)) if labels else ""


def button_labels(widgets: Iterable[object], skip: Iterable[str] = ("speak", "rules", "menu")) -> list[str]:
    """The labels of the enabled buttons, in the order they are reached with Tab (the corner buttons and the
    speaker button itself are left out: they are the same on every screen)."""
    skip = set(skip)
    return [w.label for w in widgets if isinstance(w, Button) and w.enabled and w.id not in skip]


def value_said(name: str, value: int | None, lang: str) -> str:
    """'Sam: 3' or 'Sam sloeg over'."""
    return f"{name}: {value}" if value is not None else f"{name} {record_word('passed', lang)}"


def card_said(number: int, topic: str, question: str, marks: Sequence[tuple[str, int | None]],
              spread: int | None, lang: str) -> str:
    """One card of a record: its number and topic, its question, each player's number, the difference."""
    values = ", ".join(value_said(name, value, lang) for name, value in marks)
    diff = ui("spoken_spread", lang, n=spread) if spread is not None else ""
    return words(ui("spoken_card", lang, n=number, topic=topic), question, values, diff)
