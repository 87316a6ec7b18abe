"""Word 2007+ files (.docx): the text a reader sees, in reading order, with list numbers.

python-docx opens the package; the body is walked on its XML so that nothing visible is lost:
paragraphs and tables in body order (also inside content controls and tracked insertions, which
``iter_inner_content`` skips), nested tables, text boxes, hyperlinks and field results. Deleted
text, field codes, hidden text and page numbers are left out. Word keeps the labels of automatic
lists ("1.", "a)", "-") in numbering.xml, not in the text: they are computed here and put in front
of the paragraph's text.

One ``Line`` per paragraph (``Layout.lines_are_paragraphs``); a line break inside a paragraph starts
a new line unless the next word is in lower case (then it only wrapped a sentence). ``block`` names
the paragraph: "p12" is body paragraph 12, "t0.r1.c0.p2" paragraph 2 of cell 0, row 1 of table 0,
"p3.x0.p1" paragraph 1 of the first text box anchored in paragraph 3, "h.p0" the page-1 header.
Cells of a borderless table get ``column`` "left"/"right"; so do headers and footers laid out in
two columns with tabs. An empty ``Line`` stands where the page shows a blank line: an empty
paragraph, 12 pt or more between paragraphs (not inside a centred group such as a title and its
subject), the edges of table cells and text boxes. Text in the TCVN3 fonts (.VnTime) is decoded.
"""

from __future__ import annotations

import dataclasses
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from ..errors import CorruptFileError, EmptyDocumentError, EncryptedFileError, UnsupportedFormatError
from ..layout import Layout, Line, ReaderNote
from . import tcvn3
from .limits import current
from .safety import check_file, check_zip_sizes, scrub

# An OLE file holding this stream is an encrypted Office 2007+ document.
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
OLE_MAGIC = b"\xd0\xcf\x11\xe0"

BLANK_GAP_PT = 12.0  # space between paragraphs that reads as a blank line
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_PAGE_FIELDS = ("PAGE", "NUMPAGES", "SECTIONPAGES")
_TRUE = frozenset({"1", "true", "on"})
_INT_RE = re.compile(r"[+-]?[0-9]{1,12}")
MAX_LABEL = 24  # a label longer than this in letters or roman numerals is written in digits
# parts read with lxml directly: no entities, no DTD, no network, no huge trees (a billion laughs fails)
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _int(text: str | None, default: int | None = None, low: int = 0, high: int = 32767) -> int | None:
    """A numeric attribute of WordprocessingML, clamped to [low, high]; ``default`` when it is not
    an integer in ASCII digits ('²', 'x', '1.5', 5,000 digits)."""
    if text is None or not _INT_RE.fullmatch(text.strip()):
        return default
    return max(low, min(high, int(text.strip())))


@cache
def _w(name: str) -> str:
    """Clark name of a WordprocessingML element or attribute ("t" → "{…/main}t")."""
    return qn(f"w:{name}")


