"""Rules on the header: Quốc hiệu and Tiêu ngữ, issuing body, số and ký hiệu, title, marks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..lexicon import data_rows, marks
from ..normalize import fold_tones
from .findings import CheckContext, Hit, hit, rule

_QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
# matched in the tone-folded text (same length), so "CỘNG HOÀ" and "CỘNG HÒA" are one spelling
_QUOC_HIEU_RE = re.compile(r"\s+".join(fold_tones(_QUOC_HIEU).split()), re.IGNORECASE)
_TIEU_NGU_RE = re.compile(r"độc\s*lập\W{0,4}tự\s*do\W{0,4}hạnh\s*phúc", re.IGNORECASE)
_TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


def _quoc_hieu(ctx: CheckContext) -> re.Match[str] | None:
    return _QUOC_HIEU_RE.search(fold_tones(ctx.text[: ctx.header_end]))


@rule("QH01")
def quoc_hieu_present(ctx: CheckContext) -> Iterator[Hit]:
    """The Quốc hiệu is in the header (a scraped page that lost its header is not an error of the
    document, hence a warning)."""
    if _quoc_hieu(ctx) is None and not ctx.is_party and not ctx.header_lost:
        yield hit((0, 0))


@rule("QH02")
def quoc_hieu_upper(ctx: CheckContext) -> Iterator[Hit]:
    """Upper case; 'CỘNG HOÀ' (old tone placement) is as good as 'CỘNG HÒA'."""
    match = _quoc_hieu(ctx)
    if match is None:
        return
    found = " ".join(ctx.text[match.start() : match.end()].split())
    line_end = ctx.text.find("\n", match.end())
    rest = ctx.text[match.end() : line_end if line_end >= 0 else len(ctx.text)]
    if rest.strip(" *_.,") or ctx.text[ctx.text.rfind("\n", 0, match.start()) + 1 : match.start()].strip(
        " *_#|"
    ):
        return  # the words inside a sentence ("… dòng chữ 'Cộng hòa xã hội …'"), not the Quốc hiệu line
    if found != found.upper():
        yield hit(match.span(), found=found)


@rule("QH03")
def tieu_ngu(ctx: CheckContext) -> Iterator[Hit]:
    """'Độc lập - Tự do - Hạnh phúc': capitals on each phrase, a spaced hyphen between them."""
    quoc_hieu = _quoc_hieu(ctx)
    if quoc_hieu is None:
        return  # QH01 says the header is missing
    match = _TIEU_NGU_RE.search(fold_tones(ctx.text), quoc_hieu.end(), quoc_hieu.end() + 300)
    if match is None:
        yield hit(quoc_hieu.span(), found="không thấy Tiêu ngữ / no Tiêu ngữ")
        return
    found = " ".join(ctx.text[match.start() : match.end()].split())
    if found != _TIEU_NGU:
        yield hit(match.span(), found=f'"{found}"')


def _parented_heads() -> tuple[str, ...]:
    return tuple(fold_tones(row[0].strip().lower()) + " " for row in data_rows("check_parented_bodies.txt"))


@rule("CQ01")
def issuer_parent(ctx: CheckContext) -> Iterator[Hit]:
    """A body that always has a parent (Sở, Phòng, Chi cục…) shows the parent's name above its own."""
    issuer = ctx.document.issuer
    if issuer is None or issuer.parent is not None or ctx.is_party:
        return
    name = fold_tones(issuer.name.lower()) + " "
    if name.startswith(_parented_heads()):
        yield hit(issuer.source, issuer=issuer.raw or issuer.name)


@rule("SO01")
def number_present(ctx: CheckContext) -> Iterator[Hit]:
    if ctx.is_party or ctx.header_lost:
        return
    if any(w.code == "missing_number_symbol" for w in ctx.document.warnings):
        yield hit((0, 0))


@rule("SO02")
def number_not_blank(ctx: CheckContext) -> Iterator[Hit]:
    """'Số: /UBND-VX': a draft whose number the Văn thư has not registered yet."""
    for warning in ctx.document.warnings:
        if warning.code == "missing_number":
            yield hit(warning.source, found=_line_text(ctx, warning.source.start if warning.source else 0))


def _line_text(ctx: CheckContext, offset: int) -> str:
    start = ctx.text.rfind("\n", 0, offset) + 1
    end = ctx.text.find("\n", offset)
    return ctx.text[start : end if end >= 0 else len(ctx.text)].strip()


def _number_raw(ctx: CheckContext) -> tuple[str, int] | None:
    source = ctx.document.sources.get("number_symbol")
    return (ctx.slice(source), source.start) if source else None


@rule("SO03")
def number_leading_zero(ctx: CheckContext) -> Iterator[Hit]:
    raw = _number_raw(ctx)
    doc = ctx.document
    if raw is None or doc.number is None or ctx.is_party:
        return
    digits = re.match(r"\d+", raw[0])
    if digits and doc.number < 10 and len(digits.group(0)) == 1:
        found = raw[0].strip()
        yield hit((raw[1], raw[1] + len(raw[0])), found=found, expected="0" + found)


_SPACED_RE = re.compile(r"\s+([/\-–])\s*|([/\-–])\s+")


