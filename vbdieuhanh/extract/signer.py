"""The signature block: authority marks (TM., KT., TL., TUQ., Q.), position and name."""

from __future__ import annotations

from ..lexicon import positions
from ..models import Signer
from ..names.casing import position_case
from ..normalize import fold_tones, is_upper_text, squash
from ..zones import (
    CONNECTOR_END_RE,
    SIGNATURE_NOISE_RE,
    authority_mark,
    person_name,
    split_honorifics,
    starts_with_position,
)
from .context import Context


def extract_signer(ctx: Context) -> Signer | None:
    """Signer from the block the zoner found; None when there is no block."""
    segs = ctx.zones.signer
    if not segs:
        return None
    authority: list[str] = []
    position_lines: list[str] = []
    name = None
    name_seg = None
    titles: list[str] = []
    concurrent = False  # the lines after the signer's own title name another one they hold
    start, end = segs[0][0], segs[-1][1]
    name_candidate = person_name(ctx.text(segs[-1]).strip())  # the zoner ends the block at the name
    for index, seg in enumerate(segs):
        text = ctx.text(seg).strip()
        key = ctx.key(seg)
        mark = authority_mark(key)
        if mark:
            rest = text[mark.end() :].strip()
            authority.append(f"{mark.group(1)}. {position_case(rest)}")
            continue
        if SIGNATURE_NOISE_RE.match(key):
            continue
        if index == len(segs) - 1 and name_candidate is not None:
            titles, name = split_honorifics(squash(name_candidate))
            name_seg = ctx.trimmed(seg[1] - len(name), seg[1], " ")
            break
        if concurrent:
            continue
        if is_upper_text(text) or starts_with_position(key):
            if starts_with_position(key) and not (
                position_lines and CONNECTOR_END_RE.search(position_lines[-1])
            ):
                if position_lines and _is_bare_title(" ".join(position_lines)) and not _is_bare_title(key):
                    concurrent = True  # "CHỦ TỊCH" / "GIÁM ĐỐC SỞ GIÁO DỤC …": a title held concurrently
                    continue
                position_lines = []  # "THỐNG ĐỐC" / "PHÓ THỐNG ĐỐC": the last title is the signer's
            position_lines.append(text)
    position = position_case(" ".join(position_lines)) if position_lines else None
    if position is None and authority:
        position = authority[-1].split(". ", 1)[1]
    if name is None and not position and not authority:
        return None
    if name is None:
        ctx.warn("missing_signer_name", "the signature block has no readable name", segs[-1])
    return Signer(
        name=name,
        position=position,
        authority=authority,
        honorifics=titles,
        name_source=ctx.source(name_seg[0], name_seg[1]) if name_seg else None,
        source=ctx.source(start, end),
    )


def _is_bare_title(text: str) -> bool:
    """Is the line a title and nothing more ('CHỦ TỊCH', 'PHÓ GIÁM ĐỐC')?"""
    return tuple(fold_tones(text.upper().replace(".", " ")).split()) in positions()
