"""Raw pygame events become the program's own input actions, in one place."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

import pygame


class Key(Enum):
    DIGIT = auto()  # value: 0–9
    CONFIRM = auto()  # Enter
    BACK = auto()  # Esc
    RULES = auto()  # F1
    FULLSCREEN = auto()  # F11
    NEXT = auto()  # Tab
    PREV = auto()  # Shift+Tab
    LEFT = auto()
    RIGHT = auto()
    UP = auto()
    DOWN = auto()
    PAGE_UP = auto()
    PAGE_DOWN = auto()
    HOME = auto()
    END = auto()
    ERASE = auto()  # Backspace
    TEXT = auto()  # typed text (TEXTINPUT)
    LETTER = auto()  # a shortcut letter (text: "h"); ignored while a text field has the focus
    CLICK = auto()  # a mouse click or finger tap, at pos
    POINT = auto()  # the pointer moved to pos (hover only)
    SCROLL = auto()  # wheel; value: +1 up, -1 down
    QUIT = auto()  # the window's close button
    RESIZE = auto()  # the window got a new size
    EXPOSE = auto()  # the window must be drawn again
    SAVE = auto()  # Ctrl+S: save again after a failed save
    SAVE_AS = auto()  # Ctrl+Shift+S: save the finished session in another folder
    TEXT_SIZE = auto()  # Ctrl + + / Ctrl + -: larger or smaller text; value: +1 or -1


@dataclass(frozen=True)
class Input:
    key: Key
    value: int = 0
    text: str = ""
    pos: tuple[int, int] = (0, 0)

    @property
    def moves_on(self) -> bool:
        """Inputs that mean "do something": they first finish a running animation."""
        return self.key not in (Key.POINT, Key.RESIZE, Key.EXPOSE, Key.SCROLL, Key.QUIT)


_KEYS = {
    pygame.K_RETURN: Key.CONFIRM,
    pygame.K_KP_ENTER: Key.CONFIRM,
    pygame.K_ESCAPE: Key.BACK,
    pygame.K_F1: Key.RULES,
    pygame.K_F11: Key.FULLSCREEN,
    pygame.K_LEFT: Key.LEFT,
    pygame.K_RIGHT: Key.RIGHT,
    pygame.K_UP: Key.UP,
    pygame.K_DOWN: Key.DOWN,
    pygame.K_PAGEUP: Key.PAGE_UP,
    pygame.K_PAGEDOWN: Key.PAGE_DOWN,
    pygame.K_HOME: Key.HOME,
    pygame.K_END: Key.END,
    pygame.K_BACKSPACE: Key.ERASE,
}
_LETTERS = {pygame.K_h: "h", pygame.K_v: "v"}  # shortcut letters (h: the pair's history; v: read aloud)
_LETTERS |= {k: "+" for k in (pygame.K_PLUS, pygame.K_KP_PLUS, pygame.K_EQUALS)}  # team: one more player
_LETTERS |= {k: "-" for k in (pygame.K_MINUS, pygame.K_KP_MINUS)}  # team: one fewer
_TEXT_SIZE = {pygame.K_PLUS: 1, pygame.K_KP_PLUS: 1, pygame.K_EQUALS: 1, pygame.K_MINUS: -1, pygame.K_KP_MINUS: -1}
_DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(10)} | {
    getattr(pygame, f"K_KP{n}"): n for n in range(10)
}


def translate(event: pygame.event.Event) -> Input | None:
    """The program's input for one pygame event, or None when it means nothing to the game."""
    t = event.type
    if t == pygame.KEYDOWN:
        if event.key in _DIGITS:
            return Input(Key.DIGIT, value=_DIGITS[event.key])
        if event.key == pygame.K_s and event.mod & pygame.KMOD_CTRL:
            return Input(Key.SAVE_AS if event.mod & pygame.KMOD_SHIFT else Key.SAVE)
        if event.key in _TEXT_SIZE and event.mod & pygame.KMOD_CTRL:
            return Input(Key.TEXT_SIZE, value=_TEXT_SIZE[event.key])
        if event.key == pygame.K_TAB:
            return Input(Key.PREV if event.mod & pygame.KMOD_SHIFT else Key.NEXT)
        if event.key in _LETTERS and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META):
            return Input(Key.LETTER, text=_LETTERS[event.key])
        key = _KEYS.get(event.key)
        return Input(key) if key else None
    if t == pygame.TEXTINPUT:
        return Input(Key.TEXT, text=event.text)
    if t == pygame.MOUSEBUTTONUP and event.button == 1:
        return Input(Key.CLICK, pos=tuple(event.pos))
    if t == pygame.MOUSEMOTION:
        return Input(Key.POINT, pos=tuple(event.pos))
    if t == pygame.MOUSEWHEEL:
        return Input(Key.SCROLL, value=1 if event.y > 0 else -1) if event.y else None
    if t == pygame.QUIT:
        return Input(Key.QUIT)
    if t == pygame.VIDEORESIZE:
        return Input(Key.RESIZE, pos=(event.w, event.h))
    if t in (pygame.VIDEOEXPOSE, pygame.WINDOWEXPOSED, pygame.WINDOWSIZECHANGED, pygame.WINDOWRESTORED):
        return Input(Key.EXPOSE)
    return None
