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


# --- words of the window (game.ui) ------------------------------------------------------------

UI: dict[str, dict[str, str]] = {
    # start
    "app_title": {"nl": "Werkalliantiespel", "en": "Working alliance game"},
    "start_sub": {
        "nl": "Samen praten over hoe jullie samenwerken. Het is geen test: er is geen goed of fout.",
        "en": "Talk together about how you work together. It is not a test: there is no right or wrong.",
    },
    "who_plays": {"nl": "Wie spelen er?", "en": "Who is playing?"},
    "name_hint": {"nl": "Naam of bijnaam (mag leeg)", "en": "Name or nickname (optional)"},
    "role_client": {"nl": "Cliënt", "en": "Client"},
    "role_professional": {"nl": "Professional", "en": "Professional"},
    "topics": {"nl": "Onderwerpen", "en": "Topics"},
    "language": {"nl": "Taal", "en": "Language"},
    "length": {"nl": "Lengte", "en": "Length"},
    "quick": {"nl": "Kort (±10 min)", "en": "Short (±10 min)"},
    "full": {"nl": "Lang (±30 min)", "en": "Long (±30 min)"},
    "guess_other": {"nl": "Raad ook de ander", "en": "Also guess the other"},
    "on": {"nl": "Aan", "en": "On"},
    "off": {"nl": "Uit", "en": "Off"},
    "pair_code": {"nl": "Koppelcode (mag leeg)", "en": "Pair code (optional)"},
    "pair_code_hint": {"nl": "letters en cijfers", "en": "letters and digits"},
    "start": {"nl": "Beginnen", "en": "Start"},
    "need_topic": {"nl": "Kies minstens één onderwerp.", "en": "Choose at least one topic."},
    # shared
    "rules": {"nl": "Spelregels", "en": "Rules"},
    "menu": {"nl": "Menu", "en": "Menu"},
    "continue": {"nl": "Verder", "en": "Continue"},
    "back": {"nl": "Terug", "en": "Back"},
    "round": {"nl": "Kaart {n} van {total}", "en": "Card {n} of {total}"},
    # table / deal
    "deal_title": {
        "nl": "Lees de kaart. Ieder leest zijn eigen kant.",
        "en": "Read the card. Each reads their own side.",
    },
    "reads": {"nl": "{name} leest:", "en": "{name} reads:"},
    "swap": {"nl": "Andere kaart", "en": "Other card"},
    "deal_hint": {
        "nl": "Past de vraag niet bij jullie? Kies een andere kaart.",
        "en": "Does the question not fit you? Choose another card.",
    },
    "discuss_hint": {"nl": "Lees de gesprekskaart hardop.", "en": "Read the conversation card aloud."},
    "reflect_hint": {
        "nl": "Neem er de tijd voor. Er is geen goed of fout.",
        "en": "Take your time. There is no right or wrong.",
    },
    "agree_note": {"nl": "Afspraken komen in de samenvatting.", "en": "Agreements go into the summary."},
    "switch": {"nl": "wissel", "en": "switch"},
    "placed": {"nl": "Kaart ligt klaar", "en": "Card placed"},
    "not_yet": {"nl": "Kiest nog", "en": "Still choosing"},
    # hand-over
    "handover_title": {"nl": "Geef de laptop aan {name}", "en": "Hand the laptop to {name}"},
    "handover_sub": {
        "nl": "De ander kijkt even niet mee. Zo blijft ieders keuze geheim.",
        "en": "The other person looks away for a moment. That way each choice stays secret.",
    },
    "handover_btn": {"nl": "Ik ben {name}", "en": "I am {name}"},
    # estimate
    "estimate_title": {"nl": "{name}, hoe zie jij dit?", "en": "{name}, how do you see this?"},
    "estimate_hint": {"nl": "Tik op een kaart of druk 1 tot 5.", "en": "Tap a card or press 1 to 5."},
    "guess_title": {"nl": "Wat denk je dat {name} kiest?", "en": "What do you think {name} picks?"},
    "secret_hint": {
        "nl": "Je keuze blijft geheim tot jullie samen omdraaien.",
        "en": "Your choice stays secret until you turn over together.",
    },
    "confirm": {"nl": "Klaar", "en": "Done"},
    "pass": {"nl": "Sla over", "en": "Skip"},
    "your_choice": {"nl": "Jouw keuze: {value}", "en": "Your choice: {value}"},
    "your_guess": {"nl": "Jouw gok: {value}", "en": "Your guess: {value}"},
    # reveal
    "reveal_title": {"nl": "Zo zien jullie het", "en": "This is how you see it"},
    "apart": {"nl": "{n} uit elkaar", "en": "{n} apart"},
    "same": {"nl": "Jullie kozen hetzelfde.", "en": "You chose the same."},
    "close": {"nl": "Jullie liggen dicht bij elkaar.", "en": "You are close together."},
    "more_positive": {"nl": "{name} ziet dit positiever.", "en": "{name} sees this more positively."},
    "less_friction": {"nl": "{name} ervaart minder stroefheid.", "en": "{name} feels less friction."},
    "lower_better": {"nl": "Bij stroefheid is lager beter.", "en": "For friction, lower is better."},
    "lower_better_short": {"nl": "lager is beter", "en": "lower is better"},
    "passed": {"nl": "{name} sloeg over.", "en": "{name} skipped."},
    "skipped": {"nl": "overgeslagen", "en": "skipped"},
    "guess_right": {
        "nl": "{name} raadde goed: {other} koos {guess}.",
        "en": "{name} guessed right: {other} chose {guess}.",
    },
    "guess_off": {
        "nl": "{name} dacht dat {other} {guess} koos.",
        "en": "{name} thought {other} would choose {guess}.",
    },
    "in_line": {"nl": "Jullie zitten op één lijn!", "en": "You are on the same wavelength!"},
    "talk_about_it": {
        "nl": "Praat erover: wat zie je anders?",
        "en": "Talk about it: what do you see differently?",
    },
    # discuss / reflect / agree
    "discuss_title": {"nl": "Praat erover", "en": "Talk about it"},
    "no_starter": {
        "nl": "Praat samen over de kaart. Wat valt jullie op?",
        "en": "Talk about the card together. What do you notice?",
    },
    "reflect_title": {"nl": "Even terugkijken", "en": "Looking back"},
    "agree_title": {"nl": "Spreken jullie iets af?", "en": "Do you agree on something?"},
    "agree_hint": {
        "nl": "Typ het hier. Enter: opslaan. Niets typen en Enter: overslaan.",
        "en": "Type it here. Enter: save. Type nothing and Enter: skip.",
    },
    "save": {"nl": "Opslaan", "en": "Save"},
    "skip": {"nl": "Overslaan", "en": "Skip"},
    "saved_notes": {"nl": "Al afgesproken:", "en": "Agreed so far:"},
    # summary
    "summary_title": {"nl": "Samenvatting", "en": "Summary"},
    "topic": {"nl": "Onderwerp", "en": "Topic"},
    "difference": {"nl": "Verschil", "en": "Difference"},
    "signals_title": {"nl": "Vragen om verder over te praten", "en": "Questions to talk about further"},
    "no_signals": {
        "nl": "Geen bijzondere patronen. Wat viel jullie zelf op?",
        "en": "No special patterns. What did you notice yourselves?",
    },
    "agreements": {"nl": "Afspraken", "en": "Agreements"},
    "no_agreements": {"nl": "Geen afspraken genoteerd.", "en": "No agreements written down."},
    "saved_in": {"nl": "Opgeslagen in: {path}", "en": "Saved in: {path}"},
    "not_saved": {"nl": "Niet opgeslagen.", "en": "Not saved."},
    "ended_early": {"nl": "Eerder gestopt.", "en": "Ended early."},
    "no_rounds": {"nl": "Er is nog geen kaart omgedraaid.", "en": "No card was turned over yet."},
    "again": {"nl": "Opnieuw", "en": "Again"},
    "close_app": {"nl": "Sluiten", "en": "Close"},
    "chart_title": {"nl": "Jullie schattingen (1 tot 5)", "en": "Your estimates (1 to 5)"},
    "more": {"nl": "en nog {n} meer", "en": "and {n} more"},
    # pause / quit
    "pause_title": {"nl": "Pauze", "en": "Paused"},
    "resume": {"nl": "Verder spelen", "en": "Resume"},
    "end_save": {"nl": "Afronden en opslaan", "en": "Finish and save"},
    "quit": {"nl": "Afsluiten", "en": "Quit"},
    "quit_title": {"nl": "Wil je afsluiten?", "en": "Do you want to quit?"},
    "quit_body": {
        "nl": "Wat je invulde blijft bewaard op deze computer. Er komt nog geen samenvatting.",
        "en": "What you entered stays saved on this computer. No summary is made yet.",
    },
    "go_on": {"nl": "Nee, verder", "en": "No, go on"},
    # rules
    "rules_missing": {
        "nl": "Een kaart wordt open gelegd. Ieder kiest stil een getal van 1 tot 5. "
        "Daarna draaien jullie de kaarten samen om. Waar jullie verschillen, begint het gesprek. "
        "Er is geen goed of fout.",
        "en": "A card is laid open. Each picks a number from 1 to 5 in secret. "
        "Then you turn the cards over together. Where you differ, the conversation starts. "
        "There is no right or wrong.",
    },
    "rules_scroll": {
        "nl": "Scroll met de pijltjes of het wieltje.",
        "en": "Scroll with the arrow keys or the wheel.",
    },
}


def ui(key: str, lang: str, **values: object) -> str:
    """A word of the window in `lang` (English when missing), with {placeholders} filled in."""
    texts = UI[key]
    text = texts.get(lang, texts["en"])
    return text.format(**values) if values else text
