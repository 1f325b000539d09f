"""The case study: separate a scraped news page into its body and its page chrome.

A page saved from a news site holds more than the article: the masthead
slogan, a weather reading, the date, a section breadcrumb, the byline, a photo
credit, a copyright line and blocks such as "Latest News". :func:`split_page`
finds each part by rules a student can read (Lesson 1 reruns it), and
:func:`load_case_study` returns the article body as a :class:`Document`.
"""

from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .document import Document
from .errors import decode_bytes
from .locations import course_path

__all__ = ["PageParts", "case_study_dir", "datasets_dir", "load_case_study", "split_page"]

_WEATHER = re.compile(r"^-?\d+(?:\.\d+)?\s*°?\s*[CF]$")
_DATE = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4}$"
)
_BYLINE = re.compile(r"^(?:Author|By)\s*:?\s+", re.I)
_PHOTO = re.compile(r"\s*(Photos? used:.*|Photo:.*|Image:.*)$", re.I)
_COPYRIGHT = re.compile(r"^Copyright\s*©|^©", re.I)
_CREDIT_LABEL = re.compile(r"^(?:Photos? used|Photo|Image)\s*:\s*", re.I)


@dataclass
class PageParts:
    """The parts of a scraped page. ``body_start``/``body_end`` index the page."""

    masthead: str | None = None
    weather: str | None = None
    date: str | None = None
    breadcrumb: str | None = None
    title: str | None = None
    body_start: int = 0
    body_end: int = 0
    byline: str | None = None
    author: str | None = None
    photo_credit: str | None = None
    copyright: str | None = None
    chrome_after: list[str] = field(default_factory=list)
    section: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)

    @property
    def headline(self) -> str | None:
        """The article's headline (the same as ``title``)."""
        return self.title

    @property
    def credit(self) -> str | None:
        """Who the photo credit names, without its label.

        >>> PageParts(photo_credit="Photos used: Ministry of Defense").credit
        'Ministry of Defense'
        """
        if not self.photo_credit:
            return None
        return _CREDIT_LABEL.sub("", self.photo_credit).strip() or None

    def as_dict(self) -> dict:
        """The parts as a plain dict (for tables and YAML), with ``headline`` and ``credit``."""
        return {**asdict(self), "headline": self.headline, "credit": self.credit}


def section_names(breadcrumb: str | None) -> list[str]:
    """The section links of a breadcrumb that a scrape ran together.

    >>> section_names("WorldAsia")
    ['World', 'Asia']
    >>> section_names("News › Middle East")
    ['News', 'Middle East']
    """
    if not breadcrumb:
        return []
    pieces = re.split(r"\s*[›»>/|]\s*", breadcrumb)
    if len(pieces) == 1:
        pieces = re.findall(r"[A-Z][^A-Z]*|[^A-Z]+", breadcrumb)
    return [p.strip() for p in pieces if p.strip()]


def _lines(page: str) -> list[tuple[int, int, str]]:
    out = []
    for m in re.finditer(r"[^\n]*", page):
        text = m.group().strip()
        if text:
            start = m.start() + (len(m.group()) - len(m.group().lstrip()))
            out.append((start, start + len(text), text))
    return out


def split_page(page: str) -> PageParts:
    """Split a scraped article page into header chrome, title, body and footer chrome.

    Rules, in order: the first line is the masthead; a line like "36.1 C" is a
    weather reading; a line like "Saturday, June 10, 2023" is the page date;
    the headline is the first line that also ends the line before it (the
    breadcrumb runs into the headline on this kind of page, "WorldAsia" +
    headline; ``section`` splits it into "World" and "Asia"); the body's own
    ``headings`` are its short lines without closing punctuation; the body
    runs from the line after the headline to the byline ("Author: ...");
    after it come the photo credit, the copyright line and
    the rest of the page chrome.
    """
    lines = _lines(page)
    if not lines:
        raise ValueError("the page is empty: load the scraped page text")
    parts = PageParts(masthead=lines[0][2])
    title_index = None
    for i, (_, _, text) in enumerate(lines):
        if _WEATHER.match(text) and parts.weather is None:
            parts.weather = text
        elif _DATE.match(text) and parts.date is None:
            parts.date = text
        elif i > 0 and title_index is None and lines[i - 1][2].endswith(text) and len(text) > 20:
            title_index = i
            parts.title = text
            crumb = lines[i - 1][2][: -len(text)].strip()
            parts.breadcrumb = crumb or None
            break
    if title_index is None:
        raise ValueError("no headline found: the page does not repeat its title after the breadcrumb")
    byline_index = next(
        (j for j in range(title_index + 1, len(lines)) if _BYLINE.match(lines[j][2])), None
    )
    if byline_index is None:
        raise ValueError("no byline ('Author: ...') found after the headline: cannot find where the body ends")
    body_lines = lines[title_index + 1 : byline_index]
    if not body_lines:
        raise ValueError("the page has a headline and a byline but no body between them")
    parts.body_start, parts.body_end = body_lines[0][0], body_lines[-1][1]
    parts.section = section_names(parts.breadcrumb)
    body = Document(page[parts.body_start : parts.body_end])
    parts.headings = [p.text for p in body.paragraphs if p.kind == "heading"]
    byline = lines[byline_index][2]
    photo = _PHOTO.search(byline)
    if photo:
        parts.photo_credit = photo.group(1).strip()
        byline = byline[: photo.start()].strip()
    parts.byline = byline
    parts.author = _BYLINE.sub("", byline).strip() or None
    for _, _, text in lines[byline_index + 1 :]:
        if parts.copyright is None and _COPYRIGHT.match(text):
            parts.copyright = text
        else:
            parts.chrome_after.append(text)
    return parts


def datasets_dir() -> Path:
    """The course's ``datasets/`` folder (``MEDIALIT_DATASETS`` overrides it)."""
    env = os.environ.get("MEDIALIT_DATASETS")
    if env:
        return Path(env)
    found = course_path("datasets", "case-study")
    if found is not None:
        return found.parent
    raise FileNotFoundError(
        "medialit's datasets/ folder was not found: reinstall medialit (from its wheel or a clone "
        "of the course) or set MEDIALIT_DATASETS to the folder's path"
    )


def case_study_dir() -> Path:
    """The folder holding the case-study page, metadata and gold annotations."""
    return datasets_dir() / "case-study"


def load_case_study() -> Document:
    """The case-study article body as a :class:`Document`.

    ``.text`` is the body only (no page chrome), an exact slice of the scraped
    page; ``.page`` is the page as scraped; ``.metadata`` holds the page parts
    found by :func:`split_page` plus ``outlet`` and ``body_offset`` (where the
    body starts in the page).
    """
    path = case_study_dir() / "page.txt"
    if not path.is_file():
        raise FileNotFoundError(f"the case-study page is missing at {path}: restore datasets/ from git")
    page = decode_bytes(path.read_bytes(), name=path.name)
    parts = split_page(page)
    metadata = parts.as_dict()
    metadata.update(outlet="The Eastern Herald", body_offset=parts.body_start, source_file=str(path))
    body = page[parts.body_start : parts.body_end]
    return Document(body, title=parts.title, metadata=metadata, page=page)
