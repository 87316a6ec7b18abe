"""Run the rules on a record: scope, select / ignore, findings in document order."""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Document
from . import closing, date, header, layout  # noqa: F401 - importing registers the rule functions
from .findings import REGISTRY, CheckContext, Finding
from .rules import Rule, rules


class _Blank(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "…"


def fill(template: str, params: dict[str, object]) -> str:
    return template.format_map(_Blank(params))


def _wanted(code: str, select: Iterable[str] | None, ignore: Iterable[str] | None) -> bool:
    """Codes or their prefixes: --select SO picks SO01…SO07, --ignore NG05 drops one."""
    if select and not any(code.startswith(s.strip().upper()) for s in select if s.strip()):
        return False
    return not (ignore and any(code.startswith(s.strip().upper()) for s in ignore if s.strip()))


def check(
    document: Document,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    path: str | None = None,
) -> list[Finding]:
    """The departures of a parsed record from Decree 30/2020/NĐ-CP, in document order.

    Only administrative documents are judged (a news text gives nothing); legal normative documents get
    the rules of scope ``all``; Party documents, which follow their own rules, get only the layout
    rules. ``path`` is the file, for the layout rules that read a DOCX (default: ``document.file``).
    """
    if not document.is_administrative or not document.text:
        return []
    select, ignore = list(select or ()), list(ignore or ())
    ctx = CheckContext(document, path)
    found: list[Finding] = []
    for code, spec in rules().items():
        if not _wanted(code, select, ignore) or not _applies(spec, ctx):
            continue
        for hit in REGISTRY[code](ctx):
            line = ctx.line_of(hit.start) if hit.start is not None else None
            page = hit.page
            found.append(
                Finding(
                    code=code,
                    severity=spec.severity,
                    message=fill(spec.message_vi, hit.params),
                    message_en=fill(spec.message_en, hit.params),
                    reference=spec.reference,
                    line=line,
                    page=page,
                    span=(hit.start, hit.end) if hit.start is not None and hit.end is not None else None,
                    fix=fill(spec.fix, hit.params),
                )
            )
    found.sort(key=lambda f: (f.line or 0, list(rules()).index(f.code)))
    return found


def _applies(spec: Rule, ctx: CheckContext) -> bool:
    if ctx.is_party:
        return spec.family == "layout"
    return spec.scope == "all" or not ctx.is_legal_norm


def missing_functions() -> tuple[set[str], set[str]]:
    """(codes without a function, functions without a rule): both empty in a consistent install."""
    return set(rules()) - set(REGISTRY), set(REGISTRY) - set(rules())