W_P, W_TBL, W_TR, W_TC, W_R = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("r")
W_TXBX = _w("txbxContent")
# containers whose children are read as if they stood in the parent
_WRAPPERS = frozenset(map(_w, ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag")))
# paragraph children that hold no visible text of the paragraph itself
_NOT_TEXT = frozenset(map(_w, ("pPr", "rPr", "del", "moveFrom", "sdtPr", "sdtEndPr"))) | {_MC_FALLBACK}


def read_docx(path: Path) -> Layout:
    """A Word 2007+ file as a layout; typed errors for files that are not readable Word files."""
    document, pages = _open(path)
    try:
        reader = _Reader(document)
        lines = reader.read()
    except (etree.XMLSyntaxError, ValueError, KeyError) as error:
        # a numbering or styles part that is not XML, a related part python-docx cannot load
        detail = " ".join(str(error).split())[:200]
        raise CorruptFileError(
            str(path), f"damaged Word package: {type(error).__name__}: {detail}"
        ) from error
    for line in lines:
        line.text = scrub(line.text)
    if not any(line.text.strip() for line in lines):
        raise EmptyDocumentError(str(path), "the Word document has no text")
    return Layout(
        lines=lines,
        source=str(path),
        format="docx",
        pages=pages,
        notes=reader.notes(),
        lines_are_paragraphs=True,
    )


# --- opening the package ------------------------------------------------------------------------


def _open(path: Path) -> tuple[docx.document.Document, int]:
    """The python-docx document and Word's page count (1 when not recorded)."""
    name = str(path)
    _, head = check_file(path)
    if head.startswith(OLE_MAGIC):
        if ENCRYPTED_PACKAGE in path.read_bytes():
            raise EncryptedFileError(name, "the Word document is password-protected (encrypted package)")
        raise UnsupportedFormatError(name, "a Word 97 (.doc) or other OLE file, not a .docx package")
    try:
        with zipfile.ZipFile(path) as archive:
            check_zip_sizes(archive, name)
            names = set(archive.namelist())
            app = archive.read("docProps/app.xml") if "docProps/app.xml" in names else b""
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError, UnicodeError) as error:
        # UnicodeError: a member name flagged UTF-8 that is not (found by fuzzing)
        raise CorruptFileError(name, f"not a readable zip archive, truncated or damaged ({error})") from error
    if not any(n.startswith("word/") for n in names):
        raise UnsupportedFormatError(name, "a zip archive without word/document.xml, not a Word document")
    try:
        document = docx.Document(name)
    except ValueError as error:  # python-docx: "… is not a Word file, content type is …"
        raise UnsupportedFormatError(name, f"not a Word document: {error}") from error
    except (KeyError, PackageNotFoundError) as error:
        raise CorruptFileError(name, f"the Word package is incomplete: {error}") from error
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, etree.XMLSyntaxError) as error:
        raise CorruptFileError(name, f"damaged Word package: {error}") from error
    except OSError as error:  # a member offset before the start of the file (found by fuzzing)
        raise CorruptFileError(name, f"damaged Word package: {error.strerror or error}") from error
    match = re.search(rb"<Pages>\s*([0-9]{1,6})\s*</Pages>", app)
    return document, max(1, int(match.group(1))) if match else 1


def _part_element(document: docx.document.Document, reltype: str) -> etree._Element | None:
    """Root element of the document part's related part of one type (styles, numbering)."""
    for rel in document.part.rels.values():
        if not rel.is_external and rel.reltype == reltype:
            part = rel.target_part
            element = getattr(part, "element", None)
            return element if element is not None else etree.fromstring(part.blob, _SAFE_XML)
    return None


# --- styles -------------------------------------------------------------------------------------


def _on(element: etree._Element | None) -> bool | None:
    """A WordprocessingML on/off property; None when absent."""
    if element is None:
        return None
    value = element.get(_w("val"))
    return value is None or value.lower() in _TRUE


def _first_attr(chain: list[etree._Element], child: str, attr: str) -> str | None:
    """The first value of ``child/@attr`` along a chain of property elements."""
    for props in chain:
        element = props.find(_w(child))
        if element is not None and element.get(_w(attr)) is not None:
            return element.get(_w(attr))
    return None


def _first_on(chain: list[etree._Element], child: str) -> bool | None:
    for props in chain:
        value = _on(props.find(_w(child)))
        if value is not None:
            return value
    return None


@dataclass(frozen=True, slots=True)
class _RunFacts:
    bold: bool
    italic: bool
    size: float | None
    font: str | None
    hidden: bool


@dataclass(frozen=True, slots=True)
class _Look:
    """What decides whether the space between two paragraphs reads as a blank line."""

    before: float
    after: float
    centered: bool
    contextual: bool
    style: str | None


