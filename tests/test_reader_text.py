"""Text files in the encodings archives hold: UTF-8, UTF-16, Windows-1258, and the 8-bit Vietnamese
font encodings TCVN3 (ABC) and VNI-Windows, as raw bytes or already mis-read into UTF-8.

The letters below are invented (no such number or body exists) but typed the way those encodings
store them: TCVN3 "C«ng v¨n" for "Công văn", VNI "Coâng vaên".
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

import vbdieuhanh
from vbdieuhanh.readers import read_file
from vbdieuhanh.readers.vni import decode as vni_decode
from vbdieuhanh.readers.vni import looks_like_vni

UNICODE_LETTER = (
    "ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 77/UBND-VX\nBình Định, ngày 14 tháng 8 năm 2024\nV/v tăng cường công tác phòng chống dịch\n"
    "Kính gửi: Sở Y tế\nỦy ban nhân dân tỉnh đề nghị Sở Y tế chủ trì thực hiện./.\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn An\n"
)
VNI_LETTER = (
    "UÛY BAN NHAÂN DAÂN\nTÆNH BÌNH ÑÒNH\nCOÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM\n"
    "Ñoäc laäp - Töï do - Haïnh phuùc\nSoá: 77/UBND-VX\nBình Ñònh, ngaøy 14 thaùng 8 naêm 2024\n"
    "V/v taêng cöôøng coâng taùc phoøng choáng dòch\nKính göûi: Sôû Y teá\n"
    "Uûy ban nhaân daân tænh ñeà nghò Sôû Y teá chuû trì thöïc hieän./.\n"
    "Nôi nhaän:\n- Nhö treân;\n- Löu: VT.\nCHUÛ TÒCH\nNguyeãn Vaên An\n"
)
TCVN3_LETTER = (
    "UBND TØNH B×NH §ÞNH\nCéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM\n§éc lËp - Tù do - H¹nh phóc\n"
    "Sè: 77/UBND-VX\nB×nh §Þnh, ngµy 14 th¸ng 8 n¨m 2024\nV/v t¨ng c­êng c«ng t¸c phßng chèng dÞch\n"
    "KÝnh göi: Së Y tÕ\nUû ban nh©n d©n tØnh ®Ò nghÞ Së Y tÕ chñ tr× thùc hiÖn./.\n"
)


def _header(document: vbdieuhanh.Document) -> tuple[str | None, str | None, str | None]:
    return document.number_symbol, document.issue_date, document.issuer.name if document.issuer else None


def test_vni_table_decodes_the_letters_of_a_real_header() -> None:
    assert vni_decode("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM") == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert vni_decode("Ñoäc laäp - Töï do - Haïnh phuùc") == "Độc lập - Tự do - Hạnh phúc"
    assert vni_decode("Uûy ban nhaân daân tænh ñeà nghò") == "Ủy ban nhân dân tỉnh đề nghị"
    assert vni_decode(VNI_LETTER) == UNICODE_LETTER


@pytest.mark.parametrize(
    "text",
    [UNICODE_LETTER, "Café crème brûlée à la française, naïve façade", "Señor Muñoz, año"],
)
def test_unicode_and_other_latin_text_is_not_taken_for_vni(text: str) -> None:
    assert not looks_like_vni(text)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("vni-bytes.txt", VNI_LETTER.encode("latin-1")),
        ("vni-in-utf8.txt", VNI_LETTER.encode("utf-8")),
        ("tcvn3-in-utf8.txt", TCVN3_LETTER.encode("utf-8")),
        ("tcvn3-bytes.txt", TCVN3_LETTER.encode("latin-1")),
    ],
)
def test_legacy_text_files_are_converted_with_a_note(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    layout = read_file(path)
    assert [note.code for note in layout.notes] == ["legacy_encoding"]
    document = vbdieuhanh.parse_file(path)
    assert document.number_symbol == "77/UBND-VX"
    assert document.issue_date == "2024-08-14"
    assert document.issuer is not None and document.issuer.province == "Bình Định"


def test_tcvn3_bytes_that_are_not_utf8_are_read_as_tcvn3(tmp_path: Path) -> None:
    """Raw TCVN3 bytes are not UTF-8: they are read byte for byte, not as Windows-1258."""
    path = tmp_path / "cong-van.txt"
    path.write_bytes(TCVN3_LETTER.encode("latin-1"))
    layout = read_file(path)
    text = "\n".join(line.text for line in layout.lines)
    assert "UBND TỈNH BÌNH ĐỊNH\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text  # capitals by the line's case
    assert "Bình Định, ngày 14 tháng 8 năm 2024" in text
    assert layout.notes[0].message.startswith("the text looked like TCVN3")


def test_vni_html_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cong-van.htm"
    body = "".join(f"<p>{line}</p>" for line in VNI_LETTER.splitlines())
    path.write_bytes(f"<html><body>{body}</body></html>".encode("latin-1"))
    document = vbdieuhanh.parse_file(path)
    assert _header(document) == ("77/UBND-VX", "2024-08-14", "Ủy ban nhân dân tỉnh Bình Định")
    assert "legacy_encoding" in [warning.code for warning in document.warnings]


def test_windows_1258_text_still_decodes_with_its_note(tmp_path: Path) -> None:
    """Windows-1258 keeps ơ, ư, â … whole and writes tone marks apart ('Sở' = S, ơ, hook above)."""
    path = tmp_path / "cp1258.txt"
    path.write_bytes(b"K\xednh g\xfd\xd2i: S\xf5\xd2 Y t\xea\xec")
    layout = read_file(path)
    assert unicodedata.normalize("NFC", layout.lines[0].text) == "Kính gửi: Sở Y tế"
    assert layout.notes[0].message == "not valid UTF-8; decoded as Windows-1258"
