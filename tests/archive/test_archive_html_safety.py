"""Hostile markup in document fields stays text in every HTML page the project writes (the
follow-up report, ``followup --html``, and the review page, ``review --html``), checked in the
written HTML and in the DOM headless Chromium builds after running the page."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from browser import CHROMIUM, NO_CHROMIUM, dump_dom
from variants import committee_letter, national_letter

import vbdieuhanh
from vbdieuhanh.archive.report_html import SECTION_AT
from vbdieuhanh.cli import main
from vbdieuhanh.corrections import SCHEMA, apply_corrections
from vbdieuhanh.review import write_review

DIRECTIVE = "45/CV-BCĐQG"
LONG = "46/CV-BCĐQG"  # 16 tasks: the report's matrix has one row per task, by section
# each payload marks what it would create with an id starting 'pwned', and what it would run
# with data-pwned on <body> or 'PWNED' in the title
TITLE = "<script>document.title='PWNED'</script>"
CLOSE = "</script><script>document.body.setAttribute('data-pwned','close')</script>"
IMG = "\"><img src=x id=pwned-img onerror=\"document.body.setAttribute('data-pwned','img')\">"
SVG = "<svg id=pwned-svg onload=\"document.body.setAttribute('data-pwned','svg')\">"
LINK = "<a id=pwned-link href=\"javascript:document.body.setAttribute('data-pwned','link')\">xem</a>"
# header lines are upper case: the markup is, the script would not run, but an element would appear
UPPER_IMG = '"><IMG SRC=X ID=PWNED-ISSUER ONERROR="DOCUMENT.TITLE=1">'
UPPER_SVG = "<SVG ID=PWNED-BODY ONLOAD=ALERT(1)>"
FILE_IMG = "<img src=x id=pwned-file onerror=\"document.body.setAttribute('data-pwned','file')\">"
# fields the parser never fills with markup; set through a corrections file instead
NUMBER = f"121/BCĐ-CBVX{SVG.replace('pwned-svg', 'pwned-number')}"
SIGNER = f"Nguyễn Văn {IMG.replace('pwned-img', 'pwned-signer')}"
PAGE_TITLE = f"Rà soát </title>{IMG.replace('pwned-img', 'pwned-title')}"  # review --title
ASSIGNEE = f"Hội Chữ thập đỏ {SVG.replace('pwned-svg', 'pwned-assignee')}"
LEAD = "Ban Chỉ đạo vận động hiến máu tình nguyện các tỉnh, thành phố"


def _directive() -> str:
    """The national letter with markup in its subject, issuing body, two tasks, addressee, signer."""
    text = national_letter(45, date(2021, 7, 20), date(2021, 8, 31), f"tiếp tục đẩy mạnh {TITLE} hiến máu")
    for old, new in (
        ("VẬN ĐỘNG HIẾN MÁU TÌNH NGUYỆN\n", f"VẬN ĐỘNG HIẾN MÁU TÌNH NGUYỆN {UPPER_IMG}\n"),
        ("1. Tăng cường tuyên truyền,", f"1. Tăng cường tuyên truyền {CLOSE},"),
        ("2. Chủ động phối hợp", f"2. Chủ động {LINK} phối hợp"),
        ("Kính gửi: Ban Chỉ đạo", f"Kính gửi: {SVG} Ban Chỉ đạo"),
        ("PHÓ TRƯỞNG BAN\n", f"PHÓ TRƯỞNG BAN {UPPER_IMG.replace('ISSUER', 'POSITION')}\n"),
        ("Nguyễn Văn Thành", f"Nguyễn Văn Thành {IMG}"),  # the parser keeps no name then
        ("Số: 45/CV-BCĐQG", f"Số: 45/CV-BCĐQG{IMG}"),  # nor markup in the number
    ):
        assert old in text
        text = text.replace(old, new, 1)
    return text


def _long_directive() -> str:
    """A national letter of 16 tasks, the fourth with markup."""
    text = national_letter(46, date(2021, 7, 22), date(2021, 8, 31), "các nội dung trọng tâm")
    head, rest = text.split("1. Tăng cường", 1)
    tasks = [f"{i}. Tổ chức tuyên truyền hiến máu tình nguyện đợt {i} tại địa phương." for i in range(1, 17)]
    tasks[3] = f"4. Tổ chức hiến máu {CLOSE} tại địa phương."
    return head + "\n\n".join(tasks) + "\n\n" + rest[rest.index("Nơi nhận:") :]


def _response(province: str, number: int, lag: int) -> str:
    """A province's letter carrying the directive out, with markup in its subject and issuer."""
    cited = f"Công văn số {DIRECTIVE} ngày 20/7/2021"  # no issuer: the hostile one would not match
    text = committee_letter(province, number, date(2021, 7, 20) + timedelta(days=lag), cited)
    text = text.replace("V/v tiếp tục đẩy mạnh công", f"V/v tiếp tục {IMG} đẩy mạnh công", 1)
    return text.replace("MÁU TÌNH NGUYỆN**", f"MÁU TÌNH NGUYỆN {UPPER_SVG}**", 1)


