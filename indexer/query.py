"""From what a person types to a Whoosh query: words, "phrases", -exclusions, AND/OR/NOT in four
languages, parentheses; glossary expansion across languages; the query's own language weighted."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from whoosh import query as wq
from whoosh.qparser import syntax
from whoosh.qparser import (
    BoostPlugin,
    FieldsPlugin,
    GroupPlugin,
    MultifieldPlugin,
    OperatorsPlugin,
    PhrasePlugin,
    QueryParser,
)

from . import languages
from .glossary import Glossary, Match
from .analysis import COMPOUNDING, FUNCTION_WORDS, split_compound
from .languages import LANGUAGES
from .schema import ABOUT_FIELDS, CONTEXT_FIELDS, NEUTRAL_FIELD, TEXT_FIELDS, about_field, concept_field, context_field, text_field

# Operators in the users' languages, upper case as in English: "sexting ET écoles", "NICHT Schule".
OPERATORS = {
    "AND": ("AND", "ET", "EN", "UND"),
    "OR": ("OR", "OU", "OF", "ODER"),
    "NOT": ("NOT", "SAUF", "NIET", "NICHT"),
}
_OPERATOR = {word: op for op, words in OPERATORS.items() for word in words}
# Field weights (BM25F): a stem match in a language field is the better evidence; the neutral field
# carries names, codes and numbers.
FIELD_BOOSTS = {
    **{text_field(lang): 1.0 for lang in LANGUAGES},
    NEUTRAL_FIELD: 0.6,
    # The question a passage answers, and its lead-in: weak evidence, but the only one for a list item.
    **{context_field(lang): 0.3 for lang in LANGUAGES},
    # A passage's description in each language, written beside its document: what it is about, in
    # the words of the user's language; half as strong as its own words, and added to them.
    **{about_field(lang): 0.5 for lang in LANGUAGES},
}
# The query's own language, when it can be told, weighs this much more.
QUERY_LANGUAGE_BOOST = 1.5
# Glossary terms weigh this much against the user's own words: synonyms in the language typed, and
# translations (the only way to passages in another language).
EXPANSION_WEIGHT = 0.3
TRANSLATION_WEIGHT = 0.7
# The parts of a term on their own: each word of a multi-word term (harcèlement for harcèlement en
# ligne), all the parts of a compound term (Lehrerfortbildung: teacher and training).
PART_WEIGHT = 0.1
COMPOUND_PART_WEIGHT = 0.3
# A glossary concept met in a passage, in whatever language the passage names it.
CONCEPT_WEIGHT = 0.5
# A name the index holds in few passages may be spelled otherwise in others (Yapaka, Yakapa): its
# other spellings there weigh this much.
VARIANT_WEIGHT = 0.3
# Words of a multi-word glossary term may stand this far apart.
EXPANSION_SLOP = 6
# A query of this many words needs not all of them when it has no operators: passages with all the
# words come first, then those with some, as a search engine does with a question typed in full.
LOOSE_FROM = 2
# From this many words on, function words of any language are left out of a query of unknown language.
LONG_QUERY = 3

# What the user may type: quoted phrases (the closing quote optional), parentheses, words.
_TOKEN = re.compile(
    r'(?P<neg>[-−])?"(?P<phrase>[^"]*)"?'
    r"|(?P<code>\w[\w./-]*\(\w+\)[\w./-]*)"  # a reference such as T-ES(2017)ICT-BE, searched as a phrase
    r"|(?P<open>\()|(?P<close>\))|(?P<word>[^\s()\"]+)"
)
# "article 442bis", "art. 28quater", "Artikel 383": the number says it all (the text abbreviates).
_ARTICLE_WORD = re.compile(r"^(?:art|arts|article|articles|artikel|artikels|artikelen)\.?$", re.IGNORECASE)
_ARTICLE_NUMBER = re.compile(r"^\d{1,3}[a-z]*(?:/\d{1,2})?$", re.IGNORECASE)
# Characters the engine would read as syntax (fields, wildcards, boosts, fuzziness, ranges).
_SYNTAX = re.compile(r"[:*?~^{}\[\]\\<>=!|+`]")


# Fields whose matches for one word count once, as the best of them: a cognate matched in three
# language fields is one piece of evidence. The neutral field stands on its own.
_FIELD_GROUP = {
    **{field: "text" for field in TEXT_FIELDS},
    NEUTRAL_FIELD: None,
    **{field: "context" for field in CONTEXT_FIELDS},
    **{field: "about" for field in ABOUT_FIELDS},
}


class _BestFieldGroup(syntax.GroupNode):
    """The fields of one word: the neutral field, plus the best of the language fields, of the
    context fields and of the descriptions."""

    @staticmethod
    def qclass(subqueries, boost=1.0, **kwargs):
        alone: list[wq.Query] = []
        groups: dict[str, list[wq.Query]] = {}
        for subquery in subqueries:
            fieldname = next(iter(subquery.iter_all_terms()), (None,))[0]
            if fieldname is None:
                continue
            group = _FIELD_GROUP.get(fieldname, "text")
            (alone if group is None else groups.setdefault(group, [])).append(subquery)
        return wq.Or(alone + [wq.DisjunctionMax(found) for found in groups.values()], boost=boost)


@dataclass(frozen=True)
class Token:
    kind: str  # word, phrase, op, open, close
    text: str
    negated: bool = False


@dataclass(frozen=True)
class Expansion:
    """Glossary terms added to a query: the words they stand for, the concept and the terms added."""

    source: str
    concept: str
    terms: tuple[str, ...]

    def to_dict(self) -> dict:
        """Return the expansion as JSON-ready values."""
        return {"from": self.source, "concept": self.concept, "to": list(self.terms)}


@dataclass(frozen=True)
class _Reading:
    """How one query's words are read: its language, whether it wants only some of its words
    (`loose`), and the words spelled otherwise: the word to look up in the glossary instead
    (`lookup`), the group that searches the word (`spelled`)."""

    lang: str | None
    loose: bool
    lookup: dict[str, str]
    spelled: dict[str, str]

    def own(self, word: str) -> str:
        """Return the user's `word` as searched, with its other spellings if any."""
        return self.spelled.get(word) or _plain(word)


