"""Long and repetitive lists: every item kept, short ids, work that grows with the list."""

from __future__ import annotations

import vbdieuhanh

HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\nSố: 12/UBND-VX\nKiên Giang, ngày 05 tháng 01 năm 2021\n"
    "V/v triển khai nhiệm vụ\nKính gửi: Sở Y tế\n"
)


def test_lists_of_more_than_99_items_keep_every_item() -> None:
    """Items 100 and on were glued into item 99 (a two-digit label limit): data lost."""
    text = HEAD + "".join(f"{i}. Sở Y tế thực hiện việc số {i}.\n" for i in range(1, 151))
    tasks = vbdieuhanh.parse_text(text).tasks
    assert [t.id for t in tasks] == [str(i) for i in range(1, 151)]
    assert tasks[-1].text == "Sở Y tế thực hiện việc số 150."


def test_an_amount_at_the_start_of_a_line_is_no_item_label() -> None:
    text = HEAD + "1. Mức hỗ trợ các phường:\n400.000.000 đồng cho mỗi phường.\n2. Sở Y tế thực hiện.\n"
    tasks = vbdieuhanh.parse_text(text).tasks
    assert [t.id for t in tasks] == ["1", "2"]
    assert "400.000.000" in tasks[0].text


def test_items_all_labelled_alike_get_short_ids() -> None:
    """Thousands of items all labelled '1.' gave ids of thousands of primes (36 MB of JSON)."""
    text = HEAD + "".join(f"1. Sở Y tế thực hiện việc số {i}.\n" for i in range(2000))
    ids = [t.id for t in vbdieuhanh.parse_text(text).tasks]
    assert ids[:5] == ["1", "1'", "1''", "1'''", "1'4"]
    assert len(ids) == len(set(ids)) == 2000
    assert max(map(len, ids)) <= len("1'2000")
