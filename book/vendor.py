"""Copy the JavaScript the book serves itself from ``node_modules`` into the repository.

Run after ``npm ci`` at the top of the repository (``package.json`` pins the versions)::

    npm ci && python book/vendor.py

It writes ``book/_assets/vendor/`` (Vega, Vega-Lite, vega-embed with their licences and a
``VERSIONS.md``) and ``tests/vendor/axe-core/`` (axe-core, used only by the browser tests).
The copies are committed, so building the book needs neither npm nor the network.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ROOT / "node_modules"
BOOK_VENDOR = ROOT / "book" / "_assets" / "vendor"
TEST_VENDOR = ROOT / "tests" / "vendor" / "axe-core"

#: npm package -> (file in the package, name in the book)
BOOK_FILES = {
    "vega": ("build/vega.min.js", "vega.min.js"),
    "vega-lite": ("build/vega-lite.min.js", "vega-lite.min.js"),
    "vega-embed": ("build/vega-embed.min.js", "vega-embed.min.js"),
}


def _package(name: str) -> dict:
    path = MODULES / name / "package.json"
    if not path.is_file():
        sys.exit(f"vendor.py: {path} not found: run `npm ci` at the top of the repository first")
    return json.loads(path.read_text(encoding="utf-8"))


def _copy(src: Path, dest: Path) -> None:
    # tests/test_book_config.py checks that no vendored file names a CDN.
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)


def main() -> int:
    lines = [
        "# Vendored JavaScript",
        "",
        "Served by the book from its own `_static/vendor/` folder, so no page loads a script from",
        "another site. Copied from npm by `python book/vendor.py` (versions pinned in",
        "`package.json` / `package-lock.json`). Do not edit these files by hand.",
        "",
        "| file | npm package | version | licence | licence file |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, (inner, out) in BOOK_FILES.items():
        meta = _package(name)
        _copy(MODULES / name / inner, BOOK_VENDOR / out)
        shutil.copyfile(MODULES / name / "LICENSE", BOOK_VENDOR / f"LICENSE-{name}.txt")
        lines.append(
            f"| `{out}` | `{name}` | {meta['version']} | {meta['license']} | `LICENSE-{name}.txt` |"
        )
    lines += [
        "",
        "Their dependencies as installed by `npm ci` (the minified builds bundle the browser-side",
        "ones, such as the D3 and vega-* modules; command-line ones like yargs are not shipped):",
        "",
    ]
    for meta_path in sorted(MODULES.glob("*/package.json")) + sorted(MODULES.glob("@*/*/package.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta["name"] in BOOK_FILES or meta["name"] == "axe-core" or meta["name"].startswith("@types/"):
            continue
        lines.append(f"- `{meta['name']}` {meta['version']} ({meta.get('license', 'see package')})")
    lines.append("")
    (BOOK_VENDOR / "VERSIONS.md").write_text("\n".join(lines), encoding="utf-8")

    axe = _package("axe-core")
    _copy(MODULES / "axe-core" / "axe.min.js", TEST_VENDOR / "axe.min.js")
    shutil.copyfile(MODULES / "axe-core" / "LICENSE", TEST_VENDOR / "LICENSE.txt")
    (TEST_VENDOR / "VERSION").write_text(f"axe-core {axe['version']} ({axe['license']})\n")
    print(f"vendored {', '.join(BOOK_FILES)} into {BOOK_VENDOR} and axe-core into {TEST_VENDOR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
