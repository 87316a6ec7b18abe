"""Loaders for the domain data files in ``vbdieuhanh/data``.

Domain knowledge (document types, agency words, position titles, provinces…) lives in data files;
:mod:`vbdieuhanh.vocab` reads and checks them against their schemas; the loaders here give the typed,
folded and sorted views, each computed once and cached.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from .tones import fold_tones, strip_marks
from .vocab import data_json
from .vocab import data_rows as data_rows  # re-exported: the checked rows of a data file


def _words(name: str) -> list[str]:
    return [row[0].strip() for row in data_rows(name)]


@dataclass(frozen=True, slots=True)
class DocType:
    """A document type: its Vietnamese name, symbol code (if any) and family."""

    code: str | None
    name: str
    family: str


@cache
def doc_types() -> tuple[DocType, ...]:
    return tuple(
        DocType(code=row[0] or None, name=row[1], family=row[2]) for row in data_rows("doc_types.tsv")
    )


@cache
def doc_type_by_code() -> dict[str, DocType]:
    return {t.code: t for t in doc_types() if t.code}


@cache
def doc_type_by_upper_name() -> dict[str, DocType]:
    """Type by its folded upper-case name ("QUYẾT ĐỊNH" → Quyết định)."""
    return {fold_tones(t.name.upper()): t for t in doc_types()}


@dataclass(frozen=True, slots=True)
class AgencyTerm:
    """A word or phrase of an agency name with its canonical casing."""

    upper: str
    canonical: str
    kind: str  # head | abbrev | acronym | locality | phrase
    rest: str  # field | lower | name | none
    level: str | None = None  # central | unit, when the head alone tells


@cache
def agency_terms() -> dict[tuple[str, ...], AgencyTerm]:
    """Terms keyed by their folded upper-case token tuple."""
    terms = {}
    for row in data_rows("agency_terms.tsv"):
        upper = fold_tones(row[0].upper())
        level = row[4] if len(row) > 4 and row[4] else None
        terms[tuple(upper.split())] = AgencyTerm(upper, row[1], row[2], row[3], level)
    return terms


@cache
def agency_terms_bare() -> dict[tuple[str, ...], AgencyTerm]:
    """The same terms keyed by base letters only, for names an OCR engine damaged ('THÀNH PHÓ')."""

    bare: dict[tuple[str, ...], AgencyTerm] = {}
    for key, term in agency_terms().items():
        bare.setdefault(tuple(strip_marks(token) for token in key), term)
    return bare


@cache
def agency_term_max_len() -> int:
    return max(len(k) for k in agency_terms())


@cache
def positions() -> dict[tuple[str, ...], str]:
    """Position titles keyed by folded upper-case tokens ("PHÓ CHỦ TỊCH" → "Phó Chủ tịch")."""
    return {tuple(fold_tones(r[0].upper()).split()): r[1] for r in data_rows("positions.tsv")}


@cache
def positions_bare() -> dict[tuple[str, ...], str]:
    """The same titles keyed by base letters only, for titles an OCR engine damaged ('PHO CỤC TRUONG')."""

    bare: dict[tuple[str, ...], str] = {}
    for key, title in positions().items():
        bare.setdefault(tuple(strip_marks(token) for token in key), title)
    return bare


@cache
def authority_marks() -> dict[str, str]:
    """Signing-authority marks ('TM', 'KT', 'TL', 'TUQ', 'Q') and their meaning, in file order."""
    return {r[0]: r[1] for r in data_rows("authority_marks.tsv")}


@cache
def authority_marks_in_line() -> tuple[str, ...]:
    """The marks also looked for inside a line ('TM', 'KT', 'TL', 'TUQ'; not 'Q')."""
    return tuple(r[0] for r in data_rows("authority_marks.tsv") if r[2] == "yes")


def authority_alternation(in_line: bool = False) -> str:
    """The marks as a regex alternation ('TM|KT|TL|TUQ|Q'), in file order; ``in_line``: only those
    also looked for inside a line."""
    return "|".join(authority_marks_in_line() if in_line else authority_marks())


@cache
def localities() -> dict[str, str]:
    """Words of an administrative unit ('tỉnh', 'thành phố', 'huyện', 'xã'…) → level (province,
    district, commune), lower case, in file order (data/localities.tsv)."""
    return {r[0]: r[1] for r in data_rows("localities.tsv")}


@cache
def locality_words(*levels: str, capitalised: bool = False) -> tuple[str, ...]:
    """The locality words of the given levels (all when none), in file order; with ``capitalised``,
    each word marked so in the file is followed by its capitalised form ('Thành phố')."""
    found: list[str] = []
    for word, level, capital, _ in data_rows("localities.tsv"):
        if levels and level not in levels:
            continue
        found.append(word)
        if capitalised and capital == "yes":
            found.append(word[:1].upper() + word[1:])
    return tuple(found)


@cache
def place_line_words() -> tuple[str, ...]:
    """Locality words that are part of the place on a place-and-date line ('thành phố', 'thị xã',
    'tỉnh'), lower case."""
    return tuple(r[0] for r in data_rows("localities.tsv") if r[3] == "yes")


@cache
def marks() -> tuple[tuple[str, str], ...]:
    """(folded upper form, kind) of urgency, secrecy and circulation marks."""
    return tuple((fold_tones(r[0].upper()), r[1]) for r in data_rows("marks.tsv"))


@cache
def honorifics() -> tuple[str, ...]:
    """Titles and ranks that may precede a signer's name, longest first."""
    return tuple(sorted((r[0] for r in data_rows("honorifics.tsv")), key=len, reverse=True))


