"""Which candidate records are the same person: blocking, explainable pairwise scores, and
clustering that does not chain unrelated namesakes together.

The score is a sum of weights, one per comparison level (name agreement, how common the name
is, same seat, same party, whether both won their seats, the years, age and sex), set in
``data/persons.v3.json`` (``settings(2)`` and ``settings(1)`` load the earlier weights). A pair
scoring at least the threshold is a match; clusters grow from the best matches first, and two
clusters join only when no pair across them is a hard no (one contest, another sex, ages that
cannot both be true, user's not-links) and their average score clears a second threshold. A
second pass lets two clusters of several records each join on a weaker pair when the records
across them agree well on average (a career that moved seat or party), and a third lets two
careers that share a name form and a seat or party join on a lower average.

Measured against TCPD's person ids with ``benchmarks/resolve_tcpd.py``; speed and memory with
``benchmarks/bench_resolve.py``.

    >>> a = PersonRecord(1, "PHUNTSOG NAMGYAL", 1996, "Lok Sabha", "Jammu_&_Kashmir", "LADAKH",
    ...                  "INC")
    >>> b = PersonRecord(2, "P. Namgyal", 1998, "Lok Sabha", "Jammu & Kashmir", "Ladakh", "INC")
    >>> explain(a, b).decision
    'same'
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from typing import Any

from rapidfuzz import fuzz

from chunav.errors import ChunavError
from chunav.knowledge.gazetteer import index
from chunav.knowledge.normalize import fold, key, split_reserved
from chunav.knowledge.parties import lookup_party
from chunav.resolve.lineage import follows
from chunav.resolve.names import (
    CLOSE,
    DIFFERENT,
    EXACT,
    INITIALS,
    SUBSET,
    TYPO,
    CanonicalName,
    canonical_name,
    compare_names,
    compare_words,
    one_typo,
    skeleton,
    word_similarity,
)

__all__ = ["PersonRecord", "Explanation", "resolve_persons", "explain", "canonical_name"]

SAME, DIFFERENT_PERSON, HARD_NO = "same", "different", "hard no"
VERSION = 3  # the persons.vN.json in use


@dataclass(frozen=True)
class PersonRecord:
    """One candidacy as a source records it.

    ``contest`` identifies the contest (two records of one contest are never one person); when
    it is None it is taken to be (house, year, state, constituency). ``ref`` is an outside
    person id such as ("tcpd", "GEAP51193"): records sharing a ref are one person, records with
    different refs of one scheme are two. ``won``: the candidacy won (an incumbent standing
    again in the seat's next election is expected).
    """

    id: Hashable
    name: str
    year: int
    house: str
    state: str
    constituency: str
    party: str | None = None
    sex: str | None = None
    age: int | None = None
    contest: Hashable | None = None
    ref: tuple[str, str] | None = None
    won: bool | None = None  # whether this candidacy won the seat (None: not known)

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> PersonRecord:
        """The record a mapping describes (keys it does not name are left out)."""
        return cls(**{f.name: row[f.name] for f in fields(cls) if f.name in row})


@dataclass(frozen=True)
class Explanation:
    """Why two records are, or are not, one person."""

    levels: dict[str, str]  # comparison -> level, e.g. {"name": "initials", "seat": "same"}
    weights: dict[str, float]  # comparison -> the weight its level added
    score: float
    threshold: float
    decision: str  # "same", "different" or "hard no"
    reason: str  # one human sentence

    def __str__(self) -> str:
        return self.reason


@dataclass(frozen=True)
class Settings:
    """The resolver's weights and limits (``data/persons.vN.json``)."""

    threshold: float
    cluster_threshold: float
    unscored: float
    group_threshold: float
    group_average: float
    max_block: int
    max_exact_block: int
    common_word: int
    weights: dict
    families: dict[str, str]


@cache
def settings(version: int = VERSION) -> Settings:
    """The bundled resolver settings, ``data/persons.v{version}.json``."""
    path = resources.files("chunav.resolve").joinpath("data", f"persons.v{version}.json")
    data = json.loads(path.read_text("utf-8"))
    families: dict[str, str] = {}
    for group in data["state_families"]:
        for name in group:
            families[key(name)] = key(group[0])
    return Settings(data["threshold"], data["cluster_threshold"], data["unscored"],
                    data["group_threshold"], data["group_average"],
                    data["max_block"], data["max_exact_block"], data["common_word"],
                    data["weights"], families)


@cache
def _state(name: str) -> tuple[str, str]:
    """(state key, family key) for a state as any source writes it."""
    k = key(name)
    entry = index("state").get(k)
    if entry is not None:
        k = key(entry.name)
    return k, settings().families.get(k, k)


@cache
def _seat(name: str) -> str:
    """Constituency spellings folded ("HISSAR"/"Hisar", "FEROZEPUR"/"FIROZPUR")."""
    words = key(split_reserved(name)[0]).split()
    return skeleton("".join(w if w.isdigit() else fold(w) for w in words)) or key(name)


@cache
def _party(name: str | None) -> tuple[str, str] | None:
    """(party key, party family key); ("ind", "ind") for independents; None when unknown.
    The family is the abbreviation before any bracket: INC(U) and INC, JD(U) and JD, JNP(S)
    and JNP are splits of one party (in TCPD, 95% of pairs of one name in one state across
    such a split are one person)."""
    if not name or not name.strip():
        return None
    entry = lookup_party(name)
    if entry is not None and entry.kind == "independent":
        return "ind", "ind"
    label = (entry.abbreviation or entry.name) if entry else name
    family = key(label.split("(")[0]) or key(label)
    return (key(entry.name) if entry else key(name)), family


class _Rec:
    """A record prepared for comparison (keys computed once)."""

    __slots__ = ("rec", "cname", "state", "family", "seat", "party", "house", "sex", "contest")

    def __init__(self, rec: PersonRecord) -> None:
        self.rec = rec
        self.cname: CanonicalName = canonical_name(rec.name)
        self.state, self.family = _state(rec.state or "")
        self.seat = _seat(rec.constituency or "")
        self.party = _party(rec.party)
        self.house = key(rec.house or "")
        sex = (rec.sex or "").strip().upper()[:1]
        self.sex = sex if sex in ("M", "F", "O") else None
        self.contest = rec.contest if rec.contest is not None else (
            self.house, rec.year, self.state, self.seat)


def _bucket(table: list, value: float) -> float:
    for limit, weight in table:
        if value <= limit:
            return weight
    return table[-1][1]


def _compare(a: _Rec, b: _Rec, stats: _Stats | None,
             s: Settings) -> tuple[float, dict[str, str], dict[str, float], str | None]:
    """(score, levels, weights, hard-no reason or None) for two prepared records."""
    w = s.weights
    levels: dict[str, str] = {}
    weights: dict[str, float] = {}
    hard = None
    if a.contest == b.contest:
        hard = "they stand in the same contest"
    elif a.sex and b.sex and a.sex != b.sex:
        hard = f"one is recorded {a.sex} and the other {b.sex}"
    elif a.rec.ref and b.rec.ref and a.rec.ref[0] == b.rec.ref[0] and a.rec.ref != b.rec.ref:
        hard = f"their {a.rec.ref[0]} ids differ"
    if hard is None and a.cname.relation and b.cname.relation and compare_words(
            a.cname.relation, b.cname.relation)[0] == DIFFERENT:
        # "KULDEEP S/O NARAIN SINGH" and "KULDEEP S/O ISHWAR SINGH": namesakes told apart
        hard = "their fathers' (or husbands') names differ"
    level, sim, by_alias = _name_level(a, b)
    levels["name"] = level
    weights["name"] = w["name"].get(level, w["name"][DIFFERENT])  # v1 has no "typo"
    if by_alias:
        levels["alias"] = "used"
        weights["alias"] = w["alias_used"]
    count = stats.count(a, b, level) if stats is not None else None
    nickname = _shared_nickname(a, b, stats, s) if stats is not None else None
    if nickname is not None:
        # "X urf DHARTI PAKAD" on both: a nickname this rare is one person's, wherever and
        # however often he stands (a serial contestant in many seats in one year)
        levels["nickname"] = "rare, shared"
        weights["nickname"] = w["rare_nickname"]
        count = min(count, nickname) if count is not None else nickname
    if count is not None:
        levels["name_count"] = f"{count:.2g}"
        weights["name_count"] = _bucket(w["name_count"], count)
    if nickname is not None:  # the words one name has more may be the nickname itself
        weights["name"] = max(weights["name"], w["name"][CLOSE])
    elif level == SUBSET and stats is not None:
        extra = _rare_extra_word(a, b, stats, s)
        if extra:
            # "Madhavrao Scindia" / "Jyotiraditya Madhavrao Scindia": a rare given name more
            # is more often a son named with his father's name than a name written in full
            levels["extra_word"] = extra
            weights["extra_word"] = w["rare_extra_word"]
            longer = a if _full(a) > _full(b) else b
            first = next(x.text for x in longer.cname.main if not x.is_initial)
            if first == extra and "rare_extra_first_word" in w:
                # "NAKUL KAMAL NATH" / "KAMAL NATH": a given name put before the whole
                # shorter name is a son (or daughter) named with the parent's name
                levels["extra_word"] = f"{extra} (first)"
                weights["extra_word"] = w["rare_extra_first_word"]
    same_house = a.house == b.house
    if not same_house:
        seat = "other_house"
    elif a.family != b.family:
        seat = "other_state"
    else:
        seat = "same" if a.seat == b.seat else "other"
    levels["seat"] = seat
    weights["seat"] = w["seat"][seat]
    if seat == "same" and stats is not None and level != DIFFERENT and stats.successive(a, b):
        # one seat's elections in a row, names that agree: one candidate's streak
        levels["streak"] = "next election in the seat"
        weights["streak"] = w["streak"]
        earlier = a if a.rec.year < b.rec.year else b
        if earlier.rec.won:  # the sitting member standing again
            levels["streak"] = "the sitting member, at the seat's next election"
            weights["streak"] += w["incumbent"]
    if a.rec.won and b.rec.won and level != DIFFERENT and "both_won" in w:
        # two members of the house: a name's namesakes among some 540 winners an election
        # are far fewer than among the candidates the name count is taken from
        levels["won"] = "both won their seats"
        weights["won"] = w["both_won"]
    if a.party is None or b.party is None:
        party = "unknown"
    elif a.party[0] == b.party[0]:
        party = "both_independent" if a.party[0] == "ind" else "same"
    elif a.party[1] == b.party[1] or (w.get("lineage") and _in_line(a, b)):
        party = "related"
    else:
        party = "different"
    levels["party"] = party
    weights["party"] = w["party"][party]
    gap = abs(a.rec.year - b.rec.year)
    if gap == 0 and same_house and seat != "same":
        if level in (EXACT, CLOSE) and count is not None and count <= w["rare_name_count"]:
            # a name this rare twice in one election: one person standing in two seats
            levels["year"] = "same year, other seat, a rare name"
            weights["year"] = w["same_year_rare_name"]
        else:
            levels["year"] = "same year, other seat"
            weights["year"] = w["same_year_other_seat"]
    elif gap == 0 and seat == "same":
        # one seat, one year, two contest ids: one candidacy in two sources (or a bypoll)
        levels["year"] = "same year, same seat"
        weights["year"] = w["same_year_same_seat"]
    else:
        levels["year"] = f"{gap} years apart"
        weights["year"] = _bucket(w["years_apart"], gap)
    if a.rec.age is not None and b.rec.age is not None:
        drift = abs((b.rec.year - a.rec.year) - (b.rec.age - a.rec.age))
        if drift > w["age_conflict"]:
            hard = hard or f"their ages are {drift} years out of step"
            levels["age"] = "conflict"
        else:
            levels["age"] = "consistent" if drift <= w["age_loose"] else "loose"
            weights["age"] = w["age"][levels["age"]]
    if (level == INITIALS and "initials_one_word" in w["name"] and min(_full(a), _full(b)) <= 1
            and not (a.rec.won or b.rec.won)):
        # "B. P. DIXIT": one full word, a family name many share, the initials narrowing it
        # only a little (unless one of the two won the seat: a member's name is well known)
        weights["name"] = w["name"]["initials_one_word"]
    if levels.get("extra_word", "").endswith("(first)") and w.get("child_succession"):
        # a child named with the parent's name succeeds the parent in the seat and wins it
        # as a family does: the streak and the two wins are no sign of one person
        for sign in ("streak", "won"):
            if sign in weights:
                levels[sign] += " (a child's succession)"
                weights[sign] = 0.0
    if nickname is not None:  # neither the seat nor the year counts against it
        for level_name in ("seat", "year"):
            weights[level_name] = max(weights[level_name], 0.0)
    score = sum(weights.values())
    return score, levels, weights, hard


@cache
def _follows(before: str, after: str, since: int, until: int) -> bool:
    return follows(before, after, since, until) is not None


def _in_line(a: _Rec, b: _Rec) -> bool:
    """The later record's party is the earlier's by the party lineage (a rename, a split's
    faction, a merger, a successor: ``lineage.follows``), not a move to another party."""
    if a.party is None or b.party is None or "ind" in (a.party[0], b.party[0]):
        return False
    first, then = (a, b) if a.rec.year <= b.rec.year else (b, a)
    return _follows(first.rec.party or "", then.rec.party or "", first.rec.year, then.rec.year)


def _name_level(a: _Rec, b: _Rec) -> tuple[str, float, bool]:
    """compare_names, and the resolver's own level 'typo' for names one letter apart."""
    level, sim, by_alias = compare_names(a.cname, b.cname)
    if level == DIFFERENT and one_typo(a.cname.main, b.cname.main):
        return TYPO, sim, False
    return level, sim, by_alias


def _full(r: _Rec) -> int:
    return sum(1 for w in r.cname.main if not w.is_initial)


def _rare_extra_word(a: _Rec, b: _Rec, stats: _Stats, s: Settings) -> str | None:
    """A rare full word (at most ``common_word`` records of the family) that the longer of
    two names has and the shorter (two full words or more) lacks; None when there is none."""
    full_a = [w.text for w in a.cname.main if not w.is_initial]
    full_b = [w.text for w in b.cname.main if not w.is_initial]
    (longer, rec), shorter = ((full_a, a), full_b) if len(full_a) > len(full_b) else (
        ((full_b, b), full_a))
    if len(shorter) < 2:
        return None
    joined = "".join(shorter)
    for word in longer:
        if word in joined or any(word_similarity(word, other) for other in shorter):
            continue
        if stats.words[(rec.family, word)] <= s.common_word:
            return word
    return None


_NICK_SIMILAR = 85  # two nicknames written out whole ("darti pakad", "darti pakar") as alike


def _shared_nickname(a: _Rec, b: _Rec, stats: _Stats, s: Settings) -> float | None:
    """How many records should carry the rarest nickname (a form after "alias", "urf", "@"
    or in brackets, of two full words or more) that both names carry, when it is rare enough
    to tell a person (``rare_nickname_count``) and the main names agree too; None otherwise.
    A name with no nickname carries one when its main form holds it ("KAKA JOGINDER SINGH
    DHARTI PAKAD", the alias word left out)."""
    if len(a.cname.forms) < 2 and len(b.cname.forms) < 2:
        return None
    if compare_words(a.cname.main, b.cname.main)[0] == DIFFERENT:
        return None
    best = None
    for one, other in ((a, b), (b, a)):
        for x in one.cname.forms[1:]:
            if sum(1 for word in x if not word.is_initial) < 2:
                continue  # one word ("Pappu") is a nickname many share
            text = _joined(x)
            hit = any(compare_words(x, y)[0] in (EXACT, CLOSE)
                      or _NICK_SIMILAR <= fuzz.ratio(text, _joined(y))
                      for y in other.cname.forms[1:])
            if not hit and len(other.cname.forms) == 1:
                main = _joined(other.cname.main)
                hit = len(main) > len(text) and fuzz.partial_ratio(text, main) >= _NICK_SIMILAR
            if hit:
                count = stats.expected_words(x)
                best = count if best is None else min(best, count)
    limit = s.weights["rare_nickname_count"]
    return best if best is not None and best <= limit else None


def _joined(form: tuple) -> str:
    return "".join(word.text for word in form if not word.is_initial)


_INITIAL_SHARE = 0.1  # about one name in ten starts with a given letter
# an initial read as a word still narrows the name down, less so (any of several words)
_WORD_INITIAL_SHARE = 0.3


class _Stats:
    """How common names are, within each state family and across all: how many people a
    name could stand for."""

    def __init__(self, recs: Sequence[_Rec]) -> None:
        self.records: Counter = Counter()  # per family, and "*" for all
        self.words: Counter = Counter()  # (family, word): records with the word
        seats: dict[tuple[str, str], set] = defaultdict(set)  # (family, name key): seats
        self.main_words: Counter = Counter()  # word: records with it in the main name
        years: dict[tuple, set[int]] = defaultdict(set)  # (house, family, seat): its years
        for r in recs:
            years[(r.house, r.family, r.seat)].add(r.rec.year)
            self.main_words.update({w.text for w in r.cname.main if not w.is_initial})
            self.records[r.family] += 1
            self.records["*"] += 1
            words = {w.text for form in r.cname.forms for w in form if not w.is_initial}
            for w in words:
                self.words[(r.family, w)] += 1
                self.words[("*", w)] += 1
            for scope in (r.family, "*"):
                seats[(scope, r.cname.key)].add((r.house, r.seat))
        self.seats = Counter({k: len(v) for k, v in seats.items()})
        # each seat's election years in order: year -> its place
        self.seat_years = {k: {y: n for n, y in enumerate(sorted(v))} for k, v in years.items()}

    def successive(self, a: _Rec, b: _Rec) -> bool:
        """Two records of one seat in elections next to each other (no election between)."""
        places = self.seat_years.get((a.house, a.family, a.seat), {})
        x, y = places.get(a.rec.year), places.get(b.rec.year)
        return x is not None and y is not None and abs(x - y) == 1

    def expected(self, r: _Rec, scope: str, initials: float = _INITIAL_SHARE,
                 own: int = 0) -> float:
        """How many records should carry r's name by chance: the product of its words'
        shares (independent words), or half the seats the exact name stood in, whichever is
        larger (words that go together, "Om Prakash", defeat the product). ``initials``:
        the share of names each initial leaves (fewer when the initials only met initials).
        ``own``: seats not to count, those of the pair compared (a career that moved seat is
        not its own namesake)."""
        total = self.records[scope] or 1
        product = float(total)
        for w in {w.text for w in r.cname.main if not w.is_initial}:
            product *= self.words[(scope, w)] / total
        # "M. SRINIVAS" is one of the Srinivases whose name starts with M
        product *= initials ** sum(1 for w in r.cname.main if w.is_initial)
        return max(product, (self.seats[(scope, r.cname.key)] - own) / 2)

    def expected_words(self, form: tuple) -> float:
        """How many records in all should carry these full words together by chance, each
        word's share counted among main names (plus one): a nickname's own records do not
        make its words look common."""
        total = self.records["*"] or 1
        product = float(total)
        for w in {w.text for w in form if not w.is_initial}:
            product *= (self.main_words[w] + 1) / total
        return product

    def count(self, a: _Rec, b: _Rec, level: str) -> float:
        """The expected namesakes of the less specific name: for initials the name written
        with initials, for a subset the shorter name."""
        scope = a.family if a.family == b.family else "*"
        if level == INITIALS:
            pick = [r for r in (a, b) if any(w.is_initial for w in r.cname.main)] or [a, b]
        elif level == SUBSET:
            pick = [a if len(a.cname.main) <= len(b.cname.main) else b]
        else:
            pick = [a, b]
        share = _INITIAL_SHARE if level not in (INITIALS, SUBSET) else _WORD_INITIAL_SHARE
        return max(self.expected(r, scope, share, len({(x.house, x.seat) for x in (a, b)
                                                      if x.cname.key == r.cname.key}))
                   for r in pick)


def _letters(form: tuple) -> str:
    return "".join(sorted(w.initial for w in form))


def _blocks(recs: Sequence[_Rec], stats: _Stats, s: Settings) -> Iterable[list[int]]:
    """Groups of record indexes worth comparing (see the settings file's 'about')."""
    word_count = stats.words
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        mine = set()
        for form in r.cname.forms:
            full = sorted(w.text for w in form if not w.is_initial)
            if not full:
                continue
            mine.add((r.family, "k", " ".join(sorted(w.text for w in form))))
            if len(full) >= 2:
                mine.add(("*", "k", " ".join(sorted(w.text for w in form))))
            mine.add((r.family, "s", skeleton("".join(full))))
            # written order too: "Ramkaran Singh" / "Ram Karan Singh" sort apart
            mine.add((r.family, "s", skeleton("".join(w.text for w in form
                                                      if not w.is_initial))))
            letters = _letters(form)
            for word in full:
                if word_count[(r.family, word)] <= s.common_word:
                    mine.add((r.family, "w", word))
                mine.add((r.family, "i", letters, word))
        for block_key in mine:
            blocks[block_key].append(i)
    for block_key, members in blocks.items():
        cap = s.max_exact_block if block_key[1] == "k" and block_key[0] != "*" else s.max_block
        if 1 < len(members) <= cap:
            yield members


class _Clusters:
    """Union-find over record indexes that keeps each cluster's members."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        return ra


def resolve_persons(records: Iterable[PersonRecord],
                    links: Iterable[tuple[Hashable, Hashable]] = (),
                    not_links: Iterable[tuple[Hashable, Hashable]] = (),
                    *, config: Settings | None = None) -> dict[Hashable, Hashable]:
    """Group records into persons: ``{record id: cluster id}``, the cluster id being the id of
    the cluster's first record in input order.

    ``links`` and ``not_links`` are pairs of record ids the user has decided (an alias file):
    they win over the matcher. Raises ChunavError E500 for repeated record ids or a link
    naming an unknown id, E501 for a not-link between records the links (or refs) join.
    ``config``: other settings than the bundled ones (a threshold sweep).
    """
    s = config or settings()
    recs = [_Rec(r) for r in records]
    position = {r.rec.id: i for i, r in enumerate(recs)}
    if len(position) != len(recs):
        raise ChunavError("record ids must be unique", "E500")
    stats = _Stats(recs)
    clusters = _Clusters(len(recs))

    def pos(rid: Hashable) -> int:
        if rid not in position:
            raise ChunavError(f"link names an unknown record id {rid!r}", "E500")
        return position[rid]

    by_ref: dict[tuple[str, str], int] = {}
    for i, r in enumerate(recs):
        if r.rec.ref:
            clusters.union(by_ref.setdefault(r.rec.ref, i), i)
    for a, b in links:
        clusters.union(pos(a), pos(b))
    forbidden: dict[int, set[int]] = defaultdict(set)
    for a, b in not_links:
        i, j = pos(a), pos(b)
        if clusters.find(i) == clusters.find(j):
            raise ChunavError(f"records {a!r} and {b!r} are both linked and not linked", "E501")
        forbidden[i].add(j)
        forbidden[j].add(i)

    matches = [(score, lo, hi) for lo, hi, score, _, _, hard in _candidates(recs, stats, s)
               if hard is None and score >= s.group_threshold]
    matches.sort(key=lambda m: (-m[0], m[1], m[2]))
    for _score, i, j in matches:
        if _score < s.threshold:
            break
        ri, rj = clusters.find(i), clusters.find(j)
        if ri != rj and _may_join(clusters.members[ri], clusters.members[rj], recs, stats,
                                  forbidden, s, s.cluster_threshold):
            clusters.union(ri, rj)
    # second pass: two careers already several records long may join on a weaker pair when
    # the records across them agree well on average (a seat or party change between them)
    for _score, i, j in matches:
        if _score >= s.threshold:
            continue
        ri, rj = clusters.find(i), clusters.find(j)
        left, right = clusters.members[ri], clusters.members.get(rj, [])
        if ri != rj and len(left) > 1 and len(right) > 1 and _may_join(
                left, right, recs, stats, forbidden, s, s.group_average):
            clusters.union(ri, rj)

    def shared_name(left: list[int], right: list[int]) -> bool:
        return bool({recs[k].cname.key for k in left} & {recs[k].cname.key for k in right})

    # third pass: two careers that share an exact name form and a seat or a party in a state
    # (as sets over all their records) join on a lower average: the career is the evidence
    _join_careers(matches, clusters, recs, stats, forbidden, s, "career_average",
                  lambda left, right: len(left) + len(right) >= s.weights["career_records"]
                  and shared_name(left, right)
                  and bool(_places(left, recs) & _places(right, recs)))
    # fourth pass: two careers of two records or more that each won a seat and share an exact
    # name form: namesakes among members are far rarer than among candidates
    _join_careers(matches, clusters, recs, stats, forbidden, s, "winners_average",
                  lambda left, right: len(left) >= 2 and len(right) >= 2
                  and any(recs[k].rec.won for k in left)
                  and any(recs[k].rec.won for k in right) and shared_name(left, right))
    out: dict[Hashable, Hashable] = {}
    first: dict[int, Hashable] = {}
    for i, r in enumerate(recs):
        root = clusters.find(i)
        out[r.rec.id] = first.setdefault(root, r.rec.id)
    return out


def _candidates(recs: Sequence[_Rec], stats: _Stats,
                s: Settings) -> Iterator[tuple[int, int, float, dict, dict, str | None]]:
    """Each pair of records a block holds whose names are not 'different', once, compared:
    (lower index, higher index, score, levels, weights, hard-no reason or None)."""
    seen: set[int] = set()
    n = len(recs)
    for members in _blocks(recs, stats, s):
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                lo, hi = (i, j) if i < j else (j, i)
                code = lo * n + hi
                if code in seen:
                    continue
                seen.add(code)
                if _name_level(recs[lo], recs[hi])[0] == DIFFERENT:
                    continue  # most pairs a block holds; the rest of the levels cannot help
                yield (lo, hi, *_compare(recs[lo], recs[hi], stats, s))


def _join_careers(matches: Sequence[tuple], clusters: _Clusters, recs: Sequence[_Rec],
                  stats: _Stats, forbidden: dict[int, set[int]], s: Settings, weight: str,
                  fits: Callable[[list[int], list[int]], bool]) -> None:
    """A pass over the scored pairs joining two careers that ``fits`` accepts when their
    records average the ``weight`` named in the settings (no pass when it names none)."""
    need = s.weights.get(weight)
    if need is None:
        return
    for _score, i, j in matches:
        ri, rj = clusters.find(i), clusters.find(j)
        if ri == rj:
            continue
        left, right = clusters.members[ri], clusters.members[rj]
        if fits(left, right) and _may_join(left, right, recs, stats, forbidden, s, need):
            clusters.union(ri, rj)


def _places(members: list[int], recs: Sequence[_Rec]) -> set[tuple]:
    """Where a career stood: its seats, and its parties (not independents) in its states."""
    out: set[tuple] = set()
    for k in members:
        r = recs[k]
        out.add(("seat", r.house, r.family, r.seat))
        if r.party is not None and r.party[1] != "ind":
            out.add(("party", r.family, r.party[1]))
    return out


def _may_join(left: list[int], right: list[int], recs: Sequence[_Rec], stats: _Stats,
              forbidden: dict[int, set[int]], s: Settings, need: float) -> bool:
    """Average linkage with vetoes: no hard no across the two clusters, and the mean score
    across them (each pair's score floored at 'unscored') reaches ``need``."""
    contests = {recs[i].contest for i in left}
    if any(recs[j].contest in contests for j in right):
        return False
    if forbidden and any(forbidden.get(i, set()).intersection(right) for i in left):
        return False
    total = 0.0
    for i in left:
        for j in right:
            score, _, _, hard = _compare(recs[i], recs[j], stats, s)
            if hard is not None:
                return False
            total += max(score, s.unscored)
    return total / (len(left) * len(right)) >= need


def explain(a: PersonRecord, b: PersonRecord,
            records: Iterable[PersonRecord] | None = None) -> Explanation:
    """Compare two records level by level. ``records`` (all the records being resolved) lets
    the explanation count how common the name is, as ``resolve_persons`` does; without it that
    comparison is left out. Passing the same sequence again reuses its counts."""
    s = settings()
    ra, rb = _Rec(a), _Rec(b)
    stats = _context_stats(records) if records is not None else None
    score, levels, weights, hard = _compare(ra, rb, stats, s)
    if hard:
        decision = HARD_NO
    else:
        decision = SAME if score >= s.threshold and levels["name"] != DIFFERENT else (
            DIFFERENT_PERSON)
    return Explanation(levels, weights, score, s.threshold, decision,
                       _sentence(a, b, levels, weights, score, s.threshold, decision, hard))


_LAST_CONTEXT: list = [None, None]  # (records object, its _Stats): explain() called in a loop


def _context_stats(records: Iterable[PersonRecord]) -> _Stats:
    """Name statistics of ``records``, reused while the same sequence object is passed."""
    if _LAST_CONTEXT[0] is not records or not isinstance(records, Sequence):
        _LAST_CONTEXT[:] = [records, _Stats([_Rec(r) for r in records])]
    return _LAST_CONTEXT[1]


_SAY = {
    "name": {"exact": "the names agree", "close": "the names differ only in spelling",
             "initials": "the names agree once initials are read as words",
             "subset": "one name has words the other lacks",
             "typo": "the names differ by one letter in one word",
             "different": "the names do not agree"},
    "seat": {"same": "same seat", "other": "another seat in the same state",
             "other_state": "a seat in another state", "other_house": "another house"},
    "party": {"same": "same party", "both_independent": "both independents",
              "different": "different parties", "unknown": "party unknown",
              "related": "parties split from one"},
}


def _sentence(a: PersonRecord, b: PersonRecord, levels: dict[str, str],
              weights: dict[str, float], score: float, threshold: float, decision: str,
              hard: str | None) -> str:
    head = f"{a.name!r} ({a.year}, {a.constituency}) and {b.name!r} ({b.year}, {b.constituency})"
    if hard:
        return f"{head} cannot be one person: {hard}."
    parts = [_SAY["name"][levels["name"]]]
    if "alias" in levels:
        parts.append("through an alias")
    if "nickname" in levels:
        parts.append("both carry a rare nickname (seat and year not held against them)")
    if "extra_word" in levels:
        parts.append(f"the longer has a rare word more ({levels['extra_word']!r})")
    if "name_count" in levels:
        parts.append(f"about {levels['name_count']} namesake record(s) expected")
    parts.append(_SAY["seat"][levels["seat"]])
    if "streak" in levels:
        parts.append(levels["streak"].replace("next election in the seat",
                                              "the seat's next election"))
    if "won" in levels:
        parts.append(levels["won"])
    parts += [_SAY["party"][levels["party"]], levels["year"]]
    if "age" in levels:
        parts.append(f"ages {levels['age']}")
    verdict = "are taken to be one person" if decision == SAME else "are taken to be two people"
    return (f"{head} {verdict}: {', '.join(parts)} "
            f"(score {score:+.1f}, threshold {threshold:+.1f}).")