@dataclass(frozen=True)
class ParsedQuery:
    """The Whoosh query for a user's text, with what was done to it."""

    query: wq.Query
    words: tuple[str, ...] = ()
    expansions: tuple[Expansion, ...] = ()
    lang: str | None = None
    operators: bool = False
    # The query with all its words required, when `query` requires only some.
    strict: wq.Query | None = None
    # The query with its unknown words replaced by the closest words of the index, if any.
    corrected: str | None = None


def tokenize(text: str) -> list[Token]:
    """Return the tokens of the user's `text`, syntax the user did not mean neutralized, parentheses balanced."""
    tokens: list[Token] = []
    depth = 0
    for match in _TOKEN.finditer(text):
        if match.group("phrase") is not None:
            words = _clean(match.group("phrase"))
            if words:
                tokens.append(Token("phrase", words, bool(match.group("neg"))))
        elif match.group("code"):
            tokens.append(Token("phrase", _clean(re.sub(r"[()]", " ", match.group("code")))))
        elif match.group("open"):
            tokens.append(Token("open", "("))
            depth += 1
        elif match.group("close"):
            if depth:
                tokens.append(Token("close", ")"))
                depth -= 1
        else:
            word = match.group("word")
            if word in _OPERATOR:
                tokens.append(Token("op", _OPERATOR[word]))
                continue
            negated = word[0] in "-−" and len(word) > 1
            cleaned = _clean(word[1:] if negated else word)
            for part in cleaned.split():
                tokens.append(Token("word", part, negated))
    tokens.extend(Token("close", ")") for _ in range(depth))
    tokens = [
        token
        for token, after in zip(tokens, [*tokens[1:], None])
        if not (token.kind == "word" and _ARTICLE_WORD.match(token.text) and after and _ARTICLE_NUMBER.match(after.text))
    ]
    return _negate(_drop_dangling(tokens))


def _negate(tokens: list[Token]) -> list[Token]:
    """Return `tokens` with `NOT word` read as `-word`, so both exclude the same passages."""
    result: list[Token] = []
    for token in tokens:
        if result and result[-1] == Token("op", "NOT") and token.kind in ("word", "phrase"):
            result[-1] = Token(token.kind, token.text, negated=not token.negated)
        else:
            result.append(token)
    return result


def _clean(text: str) -> str:
    """Return `text` with engine syntax turned to spaces, and stray dashes or quotes trimmed."""
    words = (word.strip("-−'’.,;") for word in _SYNTAX.sub(" ", text).split())
    return " ".join(word for word in words if word)