@cache
def signature_stamp_labels() -> tuple[str, ...]:
    """Labels of a digital-signature stamp's text ('Ký bởi', 'Thời gian ký'…), folded, longest first."""
    return _folded_longest_first("signature_stamp_labels.txt")


@cache
def recipient_purposes() -> dict[str, str]:
    return {fold_tones(r[0].lower()): r[1] for r in data_rows("recipient_purposes.tsv")}


@cache
def assignee_heads() -> tuple[tuple[str, str], ...]:
    """(form, kind) of the words that start a body's name in running text, longest first: the forms of
    data/assignee_heads.tsv, and every position title of data/positions.tsv as a post holder
    ('Thứ trưởng Bộ Y tế', 'Phó Chủ tịch Thường trực UBND tỉnh')."""
    rows = {fold_tones(r[0]): r[1] for r in data_rows("assignee_heads.tsv")}
    for title in positions().values():
        rows.setdefault(fold_tones(title), "person")
    return tuple(sorted(rows.items(), key=lambda r: len(r[0]), reverse=True))


@cache
def task_verbs() -> frozenset[str]:
    return frozenset(fold_tones(w) for w in _words("task_verbs.txt"))


@cache
def dangling_words() -> frozenset[str]:
    return frozenset(_words("dangling_words.txt"))


