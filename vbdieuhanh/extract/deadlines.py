"""Deadlines of tasks: 'trước ngày 30/6/2021', 'trong quý II năm 2019', 'hằng tháng'…"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import deadline_context, recurrences, role_labels
from ..models import Deadline
from ..normalize import squash
from ..patterns import LONG_DATE_RE, NUMERIC_DATE_RE, date_from_match
from ..prefilter import Prefiltered, Scanner
from .context import Context

# all patterns are in lower case and run on the lower-cased text (Context.hits(..., lower=True));
# their words are in data/deadline_context.tsv, and each pattern's prefilter triggers are those words
_BY_WORDS = deadline_context()["by"]
# what may follow a word of _BY_WORDS before the date: "chậm nhất là", "chậm nhất vào", "hạn chót là"
_BY_TAILS = {"chậm nhất": r"(?:\s+(?:là|vào))*", "hạn chót": r"(?:\s+là)?"}
# "trước ngày 30/6/2021", "chậm nhất vào ngày 25/12", "trước 17h00 ngày 10/12/2025": the match ends
# where the date (with its "ngày") begins
_BY_RE = Prefiltered(
    re.compile(
        rf"(?:{'|'.join(re.escape(word) + _BY_TAILS.get(word, '') for word in _BY_WORDS)})\s*"
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
# a dict of the fields → a Deadline, validated as Deadline(...) does without the Python frame of its
# __init__ (as Context.source builds a Source)
_validate_deadline = Deadline.__pydantic_validator__.validate_python
_NGAY_RE = re.compile(r"ngày\s*")
_LONG_DAY_MONTH_RE = re.compile(r"ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})(?!\s*(?:năm|/)\s*\d)")
_DAY_MONTH_RE = re.compile(r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?![\d/])")


def _within(kind: str, period: str, rest: str) -> Prefiltered:
    """'trong quý II năm 2019', 'hết tháng 6/2025', 'ngay trong năm 2026': the words of ``kind``
    (data/deadline_context.tsv) before the ``period`` word, then ``rest``; the triggers are the words
    with the period word ('trong quý')."""
    words = deadline_context()[kind]
    alternation = "|".join(re.escape(word) for word in words)
    return Prefiltered(
        re.compile(rf"(?:{alternation})\s+{period}\s+{rest}"), tuple(f"{word} {period}" for word in words)
    )


_QUARTER_RE = _within("within_quarter", "quý", r"(?P<q>iv|i{1,3}|[1-4])(?:\s*(?:năm|/)\s*(?P<y>\d{4}))?")
_MONTH_RE = _within("within_month", "tháng", r"(?P<m>\d{1,2})\s*(?:năm|/)\s*(?P<y>\d{4})")
_YEAR_RE = _within("within_year", "năm", r"(?P<y>\d{4})")
# the value of a labelled time line under a plan's item ("Thời gian thực hiện: Tháng 12/2025", "Quý
# IV/2025", "Năm 2026"): the period the work is done in
_LABELLED_PERIOD_RE = re.compile(
    r"(?:quý\s+(?P<q>iv|i{1,3}|[1-4])\s*(?:năm|/)\s*(?P<qy>\d{4})"
    r"|tháng\s+(?P<m>\d{1,2})\s*(?:năm|/)\s*(?P<my>\d{4})|năm\s+(?P<y>\d{4}))(?!\d)"
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


@cache
def _recurrence_kinds() -> dict[str, str]:
    return dict(recurrences())


def _recurrences(ctx: Context, start: int, end: int) -> list[tuple[str, int, int]]:
    """(recurrence, start, end) of 'hằng tháng', 'định kỳ 6 tháng'… in [start, end): first those
    that 'định kỳ' announces ('căn cứ kế hoạch … hằng năm …, định kỳ hằng tháng rà soát' is
    monthly), then the other specific ones, then a bare 'định kỳ' or 'thường xuyên'."""
    lower = ctx.nt.lower
    found = [
        (_recurrence_kinds()[m.group(0)], m.start(), m.end())
        for m in ctx.hits(_recurrence_re(), start, end, lower=True)
        if m.start() == 0 or not lower[m.start() - 1].isalnum()
    ]
    if not found:
        return found
    specific = [item for item in found if item[0] not in ("periodic", "continuous")]
    announced = [item for item in specific if lower[max(start, item[1] - 9) : item[1]].strip() == "định kỳ"]
    rest = [item for item in specific if item not in announced]
    return announced + rest + [item for item in found if item not in specific]


def _words_alternation(kind: str) -> str:
    return "|".join(re.escape(w) for w in deadline_context()[kind])


@cache
def _duty_near_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_words_alternation('duty')})(?!\w)")


@cache
def _until_re() -> Prefiltered:
    """'đến 30/5/2026', 'đến hết ngày 15/4/2025': the match ends where the date begins."""
    words = deadline_context()["until"]
    return Prefiltered(re.compile(rf"(?:{_words_alternation('until')})\s+(?=(?:ngày\s*)?\d)"), words)


@cache
def _by_year_re() -> Prefiltered:
    """'trước năm 2010', 'kết thúc năm 2024'."""
    words = deadline_context()["by_year"]
    pattern = rf"(?:{_words_alternation('by_year')})\s+năm\s+(?P<y>(?:19|20)\d{{2}})(?!\d)"
    return Prefiltered(re.compile(pattern), words)


@cache
def _period_re() -> Prefiltered:
    """'trong thời hạn 05 ngày làm việc kể từ …', 'chậm nhất 10 ngày sau khi …' (not 'trong vòng 5
    năm qua')."""
    words = deadline_context()["period"]
    pattern = (
        rf"(?:{_words_alternation('period')})\s+(?:là\s+)?\d{{1,3}}\s+(?:ngày|tuần|tháng)"
        r"(?:\s+làm\s+việc)?(?!\s+qua\b)(?:\s+(?:kể\s+từ|sau\s+khi|sau)\b)?"
    )
    return Prefiltered(re.compile(pattern), words)


def _is_a_schedule(ctx: Context, start: int, found: tuple[str, int, int]) -> bool:
    """'Hằng tháng tổ chức …', 'định kỳ hằng quý báo cáo': a schedule; 'Kế hoạch … hằng năm' is not."""
    lower = ctx.nt.lower
    if found[1] - start <= 3 or lower[max(start, found[1] - 9) : found[1]].strip() == "định kỳ":
        return True
    before = lower[max(start, found[1] - 50) : found[1]]
    named = " ".join(lower[max(start, found[1] - 60) : found[1]].split()[-6:])
    if _attributive_re().search(named):  # "Kế hoạch … hằng năm": the plan's name, unless a duty
        return _duty_near_re().search(before) is not None and not named.endswith(
            tuple(deadline_context()["attributive"])
        )
    window = lower[max(start, found[1] - 45) : found[2] + 30]
    return _duty_near_re().search(window) is not None


@cache
def _attributive_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_words_alternation('attributive')})(?!\w)")


