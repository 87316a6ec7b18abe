"""The archive: a store of parsed documents and the task-tracking graph built from them.

One module per job: ``store`` and ``migrations`` (SQLite or PostgreSQL, one schema), ``prepare``,
``names``, ``resolve`` and ``successors`` (records to rows, bodies to canonical agencies, the 2025
reorganisation), ``write`` (one transaction per document), ``inputs``, ``ingest`` and
``dask_ingest`` (batch ingest), ``graph`` (networkx and exports), ``followup`` and ``report_html``
(answers), ``cli`` (the commands). networkx, psycopg, dask and rapidfuzz are imported only when used.
"""

from __future__ import annotations

from .api import Archive, open_archive
from .assignments import TaskAssignment
from .batch import IngestReport
from .followup import FollowUp
from .store import DEFAULT_URL, ArchiveError
from .write import Outcome

__all__ = [
    "DEFAULT_URL",
    "Archive",
    "ArchiveError",
    "FollowUp",
    "IngestReport",
    "Outcome",
    "TaskAssignment",
    "open_archive",
]
