"""Shared fixtures: the case study, the development corpora, an isolated progress file."""

from __future__ import annotations

import pytest
from hypothesis import settings

import medialit
from medialit.evaluation import corpora_dir as _corpora_dir

# No per-example deadline: the first example pays for importing NLTK, and the
# machine may be busy; speed is measured in benchmarks/, never in tests.
settings.register_profile("medialit", deadline=None)
settings.load_profile("medialit")


@pytest.fixture(scope="session")
def case_study() -> medialit.Document:
    """The case-study article body."""
    return medialit.load_case_study()


@pytest.fixture(scope="session")
def corpora():
    """``../shared/corpora``; tests that need it are skipped where it is absent."""
    path = _corpora_dir()
    if path is None:
        pytest.skip("development corpora (../shared/corpora) not found beside the clone")
    return path


@pytest.fixture(autouse=True)
def _isolated_progress(tmp_path, monkeypatch):
    """Never touch a real student's progress file from the tests."""
    monkeypatch.setenv("MEDIALIT_PROGRESS", str(tmp_path / "progress.json"))


CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_LAUNCH_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium_browser():
    """One headless Debian Chromium for every browser test of the session.

    Playwright's sync API allows one running instance per thread, so the test
    modules share this one instead of each starting their own.
    """
    from pathlib import Path

    if not Path(CHROMIUM_PATH).is_file():
        pytest.skip(f"Debian's Chromium not found at {CHROMIUM_PATH} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_LAUNCH_ARGS)
        yield browser
        browser.close()
