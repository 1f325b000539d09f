"""Bad input gets a clear one-line error that says what to fix, never a traceback from NLTK."""

from __future__ import annotations

import pytest

import medialit
from medialit import Document, read_document
from medialit.cli import main
from medialit.errors import MAX_CHARS


def _one_line(exc: pytest.ExceptionInfo) -> str:
    message = str(exc.value)
    assert "\n" not in message and message
    return message


@pytest.mark.parametrize("text", ["", "   ", "\n\t\r\n "])
def test_empty_text(text):
    with pytest.raises(ValueError) as exc:
        Document.from_text(text)
    assert "empty" in _one_line(exc)


def test_html_pasted_as_text():
    page = "<!DOCTYPE html><html><body><p>Hello</p><script>alert(1)</script></body></html>"
    with pytest.raises(ValueError) as exc:
        Document.from_text(page)
    assert "html_to_text" in _one_line(exc)
    fragment = "<p>One.</p><p>Two.</p><div>Three.</div>"
    with pytest.raises(ValueError):
        Document.from_text(fragment)


def test_prose_that_mentions_a_tag_is_fine():
    doc = Document.from_text("Use the <p> element for paragraphs. It is simple.")
    assert len(doc.sentences) == 2


def test_non_utf8_bytes_say_which_byte():
    with pytest.raises(ValueError) as exc:
        Document.from_text("café".encode("latin-1"))
    message = _one_line(exc)
    assert "0xE9" in message and "position 3" in message and "UTF-8" in message


def test_too_large_text():
    with pytest.raises(ValueError) as exc:
        Document.from_text("a " * (MAX_CHARS // 2 + 1))
    assert "limit" in _one_line(exc)


def test_not_a_string():
    with pytest.raises(TypeError):
        Document.from_text(42)  # type: ignore[arg-type]


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError) as exc:
        read_document(tmp_path / "nope.txt")
    assert "nope.txt" in _one_line(exc)


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(ValueError) as exc:
        read_document(tmp_path)
    assert "folder" in _one_line(exc)


def test_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ValueError) as exc:
        read_document(path)
    assert "binary" in _one_line(exc)


def test_latin1_file(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Le café est fermé.".encode("latin-1"))
    with pytest.raises(ValueError) as exc:
        read_document(path)
    assert "old.txt" in _one_line(exc) and "UTF-8" in str(exc.value)


def test_unknown_suffix(tmp_path):
    path = tmp_path / "article.docx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(ValueError) as exc:
        read_document(path)
    assert ".txt" in _one_line(exc)


def test_huge_file(tmp_path, monkeypatch):
    import medialit.reading as reading

    path = tmp_path / "big.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 100)
    with pytest.raises(ValueError) as exc:
        read_document(path)
    assert "limit" in _one_line(exc)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.md"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(ValueError) as exc:
        read_document(path)
    assert "no text" in _one_line(exc)


def test_utf8_with_bom(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffHello there. Bye.".encode())
    doc = read_document(path)
    assert doc.text == "Hello there. Bye."


def test_saved_html_page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>A headline</title><style>p{}</style></head><body>"
        "<nav>Home | World</nav><h1>A headline</h1><p>First &amp; only <b>para</b>graph.</p>"
        "<script>alert('x')</script><p>Second paragraph.</p></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.title == "A headline"
    assert doc.text == "A headline\n\nFirst & only paragraph.\n\nSecond paragraph."
    assert [p.kind for p in doc.paragraphs] == ["heading", "paragraph", "paragraph"]
    assert "alert" not in doc.text and "Home" not in doc.text


def test_markdown_file(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("A title\n\nSome text here. More text.\n", encoding="utf-8")
    doc = medialit.read_document(path)
    assert len(doc.sentences) == 3


def test_cli_reports_bad_input_in_one_line(tmp_path, capsys):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"caf\xe9")
    assert main(["analyze", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("medialit: error: bad.txt is not UTF-8") and err.count("\n") == 1


def test_cli_missing_file(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "missing.txt")]) == 2
    assert "no file at" in capsys.readouterr().err


def test_split_page_without_byline():
    with pytest.raises(ValueError) as exc:
        medialit.split_page("Masthead\nSection Some headline here ok\nSome headline here ok\nBody.\n")
    assert "byline" in _one_line(exc)