class _Styles:
    """Effective properties: direct formatting, then the style chain, then the document defaults."""

    def __init__(self, root: etree._Element | None) -> None:
        self._by_id: dict[str, etree._Element] = {}
        self._default_para: str | None = None
        self._defaults_r = self._defaults_p = None
        self._chains: dict[str | None, list[etree._Element]] = {}
        self._looks: dict[tuple[bytes, str | None], _Look] = {}
        self._facts: dict[tuple[bytes, str | None], _RunFacts] = {}
        if root is None:
            return
        for style in root.iter(_w("style")):
            style_id = style.get(_w("styleId"))
            if style_id is None:
                continue
            self._by_id[style_id] = style
            if style.get(_w("type")) == "paragraph" and (style.get(_w("default")) or "") in _TRUE:
                self._default_para = style_id
        self._defaults_r = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        self._defaults_p = root.find(f"{_w('docDefaults')}/{_w('pPrDefault')}/{_w('pPr')}")

    def chain(self, style_id: str | None) -> list[etree._Element]:
        """The style and the styles it is based on, nearest first."""
        if style_id not in self._chains:
            chain: list[etree._Element] = []
            current = self._by_id.get(style_id) if style_id else None
            while current is not None and current not in chain:
                chain.append(current)
                based = current.find(_w("basedOn"))
                current = self._by_id.get(based.get(_w("val"), "")) if based is not None else None
            self._chains[style_id] = chain
        return self._chains[style_id]

    def paragraph_style(self, p: etree._Element) -> str | None:
        style = p.find(f"{_w('pPr')}/{_w('pStyle')}")
        return style.get(_w("val")) if style is not None else self._default_para

    def _props(self, direct: etree._Element | None, style_ids: list[str | None], tag: str) -> list:
        chain = [direct] + [s.find(_w(tag)) for sid in style_ids for s in self.chain(sid)]
        chain.append(self._defaults_p if tag == "pPr" else self._defaults_r)
        return [e for e in chain if e is not None]

    def look(self, p: etree._Element, style_id: str | None) -> _Look:
        direct = p.find(_w("pPr"))
        key = (etree.tostring(direct) if direct is not None else b"", style_id)
        if key not in self._looks:
            self._looks[key] = self._look(direct, style_id)
        return self._looks[key]

    def _look(self, direct: etree._Element | None, style_id: str | None) -> _Look:
        chain = self._props(direct, [style_id], "pPr")
        return _Look(
            before=_spacing(chain, "before"),
            after=_spacing(chain, "after"),
            centered=_first_attr(chain, "jc", "val") == "center",
            contextual=bool(_first_on(chain, "contextualSpacing")),
            style=style_id,
        )

    def run_facts(self, r: etree._Element, para_style: str | None) -> _RunFacts:
        """Bold, italic, size, font and hidden of a run (cached by its formatting)."""
        direct = r.find(_w("rPr"))
        key = (etree.tostring(direct) if direct is not None else b"", para_style)
        if key not in self._facts:
            self._facts[key] = self._run_facts(direct, para_style)
        return self._facts[key]

    def _run_facts(self, direct: etree._Element | None, para_style: str | None) -> _RunFacts:
        run_style = direct.find(_w("rStyle")) if direct is not None else None
        styles = [run_style.get(_w("val")) if run_style is not None else None, para_style]
        chain = self._props(direct, styles, "rPr")
        size = _first_attr(chain, "sz", "val")
        return _RunFacts(
            bold=bool(_first_on(chain, "b")),
            italic=bool(_first_on(chain, "i")),
            size=_size(size),
            font=_first_attr(chain, "rFonts", "hAnsi") or _first_attr(chain, "rFonts", "ascii"),
            hidden=bool(_first_on(chain, "vanish")),
        )

    def borderless(self, tbl: etree._Element) -> bool:
        """True when a table draws no borders (a layout table, like a directive's header)."""
        tbl_pr = tbl.find(_w("tblPr"))
        style = tbl_pr.find(_w("tblStyle")) if tbl_pr is not None else None
        style_id = style.get(_w("val")) if style is not None else None
        chain = [tbl_pr] + [s.find(_w("tblPr")) for s in self.chain(style_id)]
        for props in chain:
            borders = props.find(_w("tblBorders")) if props is not None else None
            if borders is not None:
                return all((b.get(_w("val")) or "nil") in ("nil", "none") for b in borders)
        return True


