"""The rules for playing on paper (rules.md is for the window): one printed page per language, in B1.

The words in {braces} are the ones printed on the cards (the kinds of card, the situations, the feature that
works against the alliance), so that the rules and the cards say the same thing.
"""

from __future__ import annotations

from game.design import cards as C
from game.design import paper as P
from game.model.deck import Deck, Polarity

RULES: dict[str, str] = {
    "nl": """# Zo speel je op papier

## Klaarleggen
- Sorteer de kaarten op hun achterkant. Elke stapel heeft een eigen kleur en naam.
- Iedere speler krijgt de inschattingskaarten 1 tot 5 in een eigen kleur, en een kaart "{pass}".

## Een ronde
1. Kies samen een onderwerp. Pak de bovenste kaart "{question}" van die stapel.
   Jullie lezen allebei je eigen kant.
2. Kies stil een getal van 1 tot 5. Leg die kaart **dicht** voor je neer: de achterkant boven.
   Staan er onderaan de vraagkaart eigen woorden (1 Nooit … 5 Altijd)? Dan gelden die.
3. Liggen beide kaarten klaar? Tel tot drie en draai ze **tegelijk** om.
4. Kijk naar het verschil. Praat erover: wat ziet de ander?
5. Pak de stapel "{starter}" van dit onderwerp, **{pair}**. Zoek de kaart die past (zie hieronder).
   Lees hem voor en praat verder.
6. Sluit af met een kaart "{reflection}" van hetzelfde onderwerp.

## Welke gesprekskaart?
Op elke gesprekskaart staat wanneer hij past.
- **2 of meer verschil**: "{client_higher}" of "{professional_higher}".
- **Minder verschil**: tel jullie twee getallen op. 4 of minder: "{both_low}". 8 of meer: "{both_high}".
  Daartussen: "{both_middle}".

## Passen
Je mag altijd passen. Leg dan je kaart "{pass}" dicht neer, in plaats van een getal. Niemand vraagt waarom.
Heeft iemand gepast? Dan sla je de gesprekskaart over.
{hinders}
## Afspraken opschrijven
Spreek samen iets af, als jullie dat willen. Schrijf het op met de datum, in woorden die jullie allebei snappen.
Lees het samen voor. Neem het de volgende keer mee en kijk terug: hoe ging het?

## Met een team
Kaarten met "{team}" op de achterkant zijn voor teamtraining, niet voor een gesprek met een cliënt.
De trainer leest een kaart "{case}" voor. De kaart "{case_view}" is een eigen kaart: die draai je als laatste om.

**Er is geen goed of fout. Het spel is een gesprek, geen test.**
""",
    "en": """# How to play on paper

## Getting ready
- Sort the cards by their back. Each pile has its own colour and name.
- Each player gets the estimate cards 1 to 5 in their own colour, and an "{pass}" card.

## A round
1. Choose a topic together. Take the top "{question}" card of that pile.
   You each read your own side.
2. Quietly choose a number from 1 to 5. Put that card **face down** in front of you.
   Does the question card show its own words at the foot (1 Never … 5 Always)? Then those apply.
3. Both cards ready? Count to three and turn them over **at the same time**.
4. Look at the difference. Talk about it: what does the other person see?
5. Take the "{starter}" pile of this topic, **{pair}**. Find the card that fits (see below).
   Read it out and talk on.
6. End with a "{reflection}" card of the same topic.

## Which conversation card?
Each conversation card says when it fits.
- **2 or more apart**: "{client_higher}" or "{professional_higher}".
- **Closer than that**: add up your two numbers. 4 or less: "{both_low}". 8 or more: "{both_high}".
  In between: "{both_middle}".

## Passing
You may always pass. Put your "{pass}" card face down instead of a number. Nobody asks why.
Did someone pass? Then skip the conversation card.
{hinders}
## Writing down agreements
Agree on something together, if you like. Write it down with the date, in words you both understand.
Read it out together. Bring it next time and look back: how did it go?

## With a team
Cards with "{team}" on the back are for team training, not for a talk with a client.
The trainer reads a "{case}" card aloud. The "{case_view}" card is a card of its own: turn it over last.

**There is no right or wrong. The game is a conversation, not a test.**
""",
}

HINDERS: dict[str, str] = {
    "nl": """
## Let op bij {name}
Bij {name} is een hoog getal: **veel {name}**. Een 5 is dus geen goed nieuws voor de samenwerking.
Dat staat ook op die kaarten en op de inschattingskaarten.
""",
    "en": """
## Mind {name}
For {name} a high number means **a lot of {name}**. So a 5 is not good news for working together.
The {name} cards and the estimate cards say so too.
""",
}


def paper_rules(deck: Deck, lang: str) -> str:
    """The rules for paper in the language (English when there is none), with the cards' own words."""
    text = RULES.get(lang, RULES["en"])
    hinders = [f for f in deck.features if f.polarity == Polarity.HINDERS]
    note = "".join(HINDERS.get(lang, HINDERS["en"]).format(name=f.name[lang].lower()) for f in hinders)
    words = {key: C.word(key, lang) for key in ("question", "reflection", "starter", "case", "case_view")}
    words |= {key: C.word(key, lang) for key in C.SITUATIONS}
    words |= {"pass": P.word("pass", lang), "pair": P.word("pair", lang).lower(),
              "team": P.word("team", lang)}
    return text.format(hinders=note, **words)
