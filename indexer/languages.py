"""Language detection restricted to the service's four languages, deterministic from run to run."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import langdetect
from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException
from whoosh.lang.stopwords import stoplists

# The languages the service analyses and its users read, in display order.
LANGUAGES = ("fr", "en", "nl", "de")

_URL = re.compile(r"<?(?:https?://|www\.)\S+|\S+@\S+\.\w+")
_NON_WORDS = re.compile(r"[\d_]+|[^\w\s'’-]+")
# Where a span of another language may begin or end: sentence ends, commas, dashes, and the
# markup that sets a quoted title or a parenthesis apart from its sentence.
_SPAN_BREAK = re.compile(r"(?<=[.!?;:,])\s+|\s+[-–]\s+|[*«»\"“”„()\[\]]+|(?:^|\s)'|'(?=\s|$|[.,;:])")
_LETTERS = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")

# Below this many letters a text says too little for langdetect to be trusted; up to SURE_LETTERS
# its answer counts only when at least CONFIDENT, otherwise the text's function words decide.
MIN_LETTERS = 25
SURE_LETTERS = 80
CONFIDENT = 0.9
# So many function words of one language, this many times those of any other, decide without langdetect.
CLEAR_VOTES = 6
CLEAR_RATIO = 4
# A span of another language needs this many words and letters, this probability, a function word
# of its language and a word in lower case (names of organisations are in title case).
SPAN_MIN_WORDS = 3
SPAN_MIN_LETTERS = 8
SPAN_MIN_PROB = 0.95
SPAN_SUPPORTED_PROB = 0.75
QUOTED_PAIR_PROB = 0.99
_QUOTED_PAIR = re.compile(
    r"(?:[«“\"‘]|(?<!\w)')\s*([^\W\d_][^\s«»“”\"'‘’]*\s+[^\W\d_A-ZÀ-Þ][^\s«»“”\"'‘’]*)\s*(?:[»”\"’]|'(?!\w))"
)


@functools.lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    """Return a detector factory loaded with only the four languages' profiles and a fixed seed."""
    profiles_dir = Path(langdetect.__file__).parent / "profiles"
    factory = DetectorFactory()
    factory.load_json_profile([(profiles_dir / lang).read_text(encoding="utf-8") for lang in LANGUAGES])
    factory.set_seed(0)
    return factory


def voting_text(text: str) -> str:
    """Return `text` without URLs, e-mail addresses, codes and numbers (`art.383bis`, `T-ES(2017)ICT-BE`)
    and symbols, which say nothing of language."""
    words = (word for word in _URL.sub(" ", text).split() if not _DIGIT.search(word))
    return " ".join(_NON_WORDS.sub(" ", " ".join(words)).split())


def letter_count(text: str) -> int:
    """Return how many letters `text` has."""
    return len(_LETTERS.findall(text))


def probabilities(text: str) -> list[tuple[str, float]]:
    """Return (language, probability) pairs for `text`, most likely first; empty when undecidable."""
    detector = _factory().create()
    detector.append(text)
    try:
        return [(item.lang, item.prob) for item in detector.get_probabilities()]
    except LangDetectException:
        return []


# Each language's function words that vote for it: its stop words of two letters or more.
_FUNCTION_WORDS = {lang: frozenset(word for word in stoplists[lang] if len(word) > 1) for lang in LANGUAGES}
_WORD = re.compile(r"[^\W\d_]+")


def function_word_languages(text: str) -> dict[str, float]:
    """Return, per language, the function words of `text` it has; a word shared by k languages counts 1/k each."""
    votes = dict.fromkeys(LANGUAGES, 0.0)
    for word in _WORD.findall(text.lower()):
        owners = [lang for lang, words in _FUNCTION_WORDS.items() if word in words]
        for lang in owners:
            votes[lang] += 1 / len(owners)
    return votes


@dataclass(frozen=True)
class Detection:
    """What a passage's own text says of its language: the main one if it can tell, else candidates."""

    lang: str | None
    langs: tuple[str, ...]
    candidates: tuple[str, ...] = ()
    spans: tuple[tuple[str, str], ...] = ()  # (language, text) of the spans in another language


def _main_language(words: str) -> tuple[str | None, tuple[str, ...]]:
    """Return the language of running text `words`, or None and the candidates its function words allow."""
    letters = letter_count(words)
    votes = function_word_languages(words)
    first, second = sorted(votes.values(), reverse=True)[:2]
    if first >= CLEAR_VOTES and first >= CLEAR_RATIO * second:
        # Running text whose function words leave no doubt: langdetect need not be asked.
        return max(votes, key=votes.get), ()
    ranked = probabilities(words) if letters >= MIN_LETTERS else []
    if ranked and (ranked[0][1] >= CONFIDENT or letters >= SURE_LETTERS):
        return ranked[0][0], ()
    best = max(votes.values())
    if best == 0:
        return None, ()
    tied = [lang for lang in LANGUAGES if votes[lang] == best]
    if len(tied) == 1:
        return tied[0], ()
    order = {lang: i for i, (lang, _) in enumerate(ranked or probabilities(words))}
    return None, tuple(sorted(tied, key=lambda lang: order.get(lang, len(LANGUAGES))))


