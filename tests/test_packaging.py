"""A built wheel carries the package data (word lists, quiz assets), so installs work."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    if result.returncode != 0:
        pytest.fail(f"building the wheel failed: {result.stderr[-2000:]}")
    return zipfile.ZipFile(next(out.glob("medialit-*.whl")))


def test_wheel_has_every_data_file(wheel):
    names = set(wheel.namelist())
    data_dir = ROOT / "src" / "medialit"
    shipped = [p for p in data_dir.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc")
               and "__pycache__" not in p.parts]
    assert shipped, "no package data found"
    for path in shipped:
        assert path.relative_to(ROOT / "src").as_posix() in names, f"{path.name} is missing from the wheel"


def test_wheel_declares_the_command(wheel):
    entry_points = next(n for n in wheel.namelist() if n.endswith("entry_points.txt"))
    assert "medialit = medialit.cli:main" in wheel.read(entry_points).decode()
