"""A pair's history: how each feature moved over their sessions, from both sides. No pygame, no PDF.

Everything here is pure except `find_pairs`, `load_history` and `last_agreements_in`, which read the data dir
through game.store (and never change a file there).

The trend label has no cut-off scores (the research gives none for these scales). It comes from the
least-squares line through the feature's values in session order: the change that line shows from the first to
the last session. Less than one whole step of the 1–5 scale is `stable` (the dead band: one step is the
smallest difference the cards can show). For stroefheid a drop is an improvement.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from statistics import mean

from game.engine.signals import FRICTION, highlighted, spread
from game.i18n import number, record_word
from game.model.deck import FEATURE_IDS
from game.model.session import Agreement, Mode, Player, Role, SessionSummary
from game.store import list_summaries

DEAD_BAND = 1.0  # scale steps: a fitted change smaller than this from first to last session is `stable`
MIN_SESSIONS = 2  # a trend needs at least this many sessions with a value
CHANGE_STEP = 1.0  # a side that moved this much the wrong way since last time gets a question
GAP_GROWTH = 2  # a spread that grew this much since last time gets a question


class Trend(StrEnum):
    STABLE = "stable"
    IMPROVING = "improving"
    DETERIORATING = "deteriorating"


def trend_words(trend: Trend | None, lang: str) -> str:
    """The label as players read it: calm B1 words, to talk about."""
    return record_word(f"trend_{trend.value if trend else 'none'}", lang)


def gap_words(trend: Trend | None, lang: str) -> str:
    """The gap between the two sides over the sessions in words (IMPROVING: the gap got smaller)."""
    return record_word(f"gap_{trend.value if trend else 'none'}", lang)


def same_pair(a: str | None, b: str | None) -> bool:
    """Pair codes are compared without regard to capitals: 'jd-12' and 'JD-12' are one pair."""
    return a is not None and b is not None and a.strip().casefold() == b.strip().casefold()


@dataclass(frozen=True)
class CardPoint:
    """One card of a feature in one session: each side's estimate (None: passed) and the card's spread."""

    client: float | None
    professional: float | None
    spread: int | None

    @property
    def highlighted(self) -> bool:
        return highlighted(self.spread)


@dataclass(frozen=True)
class SessionPoint:
    """One feature in one session: each side's estimate (the mean of several cards or players: an aggregate,
    labelled "gemiddeld" where shown), each card on its own, and the largest spread of a card."""

    session_id: str
    started_at: datetime
    client: float | None  # None: no client estimate (passed, or the feature was not played)
    professional: float | None
    spread: int | None  # the largest spread (highest minus lowest estimate) of the feature's cards
    cards: tuple[CardPoint, ...] = ()
    ended_early: bool = False

    @property
    def day(self) -> date:
        return self.started_at.date()

    @property
    def averaged(self) -> bool:
        """The side values are a mean over several cards: shown with the word "gemiddeld"."""
        return len(self.cards) > 1

    def value(self, role: Role) -> float | None:
        return self.client if role == Role.CLIENT else self.professional

    @property
    def combined(self) -> float | None:
        """Both sides weigh the same, however many players each side had."""
        vals = [v for v in (self.client, self.professional) if v is not None]
        return mean(vals) if vals else None

    @property
    def difference(self) -> float | None:
        """Client minus professional; None unless both gave an estimate."""
        if self.client is None or self.professional is None:
            return None
        return self.client - self.professional


@dataclass(frozen=True)
class Change:
    """A change since the session before that deserves a question (never a verdict)."""

    feature: str
    role: Role | None  # None: the gap between the two sides
    before: float
    after: float
    averaged: bool  # the values are means over several cards


@dataclass(frozen=True)
class FeatureHistory:
    feature: str
    helps: bool  # False for stroefheid: there a lower number is better
    points: tuple[SessionPoint, ...]  # oldest first; only sessions in which the feature got an estimate
    trend: Trend | None  # both sides' own labels when they agree; None with too few sessions or when they differ
    client_trend: Trend | None
    professional_trend: Trend | None
    gap_trend: Trend | None = None  # of the largest spread per session: IMPROVING means coming closer

    def series(self, role: Role) -> list[tuple[date, float]]:
        """The (date, value) points of one side, oldest first."""
        return [(p.day, v) for p in self.points if (v := p.value(role)) is not None]

    def role_trend(self, role: Role) -> Trend | None:
        return self.client_trend if role == Role.CLIENT else self.professional_trend

    def changes(self) -> list[Change]:
        """What changed from the session before to the last one and deserves a question: a side that went
        down 1 or more on a helping feature (up 1 or more on stroefheid), or a spread that grew by 2 or more."""
        if len(self.points) < 2:
            return []
        prev, last = self.points[-2], self.points[-1]
        out = []
        for role in (Role.CLIENT, Role.PROFESSIONAL):
            a, b = prev.value(role), last.value(role)
            if a is None or b is None:
                continue
            worse = a - b if self.helps else b - a
            if worse >= CHANGE_STEP - 1e-9:
                out.append(Change(self.feature, role, a, b, prev.averaged or last.averaged))
        if prev.spread is not None and last.spread is not None and last.spread - prev.spread >= GAP_GROWTH:
            out.append(Change(self.feature, None, prev.spread, last.spread, False))
        return out


def headline(fh: FeatureHistory, lang: str) -> str:
    """The trend in one line that never contradicts a side: one label when both sides have it, else each
    side's own ("cliënt: gaat beter · begeleider: gaat minder goed")."""
    if fh.client_trend == fh.professional_trend:
        return trend_words(fh.client_trend, lang)
    return (f"{record_word('client', lang)}: {trend_words(fh.client_trend, lang)} · "
            f"{record_word('professional', lang)}: {trend_words(fh.professional_trend, lang)}")


