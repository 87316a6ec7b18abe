"""The DOCX reader: reading order, list numbers, tables, text boxes, fonts, errors; real DOCX files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import corpus_expectations
import docx
import pytest
from docx.oxml import parse_xml

import vbdieuhanh
from vbdieuhanh.errors import CorruptFileError, EmptyDocumentError, EncryptedFileError, UnsupportedFormatError
from vbdieuhanh.readers import read_file
from vbdieuhanh.readers.docx import read_docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NS = (
    f'{W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
FIXTURES = Path(__file__).parent / "data" / "fixtures"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "docx"


def p(text: str = "", ppr: str = "", rpr: str = "") -> str:
    """A paragraph with one run."""
    run = f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p {NS}><w:pPr>{ppr}</w:pPr>{run}</w:p>"


def numbered(text: str, num_id: int, ilvl: int = 0) -> str:
    return p(text, f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')


def cell(*paragraphs: str) -> str:
    return f"<w:tc {NS}>{''.join(paragraphs) or p()}</w:tc>"


def table(rows: list[list[str]], borders: bool = False) -> str:
    value = "single" if borders else "nil"
    edges = "".join(
        f'<w:{e} w:val="{value}"/>' for e in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    body = "".join(f"<w:tr>{''.join(cells)}</w:tr>" for cells in rows)
    return f"<w:tbl {NS}><w:tblPr><w:tblBorders>{edges}</w:tblBorders></w:tblPr>{body}</w:tbl>"


def level(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def make_docx(path: Path, blocks: list[str], abstracts: list[str] = (), nums: list[str] = ()) -> Path:
    """A DOCX whose body is ``blocks`` (XML), with extra list definitions in numbering.xml."""
    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    sect = body[-1]
    for block in blocks:
        sect.addprevious(parse_xml(block))
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{numbering.nsmap['w']}}}num")
    for abstract in abstracts:
        first_num.addprevious(parse_xml(f"<w:abstractNum {W} {abstract[len('<w:abstractNum') :]}"))
    for num in nums:
        numbering.append(parse_xml(f"<w:num {W} {num[len('<w:num') :]}"))
    document.save(path)
    return path


def texts(path: Path) -> list[str]:
    return [line.text for line in read_docx(path).lines if line.text.strip()]


# --- list numbering -----------------------------------------------------------------------------

OUTLINE = (
    '<w:abstractNum w:abstractNumId="70">'
    + level(0, "upperRoman", "%1.")
    + level(1, "decimal", "%2.")
    + level(2, "lowerLetter", "%3)")
    + level(3, "decimal", "%1.%2.%4.", extra='<w:isLgl/><w:lvlRestart w:val="1"/>')
    + "</w:abstractNum>"
)
BULLETS = (
    '<w:abstractNum w:abstractNumId="71">'
    + level(0, "bullet", "\uf0b7")
    + level(1, "bullet", "-")
    + level(2, "decimalZero", "%3.", start=9)
    + "</w:abstractNum>"
)
NUMS = [
    '<w:num w:numId="70"><w:abstractNumId w:val="70"/></w:num>',
    # same list, continues the count of numId 70
    '<w:num w:numId="72"><w:abstractNumId w:val="70"/></w:num>',
    # same list, restarted: level 1 starts again at 5
    '<w:num w:numId="73"><w:abstractNumId w:val="70"/>'
    '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num>',
    '<w:num w:numId="71"><w:abstractNumId w:val="71"/></w:num>',
]

# (numId, level, text) → the line Word shows
NUMBERING_CASES = [
    (70, 0, "Mục đích", "I. Mục đích"),
    (70, 1, "Tuyên truyền", "1. Tuyên truyền"),
    (70, 2, "Sở Y tế", "a) Sở Y tế"),
    (70, 2, "Sở Nội vụ", "b) Sở Nội vụ"),
    (70, 1, "Kiểm tra", "2. Kiểm tra"),
    (70, 2, "restarts under a new level-1 item", "a) restarts under a new level-1 item"),
    (70, 3, "legal numbering of all levels", "1.2.1. legal numbering of all levels"),
    (70, 0, "Tổ chức thực hiện", "II. Tổ chức thực hiện"),
    (70, 1, "deeper levels restart", "1. deeper levels restart"),
    (72, 1, "another instance of the same list continues", "2. another instance of the same list continues"),
    (73, 1, "a start override restarts", "5. a start override restarts"),
    (73, 1, "and then counts on", "6. and then counts on"),
    (71, 0, "Symbol bullet", "• Symbol bullet"),
    (71, 1, "dash bullet", "- dash bullet"),
    (71, 2, "zero-padded, starts at 9", "09. zero-padded, starts at 9"),
    (0, 0, "numId 0 removes numbering", "numId 0 removes numbering"),
]


def test_automatic_numbering_labels(tmp_path: Path) -> None:
    blocks = [numbered(text, num, ilvl) for num, ilvl, text, _ in NUMBERING_CASES]
    path = make_docx(tmp_path / "lists.docx", blocks, [OUTLINE, BULLETS], NUMS)
    assert texts(path) == [expected for *_, expected in NUMBERING_CASES]


def test_numbering_from_a_paragraph_style(tmp_path: Path) -> None:
    """A heading style that carries numPr numbers its paragraphs without direct numbering."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.find(f"{{{numbering.nsmap['w']}}}num").addprevious(
        parse_xml(f"<w:abstractNum {W} {OUTLINE[14:]}")
    )
    numbering.append(parse_xml(f"<w:num {W} {NUMS[0][6:]}"))
    style = document.styles["Heading 1"].element
    style.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:numId w:val="70"/></w:numPr>'))
    document.add_paragraph("MỤC ĐÍCH, YÊU CẦU", style="Heading 1")
    document.add_paragraph("NỘI DUNG", style="Heading 1")
    document.save(tmp_path / "styled.docx")
    assert texts(tmp_path / "styled.docx") == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG"]


