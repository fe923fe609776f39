"""What a reveal shows: spread, situation, and alliance signals phrased as questions.

Every rule here reads the cards one by one: a mean over several cards of a feature could hide two opposite
answers (1 vs 5 on one card, 5 vs 1 on the next), so no rule averages over cards.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from statistics import mean

from game.model.deck import Situation
from game.model.session import Estimate, Mode, Player, Role, Setup, SignalKind

HIGHLIGHT_SPREAD = 2
HIGH = 4  # an estimate of 4 or 5 counts as high
LOW = 2  # an estimate of 1 or 2 counts as low
HELPING = ("richting_en_kader", "vertrouwen", "binding")
FRICTION = "stroefheid"

Rounds = Mapping[str, Sequence[Sequence[Estimate]]]
"""Per feature its rounds in order, each round the estimates of that card."""


def values(estimates: Iterable[Estimate]) -> list[int]:
    return [e.value for e in estimates if e.value is not None]


def spread(estimates: Iterable[Estimate]) -> int | None:
    """Highest minus lowest estimate; None when fewer than two players gave one."""
    vals = values(estimates)
    return max(vals) - min(vals) if len(vals) >= 2 else None


def highlighted(spread_value: int | None) -> bool:
    """The one highlight rule, on screen, on paper and in the report: 2 or more apart."""
    return spread_value is not None and spread_value >= HIGHLIGHT_SPREAD


def passed(estimates: Iterable[Estimate]) -> bool:
    """Someone passed (skipped) this card."""
    return any(e.value is None for e in estimates)


def _role_mean(setup: Setup, estimates: Mapping[str, Estimate], role: Role) -> float | None:
    """One card: the estimate of this side (the mean when a side has several players on this card)."""
    vals = [
        estimates[p.id].value
        for p in setup.players
        if p.role == role and p.id in estimates and estimates[p.id].value is not None
    ]
    return mean(vals) if vals else None


def situation(setup: Setup, estimates: Mapping[str, Estimate]) -> Situation | None:
    """Which kind of conversation starter fits these estimates of one card.

    None if nobody answered, and in a conversation when someone passed: a pass is a pass, no situation is
    read from the estimate that is left.
    """
    vals = values(estimates.values())
    if setup.mode != Mode.CONVERSATION:
        if len(vals) < 2:
            return None
        return Situation.TEAM_APART if highlighted(spread(estimates.values())) else Situation.TEAM_CLOSE
    if not vals or passed(estimates.values()) or len(vals) < 2:
        return None
    client = _role_mean(setup, estimates, Role.CLIENT)
    pro = _role_mean(setup, estimates, Role.PROFESSIONAL)
    if client is None or pro is None:
        return None
    if abs(client - pro) >= HIGHLIGHT_SPREAD:
        return Situation.CLIENT_HIGHER if client > pro else Situation.PROFESSIONAL_HIGHER
    return _by_level(mean(vals))


def _by_level(avg: float) -> Situation:
    if avg < 2.5:
        return Situation.BOTH_LOW
    if avg > 3.5:
        return Situation.BOTH_HIGH
    return Situation.BOTH_MIDDLE


def more_positive(feature_helps: bool, client: float, professional: float) -> Role | None:
    """Who sees this feature more positively (for friction a lower number is more positive)."""
    if client == professional:
        return None
    client_better = client > professional if feature_helps else client < professional
    return Role.CLIENT if client_better else Role.PROFESSIONAL


def find_signals(mode: Mode, players: Sequence[Player], rounds: Rounds) -> list[tuple[SignalKind, str, list[str]]]:
    """The alliance signals in these cards as (kind, lane, features).

    Friction stays in its own lane: it is never added to the other three features. A gap is read per card.
    """
    roles = {p.id: p.role for p in players}

    def vals(fid: str, role: Role | None = None) -> list[int]:
        return [
            e.value
            for rnd in rounds.get(fid, [])
            for e in rnd
            if e.value is not None and (role is None or roles.get(e.player) == role)
        ]

    def side(rnd: Sequence[Estimate], role: Role) -> float | None:
        v = [e.value for e in rnd if e.value is not None and roles.get(e.player) == role]
        return mean(v) if v else None

    def pro_more_positive(fid: str) -> bool:
        """On at least one card the professional saw it 2 or more steps more positively than the client."""
        for rnd in rounds.get(fid, []):
            client, pro = side(rnd, Role.CLIENT), side(rnd, Role.PROFESSIONAL)
            if client is None or pro is None:
                continue
            gap = pro - client if fid != FRICTION else client - pro
            if gap >= HIGHLIGHT_SPREAD:
                return True
        return False

    found: list[tuple[SignalKind, str, list[str]]] = []
    helping = [f for f in HELPING if vals(f)]
    friction = vals(FRICTION)

    if len(helping) == len(HELPING) and friction:
        if all(min(vals(f)) >= HIGH for f in helping) and max(friction) <= LOW:
            found.append((SignalKind.STRONG_BASE, "alliance", [*helping, FRICTION]))

    if mode == Mode.CONVERSATION:
        client_frame = vals("richting_en_kader", Role.CLIENT)
        if client_frame and friction and min(client_frame) >= HIGH and max(friction) >= HIGH:
            found.append((SignalKind.DROPOUT_PATTERN, "friction", ["richting_en_kader", FRICTION]))
        gaps = [fid for fid in helping if pro_more_positive(fid)]
        if gaps:
            found.append((SignalKind.PROFESSIONAL_MORE_POSITIVE, "alliance", gaps))
        if friction and pro_more_positive(FRICTION):  # the client feels more friction: the same kind of gap
            found.append((SignalKind.PROFESSIONAL_MORE_POSITIVE, "friction", [FRICTION]))

    played = [f for f in rounds if vals(f)]
    if len(played) >= 2:
        best = all(
            all(v == (1 if f == FRICTION else 5) for v in vals(f)) for f in played
        )
        if best:
            found.append((SignalKind.ALL_AT_MAXIMUM, "alliance", played))
    return found
