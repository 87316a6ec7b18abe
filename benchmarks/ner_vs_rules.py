"""Does a trained NER model find the bodies told to act better than the parser's rules?

The gold set is the body names the table-driven extractor tests assert, one set per distinct
document text:

- task assignees from ``tests/extract/test_tasks.py``: the names in each ``task_find`` entry's
  ``roles`` and ``assignees_include`` (and ``assignees`` lists, where given);
- addressees from ``tests/extract/test_parties.py``: the ``addressees`` names ("Kính gửi").

Each document text is given to every method, which returns a list of body names:

``rules``
    :func:`vbdieuhanh.parse_text`: every task's assignees (subtasks included) and the addressees.
``underthesea CRF: ORG``
    ``underthesea.ner`` (the offline CRF shipped inside the package; ``deep=True`` is never used, and
    nothing is downloaded), run on each sentence ``underthesea.sent_tokenize`` finds in each line of
    the parser's "Kính gửi" and body zones (header and footer left out, as they hold no task
    assignee); a name is a run of B-ORG/I-ORG tokens, cut from the sentence as written.
``underthesea CRF: ORG+LOC``
    the same tagging, also keeping runs that start with B-LOC ("UBND tỉnh Quảng Ngãi" is tagged
    as a location). The time is the same tagging run, so it is shown once for both rows.
``spaCy EntityRuler``
    ``spacy.blank("xx")`` with an EntityRuler whose patterns are the heads in
    ``vbdieuhanh/data/assignee_heads.tsv`` ("Sở", "UBND", "các cơ quan"…) followed by any number of
    words that are not lower case (with "và" between two of them), run on the whole text with old
    tone placement folded. A naive dictionary baseline, not a tuned one.

Scores, over all gold names (micro average):

- ``exact``: a gold name counts as found when a name the method returned for that document equals
  it after NFC, whitespace and case folding (``assign.`` and ``addr.``: the same for task assignees
  and for addressees alone);
- ``covers``: a returned name contains the gold name (found inside a longer span);
- ``either``: either name contains the other (generous: a one-word prediction such as "Sở" inside
  a gold name counts);
- ``names/doc``: distinct names returned per document, a proxy for noise, since the gold lists
  only the names the tests care about (its own size per document is printed for comparison);
- ``CPU ms/doc``: ``time.process_time`` per document over all documents after one warm-up call
  (the machine may be loaded; process time is less sensitive to that than wall time).

Caveat: the gold names come from the rules' own regression tests, so the rules are scored on cases
they were written to pass; the number answers "does the model reach what the rules already do", not
"how good are the rules on unseen documents".

    python benchmarks/ner_vs_rules.py [--json out.json] [--no-spacy]
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import vbdieuhanh
from vbdieuhanh.layout import layout_from_text
from vbdieuhanh.normalize import fold_tones, normalize
from vbdieuhanh.zones import find_zones

ROOT = Path(__file__).resolve().parents[1]
HEADS_FILE = ROOT / "vbdieuhanh" / "data" / "assignee_heads.tsv"


def fold(name: str) -> str:
    """NFC, whitespace and case folding, for comparing names."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip().casefold()


# --- gold ------------------------------------------------------------------------------------------


def _task_names(spec: dict[str, Any]) -> list[str]:
    names = list(spec.get("roles", {}))
    names += spec.get("assignees_include", [])
    names += [a["name"] for a in spec.get("assignees", []) if isinstance(a, dict) and "name" in a]
    for sub in spec.get("subtasks", []):
        names += _task_names(sub)
    return names


def load_gold() -> list[dict[str, Any]]:
    """One entry per distinct case text: {"id", "text", "gold": {folded name: (name, kind)}}."""
    for path in (ROOT / "tests", ROOT / "tests" / "extract"):
        if str(path) not in sys.path:
            sys.path.insert(0, str(path))
    import test_parties
    import test_tasks
    from casecheck import case_ids

    docs: dict[str, dict[str, Any]] = {}
    for module, prefix in ((test_tasks, "tasks"), (test_parties, "parties")):
        for case_id, (_, text, expected) in zip(case_ids(module.CASES), module.CASES, strict=True):
            found = [(n, "assignee") for spec in expected.get("task_find", []) for n in _task_names(spec)]
            found += [(a["name"], "addressee") for a in expected.get("addressees", [])]
            if not found:
                continue
            entry = docs.setdefault(text, {"id": f"{prefix}/{case_id}", "text": text, "gold": {}})
            for name, kind in found:
                entry["gold"].setdefault(fold(name), (name, kind))
    return list(docs.values())


