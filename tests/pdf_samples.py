"""Build test PDFs and page images in the Decree 30 layout with fpdf2 (no binary files in the repo).

``seed_letter()`` and ``laichau_letter()`` are the seed công văn of ``samples/`` as the parts of a page:
a two-column header, Kính gửi, body paragraphs and a two-column footer.
``build_pdf`` lays it out like Word does (Times-like serif, 13-14 pt, A4, margins 30/20/20 mm,
first-line indents, page numbers at the top centre from page 2); ``render_png`` makes a page image.
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
