"""Checks on input text, each failing with a one-line message that says what to fix.

Every way text comes in (a file, a symbolic link, standard input) is read by
:func:`read_limited` or :func:`read_stream`: in chunks, never past
:data:`MAX_FILE_BYTES`, and only from regular files, so a device such as
``/dev/zero``, a named pipe or an endless stream ends in the same one-line
error instead of filling the memory or waiting forever.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

__all__ = [
    "LIMIT_EXPLAINED",
    "MAX_CHARS",
    "MAX_FILE_BYTES",
    "check_text",
    "decode_bytes",
    "looks_like_html",
    "read_limited",
    "read_stream",
]

#: Largest file or stream medialit reads: 5 MB. A long news article is under
#: 100 KB and a whole novel about 1-3 MB; past this size the analyses take
#: minutes and their results can no longer be read as one document.
MAX_FILE_BYTES = 5_000_000
#: Largest text medialit accepts: 5 million characters (about 800,000 words).
MAX_CHARS = 5_000_000
#: Why the limit is what it is, quoted in the errors.
LIMIT_EXPLAINED = "5 MB, longer than most novels; a news article is under 100 KB"
#: Seconds standard input may stay silent (when it is not a terminal) before medialit gives up.
STDIN_IDLE_SECONDS = 30.0

_CHUNK = 1 << 20

_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_HTML_TAG = re.compile(r"</?(p|div|span|a|br|script|style|img|h[1-6]|li|ul|table|meta)\b[^>]*>", re.I)


def _too_big(name: str, size: int | None, limit: int) -> ValueError:
    amount = f"is {size:,} bytes, over" if size is not None else "goes past"
    why = f" ({LIMIT_EXPLAINED})" if limit == MAX_FILE_BYTES else ""
    return ValueError(f"{name} {amount} medialit's limit of {limit:,} bytes{why}: split it into smaller files")


def _collect(read, name: str, limit: int) -> bytes:
    """Call ``read(n)`` until it returns nothing; refuse more than ``limit`` bytes."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise _too_big(name, None, limit)


def _stat(path: Path, name: str) -> os.stat_result:
    """``os.stat`` with one-line errors that tell a missing file from a broken or looping link."""
    try:
        return path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise FileNotFoundError(f"{name} is a symbolic link to {os.readlink(path)!r}, which does not "
                                    "exist: point it at the article or use the file itself") from None
        raise FileNotFoundError(f"no file at {str(path)!r}: check the name and the folder") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ValueError(f"{name} is a symbolic link that leads back to itself (a loop): "
                             "use the article file itself") from None
        raise ValueError(f"cannot open {name} ({exc.strerror or exc}): check the path and permissions") from None


def read_limited(path: str | os.PathLike[str], name: str | None = None, limit: int | None = None) -> bytes:
    """The bytes of a regular file (symbolic links followed), at most ``limit`` (:data:`MAX_FILE_BYTES`).

    Devices, named pipes, sockets and folders are refused without being opened,
    so nothing blocks; a file that grows past the limit while it is read is
    refused too. Errors are one line: ``FileNotFoundError`` or ``ValueError``.
    """
    path = Path(path)
    name = name or path.name
    limit = MAX_FILE_BYTES if limit is None else limit
    info = _stat(path, name)
    if stat.S_ISDIR(info.st_mode):
        raise ValueError(f"{str(path)!r} is a folder: give the path of one .txt, .md or .html file")
    if not stat.S_ISREG(info.st_mode):
        raise ValueError(f"{name} is not a regular file (a device, pipe or socket): "
                         "save the article as a .txt, .md or .html file and give that")
    if info.st_size > limit:
        raise _too_big(name, info.st_size, limit)
    try:
        # O_NONBLOCK: should the path have become a pipe since the check, opening it cannot hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise ValueError(f"{name} is not a regular file (a device, pipe or socket): "
                                 "save the article as a .txt, .md or .html file and give that")
            return _collect(fh.read, name, limit)
    except OSError as exc:
        raise ValueError(f"cannot read {name} ({exc.strerror or exc}): check its permissions") from None


def _idle_reader(fd: int, name: str, idle: float):
    import select

    def read(n: int) -> bytes:
        ready, _, _ = select.select([fd], [], [], idle)
        if not ready:
            raise ValueError(f"{name} sent nothing for {idle:g} s: pipe a file in, "
                             "e.g. medialit analyze - < article.txt")
        return os.read(fd, n)

    return read


