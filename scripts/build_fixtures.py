"""Build the cross-format fixtures in tests/data/fixtures/ from real document texts.

Each source in ``tests/data/fixtures/sources/NAME.json`` holds one real document's text by part
(header columns, number, subject, place and date, Kính gửi, body, Nơi nhận, signer). From it:

- ``NAME.txt``               the plain text, laid out like the seeds: the parser's reference;
- ``NAME.docx``              python-docx: A4, Times New Roman 13 pt, borderless two-column header
                             table, footer as a table or as plain paragraphs, tasks in Word
                             automatic numbering where the source asks for it;
- ``NAME.pdf``               that DOCX converted by LibreOffice;
- ``NAME.multipage.docx/.pdf`` (sources with ``"multipage": true``) wider spacing, so that the text
                             runs over pages and a sentence breaks across a page boundary;
- ``NAME.page-N.png``        page N of NAME.pdf rendered at 200 dpi in grey (pdftoppm);
- ``NAME.scan.pdf``          an image-only "scanned" PDF of those pages (turned 0.4°, speckled,
                             one bit per pixel, like a black-and-white office scan).

    python scripts/build_fixtures.py            # all sources
    python scripts/build_fixtures.py --only NAME

Needs LibreOffice (``soffice``), poppler-utils (``pdftoppm``) and fonts-liberation2: with only the
older fonts-liberation, LibreOffice draws many Vietnamese capitals from a fallback font and PDF text
extraction comes out of order. The output is deterministic: zip entries carry a fixed date and the
PDFs' creation dates and IDs are fixed.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "data" / "fixtures"
SOURCES = FIXTURES / "sources"
FONT = "Times New Roman"
FIXED_DATE = datetime(2021, 1, 1, tzinfo=timezone.utc)
ZIP_DATE = (2021, 1, 1, 0, 0, 0)
LIBERATION2 = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")
RENDER_DPI = 200
NUM_ID = "90"  # the list this script adds to numbering.xml
# list styles a source can ask for: (number format, label pattern) by level
LISTS = {
    "decimal": (("decimal", "%1."), ("lowerLetter", "%2)")),
    "outline": (("upperRoman", "%1."), ("decimal", "%2.")),
}
SPREADS = (12.0, 9.0, 15.0, 6.0, 18.0, 3.0, 21.0)  # points before body paragraphs, tried in order

Spec = dict[str, Any]


# --- plain text ---------------------------------------------------------------------------------


def list_labels(spec: Spec) -> list[str | None]:
    """The label Word shows before each body entry (None for plain paragraphs)."""
    formats = LISTS.get(spec["list"] or "", ())
    counters: dict[int, int] = {}
    labels: list[str | None] = []
    for item in spec["body"]:
        if not isinstance(item, dict):
            labels.append(None)
            continue
        level = item["level"]
        counters[level] = counters.get(level, 0) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        fmt, pattern = formats[level]
        labels.append(pattern.replace(f"%{level + 1}", _number(counters[level], fmt)))
    return labels


def _number(value: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")[value - 1]
    if fmt == "lowerLetter":
        return "abcdefghiklmnopqrstuvxy"[value - 1]
    return str(value)


def render_text(spec: Spec) -> str:
    """The document as plain text, parts separated by blank lines as in the seeds, the header in
    the order of its table's cells (agency, Quốc hiệu, number and subject, place and date)."""
    parts: list[list[str]] = [
        spec["header_left"],
        spec["header_right"],
        [spec["number"]] if spec["number"] else [],
        spec["subject"],
        [spec["place_date"]] if spec["place_date"] else [],
        spec["title"],
        spec["kinh_gui"],
    ]
    for item, label in zip(spec["body"], list_labels(spec), strict=True):
        text = item["text"] if isinstance(item, dict) else item
        parts.append(f"{label} {text}".split("\n") if label else text.split("\n"))
    parts.append(spec["recipients"])
    signer = [line for line in spec["signer"] if line]
    if signer:
        parts.append(signer[:-1])
        parts.append(signer[-1:])
    return "\n\n".join("\n".join(part) for part in parts if part) + "\n"


# --- DOCX ---------------------------------------------------------------------------------------


def _font(run_or_style: Any, size: float | None = None, bold: bool = False, italic: bool = False) -> None:
    """Times New Roman for every script (python-docx sets only w:ascii/w:hAnsi by itself)."""
    font = run_or_style.font
    font.name = FONT
    font.bold = bold or None
    font.italic = italic or None
    if size is not None:
        font.size = Pt(size)
    r_pr = run_or_style.element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _para(
    container: Any,
    text: str,
    *,
    size: float = 13,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    first_indent: float | None = None,
    left_indent: float | None = None,
    before: float = 0,
) -> Paragraph:
    """A paragraph; '\\n' in the text becomes a soft line break."""
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(0)
    if first_indent is not None:
        fmt.first_line_indent = Cm(first_indent)
    if left_indent is not None:
        fmt.left_indent = Cm(left_indent)
    for i, line in enumerate(text.split("\n")):
        run = paragraph.add_run(line)
        _font(run, size, bold, italic)
        if i:
            run._r.addprevious(_break_run())
    return paragraph


