"""The case-study stance gold, the stance evaluation, the aggregates and `medialit analyze`."""

from __future__ import annotations

import hashlib
import json

import pytest

import medialit
from medialit.casestudy import datasets_dir
from medialit.cli import main
from medialit.evaluation.scoring import match_spans
from medialit.evaluation.stance import evaluate, load_gold, score_case_study, score_szeged
from medialit.hedging import (
    BOOSTER_CATEGORIES,
    HEDGE_CATEGORIES,
    find_hedges,
    stance_arc,
    stance_profile,
    stance_summary,
)

GOLD = datasets_dir() / "gold" / "case-study-stance.json"


# --- gold file integrity -----------------------------------------------------------------------


def test_gold_records_the_text_hash_and_every_span_matches(case_study):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert gold["text_sha256"] == hashlib.sha256(case_study.text.encode("utf-8")).hexdigest()
    assert gold["spans"], "the gold has no spans"
    for span in gold["spans"]:
        assert set(span) == {"start", "end", "text", "kind", "category", "optional", "note"}
        assert case_study.text[span["start"] : span["end"]] == span["text"]
        assert span["kind"] in ("hedge", "booster")
        assert span["category"] in (HEDGE_CATEGORIES if span["kind"] == "hedge" else BOOSTER_CATEGORIES)
        assert isinstance(span["optional"], bool) and span["note"]
    starts = [s["start"] for s in gold["spans"]]
    assert starts == sorted(starts)
    assert all(a["end"] <= b["start"] for a, b in zip(gold["spans"], gold["spans"][1:], strict=False))


def test_gold_follows_the_guide_on_quotes_attribution_and_determiners(case_study):
    spans = load_gold(case_study.text)["spans"]
    quote = next(p for p in case_study.paragraphs if p.kind == "quote")
    in_quote = [s for s in spans if quote.start <= s["start"] < quote.end]
    assert in_quote and all(s["optional"] for s in in_quote)
    by_text = {s["text"]: s for s in spans}
    assert by_text["expected"]["optional"] and by_text["speculate"]["optional"]  # "Many expected", "Many ... speculate"
    assert not any(s["text"].lower() == "certain" for s in spans)  # "certain words", "certain prerequisites"
    assert not any(s["text"] == "must" for s in spans)  # "we must speak": deontic


def test_load_gold_refuses_a_changed_text(case_study):
    with pytest.raises(ValueError, match="changed"):
        load_gold(case_study.text + " ")


# --- evaluation --------------------------------------------------------------------------------


def test_case_study_scores_by_kind_and_category():
    by_kind, by_category = score_case_study()
    assert {"all", "hedge", "booster"} <= set(by_kind.rows)
    assert by_kind.rows["all"].f1 >= 0.90
    assert all(name.split("/")[0] in ("hedge", "booster") for name in by_category.rows)


def test_scoring_can_fail_a_bad_detector(case_study):
    flipped = [type(h)(h.start, h.end, h.text, "booster" if h.kind == "hedge" else "hedge", h.category)
               for h in find_hedges(case_study.text)]
    by_kind, _ = score_case_study(flipped)
    assert by_kind.rows["all"].f1 < 0.2


def test_evaluate_without_corpora_skips_with_a_note():
    tables = evaluate(None)
    assert any("skipped" in note for t in tables for note in t.notes)
    assert tables[0].rows["all"].tp > 0


def test_evaluate_stance_command_prints_tables(capsys, monkeypatch):
    monkeypatch.setenv("MEDIALIT_CORPORA", "/nonexistent-corpora")
    assert main(["evaluate", "stance"]) == 0
    out = capsys.readouterr().out
    assert "Stance markers in the case study, per kind" in out and "skipped" in out


