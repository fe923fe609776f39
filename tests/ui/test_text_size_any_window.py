"""Any window from a small laptop beside its taskbar (1024×520) to full HD, at any larger text size, in either
language, with or without high contrast: every screen of a conversation holds (tests/ui/holds.py)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from game.engine import Phase
from game.ui import theme
from tests.ui.holds import ANY_WINDOW, holds

NOTE = "We bellen elke week, ook als het even moeilijk gaat. " * 4


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(**ANY_WINDOW)
def test_a_conversation_holds_in_any_window_at_any_text_size(make_app, w, h, text_size, lang, high):
    d = make_app(size=(w, h), lang=lang, text_size=text_size, high_contrast=high)
    assert theme.text_scale == text_size / 100
    holds(d, "start")
    d.enter()
    holds(d, "consent")
    d.enter()
    holds(d, "deal")
    d.enter()
    holds(d, "hand-over")
    d.enter()
    holds(d, "estimate")
    d.digit(1)
    d.enter(2)
    d.digit(5)
    d.enter()
    assert d.app.table.phase == Phase.REVEAL
    holds(d, "reveal")
    d.enter()
    holds(d, "starter")
    d.enter()
    holds(d, "reflection")
    d.enter()
    d.type(NOTE)
    holds(d, "agreement", (NOTE.strip(),))
    d.esc()
    holds(d, "pause")
    d.click("rules")
    holds(d, "rules")
    d.esc()
    d.click("end")
    holds(d, "summary")
