"""Whatever keys and clicks arrive, in whatever order: no crash, nothing hidden leaks, saved data is valid."""

from __future__ import annotations

import shutil

import pygame
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from game.engine import Phase
from game.store import load_summary
from game.ui import theme
from game.ui.scenes.estimate import EstimateScene, HandOverScene

KEYS = [pygame.K_RETURN] * 6 + [
    pygame.K_ESCAPE,
    pygame.K_TAB,
    pygame.K_BACKSPACE,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_PAGEDOWN,
    pygame.K_F1,
    pygame.K_0,
    pygame.K_1,
    pygame.K_3,
    pygame.K_5,
    pygame.K_9,
    pygame.K_a,
]

step = st.one_of(
    st.tuples(st.just("key"), st.sampled_from(KEYS)),
    st.tuples(st.just("key"), st.sampled_from(KEYS)),
    st.tuples(st.just("key"), st.sampled_from(KEYS)),
    st.tuples(st.just("text"), st.text(alphabet="ab ë1", min_size=1, max_size=3)),
    st.tuples(st.just("click"), st.integers(0, 30)),
    st.tuples(st.just("click"), st.integers(0, 30)),
    st.tuples(st.just("close"), st.just(0)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=20, max_size=120))
def test_any_input_sequence_is_harmless(make_app, data_dir, steps):
    shutil.rmtree(data_dir, ignore_errors=True)  # each example starts on an empty data dir (no resume question)
    d = make_app()
    for kind, arg in steps:
        if not d.app.running:
            break
        if kind == "key":
            d.key(arg)
        elif kind == "text":
            d.type(arg)
        elif kind == "close":
            if d.app.in_session:  # on the start screen closing just ends the program: tested elsewhere
                d.close_window()
        else:  # a click on any button, except those that only end the program
            rects = sorted((k, r) for k, r in d.rects().items() if k not in ("quit", "close"))
            if rects:
                d.click_at(rects[arg % len(rects)][1].center)
        top = d.app.top
        table = d.app.table
        if isinstance(top, HandOverScene | EstimateScene) and table is not None and table.phase == Phase.ESTIMATE:
            # on the screens of one player, the others' estimates of this round are not even in the view
            current = d.app.table.view(top.player_id).current
            assert current is None or set(current.estimates) <= {top.player_id}
    if d.app.running:
        d.frame()
        assert not theme.LOG.outside()
    table = d.app.table
    event(f"ended on {type(d.app.top).__name__}" + (f", round {table.state.round_number}" if table else ""))
    if table is not None and table.saved_to is not None:
        saved = load_summary(table.saved_to)
        assert all(e.value is None or 1 <= e.value <= 5 for r in saved.rounds for e in r.estimates)
    pygame.display.quit()
