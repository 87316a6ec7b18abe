"""Find the zones of a directive before extracting anything.

Decree 30 gives every directive the same parts: a header (issuing body, Quốc hiệu, number, place
and date, type and subject, urgency), "Kính gửi", the body, and a footer ("Nơi nhận", signer).
Text extracted from two-column layouts may put the columns in either order or interleave them on
one line; the classifier works line by line and splits interleaved lines at known right-column
phrases, so the extractors see each part whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .extract.patterns import LONG_DATE_RE, LOWER, NUMERIC_DATE_RE, UPPER
from .lexicon import doc_type_by_upper_name, marks, positions
from .normalize import NormalizedText, is_upper_text

Seg = tuple[int, int]  # start, end offsets in the normalised text

QUOC_HIEU_RE = re.compile(r"CỘNG\s*H[ÒO]A\s*X[ÃA]\s*H[ỘO]I\s*CH[ỦU]\s*NGH[ĨI]A(?:\s*VI[ỆE]T\s*NAM)?", re.I)
PARTY_MOTTO_RE = re.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM")
TIEU_NGU_RE = re.compile(r"Độc\s*lập\s*[-–—]+\s*Tự\s*do\s*[-–—]+\s*Hạnh\s*phúc", re.I)
RULE_RE = re.compile(r"^[\s_\-–—=.*~]{3,}$")
NUMBER_LINE_RE = re.compile(
    r"^(?:(?:Luật|Bộ luật|Nghị quyết|Pháp lệnh|Lệnh|Văn bản hợp nhất)\s+[Ss][ốô]|S[ốô])"
    r"\s*(?::|\.(?=\s*\d)|\s+(?=[\d.…_ ]*/))\s*"
)
VV_RE = re.compile(r"^\(?\s*(?:V/v|V/V|v/v|V\.v|Về việc|Về về việc)\b\s*:?\s*")
KINH_GUI_RE = re.compile(r"^Kính\s*gửi\s*:?\s*", re.I)
NOI_NHAN_RE = re.compile(r"^Nơi\s*nhận\s*:?\s*", re.I)
LUU_RE = re.compile(r"^[-–+•]?\s*Lưu\s*:?\s*")
AUTHORITY_RE = re.compile(r"^(TM|KT|TL|TUQ|Q)\s*\.\s*(?=\S)")
BULLET_RE = re.compile(r"^[-–+•*]\s*")
END_MARK_RE = re.compile(r"\./\.|\./\s*$")
APPENDIX_RE = re.compile(r"^(?:PHỤ LỤC|Phụ lục\s+[IVX\d]+\s*$|DANH SÁCH|BIỂU MẪU|Mẫu số)")
BODY_STARTERS_RE = re.compile(
    r"^(?:Căn cứ|Thực hiện|Theo |Xét |Để |Hiện nay|Trước |Nhằm |Tiếp |Trên cơ sở|Ngày \d|Vừa qua|"
    r"Thời gian qua|Qua |Sau khi|Phát huy|Chương [IVX]|Điều \d|Phần [IVX]|Mục \d)"
)
SIGNATURE_NOISE_RE = re.compile(
    r"^[\(\[]?\s*(?:đã ký|ký|ký tên|ký,? đóng dấu|ký,? ghi rõ họ tên|chữ ký|daky|signed)\b.*[\)\]]?$",
    re.I,
)
SPLIT_RIGHT_RE = re.compile(
    r"\s(?=CỘNG\s*HÒA\s*XÃ\s*HỘI|ĐẢNG\s+CỘNG\s+SẢN|Độc\s*lập\s*[-–]|(?:TM|KT|TL|TUQ)\.\s?[A-ZĐỦ])"
)
_PLACE_DATE_PREFIX_RE = re.compile(r"^(?P<place>[^\d:;()]{2,45}?)\s*,?\s*(?=ngày\b)", re.I)


def classify_place_date(key: str) -> tuple[int, int] | None:
    """(place end, date start) when a line is 'Place, ngày … năm …' or a bare date."""
    match = LONG_DATE_RE.search(key)
    if match is None:
        numeric = NUMERIC_DATE_RE.search(key)
        if numeric is None or numeric.start() > 50:
            return None
        match = numeric
    prefix = key[: match.start()]
    if not prefix.strip():
        return (0, match.start())
    place = _PLACE_DATE_PREFIX_RE.match(key)
    if place and place.end() <= match.start() + 6 and len(prefix) <= 50:
        return (len(place.group("place")), match.start())
    return None


def title_type(key: str) -> str | None:
    """The type name when an upper-case line is a title ('QUYẾT ĐỊNH', 'KẾ HOẠCH …')."""
    upper = key.upper()
    for name in sorted(doc_type_by_upper_name(), key=len, reverse=True):
        if upper == name or upper.startswith(name + " ") or upper.startswith(name + "\n"):
            return name
    return None


def is_mark_line(key: str) -> bool:
    stripped = key.strip(" .:*()[]").upper()
    return any(stripped == upper for upper, _ in marks())


def starts_with_position(key: str) -> bool:
    tokens = tuple(key.upper().replace(".", " ").split())
    table = positions()
    return any(tokens[:n] in table for n in range(1, min(6, len(tokens)) + 1))


_NAME_TOKEN_RE = re.compile(rf"^[{UPPER}][{LOWER}]*\.?$")


def is_name_line(text: str) -> bool:
    """'Nguyễn Lưu Trung', 'PGS.TS. Trần Văn A': 2–6 capitalised words, no digits."""
    words = text.replace("PGS.TS.", "").replace("GS.TS.", "").split()
    if not 2 <= len(words) <= 7 or any(ch.isdigit() for ch in text) or ":" in text:
        return False
    if is_upper_text(text):
        return False
    return (
        all(_NAME_TOKEN_RE.match(w) for w in words[-3:])
        and sum(1 for w in words if _NAME_TOKEN_RE.match(w)) >= len(words) - 1
    )


@dataclass(slots=True)
class Zones:
    """Segments of the normalised text, by part of the directive."""

    agency: list[Seg] = field(default_factory=list)
    quoc_hieu: list[Seg] = field(default_factory=list)
    number: Seg | None = None
    place_date: Seg | None = None
    title: Seg | None = None
    subject: list[Seg] = field(default_factory=list)
    marks: list[Seg] = field(default_factory=list)
    kinh_gui: list[Seg] = field(default_factory=list)
    body: list[Seg] = field(default_factory=list)
    noi_nhan: list[Seg] = field(default_factory=list)
    signer: list[Seg] = field(default_factory=list)
    authority_line: Seg | None = None

    @property
    def has_header(self) -> bool:
        return bool(self.number or self.place_date or self.quoc_hieu or self.title)


def _split_interleaved(nt: NormalizedText, seg: Seg) -> list[Seg]:
    """Split a line where a right-column phrase follows left-column text on the same line."""
    start, end = seg
    key = nt.key[start:end]
    pieces: list[Seg] = []
    cut = start
    for match in SPLIT_RIGHT_RE.finditer(key):
        if match.start() + start > cut + 2:
            pieces.append((cut, start + match.start()))
            cut = start + match.end()
    # "Số: 337/QĐ-SGDĐT Đồng Tháp, ngày 13 tháng 4 năm 2026"
    date = LONG_DATE_RE.search(key, cut - start)
    if date and date.start() > (cut - start) + 3:
        before = key[cut - start : date.start()].rstrip()
        comma = before.rfind(",")
        if comma > 0 and NUMBER_LINE_RE.match(key[cut - start :]):
            place_start = _place_start(before[:comma])
            if place_start > 0:
                split_at = cut + place_start
                pieces.append((cut, split_at))
                cut = split_at
                while cut < end and nt.text[cut] == " ":
                    cut += 1
    pieces.append((cut, end))
    return [p for p in pieces if p[1] > p[0]]


def _place_start(before_comma: str) -> int:
    """Where a place name begins at the end of 'Số: 12/UBND-VX Lâm Đồng' (0 if none)."""
    words = before_comma.split(" ")
    count = 0
    for word in reversed(words):
        if word and word[0].isupper() and not any(c.isdigit() or c == "/" for c in word):
            count += 1
        else:
            break
    if count == 0 or count == len(words):
        return 0
    return len(" ".join(words[: len(words) - count])) + 1


# interleaved two-column text is looked for only where the columns are: the header and the footer
_HEADER_LINES = 40
_FOOTER_LINES = 60


def find_zones(nt: NormalizedText) -> Zones:
    """Split a normalised document into its zones."""
    zones = Zones()
    segs: list[Seg] = []
    blank_before: list[bool] = []
    count = len(nt.lines)
    for index, line in enumerate(nt.lines):
        prev_char_blank = line.start >= 2 and nt.text[line.start - 2 : line.start] == "\n\n"
        if _HEADER_LINES <= index < count - _FOOTER_LINES:
            segs.append((line.start, line.end))
            blank_before.append(prev_char_blank)
            continue
        for i, piece in enumerate(_split_interleaved(nt, (line.start, line.end))):
            segs.append(piece)
            blank_before.append(prev_char_blank and i == 0)
    body_start = _scan_header(nt, segs, blank_before, zones)
    _scan_footer(nt, segs, body_start, zones)
    return zones


def _scan_header(nt: NormalizedText, segs: list[Seg], blank_before: list[bool], z: Zones) -> int:
    """Classify header lines; return the index of the first body segment."""
    state = "header"  # header | vv | subject | kinh_gui
    seen_title = False
    limit = min(len(segs), 60)
    i = 0
    while i < limit:
        start, end = segs[i]
        key = nt.key[start:end]
        text = nt.text[start:end]
        upper = is_upper_text(text)
        if RULE_RE.match(key) or len(key.strip()) <= 1:
            i += 1
            continue
        if state == "vv":
            if _continues_subject(key, text, blank_before[i], z, nt):
                z.subject.append((start, end))
                i += 1
                continue
            state = "header"
        if state == "subject":
            if not blank_before[i] or (upper and z.subject and is_upper_text(nt.text[slice(*z.subject[0])])):
                if not (BODY_STARTERS_RE.match(key) or KINH_GUI_RE.match(key) or _header_class(key, text)):
                    if not upper or not z.subject or is_upper_text(nt.text[slice(*z.subject[0])]):
                        z.subject.append((start, end))
                        i += 1
                        continue
            state = "header"
        if state == "kinh_gui":
            if _continues_addressees(nt, z, key, text):
                z.kinh_gui.append((start, end))
                i += 1
                continue
            state = "header"
        cls = _header_class(key, text)
        if cls == "quoc_hieu" or cls == "tieu_ngu":
            z.quoc_hieu.append((start, end))
        elif cls == "number" and z.number is None:
            z.number = (start, end)
        elif cls == "place_date" and z.place_date is None:
            z.place_date = (start, end)
        elif cls == "mark":
            z.marks.append((start, end))
        elif cls == "vv" and not z.subject:
            z.subject.append((start, end))
            state = "vv"
        elif cls == "kinh_gui":
            z.kinh_gui.append((start, end))
            state = "kinh_gui"
        elif cls == "title" and not seen_title and not z.kinh_gui:
            z.title = (start, end)
            seen_title = True
            state = "subject"
        elif upper and not seen_title and not z.subject and not z.kinh_gui and len(text) <= 90:
            if starts_with_position(key) and (z.number or z.place_date):
                break  # a signer-like line right after the header: the document has no body
            z.agency.append((start, end))
        elif upper and (seen_title or z.subject) and not z.kinh_gui and z.authority_line is None:
            z.authority_line = (start, end)  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" before Căn cứ
        elif cls is None and (z.quoc_hieu or z.number or z.agency) and not _looks_like_body(key, text, z):
            if z.subject or seen_title:
                break
            # an unclassified short line inside the header (OCR noise, a stray word)
        else:
            break
        i += 1
    if not (z.quoc_hieu or z.number or z.place_date or z.title):
        # no header at all (a news article): what looked like an agency line is body text
        z.agency.clear()
        z.subject.clear()
        z.kinh_gui.clear()
        z.marks.clear()
        z.authority_line = None
        return 0
    return i


def _header_class(key: str, text: str) -> str | None:
    if QUOC_HIEU_RE.search(key) or PARTY_MOTTO_RE.search(key):
        return "quoc_hieu"
    if TIEU_NGU_RE.search(key):
        return "tieu_ngu"
    if NUMBER_LINE_RE.match(key):
        return "number"
    if KINH_GUI_RE.match(key):
        return "kinh_gui"
    if VV_RE.match(key):
        return "vv"
    if len(key) <= 90 and classify_place_date(key) is not None:
        return "place_date"
    if is_mark_line(key):
        return "mark"
    if is_upper_text(text) and title_type(key) is not None:
        return "title"
    return None


def _looks_like_body(key: str, text: str, z: Zones) -> bool:
    if BODY_STARTERS_RE.match(key):
        return True
    words = text.split()
    return len(words) >= 6 or (len(words) >= 3 and text[-1:] in ".;:")


def _continues_subject(key: str, text: str, blank_before: bool, z: Zones, nt: NormalizedText) -> bool:
    """Is this line the next line of a 'V/v …' subject?"""
    if _header_class(key, text) is not None or BODY_STARTERS_RE.match(key):
        return False
    if len(z.subject) >= 8 or len(text) > 90:
        return False
    last = nt.text[slice(*z.subject[-1])]
    if blank_before and (last.endswith(".") or text[:1].isupper()):
        return False
    return not is_upper_text(text)


def _continues_addressees(nt: NormalizedText, z: Zones, key: str, text: str) -> bool:
    """Is this line another entry (or the wrapped rest of one) of 'Kính gửi'?"""
    if BULLET_RE.match(key) and len(text) <= 200:
        return True
    if _header_class(key, text) is not None or BODY_STARTERS_RE.match(key):
        return False
    last = nt.text[slice(*z.kinh_gui[-1])].rstrip()
    only_label = len(z.kinh_gui) == 1 and KINH_GUI_RE.sub("", nt.key[slice(*z.kinh_gui[0])]) == ""
    if only_label:
        return len(text) <= 150
    if last.endswith(";") or last.endswith(","):
        return len(text) <= 150
    return bool(not last.endswith(".") and text[:1].islower() and len(text) <= 120)


def _scan_footer(nt: NormalizedText, segs: list[Seg], body_start: int, z: Zones) -> None:
    """Find Nơi nhận, the signer block and the body between header and footer."""
    n = len(segs)
    keys = [nt.key[s:e] for s, e in segs]
    texts = [nt.text[s:e] for s, e in segs]
    noi_nhan = next((i for i in range(body_start, n) if NOI_NHAN_RE.match(keys[i])), None)
    appendix = next((i for i in range((noi_nhan or body_start) + 1, n) if APPENDIX_RE.match(keys[i])), n)
    end_mark = None
    search_to = noi_nhan if noi_nhan is not None else appendix
    for i in range(body_start, search_to):
        if END_MARK_RE.search(keys[i]):
            end_mark = i
    footer_start = noi_nhan if noi_nhan is not None else appendix
    # signer block: authority marks, position lines, a name
    region_start = end_mark + 1 if end_mark is not None else max(body_start, (noi_nhan or appendix) - 12)
    if noi_nhan is None and end_mark is None:
        region_start = max(body_start, appendix - 25)
    signer_start = _find_signer(keys, texts, region_start, appendix, noi_nhan)
    if signer_start is not None:
        footer_start = min(footer_start, signer_start)
    if end_mark is not None:
        footer_start = min(footer_start, end_mark + 1)
    z.body = [segs[i] for i in range(body_start, footer_start)]
    if noi_nhan is not None:
        z.noi_nhan = _noi_nhan_block(keys, texts, segs, noi_nhan, appendix, signer_start)
    if signer_start is not None:
        z.signer = _signer_block(keys, texts, segs, signer_start, appendix, z.noi_nhan)


def _find_signer(
    keys: list[str], texts: list[str], start: int, stop: int, noi_nhan: int | None
) -> int | None:
    """Index of the first line of the signer block in [start, stop)."""
    in_list = False
    for i in range(start, stop):
        key = keys[i]
        if noi_nhan is not None and i == noi_nhan:
            in_list = True
            continue
        if in_list:
            if LUU_RE.match(key):
                in_list = False
                continue
            if BULLET_RE.match(key) or not (AUTHORITY_RE.match(key) or is_upper_text(texts[i])):
                continue
            in_list = False
        if AUTHORITY_RE.match(key):
            return i
        if is_upper_text(texts[i]) and starts_with_position(key) and len(texts[i]) <= 80:
            for j in range(i + 1, min(i + 6, stop)):
                if is_name_line(texts[j]):
                    return i
    return None


def _noi_nhan_block(
    keys: list[str], texts: list[str], segs: list[Seg], start: int, stop: int, signer: int | None
) -> list[Seg]:
    block = [segs[start]]
    for i in range(start + 1, stop):
        if signer is not None and i == signer:
            break
        key = keys[i]
        if AUTHORITY_RE.match(key) or (is_upper_text(texts[i]) and not BULLET_RE.match(key)):
            break
        if is_name_line(texts[i]) and not BULLET_RE.match(key):
            break
        block.append(segs[i])
        if LUU_RE.match(key):
            break
    return block


def _signer_block(
    keys: list[str], texts: list[str], segs: list[Seg], start: int, stop: int, noi_nhan: list[Seg]
) -> list[Seg]:
    taken = set(noi_nhan)
    block: list[Seg] = []
    for i in range(start, min(stop, start + 14)):
        if segs[i] in taken:
            continue
        key, text = keys[i], texts[i]
        if NOI_NHAN_RE.match(key) or BULLET_RE.match(key):
            continue
        block.append(segs[i])
        if is_name_line(text) and not SIGNATURE_NOISE_RE.match(key):
            break
    return block