def change_question(change: Change, name: str, lang: str) -> str:
    """A change since last time as a question ("Vertrouwen: de cliënt koos lager dan vorige keer …")."""
    if change.role is None:
        key = "change_gap"
    else:
        key = f"change_{change.role.value}_{'friction' if change.feature == FRICTION else 'helps'}"
    avg = f" ({record_word('average', lang)})" if change.averaged else ""
    text = record_word(key, lang).format(before=number(change.before, lang), after=number(change.after, lang),
                                         avg=avg)
    return f"{name}: {text}"


@dataclass(frozen=True)
class SessionEntry:
    session_id: str
    started_at: datetime
    language: str
    agreements: tuple[Agreement, ...]
    path: Path | None = None
    ended_early: bool = False


@dataclass(frozen=True)
class PairHistory:
    pair_code: str
    sessions: tuple[SessionEntry, ...]  # oldest first
    features: tuple[FeatureHistory, ...]  # in table order
    unreadable: tuple[str, ...] = ()  # one line per damaged file in the data dir (skipped, left as it is)
    players: tuple[Player, ...] = ()  # of the most recent session: whose colour each side has

    def feature(self, feature_id: str) -> FeatureHistory:
        for f in self.features:
            if f.feature == feature_id:
                return f
        raise KeyError(feature_id)

    @property
    def language(self) -> str:
        return self.sessions[-1].language if self.sessions else "nl"


@dataclass(frozen=True)
class PairInfo:
    """A pair code found in the data dir, for the start screen."""

    pair_code: str  # as written in the most recent session
    last_session: datetime
    sessions: int


# --- pure functions -----------------------------------------------------------------------------


def fitted_change(values: Sequence[float]) -> float:
    """The change from first to last point of the least-squares line through values at 0, 1, 2, …"""
    n = len(values)
    if n < 2:
        return 0.0
    xm = (n - 1) / 2
    ym = mean(values)
    sxx = sum((x - xm) ** 2 for x in range(n))
    slope = sum((x - xm) * (y - ym) for x, y in enumerate(values)) / sxx
    return slope * (n - 1)


def trend_of(values: Sequence[float], helps: bool = True) -> Trend | None:
    """stable / improving / deteriorating for values in session order; None with too few sessions."""
    if len(values) < MIN_SESSIONS:
        return None
    change = fitted_change(values)
    if abs(change) < DEAD_BAND - 1e-9:
        return Trend.STABLE
    better = change > 0 if helps else change < 0
    return Trend.IMPROVING if better else Trend.DETERIORATING


def session_point(summary: SessionSummary, feature: str) -> SessionPoint | None:
    """This feature in this session; None when nobody gave it an estimate."""
    roles = {p.id: p.role for p in summary.players}
    by_role: dict[Role, list[int]] = {Role.CLIENT: [], Role.PROFESSIONAL: []}
    cards: list[CardPoint] = []
    for rnd in summary.rounds:
        if rnd.feature != feature:
            continue
        card: dict[Role, list[int]] = {Role.CLIENT: [], Role.PROFESSIONAL: []}
        for est in rnd.estimates:
            if est.value is not None and est.player in roles:
                card[roles[est.player]].append(est.value)
                by_role[roles[est.player]].append(est.value)
        c, p = card[Role.CLIENT], card[Role.PROFESSIONAL]
        cards.append(CardPoint(mean(c) if c else None, mean(p) if p else None, spread(rnd.estimates)))
    if not by_role[Role.CLIENT] and not by_role[Role.PROFESSIONAL]:
        return None
    spreads = [c.spread for c in cards if c.spread is not None]
    return SessionPoint(
        session_id=summary.session_id,
        started_at=summary.started_at,
        client=mean(by_role[Role.CLIENT]) if by_role[Role.CLIENT] else None,
        professional=mean(by_role[Role.PROFESSIONAL]) if by_role[Role.PROFESSIONAL] else None,
        spread=max(spreads) if spreads else None,
        cards=tuple(cards),
        ended_early=summary.ended_early,
    )


