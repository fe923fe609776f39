"""The print guide, the first page: how to print and cut, and what is in the set, counted from what is printed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from game.model.deck import Deck
from game.paper.piles import PrintCard
from game.paper.sheets import Sheet

GUIDE: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Zo print je de kaarten",
        "body": """- **Print op ware grootte (100 %).** Zet "passend maken" of "aanpassen aan pagina" uit.
- **Print dubbelzijdig**, omslaan langs de **lange kant**. Dan komt elke achterkant achter de goede kaart.
- Gebruik stevig papier, bijvoorbeeld 160 tot 250 gram.
- Op elk vel staan {per_sheet} kaarten. De voorkanten en achterkanten wisselen elkaar af.
- Meet een kaart na: hij is 63 bij 88 mm. Is hij kleiner? Dan is er geschaald.

## Knippen
- Aan de rand van het vel staan korte snijlijntjes. Leg een liniaal van lijntje naar lijntje.
- Snij eerst de lange lijnen, daarna de korte. Een snijmes en een liniaal gaan sneller dan een schaar.
- Geen dubbelzijdige printer? Print de voorkanten, leg de stapel terug en print de achterkanten.
- Valt de achterkant een beetje scheef? Print eerst het testvel: `python main.py print --test-sheet`.

## In deze set
{contents}""",
        "blank": "Deze pagina is leeg, zodat de kaarten op een nieuw vel beginnen.",
        "footer": "Kaartset {deck} {deck_version} · gemaakt met werkalliantie {version}",
        "question": "vraagkaarten", "reflection": "kaarten om terug te kijken",
        "starter": "gesprekskaarten voor 2 spelers", "team_starter": "gesprekskaarten alleen voor teams",
        "case": "casuskaarten",
        "case_view": 'kaarten "Zo ziet de cliënt het" (bij elke casus een eigen kaart; draai die als laatste om)',
        "estimate": "inschattingskaarten (van 1 tot 5) en paskaarten, per speler een eigen kleur",
        "reference": 'kaart "Zo gaat een ronde"',
        "consent": "kaart over wat er met de antwoorden gebeurt",
        "total": "Samen: {cards} kaarten op {sheets} vellen.",
        "bleed": "Met afloop (3 mm): tussen de kaarten zit ruimte. Snij op de lijntjes. "
                 "De rand eromheen gooi je weg.",
    },
    "en": {
        "title": "How to print the cards",
        "body": """- **Print at actual size (100 %).** Turn off "fit to page" or "shrink to fit".
- **Print double-sided**, flip on the **long edge**. Then every back lands behind its card.
- Use thick paper, for example 160 to 250 gsm.
- Each sheet holds {per_sheet} cards. Fronts and backs take turns.
- Measure a card: it is 63 by 88 mm. Is it smaller? Then the page was scaled.

## Cutting
- Short cut marks sit at the edge of the sheet. Lay a ruler from mark to mark.
- Cut the long lines first, then the short ones. A craft knife and a ruler are faster than scissors.
- No double-sided printer? Print the fronts, put the stack back in and print the backs.
- Does the back land a little off? Print the test sheet first: `python main.py print --test-sheet`.

## In this set
{contents}""",
        "blank": "This page is empty, so that the cards start on a new sheet.",
        "footer": "Deck {deck} {deck_version} · made with werkalliantie {version}",
        "question": "question cards", "reflection": "looking-back cards",
        "starter": "conversation starters for 2 players", "team_starter": "conversation starters for teams only",
        "case": "case cards",
        "case_view": '"How the client sees it" cards (a card of its own for each case; turn it over last)',
        "estimate": "estimate cards (from 1 to 5) and pass cards, each player in their own colour",
        "reference": '"How a round goes" card',
        "consent": "card about what happens to the answers",
        "total": "Together: {cards} cards on {sheets} sheets.",
        "bleed": "With bleed (3 mm): there is space between the cards. Cut on the marks. "
                 "Throw the edges away.",
    },
}


def guide_markdown(lang: str, cards: Sequence[PrintCard], deck: Deck, sheet: Sheet) -> str:
    """The guide page; its list of contents counts the printed cards pile by pile, so it adds up to them."""
    g = GUIDE.get(lang, GUIDE["en"])
    piles = Counter(c.pile for c in cards)
    items: list[str] = []
    for feature in deck.features:
        mine = [f"{n} {g[pile.kind]}" for pile, n in piles.items() if pile.feature == feature.id]
        if mine:
            items.append(f"**{feature.name[lang]}**: {', '.join(mine)}")
    items += [f"{n} {g[pile.kind]}" for pile, n in piles.items() if pile.feature is None]
    sheets = -(-len(cards) // sheet.per_sheet)
    contents = "\n".join(f"- {item}" for item in items)
    contents += "\n\n**" + g["total"].format(cards=len(cards), sheets=sheets) + "**"
    body = g["body"].format(contents=contents, per_sheet=sheet.per_sheet)
    if sheet.bleed:
        body = body.replace("\n\n## ", f"\n- {g['bleed']}\n\n## ", 1)
    return f"# {g['title']}\n\n{body}\n"
