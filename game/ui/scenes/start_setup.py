"""From the start screen's choices to a session: the Setup for a conversation, team training or practice, and the
choices kept for next time (scenes/start.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.i18n import ui
from game.kinds import Mode, Perspective, Role, clean_text

if TYPE_CHECKING:
    from game.model.session import Setup
    from game.ui.scenes.start import StartScene

FULL_CARDS_PER_FEATURE = 2


def default_name(role: str, lang: str) -> str:
    return ui(f"role_{role}", lang)


def colleague(index: int, lang: str) -> str:
    """The name of a team member who typed none: "Collega 1", "Collega 2", …"""
    return ui("colleague", lang, n=index + 1)


def build(scene: StartScene) -> Setup:
    """The Setup the screen's choices make."""
    from game.model.session import Player, Setup

    if scene.mode != Mode.CONVERSATION:
        return team(scene)
    players = [
        Player(
            id=f"p{i + 1}",
            name=clean_text(field_.value) or default_name(scene.roles[i], scene.lang),
            role=Role(scene.roles[i]),
        )
        for i, field_ in enumerate(scene.names)
    ]
    return Setup(
        mode=Mode.CONVERSATION,
        players=players,
        guess_other=scene.guess and len(players) == 2,
        pair_code=scene.code.value.strip() or None,
        **game_choices(scene),
    )


def team(scene: StartScene) -> Setup:
    """Team training or practice: professionals only, named "Collega n" when nobody typed a name; one person
    practising alone is "Jij"/"You", with no name and no trainer asked."""
    from game.model.session import Player, Setup

    lang = scene.lang
    if scene.alone:
        players = [Player(id="p1", name=ui("you_name", lang), role=Role.PROFESSIONAL)]
    else:
        players = [
            Player(id=f"p{i + 1}", name=clean_text(scene.team[i].value) or colleague(i, lang), role=Role.PROFESSIONAL)
            for i in range(scene.count)
        ]
    return Setup(
        mode=scene.mode,
        players=players,
        perspective=scene.perspective if scene.mode == Mode.TEAM else Perspective.CLIENT_VIEW,
        trainer=None if scene.alone else clean_text(scene.trainer.value) or None,
        **game_choices(scene),
    )


def game_choices(scene: StartScene) -> dict:
    """What every mode takes from the screen: features in table order, length, language, a fresh seed."""
    order = {f.id: f.order for f in scene.app.deck.features}
    return {
        "features": sorted(scene.features, key=lambda f: order[f]),
        "cards_per_feature": 1 if scene.quick else FULL_CARDS_PER_FEATURE,
        "quick": scene.quick,
        "language": scene.lang,
        "seed": scene.app.rng.randrange(2**31),
    }


def keep(scene: StartScene) -> None:
    """Remember the choices for the next time the window opens."""
    prefs = scene.app.prefs
    prefs.names = [f.value for f in scene.names]
    prefs.roles = list(scene.roles)
    prefs.features = list(scene.features)
    prefs.quick, prefs.guess_other, prefs.pair_code = scene.quick, scene.guess, scene.code.value
    prefs.mode, prefs.perspective = scene.mode.value, scene.perspective.value
    prefs.team_size, prefs.practice_size = scene.counts[Mode.TEAM], scene.counts[Mode.PRACTICE]
    prefs.team_names, prefs.trainer = [f.value for f in scene.team], scene.trainer.value
    prefs.phones = scene.phones
