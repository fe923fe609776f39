"""The nouns of a deck: features, cards, conversation starters and case cards."""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from game.kinds import FEATURE_IDS  # noqa: F401 - re-exported

ICONS = ("compass", "key", "heart", "knot")

MAX_ID = 40  # characters in an id or a version: it is shown in a card's footer and names a card in a summary
_UNSEEN = {"Cc", "Cf", "Cs", "Co", "Cn", "Mn", "Me", "Zs", "Zl", "Zp"}  # controls, format marks, lone accents
_BLANK_LETTERS = set("\u115f\u1160\u3164\uffa0\u2800")  # fillers that count as letters but show nothing


def visible(text: str) -> bool:
    """True when a reader can see something: not only spaces, zero-width or format characters, or lone accents."""
    return any(unicodedata.category(ch) not in _UNSEEN and ch not in _BLANK_LETTERS for ch in text)


def _readable(text: str) -> str:
    bad = [ch for ch in text if unicodedata.category(ch) == "Cc" and ch != "\n"]
    if bad:
        raise ValueError(f"contains a control character ({ascii(bad[0])})")
    if not visible(text):
        raise ValueError("has no visible character (only spaces or invisible characters)")
    return text


NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_readable)]
Id = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_ID), AfterValidator(_readable)
]
Localized = dict[str, NonEmpty]
"""Text in every language of the deck, keyed by language code."""
Labels = Annotated[list[NonEmpty], Field(min_length=5, max_length=5)]
"""The words for 1 to 5 of a scale, in one language."""
ScaleName = Annotated[str, StringConstraints(pattern=r"^([a-z][a-z0-9_]*)?$")]


class Strict(BaseModel):
    """Base for deck data: unknown keys are an error, objects are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Polarity(StrEnum):
    HELPS = "helps"
    HINDERS = "hinders"


class CardKind(StrEnum):
    QUESTION = "question"
    REFLECTION = "reflection"


class Situation(StrEnum):
    """What a reveal can show; each has its own conversation starters."""

    CLIENT_HIGHER = "client_higher"
    PROFESSIONAL_HIGHER = "professional_higher"
    BOTH_LOW = "both_low"
    BOTH_HIGH = "both_high"
    BOTH_MIDDLE = "both_middle"
    TEAM_APART = "team_apart"
    TEAM_CLOSE = "team_close"


class Field_(StrEnum):
    """The work fields that case cards come from."""

    PROBATION = "probation"
    YOUTH_PROTECTION = "youth_protection"
    DEBT_COUNSELLING = "debt_counselling"
    LABOUR_INTEGRATION = "labour_integration"
    SHELTER = "shelter"


class Sides(Strict):
    client: Localized
    professional: Localized


class Card(Strict):
    """A question or reflection card, phrased for the client and for the professional."""

    id: Id
    kind: CardKind
    quick: bool = False
    scale: ScaleName = ""  # a question rated on one of the deck's [scales] instead of its feature's
    client: Localized
    professional: Localized
    feature: str = ""  # filled in by the loader from the file it stands in

    def text(self, side: str, lang: str) -> str:
        return (self.client if side == "client" else self.professional)[lang]


class Starter(Strict):
    id: Id
    situation: Situation
    text: Localized
    feature: str = ""


class Feature(Strict):
    id: Id
    order: Annotated[int, Field(ge=1, le=4)]
    polarity: Polarity
    colour: Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
    icon: Annotated[str, StringConstraints(pattern="^(" + "|".join(ICONS) + ")$")]
    name: Localized
    description: Localized  # one B1 line that says what the feature is about, shown on its question cards
    scale: ScaleName = ""  # its questions are rated on one of the deck's [scales] instead of the main scale


class Case(Strict):
    """A short client situation for team training, with the case client's own view."""

    id: Id
    field: Field_
    title: Localized
    text: Localized
    client_view: dict[str, Annotated[int, Field(ge=1, le=5)]]


class Consent(Strict):
    """What happens with the answers: shown before every conversation and printed as a card of its own.

    An organisation writes its own in consent.toml; it must only say what the program and the organisation do.
    """

    title: Localized
    saved: Localized  # what is kept when the pair chooses to save
    seen: Localized  # who may see it


class Deck(Strict):
    """A whole validated deck; build it with game.decks.load_deck."""

    id: Id
    version: Id
    languages: list[str]
    name: Localized
    scale: dict[str, Labels]
    scales: dict[str, dict[str, Labels]] = {}  # extra scales by name, e.g. "often": never … always
    address: Sides | None = None  # how each side of a card names the other, e.g. "mijn begeleider"
    jargon: dict[str, list[NonEmpty]] = {}  # per language: words a card should not use
    features: list[Feature]
    cards: list[Card]
    starters: list[Starter]
    cases: list[Case] = []
    consent: Consent | None = None

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def feature(self, feature_id: str) -> Feature:
        for f in self.features:
            if f.id == feature_id:
                return f
        raise KeyError(feature_id)

    def card(self, card_id: str) -> Card:
        for c in self.cards:
            if c.id == card_id:
                return c
        raise KeyError(card_id)

    def starter(self, starter_id: str) -> Starter:
        for s in self.starters:
            if s.id == starter_id:
                return s
        raise KeyError(starter_id)

    def case(self, case_id: str) -> Case:
        for c in self.cases:
            if c.id == case_id:
                return c
        raise KeyError(case_id)

    def scale_of(self, card_id: str | None = None, feature_id: str | None = None) -> str:
        """The name of the scale a card (or else a feature) is rated on; "" is the deck's main scale."""
        card = self.card(card_id) if card_id else None
        if card is not None and card.scale:
            return card.scale
        fid = card.feature if card is not None else feature_id
        return self.feature(fid).scale if fid else ""

    def labels(self, lang: str, card_id: str | None = None, feature_id: str | None = None) -> list[str]:
        """The words for 1 to 5 in `lang` (the default language when missing) for a card or a feature."""
        name = self.scale_of(card_id, feature_id)
        scale = self.scales[name] if name else self.scale
        return scale.get(lang) or scale[self.default_language]

    def cards_of(self, feature_id: str, kind: CardKind, quick_only: bool = False) -> list[Card]:
        return [
            c
            for c in self.cards
            if c.feature == feature_id and c.kind == kind and (c.quick or not quick_only)
        ]

    def starters_for(self, feature_id: str, situation: Situation) -> list[Starter]:
        return [s for s in self.starters if s.feature == feature_id and s.situation == situation]
