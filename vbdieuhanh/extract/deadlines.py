"""Deadlines of tasks: 'trước ngày 30/6/2021', 'trong quý II năm 2019', 'hằng tháng'…"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import recurrences
from ..models import Deadline
from ..normalize import squash
from .context import Context
from .patterns import LONG_DATE_RE, NUMERIC_DATE_RE, date_from_match
from .prefilter import Prefiltered

# all patterns are in lower case and run on the lower-cased text (Context.hits(..., lower=True))
_BY_WORDS = (
    "trước",
    "chậm nhất",
    "muộn nhất",
    "hạn chót",
    "hạn cuối",
    "không quá",
    "xong trong",
    "hoàn thành trong",
    "trong thời hạn đến",
)
# "trước ngày 30/6/2021", "chậm nhất vào ngày 25/12", "trước 17h00 ngày 10/12/2025": the match ends
# where the date (with its "ngày") begins
_BY_RE = Prefiltered(
    re.compile(
        r"(?:trước|chậm nhất(?:\s+(?:là|vào))*|muộn nhất|hạn chót(?:\s+là)?|hạn cuối|không quá|xong trong|"
        r"hoàn thành trong|trong thời hạn đến)\s*"
        r"(?:(?:\d{1,2}\s*(?:giờ|h)\s*(?:\d{1,2}\s*(?:phút|')?)?)\s*,?\s*)?(?=(?:ngày\s*)?\d)"
    ),
    _BY_WORDS,
)
# "vào ngày 20/5/2025", "vào lúc 14 giờ 00 ngày 28/4/2026": the day something takes place
_ON_RE = Prefiltered(
    re.compile(
        r"vào(?:\s+lúc)?\s*(?:\d{1,2}\s*(?:giờ|h)\s*(?:\d{1,2}\s*(?:phút|')?)?\s*,?\s*)?(?=ngày\s*\d)"
    ),
    ("vào",),
)
_NGAY_RE = re.compile(r"ngày\s*")
_LONG_DAY_MONTH_RE = re.compile(r"ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})(?!\s*(?:năm|/)\s*\d)")
_DAY_MONTH_RE = re.compile(r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?![\d/])")
_WITHIN = ("trong ", "hết ", "cuối ", "trước hết ", "ngay trong ")
_QUARTER_RE = Prefiltered(
    re.compile(
        r"(?:trong|trước hết|hết|cuối)\s+quý\s+(?P<q>iv|i{1,3}|[1-4])(?:\s*(?:năm|/)\s*(?P<y>\d{4}))?"
    ),
    tuple(w + "quý" for w in _WITHIN),
)
_MONTH_RE = Prefiltered(
    re.compile(r"(?:trong|hết|cuối)\s+tháng\s+(?P<m>\d{1,2})\s*(?:năm|/)\s*(?P<y>\d{4})"),
    tuple(w + "tháng" for w in _WITHIN),
)
_YEAR_RE = Prefiltered(
    re.compile(r"(?:trong|hết|cuối|ngay trong)\s+năm\s+(?P<y>\d{4})"), tuple(w + "năm" for w in _WITHIN)
)
_PERIOD_RE = Prefiltered(
    re.compile(r"định kỳ\s+(?P<n>\d{1,2})\s*(?P<unit>ngày|tuần|tháng|năm)\s*/\s*lần"), ("định kỳ",)
)
_QUARTER_END = {
    "i": "03-31",
    "ii": "06-30",
    "iii": "09-30",
    "iv": "12-31",
    "1": "03-31",
    "2": "06-30",
    "3": "09-30",
    "4": "12-31",
}
_UNIT_RECURRENCE = {"ngày": "daily", "tuần": "weekly", "tháng": "monthly", "năm": "yearly"}


@cache
def _recurrence_re() -> Prefiltered:
    phrases = [phrase for phrase, _ in recurrences()]
    alternation = "|".join(re.escape(phrase) for phrase in phrases)
    return Prefiltered(re.compile(rf"(?:{alternation})(?!\w)"), tuple(phrases))


def _recurrence(ctx: Context, start: int, end: int) -> tuple[str, int, int] | None:
    """(recurrence, start, end) of 'hằng tháng', 'định kỳ 6 tháng'… in [start, end), the most
    specific first (a bare 'định kỳ' only when nothing says how often)."""
    lower = ctx.nt.lower
    found = [
        (dict(recurrences())[m.group(0)], m.start(), m.end())
        for m in ctx.hits(_recurrence_re(), start, end, lower=True)
        if m.start() == 0 or not lower[m.start() - 1].isalnum()
    ]
    specific = [item for item in found if item[0] not in ("periodic", "continuous")]
    best = specific or found
    return best[0] if best else None


_DUTY_NEAR_RE = re.compile(r"định kỳ|báo cáo|tổng hợp|gửi|công khai|cập nhật|họp")


def _is_a_schedule(ctx: Context, start: int, found: tuple[str, int, int]) -> bool:
    """'Hằng tháng tổ chức …', 'định kỳ hằng quý báo cáo': a schedule; 'Kế hoạch … hằng năm' is not."""
    lower = ctx.nt.lower
    if found[1] - start <= 3:
        return True
    window = lower[max(start, found[1] - 30) : found[2] + 30]
    return _DUTY_NEAR_RE.search(window) is not None


def find_deadline(ctx: Context, start: int, end: int) -> Deadline | None:
    """The first deadline stated in key[start:end], or None."""
    key = ctx.nt.flat
    text = ctx.nt.text
    recurring = _recurrence(ctx, start, end)

    def make(a: int, b: int, date: str | None, kind: str, recurrence: str | None = None) -> Deadline:
        return Deadline(
            text=squash(text[a:b]),
            date=date,
            kind=kind,
            recurrence=recurrence,
            source=ctx.source(a, b),
        )

    cues = [(m, "by") for m in ctx.hits(_BY_RE, start, end, lower=True)]
    cues += [(m, "on") for m in ctx.hits(_ON_RE, start, end, lower=True)]
    for by, cue_kind in sorted(cues, key=lambda cue: cue[0].start()):
        pos = by.end()
        ngay = _NGAY_RE.match(key, pos, end)
        after_ngay = ngay.end() if ngay else pos
        full = LONG_DATE_RE.match(key, pos, end) or NUMERIC_DATE_RE.match(key, after_ngay, end)
        if full is not None and (value := date_from_match(full)) is not None:
            return make(by.start(), full.end(), value.iso(), cue_kind)
        partial = _LONG_DAY_MONTH_RE.match(key, pos, end) or _DAY_MONTH_RE.match(key, after_ngay, end)
        if partial is not None:
            day, month = int(partial.group("d")), int(partial.group("m"))
            if 1 <= day <= 31 and 1 <= month <= 12:
                stop = partial.end()
                yearly = None
                if recurring and -40 <= recurring[1] - stop <= 12:  # "hằng năm (chậm nhất ngày 25/12)"
                    yearly = recurring[0]
                    stop = max(stop, recurring[2]) if recurring[1] > stop else stop
                kind = "recurring" if yearly else cue_kind
                return make(by.start(), stop, f"--{month:02d}-{day:02d}", kind, yearly)
    quarter = ctx.first_hit(_QUARTER_RE, start, end, lower=True)
    if quarter is not None:
        year = quarter.group("y")
        date = f"{year}-{_QUARTER_END[quarter.group('q')]}" if year else None
        return make(quarter.start(), quarter.end(), date, "within")
    in_month = ctx.first_hit(_MONTH_RE, start, end, lower=True)
    if in_month is not None and 1 <= int(in_month.group("m")) <= 12:
        date = f"{in_month.group('y')}-{int(in_month.group('m')):02d}"
        return make(in_month.start(), in_month.end(), date, "within")
    year = ctx.first_hit(_YEAR_RE, start, end, lower=True)
    if year is not None:
        return make(year.start(), year.end(), year.group("y"), "within")
    period = ctx.first_hit(_PERIOD_RE, start, end, lower=True)
    if period is not None:
        return make(period.start(), period.end(), None, "recurring", _UNIT_RECURRENCE[period.group("unit")])
    if (
        recurring is not None
        and recurring[0] not in ("continuous", "periodic")
        and _is_a_schedule(ctx, start, recurring)
    ):
        return make(recurring[1], recurring[2], None, "recurring", recurring[0])
    return None
