"""Player-facing words that are not on the cards, in Dutch (B1) and English."""

from __future__ import annotations

from datetime import date, datetime

from game.kinds import SignalKind

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
        "nl": "De begeleider ziet dit positiever dan de cliënt. "
        "Wat kan de begeleider anders doen?",
        "en": "The professional sees this more positively than the client. "
        "What could the professional do differently?",
    },
}
# The same kind of gap on stroefheid: the client feels more friction than the professional does.
FRICTION_GAP_QUESTION: dict[str, str] = {
    "nl": "De cliënt merkt meer stroefheid dan de begeleider. Wat kan de begeleider anders doen?",
    "en": "The client feels more friction than the professional. What could the professional do differently?",
}
ALL_TOPICS = {"nl": "Alle onderwerpen", "en": "All topics"}


def signal_question(kind: SignalKind, lang: str, features: list[str] | None = None, lane: str = "alliance"
                    ) -> str:
    """The signal as a question, headed by the names of its features ("Vertrouwen: …")."""
    texts = FRICTION_GAP_QUESTION if kind == SignalKind.PROFESSIONAL_MORE_POSITIVE and lane == "friction" \
        else SIGNAL_QUESTIONS[kind]
    text = texts.get(lang, texts["en"])
    if not features:
        return text
    if len(features) > 3:
        head = ALL_TOPICS.get(lang, ALL_TOPICS["en"])
    else:
        head = ", ".join([features[0], *(f[:1].lower() + f[1:] for f in features[1:])])
    return f"{head}: {text}"


# --- the record of a session: summary screen, report, history screen and command (game.record) ----------

RECORD: dict[str, dict[str, str]] = {
    "client": {"nl": "cliënt", "en": "client"},
    "professional": {"nl": "begeleider", "en": "professional"},
    "passed": {"nl": "sloeg over", "en": "skipped"},
    "spread": {"nl": "verschil", "en": "difference"},
    "average": {"nl": "gemiddeld", "en": "average"},
    "unknown_card": {
        "nl": "(een vraag uit een andere versie van de kaartset)",
        "en": "(a question from another version of the deck)",
    },
    "talk": {"nl": "om over te praten", "en": "to talk about"},
    "ended_early": {"nl": "eerder gestopt", "en": "ended early"},
    # trends over the sessions: each side, and the gap between them
    "trend_stable": {"nl": "blijft gelijk", "en": "stays the same"},
    "trend_improving": {"nl": "gaat beter", "en": "going better"},
    "trend_deteriorating": {"nl": "gaat minder goed", "en": "going less well"},
    "trend_none": {"nl": "nog te weinig gesprekken", "en": "too few sessions yet"},
    "gap_stable": {"nl": "het verschil blijft even groot", "en": "the difference stays the same"},
    "gap_improving": {"nl": "jullie komen dichter bij elkaar", "en": "you are coming closer together"},
    "gap_deteriorating": {"nl": "jullie gaan verder uit elkaar", "en": "you are moving further apart"},
    "gap_none": {"nl": "nog te weinig gesprekken", "en": "too few sessions yet"},
    "since_last": {"nl": "Sinds vorige keer", "en": "Since last time"},
    "change_client_helps": {
        "nl": "de cliënt koos lager dan vorige keer (eerst {before}, nu {after}{avg}). Wat is er gebeurd?",
        "en": "the client chose lower than last time (was {before}, now {after}{avg}). What happened?",
    },
    "change_professional_helps": {
        "nl": "de begeleider koos lager dan vorige keer (eerst {before}, nu {after}{avg}). Wat is er gebeurd?",
        "en": "the professional chose lower than last time (was {before}, now {after}{avg}). What happened?",
    },
    "change_client_friction": {
        "nl": "de cliënt merkt meer stroefheid dan vorige keer (eerst {before}, nu {after}{avg}). Wat is er gebeurd?",
        "en": "the client feels more friction than last time (was {before}, now {after}{avg}). What happened?",
    },
    "change_professional_friction": {
        "nl": "de begeleider merkt meer stroefheid dan vorige keer (eerst {before}, nu {after}{avg}). "
        "Wat is er gebeurd?",
        "en": "the professional feels more friction than last time (was {before}, now {after}{avg}). What happened?",
    },
    "change_gap": {
        "nl": "jullie liggen verder uit elkaar dan vorige keer (verschil eerst {before}, nu {after}). "
        "Waar zien jullie het anders?",
        "en": "you are further apart than last time (difference was {before}, now {after}). "
        "Where do you see it differently?",
    },
    # the one-page report
    "report_title": {"nl": "Werkalliantie: verslag van het gesprek", "en": "Working alliance: session report"},
    "report_intro": {
        "nl": "Dit verslag helpt om samen over de samenwerking te praten. Het is geen test en geen oordeel.",
        "en": "This report helps you talk together about how you work together. "
        "It is not a test and not a judgement.",
    },
    "report_date": {"nl": "Datum", "en": "Date"},
    "report_pair": {"nl": "Paarcode", "en": "Pair code"},
    "report_no_pair": {"nl": "geen", "en": "none"},
    "report_players": {"nl": "Deelnemers", "en": "Players"},
    "report_discussed": {"nl": "Besproken met de cliënt op {date}.", "en": "Discussed with the client on {date}."},
    "report_estimates": {"nl": "De schattingen", "en": "The estimates"},
    "report_per_card": {
        "nl": "Per kaart: de vraag die jullie beantwoordden, ieders getal en het verschil. "
        "Een verschil van 2 of meer is geel: om over te praten.",
        "en": "Card by card: the question you answered, each person's number and the difference. "
        "A difference of 2 or more is yellow: to talk about.",
    },
    "report_no_cards": {"nl": "Er is geen kaart omgedraaid.", "en": "No card was turned over."},
    "report_ended_early": {
        "nl": "Het gesprek is eerder gestopt. Alleen de kaarten die jullie omdraaiden staan hier.",
        "en": "The session ended early. Only the cards you turned over are shown.",
    },
    "report_signals": {"nl": "Om over te praten", "en": "To talk about"},
    "report_starters": {"nl": "Gespreksstarters die jullie gebruikten", "en": "Conversation starters you used"},
    "report_agreements": {"nl": "Afspraken en notities", "en": "Agreements and notes"},
    "report_nothing_written": {"nl": "Er is niets opgeschreven.", "en": "Nothing was written down."},
    "report_more": {"nl": "… en nog {n} in het sessiebestand.", "en": "… and {n} more in the session file."},
    "report_all_in_file": {"nl": "Deze {n} staan in het sessiebestand.", "en": "These {n} are in the session file."},
    "report_trend": {"nl": "Hoe het ging", "en": "How it went"},
    "report_sessions": {"nl": "{n} gesprekken", "en": "{n} sessions"},
    "report_trend_how": {
        "nl": "De lijn gaat door het gemiddelde van elk gesprek. Minder dan 1 stap verschil van het eerste tot het "
        "laatste gesprek: blijft gelijk. Bij stroefheid is lager beter.",
        "en": "The line runs through each session's average. Less than 1 step of change from the first to the "
        "last session: stays the same. For friction, lower is better.",
    },
    "report_trend_early": {"nl": "Eerder gestopt: {dates}.", "en": "Ended early: {dates}."},
    "report_footer": {"nl": "Werkalliantiespel", "en": "Working alliance game"},
    "report_set": {"nl": "kaartset", "en": "deck"},
    "report_session": {"nl": "gesprek", "en": "session"},
    # the `history` command
    "pair": {
        "nl": "Paar {code}: {n} gesprekken, {first} tot {last}",
        "en": "Pair {code}: {n} sessions, {first} to {last}",
    },
    "pair_one": {"nl": "Paar {code}: 1 gesprek, {first}", "en": "Pair {code}: 1 session, {first}"},
    "date": {"nl": "datum", "en": "date"},
    "card": {"nl": "kaart", "en": "card"},
    "friction_hint": {"nl": "hoger = meer stroefheid", "en": "higher = more friction"},
    "agreements": {"nl": "Afspraken en notities", "en": "Agreements and notes"},
    "nothing": {"nl": "(niets opgeschreven)", "en": "(nothing written down)"},
    "no_sessions": {
        "nl": "geen gesprekken met paarcode {code} in {dir}",
        "en": "no sessions with pair code {code} in {dir}",
    },
    "no_pairs": {"nl": "geen paarcodes in {dir}", "en": "no pair codes in {dir}"},
    "pair_col": {"nl": "paarcode", "en": "pair code"},
    "last_col": {"nl": "laatste gesprek", "en": "last session"},
    "sessions_col": {"nl": "gesprekken", "en": "sessions"},
    "how": {
        "nl": "Hoe het ging: de lijn door alle gesprekken. Minder dan 1 stap van eerste tot laatste: "
        "blijft gelijk. Een verschil van 2 of meer is om over te praten (!).",
        "en": "How it went: the line through all sessions. Less than 1 step from first to last: "
        "stays the same. A difference of 2 or more is to talk about (!).",
    },
}


