"""The course as a wheel: installed outside the repository, ``medialit lab`` copies it and its lessons run.

A wheel is built from this repository and installed, without dependencies, into a fresh
virtual environment in a temporary folder. To stay fast (and offline), the new
environment borrows the already-installed dependencies through a ``.pth`` line naming
this environment's site-packages; that line adds the folder to ``sys.path`` without
running its ``.pth`` files, so the editable install of medialit there stays inactive and
``import medialit`` finds the wheel's copy only (the test checks where it came from).
Then ``medialit lab --dry-run`` and ``medialit lab --no-browser`` run on a fresh folder,
and Lessons 0 and 3 of the copied course execute there with nbclient, in a kernel of the
new environment.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import sysconfig
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.notebooks
ROOT = Path(__file__).resolve().parents[1]
LESSONS_TO_RUN = ("00-", "03-hedging")


def _bin(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / name


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return next(out.glob("medialit-*.whl"))


@pytest.fixture(scope="module")
def venv(tmp_path_factory, wheel) -> Path:
    """A fresh venv outside the repository with medialit from the wheel only."""
    venv = tmp_path_factory.mktemp("outside") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = _bin(venv, "python")
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          capture_output=True, text=True, check=True).stdout.strip()
    Path(site, "borrowed-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return venv


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDIALIT_")}
    env.update(HOME=str(tmp), MEDIALIT_PROGRESS=str(tmp / "progress.json"), JUPYTER_PLATFORM_DIRS="1")
    return env


def test_the_wheel_carries_the_course(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("lessons", "datasets"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and ".ipynb_checkpoints" not in path.parts:
                rel = path.relative_to(ROOT).as_posix()
                assert f"medialit/course-files/{rel}" in names, f"{rel} is missing from the wheel"
    assert "medialit/course/publishing.yaml" in names
    assert any(n.endswith("data/share/jupyter/lab/settings/overrides.d/medialit.json") for n in names)


def test_medialit_comes_from_the_wheel_and_finds_its_data(venv, tmp_path):
    code = "import medialit; d = medialit.load_case_study(); print(medialit.__file__); print(len(d.text))"
    result = subprocess.run([str(_bin(venv, "python")), "-c", code], cwd=tmp_path, env=_env(tmp_path),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    where, length = result.stdout.split()
    assert Path(where).resolve().is_relative_to(venv.resolve()), where
    assert int(length) > 1000
    assert (venv / "share/jupyter/lab/settings/overrides.d/medialit.json").is_file()


def test_medialit_lab_dry_run_changes_nothing(venv, tmp_path):
    folder = tmp_path / "course"
    result = subprocess.run([str(_bin(venv, "medialit")), "lab", str(folder), "--dry-run"], cwd=tmp_path,
                            env=_env(tmp_path), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "would copy" in result.stdout and "jupyterlab lessons/00-" in result.stdout
    assert not folder.exists()


def _start_lab(venv: Path, folder: Path, tmp: Path) -> tuple[subprocess.Popen, str]:
    log = tmp / "lab.log"
    process = subprocess.Popen([str(_bin(venv, "medialit")), "lab", str(folder), "--no-browser"], cwd=tmp,
                               env=_env(tmp), stdout=log.open("wb"), stderr=subprocess.STDOUT,
                               start_new_session=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and process.poll() is None:
        text = log.read_text(errors="replace")
        if "http://127.0.0.1:" in text or "http://localhost:" in text:
            return process, text
        time.sleep(0.5)
    os.killpg(process.pid, signal.SIGTERM)
    pytest.fail(f"JupyterLab did not start:\n{log.read_text(errors='replace')[-3000:]}")


def _run_lessons(venv: Path, folder: Path, tmp: Path) -> str:
    script = textwrap.dedent(f"""
        import sys, nbformat, nbclient
        from pathlib import Path
        lessons = Path({str(folder / "lessons")!r})
        for prefix in {LESSONS_TO_RUN!r}:
            path = next(lessons.glob(prefix + "*.ipynb"))
            nb = nbformat.read(path, as_version=4)
            nb.cells.append(nbformat.v4.new_code_cell("import medialit; print(medialit.__file__)"))
            nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                    resources={{"metadata": {{"path": str(lessons)}}}}).execute()
            errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
            assert not errors, (path.name, errors)
            print(path.name, nb.cells[-1].outputs[0]["text"].strip())
    """)
    result = subprocess.run([str(_bin(venv, "python")), "-c", script], cwd=tmp, env=_env(tmp),
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    return result.stdout


def test_medialit_lab_copies_the_course_and_its_lessons_run(venv, tmp_path):
    folder = tmp_path / "course"
    process, log = _start_lab(venv, folder, tmp_path)
    try:
        assert "copied" in log
        assert next((folder / "lessons").glob("00-*.ipynb")).is_file()
        assert (folder / "lessons" / "quizzes" / "lesson03.yaml").is_file()
        assert (folder / "datasets" / "case-study" / "page.txt").is_file()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)
    ran = _run_lessons(venv, folder, tmp_path)
    lines = ran.strip().splitlines()
    assert len(lines) == len(LESSONS_TO_RUN)
    for line in lines:  # the kernel imported medialit from the wheel, not from the repository
        assert Path(line.split()[-1]).resolve().is_relative_to(venv.resolve()), line


def test_a_second_run_keeps_the_students_edits(venv, tmp_path):
    folder = tmp_path / "course"
    process, _ = _start_lab(venv, folder, tmp_path)
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=60)
    edited = next((folder / "lessons").glob("03-*.ipynb"))
    edited.write_text(edited.read_text(encoding="utf-8").replace("hedg", "HEDG", 1), encoding="utf-8")
    before = edited.read_bytes()
    removed = folder / "datasets" / "case-study" / "metadata.yaml"
    removed.unlink()
    process, log = _start_lab(venv, folder, tmp_path)
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=60)
    assert "copied 1 file(s)" in log and f"lessons/{edited.name}" in log
    assert edited.read_bytes() == before and removed.is_file()
