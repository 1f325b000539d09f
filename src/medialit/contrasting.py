"""Contrasting texts: short texts to run the same tools on before concluding anything.

Each text lives in ``datasets/contrasting/NAME.md``: YAML front matter between
``---`` lines (title, kind, who wrote it and for what, sources, licence) and then
the text. :func:`load_contrasting` returns the text as a :class:`Document` whose
offsets index the text only (front matter left out) and whose ``metadata``
holds the front matter. See ``datasets/contrasting/README.md`` for provenance.

>>> "model-report" in contrasting_texts()
True
>>> doc = load_contrasting("model-report")
>>> doc.metadata["licence"]
'CC BY 4.0'

Some texts also have a hand-made answer key in ``datasets/gold/NAME.json``
(:func:`load_contrasting_gold`), so a detector can be scored on text it was
not built around.
"""

from __future__ import annotations

from pathlib import Path

from .casestudy import datasets_dir
from .document import Document
from .errors import decode_bytes

__all__ = ["contrasting_dir", "contrasting_texts", "load_contrasting", "load_contrasting_gold"]

#: Front-matter fields every contrasting text must have (provenance first).
REQUIRED_FIELDS = ("title", "kind", "written_for", "licence", "sources")


def contrasting_dir() -> Path:
    """The folder holding the contrasting texts (``datasets/contrasting``)."""
    return datasets_dir() / "contrasting"


def contrasting_texts() -> list[str]:
    """Names of the contrasting texts, sorted (pass one to :func:`load_contrasting`)."""
    folder = contrasting_dir()
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.md") if p.name != "README.md")


def _split_front_matter(raw: str, name: str) -> tuple[dict, str]:
    import yaml

    if not raw.startswith("---\n"):
        raise ValueError(
            f"{name}: the file must start with '---' and YAML front matter (title, licence...)"
        )
    end = raw.find("\n---\n", 4)
    if end == -1:
        raise ValueError(f"{name}: the front matter has no closing '---' line")
    try:
        meta = yaml.safe_load(raw[4:end]) or {}
    except yaml.YAMLError as exc:
        problem = exc.__class__.__name__
        raise ValueError(f"{name}: the front matter is not valid YAML ({problem})") from None
    if not isinstance(meta, dict):
        raise ValueError(f"{name}: the front matter must be 'key: value' lines")
    missing = [f for f in REQUIRED_FIELDS if not meta.get(f)]
    if missing:
        lacking = ", ".join(missing)
        raise ValueError(f"{name}: the front matter lacks {lacking}: add where the text comes from")
    return meta, raw[end + len("\n---\n") :]


def load_contrasting(name: str) -> Document:
    """Load a contrasting text by name (e.g. ``"model-report"``) as a Document.

    ``doc.text`` is the text after the front matter; ``doc.title`` its title;
    ``doc.metadata`` the front matter plus ``name`` and ``source_file``.
    Raises ValueError naming the texts that exist if ``name`` is unknown.
    """
    path = contrasting_dir() / f"{name}.md"
    if not path.is_file():
        known = ", ".join(contrasting_texts()) or "none found"
        raise ValueError(f"no contrasting text called {name!r}: choose one of {known}")
    meta, text = _split_front_matter(decode_bytes(path.read_bytes(), name=path.name), path.name)
    meta.update(name=name, source_file=str(path))
    return Document(text.strip("\n"), title=str(meta["title"]), metadata=meta)


def load_contrasting_gold(name: str) -> dict:
    """The answer key of a contrasting text, ``datasets/gold/NAME.json``, checked against the text.

    Returns the JSON object (``about``, ``spans``...); each span's offsets
    index ``load_contrasting(name).text``. Raises ValueError when the text
    changed since the key was made (its sha256 or a span's text differs), and
    FileNotFoundError when the text has no key.
    """
    import hashlib
    import json

    text = load_contrasting(name).text
    path = datasets_dir() / "gold" / f"{name}.json"
    if not path.is_file():
        raise FileNotFoundError(f"the contrasting text {name!r} has no answer key at {path}")
    gold = json.loads(path.read_text(encoding="utf-8"))
    if gold.get("text_sha256") != hashlib.sha256(text.encode("utf-8")).hexdigest():
        raise ValueError(f"{path.name}: the text of {name!r} changed since the key was made: re-check it")
    for span in gold["spans"]:
        if text[span["start"] : span["end"]] != span["text"]:
            raise ValueError(f"{path.name}: span {span['text']!r} at {span['start']} does not match the text")
    return gold
