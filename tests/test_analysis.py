"""The analysis object (medialit.analyze), the detector registry, and medialit.report as a module."""

from __future__ import annotations

import importlib
import sys
from collections import Counter

import pytest

import medialit
from medialit import analysis as analysis_module
from medialit.analysis import DETECTORS, Analysis, analyze, detector
from medialit.cli import build_parser
from medialit.summary import SECTIONS, summarize

DETECTOR_FUNCTIONS = {
    "medialit.hedging": ["find_hedges"],
    "medialit.attribution": ["find_attributions"],
    "medialit.framing": ["find_loaded_language", "perspective", "sentence_sentiment"],
    "medialit.claims": ["classify_sentences"],
}


@pytest.fixture
def calls(monkeypatch):
    """Count every call of every detector function, wherever a module imported it from."""
    counter: Counter[str] = Counter()
    originals = {}
    for module_name, names in DETECTOR_FUNCTIONS.items():
        module = importlib.import_module(module_name)
        for name in names:
            originals[getattr(module, name)] = name
    for module in [m for n, m in sys.modules.items() if n.startswith("medialit") and m is not None]:
        for attr, value in list(vars(module).items()):
            if callable(value) and value in originals:
                name = originals[value]

                def counting(*args, _original=value, _name=name, **kwargs):
                    counter[_name] += 1
                    return _original(*args, **kwargs)

                monkeypatch.setattr(module, attr, counting)
    return counter


def test_each_detector_runs_once_per_report(case_study, calls):
    result = medialit.report(case_study, charts=False)
    assert result.summary["words"] == case_study.word_count
    expected = {name for names in DETECTOR_FUNCTIONS.values() for name in names}
    assert set(calls) == expected
    assert all(count == 1 for count in calls.values()), dict(calls)


def test_each_detector_runs_once_for_summary_and_compare_on_one_analysis(case_study, calls):
    analysis = analyze(case_study)
    summarize(analysis)
    medialit.compare(analysis, analysis, names=("a", "b"))
    medialit.report(analysis, charts=False)
    assert all(count == 1 for count in calls.values()), dict(calls)


def test_results_are_lazy_and_kept(calls):
    analysis = analyze("Officials said it may rain. We fear a bloody war.")
    assert not calls
    assert analysis.hedges is analysis.hedges and calls["find_hedges"] == 1
    assert "classify_sentences" not in calls and "find_attributions" not in calls
    assert analysis.claims  # needs attributions, hedges and loaded words: each found once
    assert calls["find_hedges"] == 1 and calls["find_attributions"] == 1 and calls["find_loaded_language"] == 1


def test_analysis_results_equal_the_public_functions():
    text = 'Officials said: "We may well face a bloody war." Critics disagree, as you know. Prices rose.'
    analysis = analyze(text)
    assert analysis.hedges == medialit.find_hedges(text)
    assert analysis.attributions == medialit.find_attributions(text)
    assert analysis.loaded == medialit.find_loaded_language(text)
    assert analysis.perspective == medialit.perspective(text)
    assert analysis.sentiment == medialit.sentence_sentiment(text)
    assert analysis.claims == medialit.classify_sentences(text)
    assert analysis.summary("claims") == medialit.claims_summary(text)
    assert analysis.summary("framing") == medialit.framing_summary(text)


def test_analyze_accepts_text_documents_and_analyses_and_refuses_bad_text():
    doc = medialit.Document.from_text("It may rain.", title="Weather")
    analysis = analyze(doc)
    assert analysis.doc is doc and analysis.title == "Weather"
    assert analyze(analysis) is analysis and isinstance(analyze("It may rain."), Analysis)
    with pytest.raises(ValueError, match="empty"):
        analyze("   ")
    with pytest.raises(ValueError, match="no detector called 'nope'"):
        analysis.result("nope")
    with pytest.raises(ValueError, match="no summary section"):
        analysis.summary("sentiment")


def test_the_registry_drives_evaluate_analyze_and_the_report():
    names = [d.name for d in DETECTORS]
    assert len(names) == len(set(names)) and all(n.isidentifier() and n.islower() for n in names)
    assert all(d.title and d.description for d in DETECTORS)
    evaluate = next(a for a in build_parser()._subparsers._group_actions[0].choices["evaluate"]._actions
                    if a.dest == "what")
    registry = [d.evaluate for d in DETECTORS if d.evaluate]
    assert registry == analysis_module.evaluation_names() == list(evaluate.choices)[: len(registry)]
    assert [name for name, _ in SECTIONS] == [d.name for d in DETECTORS if d.summarize]
    assert sorted(summarize("It may rain.")["sections"]) == sorted(name for name, _ in SECTIONS)
    from medialit.report import SECTION_VIEWS

    assert set(SECTION_VIEWS) == {name for name, _ in SECTIONS}
    assert detector("stance").title == "Stance markers (hedges and boosters)"


def test_summary_keys_are_snake_case():
    summary = summarize("Officials said it may rain, as you know. We fear a bloody war in 2024.")

    def keys(value):
        if isinstance(value, dict):
            for key, inner in value.items():
                yield key
                if key not in {"by_category", "by_type", "loaded_by_category", "whose_we", "we_mentions",
                               "they_mentions", "outsider_mentions"}:  # these are keyed by data values
                    yield from keys(inner)

    for key in keys(summary):
        assert key == key.lower() and " " not in key and "(" not in key, key


def test_report_is_a_module_and_calling_it_makes_a_report():
    import medialit.report as report_module
    from medialit.report import Report, report

    assert medialit.report is report_module and report_module.report is report
    made = medialit.report("We will win. They lie.", charts=False)  # as Lesson 8 calls it
    assert isinstance(made, Report) and made.html == report("We will win. They lie.", charts=False).html
    assert "Reading report" in medialit.report("We will win.", charts=False).title
