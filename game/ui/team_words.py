"""The words of team training and practice: the question in the chosen perspective, what the reveal says, and
the words for one person practising alone (no "read aloud", no "everyone ready?", no team)."""

from __future__ import annotations

from game.i18n import ui
from game.model.session import Mode, Perspective, Player, Setup
from game.ui import dotplot
from game.ui.scale import Mark, spread_of


def alone(setup: Setup) -> bool:
    """One person practising: nobody to read aloud to, hand the laptop to or talk with."""
    return len(setup.players) == 1


def words(setup: Setup, team: str, one: str, two: str | None = None) -> str:
    """The key of the words for a team (or two practising together, `two`), or for one practising alone."""
    n = len(setup.players)
    return one if n == 1 else (two or team) if n == 2 else team


def shown_name(setup: Setup, player: Player, lang: str) -> str:
    """A player's name as the board shows it: "jij"/"you" for one practising alone."""
    return ui("you_name", lang) if alone(setup) else player.name


def question_prompt(setup: Setup, lang: str) -> str:
    """The question every estimate answers: "How would this client see it?" or "How do you see it?"."""
    if setup.mode == Mode.PRACTICE:
        return ui("q_practice", lang)
    return ui("q_client_view" if setup.perspective == Perspective.CLIENT_VIEW else "q_own_view", lang)


def short(name: str, most: int = 16) -> str:
    """A name for a line of text: cut with "…" after `most` letters."""
    return name if len(name) <= most else name[: most - 1].rstrip() + "…"


def names(ms: list[Mark], lang: str) -> str:
    """ "A", "A en B", "A, B en 3 anderen" (the plot shows each name; a line of words stays short)."""
    parts = [short(m.player.name) for m in ms]
    if len(parts) <= 2:
        return f" {ui('and', lang)} ".join(parts)
    return f"{parts[0]}, {parts[1]} {ui('and_others', lang, n=len(parts) - 2)}"


def reveal_words(ms: list[Mark], lang: str, helps: bool, scale: list[str]) -> tuple[str, list[str], list[str]]:
    """What the reveal says: how far apart (one line), who speaks first (the lowest and the highest), and
    smaller notes (a question, who skipped, what a high number means for friction). Practising alone: the
    estimate in words and a question to think about."""
    head = ""
    first: list[str] = []
    notes: list[str] = []
    s = spread_of(ms)
    if len(ms) == 1:
        value = ms[0].value
        head = ui("you_passed", lang) if value is None else ui("your_pick", lang, value=value, label=scale[value - 1])
        notes += [ui("why_this", lang), ui("client_later", lang)]
    elif s == 0:
        head = ui("team_same", lang)
        notes.append(ui("same_q", lang))
    elif s is not None:
        head = ui("team_apart", lang, n=s) if s >= 2 else ui("close", lang)
        low, high = dotplot.extremes(ms)
        first = [
            ui("speak_first", lang),
            ui("lowest", lang, value=low[0].value, names=names(low, lang)),
            ui("highest", lang, value=high[0].value, names=names(high, lang)),
        ]
        notes.append(ui("speak_first_q", lang))
    if len(ms) > 1:
        notes += [ui("passed", lang, name=m.player.name) for m in ms if m.value is None]
    if not helps:
        notes.append(ui("higher_more_friction", lang))
    return head, first, notes


def distances(ms: list[Mark], case_view: int) -> list[tuple[int, list[Mark]]]:
    """Each distance to the case client's view (smallest first) with who is that far away."""
    out: dict[int, list[Mark]] = {}
    for m in ms:
        if m.value is not None:
            out.setdefault(abs(m.value - case_view), []).append(m)
    return sorted(out.items())