@rule("SO04")
def number_no_spaces(ctx: CheckContext) -> Iterator[Hit]:
    raw = _number_raw(ctx)
    if raw is None:
        return
    text = raw[0].strip()
    if ctx.document.format == "pdf":
        # "507 /UBND-KGVX": registration systems stamp the number into the blank the draft left
        # before "/"; only that space is forgiven
        text = re.sub(r"^(\d+)\s+/", r"\1/", text)
    if _SPACED_RE.search(text):
        expected = _SPACED_RE.sub(lambda m: (m.group(1) or m.group(2)).replace("–", "-"), text)
        yield hit((raw[1], raw[1] + len(raw[0])), found=text, expected=expected)


def _first_group(symbol: str) -> str:
    return re.split(r"[-/]", symbol, maxsplit=1)[0]


@rule("SO05")
def symbol_type_code(ctx: CheckContext) -> Iterator[Hit]:
    """A type with an abbreviation (Phụ lục III) starts its symbol with it: 'QĐ-UBND' for a Quyết định."""
    doc = ctx.document
    if not doc.symbol or not doc.doc_type or doc.doc_type == "Công văn" or ctx.is_party:
        return
    code = doc.doc_type_code
    if code is None or code == "VBHN":
        return
    if _first_group(doc.symbol) != code:
        yield hit(doc.sources.get("symbol"), symbol=doc.symbol, code=code, doc_type=doc.doc_type)


@rule("SO06")
def cong_van_no_type_code(ctx: CheckContext) -> Iterator[Hit]:
    """Công văn has no type abbreviation: '05/BNV-VP', not '29/CV-BCĐQG'."""
    doc = ctx.document
    if doc.doc_type != "Công văn" or not doc.symbol or ctx.is_party:
        return
    # only "CV": other type codes are also issuers' abbreviations ("5348/CT-CS": CT is Cục Thuế)
    first = _first_group(doc.symbol)
    if first == "CV":
        yield hit(doc.sources.get("symbol"), symbol=doc.symbol, code=first)


# the legal types whose number carries the year (Luật Ban hành VBQPPL 2015, Điều 8); a văn bản hợp
# nhất (46/VBHN-BQP) has its own scheme
_YEAR_TYPES = frozenset(
    {"Nghị định", "Thông tư", "Thông tư liên tịch", "Nghị quyết liên tịch", "Luật", "Bộ luật", "Pháp lệnh"}
)


@rule("SO07")
def legal_number_year(ctx: CheckContext) -> Iterator[Hit]:
    doc = ctx.document
    if doc.doc_type in _YEAR_TYPES and doc.number_symbol and doc.number_year is None:
        yield hit(doc.sources.get("number_symbol"), doc_type=doc.doc_type, found=doc.number_symbol)


@rule("TY01")
def cong_van_vv(ctx: CheckContext) -> Iterator[Hit]:
    """A công văn's subject follows 'V/v' under the number."""
    doc = ctx.document
    if doc.doc_type != "Công văn":
        return
    source = doc.sources.get("subject")
    if source is None:
        return  # no subject found: the parser's gap or a bare letter, not said here
    raw = ctx.slice(source).lstrip(" (")
    if not raw.startswith("V/v"):
        yield hit(source, found=" ".join(raw.split())[:60])


@rule("TY02")
def title_line(ctx: CheckContext) -> Iterator[Hit]:
    """A type other than công văn prints its name as a title; the type read off the symbol alone
    means the title is missing."""
    doc = ctx.document
    type_source = doc.sources.get("doc_type")
    symbol_source = doc.sources.get("symbol")
    if doc.doc_type in (None, "Công văn") or ctx.family != "admin" or type_source is None:
        return
    if symbol_source is not None and type_source.start <= symbol_source.start < type_source.end:
        assert doc.doc_type is not None
        yield hit(symbol_source, symbol=doc.symbol, doc_type=doc.doc_type, upper=doc.doc_type.upper())


# the three urgency levels and three secrecy levels of Decree 30 (Phụ lục I, mục II.10); marks.tsv
# also has 'HỎA TỐC HẸN GIỜ' (Thông tư 01/2011), which the decree dropped
_MARK_WORDS = frozenset(
    fold_tones(word)
    for word in (
        "HỎA",
        "HOẢ",
        "TỐC",
        "HẸN",
        "GIỜ",
        "THƯỢNG",
        "KHẨN",
        "CẤP",
        "RẤT",
        "TUYỆT",
        "TỐI",
        "MẬT",
        "ĐỘ",
    )
)


def _allowed_marks() -> tuple[str, ...]:
    return tuple(
        fold_tones(upper)
        for upper, kind in marks()
        if kind in ("urgency", "secrecy") and upper != "HỎA TỐC HẸN GIỜ"
    )


@rule("DM01")
def marks_allowed(ctx: CheckContext) -> Iterator[Hit]:
    """An urgency or secrecy stamp in the header is one of HỎA TỐC, THƯỢNG KHẨN, KHẨN, TUYỆT MẬT,
    TỐI MẬT, MẬT."""
    allowed = _allowed_marks()
    for start, line in ctx.lines:
        if start >= ctx.header_end:
            break
        stripped = line.strip(" .:*()[]\t")
        words = fold_tones(stripped).split()
        if not words or stripped != stripped.upper() or not set(words) <= _MARK_WORDS:
            continue
        if not {"KHẨN", "TỐC", "MẬT"} & set(words):
            continue
        if " ".join(words) not in allowed:
            yield hit((start, start + len(line)), found=stripped, allowed=", ".join(allowed))
