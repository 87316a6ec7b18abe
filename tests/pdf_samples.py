"""Build test PDFs and page images in the Decree 30 layout with fpdf2 (no binary files in the repo).

``seed_letter()`` and ``laichau_letter()`` are the seed công văn of ``samples/`` as the parts of a page:
a two-column header, Kính gửi, body paragraphs and a two-column footer.
``build_pdf`` lays it out like Word does (Times-like serif, 13-14 pt, A4, margins 30/20/20 mm,
first-line indents, page numbers at the top centre from page 2); ``render_png`` makes a page image.
``add_widgets`` signs a built PDF the way e-signing systems do: widget annotations whose appearance
draws a number, a day or a signature stamp over page 1 (an incremental update written by hand).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field, replace
from pathlib import Path

import pypdfium2 as pdfium
from fpdf import FPDF

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
FONT_DIRS = (Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/dejavu"))
FONT_FILES = {
    "LiberationSerif": (
        "LiberationSerif-Regular.ttf",
        "LiberationSerif-Bold.ttf",
        "LiberationSerif-Italic.ttf",
    ),
    "DejaVuSerif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf"),
}


@dataclass
class Letter:
    """A directive as the parts of its first and last page."""

    header_left: list[str]
    header_right: list[str]
    title: list[str] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    footer_left: list[str] = field(default_factory=list)
    footer_right: list[str] = field(default_factory=list)

    def text(self) -> str:
        """The same directive as plain text, in reading order."""
        parts = [
            "\n".join(self.header_left),
            "\n".join(self.header_right),
            "\n".join(self.title),
            "\n".join(self.addressees),
            *self.paragraphs,
            "\n".join(self.footer_left),
            "\n".join(self.footer_right),
        ]
        return "\n\n".join(p for p in parts if p)


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def seed_letter() -> Letter:
    """The seed công văn 114/BCĐ-KGVX (Kiên Giang), body paragraphs taken from the sample file."""
    text = (SAMPLES / "kiengiang_114-BCD-KGVX_2021.txt").read_text(encoding="utf-8")
    body = text.split("Doanh nghiệp tỉnh.", 1)[1].split("\nĐào\n", 1)[0]
    body = re.sub(r"tích\s*\n\s*\n+\s*cực", "tích cực", body)
    return Letter(
        header_left=[
            "UBND TỈNH KIÊN GIANG",
            "BCĐ. VẬN ĐỘNG HIẾN",
            "MÁU TÌNH NGUYỆN",
            "Số: 114/BCĐ-KGVX",
            "V/v tiếp tục đẩy mạnh công",
            "tác hiến máu tình nguyện, đảm",
            "bảo an toàn và phòng, chống",
            "dịch bệnh Covid-19.",
        ],
        header_right=[
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Kiên Giang, ngày 04 tháng 6 năm 2021",
        ],
        addressees=[
            "Kính gửi:",
            "- Thành viên Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh;",
            "- Thành viên Ban Chỉ đạo vận động hiến máu tình nguyện các huyện, thành phố;",
            "- Đảng ủy Khối các Cơ quan - Doanh nghiệp tỉnh.",
        ],
        paragraphs=_paragraphs(body),
        footer_left=[
            "Nơi nhận:",
            "- Như trên;",
            "- CT, các PCT. UBND tỉnh;",
            "- Hội Chữ thập đỏ tỉnh;",
            "- Bệnh viện Đa khoa tỉnh;",
            "- Chánh, Phó CVP;",
            "- Phòng KGVX;",
            "- Lưu: VT, pthtran.",
        ],
        footer_right=["PHÓ CHỦ TỊCH UBND TỈNH", "", "", "Nguyễn Lưu Trung"],
    )


def laichau_letter() -> Letter:
    """The seed công văn of UBND tỉnh Lai Châu (blank number and day, 'hiển máu' typo in the V/v),
    its first and closing paragraphs."""
    text = (SAMPLES / "laichau_UBND-VX_2021-03.txt").read_text(encoding="utf-8")
    paragraphs = _paragraphs(text.split("thành phố.\n", 1)[1].split("Nơi nhận:", 1)[0])
    return Letter(
        header_left=[
            "ỦY BAN NHÂN DÂN",
            "TỈNH LAI CHÂU",
            "Số:      /UBND-VX",
            "V/v tiếp tục đẩy mạnh công tác",
            "hiển máu tình nguyện trong bối",
            "cảnh dịch bệnh Covid-19",
        ],
        header_right=[
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Lai Châu, ngày      tháng 3 năm 2021",
        ],
        addressees=["Kính gửi: - Ban Chỉ đạo vận động HMTN tỉnh;", "- UBND các huyện, thành phố."],
        paragraphs=[paragraphs[0], paragraphs[-1]],
        footer_left=[
            "Nơi nhận:",
            "- Như trên;",
            "- UBND tỉnh: U1 (b/c);",
            "- BCĐ HMTN các huyện, thành phố;",
            "- VPUBND tỉnh: V1, V3;",
            "- Lưu: VT, VX3.",
        ],
        footer_right=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Tổng Thanh Hải"],
    )


def short_letter() -> Letter:
    """The seed letter cut to one page: two paragraphs and the footer."""
    letter = seed_letter()
    return replace(letter, paragraphs=[letter.paragraphs[0], letter.paragraphs[-1]])


def has_tesseract_vie() -> bool:
    """Is Tesseract installed with its Vietnamese model (tests that OCR skip without it)?"""
    if shutil.which("tesseract") is None:
        return False
    result = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False)
    return "vie" in result.stdout.split()


def font_family() -> str | None:
    """The first serif family whose TTF files are installed (None: skip the test)."""
    for name, files in FONT_FILES.items():
        for folder in FONT_DIRS:
            if all((folder / f).is_file() for f in files):
                return name
    return None


class _Pdf(FPDF):
    """A4 with the page number at the top centre from page 2 (Decree 30) and an optional running header."""

    running_header: str | None = None

    def header(self) -> None:
        if self.page_no() > 1:
            self.set_font(self.family_name, "", 13)
            self.set_y(10)
            self.cell(0, 6, str(self.page_no()), align="C")
        if self.running_header:
            self.set_font(self.family_name, "I", 10)
            self.set_xy(self.l_margin, 4)
            self.cell(0, 5, self.running_header, align="R")
        self.set_y(self.t_margin)


def _add_fonts(pdf: _Pdf, family: str) -> None:
    regular, bold, italic = FONT_FILES[family]
    folder = next(d for d in FONT_DIRS if (d / regular).is_file())
    pdf.add_font(family, "", str(folder / regular))
    pdf.add_font(family, "B", str(folder / bold))
    pdf.add_font(family, "I", str(folder / italic))
    pdf.family_name = family


def _column(
    pdf: _Pdf, x: float, width: float, y: float, lines: list[str], styles: dict[int, str], size: float
) -> float:
    """Centred lines in a column; return the y below them."""
    for index, line in enumerate(lines):
        pdf.set_font(pdf.family_name, styles.get(index, ""), size)
        pdf.set_xy(x, y)
        pdf.cell(width, 6.2, line, align="C")
        y += 6.2
    return y


def build_pdf(
    letter: Letter,
    path: Path,
    *,
    running_header: str | None = None,
    raw_lines: list[str] | None = None,
    header_size: float = 13,
    footer_split: int | None = None,
) -> Path:
    """Write ``letter`` as a PDF. ``raw_lines`` are extra body lines written as they are (one per line,
    left-aligned), for wraps the test wants at a fixed place (a hyphen at a line end); the header
    columns are set in ``header_size`` points; ``footer_split`` rows of the footer stay on the last
    page of the body and the rest runs onto a new page."""
    family = font_family()
    if family is None:
        raise RuntimeError("no serif TTF font with Vietnamese glyphs is installed")
    pdf = _Pdf(format="A4", unit="mm")
    _add_fonts(pdf, family)
    pdf.running_header = running_header
    pdf.set_margins(30, 20, 20)
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    left_end = _column(pdf, 25, 70, 20, letter.header_left, {1: "B", 2: "B"}, header_size)
    right_end = _column(pdf, 95, 100, 20, letter.header_right, {0: "B", 1: "B", 2: "I"}, header_size)
    y = max(left_end, right_end) + 6
    pdf.set_y(y)
    for line in letter.title:
        pdf.set_font(family, "B", 14)
        pdf.cell(0, 7, line, align="C", new_x="LMARGIN", new_y="NEXT")
    if letter.addressees:
        pdf.set_font(family, "", 14)
        pdf.set_x(60)
        pdf.cell(0, 7, letter.addressees[0], new_x="LMARGIN", new_y="NEXT")
        for line in letter.addressees[1:]:
            pdf.set_x(70)
            pdf.multi_cell(120, 7, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.set_font(family, "", 14)
    with pdf.text_columns(text_align="J", line_height=1.15) as columns:
        for text in letter.paragraphs:
            with columns.paragraph(first_line_indent=12.5, top_margin=2) as paragraph:
                paragraph.write(text)
    for line in raw_lines or []:
        pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    if pdf.get_y() > 230 and footer_split is None:
        pdf.add_page()
    _footer(pdf, letter, pdf.get_y() + 6, footer_split)
    pdf.output(str(path))
    return path


def _footer(pdf: _Pdf, letter: Letter, y: float, split: int | None = None) -> None:
    """Nơi nhận at the left (12/11 pt), the signer block at the right (14 pt, bold); with ``split``,
    only that many rows of each column stay on this page and the rest go on the next one."""
    rows = max(len(letter.footer_left), len(letter.footer_right))
    top = y
    for row in range(rows):
        if row == split:
            pdf.add_page()
            top = 30 - row * 6.5  # 30 mm from the top, below the page number
        if row < len(letter.footer_left):
            pdf.set_font(pdf.family_name, "B" if row == 0 else "", 12 if row == 0 else 11)
            pdf.set_xy(30, top + row * 6.5)
            pdf.cell(70, 5.2, letter.footer_left[row])
        if row < len(letter.footer_right):
            pdf.set_font(pdf.family_name, "B", 14)
            pdf.set_xy(110, top + row * 6.5)
            pdf.cell(80, 6.5, letter.footer_right[row], align="C")


def render_png(pdf_path: Path, png_path: Path, *, page: int = 0, dpi: int = 300) -> Path:
    """Render one page of a PDF to a grey PNG at ``dpi`` (the image carries its resolution)."""
    document = pdfium.PdfDocument(pdf_path)
    try:
        image = document[page].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        document.close()
    image.save(png_path, dpi=(dpi, dpi))
    return png_path


# --- e-signed PDFs: widget annotations appended to a built PDF -------------------------------------------

STAMP_FONT_WIDTH = 0.5  # every glyph of the widgets' font is half an em wide


@dataclass
class Widget:
    """A signature widget on page 1 whose appearance draws ``lines`` of text, the first one with its
    baseline at (``x``, ``baseline``) in points from the top left; ``signed`` is the signing time
    (a PDF date) of its signature dictionary, none when the field carries no signature value."""

    lines: list[str]
    x: float
    baseline: float
    size: float = 12.0
    signed: str | None = None
    broken: bool = False  # the appearance points to an object the file does not have


def add_widgets(path: Path, widgets: list[Widget]) -> Path:
    """Append ``widgets`` to page 1 of the PDF at ``path`` (written by ``build_pdf``) as an incremental
    update: one signature field per widget in the AcroForm, each drawn by its own appearance stream
    in a simple font whose ToUnicode map gives the Vietnamese letters."""
    data = path.read_bytes()
    size = int(re.findall(rb"/Size (\d+)", data)[-1])
    root = int(re.findall(rb"/Root (\d+) 0 R", data)[-1])
    startxref = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    page, page_body = _object(data, b"/Type /Page\n")
    _, catalog_body = _object(data, b"/Type /Catalog\n")
    height = float(re.findall(rb"/MediaBox \[0 0 [\d.]+ ([\d.]+)\]", data)[0])
    codes = _codes(widgets)
    font = size
    objects = {font: _font(codes, font + 1), font + 1: _stream(b"", _to_unicode(codes))}
    fields = []
    for widget in widgets:
        number = size + len(objects)
        objects.update(_widget_objects(widget, number, f"/P {page} 0 R /Rect [{_rect(widget, height)}]"))
        objects[number + 1] = _stream(_form_entries(widget, height, font), _appearance(widget, height, codes))
        fields.append(f"{number} 0 R")
    new_size = size + len(objects)
    refs = " ".join(fields).encode()
    objects[page] = b"<<" + page_body + b"/Annots [" + refs + b"]\n>>"
    objects[root] = b"<<" + catalog_body + b"/AcroForm << /Fields [" + refs + b"] /SigFlags 3 >>\n>>"
    path.write_bytes(data + _update(len(data), objects, new_size, root, startxref))
    return path


def _widget_objects(widget: Widget, number: int, place: str) -> dict[int, bytes]:
    """The signature field and widget (object ``number``; its appearance is ``number`` + 1) and, when
    signed, its signature dictionary (``number`` + 2)."""
    appearance = 10**6 if widget.broken else number + 1
    value = f" /V {number + 2} 0 R" if widget.signed else ""
    objects = {
        number: f"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature{number}) /F 132 {place} "
        f"/AP << /N {appearance} 0 R >>{value} >>".encode()
    }
    if widget.signed:
        objects[number + 2] = (
            b"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached "
            b"/M (" + widget.signed.encode() + b") /ByteRange [0 0 0 0] /Contents <00> >>"
        )
    return objects


def _form_entries(widget: Widget, height: float, font: int) -> bytes:
    """The appearance stream's dictionary: a form whose box equals the widget's rectangle."""
    resources = f"/Resources << /Font << /F1 {font} 0 R >> >>"
    return f"/Type /XObject /Subtype /Form /BBox [{_rect(widget, height)}] {resources}".encode()


def _object(data: bytes, marker: bytes) -> tuple[int, bytes]:
    """Number and dictionary body of the first object whose dictionary holds ``marker``."""
    for match in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S):
        body = match.group(2).strip()
        if body.startswith(b"<<") and body.endswith(b">>") and marker in body:
            return int(match.group(1)), body[2:-2]
    raise ValueError(f"no object with {marker!r}")


def _codes(widgets: list[Widget]) -> dict[str, int]:
    """A one-byte code for every character the widgets draw: ASCII as itself, others from 128 up."""
    chars = sorted({c for w in widgets for line in w.lines for c in line})
    codes = {c: ord(c) for c in chars if 32 <= ord(c) < 127}
    for number, char in enumerate(c for c in chars if c not in codes):
        codes[char] = 128 + number
    if max(codes.values()) > 255:
        raise ValueError("too many distinct characters for a one-byte font")
    return codes


def _to_unicode(codes: dict[str, int]) -> bytes:
    entries = "\n".join(
        f"<{code:02X}> <{ord(char):04X}>" for char, code in sorted(codes.items(), key=lambda i: i[1])
    )
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Stamp def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(codes)} beginbfchar\n{entries}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()


def _font(codes: dict[str, int], cmap: int) -> bytes:
    names = " ".join(f"{code} /uni{ord(char):04X}" for char, code in codes.items() if code >= 128)
    widths = " ".join(["500"] * 224)
    return (
        f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 255 /Widths [{widths}] "
        f"/Encoding << /Type /Encoding /Differences [{names}] >> /ToUnicode {cmap} 0 R >>"
    ).encode()


def _rect(widget: Widget, height: float) -> str:
    """The widget's box in PDF user space (origin at the bottom left), a little wider than its text."""
    width = max(len(line) for line in widget.lines) * STAMP_FONT_WIDTH * widget.size
    top = height - widget.baseline + widget.size
    bottom = height - widget.baseline - (len(widget.lines) - 1) * 1.2 * widget.size - 0.3 * widget.size
    return f"{widget.x - 2:.2f} {bottom:.2f} {widget.x + width + 2:.2f} {top:.2f}"


