"""What a reveal shows: spread, situation, and alliance signals phrased as questions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from statistics import mean

from game.model.deck import Situation
from game.model.session import Estimate, Mode, Role, Setup, SignalKind

HIGHLIGHT_SPREAD = 2
HIGH = 4  # an estimate of 4 or 5 counts as high
LOW = 2  # an estimate of 1 or 2 counts as low
HELPING = ("richting_en_kader", "vertrouwen", "binding")
FRICTION = "stroefheid"


def values(estimates: Iterable[Estimate]) -> list[int]:
    return [e.value for e in estimates if e.value is not None]


def spread(estimates: Iterable[Estimate]) -> int | None:
    """Highest minus lowest estimate; None when fewer than two players gave one."""
    vals = values(estimates)
    return max(vals) - min(vals) if len(vals) >= 2 else None


def highlighted(spread_value: int | None) -> bool:
    return spread_value is not None and spread_value >= HIGHLIGHT_SPREAD


def _role_mean(setup: Setup, estimates: Mapping[str, Estimate], role: Role) -> float | None:
    vals = [
        estimates[p.id].value
        for p in setup.players
        if p.role == role and p.id in estimates and estimates[p.id].value is not None
    ]
    return mean(vals) if vals else None


def situation(setup: Setup, estimates: Mapping[str, Estimate]) -> Situation | None:
    """Which kind of conversation starter fits these estimates; None if nobody answered."""
    vals = values(estimates.values())
    if not vals:
        return None
    if setup.mode == Mode.CONVERSATION:
        client = _role_mean(setup, estimates, Role.CLIENT)
        pro = _role_mean(setup, estimates, Role.PROFESSIONAL)
        if client is not None and pro is not None and abs(client - pro) >= HIGHLIGHT_SPREAD:
            return Situation.CLIENT_HIGHER if client > pro else Situation.PROFESSIONAL_HIGHER
    if setup.mode != Mode.CONVERSATION:
        return Situation.TEAM_APART if highlighted(spread(estimates.values())) else Situation.TEAM_CLOSE
    return _by_level(mean(vals))


def _by_level(avg: float) -> Situation:
    if avg < 2.5:
        return Situation.BOTH_LOW
    if avg > 3.5:
        return Situation.BOTH_HIGH
    return Situation.BOTH_MIDDLE


def more_positive(feature_helps: bool, client: int, professional: int) -> Role | None:
    """Who sees this feature more positively (for friction a lower number is more positive)."""
    if client == professional:
        return None
    client_better = client > professional if feature_helps else client < professional
    return Role.CLIENT if client_better else Role.PROFESSIONAL


def find_signals(setup: Setup, by_feature: Mapping[str, list[Estimate]]) -> list[tuple[SignalKind, str, list[str]]]:
    """The alliance signals in these estimates as (kind, lane, features).

    Friction stays in its own lane: it is never added to the other three features.
    """
    roles = {p.id: p.role for p in setup.players}

    def vals(fid: str, role: Role | None = None) -> list[int]:
        return [
            e.value
            for e in by_feature.get(fid, [])
            if e.value is not None and (role is None or roles.get(e.player) == role)
        ]

    found: list[tuple[SignalKind, str, list[str]]] = []
    helping = [f for f in HELPING if vals(f)]
    friction = vals(FRICTION)

    if len(helping) == len(HELPING) and friction:
        if all(min(vals(f)) >= HIGH for f in helping) and max(friction) <= LOW:
            found.append((SignalKind.STRONG_BASE, "alliance", [*helping, FRICTION]))

    if setup.mode == Mode.CONVERSATION:
        client_frame = vals("richting_en_kader", Role.CLIENT)
        if client_frame and friction and min(client_frame) >= HIGH and max(friction) >= HIGH:
            found.append((SignalKind.DROPOUT_PATTERN, "friction", ["richting_en_kader", FRICTION]))
        gaps = []
        for fid in helping:
            client, pro = vals(fid, Role.CLIENT), vals(fid, Role.PROFESSIONAL)
            if client and pro and mean(pro) - mean(client) >= HIGHLIGHT_SPREAD:
                gaps.append(fid)
        if gaps:
            found.append((SignalKind.PROFESSIONAL_MORE_POSITIVE, "alliance", gaps))

    played = [f for f in by_feature if vals(f)]
    if len(played) >= 2:
        best = all(
            all(v == (1 if f == FRICTION else 5) for v in vals(f)) for f in played
        )
        if best:
            found.append((SignalKind.ALL_AT_MAXIMUM, "alliance", played))
    return found