def number(value: float | None, lang: str) -> str:
    """3 or 3,5 (nl, with a decimal comma) / 3.5 (en); a dash for no value."""
    if value is None:
        return "–"
    text = f"{value:.0f}" if abs(value - round(value)) < 0.05 else f"{value:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


def record_word(key: str, lang: str) -> str:
    """A word of the record in `lang`, English when missing."""
    texts = RECORD[key]
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
    "role_professional": {"nl": "Begeleider", "en": "Professional"},
    "topics": {"nl": "Onderwerpen", "en": "Topics"},
    "language": {"nl": "Taal", "en": "Language"},
    "length": {"nl": "Lengte", "en": "Length"},
    "quick": {"nl": "Kort (±10 min)", "en": "Short (±10 min)"},
    "full": {"nl": "Lang (±30 min)", "en": "Long (±30 min)"},
    "guess_other": {"nl": "Raad ook de ander", "en": "Also guess the other"},
    "on": {"nl": "Aan", "en": "On"},
    "off": {"nl": "Uit", "en": "Off"},
    "pair_code": {"nl": "Jullie code (mag leeg)", "en": "Your code (optional)"},
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
        "nl": "Het spel ziet hier niets om apart te noemen. Wat viel jullie zelf op?",
        "en": "The game sees nothing here to point out. What did you notice yourselves?",
    },
    "agreements": {"nl": "Afspraken", "en": "Agreements"},
    "no_agreements": {"nl": "Geen afspraken genoteerd.", "en": "No agreements written down."},
    "saved_in": {"nl": "Opgeslagen in: {path}", "en": "Saved in: {path}"},
    "not_saved": {"nl": "Niet opgeslagen.", "en": "Not saved."},
    "ended_early": {"nl": "Eerder gestopt.", "en": "Ended early."},
    "no_rounds": {"nl": "Er is nog geen kaart omgedraaid.", "en": "No card was turned over yet."},
    "again": {"nl": "Opnieuw", "en": "Again"},
    "close_app": {"nl": "Sluiten", "en": "Close"},
    "more": {"nl": "en nog {n} meer", "en": "and {n} more"},
    # the summary's card rows, a page at a time when they do not all fit at the readable size
    "rows_page": {"nl": "Kaart {first}–{last} van {n}", "en": "Card {first}–{last} of {n}"},
    "rows_prev": {"nl": "Vorige", "en": "Previous"},
    "rows_next": {"nl": "Volgende", "en": "Next"},
    # with larger text: the summary's questions and agreements on pages after the card rows (issue 16)
    "summary_talk": {"nl": "Vragen en afspraken", "en": "Questions and agreements"},
    "saved_short": {"nl": "Opgeslagen.", "en": "Saved."},
    "kept_nothing_short": {"nl": "Niets bewaard.", "en": "Nothing saved."},
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
    # resume at start-up (only the start time and the card: no names, another pair may sit here)
    "resume_title": {"nl": "Er staat nog een gesprek open", "en": "A session is still open"},
    "resume_body": {
        "nl": "Begonnen op {date} om {time}. Jullie waren bij kaart {n} van {total}.",
        "en": "Started on {date} at {time}. You were at card {n} of {total}.",
    },
    "discard": {"nl": "Weggooien", "en": "Discard"},
    "discard_title": {"nl": "Gesprek weggooien?", "en": "Discard the session?"},
    "discard_body": {
        "nl": "Alles wat in dit gesprek is ingevuld, wordt gewist. Dat kan niet ongedaan worden.",
        "en": "Everything entered in this session is deleted. This cannot be undone.",
    },
    "discard_no": {"nl": "Nee, terug", "en": "No, go back"},
    "discard_yes": {"nl": "Ja, weggooien", "en": "Yes, discard"},
    "ok": {"nl": "Oké", "en": "OK"},
    "damaged_title": {"nl": "Het open gesprek kan niet verder", "en": "The open session cannot go on"},
    "store_title": {"nl": "Het open gesprek is niet te lezen", "en": "The open session cannot be read"},
    "finished_title": {"nl": "Het vorige gesprek is opgeslagen", "en": "The last session is saved"},
    "finished_body": {
        "nl": "Het gesprek van {date} om {time} is afgerond. De samenvatting staat bij de gesprekken.",
        "en": "The session of {date} at {time} is finished. The summary is with the sessions.",
    },
    # pair codes and history on the start screen
    "pair_pick": {"nl": "Kies", "en": "Choose"},
    "pair_pick_title": {"nl": "Kies jullie code", "en": "Choose your code"},
    "pair_pick_sub": {
        "nl": "De laatste bovenaan. Een nieuwe code typ je zelf.",
        "en": "The latest at the top. Type a new code yourself.",
    },
    "pair_row": {"nl": "{n} gesprekken · laatste {date}", "en": "{n} sessions · last {date}"},
    "pair_row_one": {"nl": "1 gesprek · {date}", "en": "1 session · {date}"},
    "history": {"nl": "Eerdere gesprekken", "en": "Earlier sessions"},
    # history screen
    "history_title": {"nl": "Eerdere gesprekken van {code}", "en": "Earlier sessions of {code}"},
    "history_apart": {"nl": "2 of meer verschil", "en": "2 or more apart"},
    "history_sub": {
        "nl": "{n} gesprekken, van {first} tot {last}",
        "en": "{n} sessions, from {first} to {last}",
    },
    "history_sub_one": {"nl": "1 gesprek, op {first}", "en": "1 session, on {first}"},
    "history_none": {"nl": "Nog geen gesprekken met deze code.", "en": "No sessions with this code yet."},
    "history_agreements": {"nl": "Afspraken per gesprek", "en": "Agreements per session"},
    "history_unreadable": {
        "nl": "Niet te lezen (overgeslagen, niet veranderd):",
        "en": "Could not be read (skipped, left as it is):",
    },
    "history_hint": {
        "nl": "Klik op een onderwerp of druk 1 tot {n} om het groot te zien.",
        "en": "Click a topic or press 1 to {n} to see it large.",
    },
    "history_hint_one": {
        "nl": "Esc of klik: alle onderwerpen.",
        "en": "Esc or click: all topics.",
    },
    "trend_how": {
        "nl": "Blijft gelijk: minder dan 1 stap verschil van het eerste tot het laatste gesprek. "
        "De lijn gaat door het gemiddelde van een gesprek met meer kaarten. * eerder gestopt.",
        "en": "Stays the same: less than 1 step of change from the first to the last session. "
        "The line runs through a session's average when it had more cards. * ended early.",
    },
    "older": {"nl": "Ouder", "en": "Older"},
    # the history with larger text: one topic at a time, how to read the lines in the agreements panel (issue 16)
    "topic_of": {"nl": "Onderwerp {k} van {n}", "en": "Topic {k} of {n}"},
    "topic_of_short": {"nl": "{k} van {n}", "en": "{k} of {n}"},
    "trend_how_title": {"nl": "Zo lees je de lijnen", "en": "How to read the lines"},
    "newer": {"nl": "Nieuwer", "en": "Newer"},
    # look back at the start of a session with a known pair code
    "lookback_title": {"nl": "Eerst even terugkijken", "en": "First, a look back"},
    "lookback_sub": {
        "nl": "Het vorige gesprek was op {date}.",
        "en": "The last session was on {date}.",
    },
    "lookback_agreed": {"nl": "Dit spraken jullie toen af:", "en": "This is what you agreed then:"},
    "lookback_none": {
        "nl": "Toen is er niets opgeschreven.",
        "en": "Nothing was written down then.",
    },
    "lookback_ask": {
        "nl": "Hoe ging het daarmee? Praat er even over. Druk dan op Verder.",
        "en": "How did it go? Talk about it for a moment. Then press Continue.",
    },
}

MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
SHORT_MONTHS = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def long_date(day: date, lang: str) -> str:
    """12 maart 2025 / 12 March 2025."""
    return f"{day.day} {MONTHS.get(lang, MONTHS['en'])[day.month - 1]} {day.year}"


def short_date(day: date, lang: str, year: bool = True) -> str:
    """12 mrt 2025 / 12 Mar 2025 (without the year: 12 mrt)."""
    text = f"{day.day} {SHORT_MONTHS.get(lang, SHORT_MONTHS['en'])[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def local(moment: datetime) -> datetime:
    """A saved (aware) time in this computer's time zone, as people read the clock."""
    return moment.astimezone() if moment.tzinfo is not None else moment


def ui(key: str, lang: str, **values: object) -> str:
    """A word of the window in `lang` (English when missing), with {placeholders} filled in."""
    texts = UI[key]
    text = texts.get(lang, texts["en"])
    return text.format(**values) if values else text


# --- team training and practice (kept together; merged into UI) -------------------------------

TEAM_UI: dict[str, dict[str, str]] = {
    # start
    "mode_conversation": {"nl": "Gesprek", "en": "Conversation"},
    "mode_team": {"nl": "Team", "en": "Team training"},
    "mode_practice": {"nl": "Oefenen", "en": "Practice"},
    "start_sub_team": {
        "nl": "Een team schat samen een casus in. Waar jullie verschillen, valt iets te leren. Het is geen test.",
        "en": "A team looks at a case together. Where you differ, there is something to learn. It is not a test.",
    },
    "start_sub_practice": {
        "nl": "Oefen met een casus: hoe ziet deze cliënt het? Het is geen test: er is geen goed of fout.",
        "en": "Practise with a case: how does this client see it? It is not a test: there is no right or wrong.",
    },
    "players_n": {"nl": "Wie spelen er? ({n})", "en": "Who is playing? ({n})"},
    "colleague": {"nl": "Collega {n}", "en": "Colleague {n}"},
    "trainer": {"nl": "Trainer", "en": "Trainer"},
    "trainer_hint": {"nl": "naam (mag leeg)", "en": "name (optional)"},
    "perspective": {"nl": "Hoe schat je in?", "en": "How do you estimate?"},
    "persp_client_view": {"nl": "Zoals de cliënt", "en": "As the client"},
    "persp_own_view": {"nl": "Als begeleider", "en": "As professional"},
    "need_cases": {
        "nl": "Deze kaarten hebben geen casussen. Teamtraining en oefenen kunnen niet.",
        "en": "This deck has no case cards. Team training and practice are not possible.",
    },
    "practice_hint": {
        "nl": "Raad hoe de cliënt uit de casus het ziet. Daarna zie je hoe dicht je erbij zat.",
        "en": "Guess how the client in the case sees it. Then you see how close you were.",
    },
    # the question in each perspective
    "q_client_view": {"nl": "Hoe ziet deze cliënt het?", "en": "How would this client see it?"},
    "q_own_view": {"nl": "Hoe zie jij het als begeleider?", "en": "How do you, as professional, see it?"},
    "q_practice": {
        "nl": "Wat denk je: hoe ziet de cliënt het?",
        "en": "What do you think: how does the client see it?",
    },
    "q_name": {"nl": "{name}: {question}", "en": "{name}: {question}"},
    # the case
    "case_head": {"nl": "Casus: {title}", "en": "Case: {title}"},
    "case_read": {"nl": "Lees de casus hardop voor.", "en": "Read the case aloud."},
    "case_then": {
        "nl": "Daarna komt per onderwerp een vraag. Ieder kiest stil een getal van 1 tot 5.",
        "en": "Then there is a question for each topic. Each person quietly picks a number from 1 to 5.",
    },
    "case_question": {"nl": "De vraag is steeds:", "en": "The question is always:"},
    "case_last": {
        "nl": "Als laatste zien jullie hoe de cliënt het zelf ziet.",
        "en": "Last, you see how the client sees it.",
    },
    "case_hint": {"nl": "Iedereen klaar? Druk op Enter.", "en": "Everyone ready? Press Enter."},
    "team_deal_title": {"nl": "Lees de vraag hardop voor.", "en": "Read the question aloud."},
    "handover_team": {
        "nl": "De anderen kijken even niet mee. Staat er een groot scherm aan? Zet het beeld even op zwart.",
        "en": "The others look away for a moment. Is a big screen on? Blank it for a moment.",
    },
    # the reveal
    "team_reveal_title": {"nl": "Zo ziet het team het", "en": "This is how the team sees it"},
    "team_same": {"nl": "Jullie kozen allemaal hetzelfde.", "en": "You all chose the same."},
    "team_apart": {"nl": "Jullie liggen {n} uit elkaar.", "en": "You are {n} apart."},
    "speak_first": {"nl": "Eerst aan het woord:", "en": "Speak first:"},
    "lowest": {"nl": "laagst ({value}): {names}", "en": "lowest ({value}): {names}"},
    "highest": {"nl": "hoogst ({value}): {names}", "en": "highest ({value}): {names}"},
    "speak_first_q": {"nl": "Wat zag jij in de casus?", "en": "What did you see in the case?"},
    "same_q": {"nl": "Wat maakt dat jullie het eens zijn?", "en": "What makes you agree?"},
    "and": {"nl": "en", "en": "and"},
    "and_others": {"nl": "en {n} anderen", "en": "and {n} others"},
    # larger text: a full row of the team's board ends in "+n"; the side panel names who that is
    "summary_page": {"nl": "Pagina {n} van {total}", "en": "Page {n} of {total}"},
    "also_on": {"nl": "Ook op {value}: {names}.", "en": "Also on {value}: {names}."},
    "team_discuss_hint": {
        "nl": "Lees de gesprekskaart hardop. Praat erover.",
        "en": "Read the conversation card aloud. Talk about it.",
    },
    "higher_more_friction": {
        "nl": "Bij stroefheid betekent hoger: meer stroefheid.",
        "en": "For friction, higher means more friction.",
    },
    # practice alone
    "practice_reveal_title": {"nl": "Jouw inschatting", "en": "Your estimate"},
    # practice alone: its own words on every screen (nobody to read aloud to, hand over to or talk with)
    "you_name": {"nl": "Jij", "en": "You"},
    "you_passed": {"nl": "Je sloeg deze kaart over.", "en": "You skipped this card."},
    # the start screen when practising alone: no names, no trainer
    "players_alone": {"nl": "Je oefent alleen", "en": "You practise alone"},
    "alone_hint": {
        "nl": "Je naam is niet nodig. In het spel heet je 'Jij'. Met + oefen je met z'n tweeën.",
        "en": "Your name is not needed. In the game you are 'You'. Press + to practise with two.",
    },
    "alone_kept": {
        "nl": "De samenvatting blijft op deze computer. Er staat geen naam in.",
        "en": "The summary stays on this computer. It holds no name.",
    },
    "front_alone": {"nl": "alleen", "en": "alone"},
    "case_read_one": {"nl": "Lees de casus rustig door.", "en": "Read the case calmly."},
    "case_then_one": {
        "nl": "Daarna komt per onderwerp een vraag. Je kiest een getal van 1 tot 5.",
        "en": "Then there is a question for each topic. You pick a number from 1 to 5.",
    },
    "case_last_one": {
        "nl": "Als laatste zie je hoe de cliënt het zelf ziet.",
        "en": "Last, you see how the client sees it.",
    },
    "case_hint_one": {"nl": "Klaar met lezen? Druk op Enter.", "en": "Done reading? Press Enter."},
    "deal_title_one": {"nl": "Lees de vraag.", "en": "Read the question."},
    "think_title": {"nl": "Denk erover na", "en": "Think about it"},
    "think_hint": {
        "nl": "Neem er de tijd voor. Er is geen goed of fout.",
        "en": "Take your time. There is no right or wrong.",
    },
    "think_alone": {
        "nl": "Wat in de casus laat je dit kiezen? Wat zou de cliënt zelf zeggen?",
        "en": "What in the case makes you choose this? What would the client say?",
    },
    "think_about": {"nl": "Denk hierover na:", "en": "Think about this:"},
    "secret_hint_one": {
        "nl": "Kies wat jij denkt. Er is geen goed of fout.",
        "en": "Pick what you think. There is no right or wrong.",
    },
    "practice_strip": {"nl": "jij {you} · cliënt {client}", "en": "you {you} · client {client}"},
    "practice_strip_passed": {"nl": "jij: overgeslagen · cliënt {client}", "en": "you: skipped · client {client}"},
    "your_pick": {"nl": "Je kiest {value}: {label}.", "en": "You pick {value}: {label}."},
    "why_this": {"nl": "Wat in de casus laat je dit denken?", "en": "What in the case makes you think so?"},
    "client_later": {
        "nl": "Straks zie je hoe de cliënt het zelf ziet.",
        "en": "In a moment you see how the client sees it.",
    },
    "practice_agree_title": {"nl": "Wat neem je mee?", "en": "What do you take away?"},
    "practice_notes": {"nl": "Wat je meeneemt", "en": "What you take away"},
    "case_view_q_one": {
        "nl": "Wat ziet de cliënt anders dan jij? Wat maakt dat?",
        "en": "What does the client see differently from you? Why might that be?",
    },
    "practice_no_signals": {
        "nl": "Waar zag je het anders dan de cliënt? Wat maakt dat?",
        "en": "Where did you see it differently from the client? Why might that be?",
    },
    # the case client's own view
    "case_view_title": {"nl": "Zo ziet de cliënt het zelf", "en": "How the client sees it"},
    "case_view_value": {"nl": "De cliënt kiest {value}: {label}.", "en": "The client picks {value}: {label}."},
    "distance_head": {"nl": "Verschil met de cliënt", "en": "Difference from the client"},
    "case_view_q": {
        "nl": "Wat ziet de cliënt anders dan jullie? Wat maakt dat?",
        "en": "What does the client see differently? Why might that be?",
    },
    "case_view_hint": {"nl": "De cliënt komt als laatste aan het woord.", "en": "The client has the last word."},
    "client_marker": {"nl": "Cliënt", "en": "Client"},
    "team_reads": {"nl": "Lees de kaart hardop:", "en": "Read the card aloud:"},
    "team_agree_title": {"nl": "Wat neemt het team mee?", "en": "What does the team take away?"},
    # the summary
    "team_summary_sub": {"nl": "{n} spelers · {case}", "en": "{n} players · {case}"},
    "practice_summary_sub": {"nl": "Oefenen · {case}", "en": "Practice · {case}"},
    "trainer_is": {"nl": "trainer: {name}", "en": "trainer: {name}"},
    "per_card": {"nl": "Kaart voor kaart", "en": "Card by card"},
    "practice_per_card": {"nl": "Kaart voor kaart: jij en de cliënt", "en": "Card by card: you and the client"},
    "practice_you_client": {"nl": "Jij en de cliënt", "en": "You and the client"},
    "client_chip_legend": {"nl": "Cliënt = zo ziet de cliënt het zelf", "en": "Client = how the client sees it"},
    "same_short": {"nl": "zelfde", "en": "the same"},
    "skipped_by": {"nl": "over: {names}", "en": "skipped: {names}"},
    "spread_head": {"nl": "Verschil", "en": "Spread"},
    "team_notes": {"nl": "Wat het team meeneemt", "en": "What the team takes away"},
    "no_team_notes": {"nl": "Niets genoteerd.", "en": "Nothing written down."},
    "team_signals": {"nl": "Om verder over te praten", "en": "To talk about further"},
    "team_no_signals": {
        "nl": "Waar zag het team het anders dan de cliënt? Wat maakt dat?",
        "en": "Where did the team see it differently from the client? Why might that be?",
    },
}
UI.update(TEAM_UI)