def _size(value: str | None) -> float | None:
    """A font size in points from half-points; None when absent or absurd."""
    half_points = _int(value, None, 1, 3276)
    return half_points / 2 if half_points is not None else None


def _spacing(chain: list[etree._Element], side: str) -> float:
    """Space before or after a paragraph in points (HTML-style auto spacing counts as 14 pt)."""
    for props in chain:
        spacing = props.find(_w("spacing"))
        if spacing is None:
            continue
        if (spacing.get(_w(f"{side}Autospacing")) or "") in _TRUE:
            return 14.0
        value = _int(spacing.get(_w(side)), None, -31680, 31680)
        if value is not None:
            return value / 20
    return 0.0


# --- list numbering -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Level:
    """One level of a list: number format, label pattern ("%1.%2."), first value."""

    fmt: str
    text: str
    start: int
    restart: int | None
    legal: bool
    style: str | None


def _val(element: etree._Element, child: str) -> str | None:
    found = element.find(_w(child))
    return found.get(_w("val")) if found is not None else None


def _level(element: etree._Element) -> _Level:
    start, restart = _val(element, "start"), _val(element, "lvlRestart")
    return _Level(
        fmt=_val(element, "numFmt") or "decimal",
        text=_val(element, "lvlText") or "",
        start=_int(start, 1, 0, current().max_list_number) or 0,
        restart=_int(restart, None, 0, 9),
        legal=_on(element.find(_w("isLgl"))) is True,
        style=_val(element, "pStyle"),
    )


@dataclass(slots=True)
class _Num:
    """A list instance (w:num): its abstract list, level overrides and start overrides."""

    abstract: str
    levels: dict[int, _Level] = field(default_factory=dict)
    starts: dict[int, int] = field(default_factory=dict)


def _nums(root: etree._Element) -> dict[str, _Num]:
    nums: dict[str, _Num] = {}
    for num in root.iter(_w("num")):
        entry = _Num(_val(num, "abstractNumId") or "")
        for override in num.iter(_w("lvlOverride")):
            ilvl = _int(override.get(_w("ilvl")), 0, 0, 9) or 0
            start = _int(_val(override, "startOverride"), None, 0, current().max_list_number)
            if start is not None:
                entry.starts[ilvl] = start
            lvl = override.find(_w("lvl"))
            if lvl is not None:
                entry.levels[ilvl] = _level(lvl)
        nums[num.get(_w("numId"), "")] = entry
    return nums