# --- methods ---------------------------------------------------------------------------------------


def rules(text: str) -> list[str]:
    """The parser: assignees of every task (depth first) and the addressees."""
    doc = vbdieuhanh.parse_text(text)
    names = [a.name for task in doc.iter_tasks() for a in task.assignees]
    return names + [a.name for a in doc.addressees]


def body_lines(text: str) -> list[str]:
    """The lines of the parser's "Kính gửi" and body zones (the whole text if it finds neither)."""
    nt = normalize(layout_from_text(text, "<benchmark>"))
    zones = find_zones(nt)
    segs = zones.kinh_gui + zones.body
    if not segs:
        return [line for line in nt.text.splitlines() if line.strip()]
    return [nt.text[start:end] for start, end in segs]


def _spans(sentence: str, tagged: list[tuple[str, str, str, str]], types: set[str]) -> list[str]:
    """Runs of B-/I- tags of the given entity types, cut from the sentence as written."""
    out: list[str] = []
    cursor = 0
    start = end = None
    kind = None
    for word, _, _, tag in tagged:
        at = sentence.find(word, cursor)
        if at < 0:  # the tokeniser changed the word; fall back to the cursor
            at = cursor
        w_end = at + len(word)
        cursor = w_end
        prefix, _, label = tag.partition("-")
        if prefix == "I" and start is not None and label == kind:
            end = w_end
            continue
        if start is not None:
            out.append(sentence[start:end])
            start = None
        if prefix == "B" and label in types:
            start, end, kind = at, w_end, label
    if start is not None:
        out.append(sentence[start:end])
    return [s.strip(" ,;:.-") for s in out if s.strip(" ,;:.-")]


def underthesea_tagged(text: str) -> list[tuple[str, list[tuple[str, str, str, str]]]]:
    """(sentence, CRF tags) for every sentence of the Kính gửi and body lines."""
    from underthesea import ner, sent_tokenize

    out = []
    for line in body_lines(text):
        for sentence in sent_tokenize(line):
            out.append((sentence, ner(sentence)))  # the CRF model: never deep=True (a download)
    return out


def ner_names(tagged: list[tuple[str, list[tuple[str, str, str, str]]]], types: set[str]) -> list[str]:
    return [name for sentence, tags in tagged for name in _spans(sentence, tags, types)]


def entity_ruler() -> Callable[[str], list[str]]:
    """A spaCy EntityRuler over spacy.blank("xx") with the assignee heads as patterns."""
    import spacy

    nlp = spacy.blank("xx")
    ruler = nlp.add_pipe("entity_ruler")
    name_word: dict[str, Any] = {"IS_ALPHA": True, "IS_LOWER": False}  # "Giáo", "UBND"
    tail = {**name_word, "OP": "*"}
    patterns = []
    for row in HEADS_FILE.read_text(encoding="utf-8").splitlines():
        if not row.strip() or row.startswith("#"):
            continue
        form = fold_tones(row.split("\t")[0])
        for variant in {form, form[0].upper() + form[1:]}:
            head = [{"ORTH": tok.text} for tok in nlp.make_doc(variant)]
            patterns.append({"label": "ORG", "pattern": [*head, tail]})
            patterns.append(
                {"label": "ORG", "pattern": [*head, name_word, tail, {"LOWER": "và"}, name_word, tail]}
            )
    ruler.add_patterns(patterns)

    def run(text: str) -> list[str]:
        doc = nlp(fold_tones(unicodedata.normalize("NFC", text)))
        plain = unicodedata.normalize("NFC", text)
        return [plain[ent.start_char : ent.end_char] for ent in doc.ents]

    return run


# --- scoring ---------------------------------------------------------------------------------------


