"""Phones in a real browser: Debian's chromium driven headless by Playwright (no browser download), over loopback."""

from __future__ import annotations

import shutil

import pytest

from game.decks import load_deck
from game.table import Table

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not shutil.which(CHROMIUM):
        pytest.skip("chromium is not installed (.ci/run installs Debian's chromium)")
    with sync_api.sync_playwright() as p:
        # Playwright starts chromium with a new, empty profile folder of its own and removes it afterwards
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def phone(browser):
    """A new phone: its own browser context (own sessionStorage), 360×640."""
    contexts = []

    def make():
        ctx = browser.new_context(viewport={"width": 360, "height": 640}, device_scale_factor=1)
        ctx.set_default_timeout(5000)
        contexts.append(ctx)
        return ctx.new_page()

    yield make
    for ctx in contexts:
        ctx.close()


@pytest.fixture
def host(tmp_path):
    """A team session of five on one feature with its phone room on loopback; every message sent is kept."""
    from play_helpers import team_setup

    from game.phones.host import PhoneHost

    deck = load_deck()
    table = Table.start(deck, team_setup(5, seed=3, features=["vertrouwen"]), tmp_path / "data")
    h = PhoneHost(table, "127.0.0.1")
    h.sent = []
    h.server.tap = lambda seat, message: h.sent.append((seat, message))
    yield h
    h.close()