def test_fixture_tasks_come_from_numbering_xml() -> None:
    """The Lai Châu fixture has no '1.' in its text: the labels exist only in numbering.xml."""
    path = FIXTURES / "laichau_UBND-VX_2021-03.docx"
    with zipfile.ZipFile(path) as archive:
        assert "1. Tiếp tục" not in archive.read("word/document.xml").decode("utf-8")
    lines = texts(path)
    assert [line[:3] for line in lines if line[:2] in ("1.", "2.", "3.", "4.")] == [
        "1. ",
        "2. ",
        "3. ",
        "4. ",
    ]
    assert [t.id for t in vbdieuhanh.parse_file(path).tasks] == ["1", "2", "3", "4"]


# --- reading order, tables, text boxes ----------------------------------------------------------


def test_body_order_tables_nested_tables_and_block_ids(tmp_path: Path) -> None:
    inner = table([[cell(p("nested cell text"))]], borders=True)
    blocks = [
        p("before the table"),
        table(
            [
                [cell(p("UBND TỈNH A"), p("SỞ Y TẾ")), cell(p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))],
                [cell(p("Số: 12/SYT-VP"), p(), p("V/v họp")), cell(inner)],
            ]
        ),
        p("after the table"),
    ]
    layout = read_docx(make_docx(tmp_path / "order.docx", blocks))
    inked = [(line.text, line.block, line.column) for line in layout.lines if line.text]
    assert inked == [
        ("before the table", "p0", None),
        ("UBND TỈNH A", "t0.r0.c0.p0", "left"),
        ("SỞ Y TẾ", "t0.r0.c0.p1", "left"),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "t0.r0.c1.p0", "right"),
        ("Số: 12/SYT-VP", "t0.r1.c0.p0", "left"),
        ("V/v họp", "t0.r1.c0.p2", "left"),
        ("nested cell text", "t0.r1.c1.t0.r0.c0.p0", "right"),
        ("after the table", "p1", None),
    ]
    assert layout.lines_are_paragraphs


def test_bordered_tables_have_no_columns(tmp_path: Path) -> None:
    blocks = [table([[cell(p("STT")), cell(p("Họ và tên"))]], borders=True)]
    layout = read_docx(make_docx(tmp_path / "grid.docx", blocks))
    assert [line.column for line in layout.lines if line.text] == [None, None]


TEXT_BOX = (
    f'<w:p {NS}><w:r><w:t xml:space="preserve">Số: 05/UBND-NC </w:t></w:r><w:r><mc:AlternateContent>'
    '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>'
    "<w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
    "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
    "<w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
    "</mc:AlternateContent></w:r></w:p>"
)