def _drop_dangling(tokens: list[Token]) -> list[Token]:
    """Return `tokens` without operators that have nothing to join, and without empty parentheses."""
    result: list[Token] = []
    for token in tokens:
        if token.kind == "op":
            if token.text != "NOT" and (not result or result[-1].kind in ("op", "open")):
                continue
            if result and result[-1].kind == "op" and token.text != "NOT":
                continue
        if token.kind == "close" and result and result[-1].kind == "open":
            result.pop()
            continue
        result.append(token)
    while result and result[-1].kind == "op":
        result.pop()
    return result


def _phrase_query(fieldname: str, words: list[str], slop: int = 1, boost: float = 1.0, char_ranges=None, **kwargs) -> wq.Query:
    """Return the query of a phrase as a field's analyzer read it: its words in order, without the
    parts of a compound (which stand at the whole word's place, not after it); a single word as a
    term, a single compound as its whole or its parts, of the same weight (the parser's phrase of
    one word drops the weight)."""
    ranges = list(char_ranges) if char_ranges and len(char_ranges) == len(words) else [None] * len(words)
    # A part repeats its compound's characters, as does the part after it.
    kept = [i for i in range(len(words)) if i == 0 or ranges[i] is None or ranges[i] != ranges[i - 1]]
    if len(words) == 1:
        return wq.Term(fieldname, words[0], boost=boost)
    if len(kept) == 1:
        # One compound with its parts: as the field reads the word typed on its own.
        return wq.Or([wq.Term(fieldname, word) for word in words], boost=boost)
    return wq.Phrase(fieldname, [words[i] for i in kept], slop=slop, boost=boost, char_ranges=[ranges[i] for i in kept] if char_ranges else None)


def _quote(lang_field: str, term: str) -> str:
    """Return a glossary term as a phrase of its language's field, its words allowed to stand apart."""
    words = " ".join(_WORD.findall(term))
    return f'{lang_field}:"{words}"~{EXPANSION_SLOP}' if " " in words else f'{lang_field}:"{words}"'


_WORD = re.compile(r"\w+")


def _phrase(text: str) -> str:
    """Return a quoted phrase as searched: in the passages' own words, not in the question or lead-in
    that frames them (a list item under `on entend par "matériel pédopornographique"` does not hold
    those words)."""
    return "(" + " OR ".join(f'{field}:"{text}"^{FIELD_BOOSTS[field]}' for field in TEXT_FIELDS) + ")"


def _concept(match: Match, weight: float = 1.0) -> list[str]:
    """Return the concept of a glossary match as met in passages of the languages it was not typed in:
    the passages that name it in the words typed are found by those words."""
    typed = match.typed_in()
    return [f"{concept_field(lang)}:{match.concept.id}^{weight}" for lang in LANGUAGES if lang not in typed]


def _plain(word: str) -> str:
    """Return a user's word as the parser reads it inside a group: quoted when it has inner punctuation."""
    return word if _WORD.fullmatch(word) else f'"{word}"'