def _break_run() -> Any:
    run = OxmlElement("w:r")
    br = OxmlElement("w:br")
    run.append(br)
    return run


def _cell(cell: _Cell, lines: list[str], **style: Any) -> None:
    """Fill a table cell with one paragraph per line (the cell's empty first paragraph reused)."""
    first = cell.paragraphs[0]
    for i, line in enumerate(lines):
        paragraph = _para(cell, line, **style)
        if i == 0:
            first._p.addnext(paragraph._p)
            first._p.getparent().remove(first._p)


def _borderless(table: Any) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _table(document: Any, rows: int, widths: tuple[float, float]) -> Any:
    table = document.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borderless(table)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
    return table


def _add_list(document: Any, style: str) -> None:
    """A two-level list in numbering.xml (abstractNum + num), the way Word stores one."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), NUM_ID)
    for ilvl, (fmt, text) in enumerate(LISTS[style]):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text), ("w:lvlJc", "left")):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            lvl.append(element)
        suffix = OxmlElement("w:suff")
        suffix.set(qn("w:val"), "space")
        lvl.append(suffix)
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), NUM_ID)
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), NUM_ID)
    num.append(ref)
    numbering.append(num)


def _numbered(paragraph: Paragraph, ilvl: int = 0) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = int(NUM_ID)


def build_docx(spec: Spec, spread: float | None = None) -> Any:
    """The document as Word would lay it out (Decree 30 form), built with python-docx."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    normal = document.styles["Normal"]
    _font(normal, 13)
    normal.paragraph_format.space_after = Pt(0)
    if spec["list"]:
        _add_list(document, spec["list"])
    core = document.core_properties
    core.author = core.last_modified_by = "vbdieuhanh fixtures"
    core.created = core.modified = core.last_printed = FIXED_DATE
    body_before = 3 if spread is None else spread  # space before body paragraphs, in points
    line_spacing = 1.0 if spread is None else 1.5
    center = WD_ALIGN_PARAGRAPH.CENTER
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    if spec["header_left"]:
        table = _table(document, 2, (6.5, 9.5))
        top_left, top_right = table.rows[0].cells
        bottom_left, bottom_right = table.rows[1].cells
        parent, own = spec["header_left"][:-1], spec["header_left"][-1:]
        _cell(top_left, parent + own, size=13, bold=True, align=center)
        if parent:  # the parent body is not bold
            for paragraph in top_left.paragraphs[: len(parent)]:
                for run in paragraph.runs:
                    run.font.bold = None
        _cell(top_right, spec["header_right"][:1], size=12, bold=True, align=center)
        for line in spec["header_right"][1:]:
            _para(top_right, line, size=13, bold=True, align=center)
        _cell(bottom_left, [spec["number"]], size=13, align=center, before=6)
        if spec["subject"]:
            _para(bottom_left, "\n".join(spec["subject"]), size=12, align=center, before=6)
        _cell(bottom_right, [spec["place_date"]], size=13, italic=True, align=center, before=6)
    for i, line in enumerate(spec["title"]):
        _para(document, line, size=14 if i == 0 else 13, bold=True, align=center, before=12 if i == 0 else 0)
    for i, line in enumerate(spec["kinh_gui"]):
        _para(
            document,
            line,
            size=14,
            align=center if i == 0 else None,
            left_indent=None if i == 0 else 4,
            before=12 if i == 0 else 0,
        )
    for item in spec["body"]:
        text = item["text"] if isinstance(item, dict) else item
        paragraph = _para(document, text, size=14, align=justify, first_indent=1.27, before=body_before)
        paragraph.paragraph_format.line_spacing = line_spacing
        if isinstance(item, dict):
            _numbered(paragraph, item["level"])
    _footer(document, spec)
    return document


def _footer(document: Any, spec: Spec) -> None:
    """Nơi nhận and the signer side by side in a table, or one after the other as paragraphs."""
    if spec["footer"] == "none":
        return
    recipients, signer = spec["recipients"], spec["signer"]
    center = WD_ALIGN_PARAGRAPH.CENTER
    if spec["footer"] == "table":
        _para(document, "", size=6)
        left, right = _table(document, 1, (7.5, 8.5)).rows[0].cells
        _cell(left, recipients[:1], size=12, bold=True, italic=True)
        for line in recipients[1:]:
            _para(left, line, size=11)
        _cell(right, signer, size=14, bold=True, align=center)
        return
    _para(document, recipients[0], size=12, bold=True, italic=True, before=6)
    for line in recipients[1:]:
        _para(document, line, size=11)
    for i, line in enumerate(signer):
        _para(document, line, size=14, bold=True, align=center, left_indent=8, before=6 if i == 0 else 0)