def test_text_box_is_read_once_after_its_paragraph(tmp_path: Path) -> None:
    content = p("V/v tập trung triển khai thực hiện") + p("công tác cai nghiện ma túy")
    blocks = [TEXT_BOX.format(content=content), p("Kính gửi: Công an tỉnh")]
    layout = read_docx(make_docx(tmp_path / "box.docx", blocks))
    inked = [(line.text, line.block) for line in layout.lines if line.text]
    assert inked == [
        ("Số: 05/UBND-NC ", "p0"),
        ("V/v tập trung triển khai thực hiện", "p0.x0.p0"),
        ("công tác cai nghiện ma túy", "p0.x0.p1"),
        ("Kính gửi: Công an tỉnh", "p1"),
    ]


# --- what counts as text ------------------------------------------------------------------------

CONTROLLED = '<w:r><w:t xml:space="preserve"> Sở Nội vụ</w:t></w:r>'
RUNS = [
    # (run XML inside a paragraph, the text it contributes)
    ('<w:r><w:t xml:space="preserve">Kính gửi: </w:t></w:r>', "Kính gửi: "),
    ('<w:hyperlink r:id="rId99"><w:r><w:t>Sở Y tế</w:t></w:r></w:hyperlink>', "Sở Y tế"),
    ('<w:del w:id="1" w:author="x"><w:r><w:delText> (bỏ)</w:delText></w:r></w:del>', ""),
    ('<w:ins w:id="2" w:author="x"><w:r><w:t>;</w:t></w:r></w:ins>', ";"),
    (f"<w:sdt><w:sdtPr/><w:sdtContent>{CONTROLLED}</w:sdtContent></w:sdt>", " Sở Nội vụ"),
    ("<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>", ""),
    (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        "",
    ),
    ('<w:fldSimple w:instr=" DATE "><w:r><w:t> (04/6/2021)</w:t></w:r></w:fldSimple>', " (04/6/2021)"),
    ("<w:r><w:t>cộng</w:t><w:softHyphen/><w:t>đồng</w:t><w:noBreakHyphen/><w:t>x</w:t></w:r>", "cộngđồng-x"),
]


def test_visible_text_only(tmp_path: Path) -> None:
    paragraph = f"<w:p {NS}>{''.join(xml for xml, _ in RUNS)}</w:p>"
    assert texts(make_docx(tmp_path / "runs.docx", [paragraph])) == ["".join(t for _, t in RUNS)]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["UBND TỈNH KIÊN GIANG", "BAN CHỈ ĐẠO"], ["UBND TỈNH KIÊN GIANG", "BAN CHỈ ĐẠO"]),
        (["Nơi nhận:", "- Như trên;", "- Lưu: VT."], ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]),
        (["V/v tiếp tục đẩy mạnh", "công tác hiến máu"], ["V/v tiếp tục đẩy mạnh công tác hiến máu"]),
    ],
)
def test_soft_line_breaks(tmp_path: Path, lines: list[str], expected: list[str]) -> None:
    """A break before a capital or a list mark is a new line; before a lower-case word, a wrap."""
    runs = "<w:r><w:br/></w:r>".join(f"<w:r><w:t>{line}</w:t></w:r>" for line in lines)
    assert texts(make_docx(tmp_path / "br.docx", [f"<w:p {NS}>{runs}</w:p>"])) == expected


def test_footer_in_tab_columns_is_split(tmp_path: Path) -> None:
    """'Nơi nhận:<tab>TM. UBND' lines (legacy layouts) read as a left column, then a right one."""
    rows = [
        "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN",
        "- Như trên;\tKT. CHỦ TỊCH",
        "- Lưu: VT.\tPHÓ CHỦ TỊCH",
        "\tNguyễn Văn Hiệp",
    ]
    blocks = [f"<w:p {NS}>" + "".join(_tabbed(row)) + "</w:p>" for row in rows]
    layout = read_docx(make_docx(tmp_path / "tabs.docx", blocks))
    assert [(line.text, line.column) for line in layout.lines if line.text] == [
        ("Nơi nhận:", "left"),
        ("- Như trên;", "left"),
        ("- Lưu: VT.", "left"),
        ("TM. ỦY BAN NHÂN DÂN", "right"),
        ("KT. CHỦ TỊCH", "right"),
        ("PHÓ CHỦ TỊCH", "right"),
        ("Nguyễn Văn Hiệp", "right"),
    ]