class QueryBuilder:
    """Builds Whoosh queries over a schema, with a glossary for expansion across languages."""

    def __init__(
        self,
        schema,
        glossary: Glossary,
        correct: Callable[[str], list[str]] | None = None,
        known: Callable[[str], bool] | None = None,
        variants: Callable[[str], list[str]] | None = None,
    ) -> None:
        self.schema = schema
        self.glossary = glossary
        # Returns the index's words closest to a word it does not hold (none for a known word).
        self.correct = correct or (lambda word: [])
        # Whether the index holds a word as it is (a name such as Mediaraven is no compound to split).
        self.known = known or (lambda word: False)
        # Returns the index's other spellings of a word it holds in few passages (none for others).
        self.variants = variants or (lambda word: [])

    def parser(self, lang: str | None) -> QueryParser:
        """Return the parser for rendered queries, weighting `lang`'s field when the query's language is known."""
        boosts = dict(FIELD_BOOSTS)
        if lang:
            boosts[text_field(lang)] *= QUERY_LANGUAGE_BOOST
        plugins = [
            PhrasePlugin(),
            GroupPlugin(),
            OperatorsPlugin(AndNot=None, AndMaybe=None, Require=None),
            BoostPlugin(),
            FieldsPlugin(),
            MultifieldPlugin(TEXT_FIELDS + ABOUT_FIELDS + CONTEXT_FIELDS, fieldboosts=boosts, group=_BestFieldGroup),
        ]
        return QueryParser(None, self.schema, plugins=plugins, phraseclass=_phrase_query)

    def build(self, text: str, expand: bool = True) -> ParsedQuery:
        """Return the query for the user's `text`; empty text is every passage."""
        tokens = tokenize(text)
        words = tuple(t.text for t in tokens if t.kind == "word" and not t.negated)
        positive = [t for t in tokens if t.kind in ("word", "phrase") and not t.negated]
        if not positive:
            excluded = [t for t in tokens if t.kind in ("word", "phrase") and t.negated]
            if not excluded:
                return ParsedQuery(wq.Every())
            # Only exclusions: every passage but those.
            rendered = " OR ".join(_phrase(t.text) if t.kind == "phrase" else _plain(t.text) for t in excluded)
            return ParsedQuery(wq.AndNot(wq.Every(), self.parser(None).parse(rendered)), operators=False)
        lang = _query_language(" ".join(t.text for t in positive))
        tokens = _drop_function_words(tokens, lang)
        positive = [t for t in tokens if t.kind in ("word", "phrase") and not t.negated]
        operators = any(t.kind == "op" for t in tokens) or any(t.kind == "open" for t in tokens)
        reading = self._reading(tokens, lang, loose=not operators)
        rendered, expansions = self._render(tokens, reading, expand)
        parsed = self.parser(lang).parse(rendered)
        strict = None
        if not operators and len(positive) >= LOOSE_FROM:
            strict, parsed = parsed, loosen(parsed)
        corrected = " ".join(reading.lookup.get(w, w) for w in words) if reading.lookup else None
        return ParsedQuery(parsed, words, tuple(expansions), lang, operators, strict, corrected)

    def _reading(self, tokens: list[Token], lang: str | None, loose: bool) -> _Reading:
        """Return how the query's words are read: a word the index does not hold with the index's
        closest words (and looked up in the glossary as corrected), a name it holds in few passages
        with the other spellings the documents give it, weaker."""
        lookup: dict[str, str] = {}
        spelled: dict[str, str] = {}
        for token in tokens:
            word = token.text
            if token.kind != "word" or token.negated or word in spelled:
                continue
            if fixes := self.correct(word):
                lookup[word] = fixes[0]
                spelled[word] = f"({' OR '.join([_plain(word), *map(_plain, fixes)])})"
            elif variants := self.variants(word):
                others = " OR ".join(f"{NEUTRAL_FIELD}:{_plain(variant)}" for variant in variants)
                spelled[word] = f"({_plain(word)} OR ({others})^{VARIANT_WEIGHT})"
        return _Reading(lang, loose, lookup, spelled)

    def _render(self, tokens: list[Token], reading: _Reading, expand: bool = True) -> tuple[str, list[Expansion]]:
        """Return the query in Whoosh syntax, glossary terms added as weaker alternatives of the words they
        match, words spelled otherwise searched as `reading` says."""
        out: list[str] = []
        expansions: list[Expansion] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.kind == "word" and not token.negated:
                run = [token.text]
                while i + len(run) < len(tokens) and tokens[i + len(run)].kind == "word" and not tokens[i + len(run)].negated:
                    run.append(tokens[i + len(run)].text)
                out.extend(self._expand_run(run, expansions, reading) if expand else map(_plain, run))
                i += len(run)
                continue
            if token.kind == "word":
                out.append(f"NOT {_plain(token.text)}")
            elif token.kind == "phrase":
                # A quoted phrase is searched as typed, without other forms.
                out.append(f'{"NOT " if token.negated else ""}{_phrase(token.text)}')
            else:  # an operator or a parenthesis
                out.append(token.text)
            i += 1
        return " ".join(out), expansions

    def _expand_run(self, run: list[str], expansions: list[Expansion], reading: _Reading) -> list[str]:
        """Return the words of `run` as `reading` spells them, each glossary term among them grouped
        with its other forms. In a loose query, the words of a term are also wanted each on its own,
        after passages naming the whole term."""
        own = reading.own

        def plain(words: list[str]) -> list[str]:
            return [self._compound(word, own(word), expansions) for word in words]

        out: list[str] = []
        cursor = 0
        for match in self.glossary.find([reading.lookup.get(word, word) for word in run], reading.lang):
            out.extend(plain(run[cursor : match.start]))
            source = " ".join(run[match.start : match.end])
            typed = " ".join(own(word) for word in run[match.start : match.end])
            others = match.other_forms()
            alternatives = [
                f"{_quote(text_field(other), form)}^{EXPANSION_WEIGHT if other == match.lang else TRANSLATION_WEIGHT}"
                for other, form in others
            ] + _concept(match, CONCEPT_WEIGHT)
            if reading.loose and (parts := self._term_parts(run[match.start : match.end], own)):
                alternatives.append(parts)
            out.append(f"(({typed}) OR {' OR '.join(alternatives)})" if alternatives else typed)
            if others:
                expansions.append(Expansion(source, match.concept.id, tuple(dict.fromkeys(f for _, f in others))))
            cursor = match.end
        out.extend(plain(run[cursor:]))
        return out

    def _term_parts(self, words: list[str], own: Callable[[str], str]) -> str | None:
        """Return a term's parts wanted on their own, weaker than the whole: the words of a multi-word
        term (harcèlement for harcèlement en ligne), the parts of a compound (Lehrerfortbildung:
        teacher, training); None for a single word that is no compound."""
        if len(words) > 1:
            return f"({' OR '.join(map(own, words))})^{PART_WEIGHT}"
        found = self._parts(words[0])
        return f"({found[1]})^{COMPOUND_PART_WEIGHT}" if found is not None and len(found[0]) > 1 else None

    def _compound(self, word: str, typed: str, expansions: list[Expansion]) -> str:
        """Return `typed`, and if `word` is a Dutch or German compound whose parts are glossary terms,
        those terms' forms as a weaker alternative: Jugendschutz -> jeunes, youth, jongeren ..."""
        if self.known(word):
            return typed
        found = self._parts(word)
        if found is None:
            return typed
        parts, group, added = found
        expansions.append(Expansion(word, "+".join(parts), added))
        return f"(({typed}) OR ({group})^{EXPANSION_WEIGHT})"

    def _parts(self, word: str) -> tuple[list[str], str, tuple[str, ...]] | None:
        """Return the parts of a Dutch or German compound that are glossary terms, the query wanting
        all of them in any of their forms, and those forms; None if it has no such parts."""
        for lang in COMPOUNDING:
            parts = split_compound(lang, word.lower())
            if not parts:
                continue
            groups, added = [], []
            for part in parts:
                for match in self.glossary.find([part], lang):
                    others = match.other_forms()
                    forms = [_quote(text_field(l), form) for l, form in others] + _concept(match)
                    groups.append("(" + " OR ".join(forms) + ")")
                    added.extend(form for _, form in others)
            if groups:
                return parts, " AND ".join(groups), tuple(dict.fromkeys(added))
        return None


