"""Language detection restricted to the service's four languages, deterministic from run to run."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import langdetect
from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

# The languages the service analyses and its users read, in display order.
LANGUAGES = ("fr", "en", "nl", "de")

_URL = re.compile(r"<?(?:https?://|www\.)\S+|\S+@\S+\.\w+")
_NON_WORDS = re.compile(r"[\d_]+|[^\w\s'’-]+")
# Sentence ends, and the markup that sets a quoted title or a parenthesis apart from its sentence.
_SEGMENT = re.compile(r"(?<=[.!?;:])\s+|\s+[-–]\s+|[*«»\"“”„()\[\]]+")
_LETTERS = re.compile(r"[^\W\d_]")

# Below this many letters a text says too little for langdetect to be trusted.
MIN_LETTERS = 25
# A sentence must have this many letters and this probability to add a secondary language.
SECONDARY_MIN_LETTERS = 40
SECONDARY_MIN_PROB = 0.95


@functools.lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    """Return a detector factory loaded with only the four languages' profiles and a fixed seed."""
    profiles_dir = Path(langdetect.__file__).parent / "profiles"
    factory = DetectorFactory()
    factory.load_json_profile([(profiles_dir / lang).read_text(encoding="utf-8") for lang in LANGUAGES])
    factory.set_seed(0)
    return factory


def voting_text(text: str) -> str:
    """Return `text` without URLs, e-mail addresses, digits and symbols, which say nothing of language."""
    return " ".join(_NON_WORDS.sub(" ", _URL.sub(" ", text)).split())


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


def detect(text: str, context: str | None) -> tuple[str | None, list[str]]:
    """Return the main language of `text` and every language with a real span in it.

    A text with too few letters takes the `context` language (that of its neighbours);
    a text without any word has no language at all.
    """
    words = voting_text(text)
    letters = letter_count(words)
    if letters == 0:
        return None, []
    if letters < MIN_LETTERS:
        main = context
    else:
        ranked = probabilities(words)
        main = ranked[0][0] if ranked else context
    if main is None:
        return None, []
    langs = {main}
    if letters >= 2 * SECONDARY_MIN_LETTERS:
        for segment in _SEGMENT.split(text):
            sentence = voting_text(segment)
            if letter_count(sentence) < SECONDARY_MIN_LETTERS:
                continue
            ranked = probabilities(sentence)
            if ranked and ranked[0][1] >= SECONDARY_MIN_PROB:
                langs.add(ranked[0][0])
    return main, [lang for lang in LANGUAGES if lang in langs]
