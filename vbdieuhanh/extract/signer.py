"""The signature block: authority marks (TM., KT., TL., TUQ., Q.), position and name."""

from __future__ import annotations

from ..casing import position_case
from ..lexicon import honorifics
from ..models import Signer
from ..normalize import is_upper_text, squash
from ..zones import AUTHORITY_RE, SIGNATURE_NOISE_RE, person_name, starts_with_position
from .context import Context


def _strip_honorifics(name: str) -> tuple[str, list[str]]:
    found: list[str] = []
    changed = True
    while changed:
        changed = False
        for title in honorifics():
            if name.startswith(title) and len(name) > len(title):
                found.append(title.strip())
                name = name[len(title) :].lstrip(" .")
                changed = True
                break
    return name, found


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
    start, end = segs[0][0], segs[-1][1]
    for seg in segs:
        text = ctx.text(seg).strip()
        key = ctx.key(seg)
        mark = AUTHORITY_RE.match(key)
        if mark:
            rest = text[mark.end() :].strip()
            authority.append(f"{mark.group(1)}. {position_case(rest)}")
            continue
        if SIGNATURE_NOISE_RE.match(key):
            continue
        written = person_name(text)
        if written is not None:
            name, titles = _strip_honorifics(squash(written))
            end = seg[1]
            name_seg = ctx.trimmed(seg[1] - len(name), seg[1], " ")
            break
        if is_upper_text(text):
            if starts_with_position(key):
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
        name_source=ctx.source(*name_seg) if name_seg else None,
        source=ctx.source(start, end),
    )

