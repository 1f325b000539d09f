"""Issue 17: every way text comes in is bounded, and bad input never gives a traceback.

Devices, named pipes, symbolic links and standard input share one limit
(``MAX_FILE_BYTES``) and end in the same one-line error with exit status 2.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from medialit import Document, read_document
from medialit.cli import main
from medialit.errors import MAX_FILE_BYTES, looks_like_html, read_stream

posix_only = pytest.mark.skipif(os.name != "posix" or not Path("/dev/zero").exists(), reason="needs /dev/zero")
# A guard against hanging forever, not a timing assertion (speed is measured in benchmarks/).
HANG_GUARD = 120


def _medialit(*args: str, stdin=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "medialit.cli", *args], stdin=stdin, capture_output=True,
                          text=True, timeout=HANG_GUARD, check=False)


def _one_error_line(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("medialit: error: "), done.stderr
    assert "Traceback" not in done.stderr
    return lines[0]


@posix_only
def test_standard_input_from_dev_zero():
    with open("/dev/zero", "rb") as zero:
        line = _one_error_line(_medialit("analyze", "--quiet", "-", stdin=zero))
    assert "standard input" in line and f"{MAX_FILE_BYTES:,}" in line


@posix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_txt_symlink_to_a_device(tmp_path, device):
    link = tmp_path / "article.txt"
    link.symlink_to(device)
    line = _one_error_line(_medialit("analyze", "--quiet", str(link)))
    assert "article.txt is not a regular file" in line


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_fifo_named_txt_does_not_block(tmp_path):
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    line = _one_error_line(_medialit("analyze", "--quiet", str(fifo)))
    assert "f.txt is not a regular file" in line


def test_stream_limit_is_the_file_limit(tmp_path):
    import io

    with pytest.raises(ValueError, match="past medialit.s limit of 100 bytes") as info:
        read_stream(io.BytesIO(b"a" * 101), limit=100)
    assert "\n" not in str(info.value)
    assert read_stream(io.BytesIO(b"abc"), limit=100) == b"abc"


def test_file_over_the_limit_says_why(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * (MAX_FILE_BYTES // 5 + 1))
    with pytest.raises(ValueError, match="limit of 5,000,000 bytes .*novels") as info:
        read_document(path)
    assert "\n" not in str(info.value)


def test_utf16_with_bom_is_read(tmp_path):
    text = "Officials said the plan would probably work. Critics disagreed."
    for codec, name in (("utf-16", "le.txt"), ("utf-16-be", "be.txt")):
        path = tmp_path / name
        data = text.encode(codec)
        path.write_bytes(data if codec == "utf-16" else b"\xfe\xff" + data)
        assert read_document(path).text == text


def test_utf16_without_bom_is_named(tmp_path):
    path = tmp_path / "nobom.txt"
    path.write_bytes("Officials said the plan would work.".encode("utf-16-le"))
    with pytest.raises(ValueError, match="UTF-16") as info:
        read_document(path)
    assert "binary" not in str(info.value)


def test_symlink_loop_is_not_called_missing(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "loop.txt")
    with pytest.raises(ValueError, match="loop") as info:
        read_document(loop)
    assert "no file" not in str(info.value)
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(FileNotFoundError, match="symbolic link"):
        read_document(broken)


ABOUT_HTML = (
    "<html><head><title>HTML for reporters</title></head><body>"
    "<h1>HTML for reporters</h1>"
    "<p>Every web page is a text file. Wrap a paragraph in &lt;p&gt; and &lt;/p&gt;, a heading in "
    "&lt;h1&gt;, a list item in &lt;li&gt; and a link in &lt;a&gt;.</p>"
    "<p>A &lt;div&gt; groups other elements, and &lt;br&gt; breaks a line.</p></body></html>"
)


def test_html_page_about_html_is_read(tmp_path):
    path = tmp_path / "about-html.html"
    path.write_text(ABOUT_HTML, encoding="utf-8")
    doc = read_document(path)
    assert "Wrap a paragraph in <p> and </p>" in doc.text and doc.title == "HTML for reporters"


@pytest.mark.parametrize("text", [
    "Wrap a paragraph in <p> and </p>, a heading in <h1>, an item in <li>.",
    "The tags <div>, <span> and <br> appear in every page; <a> makes a link.",
])
def test_prose_about_tags_is_not_html(text):
    assert not looks_like_html(text)
    assert Document.from_text(text).text == text


@pytest.mark.parametrize("text", [
    "<p>One.</p><p>Two.</p><div>Three.</div>",
    "<div class=\"story\">\n  <p>\n    A paragraph.\n  </p>\n  <p>\n    Another.\n  </p>\n</div>\n",
    'Intro <a href="/x">link</a> and <span class="k">more</span> and <img src="a.png"> done.',
])
def test_real_markup_is_still_html(text):
    assert looks_like_html(text)
    with pytest.raises(ValueError, match="looks like HTML"):
        Document.from_text(text)


def test_one_bad_file_does_not_stop_the_others(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Officials said the plan would probably work.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9")
    status = main(["analyze", "--quiet", "--format", "json", str(bad), str(good), str(tmp_path / "no.txt")])
    captured = capsys.readouterr()
    assert status == 2
    assert '"file":' in captured.out and "good.txt" in captured.out
    errors = captured.err.strip().splitlines()
    assert len(errors) == 2 and all(e.startswith("medialit: error: ") for e in errors)
    assert "bad.txt" in errors[0] and "no.txt" in errors[1]


def test_text_stream_on_standard_input(monkeypatch, capsys):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("Officials said the plan would probably work."))
    assert main(["analyze", "--quiet", "--format", "json", "-"]) == 0
    assert "(standard input)" in capsys.readouterr().out


@pytest.mark.skipif(os.name != "posix", reason="waiting on a pipe needs select on a pipe")
def test_silent_pipe_on_standard_input_gives_up(tmp_path):
    read_end, write_end = os.pipe()
    try:
        with os.fdopen(read_end, "rb") as stream:
            with pytest.raises(ValueError, match="sent nothing for 0.2 s") as info:
                read_stream(stream, idle=0.2)
        assert "\n" not in str(info.value)
    finally:
        os.close(write_end)
