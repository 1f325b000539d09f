"""Score the detectors on the course's own held-out texts (``datasets/heldout/``).

Eleven short news and opinion texts written for the course (invented places and
people), annotated by hand following ``datasets/annotation-guide.md`` before any
detector was run on them, and kept out of the tuning loop: nobody changes a rule
because of what these figures show. Printed by ``medialit evaluate heldout``:
stance markers, sentence-level uncertainty and attribution sources, scored as
:func:`medialit.evaluation.annotated.score_texts` describes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .annotated import AnnotatedText, check_gold, score_texts
from .scoring import ScoreTable

__all__ = ["evaluate", "heldout_dir", "load_heldout"]

REBUILD = "run datasets/heldout/build_gold.py"


def heldout_dir() -> Path:
    """``datasets/heldout/`` of this clone."""
    from ..casestudy import datasets_dir

    return Path(datasets_dir()) / "heldout"


def load_heldout(folder: Path | None = None) -> list[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    """(name, text, stance gold, attribution gold) for every held-out text, checked against its hash."""
    folder = folder or heldout_dir()
    texts = sorted((folder / "texts").glob("*.txt"))
    if not texts:
        raise FileNotFoundError(f"no held-out texts in {str(folder / 'texts')!r}")
    out = []
    for path in texts:
        text = path.read_text(encoding="utf-8")
        stance = json.loads((folder / "gold" / f"{path.stem}.stance.json").read_text(encoding="utf-8"))
        attribution = json.loads((folder / "gold" / f"{path.stem}.attribution.json").read_text(encoding="utf-8"))
        check_gold(path.stem, text, stance, "spans", REBUILD)
        check_gold(path.stem, text, attribution, "sources", REBUILD)
        out.append(AnnotatedText(path.stem, text, stance, attribution))
    return out


def evaluate(corpora: Path | None = None) -> list[ScoreTable]:
    """Stance, sentence-level uncertainty and attribution tables over every held-out text."""
    texts = load_heldout()
    note = (f"{len(texts)} texts written for the course and annotated by hand before any detector ran on "
            "them; kept out of tuning (datasets/heldout/README.md)")
    return score_texts(texts, "Held-out texts", [note])