@dataclass
class Pages:
    """The pages written from the hostile letters, and the records they were written from."""

    reports: dict[str, tuple[Path, dict[str, Any]]]  # number → the page, the JSON of the follow-up
    review: Path
    documents: list[vbdieuhanh.Document]
    corrected_review: Path
    corrected: vbdieuhanh.Document
    folder: Path


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Pages:
    folder = tmp_path_factory.mktemp("html")
    letters = folder / "letters"
    letters.mkdir()
    files = {
        "BCDQG_45.txt": _directive(),
        "BCDQG_46.txt": _long_directive(),
        f"LC_120 {FILE_IMG}.txt": _response("Lai Châu", 120, 9),
        "CB_121.txt": _response("Cao Bằng", 121, 10),
    }
    for name, text in files.items():
        (letters / name).write_text(text, encoding="utf-8")
    assignees = [{"name": LEAD, "role": "lead"}, {"name": ASSIGNEE, "role": "coordinate"}]
    fixes = {
        "CB_121.txt": {"number_symbol": NUMBER},
        "BCDQG_45.txt": {"task[2].assignees": assignees},
        "BCDQG_46.txt": {"task[4].assignees": assignees},
    }
    entries = [
        {"file": name, "sha256": hashlib.sha256((letters / name).read_bytes()).hexdigest(), "set": values}
        for name, values in fixes.items()
    ]
    corrections = folder / "corrections.json"
    corrections.write_text(json.dumps({"schema": SCHEMA, "documents": entries}), encoding="utf-8")
    db = str(folder / "archive.db")
    ingest = ["-q", "ingest", str(letters), "--db", db, "--workers", "0", "--corrections", str(corrections)]
    assert main(ingest) == 0
    reports = {}
    for number in (DIRECTIVE, LONG):
        report, data = folder / f"report-{number[:2]}.html", folder / f"followup-{number[:2]}.json"
        followup = ["followup", number, "--db", db, "--as-of", "2021-10-01", "-f", "json", "-o", str(data)]
        assert main([*followup, "--html", str(report)]) == 0
        reports[number] = (report, json.loads(data.read_text(encoding="utf-8")))
    paths = sorted(letters.iterdir())
    review = folder / "review.html"
    assert main(["review", *map(str, paths), "--html", str(review), "--title", PAGE_TITLE]) == 0
    documents = [vbdieuhanh.parse_file(p) for p in paths]
    directive = next(d for d in documents if d.file and d.file.endswith("BCDQG_45.txt"))
    corrected = apply_corrections(directive, {"number_symbol": NUMBER, "signer.name": SIGNER})
    corrected_review = write_review([(corrected, "0" * 64)], folder / "corrected.html")
    return Pages(reports, review, documents, corrected_review, corrected, folder)


# ---- reading a page --------------------------------------------------------------------------------


@dataclass
class Page:
    """What a page holds: its elements, its title, its text and its attribute values."""

    elements: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    title: str = ""
    text: str = ""
    values: list[str] = field(default_factory=list)

    def find(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.elements if name == tag]

    def holds(self, value: str) -> bool:
        """Is ``value`` shown as text, or held whole in an attribute (a tooltip, an input's value)?"""
        return value in self.text or any(value in v for v in self.values)


VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.open: list[str] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.page.elements.append((tag, values))
        self.page.values += values.values()
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        where = self.open[-1] if self.open else ""
        if where == "title" and "svg" not in self.open and not self.page.title:
            self.page.title = data
        if where not in ("script", "style"):
            self.parts.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = "".join(self.parts)


