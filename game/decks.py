"""Load a deck folder of TOML files into a validated Deck, reporting every problem as one line."""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from game.model.deck import FEATURE_IDS, Card, CardKind, Case, Consent, Deck, Feature, Situation, Starter
from game.paths import DEFAULT_DECK

MIN_QUESTIONS = 8
MIN_REFLECTIONS = 5
MIN_STARTERS = 2
MAX_CARD_WORDS = 25
MAX_CASE_WORDS = 45
MAX_SENTENCE_WORDS = 15
MAX_LABEL_WORDS = 5  # a label of a 1–5 scale
MAX_FILE_BYTES = 1_000_000
MAX_WORD_CHARS = 30  # a longer word is hard to read (B1) and has to be broken over lines
CHARS_PER_WORD = 10  # a text may be 10 characters long per word it may have: 250 on a card, 450 on a case
CONSENT_FILE = "consent.toml"
MAX_CONSENT_TITLE_WORDS = 12
MAX_CONSENT_WORDS = 40  # each of `saved` and `seen`: together they fill one printed card

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


class DeckError(Exception):
    """A deck that cannot be used; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]):
        problems = [_one_line(p) for p in problems]
        super().__init__("\n".join(problems))
        self.problems = problems


def _one_line(text: str, limit: int = 300) -> str:
    """Control characters (a newline in a key, say) escaped and the length capped: a problem stays one line."""
    flat = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
    limit = max(limit, len(flat.split(": ", 1)[0]) + 100)  # the file name is never cut
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def word_count(text: str) -> int:
    return len(text.split())


def longest_sentence(text: str) -> int:
    return max((word_count(s) for s in _SENTENCE_END.split(text.strip()) if s.strip()), default=0)


class _Problems:
    """Collects problems as `FILE: card ID: field: what is wrong` lines."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, file: Path | str, what: str, item: str | None = None, field: str | None = None) -> None:
        parts = [str(file)]
        if item:
            parts.append(item)
        if field:
            parts.append(field)
        parts.append(what)
        self.lines.append(": ".join(parts))

    def validate(self, model: type[BaseModel], data: Any, file: Path, item: str | None) -> Any:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                loc = ".".join(str(p) for p in err["loc"]) or None
                msg = str(err["ctx"]["error"]) if err["type"] == "value_error" else err["msg"]
                msg = msg[0].lower() + msg[1:] if msg else "invalid"
                if err["type"] == "extra_forbidden":
                    msg = "unknown key"
                elif err["type"] == "missing":
                    msg = "missing"
                self.add(file, msg, item, loc)
            return None


def _read_toml(path: Path, problems: _Problems) -> dict[str, Any] | None:
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # a pipe or a device would hang or never end
            problems.add(path, "is a folder, not a file" if stat.S_ISDIR(st.st_mode) else "not a regular file")
            return None
        if st.st_size > MAX_FILE_BYTES:
            problems.add(path, f"file is larger than {MAX_FILE_BYTES} bytes")
            return None
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.add(path, "file is missing")
    except UnicodeDecodeError:
        problems.add(path, "not UTF-8 text")
    except tomllib.TOMLDecodeError as exc:
        problems.add(path, f"syntax error: {exc}")
    except (OSError, RecursionError, ValueError) as exc:
        problems.add(path, f"cannot be read: {getattr(exc, 'strerror', None) or type(exc).__name__}")
    return None


def _label(kind: str, raw: Any, index: int) -> str:
    ident = raw.get("id") if isinstance(raw, dict) else None
    return f"{kind} {ident}" if isinstance(ident, str) and ident.strip() else f"{kind} #{index + 1}"


def _check_text(
    problems: _Problems, file: Path, item: str | None, field: str, text: dict[str, str],
    languages: list[str], max_words: int,
) -> None:
    for lang in languages:
        if lang not in text:
            problems.add(file, f"missing translation '{lang}'", item, field)
    for lang, value in text.items():
        if lang not in languages:
            problems.add(file, f"unknown language '{lang}'", item, field)
            continue
        _check_lengths(problems, file, item, f"{field}.{lang}", value, max_words)
        words = word_count(value)
        if words > max_words:
            problems.add(file, f"{words} words, at most {max_words} (B1)", item, f"{field}.{lang}")
        longest = longest_sentence(value)
        if longest > MAX_SENTENCE_WORDS:
            problems.add(
                file, f"a sentence of {longest} words, at most {MAX_SENTENCE_WORDS} (B1)", item, f"{field}.{lang}"
            )