def _tabbed(row: str) -> list[str]:
    parts = row.split("\t")
    out = [f'<w:r><w:t xml:space="preserve">{parts[0]}</w:t></w:r>'] if parts[0] else []
    for part in parts[1:]:
        out.append(f'<w:r><w:tab/><w:t xml:space="preserve">{part}</w:t></w:r>')
    return out


def test_blank_lines_where_the_page_shows_them(tmp_path: Path) -> None:
    """Empty paragraphs and 12 pt between paragraphs are blank lines; a centred group is not split."""
    spaced = '<w:spacing w:before="240"/>'
    blocks = [
        p("KẾ HOẠCH", '<w:jc w:val="center"/>'),
        p("Tổ chức sinh hoạt chuyên môn", f'<w:jc w:val="center"/>{spaced}'),
        p("Căn cứ Kế hoạch số 620/KH-SGDĐT;", spaced),
        p("Thực hiện Công văn số 09;"),
        p(),
        p("Trường THPT Cao Lãnh 2 xây dựng kế hoạch như sau:"),
    ]
    layout = read_docx(make_docx(tmp_path / "blank.docx", blocks))
    assert [line.text for line in layout.lines] == [
        "KẾ HOẠCH",
        "Tổ chức sinh hoạt chuyên môn",
        "",
        "Căn cứ Kế hoạch số 620/KH-SGDĐT;",
        "Thực hiện Công văn số 09;",
        "",
        "Trường THPT Cao Lãnh 2 xây dựng kế hoạch như sau:",
    ]


def test_font_facts_when_uniform(tmp_path: Path) -> None:
    blocks = [
        p("CHỈ THỊ", rpr='<w:b/><w:sz w:val="28"/>'),
        f'<w:p {NS}><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Nơi nhận: </w:t></w:r>'
        "<w:r><w:rPr><w:i/></w:rPr><w:t>ghi chú</w:t></w:r></w:p>",
    ]
    lines = [line for line in read_docx(make_docx(tmp_path / "fonts.docx", blocks)).lines if line.text]
    assert (lines[0].bold, lines[0].italic, lines[0].size) == (True, False, 14.0)
    assert (lines[1].bold, lines[1].italic) == (None, None)


def test_tcvn3_fonts_are_decoded(tmp_path: Path) -> None:
    """Text in .VnTime is TCVN3 bytes; .VnTimeH draws it in capitals; a soft hyphen is 'ư'."""
    vn = '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>'
    vnh = '<w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/>'
    blocks = [
        p("§¶ng bé c¬ quan UBND huyÖn lÖ thuû", rpr=vnh),
        f'<w:p {NS}><w:r><w:rPr>{vn}</w:rPr><w:t xml:space="preserve">B¶n th©n t</w:t><w:softHyphen/>'
        '<w:t xml:space="preserve"> t</w:t><w:softHyphen/><w:t>ëng</w:t></w:r></w:p>',
        p(
            "Lê Thủy, Unicode text",
            rpr='<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>',
        ),
    ]
    layout = read_docx(make_docx(tmp_path / "tcvn3.docx", blocks))
    assert [line.text for line in layout.lines if line.text] == [
        "ĐẢNG BỘ CƠ QUAN UBND HUYỆN LỆ THUỶ",
        "Bản thân tư tưởng",
        "Lê Thủy, Unicode text",
    ]
    assert [note.code for note in layout.notes] == ["legacy_encoding"]
    assert ".VnTimeH" in layout.notes[0].message