def _read(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page


def _inert(page: Page, own_scripts: int, own_svgs: int) -> None:
    """Nothing a payload would create or run is there: no element of its, no handler, no script or
    image beyond the page's own, no javascript: link, no mark of a run on <body> or in the title."""
    assert [a for a in page.find("body") if "data-pwned" in a] == []
    assert page.title.strip() != "PWNED"
    created = [
        (tag, attrs) for tag, attrs in page.elements if attrs.get("id", "").lower().startswith("pwned")
    ]
    assert created == []
    handlers = [(tag, name) for tag, attrs in page.elements for name in attrs if name.startswith("on")]
    assert handlers == []
    assert len(page.find("script")) == own_scripts and page.find("img") == []
    assert len(page.find("svg")) == own_svgs
    assert [a for a in page.find("a") if a.get("href", "").strip().lower().startswith("javascript:")] == []


def _static(html: str, own_scripts: int) -> None:
    """In the written file itself: no '<script' but the page's own, no tag of a payload (its
    handlers, parsed, are checked by ``_inert``: a quoted title may hold the words 'onerror=')."""
    assert len(re.findall(r"<script\b", html, re.I)) == own_scripts
    assert not re.search(r"<(?:img|a|svg)\b[^>]*\bid=\"?pwned", html, re.I)


# ---- the payloads reached the fields ---------------------------------------------------------------


def _followup_fields(pages: Pages, number: str) -> dict[str, str]:
    """A follow-up's hostile values, as the archive gave them back."""
    data = pages.reports[number][1]
    directive, tasks = data["directive"], {t["path"]: t for t in data["tasks"]}
    if number == LONG:
        return {"task 4": tasks["4"]["text"], "task 4 coordinate": tasks["4"]["assignees"][-1]["name"]}
    responses = {r["province"]: r for r in data["responses"]}
    return {
        "directive subject": directive["subject"],
        "directive issuer": directive["issuer"],
        "directive id": directive["id"],
        "task 1": tasks["1"]["text"],
        "task 2": tasks["2"]["text"],
        "task 2 coordinate (corrected)": tasks["2"]["assignees"][-1]["name"],
        "response subject": responses["Lai Châu"]["subject"],
        "response issuer": responses["Cao Bằng"]["issuer"],
        "response number (corrected)": responses["Cao Bằng"]["number_symbol"],
    }


def test_the_payloads_reached_the_fields(pages: Pages) -> None:
    """What the parser and the archive kept: else the pages would prove nothing."""
    fields = _followup_fields(pages, DIRECTIVE)
    assert TITLE in fields["directive subject"] and CLOSE in fields["task 1"] and LINK in fields["task 2"]
    assert IMG in fields["response subject"] and fields["response number (corrected)"] == NUMBER
    assert fields["task 2 coordinate (corrected)"] == ASSIGNEE
    assert len(pages.reports[LONG][1]["tasks"]) >= SECTION_AT
    assert _followup_fields(pages, LONG) == {"task 4": CLOSE.join(("Tổ chức hiến máu ", " tại địa phương.")),
                                             "task 4 coordinate": ASSIGNEE}  # fmt: skip
    for name in ("directive issuer", "directive id", "response issuer"):
        assert re.search(r"<(img|svg) ", fields[name], re.I), name  # the header's markup, its case changed
    directive = next(d for d in pages.documents if d.number_symbol == DIRECTIVE)
    assert directive.subject and TITLE in directive.subject
    assert directive.addressees[0].name.startswith(SVG)
    assert directive.signer and "<img" in (directive.signer.position or "").lower()
    # the parser refuses markup in a signer's name and in a number: there it comes from corrections
    assert directive.signer.name is None and directive.number_symbol == DIRECTIVE
    assert pages.corrected.number_symbol == NUMBER and pages.corrected.signer
    assert pages.corrected.signer.name == SIGNER
    assert any(d.file and FILE_IMG in d.file for d in pages.documents)


# ---- the pages -------------------------------------------------------------------------------------


REPORTS = pytest.mark.parametrize(("number", "svgs"), [(DIRECTIVE, 1), (LONG, 0)], ids=["45", "46"])


@REPORTS
def test_followup_report_written_escaped(pages: Pages, number: str, svgs: int) -> None:
    """``svgs``: the page's own (the timeline, when there are responses)."""
    html = pages.reports[number][0].read_text(encoding="utf-8")
    assert ('class="matrix grouped"' in html) is (number == LONG)  # both kinds of the matrix
    _static(html, own_scripts=0)
    page = _read(html)
    _inert(page, own_scripts=0, own_svgs=svgs)
    missing = [name for name, value in _followup_fields(pages, number).items() if not page.holds(value)]
    assert missing == []


def test_review_pages_written_escaped(pages: Pages) -> None:
    """The review page of the letters, and one of a record with a corrected number and signer."""
    for path in (pages.review, pages.corrected_review):
        html = path.read_text(encoding="utf-8")
        _static(html, own_scripts=2)
        _inert(_read(html), own_scripts=2, own_svgs=0)
    page = _read(pages.review.read_text(encoding="utf-8"))
    assert [name for name, value in _review_values(pages).items() if not page.holds(value)] == []


def _review_values(pages: Pages) -> dict[str, str]:
    directive = next(d for d in pages.documents if d.number_symbol == DIRECTIVE)
    assert directive.issuer and directive.signer and directive.subject
    tasks = {t.id: t.text for t in directive.iter_tasks()}
    return {
        "subject": directive.subject,
        "issuer": directive.issuer.name,
        "task 1": tasks["1"],
        "task 2": tasks["2"],
        "addressee": directive.addressees[0].name,
        "signer position": directive.signer.position or "",
        "file name": FILE_IMG,
        "--title": PAGE_TITLE,
    }


@REPORTS
@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_followup_report_in_chromium_runs_nothing(pages: Pages, number: str, svgs: int) -> None:
    """The report, opened: nothing ran or was created, every hostile value is shown as text."""
    page = _read(dump_dom(pages.reports[number][0], pages.folder / f"profile-report-{number[:2]}"))
    _inert(page, own_scripts=0, own_svgs=svgs)
    assert page.title == f"Theo dõi thực hiện Công văn {number}"
    missing = [name for name, value in _followup_fields(pages, number).items() if not page.holds(value)]
    assert missing == []


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_review_page_in_chromium_runs_nothing(pages: Pages) -> None:
    """The review page, opened: its own script ran, nothing else did; the values are text."""
    page = _read(dump_dom(pages.review, pages.folder / "profile-review"))
    _inert(page, own_scripts=2, own_svgs=0)
    assert [a.get("data-marks-visible") for a in page.find("body")] != [None]  # the page's own script ran
    assert page.title == PAGE_TITLE
    missing = [name for name, value in _review_values(pages).items() if not page.holds(value)]
    assert missing == []


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_corrected_review_page_in_chromium_runs_nothing(pages: Pages) -> None:
    """The number and signer's name a corrections file set, in the review page's fields."""
    page = _read(dump_dom(pages.corrected_review, pages.folder / "profile-corrected"))
    _inert(page, own_scripts=2, own_svgs=0)
    assert page.holds(NUMBER) and page.holds(SIGNER)


# ---- the pages' content security policy ---------------------------------------------------------------

PLANTED = (
    "<script>document.body.setAttribute('data-pwned','script')</script>"
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">"
)


def _planted(path: Path, folder: Path) -> Path:
    """A copy of a written page with markup planted in its body, as if an escape had been missed."""
    planted = folder / f"planted-{path.name}"
    planted.write_text(path.read_text(encoding="utf-8").replace("<body>", "<body>" + PLANTED, 1), "utf-8")
    return planted


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_followup_report_policy_stops_a_planted_script(pages: Pages) -> None:
    """The report's policy allows no script at all: planted markup does not run."""
    planted = _planted(pages.reports[DIRECTIVE][0], pages.folder)
    page = _read(dump_dom(planted, pages.folder / "profile-planted-report"))
    assert len(page.find("script")) == 1  # the planted one is in the DOM, and did not run
    assert [a for a in page.find("body") if "data-pwned" in a] == []


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_review_page_policy_runs_only_its_own_script(pages: Pages) -> None:
    """The review page's policy allows its own script by hash: it runs, a planted one does not."""
    planted = _planted(pages.review, pages.folder)
    page = _read(dump_dom(planted, pages.folder / "profile-planted-review"))
    assert len(page.find("script")) == 3
    assert [a for a in page.find("body") if "data-pwned" in a] == []
    assert [a.get("data-marks-visible") for a in page.find("body")] != [None]  # the page's own script ran
