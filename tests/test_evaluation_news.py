"""Gold of the news texts (datasets/gold/news-texts) and ``medialit evaluate news``."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest

from medialit.cli import main
from medialit.evaluation import corpora_dir, evaluation_choices, news
from medialit.evaluation.annotated import AnnotatedText, score_texts

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "datasets" / "gold" / "news-texts"
CORPORA = corpora_dir()
NEWS_TEXTS = CORPORA / news.CORPUS if CORPORA is not None else None
needs_texts = pytest.mark.skipif(NEWS_TEXTS is None or not NEWS_TEXTS.is_dir(),
                                 reason="the developers' corpora (news-texts) are not here; they are not shipped")
KINDS = {"hedge": {"modal", "tentative_frame", "probability", "evidential", "approximator", "shield", "doxastic",
                   "limiter"},
         "booster": {"certainty", "emphatic", "absolute", "shared_knowledge"}}
TYPES = {"named_person", "official_role", "organization", "vague", "common_knowledge", "pronoun"}


def test_gold_files_come_in_pairs_with_known_labels():
    stance = sorted(GOLD.glob("*.stance.json"))
    assert len(stance) == 11
    for path in stance:
        name = path.name.removesuffix(".stance.json")
        assert news.genre(name) in news.GENRES
        spans = json.loads(path.read_text(encoding="utf-8"))["spans"]
        assert all(s["category"] in KINDS[s["kind"]] for s in spans), name
        sources = json.loads((GOLD / f"{name}.attribution.json").read_text(encoding="utf-8"))["sources"]
        assert sources, name
        assert all(set(s["types"]) <= TYPES and s["types"] for s in sources), name
        assert all(len(s.get("quote", {}).get("text", "")) <= 60 for s in sources), name


@needs_texts
def test_every_gold_span_matches_its_text():
    texts = news.load_news(NEWS_TEXTS, GOLD)  # checks the hash, stance spans and source spans
    assert len(texts) == 11
    for item in texts:
        for source in item.attribution["sources"]:
            for cue in [source["cue"], *source.get("other_cues", [])]:
                assert item.text[cue["start"]:cue["end"]] == cue["text"], item.name
            quote = source.get("quote")
            if quote:
                assert item.text[quote["start"]:quote["end"]].startswith(quote["text"]), item.name
                assert quote.get("truncated", False) == (quote["end"] - quote["start"] > len(quote["text"]))


# Two invented texts and their gold: what the detectors find on them is plain ("said", "may", "certainly",
# "probably", "Perhaps", "say"); one gold hedge ("bridge") is there to be missed.
A = ("The minister said the bridge may close next week. "
     "The river will certainly rise, and it will probably flood the old mill.")
B = "Residents say the market is open again. Perhaps it will stay open."


def _span(text: str, word: str, **extra) -> dict:
    start = text.index(word)
    return {"start": start, "end": start + len(word), "text": word, **extra}


def _gold(text: str, spans: list[dict], sources: list[dict]) -> tuple[dict, dict]:
    header = {"text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "text_length": len(text)}
    return {**header, "spans": spans}, {**header, "sources": sources}


def _invented() -> dict[str, tuple[str, dict, dict]]:
    stance_a = [_span(A, "may", kind="hedge", category="modal", optional=False),
                _span(A, "bridge", kind="hedge", category="limiter", optional=False),
                _span(A, "certainly", kind="booster", category="certainty", optional=False)]
    sources_a = [_span(A, "The minister", types=["official_role"], cue=_span(A, "said"), optional=False)]
    stance_b = [_span(B, "Perhaps", kind="hedge", category="probability", optional=True)]
    sources_b = [_span(B, "Residents", types=["named_person"], cue=_span(B, "say"), optional=False)]
    return {"01_news_bridge": (A, *_gold(A, stance_a, sources_a)),
            "02_opinion_market": (B, *_gold(B, stance_b, sources_b))}


def _write(tmp_path: Path) -> tuple[Path, Path]:
    corpora, datasets = tmp_path / "corpora", tmp_path / "datasets"
    (corpora / news.CORPUS).mkdir(parents=True)
    (datasets / "gold" / news.CORPUS).mkdir(parents=True)
    for name, (text, stance, attribution) in _invented().items():
        (corpora / news.CORPUS / f"{name}.txt").write_text(text, encoding="utf-8")
        for kind, gold in (("stance", stance), ("attribution", attribution)):
            (datasets / "gold" / news.CORPUS / f"{name}.{kind}.json").write_text(json.dumps(gold), encoding="utf-8")
    return corpora, datasets


def test_scores_of_an_invented_pair():
    texts = [AnnotatedText(name, *gold) for name, gold in _invented().items()]
    stance, uncertainty, sources = score_texts(texts, "Invented", group=news.genre)
    rows = {k: (v.tp, v.fp, v.fn) for k, v in stance.rows.items()}
    # may and certainly found; probably is a false alarm; bridge missed; optional Perhaps counts neither way
    assert rows == {"all": (2, 1, 1), "hedge": (1, 1, 1), "booster": (1, 0, 0), "news": (2, 1, 1),
                    "opinion": (0, 0, 0)}
    assert stance.rows["all"].precision == pytest.approx(2 / 3) and stance.rows["all"].f1 == pytest.approx(2 / 3)
    # sentence level: "may" sentence right, "probably" sentence a false alarm, "Perhaps" sentence optional
    assert (uncertainty.rows["find_hedges"].tp, uncertainty.rows["find_hedges"].fp,
            uncertainty.rows["find_hedges"].fn) == (1, 1, 0)
    found = {k: (v.tp, v.fp, v.fn) for k, v in sources.rows.items()}
    # "Residents" is found with type vague, but the gold accepts only named_person
    assert found == {"sources, type checked": (1, 1, 1), "sources, type not checked": (2, 0, 0),
                     "news, type checked": (1, 0, 0), "news, type not checked": (1, 0, 0),
                     "opinion, type checked": (0, 1, 1), "opinion, type not checked": (1, 0, 0)}
    assert sources.rows["sources, type checked"].recall == pytest.approx(0.5)


def test_a_changed_text_is_refused(tmp_path):
    corpora, datasets = _write(tmp_path)
    (corpora / news.CORPUS / "01_news_bridge.txt").write_text(A + " Extra.", encoding="utf-8")
    with pytest.raises(ValueError, match="text changed"):
        news.load_news(corpora / news.CORPUS, datasets / "gold" / news.CORPUS)


def test_genre_comes_from_the_file_name():
    assert [news.genre(n) for n in ("01_news_a", "05_analysis_b", "06_opinion_c", "11_fake_d")] == list(news.GENRES)
    with pytest.raises(ValueError):
        news.genre("12_satire_e")


def test_cli_prints_the_three_tables_with_genre_rows(tmp_path, monkeypatch, capsys):
    assert "news" in evaluation_choices()
    corpora, datasets = _write(tmp_path)
    monkeypatch.setenv("MEDIALIT_DATASETS", str(datasets))
    assert main(["evaluate", "news", "--corpora", str(corpora)]) == 0
    out = capsys.readouterr().out
    for title in ("stance markers", "uncertainty, sentence level", "attribution sources"):
        assert f"News texts (development): {title}" in out
    assert "genre news" in out and "genre opinion, type checked" in out
    assert "development figures" in out
    assert "2 real texts (1 news, 0 analysis, 1 opinion, 0 fake" in out


def test_without_the_texts_the_evaluation_is_skipped(tmp_path):
    out = io.StringIO()
    from medialit.evaluation import format_tables

    out.write(format_tables(news.evaluate(tmp_path)))
    assert "skipped: ../shared/corpora/news-texts not found" in out.getvalue()
    assert "skipped" in format_tables(news.evaluate(None))