def test_page_one_header_text_but_not_page_numbers(tmp_path: Path) -> None:
    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "DỰ THẢO"
    section.header.paragraphs[0].text = "running header of later pages"
    footer = section.first_page_footer.paragraphs[0]._p
    footer.append(parse_xml(f'<w:fldSimple {W} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    document.add_paragraph("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG")
    document.save(tmp_path / "header.docx")
    layout = read_docx(tmp_path / "header.docx")
    assert [(line.text, line.block) for line in layout.lines if line.text] == [
        ("DỰ THẢO", "h.p0"),
        ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "p0"),
    ]


# --- bad files ----------------------------------------------------------------------------------


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


GOOD = (FIXTURES / "quangngai_CV-507-UBND-KGVX_2025.docx").read_bytes()
PDF = (FIXTURES / "quangngai_CV-507-UBND-KGVX_2025.pdf").read_bytes()


def _blank_docx() -> bytes:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


# (file content, error class, words the message must contain)
BAD_FILES = [
    (b"This is plain text, not a zip archive at all." * 4, UnsupportedFormatError, "content is not docx"),
    (b"PK\x03\x04" + b"\x00" * 200, CorruptFileError, "zip"),
    (GOOD[: len(GOOD) // 2], CorruptFileError, "truncated"),
    (_zip({"notes.txt": b"hello", "data/x.xml": b"<x/>"}), UnsupportedFormatError, "word/document.xml"),
    (_zip({"[Content_Types].xml": GOOD[:0], "word/styles.xml": b"<x/>"}), CorruptFileError, "Word package"),
    ((FIXTURES / "bad" / "encrypted.docx").read_bytes(), EncryptedFileError, "password"),
    (b"", EmptyDocumentError, "empty"),
    (_blank_docx(), EmptyDocumentError, "no text"),
    (PDF, None, ""),  # a PDF named .docx: read as the PDF it is, or refused clearly
]


@pytest.mark.parametrize(("content", "error", "words"), BAD_FILES, ids=range(len(BAD_FILES)))
def test_bad_files_raise_one_typed_error(
    tmp_path: Path, content: bytes, error: type | None, words: str
) -> None:
    path = tmp_path / "công văn.docx"
    path.write_bytes(content)
    if error is None:
        try:
            read_file(path)
        except vbdieuhanh.VbdhError as raised:
            assert str(path) in str(raised)
        return
    with pytest.raises(error) as raised:
        read_file(path)
    assert str(path) in str(raised.value)
    assert words in str(raised.value)


def test_read_docx_on_an_ole_file_names_the_problem(tmp_path: Path) -> None:
    """Called directly (not through read_file), the reader still refuses a Word 97 file clearly."""
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(UnsupportedFormatError, match="Word 97"):
        read_docx(path)


# --- the real corpus ----------------------------------------------------------------------------

CORPUS_FILES = sorted(CORPUS.glob("*.docx")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus/real/docx is not beside the project")
@pytest.mark.parametrize("exp", corpus_expectations.params("docx"))
def test_real_docx_gives_its_number(exp: corpus_expectations.Expectation) -> None:
    """The number the header shows, or no number and why (tests/data/corpus_expectations.csv): a
    draft's blank number, no 'Số:' line at all, or a file that is not a directive."""
    corpus_expectations.check_number(vbdieuhanh.parse_file(CORPUS / exp.name), exp)


@pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus/real/docx is not beside the project")
def test_every_real_docx_has_an_expectation() -> None:
    listed = {exp.name for exp in corpus_expectations.expectations("docx")}
    assert listed == {path.name for path in CORPUS_FILES}


# (file, field, expected) read from the documents by hand
REAL_VALUES = [
    ("dongthap_KH-58-THPTCL2_2026.docx", "number_symbol", "58/KH-THPTCL2"),
    ("dongthap_KH-58-THPTCL2_2026.docx", "issue_date", "2026-04-15"),
    ("dongthap_QD-337-QD-SGDDT_2026.docx", "number_symbol", "337/QĐ-SGDĐT"),
    ("cdgdvn_CV-172-CDN-TGNC_converted-from-doc.docx", "addressees", 3),
    ("binhduong_CT-09-2009-CT-UBND_converted-from-doc.docx", "signer", "Nguyễn Văn Hiệp"),
    (
        "lamdong_CV-UBND-NC_2025_cai-nghien-ma-tuy_draft.docx",
        "subject",
        "tập trung triển khai thực hiện công tác cai nghiện ma túy tự nguyện tại gia đình, cộng đồng",
    ),
    ("lamdong_CV-UBND-NC_2025_cai-nghien-ma-tuy_draft.docx", "tasks", 5),
]


@pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus/real/docx is not beside the project")
@pytest.mark.parametrize(("name", "field", "expected"), REAL_VALUES)
def test_real_docx_values(name: str, field: str, expected: object) -> None:
    doc = vbdieuhanh.parse_file(CORPUS / name)
    value = getattr(doc, field)
    if field == "signer":
        value = doc.signer.name if doc.signer else None
    elif isinstance(expected, int):
        value = len(value)
    elif isinstance(value, str):
        value = " ".join(value.split())
    assert value == expected