@pytest.mark.corpus
def test_szeged_scores_on_a_slice(corpora, tmp_path):
    folder = tmp_path / "szeged-uncertainty"
    folder.mkdir()
    lines = (corpora / "szeged-uncertainty" / "wiki.sentences.jsonl").read_text(encoding="utf-8").splitlines()
    (folder / "wiki.sentences.jsonl").write_text("\n".join(lines[:1500]) + "\n", encoding="utf-8")
    sentence, cue = score_szeged(folder)
    ours = sentence.rows["find_hedges (uncertainty categories)"]
    baseline = sentence.rows["baseline: any lexicon hedge word"]
    assert ours.tp + ours.fn > 20
    assert ours.f1 > baseline.f1
    assert cue.rows["all cues"].tp > 0


# --- aggregates --------------------------------------------------------------------------------


def test_stance_profile_per_paragraph_and_sentence(case_study):
    markers = find_hedges(case_study.text)
    paragraphs = stance_profile(case_study)
    sentences = stance_profile(case_study, by="sentence")
    assert len(paragraphs) == len(case_study.paragraphs) and len(sentences) == len(case_study.sentences)
    for table in (paragraphs, sentences):
        assert table["hedges"].sum() == sum(m.kind == "hedge" for m in markers)
        assert table["boosters"].sum() == sum(m.kind == "booster" for m in markers)
    row = paragraphs.iloc[0]
    assert row["hedges_per_100_words"] == round(100 * row["hedges"] / row["words"], 2)
    with pytest.raises(ValueError, match="paragraph"):
        stance_profile(case_study, by="word")


def test_stance_arc_runs_from_first_to_last_paragraph(case_study):
    arc = stance_arc(case_study)
    assert list(arc["paragraph"]) == list(range(len(case_study.paragraphs)))
    assert arc["position"].is_monotonic_increasing and 0 < arc["position"].iloc[-1] <= 1
    assert arc["cumulative_hedges"].iloc[-1] == arc["hedges"].sum()
    assert (arc["balance"] == arc["boosters"] - arc["hedges"]).all()


def test_stance_summary_is_json_ready_and_counts(case_study):
    summary = stance_summary(case_study)
    json.dumps(summary)
    markers = find_hedges(case_study.text)
    assert summary["hedges"] + summary["boosters"] == len(markers)
    assert sum(summary["by_category"].values()) == len(markers)
    assert summary["per_100_words"]["hedge"] == round(100 * summary["hedges"] / case_study.word_count, 2)
    assert summary["top_markers"][0].startswith("could (")
    assert summary["in_quotations"] == 1


def test_stance_summary_of_a_text_without_markers():
    summary = stance_summary(medialit.Document.from_text("The bridge opened on Monday."))
    assert summary["hedges"] == 0 and summary["boosters"] == 0 and summary["top_markers"] == []


# --- medialit analyze ----------------------------------------------------------------------------


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("Prices may rise, as you know. It will certainly happen.\n", encoding="utf-8")
    return path


def test_analyze_json_carries_the_stance_section(article, capsys):
    assert main(["analyze", str(article), "--format", "json", "--quiet"]) == 0
    data = json.loads(capsys.readouterr().out)
    stance = data[0]["sections"]["stance"]
    assert stance["hedges"] == 1 and stance["boosters"] == 2
    assert stance["by_category"] == {"booster/certainty": 1, "booster/shared_knowledge": 1, "hedge/modal": 1}


def test_analyze_text_lists_stance_lines(article, capsys):
    assert main(["analyze", str(article), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "-- Stance markers (hedges and boosters)" in out
    assert "   hedges: 1\n" in out and "   boosters: 2\n" in out
    assert "top_markers: may (1); as you know (1); certainly (1)" in out


def test_analyze_html_escapes(tmp_path, capsys):
    path = tmp_path / "a.md"
    path.write_text("It may be so, as you know.\n", encoding="utf-8")
    assert main(["analyze", str(path), "--format", "html", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "<h3>Stance markers (hedges and boosters)</h3>" in out and "<script" not in out


def test_analyze_missing_file_is_a_one_line_error(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "nope.txt"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("medialit: error:") and err.count("\n") == 1


def test_gold_and_detector_agree_on_the_case_study(case_study):
    gold = load_gold(case_study.text)["spans"]
    matching = match_spans(gold, find_hedges(case_study.text), accept=lambda g, f: g["kind"] == f.kind)
    assert matching.prf.f1 >= 0.90