_YEAR_IN_DATE_RE = re.compile(r"(?:19|20)\d{2}")


def _issue_year(ctx: Context) -> int | None:
    """The year of the document's place-date line, if any."""
    seg = ctx.zones.place_date
    found = _YEAR_IN_DATE_RE.findall(ctx.nt.text[seg[0] : seg[1]]) if seg else []
    return int(found[-1]) if found else None


def _past(ctx: Context, year: str | None) -> bool:
    """Is ``year`` before the year the document was issued ('trước năm 1995' in a 2025 text)?"""
    issued = _issue_year(ctx)
    return year is not None and issued is not None and int(year) < issued


_FROM_DATE_RE = re.compile(r"(?<!\w)từ\s+(?:ngày\s*)?\d")


def _qualified(ctx: Context, start: int, cue: re.Match[str], kind: str) -> bool:
    """Do the few words before a cue make its date no time limit ('dự kiến khởi công trước ngày …',
    'tính đến ngày …', 'từ ngày … đến ngày …')?"""
    lower = ctx.nt.lower
    before = lower[max(start, cue.start() - 60) : cue.start()]
    if kind == "as_of" and _FROM_DATE_RE.search(before):
        return True
    near = " " + " ".join((before + cue.group(0)).split()[-10:]) + " "
    return any(f" {w} " in near for w in deadline_context()[kind])


@cache
def _time_label_re() -> Prefiltered:
    """'thời gian thực hiện: ', 'thời hạn: ' (data/role_labels.tsv, role time) where a line or
    sentence starts."""
    labels = [label for label, role in role_labels() if role == "time"]
    alternation = "|".join(re.escape(label) for label in labels)
    pattern = rf"(?:^|(?<=\n)|(?<=[.;:] ))(?:{alternation})\s*:\s*"
    return Prefiltered(re.compile(pattern), tuple({" ".join(label.split()[:2]) for label in labels}))


def labelled_deadline(ctx: Context, start: int, end: int) -> Deadline | None:
    """The deadline a labelled time line gives ('Thời gian thực hiện: Tháng 12/2025', '…: Hằng năm',
    '…: Trước ngày 30/6/2025'); None without such a line or when it says only 'thường xuyên'."""
    label = ctx.first_hit(_time_label_re(), start, end, lower=True)
    if label is None:
        return None
    lower = ctx.nt.lower
    stop = min(
        (i for i in (lower.find(".", label.end(), end), lower.find(";", label.end(), end)) if i >= 0),
        default=end,
    )
    period = _LABELLED_PERIOD_RE.match(lower, label.end(), stop)
    if period is not None:
        if period.group("q"):
            date = f"{period.group('qy')}-{_QUARTER_END[period.group('q')]}"
        elif period.group("m") and 1 <= int(period.group("m")) <= 12:
            date = f"{period.group('my')}-{int(period.group('m')):02d}"
        else:
            date = period.group("y")
        return _deadline(ctx, period.start(), period.end(), date, "within")
    for recurrence, a, b in _recurrences(ctx, label.end(), stop):
        if a == label.end() and recurrence not in ("continuous", "periodic"):
            return _deadline(ctx, a, b, None, "recurring", recurrence)
    return find_deadline(ctx, label.end(), stop)