def _check_lengths(problems: _Problems, file: Path, item: str | None, field: str, value: str, max_words: int) -> None:
    """Caps that keep a card drawable at once: the whole text and its longest word (in characters)."""
    if len(value) > max_words * CHARS_PER_WORD:
        problems.add(file, f"{len(value)} characters, at most {max_words * CHARS_PER_WORD}", item, field)
    longest_word = max(value.split(), key=len, default="")
    if len(longest_word) > MAX_WORD_CHARS:
        problems.add(
            file, f"a word of {len(longest_word)} characters ('{longest_word[:20]}…'), at most {MAX_WORD_CHARS}",
            item, field,
        )


def _load_meta(folder: Path, problems: _Problems) -> dict[str, Any] | None:
    path = folder / "deck.toml"
    raw = _read_toml(path, problems)
    if raw is None:
        return None
    allowed = {"id", "version", "languages", "name", "scale", "scales", "address", "jargon"}
    for key in raw:
        if key not in allowed:
            problems.add(path, "unknown key", None, key)
    langs = raw.get("languages")
    if not (isinstance(langs, list) and langs and all(isinstance(x, str) and x for x in langs)):
        problems.add(path, "must be a non-empty list of language codes", None, "languages")
        return None
    if len(set(langs)) != len(langs):
        problems.add(path, "a language is listed twice", None, "languages")
    return raw


def _load_feature(path: Path, languages: list[str], problems: _Problems):
    raw = _read_toml(path, problems)
    if raw is None:
        return None, [], []
    raw_cards = raw.pop("card", [])
    raw_starters = raw.pop("starter", [])
    description = raw.get("description")
    if isinstance(description, dict) and ("client" in description or "professional" in description):
        problems.add(path, "one line per language (nl = \"...\"), not a client and a professional side",
                     None, "description")
        raw["description"] = dict.fromkeys(languages, "-")  # reported once; the rest of the file still checked
    feature = problems.validate(Feature, raw, path, None)
    if feature is not None:
        if feature.id != path.stem:
            problems.add(path, f"'{feature.id}' does not match the file name", None, "id")
        _check_text(problems, path, None, "name", feature.name, languages, MAX_CARD_WORDS)
        _check_text(problems, path, None, "description", feature.description, languages, MAX_SENTENCE_WORDS)
    cards: list[Card] = []
    if not isinstance(raw_cards, list):
        problems.add(path, "must be a list of [[card]] tables", None, "card")
        raw_cards = []
    for i, rc in enumerate(raw_cards):
        item = _label("card", rc, i)
        if isinstance(rc, dict) and "feature" in rc:
            problems.add(path, "unknown key", item, "feature")
            continue
        card = problems.validate(Card, {**rc, "feature": path.stem} if isinstance(rc, dict) else rc, path, item)
        if card is None:
            continue
        for side in ("client", "professional"):
            _check_text(problems, path, item, side, getattr(card, side), languages, MAX_CARD_WORDS)
        cards.append(card)
    starters: list[Starter] = []
    if not isinstance(raw_starters, list):
        problems.add(path, "must be a list of [[starter]] tables", None, "starter")
        raw_starters = []
    for i, rs in enumerate(raw_starters):
        item = _label("starter", rs, i)
        if not isinstance(rs, dict):
            problems.add(path, "must be a table", item)
            continue
        text = {k: v for k, v in rs.items() if k not in ("id", "situation")}
        data = {"id": rs.get("id"), "situation": rs.get("situation"), "text": text, "feature": path.stem}
        starter = problems.validate(Starter, data, path, item)
        if starter is None:
            continue
        _check_text(problems, path, item, "text", starter.text, languages, MAX_CARD_WORDS)
        starters.append(starter)
    return feature, cards, starters


