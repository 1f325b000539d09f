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
* **page weight**: each lesson page opened in Chromium from 127.0.0.1 with an empty cache and
  scrolled to its end; every file it fetches (the page, theme, fonts, Vega, quiz) is weighed
  from disk, raw and gzip-compressed (``--detail N`` lists each page's N heaviest files).
  Requests that leave 127.0.0.1 are blocked and listed.

Targets (issue 9): warm rebuild under 10% of the cold build; cold build under 2x raw execution.
Target (issue 14): every lesson page at most 1.0 MB gzip.
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


#: Scrolls a page to its end in screen-sized steps, so lazy content loads as a reader would make it.
SCROLL_THROUGH = """async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await new Promise(resolve => setTimeout(resolve, 60));
    }
}"""

#: Served files the browser fetched, outside requests and failures of one page visit.
Visit = tuple[list[Path], list[str]]

TARGET_GZIP = 1_000_000  # issue 14: no lesson page over 1.0 MB gzip


def _visit(browser, base: str, html_dir: Path, page_name: str) -> Visit:
    """Open ``page_name`` in a fresh context (empty cache) and list every file it fetched."""
    from urllib.parse import unquote, urlsplit

    context = browser.new_context(service_workers="block")
    page = context.new_page()
    urls: list[str] = []
    problems: list[str] = []

    def route(r):
        url = r.request.url
        if url.startswith(("data:", "blob:", "about:")) or url.startswith(base):
            r.continue_()
        else:
            problems.append(f"outside request blocked: {url}")
            r.abort("blockedbyclient")

    context.route("**/*", route)
    page.on("request", lambda request: urls.append(request.url))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    page.goto(base + page_name, wait_until="networkidle")
    page.evaluate(SCROLL_THROUGH)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    context.close()
    files: list[Path] = []
    for url in dict.fromkeys(urls):  # a file fetched twice is in the cache the second time
        if not url.startswith(base):
            continue
        path = html_dir / unquote(urlsplit(url).path[len(urlsplit(base).path):])
        if path.is_dir():
            path = path / "index.html"
        if path.is_file() and path not in files:
            files.append(path)
        elif not path.is_file():
            problems.append(f"not found: {url}")
    return files, problems


def _gzip_size(path: Path, cache: dict[Path, int]) -> int:
    if path not in cache:
        cache[path] = len(gzip.compress(path.read_bytes(), 6))
    return cache[path]


def page_weights(html_dir: Path, pages: list[str] | None = None):
    """``(page, files, problems)`` for each lesson page, loaded in Chromium from 127.0.0.1.

    ``files`` is every file the page fetched on an empty cache (the page itself, theme, fonts,
    scripts, Vega, images), scrolled to its end, as ``(name, raw bytes, gzip bytes)``; the
    gzip size is the file compressed at level 6, as a web server would send it (woff2 and PNG
    hardly shrink). ``problems`` lists requests that left 127.0.0.1 or failed.
    """
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(html_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    if pages is None:
        pages = sorted(p.relative_to(html_dir).as_posix() for p in (html_dir / "lessons").glob("*.html"))
    rows, sizes = [], {}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for page_name in pages:
                files, problems = _visit(browser, base, html_dir, page_name)
                weighed = [(f.relative_to(html_dir).as_posix(), f.stat().st_size, _gzip_size(f, sizes))
                           for f in files]
                rows.append((page_name, weighed, problems))
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return rows


def _mb(n: int) -> str:
    return f"{n / 1e6:6.2f} MB"


def print_weights(html_dir: Path, detail: int) -> None:
    print("page weight (empty browser cache, every file the page fetches, scrolled to its end):")
    worst = ("", 0)
    for page_name, files, problems in page_weights(html_dir):
        raw = sum(f[1] for f in files)
        gz = sum(f[2] for f in files)
        worst = max(worst, (page_name, gz), key=lambda w: w[1])
        flag = "" if gz <= TARGET_GZIP else "   OVER 1.0 MB"
        print(f"  {page_name:38s} {len(files):3d} files  {_mb(raw)} raw  {_mb(gz)} gzip{flag}")
        for name, raw_bytes, gz_bytes in sorted(files, key=lambda f: -f[2])[:detail]:
            print(f"      {gz_bytes / 1e3:8.1f} kB gzip  {raw_bytes / 1e3:8.1f} kB raw  {name}")
        for problem in problems:
            print(f"      problem: {problem}")
    print(f"heaviest lesson page: {worst[0]} {_mb(worst[1])} gzip (target <= 1.00 MB)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--weight-only", metavar="HTML_DIR", help="only weigh the pages of this build")
    parser.add_argument("--no-weight", action="store_true", help="skip the page weights")
    parser.add_argument("--detail", type=int, default=0, metavar="N",
                        help="list the N heaviest files of each page")
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
    print_weights(html_dir, args.detail)
    return 0


if __name__ == "__main__":
    sys.exit(main())
