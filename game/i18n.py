"""Player-facing words that are not on the cards, in Dutch (B1) and English."""

from __future__ import annotations

from game.model.session import SignalKind

LANGUAGES = ("nl", "en")

SIGNAL_QUESTIONS: dict[SignalKind, dict[str, str]] = {
    SignalKind.STRONG_BASE: {
        "nl": "Richting, vertrouwen en binding zijn hoog en er is weinig stroefheid. "
        "Wat helpt jullie om dit zo te houden?",
        "en": "Direction, trust and bond are high and there is little friction. "
        "What helps you keep it this way?",
    },
    SignalKind.DROPOUT_PATTERN: {
        "nl": "De regels en doelen zijn heel duidelijk, maar het contact loopt stroef. "
        "Hoe kunnen jullie samen weer lucht maken?",
        "en": "The rules and goals are very clear, but the contact feels stuck. "
        "How can you make room together again?",
    },
    SignalKind.ALL_AT_MAXIMUM: {
        "nl": "Alles staat op het hoogste punt. Klopt dat voor jullie allebei? "
        "Is er toch iets dat beter kan?",
        "en": "Everything is at the very top. Is that true for both of you? "
        "Is there still something that could be better?",
    },
    SignalKind.PROFESSIONAL_MORE_POSITIVE: {
        "nl": "De professional ziet dit positiever dan de cliënt. "
        "Wat heeft de cliënt nodig om het ook zo te ervaren?",
        "en": "The professional sees this more positively than the client. "
        "What does the client need to feel it that way too?",
    },
}


def signal_question(kind: SignalKind, lang: str) -> str:
    texts = SIGNAL_QUESTIONS[kind]
    return texts.get(lang, texts["en"])