def _check_counts(path: Path, feature_id: str, cards: list[Card], starters: list[Starter], problems: _Problems):
    for kind, least in ((CardKind.QUESTION, MIN_QUESTIONS), (CardKind.REFLECTION, MIN_REFLECTIONS)):
        of_kind = [c for c in cards if c.kind == kind]
        if len(of_kind) < least:
            problems.add(path, f"{len(of_kind)} {kind.value} cards, at least {least}", None, "card")
        if of_kind and not any(c.quick for c in of_kind):
            problems.add(path, f"no {kind.value} card is marked quick", None, "card")
    per_situation = Counter(s.situation for s in starters)
    for situation in Situation:
        if per_situation[situation] < MIN_STARTERS:
            problems.add(
                path, f"{per_situation[situation]} starters for {situation.value}, at least {MIN_STARTERS}",
                None, "starter",
            )


def _load_cases(path: Path, languages: list[str], problems: _Problems) -> list[Case]:
    if not os.path.lexists(path):  # a broken link or a symlink loop is reported, not skipped
        return []
    raw = _read_toml(path, problems)
    if raw is None:
        return []
    for key in raw:
        if key != "case":
            problems.add(path, "unknown key", None, key)
    raw_cases = raw.get("case", [])
    if not isinstance(raw_cases, list):
        problems.add(path, "must be a list of [[case]] tables", None, "case")
        return []
    cases = []
    for i, rc in enumerate(raw_cases):
        item = _label("case", rc, i)
        case = problems.validate(Case, rc, path, item)
        if case is None:
            continue
        _check_text(problems, path, item, "title", case.title, languages, MAX_CARD_WORDS)
        _check_text(problems, path, item, "text", case.text, languages, MAX_CASE_WORDS)
        for fid in case.client_view:
            if fid not in FEATURE_IDS:
                problems.add(path, f"unknown feature id '{fid}'", item, "client_view")
        for fid in FEATURE_IDS:
            if fid not in case.client_view:
                problems.add(path, "missing", item, f"client_view.{fid}")
        cases.append(case)
    return cases


def _check_scale_names(folder: Path, deck: Deck, problems: _Problems) -> None:
    """Every `scale = "..."` of a feature or card names one of the deck's [scales]."""
    known = ", ".join(deck.scales) or "none"
    for item, fid, name in [(None, f.id, f.scale) for f in deck.features] + [
        (f"card {c.id}", c.feature, c.scale) for c in deck.cards
    ]:
        if name and name not in deck.scales:
            problems.add(folder / f"{fid}.toml", f"no scale '{name}' in deck.toml (known: {known})", item, "scale")


def _read_consent(path: Path, languages: list[str], problems: _Problems) -> Consent | None:
    raw = _read_toml(path, problems)
    if raw is None:
        return None
    consent = problems.validate(Consent, raw, path, None)
    if consent is None:
        return None
    _check_text(problems, path, None, "title", consent.title, languages, MAX_CONSENT_TITLE_WORDS)
    for field in ("saved", "seen"):
        _check_text(problems, path, None, field, getattr(consent, field), languages, MAX_CONSENT_WORDS)
    return consent


def _load_consent(folder: Path, languages: list[str], problems: _Problems) -> Consent | None:
    """The deck's consent.toml; a deck without one gets the program's own text, if that has its languages."""
    path = folder / CONSENT_FILE
    if os.path.lexists(path):  # a broken link is reported, not skipped
        return _read_consent(path, languages, problems)
    consent = program_consent(languages)
    if consent is None:
        problems.add(path, "file is missing (the program's own text is not in every language of the deck)")
    return consent


def program_consent(languages: list[str]) -> Consent | None:
    """The program's own text (cards/consent.toml) in just these languages; None when it lacks one of them."""
    try:
        consent = Consent.model_validate(tomllib.loads((DEFAULT_DECK / CONSENT_FILE).read_text(encoding="utf-8")))
    except (OSError, ValueError):  # also a TOML or validation error
        return None
    fields = ("title", "saved", "seen")
    if not all(lang in getattr(consent, f) for f in fields for lang in languages):
        return None
    return Consent(**{f: {lang: getattr(consent, f)[lang] for lang in languages} for f in fields})


