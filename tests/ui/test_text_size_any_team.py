"""Team training in any window from 1024×520 to 1920×1080 at any larger text size: every screen holds, with
3 to 8 players with long names (tests/ui/holds.py through the team walk of test_text_size_team)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.ui.holds import ANY_WINDOW
from tests.ui.test_text_size_team import team_game


@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(**ANY_WINDOW, n=st.integers(3, 8), values=st.lists(st.integers(1, 5), min_size=8, max_size=8))
def test_a_team_game_holds_in_any_window_at_any_text_size(make_app, w, h, text_size, lang, high, n, values):
    d = make_app(size=(w, h), lang=lang, text_size=text_size, high_contrast=high)
    team_game(d, n, values, f"team of {n}")
