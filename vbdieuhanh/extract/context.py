"""What every extractor works with: the normalised text, its zones, and a way to report."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..layout import BBox
from ..models import ParseWarning, Source
from ..normalize import NormalizedText
from ..prefilter import Prefiltered, Scanner, scan, scan_together
from ..zones import Seg, Zones

_SOURCE_FIELDS = frozenset(Source.model_fields)
_Hits = tuple[Scanner, list[int], list[re.Match[str]]]  # a pattern, where its matches start, the matches
_Spans = tuple[tuple[Scanner, ...], list[int], list[int]]  # patterns, where their matches start and end


@dataclass(slots=True)
class Context:
    """The normalised text and zones of one document, plus the warnings found so far."""

    nt: NormalizedText
    zones: Zones
    warnings: list[ParseWarning] = field(default_factory=list)
    # matches by id of the pattern, in ``flat`` and in ``lower`` (an int key: no tuple is made and
    # hashed a look-up): hashing a pattern object itself hashes its compiled code (and a Prefiltered's
    # triggers) on every look-up; the pattern is kept with its matches, so its id stays its own while
    # the Context lives
    _hits: dict[int, _Hits] = field(default_factory=dict)
    _lower_hits: dict[int, _Hits] = field(default_factory=dict)
    _spans: dict[int, _Spans] = field(default_factory=dict)  # the same for any_hit
    _lower_spans: dict[int, _Spans] = field(default_factory=dict)
    _regions: list[Seg] | None = None  # ``regions()``, worked out once (the zones do not change)
    _boxed: bool | None = None  # does any layout line have a box (PDF, OCR)?

    def hits(self, regex: Scanner, start: int, end: int, *, lower: bool = False) -> list[re.Match[str]]:
        """Matches of ``regex`` in the running text that lie in [start, end).

        The text is ``nt.flat``, or ``nt.lower`` with ``lower`` (patterns written in lower case,
        matched without re.IGNORECASE, which is much slower). Each pattern scans the subject and
        body once per document; later calls only look up the range.
        """
        table = self._lower_hits if lower else self._hits
        cached = table.get(id(regex))
        if cached is None:
            text = self.nt.lower if lower else self.nt.flat
            matches = [m for a, b in self.regions() for m in scan(regex, text, a, b)]
            cached = (regex, [m.start() for m in matches], matches)
            table[id(regex)] = cached
        _, starts, matches = cached
        # most look-ups find nothing: no search when the pattern has no match, one when none is in range
        first = bisect_left(starts, start) if starts else 0
        if first == len(starts) or starts[first] >= end:
            return []
        last = bisect_left(starts, end, first)
        return [m for m in matches[first:last] if m.end() <= end]

    def scan_together(self, regexes: tuple[Scanner, ...], *, lower: bool = False) -> None:
        """Scan ``regexes`` now, so that ``hits`` on them only look up: those that are Prefiltered
        in one pass for all their triggers (``prefilter.scan_together``), not one pass per trigger."""
        table = self._lower_hits if lower else self._hits
        todo = [r for r in regexes if isinstance(r, Prefiltered) and id(r) not in table]
        if not todo:
            return
        text = self.nt.lower if lower else self.nt.flat
        found: list[list[re.Match[str]]] = [[] for _ in todo]
        for a, b in self.regions():
            for matches, more in zip(found, scan_together(todo, text, a, b), strict=True):
                matches += more
        for regex, matches in zip(todo, found, strict=True):
            table[id(regex)] = (regex, [m.start() for m in matches], matches)

    def any_hit(self, regexes: tuple[Scanner, ...], start: int, end: int, *, lower: bool = False) -> bool:
        """Does any of ``regexes`` have a match in [start, end) (one ``hits`` would return)?

        Their matches are merged once per document, so a range where none matches costs one look-up
        instead of one per pattern. ``regexes`` is one tuple kept for all calls (its id is the key).
        """
        table = self._lower_spans if lower else self._spans
        cached = table.get(id(regexes))
        if cached is None:
            everywhere = len(self.nt.text)
            spans = sorted(
                m.span() for regex in regexes for m in self.hits(regex, 0, everywhere, lower=lower)
            )
            cached = (regexes, [a for a, _ in spans], [b for _, b in spans])
            table[id(regexes)] = cached
        _, starts, ends = cached
        first = bisect_left(starts, start) if starts else 0  # as in ``hits``
        if first == len(starts) or starts[first] >= end:
            return False
        last = bisect_left(starts, end, first)
        return any(b <= end for b in ends[first:last])

    def first_hit(self, regex: Scanner, start: int, end: int, *, lower: bool = False) -> re.Match[str] | None:
        found = self.hits(regex, start, end, lower=lower)
        return found[0] if found else None

    def text(self, seg: Seg) -> str:
        return self.nt.text[seg[0] : seg[1]]

    def key(self, seg: Seg) -> str:
        """The matching key of a span, a line wrapped inside it read as one ('Số:' / '38/QĐ-UBND')."""
        return self.nt.flat[seg[0] : seg[1]]

    def regions(self) -> list[Seg]:
        """The spans where running text is read: the subject, the body and a text attached after the
        signature, each as one span.

        When the zones hold neither (a header scan that ran to the end of a short or damaged text),
        the text after the last header line is read as the body.
        """
        if self._regions is None:
            self._regions = self._find_regions()
        return self._regions

    def _find_regions(self) -> list[Seg]:
        zones = self.zones
        spans = []
        if zones.subject:
            spans.append((zones.subject[0][0], zones.subject[-1][1]))
        if zones.body:
            spans.append((zones.body[0][0], zones.body[-1][1]))
        if zones.attachment:
            spans.append((zones.attachment[0][0], zones.attachment[-1][1]))
        if not spans:
            header = [*zones.agency, *zones.quoc_hieu, *zones.kinh_gui, *zones.marks]
            header += [seg for seg in (zones.number, zones.place_date, zones.title) if seg is not None]
            start = max((seg[1] for seg in header), default=0)
            footer = [*zones.noi_nhan, *zones.signer]
            end = min((seg[0] for seg in footer if seg[0] >= start), default=len(self.nt.text))
            if end > start:
                spans.append((start, end))
        return spans

    def warn(self, code: str, message: str, seg: Seg | None = None) -> None:
        self.warnings.append(
            ParseWarning(code=code, message=message, source=self.source(seg[0], seg[1]) if seg else None)
        )

    def source(self, start: int, end: int) -> Source:
        """A Source for a span of the normalised text, with page, box or block when known."""
        nt = self.nt
        lines = nt.layout.lines
        first_line, first_offset, last_line, last_offset = nt.locate_both(start, max(start, end - 1))
        first = lines[first_line] if lines else None
        page = first.page if first else None
        block = first.block if first else None
        if self._boxed is None:
            self._boxed = any(line.bbox is not None for line in lines)
        bbox: BBox | None = None
        # the range looped over as itself (compiled: a counter), not chosen in an expression (an iterator)
        for index in range(first_line, last_line + 1 if self._boxed else first_line):
            box = lines[index].bbox
            if box is None or (page is not None and lines[index].page != page):
                continue
            bbox = (
                box
                if bbox is None
                else (min(bbox[0], box[0]), min(bbox[1], box[1]), max(bbox[2], box[2]), max(bbox[3], box[3]))
            )
        source_start = source_end = None
        if first is not None and first.source_offset is not None:
            last = lines[last_line]
            source_start = first.source_offset + first_offset
            if last.source_offset is not None:
                source_end = last.source_offset + last_offset + (1 if end > start else 0)
        if bbox is not None:
            bbox = (float(bbox[0]), float(bbox[1]), float(bbox[2]), float(bbox[3]))
        return _trusted_source(
            {
                "start": start,
                "end": end,
                "page": page,
                "bbox": bbox,
                "block": block,
                "source_start": source_start,
                "source_end": source_end,
            }
        )

    def trimmed(self, start: int, end: int, chars: str = " .;,:-–") -> Seg:
        """The span without leading/trailing punctuation and spaces."""
        text = self.nt.text
        while start < end and text[start] in chars:
            start += 1
        while end > start and text[end - 1] in chars:
            end -= 1
        return start, end


def _trusted_source(fields: dict[str, object]) -> Source:
    """The Source that validating ``fields`` would give (all its fields, each already of its type: the
    offsets and page are ints, the box four floats), built without validation: pydantic's
    ``model_construct`` does the same in a Python loop. About 40 are built a parse, and this takes a
    third of validation's time; tests/extract/test_context.py checks it against validation."""
    source: Source = object.__new__(Source)
    object.__setattr__(source, "__dict__", fields)
    object.__setattr__(source, "__pydantic_fields_set__", set(_SOURCE_FIELDS))
    object.__setattr__(source, "__pydantic_extra__", None)
    object.__setattr__(source, "__pydantic_private__", None)
    return source