def load_deck(folder: Path | str = DEFAULT_DECK) -> Deck:
    """Read and validate a deck folder; raise DeckError listing every problem."""
    folder = Path(folder)
    problems = _Problems()
    if not folder.is_dir():
        raise DeckError([f"{folder}: no such deck folder"])
    meta = _load_meta(folder, problems)
    languages = list(meta["languages"]) if meta else ["nl", "en"]
    features: list[Feature] = []
    cards: list[Card] = []
    starters: list[Starter] = []
    for path in sorted(folder.glob("*.toml")):
        if path.name in ("deck.toml", "cases.toml", CONSENT_FILE):
            continue
        if path.stem not in FEATURE_IDS:
            problems.add(path, f"unknown feature id '{path.stem}' (expected one of {', '.join(FEATURE_IDS)})")
    for fid in FEATURE_IDS:
        path = folder / f"{fid}.toml"
        feature, fcards, fstarters = _load_feature(path, languages, problems)
        if feature is not None:
            features.append(feature)
        if path.exists():
            _check_counts(path, fid, fcards, fstarters, problems)
        cards += fcards
        starters += fstarters
    cases = _load_cases(folder / "cases.toml", languages, problems)
    consent = _load_consent(folder, languages, problems)

    seen: dict[str, str] = {}
    for kind, ident, fid in [("card", c.id, c.feature) for c in cards] + [
        ("starter", s.id, s.feature) for s in starters
    ] + [("case", c.id, "cases") for c in cases]:
        if ident in seen:
            problems.add(folder / f"{fid}.toml", f"duplicate id (also in {seen[ident]}.toml)", f"{kind} {ident}", "id")
        else:
            seen[ident] = fid
    orders = Counter(f.order for f in features)
    for f in features:
        if orders[f.order] > 1:
            problems.add(folder / f"{f.id}.toml", f"order {f.order} is used by more than one feature", None, "order")

    if meta is not None:
        meta_path = folder / "deck.toml"
        data = {k: meta.get(k) for k in ("id", "version", "name", "scale", "scales", "address", "jargon") if k in meta}
        data.update(languages=languages, features=features, cards=cards, starters=starters, cases=cases,
                    consent=consent)
        deck = problems.validate(Deck, data, meta_path, None)
        if deck is not None:
            _check_text(problems, meta_path, None, "name", deck.name, languages, MAX_CARD_WORDS)
            for lang in languages:
                if lang not in deck.scale:
                    problems.add(meta_path, f"missing translation '{lang}'", None, "scale")
            for name, scale in [("scale", deck.scale)] + [(f"scales.{n}", s) for n, s in deck.scales.items()]:
                for lang in languages:
                    if lang not in scale and name != "scale":
                        problems.add(meta_path, f"missing translation '{lang}'", None, name)
                for lang in scale:
                    if lang not in languages:
                        problems.add(meta_path, f"unknown language '{lang}'", None, name)
                for lang, labels in scale.items():
                    for i, label in enumerate(labels):
                        _check_lengths(problems, meta_path, None, f"{name}.{lang}.{i}", label, MAX_LABEL_WORDS)
            _check_scale_names(folder, deck, problems)
    else:
        deck = None
    if problems.lines or deck is None:
        raise DeckError(problems.lines or [f"{folder}: deck could not be read"])
    return deck.model_copy(update={"features": sorted(deck.features, key=lambda f: f.order)})


def summary_line(deck: Deck, warnings: int = 0) -> str:
    """One line with the counts, as check-deck prints it for a deck that loads (and how many warnings)."""
    q = sum(c.kind == CardKind.QUESTION for c in deck.cards)
    r = sum(c.kind == CardKind.REFLECTION for c in deck.cards)
    quick = sum(c.quick for c in deck.cards)
    return (
        f"deck {deck.id} {deck.version}: {len(deck.features)} features, {q} question cards, "
        f"{r} reflection cards ({quick} quick), {len(deck.starters)} conversation starters, "
        f"{len(deck.cases)} cases, languages {', '.join(deck.languages)}: "
        + (f"OK, {warnings} warning(s)" if warnings else "OK")
    )