def _appearance(widget: Widget, height: float, codes: dict[str, int]) -> bytes:
    """Text lines drawn in page coordinates (the box equals the widget's rectangle)."""
    start = f"{widget.x:.2f} {height - widget.baseline:.2f}"
    parts = [f"BT /F1 {widget.size:g} Tf {1.2 * widget.size:.2f} TL {start} Td"]
    for index, line in enumerate(widget.lines):
        hexcodes = "".join(f"{codes[c]:02X}" for c in line)
        parts.append(f"{'T* ' if index else ''}<{hexcodes}> Tj")
    parts.append("ET")
    return "\n".join(parts).encode()


def _stream(entries: bytes, content: bytes) -> bytes:
    return b"<< " + entries + f" /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream"


def _update(offset: int, objects: dict[int, bytes], size: int, root: int, previous: int) -> bytes:
    """The new and changed objects, their cross-reference section and the trailer."""
    body = b"\n"
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = offset + len(body)
        body += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    xref = b"xref\n"
    for number in sorted(offsets):
        xref += f"{number} 1\n{offsets[number]:010d} 00000 n \n".encode()
    trailer = f"trailer\n<< /Size {size} /Root {root} 0 R /Prev {previous} >>\n"
    return body + xref + f"{trailer}startxref\n{offset + len(body)}\n%%EOF\n".encode()


def word_box(path: Path, text: str, *, page: int = 0) -> tuple[float, float, float]:
    """x0, x1 and baseline (points from the top) of the first word ``text`` on a page, read with
    pdfplumber (the fixture is placed without the reader under test)."""
    import pdfplumber

    with pdfplumber.open(path) as document:
        sheet = document.pages[page]
        for word in sheet.extract_words(return_chars=True):
            if word["text"] == text:
                baseline = float(sheet.height) - float(word["chars"][0]["matrix"][5])
                return float(word["x0"]), float(word["x1"]), baseline
    raise ValueError(f"no word {text!r} on page {page + 1} of {path}")