def feature_order(summaries: Iterable[SessionSummary], order: Sequence[str] = FEATURE_IDS) -> list[str]:
    """The features played, in table order (unknown ones after, in order of first appearance)."""
    seen: list[str] = []
    for s in summaries:
        for rnd in s.rounds:
            if rnd.feature not in seen:
                seen.append(rnd.feature)
    rank = {f: i for i, f in enumerate(order)}
    return sorted(seen, key=lambda f: (rank.get(f, len(rank)), seen.index(f)))


def pair_sessions(summaries: Iterable[SessionSummary], pair_code: str) -> list[SessionSummary]:
    """The pair's conversation sessions, oldest first (a session saved twice counts once)."""
    found: dict[str, SessionSummary] = {}
    for s in summaries:
        if s.mode == Mode.CONVERSATION and same_pair(s.pair_code, pair_code):
            found.setdefault(s.session_id, s)
    return sorted(found.values(), key=lambda s: s.started_at)


def build_history(
    pair_code: str,
    summaries: Iterable[SessionSummary],
    hinders: Iterable[str] = (FRICTION,),
    order: Sequence[str] = FEATURE_IDS,
    until: datetime | None = None,
    paths: dict[str, Path] | None = None,
    unreadable: Sequence[str] = (),
) -> PairHistory:
    """The history of one pair from any summaries (other pairs and other modes are left out).

    hinders: the features where a lower number is better; until: leave out sessions that started later.
    """
    sessions = pair_sessions(summaries, pair_code)
    if until is not None:
        sessions = [s for s in sessions if s.started_at <= until]
    hinder_set = set(hinders)
    features: list[FeatureHistory] = []
    for fid in feature_order(sessions, order):
        points = tuple(p for s in sessions if (p := session_point(s, fid)) is not None)
        helps = fid not in hinder_set

        def trend(values: list[float | None], helps: bool = helps) -> Trend | None:
            return trend_of([v for v in values if v is not None], helps)

        client, pro = trend([p.client for p in points]), trend([p.professional for p in points])
        features.append(FeatureHistory(
            feature=fid,
            helps=helps,
            points=points,
            trend=client if client == pro else None,
            client_trend=client,
            professional_trend=pro,
            gap_trend=trend_of([p.spread for p in points if p.spread is not None], helps=False),
        ))
    entries = tuple(
        SessionEntry(
            session_id=s.session_id,
            started_at=s.started_at,
            language=s.language,
            agreements=tuple(s.agreements),
            path=(paths or {}).get(s.session_id),
            ended_early=s.ended_early,
        )
        for s in sessions
    )
    code = sessions[-1].pair_code if sessions and sessions[-1].pair_code else pair_code.strip()
    players = tuple(sessions[-1].players) if sessions else ()
    return PairHistory(code, entries, tuple(features), tuple(unreadable), players)


def list_pairs(summaries: Iterable[SessionSummary]) -> list[PairInfo]:
    """Every pair code of a conversation session, most recent session first."""
    groups: dict[str, list[SessionSummary]] = {}
    for s in summaries:
        if s.mode == Mode.CONVERSATION and s.pair_code:
            groups.setdefault(s.pair_code.strip().casefold(), []).append(s)
    infos = []
    for group in groups.values():
        latest = max(group, key=lambda s: s.started_at)
        assert latest.pair_code is not None
        infos.append(PairInfo(latest.pair_code, latest.started_at, len({s.session_id for s in group})))
    return sorted(infos, key=lambda i: i.last_session, reverse=True)


def last_agreements(summaries: Iterable[SessionSummary], pair_code: str) -> SessionEntry | None:
    """The pair's most recent session (with its agreements), to look back on at the start of the next one."""
    sessions = pair_sessions(summaries, pair_code)
    if not sessions:
        return None
    s = sessions[-1]
    return SessionEntry(s.session_id, s.started_at, s.language, tuple(s.agreements), ended_early=s.ended_early)


# --- reading the data dir (files are only read, never changed) ----------------------------------


def find_pairs(root: Path) -> tuple[list[PairInfo], list[str]]:
    """The pair codes in the data dir, most recent first, and one line per unreadable file."""
    good, bad = list_summaries(root)
    return list_pairs(s for _, s in good), bad


def load_history(root: Path, pair_code: str, until: datetime | None = None) -> PairHistory:
    """The pair's history from the data dir; damaged files are listed in `unreadable` and skipped."""
    good, bad = list_summaries(root)
    paths = {s.session_id: p for p, s in good}
    return build_history(pair_code, (s for _, s in good), until=until, paths=paths, unreadable=bad)


def last_agreements_in(root: Path, pair_code: str) -> SessionEntry | None:
    """last_agreements for a pair code, read from the data dir."""
    good, _ = list_summaries(root)
    return last_agreements((s for _, s in good), pair_code)
