"""Indian personal names as comparable data: canonical forms and how closely two names agree.

The rules (honorifics, alias words, suffixes, transliteration folds) live in
``data/names.v3.json`` (``VERSION``; ``rules(2)`` loads the earlier rules) and follow TCPD
Surf. ``normalize.fold`` does the per-word spelling folds; this module adds what a whole
person's name needs: ballot serial numbers, "X alias Y", bracketed nicknames, social handles,
initials, stuck-on suffixes and reordered words.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from chunav.knowledge.normalize import fold, key

# "1 NARESH PURI", "12. X", "3) X": an ECI ballot serial number before the name
_SERIAL = re.compile(r"^\s*\d{1,3}\s*[.):-]?\s+(?=\D)")
_BRACKET = re.compile(r"[(\[{]([^)\]}]*)[)\]}]?")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_HANDLE = re.compile(r"@(\w+)")
_LETTERS = re.compile(r"[^a-z]+")
_VOWELS = re.compile(r"[aeiouy]")

VERSION = 3  # the names.vN.json in use


@dataclass(frozen=True)
class Rules:
    """The canonicalisation rules of one ``names.vN.json``."""

    honorifics: frozenset[str]
    keep_unless_leading: frozenset[str]
    alias_words: frozenset[str]
    drop_words: frozenset[str]
    stuck_suffixes: tuple[str, ...]
    mohammad: frozenset[str]
    pre_folds: tuple[tuple[re.Pattern, str], ...]
    post_folds: tuple[tuple[re.Pattern, str], ...]
    abbreviations: dict[str, str]
    relation: re.Pattern
    optional: frozenset[str]  # folded


@cache
def rules(version: int = VERSION) -> Rules:
    """The name rules bundled as ``data/names.v{version}.json``."""
    path = resources.files("chunav.resolve").joinpath("data", f"names.v{version}.json")
    data = json.loads(path.read_text("utf-8"))
    markers = "|".join(r"\s*".join(re.escape(c) for c in m.replace(" ", ""))
                       for m in data["relation_markers"])
    rules_ = Rules(
        honorifics=frozenset(data["honorifics"]),
        keep_unless_leading=frozenset(data["keep_unless_leading"]),
        alias_words=frozenset(data["alias_words"]),
        drop_words=frozenset(data["drop_words"]),
        stuck_suffixes=(),
        mohammad=frozenset(data["mohammad"]),
        pre_folds=tuple((re.compile(a), b) for a, b in data["pre_folds"]),
        post_folds=tuple((re.compile(a), b) for a, b in data["post_folds"]),
        abbreviations=dict(data["abbreviations"]),
        relation=re.compile(rf"\b(?:{markers})\b(.*)$", re.IGNORECASE),
        optional=frozenset(),
    )
    folded = {
        "optional": frozenset(_fold_word(w, rules_) for w in data["optional_words"]),
        "drop_words": rules_.drop_words | {_fold_word(w, rules_) for w in data["drop_words"]},
        "stuck_suffixes": tuple(sorted({_fold_word(w, rules_) for w in data["stuck_suffixes"]},
                                       key=len, reverse=True)),
    }
    return Rules(**{**rules_.__dict__, **folded})


@dataclass(frozen=True)
class Word:
    """One word of a canonical name: its folded spelling and the letter it starts with as
    written (an initial "P." must meet "Phuntsog" although that folds to "funtsog")."""

    text: str
    initial: str

    @property
    def is_initial(self) -> bool:
        return len(self.text) == 1


@dataclass(frozen=True)
class CanonicalName:
    """A person's name reduced for matching: the main form and any other names it carries
    ("X alias Y", "X (Y)", "X urf Y")."""

    forms: tuple[tuple[Word, ...], ...]
    relation: tuple[Word, ...] = ()  # the father's or husband's name after "S/O", "W/O"

    @property
    def main(self) -> tuple[Word, ...]:
        return self.forms[0] if self.forms else ()

    @property
    def key(self) -> str:
        """Word order, spacing and case blind: "ADHIKARI SUVENDU" == "Suvendu Adhikari"."""
        return " ".join(sorted(w.text for w in self.main))

    def __str__(self) -> str:
        return " / ".join(" ".join(w.text for w in form) for form in self.forms)


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _fold_word(word: str, r: Rules) -> str:
    if word in r.mohammad:
        return "mohammad"
    for pattern, repl in r.pre_folds:
        word = pattern.sub(repl, word)
    word = fold(word)
    for pattern, repl in r.post_folds:
        word = pattern.sub(repl, word)
    return word


def _split_suffix(word: str, r: Rules) -> list[str]:
    """'babubhai' -> ['babu', 'bhai']: a suffix stuck on, at least 3 letters left in front."""
    for suffix in r.stuck_suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return [*_split_suffix(word[: -len(suffix)], r), suffix]  # "meghjibhai"
    return [word]


def _words(part: str, r: Rules, nickname: bool = False) -> tuple[Word, ...]:
    raw: list[str] = []
    for chunk in _LETTERS.split(part.casefold()):
        if chunk:
            raw.extend(r.abbreviations.get(chunk, chunk).split())
    raw = [w for w in raw if w not in r.drop_words and w not in r.alias_words]
    # titles go only while a real word is left; "Thakur"/"Baba" only as a leading title
    real = [w for w in raw if w not in r.honorifics]
    if real:
        kept, leading = [], True
        for w in raw:
            if w in r.honorifics and (w not in r.keep_unless_leading
                                      or (leading and len(real) >= 3)):
                continue
            leading = False
            kept.append(w)
        raw = kept
    elif nickname:  # "(Adv)", "(Retd.)": a title in brackets, not another name
        return ()
    out = []
    for w in raw:
        # suffixes come off the folded spelling, so "Chatterjee" and "Chatterji" agree
        pieces = _split_suffix(_fold_word(w, r), r)
        if len(pieces) > 1:  # fold the pieces as words of their own ("hansa" -> "hans")
            pieces = [_fold_word(p, r) for p in pieces]
        for n, piece in enumerate(pieces):
            if piece and piece not in r.drop_words:
                out.append(Word(piece, w[0] if n == 0 else piece[0]))
    return tuple(out)


@lru_cache(maxsize=1 << 18)
def canonical_name(name: str, version: int = VERSION) -> CanonicalName:
    """Canonicalise a candidate's name as a source writes it.

    >>> str(canonical_name("1 Dr. NARESH PURI"))
    'nares puri'
    >>> canonical_name("ADHIKARI SUVENDU").key == canonical_name("Suvendu Adhikari").key
    True
    >>> str(canonical_name("MOHD ALI ALIAS ALI KARGIL"))
    'mohammad ali / ali kargil'
    """
    r = rules(version)
    text = _ascii(name).replace("\\", " ( ")  # TCPD writes a nickname as \NICK\
    text = _SERIAL.sub("", text)
    relation = r.relation.search(text)  # "X S/O Y": Y is the father, not part of X's name
    if relation:
        text = text[: relation.start()]
    # "@HajiHanifa" is a handle: split its camel case; " @ " between names means alias
    text = _HANDLE.sub(lambda m: " " + _CAMEL.sub(" ", m.group(1)), text)
    text = text.replace("@", " alias ")
    nicknames = []
    for match in _BRACKET.finditer(text):
        inner = match.group(1).strip()
        if len(_LETTERS.sub("", inner.casefold())) > 1:  # "(W)" is a marker, not a name
            nicknames.append(inner)
    text = _BRACKET.sub(" ", text)
    alias = re.compile(r"\b(?:" + "|".join(sorted(r.alias_words)) + r")\b", re.IGNORECASE)
    parts = [(p, False) for p in alias.split(text) if p.strip()]
    parts += [(p, True) for p in nicknames]
    forms: list[tuple[Word, ...]] = []
    for part, nickname in parts:
        words = _words(part, r, nickname)
        if words and words not in forms:
            forms.append(words)
    kin = _words(relation.group(1), r) if relation else ()
    return CanonicalName(tuple(forms), kin)


def skeleton(text: str) -> str:
    """Consonants only: spellings that differ in vowels ("Vajpayee"/"Vajapayee") agree."""
    return _VOWELS.sub("", text)


# name comparison levels, most to least alike
EXACT, CLOSE, INITIALS, SUBSET, DIFFERENT = "exact", "close", "initials", "subset", "different"
LEVELS = (EXACT, CLOSE, INITIALS, SUBSET, DIFFERENT)
_WORD_SIMILAR = 85  # rapidfuzz ratio two full words need to count as one spelling


def _word_similarity(a: str, b: str) -> float:
    """How alike two folded words are: 0 when they are not one spelling, else 85 to 100."""
    if a == b:
        return 100.0
    if len(a) >= 4 and len(b) >= 4:
        score = fuzz.ratio(a, b)
        if score >= _WORD_SIMILAR:
            return score
    # vowels only ("Dutt"/"Datt", "Baig"/"Beg"), same first letter, two consonants or more
    if a[0] == b[0] and len(skeleton(a)) >= 2 and skeleton(a) == skeleton(b):
        return float(_WORD_SIMILAR)
    # one vowel for another, letter for letter ("Ray"/"Roy", "Ajay"/"Ajoy")
    if a[0] == b[0] and len(a) == len(b) and all(
            x == y or (x in "aeiou" and y in "aeiou") for x, y in zip(a, b, strict=True)):
        return float(_WORD_SIMILAR)
    return 0.0


word_similarity = _word_similarity  # public name for the resolver


@lru_cache(maxsize=1 << 16)  # pairs recur (one career compared again and again), but not often
def compare_words(a: tuple[Word, ...], b: tuple[Word, ...]) -> tuple[str, float]:
    """How two word lists agree: (level, similarity 0-100 of the words matched)."""
    if not a or not b:
        return DIFFERENT, 0.0
    if sorted(w.text for w in a) == sorted(w.text for w in b):
        return EXACT, 100.0
    full_a = [w for w in a if not w.is_initial]
    full_b = [w for w in b if not w.is_initial]
    joined_a, joined_b = "".join(w.text for w in full_a), "".join(w.text for w in full_b)
    if (len(full_a) != len(full_b) and joined_a == joined_b
            and sorted(w.initial for w in a if w.is_initial)
            == sorted(w.initial for w in b if w.is_initial)):
        return EXACT, 100.0  # "Atalbihari" / "Atal Bihari"
    # match full words one to one, best pairs first
    pairs = sorted(((_word_similarity(x.text, y.text), i, j) for i, x in enumerate(full_a)
                    for j, y in enumerate(full_b)), reverse=True)
    left_a, left_b = set(range(len(full_a))), set(range(len(full_b)))
    sims = []
    for sim, i, j in pairs:
        if sim <= 0:
            break
        if i in left_a and j in left_b:
            left_a.discard(i)
            left_b.discard(j)
            sims.append(sim)
    # a word of one may be two words of the other run together ("Ramsahai" / "Ram Sahai")
    for one, other, left_one, left_other in ((full_a, full_b, left_a, left_b),
                                             (full_b, full_a, left_b, left_a)):
        for i in sorted(left_one):
            pair = _run_together(one[i].text, other, left_other)
            if pair:
                left_one.discard(i)
                left_other.difference_update(pair)
                sims.append(95.0)
    if not sims:
        return DIFFERENT, 0.0
    # initials: a letter meets a full word starting with it, or the same letter
    init_a = [w.initial for w in a if w.is_initial]
    init_b = [w.initial for w in b if w.is_initial]
    optional = rules().optional  # "Md." / "Syed" one source writes and another leaves out
    rest_a = [full_a[i].initial for i in sorted(left_a) if full_a[i].text not in optional]
    rest_b = [full_b[j].initial for j in sorted(left_b) if full_b[j].text not in optional]
    words_left = len(rest_a) + len(rest_b)
    init_a, init_b, rest_a, rest_b = _pair_letters(init_a, init_b, rest_a, rest_b)
    # an initial stood for a word ("G." for "Gaddam"), not just for the same initial
    used_initials = len(rest_a) + len(rest_b) < words_left
    missing_a, missing_b = len(init_a) + len(rest_a), len(init_b) + len(rest_b)
    similarity = sum(sims) / len(sims)
    if missing_a == 0 and missing_b == 0:
        if used_initials:
            return INITIALS, similarity
        return (EXACT if similarity == 100 else CLOSE), similarity
    if missing_a == 0 or missing_b == 0:
        if not rest_a and not rest_b:  # only initials left over: "S. S. Palani" / "S. Palani"
            return INITIALS, similarity
        return SUBSET, similarity
    return DIFFERENT, similarity


def _run_together(word: str, other: list[Word], free: set[int]) -> tuple[int, ...] | None:
    """Two unmatched words of ``other`` (or three in a row) that, written together, spell
    ``word``: "Ramsahai"/"Ram Sahai", "Vallalperuman"/"Val lal Peruman"."""
    found: list[tuple[float, tuple[int, ...]]] = []
    for j in range(len(other) - 2):
        if {j, j + 1, j + 2} <= free:
            found.append((_word_similarity(word, "".join(w.text for w in other[j:j + 3])),
                          (j, j + 1, j + 2)))
    for j in free:
        for k in free:
            if j != k:
                found.append((_word_similarity(word, other[j].text + other[k].text), (j, k)))
    best = max(found, default=(0.0, ()))
    return best[1] if best[0] >= 85 else None


def _pair_letters(init_a: list[str], init_b: list[str], rest_a: list[str],
                  rest_b: list[str]) -> tuple[list[str], list[str], list[str], list[str]]:
    """Cross off initials against the other side's unmatched words, then against its
    initials; what is left on each side has no partner."""
    init_a, init_b, rest_a, rest_b = list(init_a), list(init_b), list(rest_a), list(rest_b)
    for mine, theirs in ((init_a, rest_b), (init_b, rest_a)):
        for letter in list(mine):
            if letter in theirs:
                theirs.remove(letter)
                mine.remove(letter)
    for letter in list(init_a):
        if letter in init_b:
            init_b.remove(letter)
            init_a.remove(letter)
    return init_a, init_b, rest_a, rest_b


def compare_names(a: CanonicalName, b: CanonicalName) -> tuple[str, float, bool]:
    """The best agreement between any form of ``a`` and any form of ``b``:
    (level, similarity, whether an alias form gave it)."""
    best = (DIFFERENT, 0.0, False)
    rank = {level: n for n, level in enumerate(LEVELS)}
    for i, x in enumerate(a.forms):
        for j, y in enumerate(b.forms):
            level, sim = compare_words(x, y)
            if (rank[level], -sim) < (rank[best[0]], -best[1]):
                best = (level, sim, i > 0 or j > 0)
    return best


# a level only the person resolver uses (weighed low, the career decides): not in LEVELS, so
# compare_names, names_agree and news links never return it
TYPO = "typo"
_TYPO_MIN = 4  # letters a word needs before one letter more, less or other is read as a misprint


@lru_cache(maxsize=1 << 16)
def one_typo(a: tuple[Word, ...], b: tuple[Word, ...]) -> bool:
    """Two names of two full words or more each that agree but for one letter in one word
    (four letters or more, the first letter the same): "KARIA MUNDA" / "KADIA MUNDA",
    "MEGHRAJ TAWAR" / "MEGHRAJ TAWAD". A misprint, or two people ("Rajesh" / "Ramesh"): the
    resolver weighs it low and lets the seat, party and years decide."""
    full_a = [w.text for w in a if not w.is_initial]
    full_b = [w.text for w in b if not w.is_initial]
    if len(full_a) != len(full_b) or len(full_a) < 2:
        return False
    for x in full_a:
        if len(x) < _TYPO_MIN:
            continue
        for k, y in enumerate(b):
            if (len(y.text) >= _TYPO_MIN and x[0] == y.text[0] and x != y.text
                    and Levenshtein.distance(x, y.text) == 1):
                swapped = (*b[:k], Word(x, y.initial), *b[k + 1:])
                if compare_words(a, swapped)[0] in (EXACT, CLOSE, INITIALS):
                    return True
    return False


def names_agree(a: str, b: str) -> bool:
    """Can the spellings ``a`` and ``b`` name one person, by the resolver's rules (the same
    name, a close spelling, initials, or one name's words within the other's)? A spelling
    always agrees with itself, even one made only of words the rules set aside ("Aka")."""
    if key(a) and key(a) == key(b):
        return True
    return compare_names(canonical_name(a), canonical_name(b))[0] != DIFFERENT
