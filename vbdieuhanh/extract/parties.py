"""'Kính gửi' (addressees), 'Nơi nhận' (recipients) and 'Lưu' (archive copies)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from ..lexicon import recipient_purposes
from ..models import Addressee, Recipient, Task
from ..names.casing import repair_body_name, repair_province
from ..normalize import fold_tones, squash
from ..vocab import glyphs
from ..zones import Seg, kinh_gui_label, luu_label, noi_nhan_label, opens_with_bullet
from .context import Context

# a dict of the fields → a Recipient or an Addressee, validated as their __init__ would without its
# Python frame (as Context.source builds a Source)
_validate_recipient = Recipient.__pydantic_validator__.validate_python
_validate_addressee = Addressee.__pydantic_validator__.validate_python

_AS_ABOVE_RE = re.compile(r"^Như\s+(?:trên\b|kính gửi\b|Điều\s+(?P<article>\d+))", re.I)
_AS_ABOVE_FIRST = frozenset("Nn")  # what _AS_ABOVE_RE's lines open with (re.I adds no other letter)
_PURPOSE_RE = re.compile(r"\(\s*(?:để\s+)?([^()]{1,30}?)\s*\)\s*$", re.I)
# the mark before an inline bullet is matched, not looked back at: the regex engine then skips to the
# marks instead of trying every character; the bullet's cut is one after the match's start
_INLINE_BULLET_RE = re.compile(rf"[;:.]\s*[{re.escape(glyphs('bullet_in_line'))}]\s+")
_BULLET_OR_SPACE = glyphs("bullet") + " "
_PART_RE = re.compile(r"[^;]+")  # the parts of an entry between ';'


def _as_above(name: str) -> re.Match[str] | None:
    """_AS_ABOVE_RE's match of a recipient's name ("Như trên", "Như Điều 3"), the regex tried only on
    a name opening with an N (a test in C first)."""
    return _AS_ABOVE_RE.match(name) if name[:1] in _AS_ABOVE_FIRST else None


def _entries(ctx: Context, segs: list[Seg], label_of: Callable[[str], re.Match[str] | None]) -> list[Seg]:
    """Entry spans of a list: one per bullet, wrapped lines joined, ';'-separated parts split;
    ``label_of``: the match of the list's label in a line (zones.kinh_gui_label, zones.noi_nhan_label)."""
    pieces: list[tuple[Seg, str]] = []  # each with its text, spaces stripped
    for seg in segs:
        start, end = seg
        label = label_of(ctx.key(seg))  # the first line's, or "Đồng kính gửi:" further down
        start += label.end() if label else 0
        key = ctx.nt.key[start:end]
        # bullets inside one line: "Kính gửi: - A; - B"
        cuts = [m.start() + 1 for m in _INLINE_BULLET_RE.finditer(key)]
        bounds = [0, *cuts, len(key)]
        for a, b in itertools.pairwise(bounds):
            piece = (start + a, start + b)
            text = ctx.nt.text[piece[0] : piece[1]].strip()
            if text:
                pieces.append((piece, text))
    entries: list[Seg] = []
    for piece, text in pieces:
        if _is_junk(text):
            continue  # OCR noise on a line of its own: "ff", "ÿ", "} -"
        is_bullet = opens_with_bullet(text) or luu_label(text) is not None
        if entries and not is_bullet:
            last = ctx.nt.text[entries[-1][0] : entries[-1][1]].rstrip(" —–-")
            if not last.endswith((";", ".")) or text[:1].islower():
                entries[-1] = (entries[-1][0], piece[1])
                continue
        entries.append(piece)
    split: list[Seg] = []
    for start, end in entries:
        entry = ctx.nt.text[start:end]
        if ";" not in entry or (opens_with_bullet(entry.lstrip()) and ":" in entry):
            split.append((start, end))  # one part; so is "- Các sở, ngành: TC; XD; …;"
            continue
        for part in _PART_RE.finditer(entry):  # "Bộ A; Bộ B." inline
            split.append((start + part.start(), start + part.end()))
    cleaned = []
    for start, end in split:
        start, end = ctx.trimmed(start, end, " .;,:—–")
        while start < end and ctx.nt.text[start] in _BULLET_OR_SPACE:
            start += 1
        if end > start:
            cleaned.append((start, end))
    return cleaned


_WORD_RE = re.compile(r"[^\W_]{3,}|[^\W_]*[A-ZĐ0-9]")


def _is_junk(text: str) -> bool:
    """A piece of a list with no word in it ('ff', 'ÿ', '} -'): no run of three letters, no capital,
    no digit."""
    return _WORD_RE.search(text) is None


def _one_line(text: str) -> str:
    return squash(text)


def extract_addressees(ctx: Context) -> list[Addressee]:
    """Entries of 'Kính gửi', inline or one per line."""
    segs = ctx.zones.kinh_gui
    if not segs:
        return []
    names = [(_one_line(ctx.text(seg)), seg) for seg in _entries(ctx, segs, kinh_gui_label)]
    if ctx.nt.layout.ocr:  # an OCR engine's "tỉnh Lâm Đông", "Phát triên nông thôn"
        names = [(_repaired(ctx, name, seg), seg) for name, seg in names]
    return [_validate_addressee({"name": name, "source": ctx.source(seg[0], seg[1])}) for name, seg in names]


def _repaired(ctx: Context, name: str, seg: Seg) -> str:
    """A body's name with the spelling of the ministry, department or province it names, reported."""
    repaired = repair_province(repair_body_name(name))
    if repaired != name:
        ctx.warn("ocr_repair", f"name {name!r} read as {repaired!r}", seg)
    return repaired


def _purpose(name: str) -> str | None:
    match = _PURPOSE_RE.search(name) if ")" in name else None  # the purpose is in brackets
    if not match:
        return None
    return recipient_purposes().get(fold_tones(match.group(1).strip().lower()))


def extract_recipients(ctx: Context) -> tuple[list[Recipient], list[str], Seg | None]:
    """Entries of 'Nơi nhận' in order, and the 'Lưu:' entries."""
    segs = ctx.zones.noi_nhan
    if not segs:
        return [], [], None
    recipients: list[Recipient] = []
    archive: list[str] = []
    archive_seg = None
    for seg in _entries(ctx, segs, noi_nhan_label):
        name = _one_line(ctx.text(seg))
        luu = luu_label(ctx.key(seg))
        if luu:
            archive_seg = seg
            archive.extend(part.strip(" .") for part in name[luu.end() :].split(",") if part.strip(" ."))
            continue
        recipients.append(
            _validate_recipient(
                {
                    "name": name,
                    "purpose": _purpose(name),
                    "as_above": _as_above(name) is not None,
                    "source": ctx.source(seg[0], seg[1]),
                }
            )
        )
    return recipients, archive, archive_seg


def resolve_as_above(recipients: list[Recipient], addressees: list[Addressee], tasks: list[Task]) -> None:
    """'Như trên' stands for the addressees; 'Như Điều 3' for the bodies article 3 names."""
    for recipient in recipients:
        match = _as_above(recipient.name)
        if match is None:
            continue
        if match.group("article"):
            article = next((t for t in tasks if t.id == f"Điều {match.group('article')}"), None)
            names = [a.name for a in article.assignees if a.role == "lead"] if article else []
        else:
            names = [a.name for a in addressees]
        recipient.resolves_to = names
