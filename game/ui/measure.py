"""How much room a text needs: the height of a wrapped text, the width of a button whose label fits whole."""

from __future__ import annotations

from game.ui import theme


def height(text: str, w: int, px: int, bold: bool = False) -> int:
    """How high text is when wrapped at width w in px (never shrunk)."""
    return theme.fit(text, w, 100_000, px, px, bold).height


def button_width(size: tuple[int, int], label: str, h: int, hint: str = "", bold: bool = False,
                 px: int | None = None) -> int:
    """The narrowest button h high whose label (and key hint) fit it whole at px (default: the window's small
    size, which a label shrinks down to before it is cut)."""
    px = px or theme.small_px(size)
    pad = max(6, h // 5)
    w = theme.font(px, bold).size(label)[0] + 2 * pad + 2
    if hint:
        hint_w = theme.font(px).size(hint)[0] + pad
        w = max(w + hint_w + pad // 2, 3 * hint_w + 2 * pad)  # the hint takes at most a third
    return max(theme.MIN_TARGET * 2, w)