# --- the conversation table: start screen, reveal hints, quitting (kept together; merged into UI) -------------

TABLE_UI: dict[str, dict[str, str]] = {
    # the start screen, folded
    "new_conversation": {"nl": "Nieuw gesprek", "en": "New conversation"},
    "start_team": {"nl": "Teamtraining beginnen", "en": "Start team training"},
    "start_practice": {"nl": "Oefenen beginnen", "en": "Start practising"},
    "more_choices": {"nl": "Meer keuzes", "en": "More choices"},
    "fewer_choices": {"nl": "Minder keuzes", "en": "Fewer choices"},
    "more_below": {"nl": "Meer hieronder", "en": "More below"},
    "front_topic": {"nl": "1 onderwerp", "en": "1 topic"},
    "front_topics": {"nl": "{n} onderwerpen", "en": "{n} topics"},
    "front_players": {"nl": "{n} spelers", "en": "{n} players"},
    "front_more": {
        "nl": "Bij Meer keuzes: namen, onderwerpen, lengte, taal, jullie code, team en oefenen.",
        "en": "Under More choices: names, topics, length, language, your code, team and practice.",
    },
    "pair_code_short": {"nl": "code", "en": "code"},
    # the hint under the scale, by what the cards show
    "talk_same": {
        "nl": "Jullie zien het hetzelfde. Wat maakt dat?",
        "en": "You see it the same way. What makes that so?",
    },
    "talk_close": {
        "nl": "Een klein verschil. Wat zit erachter?",
        "en": "A small difference. What is behind it?",
    },
    "talk_apart": {
        "nl": "Een verschil. Wat zie je anders? Vertel om de beurt.",
        "en": "A difference. What do you see differently? Take turns.",
    },
    "talk_far": {
        "nl": "Een groot verschil. Wat zie je anders? Vertel om de beurt.",
        "en": "A big difference. What do you see differently? Take turns.",
    },
    "talk_passed": {
        "nl": "Overslaan mag. Wil je er toch iets over zeggen? Dat hoeft niet.",
        "en": "Skipping is fine. Do you want to say something about it? You do not have to.",
    },
    "talk_all_passed": {
        "nl": "Jullie sloegen allebei over. Dat mag. Ga gerust verder.",
        "en": "You both skipped. That is fine. Feel free to go on.",
    },
    "read_aloud": {"nl": "Lees hardop voor:", "en": "Read aloud:"},
}
UI.update(TABLE_UI)