def _deadline(
    ctx: Context, a: int, b: int, date: str | None, kind: str, recurrence: str | None = None
) -> Deadline:
    return _validate_deadline(
        {
            "text": squash(ctx.nt.text[a:b]),
            "date": date,
            "kind": kind,
            "recurrence": recurrence,
            "source": ctx.source(a, b),
        }
    )


@cache
def scanners() -> tuple[Scanner, ...]:
    """Every pattern find_deadline looks for: where none of them matches, there is no deadline."""
    return (
        _recurrence_re(),
        _BY_RE,
        _ON_RE,
        _until_re(),
        _QUARTER_RE,
        _MONTH_RE,
        _YEAR_RE,
        _by_year_re(),
        _period_re(),
        _PERIOD_RE,
    )


@cache
def read_scanners() -> tuple[Scanner, ...]:
    """Every pattern labelled_deadline and find_deadline look for (for ``Context.scan_together``)."""
    return (*scanners(), _time_label_re())


def find_deadline(ctx: Context, start: int, end: int) -> Deadline | None:
    """The first deadline stated in key[start:end], or None."""
    if not ctx.any_hit(scanners(), start, end, lower=True):
        return None  # most spans (every pattern below is one of scanners())
    key = ctx.nt.flat
    found_recurrences = _recurrences(ctx, start, end)
    recurring = found_recurrences[0] if found_recurrences else None
    cues = [(m, "by") for m in ctx.hits(_BY_RE, start, end, lower=True)]
    cues += [(m, "on") for m in ctx.hits(_ON_RE, start, end, lower=True)]
    cues += [(m, "until") for m in ctx.hits(_until_re(), start, end, lower=True)]
    for by, cue_kind in sorted(cues, key=lambda cue: cue[0].start()):
        until = cue_kind == "until"
        if until:
            if _qualified(ctx, start, by, "as_of"):
                continue  # "tính đến ngày 30/6", "từ ngày 01/4 đến ngày 30/4"
            cue_kind = "by"
        elif cue_kind == "by" and _qualified(ctx, start, by, "tentative"):
            continue  # "dự kiến khởi công trước ngày 30/4/2026": a plan, not a time limit
        pos = by.end()
        ngay = _NGAY_RE.match(key, pos, end)
        after_ngay = ngay.end() if ngay else pos
        full = LONG_DATE_RE.match(key, pos, end) or NUMERIC_DATE_RE.match(key, after_ngay, end)
        if full is not None and (value := date_from_match(full)) is not None:
            if until and _past(ctx, str(value.year)):
                continue  # "… được cấp đến ngày 31/12/2013" in a later text: a reference, no limit
            return _deadline(ctx, by.start(), full.end(), value.iso(), cue_kind)
        if until and ngay is None:
            continue  # "đến 1/5 chiều dài …": a bare day/month after "đến" is no date
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
                return _deadline(ctx, by.start(), stop, f"--{month:02d}-{day:02d}", kind, yearly)
    quarter = ctx.first_hit(_QUARTER_RE, start, end, lower=True)
    if quarter is not None:
        year = quarter.group("y")
        date = f"{year}-{_QUARTER_END[quarter.group('q')]}" if year else None
        return _deadline(ctx, quarter.start(), quarter.end(), date, "within")
    in_month = ctx.first_hit(_MONTH_RE, start, end, lower=True)
    if in_month is not None and 1 <= int(in_month.group("m")) <= 12:
        date = f"{in_month.group('y')}-{int(in_month.group('m')):02d}"
        return _deadline(ctx, in_month.start(), in_month.end(), date, "within")
    year = ctx.first_hit(_YEAR_RE, start, end, lower=True)
    by_year = next(
        (m for m in ctx.hits(_by_year_re(), start, end, lower=True) if not _past(ctx, m.group("y"))), None
    )
    if by_year is not None and (year is None or by_year.start() < year.start()):
        return _deadline(ctx, by_year.start(), by_year.end(), by_year.group("y"), "by")
    if year is not None:
        return _deadline(ctx, year.start(), year.end(), year.group("y"), "within")
    relative = ctx.first_hit(_period_re(), start, end, lower=True)
    if relative is not None:
        return _deadline(ctx, relative.start(), relative.end(), None, "within")
    period = ctx.first_hit(_PERIOD_RE, start, end, lower=True)
    if period is not None:
        return _deadline(
            ctx, period.start(), period.end(), None, "recurring", _UNIT_RECURRENCE[period.group("unit")]
        )
    for found in found_recurrences:
        if found[0] not in ("continuous", "periodic") and _is_a_schedule(ctx, start, found):
            return _deadline(ctx, found[1], found[2], None, "recurring", found[0])
    return None
