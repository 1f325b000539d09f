"""The course's leads (datasets/leads.md) and the facts the course may state."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import medialit
from medialit.leads import lead, lead_names, load_leads

ROOT = Path(__file__).resolve().parents[1]


def test_every_lead_names_a_source():
    leads = load_leads()
    assert len(leads) >= 6
    for name, text in leads.items():
        sourced = re.search(r"\b\d{4}\b|\w+\.(?:com|org|hk|cn|news)\b|found when the course|page shows|page's", text)
        assert sourced, f"lead {name!r} names no report, date or page"


def test_leads_are_in_order_and_printable():
    names = lead_names()
    assert names[:2] == ["putin-interview", "interview-channel"]
    assert medialit.lead("tan-kefei").startswith("**Lead 3 · tan-kefei ·")


def test_unknown_lead_lists_the_names():
    with pytest.raises(ValueError, match="putin-interview"):
        lead("no-such-lead")


def test_missing_marker_is_a_one_line_error(tmp_path, monkeypatch):
    (tmp_path / "leads.md").write_text("# Leads\n\n**Lead 1 · x · X.** text\n", encoding="utf-8")
    monkeypatch.setenv("MEDIALIT_DATASETS", str(tmp_path))
    with pytest.raises(ValueError, match="<!-- leads -->"):
        load_leads()


def _course_texts():
    for path in sorted((ROOT / "lessons").glob("[0-9][0-9]-*.ipynb")):
        for i, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
            src = cell["source"]
            yield f"{path.name} cell {i}", "".join(src) if isinstance(src, list) else src
    for pattern in ("lessons/quizzes/*.yaml", "book/*.md", "book/instructor/*.md", "datasets/**/*.md"):
        for path in sorted(ROOT.glob(pattern)):
            yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")


def test_the_interview_channel_is_never_stated_as_settled():
    """Reports disagree (Rossiya-24 or Rossiya 1): wherever one is named, so is the other."""
    for where, text in _course_texts():
        if re.search(r"Rossiya[- ]24|Russia 24", text):
            assert "Rossiya 1" in text, f"{where} names Rossiya-24 without the disagreement"


def test_no_course_file_points_outside_the_repository():
    """Students have no ../shared folder: leads live in datasets/leads.md."""
    for where, text in _course_texts():
        assert "shared/case-facts" not in text, f"{where} points to ../shared/case-facts.md"