# --- disk trouble and a second window (kept together; merged into UI) --------------------------

DISK_UI: dict[str, dict[str, str]] = {
    "disk_full": {
        "nl": "De schijf is vol. Opslaan lukt nu niet. Speel gerust door: er gaat niets verloren.",
        "en": "The disk is full. Saving does not work now. Just play on: nothing is lost.",
    },
    "disk_readonly": {
        "nl": "Op deze schijf kan niets bewaard worden. Speel gerust door: er gaat niets verloren.",
        "en": "Nothing can be stored on this disk. Just play on: nothing is lost.",
    },
    "disk_other": {
        "nl": "Opslaan lukt nu niet. Speel gerust door: er gaat niets verloren.",
        "en": "Saving does not work now. Just play on: nothing is lost.",
    },
    "disk_end": {
        "nl": "Nog niet bewaard. Probeer opnieuw of kies een andere map.",
        "en": "Not stored yet. Try again or choose another folder.",
    },
    # the same, short, where a large text size leaves no room for the whole line
    "disk_full_short": {"nl": "De schijf is vol. Er gaat niets verloren.", "en": "The disk is full. Nothing is lost."},
    "disk_readonly_short": {"nl": "Bewaren lukt niet. Er gaat niets verloren.", "en": "Cannot store. Nothing is lost."},
    "disk_other_short": {"nl": "Opslaan lukt niet. Er gaat niets verloren.", "en": "Saving failed. Nothing is lost."},
    "disk_end_short": {"nl": "Nog niet bewaard.", "en": "Not stored yet."},
    "save_again": {"nl": "Opnieuw opslaan", "en": "Save again"},
    "saved_title": {"nl": "Opgeslagen", "en": "Saved"},
    "save_elsewhere": {"nl": "Andere map", "en": "Other folder"},
    "elsewhere_title": {"nl": "Opslaan in een andere map", "en": "Save in another folder"},
    "elsewhere_body": {
        "nl": "Typ de map, of kies je thuismap.",
        "en": "Type the folder, or choose your home folder.",
    },
    "elsewhere_save": {"nl": "Opslaan in deze map", "en": "Save in this folder"},
    "elsewhere_home": {"nl": "Thuismap", "en": "Home folder"},
    "elsewhere_back": {"nl": "Terug", "en": "Back"},
    "elsewhere_failed": {"nl": "Dat lukt ook niet: {reason}", "en": "That does not work either: {reason}"},
    "unsaved_title": {"nl": "Nog niet bewaard", "en": "Not stored yet"},
    "unsaved_body": {
        "nl": "Dit gesprek staat nog niet op de schijf. Sluit je nu, dan is het weg.",
        "en": "This session is not on the disk yet. If you close now, it is gone.",
    },
    "unsaved_quit": {"nl": "Toch sluiten", "en": "Close anyway"},
    "other_window_title": {"nl": "Er is nog een venster open", "en": "Another window is open"},
    "other_window_body": {
        "nl": "In een ander venster loopt al een gesprek. Dat blijft daar. Hier begin je een nieuw gesprek.",
        "en": "A session is going on in another window. It stays there. Here you start a new session.",
    },
}
UI.update(DISK_UI)


