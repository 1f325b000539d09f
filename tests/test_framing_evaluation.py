"""``medialit evaluate loaded``: the loaded-language finder against the PTC sample."""

from __future__ import annotations

from medialit.cli import main
from medialit.evaluation import loaded


def test_skips_cleanly_without_corpora(tmp_path):
    tables = loaded.evaluate(None)
    assert len(tables) == 1 and not tables[0].rows
    assert "skipped" in tables[0].notes[0]
    tables = loaded.evaluate(tmp_path)  # a folder without ptc-sample
    assert "skipped" in tables[0].notes[0]


def test_ptc_figures(corpora):
    articles = loaded.load_ptc(corpora / "ptc-sample")
    assert len(articles) == 20
    for _, text, gold in articles:
        for span in gold:
            assert text[span["start"] : span["end"]] == span["text"]
    tables = loaded.evaluate(corpora)
    row = tables[0].rows["intensity >= 1"]
    assert row.tp + row.fn == 118  # every Loaded_Language span is scored
    assert row.tp > 0 and row.fp > 0
    assert tables[1].rows["intensity >= 1"].tp + tables[1].rows["intensity >= 1"].fn == 188
    lines = tables[2].rows["intensity >= 1"]
    assert 0 < lines.tp + lines.fn <= 118  # lines holding at least one gold span


def test_malformed_label_file_names_the_line(tmp_path):
    folder = tmp_path / "ptc-sample"
    (folder / "articles").mkdir(parents=True)
    (folder / "labels-TC").mkdir()
    (folder / "articles" / "article1.txt").write_text("A massacre.\n", encoding="utf-8")
    (folder / "labels-TC" / "article1.task2-TC.labels").write_text("1\tLoaded_Language\t2\n")
    try:
        loaded.evaluate(tmp_path)
    except ValueError as exc:
        assert "line 1" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("a malformed label file was accepted")


def test_cli_evaluate_loaded(corpora, capsys):
    assert main(["evaluate", "loaded", "--corpora", str(corpora), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert "Loaded_Language" in out and '"precision"' in out