class _Numbering:
    """Labels of automatically numbered paragraphs, counted in document order.

    Counters belong to the abstract list, as in Word: list instances (w:num) that share one
    continue each other's count, and an instance with a start override restarts that level where
    it is first used. Using a level restarts the deeper levels unless their w:lvlRestart says not.
    """

    def __init__(self, root: etree._Element | None, styles: _Styles) -> None:
        self._styles = styles
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._style_links: dict[str, str] = {}
        self._nums: dict[str, _Num] = {} if root is None else _nums(root)
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[tuple[str, int]] = set()
        for abstract in () if root is None else root.iter(_w("abstractNum")):
            abstract_id = abstract.get(_w("abstractNumId"), "")
            self._abstract[abstract_id] = {
                _int(lvl.get(_w("ilvl")), 0, 0, 9) or 0: _level(lvl) for lvl in abstract.iter(_w("lvl"))
            }
            link = _val(abstract, "numStyleLink")
            if link is not None:
                self._style_links[abstract_id] = link

    def paragraph_label(self, p: etree._Element, style_id: str | None) -> str | None:
        """Count a paragraph if it is in a list and return the label Word shows before it."""
        num_pr = p.find(f"{_w('pPr')}/{_w('numPr')}")
        num_id = _val(num_pr, "numId") if num_pr is not None else None
        ilvl_text = _val(num_pr, "ilvl") if num_pr is not None else None
        ilvl = _int(ilvl_text, None, 0, 9)
        if num_id is None and style_id is not None:
            from_style = self._style_num(style_id)
            if from_style is not None:
                num_id = from_style[0]
                ilvl = ilvl if ilvl is not None else from_style[1]
                if ilvl is None:
                    ilvl = self._style_level(num_id, style_id)
        if num_id is None or num_id == "0":
            return None
        return self.label(num_id, ilvl or 0)

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Count one paragraph of list ``num_id`` at level ``ilvl`` and return its label."""
        resolved = self._resolve(num_id)
        level = resolved[1].get(ilvl) if resolved else None
        if resolved is None or level is None:
            return None
        abstract_id, levels = resolved
        counters = self._counters.setdefault(abstract_id, {})
        starts = self._nums[num_id].starts
        if ilvl in starts and (num_id, ilvl) not in self._started:
            self._started.add((num_id, ilvl))
            counters[ilvl] = starts[ilvl] - 1
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            deeper_level = levels.get(deeper)
            after = deeper if deeper_level is None or deeper_level.restart is None else deeper_level.restart
            if ilvl < after:
                del counters[deeper]
        return _format_label(level, levels, counters)

    def _resolve(self, num_id: str) -> tuple[str, dict[int, _Level]] | None:
        """The abstract list and levels of a list instance, following a numStyleLink once."""
        num = self._nums.get(num_id)
        if num is None:
            return None
        abstract_id = num.abstract
        linked_style = self._style_links.get(abstract_id)
        linked = self._style_num(linked_style) if linked_style else None
        if linked is not None and linked[0] in self._nums:
            abstract_id = self._nums[linked[0]].abstract
        levels = dict(self._abstract.get(abstract_id, {}))
        levels.update(num.levels)
        return abstract_id, levels

    def _style_num(self, style_id: str) -> tuple[str, int | None] | None:
        """The list (numId, ilvl) a paragraph style puts its paragraphs in."""
        for style in self._styles.chain(style_id):
            num_pr = style.find(f"{_w('pPr')}/{_w('numPr')}")
            num_id = _val(num_pr, "numId") if num_pr is not None else None
            if num_id is not None:
                ilvl = _val(num_pr, "ilvl")
                return num_id, _int(ilvl, None, 0, 9)
        return None

    def _style_level(self, num_id: str, style_id: str) -> int:
        """The level that names the paragraph's style in its w:pStyle (0 when none does)."""
        resolved = self._resolve(num_id)
        levels = resolved[1] if resolved else {}
        return next((ilvl for ilvl, level in sorted(levels.items()) if level.style == style_id), 0)


def _format_label(level: _Level, levels: dict[int, _Level], counters: dict[int, int]) -> str:
    """Fill a level's pattern ("%1.%2.") with the current counters in each level's format."""
    if level.fmt == "bullet":
        text = level.text.strip()
        # Symbol and Wingdings bullets are private-use characters: show them as a plain bullet
        return "•" if not text or all("\uf000" <= ch <= "\uf0ff" for ch in text) else text

    def number(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        ref = levels.get(index)
        value = counters.get(index, ref.start if ref else 1)
        return _format_number(value, "decimal" if level.legal or ref is None else ref.fmt)

    return re.sub(r"%([1-9])", number, level.text)


_ROMAN: tuple[tuple[int, str], ...] = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
)
_ROMAN += ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _format_number(value: int, fmt: str) -> str:
    """A counter in a Word number format (unknown formats fall back to decimal)."""
    if fmt == "none":
        return ""
    if fmt in ("lowerLetter", "upperLetter") and 0 < value <= 26 * MAX_LABEL:
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        out = []
        for amount, digits in _ROMAN:
            count, value = divmod(value, amount)
            out.append(digits * count)
        roman = "".join(out)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


