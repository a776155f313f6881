"""Score extracted tables against hand-made gold, with the rules of ``gold/FORMAT.md``.

Rows are matched to gold by the source file's name (``<stem>.<format>``); each table is
scored by greedy one-to-one matching in document order, per document and pooled.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

FORMATS = ("txt", "docx", "pdf", "scan")
MEETING_FIELDS = {  # gold field -> meetings column
    "title": "title", "meeting_type": "meeting_type", "sequence": "sequence",
    "date": "meeting_date", "year_inferred": "year_inferred", "start_time": "start_time",
    "end_time": "end_time", "venue": "venue", "presidency": "presidency_code",
}
TABLE_ORDER = ("meetings", "attendees", "agenda_items", "interventions", "decisions", "dates")


# -- normalisation -------------------------------------------------------------------------
def fold(text: str | None) -> str:
    """Case-fold, join line-end hyphenation and fold whitespace."""
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text or "")
    return re.sub(r"\s+", " ", text).strip().casefold()


def fold_accents(text: str | None) -> str:
    """Case- and accent-insensitive form of a person's name."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return fold("".join(c for c in decomposed if not unicodedata.combining(c)))


def _value(v: Any) -> Any:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if hasattr(v, "isoformat"):
        return v.isoformat()[:10]
    if isinstance(v, str):
        return v.strip()
    if hasattr(v, "item"):
        return v.item()
    return v


# -- matching ------------------------------------------------------------------------------
@dataclass
class Score:
    """Counts for one table (and optional accuracies over matched pairs)."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    extra: dict[str, list[int]] = field(default_factory=dict)  # name -> [right, total]

    def add(self, other: Score) -> None:
        """Pool another score into this one."""
        self.gold += other.gold
        self.pred += other.pred
        self.matched += other.matched
        for k, (r, t) in other.extra.items():
            cur = self.extra.setdefault(k, [0, 0])
            cur[0] += r
            cur[1] += t

    @property
    def precision(self) -> float:
        """Matched share of predictions."""
        return self.matched / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        """Matched share of gold."""
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def greedy_match(gold: Sequence[Any], pred: Sequence[Any],
                 same: Callable[[Any, Any], bool]) -> list[tuple[Any, Any]]:
    """One-to-one matches: each gold item, in order, takes the first free matching prediction."""
    used = [False] * len(pred)
    pairs = []
    for g in gold:
        for i, p in enumerate(pred):
            if not used[i] and same(g, p):
                used[i] = True
                pairs.append((g, p))
                break
    return pairs


def _accuracy(pairs: list[tuple[Any, Any]], right: Callable[[Any, Any], bool]) -> list[int]:
    return [sum(1 for g, p in pairs if right(g, p)), len(pairs)]


def _score(gold: list[Any], pred: list[Any], same: Callable[[Any, Any], bool],
           extras: dict[str, Callable[[Any, Any], bool]] | None = None) -> Score:
    pairs = greedy_match(gold, pred, same)
    score = Score(len(gold), len(pred), len(pairs))
    for name, right in (extras or {}).items():
        score.extra[name] = _accuracy(pairs, right)
    return score


def _contains_anchor(text: str, anchors: list[str]) -> bool:
    folded = fold(text)
    return any(fold(a) in folded for a in anchors)


def score_meeting(gold: dict[str, Any], pred: dict[str, Any] | None) -> Score:
    """Each meeting field scored on its own: matched = fields right."""
    score = Score(len(MEETING_FIELDS), len(MEETING_FIELDS), 0)
    for gf, col in MEETING_FIELDS.items():
        g = _value(gold.get(gf))
        p = _value(pred.get(col)) if pred else None
        right = int((None if g is None else str(g)) == (None if p is None else str(p)))
        score.matched += right
        score.extra[f"field:{gf}"] = [right, 1]
    return score


def _same_attendee(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return (g["code"] == p["delegation_code"] and g["status"] == p["status"]
            and fold_accents(g["person"]) == fold_accents(p["person"]))


def _same_agenda(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if (fold(g["number"]) or None) != (fold(p["number"]) or None):
        return False
    return SequenceMatcher(None, fold(g["title"]), fold(p["title"])).ratio() >= 0.8


def _same_intervention(g: dict[str, Any], p: dict[str, Any]) -> bool:
    speaker_ok = (g["code"] == p["speaker_code"]) if g.get("code") \
        else (g.get("role") is not None and g.get("role") == p["speaker_role"])
    return speaker_ok and _contains_anchor(p["text"], g["anchors"])


def _same_decision(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return g["kind"] == p["kind"] and _contains_anchor(p["text"], g["anchors"])


def _same_date(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return g["start"] == _value(p["date_start"]) and g["end"] == _value(p["date_end"])


_SAME = {"attendees": _same_attendee, "agenda_items": _same_agenda,
         "interventions": _same_intervention, "decisions": _same_decision,
         "dates": _same_date}


def score_attendees(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> Score:
    """Match on (code, status, person) with accent/case-insensitive person."""
    return _score(gold, pred, _same_attendee, {
        "role": lambda g, p: (g["role"] or None) == (p["role"] or None),
        "honorific": lambda g, p: (g["honorific"] or None) == (p["honorific"] or None),
    })


def score_agenda(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> Score:
    """Match on number (case-insensitive) and title similarity >= 0.8."""
    return _score(gold, pred, _same_agenda)


def score_interventions(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> Score:
    """Speakers agree and the turn's text contains one of the gold anchors."""
    return _score(gold, pred, _same_intervention, {
        "agenda_item": lambda g, p: (g["agenda_item"] or None) == (p["agenda_item"] or None),
    })