def save_docx(document: Any, path: Path) -> None:
    """Save with fixed zip dates so that the same source gives the same bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))


# --- PDF and images -----------------------------------------------------------------------------


def to_pdf(docx_path: Path, pdf_path: Path, profile: Path) -> None:
    """Convert with LibreOffice, then fix the PDF's dates and ID (same length: offsets stay right)."""
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                out,
                str(docx_path),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        data = (Path(out) / (docx_path.stem + ".pdf")).read_bytes()
    data = re.sub(rb"(/(?:Creation|Mod)Date\s*\(D:)(\d{14})", rb"\g<1>20210101000000", data)
    data = re.sub(rb"<[0-9A-Fa-f]{32}>", b"<" + b"0" * 32 + b">", data)  # the /ID pair
    data = re.sub(rb"(/DocChecksum /)[0-9A-Fa-f]{32}", b"\\g<1>" + b"0" * 32, data)
    pdf_path.write_bytes(data)


def page_texts(pdf_path: Path) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf_path))
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def breaks_a_sentence(pdf_path: Path) -> bool:
    """Does some page end inside a sentence (the multi-page fixture's reason to exist)?"""
    texts = page_texts(pdf_path)
    ends = [t.rstrip().splitlines()[-1] if t.strip() else "" for t in texts[:-1]]
    return any(end and end[-1] not in ".;:!?)" for end in ends)


def build_multipage(spec: Spec, stem: str, profile: Path) -> list[Path]:
    """Spread the text (1.5 lines, space between paragraphs) until a page break cuts a sentence."""
    long_docx, long_pdf = FIXTURES / f"{stem}.multipage.docx", FIXTURES / f"{stem}.multipage.pdf"
    for spread in SPREADS:
        save_docx(build_docx(spec, spread), long_docx)
        to_pdf(long_docx, long_pdf, profile)
        if breaks_a_sentence(long_pdf):
            return [long_docx, long_pdf]
    raise SystemExit(f"{stem}: no spacing in {SPREADS} breaks a sentence across pages")


def render_pages(pdf_path: Path, stem: str) -> list[Path]:
    """Grey PNG pages at 200 dpi, as a scanner would deliver them."""
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            ["pdftoppm", "-r", str(RENDER_DPI), "-gray", "-png", str(pdf_path), f"{out}/page"],
            check=True,
            timeout=120,
        )
        pages = []
        for index, png in enumerate(sorted(Path(out).glob("page-*.png")), 1):
            target = FIXTURES / f"{stem}.page-{index}.png"
            Image.open(png).quantize(4).save(target, optimize=True)  # 4 greys keep some antialiasing
            pages.append(target)
    return pages


def scanned_pdf(pages: list[Path], target: Path, seed: int) -> None:
    """An image-only PDF of the pages, like a black-and-white office scan: turned 0.4°, speckled,
    thresholded to one bit per pixel (CCITT G4 in the PDF, about 50 KB a page)."""
    rng = random.Random(seed)
    images = []
    for page in pages:
        image = Image.open(page).convert("L").rotate(0.4, fillcolor=255, resample=Image.Resampling.BICUBIC)
        pixels = image.load()
        width, height = image.size
        for _ in range(1500):
            pixels[rng.randrange(width), rng.randrange(height)] = 0
        images.append(image.point(lambda value: 255 if value > 150 else 0).convert("1"))
    images[0].save(
        target,
        "PDF",
        save_all=True,
        append_images=images[1:],
        resolution=RENDER_DPI,
        creationDate=FIXED_DATE.timetuple(),
        modDate=FIXED_DATE.timetuple(),
        producer="vbdieuhanh fixtures",
    )


# --- main ---------------------------------------------------------------------------------------


def build(source: Path, profile: Path) -> list[Path]:
    """All fixture files of one source."""
    spec = json.loads(source.read_text(encoding="utf-8"))
    stem = source.stem
    written = [FIXTURES / f"{stem}.txt", FIXTURES / f"{stem}.docx", FIXTURES / f"{stem}.pdf"]
    written[0].write_text(render_text(spec), encoding="utf-8")
    save_docx(build_docx(spec), written[1])
    to_pdf(written[1], written[2], profile)
    if spec["multipage"]:
        written += build_multipage(spec, stem, profile)
    for old in FIXTURES.glob(f"{stem}.page-*.png"):
        old.unlink()
    pages = render_pages(written[2], stem)
    scan = FIXTURES / f"{stem}.scan.pdf"
    scanned_pdf(pages, scan, seed=sum(stem.encode()))
    return [*written, *pages, scan]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="build one source (its file name without .json)")
    args = parser.parse_args(argv)
    for tool in ("soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is needed: apt-get install libreoffice-writer-nogui poppler-utils")
    if not LIBERATION2.exists():
        print("warning: fonts-liberation2 is not installed; PDF text may come out of order", file=sys.stderr)
    sources = sorted(SOURCES.glob("*.json"))
    if args.only:
        sources = [s for s in sources if s.stem == args.only]
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        for source in sources:
            files = build(source, Path(profile))
            size = sum(f.stat().st_size for f in files)
            print(f"{source.stem}: {len(files)} files, {size / 1024:.0f} KiB")
    total = sum(f.stat().st_size for f in FIXTURES.rglob("*") if f.is_file())
    print(f"fixtures: {total / 1024:.0f} KiB in all")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
