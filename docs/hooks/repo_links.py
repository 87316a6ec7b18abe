"""mkdocs hook: a link from a page to a file of the repository outside docs/ (``../samples/README.md``,
``../vbdieuhanh/data/positions.tsv``) becomes a link to that file in the repository (``repo_url``),
so the pages keep relative links that work when read in the repository and the site has no broken
link. A link to a file that does not exist is left alone and fails the strict build."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_LINK = re.compile(r"\]\((\.\./[^)#\s]+)(#[^)\s]*)?\)")


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    docs = Path(config["docs_dir"]).resolve()
    root = docs.parent
    base = config.get("repo_url", "").rstrip("/") + "/blob/main/"
    here = (docs / page.file.src_path).parent

    def replace(match: re.Match[str]) -> str:
        target = (here / match.group(1)).resolve()
        if docs in target.parents or not target.exists() or root not in target.parents:
            return match.group(0)
        return f"]({base}{target.relative_to(root).as_posix()}{match.group(2) or ''})"

    return _LINK.sub(replace, markdown)