# --- paragraph text -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Piece:
    text: str
    facts: _RunFacts


@dataclass(slots=True)
class _Field:
    instruction: str = ""
    showing_result: bool = False

    @property
    def page_number(self) -> bool:
        return self.instruction.strip().upper().startswith(_PAGE_FIELDS)


@dataclass(slots=True)
class _ParagraphText:
    """A paragraph's visible text as pieces with run facts, split into lines at line breaks."""

    lines: list[list[_Piece]] = field(default_factory=lambda: [[]])
    fields: list[_Field] = field(default_factory=list)
    tcvn3_fonts: set[str] = field(default_factory=set)

    def visible(self) -> bool:
        return all(f.showing_result and not f.page_number for f in self.fields)

    def add(self, text: str, facts: _RunFacts) -> None:
        """Add visible text; text in a TCVN3 font is decoded here, soft hyphens are dropped."""
        if not text or not self.visible():
            return
        if tcvn3.is_tcvn3_font(facts.font):
            assert facts.font is not None
            self.tcvn3_fonts.add(facts.font)
            text = tcvn3.decode(text, capitals=tcvn3.is_capital_font(facts.font))
        self.lines[-1].append(_Piece(text.replace("\u00ad", ""), facts))

    def joined_lines(self) -> list[list[_Piece]]:
        """Lines, but a line break before a lower-case word only wraps a sentence: keep it whole."""
        out = [self.lines[0]]
        for pieces in self.lines[1:]:
            starts_lower = "".join(p.text for p in pieces).lstrip()[:1].islower()
            if starts_lower and "".join(p.text for p in out[-1]).strip():
                out[-1] = [*out[-1], _Piece(" ", pieces[0].facts), *pieces]
            else:
                out.append(pieces)
        return out

    def field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append(_Field())
        elif kind == "separate" and self.fields:
            self.fields[-1].showing_result = True
        elif kind == "end" and self.fields:
            self.fields.pop()


_RUN_TEXT = {_w("t"): None, _w("tab"): "\t", _w("ptab"): "\t", _w("noBreakHyphen"): "-"}
_RUN_TEXT[_w("softHyphen")] = "\u00ad"  # invisible, except in TCVN3 text, where it is the letter ư


def _run(r: etree._Element, facts: _RunFacts, out: _ParagraphText) -> None:
    """Add one run's text: characters, tabs, line breaks, symbols; track fields."""
    for child in r:
        tag = child.tag
        if tag == _w("fldChar"):
            out.field_char(child.get(_w("fldCharType")))
        elif tag == _w("instrText"):
            if out.fields and not out.fields[-1].showing_result:
                out.fields[-1].instruction += child.text or ""
        elif tag in _RUN_TEXT:
            out.add(_RUN_TEXT[tag] or child.text or "", facts)
        elif tag in (_w("br"), _w("cr")) and out.visible():
            out.lines.append([])
        elif tag == _w("sym"):
            code = child.get(_w("char"), "")
            if re.fullmatch(r"[0-9A-Fa-f]{2,4}", code):
                out.add(scrub(chr(int(code, 16))), facts)  # D800–DFFF: a lone surrogate