def _drop_function_words(tokens: list[Token], lang: str | None) -> list[Token]:
    """Return `tokens` without the function words of the query's language (of any, in a long query),
    which every other language field would otherwise read as words of its own; a query made only of
    them is kept as it is."""
    words = [t for t in tokens if t.kind == "word" and not t.negated]
    if lang is not None:
        stops = FUNCTION_WORDS[lang]
    elif len(words) >= LONG_QUERY:
        stops = frozenset().union(*FUNCTION_WORDS.values())
    else:
        return tokens
    kept = [t for t in tokens if not (t.kind == "word" and not t.negated and t.text.lower() in stops)]
    return kept if any(t.kind in ("word", "phrase") and not t.negated for t in kept) else tokens


def _query_language(text: str) -> str | None:
    """Return the language of a query when its words tell it (function words, or a clear langdetect)."""
    found = languages.detect(text)
    return found.lang if found.lang and len(text.split()) >= 2 else None


def loosen(parsed: wq.Query) -> wq.Query:
    """Return `parsed` with its top-level conjunction of words turned into a ranked disjunction."""
    if isinstance(parsed, wq.AndNot):
        return wq.AndNot(loosen(parsed.a), parsed.b)
    if isinstance(parsed, wq.And):
        # Any of the words; passages with all of them score the more.
        return wq.AndMaybe(wq.Or(parsed.subqueries), wq.And(parsed.subqueries))
    return parsed
