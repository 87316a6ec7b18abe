"""Keys that identify documents and bodies across files, spellings and versions.

A document is the triple edXML uses for its DocumentId (Decree 30, QCVN 102:2016): issuer,
date and số/ký hiệu. The archive writes it ``"<số/ký hiệu>|<date>|<issuer>"`` with the number-symbol
folded ("114/BCĐ-KGVX"), the date as written (ISO, possibly only "2021-03") and the issuer's agency
key ("?" when unknown). A document without a number has no such identity: it is keyed by its content.
"""

from __future__ import annotations

import hashlib
import re

from ..tones import strip_marks

UNKNOWN_ISSUER = "?"


def document_key(ns_key: str, date: str | None, issuer_id: str | None) -> str:
    """The document's id in the archive: number-symbol, date, issuer."""
    return f"{ns_key}|{date or ''}|{issuer_id or UNKNOWN_ISSUER}"


def unnumbered_key(subject: str, date: str, issuer_id: str) -> str:
    """The id of a document without a number whose issuer, date and subject are known: the same
    letter as .txt, .docx and .pdf is one document (its subject compared without case, marks or
    punctuation)."""
    words = re.sub(r"\W+", " ", strip_marks(subject).lower()).split()
    digest = hashlib.blake2b(" ".join(words).encode(), digest_size=8).hexdigest()
    return f"~{digest}|{date}|{issuer_id}"


def content_key(content_hash: str) -> str:
    """The id of a document without a number: it can only be recognised by its content."""
    return f"sha256:{content_hash[:24]}"


def content_hash(data: bytes) -> str:
    """SHA-256 of a file's bytes: the key of a version; the same bytes are never stored twice."""
    return hashlib.sha256(data).hexdigest()


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Equal, or one unknown, or one the same date at a coarser precision ('2021-03' vs '2021-03-05')."""
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)
