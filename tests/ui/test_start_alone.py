"""The start screen for one person practising alone: its own words, no names and no trainer asked, and in the
game the player is "Jij"/"You". Practice for two keeps the names typed."""

from __future__ import annotations

import pytest

from tests.ui.conftest import saved_summaries
from tests.ui.test_team_sessions import shown, start_in

TEAM_WORDS = {
    "nl": ("Collega", "Trainer", "Wie spelen", "spelers", "Namen zijn", "jullie", "team", "Team"),
    "en": ("Colleague", "Trainer", "Who is playing", "players", "Names are", "team", "Team"),
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_practising_alone_asks_no_name_and_no_trainer_and_says_you(make_app, data_dir, lang):
    d = make_app(lang=lang)
    start_in(d, "practice", 1)
    front = shown(d)  # folded: the choices in words
    assert ("Oefenen: alleen" if lang == "nl" else "Practice: alone") in front
    d.click("more")
    assert not [w for w in d.rects() if w.startswith("team") or w == "trainer"]
    text = shown(d)
    assert ("Je oefent alleen" if lang == "nl" else "You practise alone") in text
    for word in TEAM_WORDS[lang]:  # mode buttons say "Team": only the button itself may
        rest = text.replace("| Team |", "|").replace("| Team training |", "|")
        assert word not in rest, (word, text)
    d.enter()
    setup = d.app.table.state.setup
    assert [p.name for p in setup.players] == ["Jij" if lang == "nl" else "You"] and setup.trainer is None
    d.esc()
    d.click("end")
    [saved] = saved_summaries(data_dir)
    assert [p["name"] for p in saved["players"]] == [setup.players[0].name] and not saved.get("trainer")


def two_practising_with_names(make_app):
    """Practice for two, unfolded, with a name and a trainer typed (the trainer field keeps focus)."""
    d = make_app()
    start_in(d, "practice", 2)
    d.click("more")
    d.click("team0")
    d.type("Noor")
    d.click("trainer")
    d.type("Kim")
    return d


def test_a_name_typed_before_is_not_used_alone(make_app):
    d = two_practising_with_names(make_app)
    d.click("players:less")  # alone now: the fields go, focus with them
    assert d.top.count == 1 and d.top.focus is None and "team0" not in d.rects() and "trainer" not in d.rects()
    d.enter()
    setup = d.app.table.state.setup
    assert [p.name for p in setup.players] == ["Jij"] and setup.trainer is None


def test_practice_for_two_keeps_the_names_and_the_trainer(make_app):
    d = two_practising_with_names(make_app)
    d.enter()  # Enter in a field starts at once
    setup = d.app.table.state.setup
    assert [p.name for p in setup.players] == ["Noor", "Collega 2"] and setup.trainer == "Kim"