def foreign_spans(text: str, main: str) -> list[tuple[str, str]]:
    """Return the (language, span) pairs of `text` written in a language other than `main`."""
    found = []
    for piece in _SPAN_BREAK.split(text):
        if not piece:
            continue
        span = voting_text(piece)
        words = span.split()
        if len(words) < SPAN_MIN_WORDS or letter_count(span) < SPAN_MIN_LETTERS:
            continue
        if not any(word[0].islower() and len(word) > 1 for word in words[1:]):
            continue
        votes = function_word_languages(span)
        if max(votes[lang] for lang in LANGUAGES if lang != main) < max(votes[main], 1e-9):
            continue  # its function words speak for the main language (or none other): no need to ask langdetect
        ranked = probabilities(span)
        if not ranked or ranked[0][0] == main:
            continue
        lang = ranked[0][0]
        # langdetect may hesitate on a title full of cognates; its own function words then confirm it.
        if ranked[0][1] < (SPAN_MIN_PROB if votes[lang] <= votes[main] else SPAN_SUPPORTED_PROB):
            continue
        # Its own function words must speak for it, and more than for the main language in a short span.
        if votes[lang] == 0 or (votes[lang] <= votes[main] and len(words) <= SPAN_MIN_WORDS):
            continue
        found.append((lang, span))
    for match in _QUOTED_PAIR.finditer(text):
        # A quoted two-word title in sentence case ('Ik beslis', "Geweld geteld"); names are in title case.
        span = voting_text(match.group(1))
        ranked = probabilities(span) if letter_count(span) >= SPAN_MIN_LETTERS else []
        if ranked and ranked[0][0] != main and ranked[0][1] >= QUOTED_PAIR_PROB:
            found.append((ranked[0][0], span))
    return found


def detect(text: str) -> Detection:
    """Return what `text` alone says of its languages (see `detect_all` for the document's view)."""
    words = voting_text(text)
    main, candidates = _main_language(words)
    if main is None:
        return Detection(None, (), candidates)
    spans = tuple(foreign_spans(text, main))
    langs = {main} | {lang for lang, _ in spans}
    return Detection(main, tuple(lang for lang in LANGUAGES if lang in langs), spans=spans)


def _quoted(text: str, span: str) -> bool:
    """Whether `span` stands in `text` between quotes or italics: the way a title is set apart."""
    first = re.escape(span.split()[0])
    return bool(re.search(rf"[«“\"'*]\s*{first}", text))


def detect_all(texts: list[str], kinds: list[str], default: str | None) -> list[tuple[str | None, list[str]]]:
    """Return the main language and languages of each passage of a document, in order.

    A passage whose own text cannot tell (a heading, a bare URL, a short mixed line) takes the
    language of its context: the passage it introduces for a heading or title, else the one
    that introduces it (the other way when there is none), if its function words allow that
    language; otherwise their most likely language. A title learnt in one passage (`Raamwerk
    Seksualiteit en Beleid`) is recognised in the passages that cite it without quotes.
    """
    detections = [detect(text) for text in texts]
    titles: dict[str, str] = {}
    for text, found in zip(texts, detections):
        if found.lang:
            for lang, span in found.spans:
                words = span.lower().split()
                if _quoted(text, span) and len(words) >= SPAN_MIN_WORDS:
                    titles.setdefault(" ".join(words), lang)
                    titles.setdefault(" ".join(words[:SPAN_MIN_WORDS]), lang)
    decided = [found.lang for found in detections]
    result = []
    for i, (text, kind, found) in enumerate(zip(texts, kinds, detections)):
        lang, langs = found.lang, set(found.langs)
        if lang is None:
            before = next((decided[j] for j in range(i - 1, -1, -1) if decided[j]), None)
            after = next((decided[j] for j in range(i + 1, len(decided)) if decided[j]), None)
            near = (after or before) if kind in ("heading", "title") else (before or after)
            near = near or default
            lang = near if not found.candidates or near in found.candidates else found.candidates[0]
            langs = {lang} if lang else set()
        if lang:
            lowered = voting_text(text).lower()
            langs |= {title_lang for title, title_lang in titles.items() if title_lang != lang and title in lowered}
        result.append((lang, [code for code in LANGUAGES if code in langs]))
    return result