def read_stream(stream: BinaryIO, name: str = "standard input", limit: int | None = None,
                idle: float | None = STDIN_IDLE_SECONDS) -> bytes:
    """Read a stream (standard input) in chunks, at most ``limit`` bytes.

    Where the stream is a pipe or device rather than a terminal, and the
    platform can wait on it, ``idle`` seconds without data end the read with a
    one-line error instead of waiting forever.
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        fd = stream.fileno()
        mode = os.fstat(fd).st_mode
    except (AttributeError, OSError, ValueError):  # an in-memory stream (tests, notebooks)
        def read(n: int) -> bytes:
            chunk = stream.read(n)
            return chunk.encode("utf-8") if isinstance(chunk, str) else chunk

        return _collect(read, name, limit)
    waitable = idle is not None and os.name == "posix" and not os.isatty(fd)
    if waitable and not stat.S_ISREG(mode):
        return _collect(_idle_reader(fd, name, idle), name, limit)
    return _collect(lambda n: os.read(fd, n), name, limit)


def _is_markup(text: str, match: re.Match[str]) -> bool:
    """True for a tag used as markup: it has attributes, begins a line, or touches the words it wraps.

    A tag mentioned in prose ("wrap it in <p> and </p>.") stands between spaces
    and punctuation; a tag in a page clings to its content ("<p>Hello", "world</p>").
    """
    tag = match.group()
    if "=" in tag:
        return True
    start = match.start()
    before = text[start - 1] if start else "\n"
    after = text[match.end()] if match.end() < len(text) else "\n"
    line_start = text.rfind("\n", max(0, start - 200), start) + 1
    at_line_start = (line_start > 0 or start <= 200) and not text[line_start:start].strip()
    if at_line_start or before == ">":
        return True
    closing = tag.startswith("</")
    return (after.isalnum() or after == "<") if not closing else (before.isalnum() or before in ".!?")


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML page or fragment rather than prose (even prose about HTML).

    >>> looks_like_html("<p>One.</p><p>Two.</p><div>Three.</div>")
    True
    >>> looks_like_html("Wrap a paragraph in <p> and </p>, a heading in <h1>, an item in <li>.")
    False
    """
    if _HTML_START.search(text[:2000]):
        return True
    head = text[:20000]
    tags = sum(_is_markup(head, m) for m in _HTML_TAG.finditer(head))
    words = len(head.split())
    return tags >= 3 and tags * 8 > words


_UTF16_NUL = re.compile(rb"(?:[\x01-\x7f]\x00){8}|(?:\x00[\x01-\x7f]){8}")


def decode_bytes(data: bytes, name: str = "the text") -> str:
    """Decode UTF-8 (with or without a byte-order mark), or UTF-16/32 with one; or say what is wrong."""
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ValueError(f"{name} starts as {codec.upper()} text but byte {exc.start} cannot be read: "
                                 "save the file as UTF-8 and try again") from None
    if b"\x00" in data[:8192]:
        if _UTF16_NUL.search(data[:8192]):
            raise ValueError(f"{name} looks like UTF-16 text without a byte-order mark: "
                             "save it as UTF-8 (or UTF-16 with a byte-order mark)")
        raise ValueError(f"{name} looks like a binary file, not text: save it as plain text (.txt)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"{name} is not UTF-8 text: byte 0x{data[exc.start]:02X} at position {exc.start} "
            "cannot be read; save the file as UTF-8 and try again"
        ) from None


def check_text(text: object) -> str:
    """Return ``text`` if medialit can analyse it, else raise a one-line ValueError."""
    if isinstance(text, (bytes, bytearray)):
        text = decode_bytes(bytes(text))
    if not isinstance(text, str):
        raise TypeError(f"expected text (a str), got {type(text).__name__}: pass the article's text")
    if not text.strip():
        raise ValueError("the text is empty: paste or load an article with some words in it")
    if len(text) > MAX_CHARS:
        raise ValueError(
            f"the text has {len(text):,} characters, over medialit's limit of {MAX_CHARS:,} "
            f"({LIMIT_EXPLAINED}): split it into smaller files"
        )
    if "\x00" in text:
        raise ValueError("the text contains NUL characters, as binary files do: load a plain-text file")
    if looks_like_html(text):
        raise ValueError(
            "this looks like HTML, not plain text: use medialit.html_to_text(text) "
            "or save the page and call medialit.read_document('page.html')"
        )
    return text