# --- for every reader: read aloud, high contrast (issue 16) ------------------------------------

ACCESS_UI: dict[str, dict[str, str]] = {
    "speak": {"nl": "Voorlezen", "en": "Read aloud"},
    # what a screen says when read aloud (game/ui/spoken.py)
    "spoken_choose": {"nl": "Je kunt kiezen: {choices}.", "en": "You can choose: {choices}."},
    "spoken_or": {"nl": "of", "en": "or"},
    "spoken_card": {"nl": "Kaart {n}: {topic}", "en": "Card {n}: {topic}"},
    "spoken_spread": {"nl": "Verschil: {n}", "en": "Difference: {n}"},
    "auto_read": {"nl": "Voorlezen: {state}", "en": "Read aloud: {state}"},
    "contrast": {"nl": "Hoog contrast: {state}", "en": "High contrast: {state}"},
    "text_size": {"nl": "Tekstgrootte: {percent} %", "en": "Text size: {percent} %"},
    "access_title": {"nl": "Lezen en zien", "en": "Reading and seeing"},
    "access_menu": {"nl": "Lezen en zien", "en": "Reading and seeing"},
    "access_done": {"nl": "Klaar", "en": "Done"},
    "settings_not_kept": {
        "nl": "Dit geldt nu, maar is niet bewaard voor de volgende keer.",
        "en": "This works now, but it is not kept for next time.",
    },
}
UI.update(ACCESS_UI)

