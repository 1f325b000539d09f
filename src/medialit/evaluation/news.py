"""Score the detectors on eleven real news texts of the developers' corpora (development figures).

The texts are the ``news-texts`` folder of the developers' corpora (Horne and
Adali 2017: mainstream news, analysis, opinion and fake news; not shipped with
the course, they belong to their publishers). Their gold, made by hand following
``datasets/annotation-guide.md`` before any detector was run on them, is shipped
in ``datasets/gold/news-texts/`` (offsets, types and short span texts only).
These are DEVELOPMENT data: rules may be developed on them (general rules only),
unlike the held-out texts. Printed by ``medialit evaluate news``: the tables of
:func:`medialit.evaluation.annotated.score_texts`, with a row per genre (news,
analysis, opinion, fake: the second part of each file name). Where the texts are
absent the tables are skipped with a note.
"""

from __future__ import annotations

import json
from pathlib import Path

from .annotated import AnnotatedText, check_gold, score_texts
from .scoring import ScoreTable

__all__ = ["CORPUS", "GENRES", "evaluate", "genre", "load_news", "news_gold_dir"]

#: The folder of the developers' corpora that holds the texts.
CORPUS = "news-texts"
GENRES = ("news", "analysis", "opinion", "fake")
LABEL = "News texts (development)"
REBUILD = "run datasets/gold/news-texts/build_gold.py"


def news_gold_dir() -> Path:
    """``datasets/gold/news-texts/`` of this clone."""
    from ..casestudy import datasets_dir

    return Path(datasets_dir()) / "gold" / CORPUS


def genre(name: str) -> str:
    """The genre in a file name such as ``05_analysis_trump-presidency``: news, analysis, opinion or fake.

    >>> genre("08_fake_dear-media-liars")
    'fake'
    """
    parts = name.split("_")
    if len(parts) < 3 or parts[1] not in GENRES:
        raise ValueError(f"{name!r}: expected NN_GENRE_title with GENRE one of {', '.join(GENRES)}")
    return parts[1]


def load_news(texts: Path, gold: Path | None = None) -> list[AnnotatedText]:
    """Every text of ``texts`` that has gold in ``gold`` (default :func:`news_gold_dir`), checked against its hash."""
    gold = gold or news_gold_dir()
    out = []
    for path in sorted(gold.glob("*.stance.json")):
        name = path.name.removesuffix(".stance.json")
        text = (texts / f"{name}.txt").read_text(encoding="utf-8")
        stance = json.loads(path.read_text(encoding="utf-8"))
        attribution = json.loads((gold / f"{name}.attribution.json").read_text(encoding="utf-8"))
        check_gold(name, text, stance, "spans", REBUILD)
        check_gold(name, text, attribution, "sources", REBUILD)
        out.append(AnnotatedText(name, text, stance, attribution))
    if not out:
        raise FileNotFoundError(f"no news-text gold in {str(gold)!r}")
    return out


def evaluate(corpora: Path | None) -> list[ScoreTable]:
    """Stance, uncertainty and attribution tables on the news texts, or one note where they are absent."""
    folder = Path(corpora) / CORPUS if corpora is not None else None
    if folder is None or not folder.is_dir():
        return [ScoreTable(LABEL, {}, [f"skipped: ../shared/corpora/{CORPUS} not found"])]
    texts = load_news(folder)
    counts = {g: sum(genre(t.name) == g for t in texts) for g in GENRES}
    notes = [
        f"{len(texts)} real texts ({', '.join(f'{n} {g}' for g, n in counts.items())}; Horne & Adali 2017) "
        "annotated by hand with the project's guide before any detector ran on them "
        "(datasets/gold/news-texts/README.md)",
        "development figures: rules may be developed on these texts (general rules only); "
        "the held-out figures are `medialit evaluate heldout`",
    ]
    return score_texts(texts, LABEL, notes, group=lambda name: f"genre {genre(name)}")