def score(docs: list[dict[str, Any]], predictions: list[list[str]]) -> dict[str, Any]:
    """Recall (exact, covering, either-way containment; overall and by kind) and names per document."""
    kinds = ("all", "assignee", "addressee")
    counts = {kind: {"gold": 0, "exact": 0, "covers": 0, "contains": 0} for kind in kinds}
    names_per_doc = []
    misses = {}
    for doc, names in zip(docs, predictions, strict=True):
        predicted = {fold(n) for n in names if n.strip()}
        names_per_doc.append(len(predicted))
        missed = []
        for key, (name, kind) in doc["gold"].items():
            hits = {
                "gold": True,
                "exact": key in predicted,
                "covers": any(key in p for p in predicted),
                "contains": any(key in p or p in key for p in predicted),
            }
            for bucket in ("all", kind):
                for what, hit in hits.items():
                    counts[bucket][what] += hit
            if not hits["exact"]:
                missed.append(name)
        if missed:
            misses[doc["id"]] = missed
    out: dict[str, Any] = {}
    for kind, c in counts.items():
        out[kind] = dict(c)
        for what in ("exact", "covers", "contains"):
            out[kind][f"recall_{what}"] = round(c[what] / c["gold"], 3) if c["gold"] else None
    out["names_per_doc"] = round(sum(names_per_doc) / len(names_per_doc), 1)
    out["missed_exact"] = misses
    return out


def timed(work: Callable[[str], Any], texts: list[str]) -> tuple[list[Any], float]:
    """The outputs and CPU milliseconds per document, after one warm-up call."""
    work(texts[0])
    started = time.process_time()
    outputs = [work(text) for text in texts]
    return outputs, 1000 * (time.process_time() - started) / len(texts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write the numbers (and the names missed) here")
    parser.add_argument("--no-spacy", action="store_true", help="skip the spaCy EntityRuler baseline")
    args = parser.parse_args()

    docs = load_gold()
    texts = [d["text"] for d in docs]
    n_gold = sum(len(d["gold"]) for d in docs)
    results: dict[str, dict[str, Any]] = {}

    predicted, ms = timed(rules, texts)
    results["rules (parse_text)"] = {**score(docs, predicted), "cpu_ms_per_doc": round(ms, 1)}

    tagged, ms = timed(underthesea_tagged, texts)
    for label, types in (("ORG", {"ORG"}), ("ORG+LOC", {"ORG", "LOC"})):
        predicted = [ner_names(t, types) for t in tagged]
        results[f"underthesea CRF: {label}"] = {**score(docs, predicted), "cpu_ms_per_doc": round(ms, 1)}

    if not args.no_spacy:
        predicted, ms = timed(entity_ruler(), texts)
        results["spaCy EntityRuler (heads)"] = {**score(docs, predicted), "cpu_ms_per_doc": round(ms, 1)}

    # the ceiling for the NER rows: gold names written out in the lines the tagger is given
    in_input = sum(key in fold(" ".join(body_lines(doc["text"]))) for doc in docs for key in doc["gold"])
    gold_per_doc = n_gold / len(docs)
    print(f"{len(docs)} documents, {n_gold} gold names ({gold_per_doc:.1f}/doc)")
    print(f"gold names written out in the Kính gửi and body lines given to the tagger: {in_input}/{n_gold}")
    columns = ("exact", "assign.", "addr.", "covers", "either", "names/doc", "CPU ms/doc")
    header = f"{'method':27}" + "".join(f" {c:>{max(7, len(c))}}" for c in columns)
    print(header)
    print("-" * len(header))
    for name, r in results.items():
        values = (
            r["all"]["recall_exact"],
            r["assignee"]["recall_exact"],
            r["addressee"]["recall_exact"],
            r["all"]["recall_covers"],
            r["all"]["recall_contains"],
        )
        print(
            f"{name:27}"
            + "".join(f" {v:7.3f}" for v in values)
            + f" {r['names_per_doc']:9.1f} {r['cpu_ms_per_doc']:10.1f}"
        )
    if args.json:
        payload = {
            "date": datetime.date.today().isoformat(),
            "command": "python benchmarks/ner_vs_rules.py",
            "documents": len(docs),
            "gold_names": n_gold,
            "gold_names_in_tagger_input": in_input,
            "gold_by_kind": {k: results["rules (parse_text)"][k]["gold"] for k in ("assignee", "addressee")},
            "methods": results,
        }
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