def _paragraph_text(p: etree._Element, styles: _Styles, style_id: str | None) -> _ParagraphText:
    out = _ParagraphText()

    def walk(element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _NOT_TEXT:
                continue
            if tag == W_R:
                facts = styles.run_facts(child, style_id)
                if not facts.hidden:
                    _run(child, facts, out)
            elif tag == _w("fldSimple"):
                if not _Field(child.get(_w("instr"), ""), True).page_number:
                    walk(child)
            elif tag != W_TXBX:
                walk(child)  # hyperlinks, content controls, insertions, smart tags, mc:Choice

    walk(p)
    return out


def _text_boxes(p: etree._Element) -> list[etree._Element]:
    """Text boxes anchored in a paragraph (not their mc:Fallback copies, not boxes in boxes)."""
    boxes = []
    for box in p.iter(W_TXBX):
        parent = box.getparent()
        while parent is not None and parent is not p and parent.tag not in (W_TXBX, _MC_FALLBACK):
            parent = parent.getparent()
        if parent is p:
            boxes.append(box)
    return boxes


def _content(element: etree._Element) -> Iterator[etree._Element]:
    """Children, reading through content controls and other wrappers."""
    for child in element:
        if child.tag in _WRAPPERS:
            yield from _content(child)
        else:
            yield child


def _uniform(values: list[bool]) -> bool | None:
    return values[0] if values and all(v == values[0] for v in values) else None


# --- the walk -----------------------------------------------------------------------------------


class _Reader:
    """Walks the document and collects its lines."""

    def __init__(self, document: docx.document.Document) -> None:
        self._document = document
        self._styles = _Styles(_part_element(document, RT.STYLES))
        self._numbering = _Numbering(_part_element(document, RT.NUMBERING), self._styles)
        self._lines: list[Line] = []
        self._prev: _Look | None = None
        self._tcvn3_fonts: set[str] = set()
        self._tcvn3_guessed = False

    def read(self) -> list[Line]:
        body = self._document.element.body
        section = next(body.iter(_w("sectPr")), None)
        self._page_one_part(section, "headerReference", "h.")
        self._blocks(body, "", None)
        self._page_one_part(section, "footerReference", "f.")
        self._lines = _tab_columns(self._lines)
        if not self._tcvn3_fonts and tcvn3.looks_like_tcvn3("\n".join(line.text for line in self._lines)):
            for line in self._lines:
                line.text = tcvn3.decode(line.text)
            self._tcvn3_guessed = True
        return self._lines

    def notes(self) -> list[ReaderNote]:
        if self._tcvn3_fonts:
            fonts = ", ".join(sorted(self._tcvn3_fonts))
            return [ReaderNote("legacy_encoding", f"text in TCVN3 fonts ({fonts}) converted to Unicode")]
        if self._tcvn3_guessed:
            return [ReaderNote("legacy_encoding", tcvn3.TCVN3_GUESSED)]
        return []

    def _page_one_part(self, section: etree._Element | None, reference: str, prefix: str) -> None:
        """The header or footer of page 1 when it holds text (page numbers are left out).

        A first-page header or footer is read; without one, the default header is read (it is on
        page 1 too) but not the default footer, which repeats on every page.
        """
        if section is None:
            return
        first_page = bool(_on(section.find(_w("titlePg"))))
        if reference == "footerReference" and not first_page:
            return
        wanted = "first" if first_page else "default"
        for ref in section.iter(_w(reference)):
            if ref.get(_w("type"), "default") == wanted:
                part = self._document.part.related_parts.get(ref.get(qn("r:id"), ""))
                if part is not None:
                    self._blank()
                    self._blocks(part.element, prefix, None)
                    self._blank()

    def _blocks(self, container: etree._Element, prefix: str, column: str | None) -> None:
        """Paragraphs and tables of a body, cell, text box, header or footer, in order."""
        self._prev = None
        paragraphs = tables = 0
        for child in _content(container):
            if child.tag == W_P:
                self._paragraph(child, f"{prefix}p{paragraphs}", column)
                paragraphs += 1
            elif child.tag == W_TBL:
                self._table(child, f"{prefix}t{tables}", column)
                tables += 1

    def _paragraph(self, p: etree._Element, block: str, column: str | None) -> None:
        style_id = self._styles.paragraph_style(p)
        look = self._styles.look(p, style_id)
        label = self._numbering.paragraph_label(p, style_id)
        if self._reads_as_blank(look):
            self._blank()
        self._prev = look
        text = _paragraph_text(p, self._styles, style_id)
        self._tcvn3_fonts |= text.tcvn3_fonts
        lines = [self._line(pieces, block, column) for pieces in text.joined_lines()]
        if label:
            lines[0].text = f"{label} {lines[0].text}" if lines[0].text.strip() else label
        if any(line.text.strip() for line in lines):
            self._lines.extend(lines)
        else:
            self._blank()
        for index, box in enumerate(_text_boxes(p)):
            self._blank()
            self._blocks(box, f"{block}.x{index}.", column)
            self._blank()
            self._prev = look

    def _reads_as_blank(self, look: _Look) -> bool:
        """Is the space between the previous paragraph and this one a blank line on the page?"""
        prev = self._prev
        if prev is None or (look.contextual and prev.contextual and look.style == prev.style):
            return False
        if prev.centered and look.centered:
            return False  # a centred group: title and subject, a signer block
        return prev.after + look.before >= BLANK_GAP_PT

    def _table(self, tbl: etree._Element, block: str, column: str | None) -> None:
        """Rows in order, each row's cells left to right; a blank line around every cell."""
        layout = column is None and self._styles.borderless(tbl)
        self._blank()
        for r, row in enumerate(c for c in _content(tbl) if c.tag == W_TR):
            cells = [c for c in _content(row) if c.tag == W_TC]
            for c, cell in enumerate(cells):
                side = column
                if layout and len(cells) >= 2:
                    side = "left" if c == 0 else "right" if c == len(cells) - 1 else None
                self._blocks(cell, f"{block}.r{r}.c{c}.", side)
                self._blank()
        self._prev = None

    def _line(self, pieces: list[_Piece], block: str, column: str | None) -> Line:
        inked = [piece.facts for piece in pieces if piece.text.strip()]
        sizes = {facts.size for facts in inked}
        return Line(
            text="".join(piece.text for piece in pieces),
            block=block,
            column=column,
            bold=_uniform([facts.bold for facts in inked]),
            italic=_uniform([facts.italic for facts in inked]),
            size=sizes.pop() if len(sizes) == 1 else None,
        )

    def _blank(self) -> None:
        """An empty line, unless the last line is already blank (or there is none yet)."""
        if self._lines and self._lines[-1].text.strip():
            self._lines.append(Line(text=""))


# --- two columns made with tabs -----------------------------------------------------------------

TAB_COLUMN_MAX = 100  # longer lines are running text, not a column layout
_INNER_TAB_RE = re.compile(r"\S[ \t]*\t[ \t]*\S")
_TAB_SPLIT_RE = re.compile(r"^[ \t]*(?P<left>.*?)[ \t]*\t[ \t]*(?P<right>.*?)[ \t]*$")


def _tab_columns(lines: list[Line]) -> list[Line]:
    """Undo headers and footers laid out in two columns with tabs ("Nơi nhận:<tab>TM. UBND").

    A run of short lines, two or more of which have text on both sides of a tab, becomes its left
    column, then a blank line, then its right column, as a borderless table would read.
    """
    out: list[Line] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _short_flow_line(lines[j]):
            j += 1
        if sum(1 for line in lines[i:j] if _INNER_TAB_RE.search(line.text)) >= 2:
            out.extend(_split_columns(lines[i:j]))
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out


def _short_flow_line(line: Line) -> bool:
    return line.column is None and bool(line.text.strip()) and len(line.text) <= TAB_COLUMN_MAX


def _split_columns(block: list[Line]) -> list[Line]:
    left: list[Line] = []
    right: list[Line] = []
    for line in block:
        match = _TAB_SPLIT_RE.match(line.text)
        if match is None:
            left.append(dataclasses.replace(line, column="left"))
            continue
        if match.group("left"):
            left.append(dataclasses.replace(line, text=match.group("left"), column="left"))
        if match.group("right"):
            right.append(dataclasses.replace(line, text=match.group("right"), column="right"))
    return [*left, Line(text=""), *right]