@cache
def recurrences() -> tuple[tuple[str, str], ...]:
    rows = [(fold_tones(r[0]), r[1]) for r in data_rows("recurrence.tsv")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@cache
def attachment_words() -> dict[str, tuple[str, ...]]:
    """What marks a text attached after a signature: type titles, the 'kèm theo' line, and a page's
    furniture after the document (data/attachments.tsv), by kind."""
    found: dict[str, list[str]] = {}
    for row in data_rows("attachments.tsv"):
        found.setdefault(row[1], []).append(row[0])
    return {kind: tuple(words) for kind, words in found.items()}


@cache
def role_labels() -> tuple[tuple[str, str], ...]:
    """(label, role) of the labelled lines under a plan's item ('Đơn vị chủ trì: …', 'Thời gian thực
    hiện: …'), folded, longest first; role is lead, coordinate or time."""
    rows = [(fold_tones(r[0]), r[1]) for r in data_rows("role_labels.tsv")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@cache
def body_starters() -> tuple[str, ...]:
    """Words a body sentence opens with ('Căn cứ', 'Thực hiện'), longest first."""
    return tuple(sorted(_words("body_starters.txt"), key=len, reverse=True))


@cache
def surnames() -> frozenset[str]:
    return frozenset(fold_tones(w) for w in _words("surnames.txt"))


@cache
def _provinces_payload() -> dict[str, Any]:
    data: dict[str, Any] = data_json("provinces.json")
    return data


@dataclass(frozen=True, slots=True)
class Province:
    """A province-level unit, before (``legacy``) or after (``2025``) the 2025 reorganisation."""

    name: str
    full_name: str
    code: str
    period: str
    successor: str | None
    districts: tuple[str, ...] = ()  # district-level units of a legacy province ("Huyện Tam Đường")


@cache
def provinces() -> tuple[Province, ...]:
    return tuple(
        Province(
            p["name"], p["full_name"], p["code"], p["period"], p["successor"], tuple(p.get("districts", ()))
        )
        for p in _provinces_payload()["provinces"]
    )


@cache
def province_names() -> dict[str, str]:
    """Every province name (old and new) keyed by its folded lower-case form."""
    names = {fold_tones(p.name.lower()): p.name for p in provinces()}
    for alias, name in data_rows("province_aliases.tsv"):
        names.setdefault(fold_tones(alias.lower()), name)
    return names


def reorganisation_date() -> str:
    return str(_provinces_payload()["reorganisation_date"])


@cache
def restatements() -> tuple[str, ...]:
    return tuple(fold_tones(w.lower()) for w in _words("restatements.txt"))


@cache
def assignment_cues() -> tuple[tuple[str, str], ...]:
    """(cue, role) pairs, longest cue first."""
    rows = [(fold_tones(r[0].lower()), r[1]) for r in data_rows("assignment_cues.tsv")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@cache
def post_titles() -> tuple[tuple[str, ...], ...]:
    """Titles of posts and persons (positions.tsv and post_titles.txt) as folded upper-case tokens,
    longest first."""
    titles = set(positions()) | {tuple(fold_tones(w.upper()).split()) for w in _words("post_titles.txt")}
    return tuple(sorted(titles, key=len, reverse=True))


@cache
def provincial_heads() -> tuple[str, ...]:
    """Heads of bodies that always belong to a province ('Sở'), folded lower case."""
    return tuple(fold_tones(w).lower() for w in _words("provincial_heads.txt"))


@cache
def non_bodies() -> tuple[str, ...]:
    return tuple(fold_tones(w) for w in _words("non_bodies.txt"))


@cache
def executor_clauses() -> dict[str, tuple[str, ...]]:
    """Phrases of a decision's closing article: list labels ('các ông (bà)') and duties."""
    found: dict[str, list[str]] = {"label": [], "duty": []}
    for kind, phrase in data_rows("executor_clauses.tsv"):
        found[kind].append(fold_tones(phrase.lower()))
    return {kind: tuple(sorted(p, key=len, reverse=True)) for kind, p in found.items()}


@cache
def abbreviation_heads() -> tuple[str, ...]:
    """Words that begin a name a foreign acronym may stand for, longest first."""
    return tuple(sorted({fold_tones(w) for w in _words("abbreviation_heads.txt")}, key=len, reverse=True))


@cache
def central_markers() -> tuple[str, ...]:
    """Words that make a body named without a place a national one ('… Quốc gia', 'Trung ương')."""
    return tuple(fold_tones(w.lower()) for w in _words("central_markers.txt"))


@cache
def citation_words() -> dict[str, tuple[str, ...]]:
    """Words around a cited document's issuer, type and title, by kind (tone marks folded, longest
    first): issuer_stop, issued_by, issued_at, issuer_lead, acting_lead, type_qualifier,
    title_clause, issuer_aside."""
    found: dict[str, set[str]] = {}
    for kind, words in data_rows("citation_words.tsv"):
        found.setdefault(kind, set()).add(fold_tones(words.strip()))
    return {kind: tuple(sorted(words, key=len, reverse=True)) for kind, words in found.items()}


@cache
def body_stops() -> tuple[str, ...]:
    """Words after which a body's name cannot go on ('theo', 'nơi', 'trong tháng'…)."""
    return _folded_longest_first("body_stops.txt")


@cache
def narrative_words() -> tuple[str, ...]:
    """Words after a body that report what it did ('đã', 'trân trọng', 'nhận được'…)."""
    return _folded_longest_first("narrative_words.txt")


def _folded_longest_first(name: str) -> tuple[str, ...]:
    return tuple(sorted({fold_tones(w.lower()) for w in _words(name)}, key=len, reverse=True))


@cache
def body_names() -> tuple[str, ...]:
    """Canonical names of ministries and provincial departments ('Sở Thông tin và Truyền thông')."""
    return tuple(_words("body_names.txt"))


@cache
def common_nouns() -> dict[tuple[str, ...], int]:
    """Ordinary words holding a word for an administrative unit ('xã hội', 'hợp tác xã'), keyed by their
    folded upper-case tokens; the value is the number of tokens."""
    found = {tuple(fold_tones(w.upper()).split()) for w in _words("common_nouns.txt")}
    return {key: len(key) for key in found}


@cache
def task_cue_context() -> dict[str, tuple[str, ...]]:
    """Words around 'chủ trì' and the assignment cues that show no task is given, by kind."""
    found: dict[str, list[str]] = {}
    for kind, words in data_rows("task_cue_context.tsv"):
        found.setdefault(kind, []).append(fold_tones(words.strip().lower()))
    return {kind: tuple(words) for kind, words in found.items()}


@cache
def task_headings() -> dict[str, tuple[str, ...]]:
    """Heading words by kind (none, weak, assign, approve, agree, effect), folded lower case,
    longest first: what a numbered section does (see task_headings.tsv)."""
    found: dict[str, set[str]] = {}
    for words, kind in data_rows("task_headings.tsv"):
        found.setdefault(kind, set()).add(fold_tones(words.strip().lower()))
    return {kind: tuple(sorted(w, key=len, reverse=True)) for kind, w in found.items()}


@cache
def generic_bodies() -> dict[str, tuple[str, ...]]:
    """Words of names that point at no particular body, by kind (word, title, related), folded
    lower case, longest first (see generic_bodies.tsv)."""
    found: dict[str, set[str]] = {}
    for words, kind in data_rows("generic_bodies.tsv"):
        found.setdefault(kind, set()).add(fold_tones(words.strip().lower()))
    return {kind: tuple(sorted(w, key=len, reverse=True)) for kind, w in found.items()}


@cache
def subject_prefixes() -> tuple[str, ...]:
    """Words before the body an item's heading is about ('Đối với', 'Trách nhiệm của'), longest
    first."""
    return tuple(sorted({fold_tones(w) for w in _words("subject_prefixes.txt")}, key=len, reverse=True))


@cache
def deadline_context() -> dict[str, tuple[str, ...]]:
    """Words around dates and recurrences, by kind (duty, tentative, as_of; see
    deadline_context.tsv), folded lower case, longest first."""
    found: dict[str, set[str]] = {}
    for kind, words in data_rows("deadline_context.tsv"):
        found.setdefault(kind, set()).add(fold_tones(words.strip().lower()))
    return {kind: tuple(sorted(w, key=len, reverse=True)) for kind, w in found.items()}


@cache
def task_match_words() -> dict[str, tuple[str, ...]]:
    """Words of task-level follow-up by kind (label, member, reply, stop; see task_match.tsv), folded
    lower case, longest first."""
    found: dict[str, set[str]] = {}
    for kind, words in data_rows("task_match.tsv"):
        found.setdefault(kind, set()).add(fold_tones(words.strip().lower()))
    return {kind: tuple(sorted(w, key=len, reverse=True)) for kind, w in found.items()}