# --- larger text (issue 16): the start screen's short sub line, where the whole one has no room -------------

START_TEXT_UI: dict[str, dict[str, str]] = {
    "start_short": {
        "nl": "Samen praten over hoe jullie samenwerken.",
        "en": "Talk together about how you work together.",
    },
    "start_short_team": {"nl": "Een team schat samen een casus in.", "en": "A team looks at a case together."},
    "start_short_practice": {"nl": "Oefen met een casus.", "en": "Practise with a case."},
}
UI.update(START_TEXT_UI)

# --- what happens with the answers (consent): the choice at the start, and what the end says --------------

CONSENT_UI: dict[str, dict[str, str]] = {
    "consent_sub": {
        "nl": "Lees dit samen. Kies dan wat er aan het eind met de samenvatting gebeurt.",
        "en": "Read this together. Then choose what happens to the summary at the end.",
    },
    "consent_choose": {"nl": "Wat kiezen jullie?", "en": "What do you choose?"},
    "keep_save": {"nl": "Bewaren", "en": "Save"},
    "keep_save_line": {
        "nl": "De samenvatting blijft op deze computer.",
        "en": "The summary stays on this computer.",
    },
    "keep_show": {"nl": "Alleen laten zien", "en": "Only show"},
    "keep_show_line": {
        "nl": "Aan het eind zien jullie de samenvatting. Daarna wist het spel alles.",
        "en": "You see the summary at the end. Then the game deletes everything.",
    },
    "consent_hint": {
        "nl": "Kies met 1 of 2, of met de pijltjes en Enter. Of tik op een knop.",
        "en": "Choose with 1 or 2, or with the arrow keys and Enter. Or tap a button.",
    },
    "kept_nothing": {
        "nl": "Niets bewaard, zoals jullie kozen. Deze samenvatting verdwijnt als jullie verder gaan.",
        "en": "Nothing was saved, as you chose. This summary disappears when you go on.",
    },
    "end_show": {"nl": "Afronden zonder bewaren", "en": "Finish without saving"},
    "finished_show_title": {"nl": "Het vorige gesprek is afgerond", "en": "The last session is finished"},
    "finished_show_body": {
        "nl": "Het gesprek van {date} om {time} is afgerond. Er is niets bewaard, zoals jullie kozen.",
        "en": "The session of {date} at {time} is finished. Nothing was saved, as you chose.",
    },
    "team_kept": {
        "nl": "Namen zijn niet nodig. De samenvatting blijft op deze computer, met de namen die je typt.",
        "en": "Names are optional. The summary stays on this computer, with any names you type.",
    },
}
UI.update(CONSENT_UI)

# --- phones as private cards (game/phones and the join screen; merged into UI) ---------------------------

