"""Write the printable copies of book pages that teachers print (offline, self-contained HTML).

    python book/make_printables.py          # rewrite book/instructor/rubric-print.html
    python book/make_printables.py --check  # exit 1 if the committed copy is out of date

The printable rubric is rendered from ``book/instructor/rubric.md`` with markdown-it (HTML in the
source is escaped, not passed through), so the two never disagree; tests/test_rubric.py runs the
check.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from markdown_it import MarkdownIt

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "instructor" / "rubric.md"
TARGET = HERE / "instructor" / "rubric-print.html"

STYLE = """
body { font: 11pt/1.4 Georgia, "Times New Roman", serif; color: #111;
       max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 1.6rem; }
table { border-collapse: collapse; width: 100%; margin: 0.6rem 0; }
th, td { border: 1px solid #444; padding: 0.3rem 0.45rem; vertical-align: top; text-align: left; }
th { background: #e8e8e8; }
@media print {
  body { margin: 0; max-width: none; font-size: 9.5pt; }
  h2 { break-before: page; }
  h2:first-of-type { break-before: auto; }
  table, li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def render() -> str:
    """The printable page, from the rubric's Markdown (MyST roles dropped, links kept as text)."""
    text = SOURCE.read_text(encoding="utf-8")
    drop = ("{download}", "(open it in a browser")
    text = "\n".join(line for line in text.splitlines() if not any(d in line for d in drop))
    text = re.sub(r"\[([^\]]+)\]\([^)]+\.md\)", r"\1", text)
    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(text)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>medialit: assessment rubrics (printable)</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n"
        "<footer><p><small>From the medialit course, book page <em>Assessment rubrics</em>. CC BY 4.0."
        "</small></p></footer>\n"
        "</body>\n</html>\n"
    )


def main(argv: list[str]) -> int:
    page = render()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != page:
            print(f"{TARGET.name} is out of date: run python book/make_printables.py")
            return 1
        return 0
    TARGET.write_text(page, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
