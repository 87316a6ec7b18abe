"""The review page: every extracted value highlighted in place, all document text escaped, and
the page shown in headless Chromium (the marks visible, a <script> in the text not run)."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import vbdieuhanh
from vbdieuhanh.cli import main
from vbdieuhanh.review import Mark, highlight, marks, render_review

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "samples" / "kiengiang_114-BCD-KGVX_2021.txt"
HOSTILE = "<script>document.body.setAttribute('data-pwned','script')</script>"
HOSTILE_IMG = "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">"


def _hostile_document() -> vbdieuhanh.Document:
    """The Kiên Giang letter with markup written into its subject and a task."""
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("V/v tiếp tục đẩy mạnh công", f"V/v tiếp tục {HOSTILE} đẩy mạnh công", 1)
    text = text.replace("Tăng cường các hoạt động", f"Tăng cường {HOSTILE_IMG} các hoạt động", 1)
    document = vbdieuhanh.parse_text(text)
    document.file = "hostile </script><b>name</b>.txt"
    return document


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict[str, str | None]] = []
        self.scripts: list[dict[str, str | None]] = []
        self.images = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "mark":
            self.marks.append(dict(attrs))
        elif tag == "script":
            self.scripts.append(dict(attrs))
        elif tag == "img":
            self.images += 1


def test_highlight_nests_and_splits_crossing_spans() -> None:
    text = "abcdefghij"
    spans = [
        Mark(0, 6, "task", "t", "T", "a0"),
        Mark(2, 4, "lead", "l", "L", "a1"),
        Mark(5, 8, "x", "x", "X", "a2"),
    ]
    out = highlight(text, spans)
    assert re.sub(r"<[^>]+>", "", out) == text
    assert out.count("<mark") == 4  # the crossing span is split in two pieces
    assert out.count('id="a2"') == 1 and out.count('data-for="a2"') == 2
    assert out.count("<mark") == out.count("</mark>")


def test_every_value_with_a_source_is_marked() -> None:
    document = vbdieuhanh.parse_file(SEED)
    found = marks(document)
    kinds = {m.kind for m in found}
    assert {"issuer", "parent", "number_symbol", "issue_date", "place", "subject", "addressee"} <= kinds
    assert {"recipient", "signer", "signer_name", "task", "lead", "citation"} <= kinds
    by_kind = {m.kind: document.text[m.start : m.end] for m in found}
    assert by_kind["number_symbol"] == "114/BCĐ-KGVX"
    assert by_kind["issue_date"] == "ngày 04 tháng 6 năm 2021"
    assert sum(m.kind == "task" for m in found) == len(document.iter_tasks())
    assert sum(m.kind == "citation" for m in found) == len(document.citations)


def test_document_text_is_escaped_everywhere() -> None:
    page = render_review([(_hostile_document(), "0" * 64)])
    assert HOSTILE not in page and HOSTILE_IMG not in page and "<b>name</b>" not in page
    collected = _Collect()
    collected.feed(page)
    assert collected.images == 0
    assert [s.get("type") for s in collected.scripts] == ["application/json", None]
    data = json.loads(re.search(r'id="vbdh-data"[^>]*>(.*?)</script>', page, re.S)[1])  # type: ignore[index]
    assert HOSTILE in data[0]["record"]["subject"]  # the value is intact, only written safely


def test_review_command_writes_one_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "review.html"
    assert (
        main(["review", str(SEED), str(ROOT / "samples" / "laichau_UBND-VX_2021-03.txt"), "--html", str(out)])
        == 0
    )
    page = out.read_text(encoding="utf-8")
    assert page.count('<section class="doc"') == 2
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() in page
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page
    assert str(out) in capsys.readouterr().err  # "đã ghi …" (Vietnamese by default), "wrote …" with --lang en


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(_chromium() is None, reason="no Chromium on this machine (apt-get install chromium)")
def test_page_in_headless_chromium(tmp_path: Path) -> None:
    page = tmp_path / "review.html"
    document = _hostile_document()
    page.write_text(render_review([(document, "0" * 64)]), encoding="utf-8")
    profile = f"--user-data-dir={tmp_path / 'profile'}"
    browser = [_chromium() or "", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--no-first-run", profile, "--virtual-time-budget=3000"]  # fmt: skip
    dom = subprocess.run(
        [*browser, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    body = re.search(r"<body([^>]*)>", dom)
    assert body is not None
    assert "data-pwned" not in body[1]  # neither the <script> nor the onerror handler ran
    assert "&lt;script&gt;document.body.setAttribute" in dom
    visible = re.search(r'data-marks-visible="(\d+)"', body[1])
    assert visible is not None and int(visible[1]) == len(marks(document))  # the page script ran
    for value in ("114/BCĐ-KGVX", "ngày 04 tháng 6 năm 2021", "Nguyễn Lưu Trung", "Công văn số 29/CV-BCĐQG"):
        assert re.search(r'<mark class="v [^"]*first[^"]*"[^>]*>' + re.escape(value), dom), value
    shot = tmp_path / "review.png"
    subprocess.run(
        [*browser, "--window-size=1400,2400", f"--screenshot={shot}", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")