PHONES_UI: dict[str, dict[str, str]] = {
    # the phone page (sent to the phone as words; keys start with phone_)
    "phone_code_title": {"nl": "Meedoen met je telefoon", "en": "Join with your phone"},
    "phone_code_label": {"nl": "Typ de code van het scherm", "en": "Type the code on the screen"},
    "phone_code_go": {"nl": "Meedoen", "en": "Join"},
    "phone_code_wrong": {"nl": "Deze code klopt niet.", "en": "This code is not right."},
    "phone_code_wait": {"nl": "Te vaak geprobeerd. Wacht even.", "en": "Too many tries. Please wait."},
    "phone_pick_seat": {"nl": "Wie ben jij?", "en": "Who are you?"},
    "phone_taken": {"nl": "Die plek is al bezet. Kies een andere.", "en": "That seat is taken. Choose another."},
    "phone_locked": {
        "nl": "Het spel is al begonnen. Je kiest op de laptop.",
        "en": "The game has already started. You choose on the laptop.",
    },
    "phone_you_are": {"nl": "Jij bent {name}", "en": "You are {name}"},
    "phone_look_up": {"nl": "Kijk naar het grote scherm.", "en": "Look at the big screen."},
    "phone_choose": {"nl": "Kies 1 tot 5. Niemand ziet het nog.", "en": "Choose 1 to 5. Nobody sees it yet."},
    "phone_pass": {"nl": "Overslaan", "en": "Skip"},
    "phone_passed": {"nl": "Je slaat deze over.", "en": "You skip this one."},
    "phone_chosen": {"nl": "Jij koos {value}. Je mag nog wisselen.", "en": "You chose {value}. You can still change."},
    "phone_wait": {"nl": "Wacht op de anderen", "en": "Waiting for the others"},
    "phone_wait_n": {"nl": "Nog {n} te gaan.", "en": "{n} still to choose."},
    "phone_reveal": {"nl": "Jij koos {value}.", "en": "You chose {value}."},
    "phone_range": {"nl": "Het team: van {low} tot {high}.", "en": "The team: from {low} to {high}."},
    "phone_client": {"nl": "De cliënt zelf: {value}.", "en": "The client's own view: {value}."},
    "phone_talk": {"nl": "Praat erover. Kijk naar het grote scherm.", "en": "Talk about it. Look at the big screen."},
    # a conversation of two (the client's phone, the professional at the laptop): these replace the above
    "phone_look_up_pair": {"nl": "Kijk naar de laptop.", "en": "Look at the laptop."},
    "phone_wait_pair": {"nl": "Wacht op {other}", "en": "Waiting for {other}"},
    "phone_talk_pair": {"nl": "Praat erover met {other}.", "en": "Talk about it with {other}."},
    "phone_locked_pair": {
        "nl": "Het gesprek is al begonnen. Je kiest op de laptop.",
        "en": "The conversation has already started. You choose on the laptop.",
    },
    "phone_other": {"nl": "{other} koos {value}.", "en": "{other} chose {value}."},
    "phone_other_passed": {"nl": "{other} sloeg deze over.", "en": "{other} skipped this one."},
    "phone_done": {
        "nl": "Klaar. Dank je! Je kunt dit venster sluiten.",
        "en": "Done. Thank you! You can close this window.",
    },
    "phone_closed": {"nl": "De sessie is voorbij.", "en": "The session has ended."},
    "phone_removed": {"nl": "Je telefoon doet niet meer mee.", "en": "Your phone is no longer in the game."},
    "phone_removed_sub": {"nl": "Je kiest nu op de laptop.", "en": "You now choose on the laptop."},
    "phone_lost": {"nl": "Geen verbinding. We proberen het opnieuw…", "en": "No connection. Trying again…"},
    # the projector
    "join_title": {"nl": "Doe mee met je telefoon", "en": "Join with your phone"},
    "join_scan": {"nl": "Scan de code met je camera.", "en": "Scan the code with your camera."},
    "join_or": {"nl": "Of ga naar {address} en typ:", "en": "Or go to {address} and type:"},
    "join_who": {"nl": "Wie is er binnen?", "en": "Who has joined?"},
    "join_here": {"nl": "binnen", "en": "joined"},
    "join_away": {"nl": "even weg", "en": "away"},
    "join_start": {"nl": "Beginnen", "en": "Start"},
    "join_hint": {
        "nl": "Alleen wie in deze ruimte is, ziet de code. Wie geen telefoon heeft, kiest op de laptop.",
        "en": "Only people in this room see the code. Who has no phone chooses on the laptop.",
    },
    "phones_choose": {"nl": "Kies op je telefoon", "en": "Choose on your phone"},
    "phones_chosen": {"nl": "gekozen", "en": "chosen"},
    "phones_waiting": {"nl": "kiest nog", "en": "still choosing"},
    "phones_no_phone": {"nl": "daarna op de laptop", "en": "then on the laptop"},
    "phones_laptop": {"nl": "Verder op de laptop", "en": "Go on with the laptop"},
    "phones_remove": {"nl": "Telefoon weghalen", "en": "Remove a phone"},
    "phones_remove_title": {"nl": "Welke telefoon haal je weg?", "en": "Which phone do you remove?"},
    "phones_remove_body": {
        "nl": "Die persoon kiest daarna op de laptop.",
        "en": "That person then chooses on the laptop.",
    },
    # the start screen's choice (scenes/start_phones.py)
    "start_phones_team": {"nl": "Telefoons", "en": "Phones"},
    "start_phones_client": {"nl": "Cliënt op telefoon", "en": "Client on a phone"},
    "phones_no_guess": {
        "nl": "Raad ook de ander gaat niet op een telefoon. Zet een van de twee uit.",
        "en": "Guessing the other does not work on a phone. Turn one of them off.",
    },
    "start_phones_missing": {
        "nl": "Eerst installeren: pip install aiohttp segno",
        "en": "Install first: pip install aiohttp segno",
    },
}
UI.update(PHONES_UI)
