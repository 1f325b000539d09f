"""A tiny, safe Markdown subset for quiz prompts, hints and explanations.

Text is HTML-escaped *first*; only then are ``**bold**``, ``*italic*``,
``` `code` ```, ``[text](url)`` (http, https, mailto or relative URLs),
blank-line paragraphs and ``- `` bullet lists turned into tags. Raw HTML in a
bank is therefore shown literally and never runs.

>>> to_html("It is *likely* <b>here</b>")
'<p>It is <em>likely</em> &lt;b&gt;here&lt;/b&gt;</p>'
"""

from __future__ import annotations

import html
import re

__all__ = ["inline_html", "to_html", "to_text"]

_CODE = re.compile(r"`([^`\n]+)`")
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)")


def _inline(text: str) -> str:
    """Escape ``text`` and apply the inline subset (code, links, bold, italic)."""
    codes: list[str] = []

    def keep_code(m: re.Match) -> str:
        codes.append(f"<code>{m.group(1)}</code>")
        return f"\x00{len(codes) - 1}\x00"

    # NUL marks the code spans set aside below, so a NUL in the text itself is replaced first.
    out = html.escape(text.replace("\x00", "\ufffd"), quote=True)
    out = _CODE.sub(keep_code, out)

    def link(m: re.Match) -> str:
        label, url = m.group(1), m.group(2)
        raw_url = html.unescape(url)
        if not (re.match(r"^(?:https?|mailto):", raw_url, re.I) or ":" not in raw_url):
            return m.group(0)
        return f'<a href="{url}">{label}</a>'

    out = _LINK.sub(link, out)
    out = _BOLD.sub(r"<strong>\1</strong>", out)
    out = _ITALIC.sub(lambda m: f"<em>{m.group(1) or m.group(2)}</em>", out)
    return re.sub("\x00(\\d+)\x00", lambda m: codes[int(m.group(1))], out)


def inline_html(text: str | None) -> str:
    """Render ``text`` as one line of escaped HTML (inline subset only, no ``<p>``)."""
    return _inline(" ".join(str(text or "").split()))


def to_html(text: str | None) -> str:
    """Render ``text`` (the safe Markdown subset) as escaped HTML; ``None`` gives ``""``."""
    if not text:
        return ""
    blocks = re.split(r"\n\s*\n", str(text).strip())
    parts = []
    for block in blocks:
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if lines and all(re.match(r"^[-*] ", line) for line in lines):
            items = "".join(f"<li>{_inline(line[2:].strip())}</li>" for line in lines)
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{_inline(' '.join(lines))}</p>")
    return "".join(parts)


def to_text(text: str | None) -> str:
    """``text`` with the Markdown markers removed (for plain-text labels)."""
    if not text:
        return ""
    out = _LINK.sub(r"\1", str(text))
    out = _CODE.sub(r"\1", out)
    out = _BOLD.sub(r"\1", out)
    out = _ITALIC.sub(lambda m: m.group(1) or m.group(2), out)
    return " ".join(out.split())