def score_decisions(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> Score:
    """Kinds agree and the text contains one of the gold anchors."""
    return _score(gold, pred, _same_decision)


def score_dates(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> Score:
    """Match on (start, end)."""
    return _score(gold, pred, _same_date, {
        "year_inferred": lambda g, p: bool(g["year_inferred"]) == bool(p["year_inferred"]),
    })


SCORERS = {"attendees": score_attendees, "agenda_items": score_agenda,
           "interventions": score_interventions, "decisions": score_decisions,
           "dates": score_dates}


# -- running -------------------------------------------------------------------------------
def corpus_files(corpus: Path, stems: list[str], formats: Sequence[str]) -> dict[str, Path]:
    """``<stem>.<format>`` -> path, for the files that exist."""
    files = {}
    for stem in stems:
        for fmt in formats:
            path = corpus / (f"{stem}.scan.pdf" if fmt == "scan" else f"{stem}.{fmt}")
            if path.exists():
                files[f"{stem}.{fmt}"] = path
    return files


def extract_corpus(files: dict[str, Path], out: Path) -> dict[str, str]:
    """Ingest ``files`` into the store at ``out``; return file key -> error for failures."""
    from pipeline.batch.process import process_file
    from pipeline.batch.store import ParquetStore

    errors = {}
    with ParquetStore(out) as store:
        for key, path in files.items():
            outcome = process_file(path)
            if outcome.extraction is not None:
                outcome.extraction.meeting.source_path = key  # unique per rendering
                store.write_document(outcome.extraction)
            else:
                errors[key] = f"{outcome.failure.error_type}: {outcome.failure.message}"
    return errors


def _load_tables(out: Path) -> dict[str, list[dict[str, Any]]]:
    from pipeline.batch.store import ParquetStore
    store = ParquetStore(out)
    return {t: store.read_table(t).to_pylist() for t in TABLE_ORDER}


def _gold_dir_for(corpus: Path) -> Path:
    """A corpus's gold: its own ``gold/`` folder, else the ``gold/`` beside it."""
    own = corpus / "gold"
    return own if own.is_dir() else corpus.parent / "gold"


def _matches(table: str, gold: list[dict[str, Any]],
             pred: list[dict[str, Any]]) -> tuple[list[Any], list[Any]]:
    """The gold records and predictions a table's scorer left unmatched (for ``--misses``)."""
    same = _SAME[table]
    pairs = greedy_match(gold, pred, same)
    hit_g = {id(g) for g, _ in pairs}
    hit_p = {id(p) for _, p in pairs}
    return [g for g in gold if id(g) not in hit_g], [p for p in pred if id(p) not in hit_p]


def evaluate(corpus: Path, gold_dir: Path | None = None, formats: Sequence[str] = FORMATS,
             out: Path | None = None, docs: Sequence[str] | None = None) -> dict[str, Any]:
    """Score every table per (format, document) and pooled per format. ``docs`` limits the
    run to gold stems that start with one of its prefixes."""
    gold_dir = gold_dir or _gold_dir_for(corpus)
    golds = {p.stem: json.loads(p.read_text("utf-8")) for p in sorted(gold_dir.glob("*.json"))}
    if docs:
        golds = {k: v for k, v in golds.items() if any(k.startswith(d) for d in docs)}
    files = corpus_files(corpus, list(golds), formats)
    with tempfile.TemporaryDirectory(prefix="minutes-eval-") as tmp:
        target = out or Path(tmp)
        errors = extract_corpus(files, target)
        tables = _load_tables(target)
    by_source = {m["doc_id"]: m["source_path"] for m in tables["meetings"]}
    rows: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for table, df in tables.items():
        for rec in df:
            key = by_source.get(rec["doc_id"])
            if key:
                rows.setdefault(key, {}).setdefault(table, []).append(rec)
    pooled: dict[str, dict[str, Score]] = {}
    per_doc: dict[str, dict[str, Score]] = {}
    misses: dict[str, dict[str, Any]] = {}
    for key in files:
        stem, fmt = key.rsplit(".", 1)
        gold = golds[stem]
        pred = rows.get(key, {})
        meeting = (pred.get("meetings") or [None])[0]
        doc_scores = {"meetings": score_meeting(gold["meeting"], meeting)}
        misses[key] = {"meetings": {
            gf: (gold["meeting"].get(gf), _value(meeting.get(col)) if meeting else None)
            for gf, col in MEETING_FIELDS.items()
            if not doc_scores["meetings"].extra[f"field:{gf}"][0]}}
        for table, scorer in SCORERS.items():
            ordered = sorted(pred.get(table, []), key=lambda r: (r["char_start"], r["char_end"]))
            doc_scores[table] = scorer(gold.get(table, []), ordered)
            misses[key][table] = _matches(table, gold.get(table, []), ordered)
        per_doc[key] = doc_scores
        for table, score in doc_scores.items():
            pooled.setdefault(fmt, {}).setdefault(table, Score()).add(score)
    return {"pooled": pooled, "per_doc": per_doc, "errors": errors, "misses": misses}


def evaluate_corpora(corpora: Sequence[Path], formats: Sequence[str] = FORMATS,
                     out: Path | None = None,
                     docs: Sequence[str] | None = None) -> dict[str, dict[str, Any]]:
    """``evaluate`` each corpus against its own gold; corpus folder name -> result."""
    results = {}
    for corpus in corpora:
        keep = out / corpus.name if out else None
        results[corpus.name] = evaluate(corpus, _gold_dir_for(corpus), formats, keep, docs)
    return results


# -- reporting -----------------------------------------------------------------------------
def _extra_text(table: str, score: Score) -> str:
    parts = []
    for name, (right, total) in score.extra.items():
        if name.startswith("field:"):
            if right < total:
                parts.append(f"{name[6:]} {right}/{total}")
        elif total:
            parts.append(f"{name} acc {right / total:.2f}")
    return ", ".join(parts)


def render_markdown(result: dict[str, Any]) -> str:
    """The pooled table as Markdown (what docs/evaluation.md shows)."""
    lines = ["| table | format | gold | pred | matched | P | R | F1 | notes |",
             "|---|---|---:|---:|---:|---:|---:|---:|---|"]
    for table in TABLE_ORDER:
        for fmt in FORMATS:
            score = result["pooled"].get(fmt, {}).get(table)
            if score is None:
                continue
            label = "field acc" if table == "meetings" else ""
            lines.append(
                f"| {table} | {fmt} | {score.gold} | {score.pred} | {score.matched} | "
                f"{score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} | "
                f"{' '.join(filter(None, [label, _extra_text(table, score)]))} |")
    for key, err in sorted(result["errors"].items()):
        lines.append(f"\nnot extracted: {key}: {err}")
    return "\n".join(lines)


def render_per_doc(result: dict[str, Any]) -> str:
    """F1 per document and table."""
    head = "| file | " + " | ".join(TABLE_ORDER) + " |"
    lines = [head, "|---" * (len(TABLE_ORDER) + 1) + "|"]
    for key, scores in sorted(result["per_doc"].items()):
        lines.append(f"| {key} | " + " | ".join(f"{scores[t].f1:.2f}" for t in TABLE_ORDER)
                     + " |")
    return "\n".join(lines)


def to_json(result: dict[str, Any]) -> dict[str, Any]:
    """Plain figures for machines."""
    def fig(s: Score) -> dict[str, Any]:
        return {"gold": s.gold, "pred": s.pred, "matched": s.matched,
                "precision": round(s.precision, 4), "recall": round(s.recall, 4),
                "f1": round(s.f1, 4), "extra": s.extra}
    return {"pooled": {f: {t: fig(s) for t, s in tables.items()}
                       for f, tables in result["pooled"].items()},
            "per_doc": {k: {t: fig(s) for t, s in tables.items()}
                        for k, tables in result["per_doc"].items()},
            "errors": result["errors"]}


def _brief(record: Any) -> str:
    if not isinstance(record, dict):
        return str(record)
    keep = {k: v for k, v in record.items()
            if k not in {"doc_id", "char_end", "page", "pipeline_version", "source_path"}
            and v not in (None, "", [])}
    text = json.dumps(keep, ensure_ascii=False, default=str)
    return text if len(text) <= 300 else text[:297] + "..."


def render_misses(result: dict[str, Any], tables: Sequence[str] = TABLE_ORDER) -> str:
    """Per document, the gold records missed (``-``) and the predictions unmatched (``+``)."""
    lines = []
    for key, by_table in sorted(result["misses"].items()):
        for table in tables:
            got = by_table.get(table)
            if table == "meetings":
                for fld, (g, p) in (got or {}).items():
                    lines.append(f"{key} meetings.{fld}: gold {g!r} pred {p!r}")
                continue
            missed, extra = got or ([], [])
            lines += [f"{key} {table} - {_brief(g)}" for g in missed]
            lines += [f"{key} {table} + {_brief(p)}" for p in extra]
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``minutes eval``."""
    root = Path(__file__).resolve().parents[2]
    shared = root.parent / "shared"
    parser.add_argument("--corpus", type=Path, action="append", default=None,
                        help="a corpus folder (repeatable); its gold is its own gold/ folder "
                             "or the gold/ beside it (default: ../shared/corpus, "
                             "../shared/corpus-wide and the team's held-out tests/corpus/team)")
    parser.add_argument("--formats", default=",".join(FORMATS),
                        help="comma-separated formats to score (txt,docx,pdf,scan)")
    parser.add_argument("--docs", default="",
                        help="comma-separated document stem prefixes to score (default: all)")
    parser.add_argument("--per-doc", action="store_true", help="also print F1 per document")
    parser.add_argument("--misses", default=None, const=",".join(TABLE_ORDER), nargs="?",
                        help="print the unmatched gold (-) and predicted (+) records of these "
                             "tables (default: all)")
    parser.add_argument("--json", action="store_true", help="print figures as JSON")
    parser.add_argument("--keep", type=Path, default=None,
                        help="write the extracted tables here instead of a temporary folder")
    parser.set_defaults(default_corpora=[shared / "corpus", shared / "corpus-wide",
                                         root / "tests" / "corpus" / "team"])


def run(args: argparse.Namespace) -> int:
    """Run the evaluation and print a table per corpus."""
    corpora = args.corpus or args.default_corpora
    for path in corpora:
        if not path.is_dir() or not _gold_dir_for(path).is_dir():
            print(f"minutes eval: corpus or its gold folder not found: {path}")
            return 2
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    docs = [d.strip() for d in args.docs.split(",") if d.strip()]
    results = evaluate_corpora(corpora, formats, args.keep, docs)
    if args.json:
        print(json.dumps({name: to_json(r) for name, r in results.items()}, indent=1))
        return 0
    for name, result in results.items():
        print(f"## {name}\n")
        print(render_markdown(result))
        if args.per_doc:
            print()
            print(render_per_doc(result))
        if args.misses:
            print()
            print(render_misses(result, [t.strip() for t in args.misses.split(",")]))
        print()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m pipeline.evaluation.evaluate``."""
    parser = argparse.ArgumentParser(prog="minutes eval", description=__doc__)
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
