"""The course's own held-out texts: generated files up to date, gold consistent, evaluation runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from medialit.evaluation import heldout

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "datasets" / "heldout"


def test_generated_files_match_the_annotated_sources():
    result = subprocess.run([sys.executable, str(FOLDER / "build_gold.py"), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def test_at_least_ten_texts_with_gold():
    texts = heldout.load_heldout(FOLDER)
    assert len(texts) >= 10
    for name, text, stance, attribution in texts:
        assert 250 <= len(text.split()) <= 500, name
        assert stance["spans"] and attribution["sources"], name
        kinds = {s["kind"] for s in stance["spans"]}
        assert kinds <= {"hedge", "booster"}, name


def test_a_changed_text_is_refused(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "gold").mkdir()
    name = "01-news-reservoir"
    text = (FOLDER / "texts" / f"{name}.txt").read_text(encoding="utf-8")
    (tmp_path / "texts" / f"{name}.txt").write_text(text + " Extra.", encoding="utf-8")
    for suffix in ("stance", "attribution"):
        gold = FOLDER / "gold" / f"{name}.{suffix}.json"
        (tmp_path / "gold" / gold.name).write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ValueError, match="text changed"):
        heldout.load_heldout(tmp_path)


def test_markup_parser_nests_and_records_look_alikes():
    sys.path.insert(0, str(FOLDER))
    try:
        import build_gold
    finally:
        sys.path.remove(str(FOLDER))
    text, spans = build_gold.parse("[“It [may]{h:modal?} rain,”]{q1} [she]{s1:pronoun=Ann} [said]{c1}. You [may]{} go.")
    assert text == "“It may rain,” she said. You may go."
    sources = build_gold.attribution_gold(text, spans)
    found = [(s["text"], s["types"], s["refers_to"], s["direct"]) for s in sources]
    assert found == [("she", ["pronoun"], "Ann", True)]
    stance = build_gold.stance_gold(text, spans)
    assert [(s["text"], s["optional"]) for s in stance] == [("may", True)]
    assert json.dumps(stance)


def test_evaluate_prints_three_tables():
    tables = heldout.evaluate(None)
    assert len(tables) == 3
    assert all(table.rows for table in tables)
    assert 0 < tables[0].rows["all"].tp
