"""Files written for people: atomic, normal permissions (umask), no temporary files left behind."""

from __future__ import annotations

import os
import stat
import time

import pytest

from medialit import report
from medialit.safefile import clean_orphans, default_mode, write_atomic

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


@posix
def test_new_file_gets_the_umask_mode(tmp_path, umask_022):
    write_atomic(tmp_path / "a.txt", "hello")
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o644 == default_mode()
    os.umask(0o077)
    write_atomic(tmp_path / "b.txt", b"bytes")
    assert stat.S_IMODE((tmp_path / "b.txt").stat().st_mode) == 0o600


@posix
def test_replaced_file_keeps_its_mode(tmp_path, umask_022):
    path = tmp_path / "a.txt"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "new" and stat.S_IMODE(path.stat().st_mode) == 0o640


def test_orphans_of_killed_writes_are_removed_by_the_next_write(tmp_path):
    path = tmp_path / "report.html"
    old_orphan = tmp_path / ".report.html.k1ll3d.tmp"
    old_orphan.write_bytes(b"x" * 100_000)
    an_hour_ago = time.time() - 3600
    os.utime(old_orphan, (an_hour_ago, an_hour_ago))
    fresh = tmp_path / ".report.html.wr1t1ng.tmp"  # another process may be writing right now
    fresh.write_bytes(b"y")
    other = tmp_path / ".other.html.abc.tmp"
    other.write_bytes(b"z")
    os.utime(other, (an_hour_ago, an_hour_ago))
    write_atomic(path, "<p>ok</p>")
    assert not old_orphan.exists() and fresh.exists() and other.exists()
    assert clean_orphans(path, older_than=0) == [fresh]


@posix
def test_saved_report_is_readable_by_others(tmp_path, umask_022):
    saved = report("Officials said the plan would probably work. Critics disagreed.", charts=False).save(
        tmp_path / "report.html")
    assert stat.S_IMODE(saved.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
