"""Rules on the end of a document: Kính gửi, Nơi nhận, the signature block, the closing './.'."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import pairwise

from ..lexicon import data_rows, positions
from ..normalize import fold_tones
from .findings import CheckContext, Hit, hit, rule

# the types that address their readers with "Kính gửi" (Phụ lục I, mục II.9, ô 9a)
_KINH_GUI_TYPES = frozenset({"Công văn", "Tờ trình", "Báo cáo"})


@rule("KG01")
def kinh_gui_allowed(ctx: CheckContext) -> Iterator[Hit]:
    doc = ctx.document
    if doc.addressees and doc.doc_type and doc.doc_type not in _KINH_GUI_TYPES and ctx.family == "admin":
        yield hit(doc.addressees[0].source, doc_type=doc.doc_type)


@rule("NN01")
def nhu_tren_first(ctx: CheckContext) -> Iterator[Hit]:
    """With addressees, the first entry of Nơi nhận is '- Như trên;'."""
    doc = ctx.document
    if doc.addressees and doc.recipients and not doc.recipients[0].as_above:
        yield hit(doc.recipients[0].source, first=doc.recipients[0].name)


_LUU_LINE_RE = re.compile(r"^[-–+•*]?\s*Lưu\s*:?\s*(?:VT|Văn\s+thư)", re.MULTILINE)


@rule("NN02")
def luu_vt_last(ctx: CheckContext) -> Iterator[Hit]:
    """Nơi nhận ends with '- Lưu: VT, <unit> <copies>.'."""
    doc = ctx.document
    if not doc.recipients:
        return
    last = doc.recipients[-1].source
    if not doc.archive and last is not None and _LUU_LINE_RE.search(ctx.text, last.start, last.end + 400):
        return  # "- Lưu VT, NN (03). Hg.": the line is there, the parser did not read it as 'Lưu:'
    if not doc.archive:
        yield hit(
            last,
            problem='Nơi nhận không kết thúc bằng "- Lưu: VT, …"',
            problem_en='"Nơi nhận" does not end with "- Lưu: VT, …"',
        )
    elif not fold_tones(doc.archive[0].upper()).startswith(("VT", fold_tones("VĂN THƯ"))):
        yield hit(
            doc.sources.get("archive"),
            problem=f'Dòng "Lưu:" không ghi "VT" (Văn thư) trước: "Lưu: {", ".join(doc.archive)}"',
            problem_en=f'the "Lưu:" line does not start with "VT" (Văn thư): "Lưu: {", ".join(doc.archive)}"',
        )


@rule("NN03")
def noi_nhan_present(ctx: CheckContext) -> Iterator[Hit]:
    doc = ctx.document
    if not doc.recipients and not doc.archive and not ctx.is_legal_norm and not ctx.is_party:
        yield hit(doc.signer.source if doc.signer else None)


_AUTHORITY_EXEMPT = ("KT.", "Q.", "TUQ.")  # KT.: right; Q. (acting) and TUQ. (delegated) name another post


def _is_bare_title(text: str) -> bool:
    """A title and nothing more ('Phó Chủ tịch', 'Phó Giám đốc')."""
    return tuple(fold_tones(text.upper().replace(".", " ")).split()) in positions()


def _chairs_a_body(block: str, position: str) -> bool:
    """'TRƯỞNG BAN' / 'PHÓ THỦ TƯỚNG': a deputy of one body who chairs another (an advisory body)
    signs as its head, under the head's title, without 'KT.'."""
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    target = fold_tones(position.upper())
    for before, line in pairwise(lines):
        if fold_tones(line.upper()) == target:
            head = fold_tones(before.upper())
            return _is_bare_title(before) and not head.startswith("PHÓ ")
    return False


@rule("KY01")
def deputy_signs_kt(ctx: CheckContext) -> Iterator[Hit]:
    """A deputy ('Phó Chủ tịch', 'Phó Giám đốc') signs for the head with 'KT.' before the head's title."""
    signer = ctx.document.signer
    if signer is None or not signer.position or ctx.is_party:
        return
    if not fold_tones(signer.position.lower()).startswith("phó ") or not _is_bare_title(signer.position):
        return  # "PHÓ CHỦ TỊCH UBND TỈNH" under a Ban Chỉ đạo: the chair's own post, not a deputy's
    if any(mark.upper().startswith(_AUTHORITY_EXEMPT) for mark in signer.authority):
        return
    if _chairs_a_body(ctx.slice(signer.source), signer.position):
        return
    yield hit(signer.source, position=signer.position, upper=signer.position.upper())


@rule("KY02")
def signer_name(ctx: CheckContext) -> Iterator[Hit]:
    doc = ctx.document
    signer = doc.signer
    if signer is not None and signer.name is None:
        yield hit(
            signer.source,
            problem="Khối chữ ký không có họ tên người ký",
            problem_en="the signature block has no name",
        )
    elif (
        signer is None
        and any(w.code == "missing_signer" for w in doc.warnings)
        and not ctx.is_party
        and not ctx.is_legal_norm
    ):
        yield hit(
            None,
            problem="Không thấy chức vụ, họ tên người ký",
            problem_en="no signer's title and name",
        )


@cache
def _academic() -> frozenset[str]:
    return frozenset(
        fold_tones(row[0].strip().lower()) for row in data_rows("honorifics.tsv") if row[1:] == ["academic"]
    )


@rule("KY03")
def no_academic_title(ctx: CheckContext) -> Iterator[Hit]:
    """No academic title before the signer's name ('PGS.TS. Nguyễn Văn A'); ranks of the armed forces
    are the sector's own rule and are not judged."""
    signer = ctx.document.signer
    if signer is None or not signer.name:
        return
    titles = [t for t in signer.honorifics if fold_tones(t.strip().lower()) in _academic()]
    if titles:
        yield hit(
            signer.name_source or signer.source,
            found=" ".join([*signer.honorifics, signer.name]),
            name=signer.name,
        )


_END_MARK_RE = re.compile(r"\.\s?/\s?\.")


@rule("NC01")
def ends_with_mark(ctx: CheckContext) -> Iterator[Hit]:
    """The text ends with './.' (the templates of Phụ lục III)."""
    doc = ctx.document
    if ctx.is_party or not (doc.signer or doc.recipients):
        return  # no end found to judge
    if not _END_MARK_RE.search(ctx.text):
        anchor = doc.recipients[0].source if doc.recipients else doc.signer.source if doc.signer else None
        yield hit(anchor)
