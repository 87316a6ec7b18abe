"""The click framework every command of ``vbdieuhanh`` uses: the common options (``--lang``,
``-q/--quiet``, ``-v/--verbose``), ``-f/--format`` and ``-o/--out``, examples in the help, and the
writing of listings. Commands in ``cli``, ``check.cli``, ``review.cli`` and ``archive.cli`` import it;
it imports none of them.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from .listing import FORMATS, LANGS, Sheet, message, render

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT_SETTINGS: dict[str, Any] = {
    "help_option_names": ["-h", "--help"],
    "show_default": True,
    "max_content_width": 100,
}


# ---- settings shared by every command: --lang, --quiet, --verbose -------------------------------------


@dataclass
class Settings:
    """What the common options set: the language of headings and messages, and how much to say."""

    lang: str = "vi"
    verbosity: int = 0  # -1 quiet, 0 normal, 1 verbose


_FALLBACK = Settings()
_log_handler: logging.Handler | None = None


def settings() -> Settings:
    """The current command's settings (defaults outside a command)."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return _FALLBACK
    root = ctx.find_root()
    if not isinstance(root.obj, Settings):
        root.obj = Settings()
    return root.obj


def _set_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value:
        settings().lang = value


def _set_quiet(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        settings().verbosity = -1


def _set_verbose(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    global _log_handler
    if not value:
        return
    settings().verbosity = 1
    logger = logging.getLogger("vbdieuhanh")
    logger.setLevel(logging.DEBUG)
    if _log_handler is None or _log_handler not in logger.handlers:
        _log_handler = logging.StreamHandler(sys.stderr)
        _log_handler.setFormatter(logging.Formatter("%(name)s: %(levelname)s: %(message)s"))
        logger.addHandler(_log_handler)
    if isinstance(_log_handler, logging.StreamHandler):
        _log_handler.setStream(sys.stderr)  # the stderr of this run (tests capture it)


def common(function: F) -> F:
    """Add ``--lang``, ``-q/--quiet`` and ``-v/--verbose`` to a command (also taken before it)."""
    options = [
        click.option(
            "--lang",
            type=click.Choice(LANGS),
            envvar="VBDH_LANG",
            expose_value=False,
            is_eager=True,
            callback=_set_lang,
            help="language of headings and messages [default: vi; env: VBDH_LANG]",
        ),
        click.option(
            "-q", "--quiet", is_flag=True, expose_value=False, callback=_set_quiet, help="no progress bar"
        ),
        click.option(
            "-v",
            "--verbose",
            is_flag=True,
            expose_value=False,
            callback=_set_verbose,
            help="debug records of the 'vbdieuhanh' logger on standard error",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def example(*commands: str) -> str:
    """An epilog giving example command lines (kept as written by click's help)."""
    return "\b\nExamples:\n" + "\n".join(f"  {c}" for c in commands)


def format_option(choices: Sequence[str] = FORMATS, default: str = "table", **kwargs: Any) -> Any:
    """``-f/--format``."""
    return click.option("-f", "--format", "fmt", type=click.Choice(list(choices)), default=default, **kwargs)


def out_option(help: str = "write here instead of standard output (needed for xlsx on a terminal)") -> Any:
    """``-o/--out``."""
    return click.option("-o", "--out", type=click.Path(dir_okay=False), default=None, help=help)


def say(key: str, **values: Any) -> None:
    """A message (a key of data/cli_labels.tsv) on standard error, in the chosen language."""
    print(message(key, settings().lang, **values), file=sys.stderr)


def error_line(cause: object) -> None:
    say("msg_error", cause=cause)


def emit(result: str | bytes, out: str | None) -> None:
    """Write a rendered listing to ``out`` (a file) or standard output."""
    if out:
        path = Path(out)
        if isinstance(result, bytes):
            path.write_bytes(result)
        else:
            path.write_text(result, encoding="utf-8")
        say("msg_wrote", path=path)
        return
    if isinstance(result, bytes):
        if sys.stdout.isatty():
            raise click.UsageError(message("msg_xlsx_needs_out", settings().lang))
        sys.stdout.flush()
        sys.stdout.buffer.write(result)
        sys.stdout.buffer.flush()
        return
    sys.stdout.write(result)


def emit_listing(
    sheets: Sequence[Sheet], fmt: str, out: str | None, *, payload: Any = None, table: str | None = None
) -> None:
    emit(render(sheets, fmt, settings().lang, payload=payload, table=table), out)


def check_xlsx_target(fmt: str, out: str | None) -> None:
    """Refuse xlsx to a terminal before doing any work."""
    if fmt == "xlsx" and not out and sys.stdout.isatty():
        raise click.UsageError(message("msg_xlsx_needs_out", settings().lang))


def show_progress(flag: bool | None) -> bool:
    """A progress bar: when asked, else on a terminal unless --quiet."""
    if flag is not None:
        return flag
    return settings().verbosity >= 0 and sys.stderr.isatty()
