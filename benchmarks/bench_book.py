"""Time the book build and weigh its lesson pages. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_book.py            # cold + warm build, raw execution, weight
    .venv/bin/python benchmarks/bench_book.py --weight-only book/_build/html

* **snapshot**: the working tree (book, lessons, package, data) is copied to a temporary folder
  first, and the kernels import medialit from that copy (``PYTHONPATH``), so edits made while
  the benchmark runs cannot force a re-execution;
* **cold build**: ``jupyter-book build -W -n --keep-going`` into an empty temporary folder
  (``--path-output``), so no execution cache and no Sphinx environment exist;
* **warm rebuild**: the same command again with nothing changed;
* **raw execution**: every notebook of the book run once with nbclient, one after another
  (what executing alone costs, without Sphinx);
* **page weight**: each lesson page loaded in Chromium from 127.0.0.1, with every file it
  fetches (theme, fonts, Vega, quiz), raw and gzip-compressed.

Targets (issue 9): warm rebuild under 10% of the cold build; cold build under 2x raw execution.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JB = ROOT / ".venv" / "bin" / "jupyter-book"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


SNAPSHOT_IGNORE = (".git", ".venv", "node_modules", "_build", "__pycache__", ".jupyter_cache",
                   ".pytest_cache", ".ruff_cache", ".hypothesis", "build", "dist", "*.egg-info")


def snapshot(dest: Path) -> Path:
    """Copy the working tree to ``dest`` (symlinks kept); returns the copy's root."""
    shutil.copytree(ROOT, dest, symlinks=True, ignore=shutil.ignore_patterns(*SNAPSHOT_IGNORE))
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(dest / "src")] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    )
    return dest


def build(root: Path, output: Path) -> tuple[float, int, str]:
    """Build ``root/book`` into ``output/_build/html``; returns seconds, exit status, last lines."""
    cmd = [str(JB), "build", "-W", "-n", "--keep-going", "--path-output", str(output),
           str(root / "book")]
    env = {**os.environ, "MEDIALIT_BOOK": "1"}
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    tail = "\n".join((done.stdout + done.stderr).splitlines()[-6:])
    return elapsed, done.returncode, tail


def book_notebooks(root: Path) -> list[Path]:
    """The notebooks the book executes: lessons, and Markdown pages with a kernelspec."""
    lessons = sorted((root / "lessons").glob("[0-9][0-9]-*.ipynb"))
    pages = [
        p for p in sorted((root / "book").rglob("*.md"))
        if "_build" not in p.parts and p.read_text(encoding="utf-8").startswith("---")
        and "kernelspec:" in p.read_text(encoding="utf-8").split("\n---", 1)[0]
    ]
    return lessons + pages


def raw_execution(paths: list[Path]) -> tuple[float, list[tuple[str, float, str]]]:
    """Execute each notebook with nbclient; returns total seconds and (name, seconds, status)."""
    import nbclient
    import nbformat
    from myst_nb.core.read import read_myst_markdown_notebook

    os.environ["MEDIALIT_BOOK"] = "1"
    rows, total = [], 0.0
    for path in paths:
        if path.suffix == ".ipynb":
            nb = nbformat.read(path, as_version=4)
        else:
            nb = read_myst_markdown_notebook(path.read_text(encoding="utf-8"))
        client = nbclient.NotebookClient(
            nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
        )
        started = time.perf_counter()
        try:
            client.execute()
            status = "ok"
        except Exception as exc:  # report and go on: the figure is still informative
            status = f"failed: {type(exc).__name__}"
        elapsed = time.perf_counter() - started
        total += elapsed
        rows.append((path.name, elapsed, status))
    return total, rows


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


def page_weights(html_dir: Path) -> list[tuple[str, int, int, int]]:
    """(page, requests, raw bytes, gzip bytes) for each lesson page, loaded in Chromium."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(html_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    pages = sorted(p.relative_to(html_dir).as_posix() for p in (html_dir / "lessons").glob("*.html"))
    rows = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for page_name in pages:
                context = browser.new_context()  # empty cache: every shared asset counts
                page = context.new_page()
                bodies: list[bytes] = []

                def keep(response, bodies=bodies):
                    try:
                        bodies.append(response.body())
                    except Exception:  # redirects and aborted requests have no body
                        pass

                page.on("response", keep)
                page.goto(base + page_name, wait_until="networkidle")
                page.wait_for_timeout(300)
                raw = sum(len(b) for b in bodies)
                compressed = sum(len(gzip.compress(b, 6)) for b in bodies)
                rows.append((page_name, len(bodies), raw, compressed))
                context.close()
            browser.close()
    finally:
        httpd.shutdown()
    return rows


def _mb(n: int) -> str:
    return f"{n / 1e6:6.2f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--weight-only", metavar="HTML_DIR", help="only weigh the pages of this build")
    parser.add_argument("--no-weight", action="store_true", help="skip the page weights")
    args = parser.parse_args(argv)

    if args.weight_only:
        html_dir = Path(args.weight_only)
    else:
        tmp = Path(tempfile.mkdtemp(prefix="medialit-bench-book-"))
        root = snapshot(tmp / "repo")
        out = tmp / "out"
        cold, status_cold, tail = build(root, out)
        print(f"cold build            {cold:7.1f} s   (exit {status_cold})")
        if status_cold:
            print("  the build reported problems; last lines:\n  " + tail.replace("\n", "\n  "))
        warm, status_warm, _ = build(root, out)
        print(f"warm rebuild          {warm:7.1f} s   (exit {status_warm}; {100 * warm / cold:.0f}% of cold,"
              " target < 10%)")
        notebooks = book_notebooks(root)
        raw, rows = raw_execution(notebooks)
        for name, seconds, status in rows:
            print(f"  nbclient {name:34s} {seconds:6.1f} s  {status}")
        print(f"raw execution (nbclient, {len(rows)} notebooks) {raw:7.1f} s   "
              f"(cold build = {cold / raw:.2f}x raw, target < 2x)")
        html_dir = out / "_build" / "html"
        print(f"build kept in {tmp} (delete it when done)")

    if args.no_weight:
        return 0
    if not Path(CHROMIUM).is_file():
        print(f"page weight: skipped, no Chromium at {CHROMIUM}")
        return 0
    print("page weight (empty browser cache, every request of the page):")
    for page_name, requests, raw_bytes, gz_bytes in page_weights(html_dir):
        print(f"  {page_name:38s} {requests:3d} requests  {_mb(raw_bytes)} raw  {_mb(gz_bytes)} gzip")
    return 0


if __name__ == "__main__":
    sys.exit(main())
