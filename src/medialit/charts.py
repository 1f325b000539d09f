"""Small Altair charts: results in, ``alt.Chart`` out, each with a title and a description.

Every function builds tidy records from analysis results, types every field
(``:Q``, ``:N``, ``:O``), titles the axes in plain words, adds tooltips with
the exact numbers, and sets a ``title`` and a one-sentence ``description`` of
what to notice (Altair's ``description=``, read by screen readers). Print the
description under a chart with :func:`describe` (or
``medialit.display.chart_description(chart.to_dict())``).

Charts never enable a renderer and never display anything: a notebook shows
them after ``medialit.setup_notebook()``; tests read ``chart.to_dict()``.

Adding a chart: write a function that returns ``_titled(chart, title,
description)``, under a ``# --- topic`` section of its own.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import altair as alt

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document
    from .hedging import Hedge

__all__ = [
    "category_chart",
    "claim_types_chart",
    "density_chart",
    "describe",
    "loaded_words_chart",
    "markers_per_paragraph_chart",
    "perspective_chart",
    "sentence_lengths_chart",
    "sentiment_chart",
    "source_types_chart",
    "stance_arc_chart",
    "top_words_chart",
    "who_speaks_chart",
]

#: Chart width in pixels: fits a notebook and a book page.
WIDTH = 560


def _titled(chart: Any, title: str, description: str) -> Any:
    """Give a chart its title and its one-sentence description (the shared finishing step)."""
    return chart.properties(title=title, description=description)


def describe(chart: Any) -> str:
    """The chart's title and description as plain text, to print under it.

    >>> describe(_titled(alt.Chart(alt.Data(values=[])).mark_bar(), "Markers", "None found."))
    'Markers. None found.'
    """
    spec = chart.to_dict() if hasattr(chart, "to_dict") else chart
    title = spec.get("title", "")
    if isinstance(title, dict):
        title = title.get("text", "")
    parts = [str(p).strip() for p in (title, spec.get("description", "")) if p]
    return " ".join(p if p.endswith((".", "!", "?")) else p + "." for p in parts)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


# --- stance markers ----------------------------------------------------------------------------

#: Hedge and booster colours: the line colours of medialit.render's highlight styles, so a chart
#: and a highlight agree. Bars also differ by outline (dashed for hedges), never by colour alone.
STANCE_COLOURS = {"hedge": "#7a4d00", "booster": "#9b1c1c"}
#: Bar fills: light for hedges, dark for boosters, so the two differ in lightness too (for readers who
#: do not tell the hues apart); every bar has a dark outline (dashed for hedges) for 3:1 contrast.
STANCE_FILLS = {"hedge": "#f2c14e", "booster": "#9b1c1c"}
_KIND_ORDER = ["hedge", "booster"]


def _kind_colour(kinds: Sequence[str] = _KIND_ORDER, fills: bool = False) -> alt.Color:
    colours = STANCE_FILLS if fills else STANCE_COLOURS
    return alt.Color("kind:N", title="Kind", sort=list(kinds),
                     scale=alt.Scale(domain=list(kinds), range=[colours[k] for k in kinds]))


def _kind_dash(kinds: Sequence[str] = _KIND_ORDER) -> alt.StrokeDash:
    dashes = [[4, 2] if k == "hedge" else [1, 0] for k in kinds]
    return alt.StrokeDash("kind:N", title="Kind", sort=list(kinds), scale=alt.Scale(domain=list(kinds), range=dashes))


def _kind_shape() -> alt.Shape:
    """Point shapes by kind (circle for hedges, square for boosters): meaning never rests on colour."""
    return alt.Shape("kind:N", title="Kind", sort=_KIND_ORDER,
                     scale=alt.Scale(domain=_KIND_ORDER, range=["circle", "square"]))


def _markers(doc: Document, markers: Iterable[Hedge] | None) -> list[Hedge]:
    if markers is None:
        from .hedging import find_hedges

        return find_hedges(doc.text)
    return list(markers)


def markers_per_paragraph_chart(doc: Document, markers: Iterable[Hedge] | None = None) -> alt.Chart:
    """Stacked bars: hedges and boosters in each paragraph (default: every marker :func:`find_hedges` finds)."""
    markers = _markers(doc, markers)
    rows = []
    for number, paragraph in enumerate(doc.paragraphs):
        inside = Counter(m.kind for m in markers if paragraph.start <= m.start < paragraph.end)
        for kind in _KIND_ORDER:
            rows.append({"paragraph": number, "kind": kind, "count": inside[kind],
                         "opening": paragraph.text[:50] + ("…" if len(paragraph.text) > 50 else "")})
    totals = Counter()
    for r in rows:
        totals[r["paragraph"]] += r["count"]
    kinds = Counter(m.kind for m in markers)
    if markers:
        top, most = max(totals.items(), key=lambda kv: (kv[1], -kv[0]))
        description = (f"{_plural(kinds['hedge'], 'hedge')} and {_plural(kinds['booster'], 'booster')} in "
                       f"{len(doc.paragraphs)} paragraphs; paragraph {top} has the most markers ({most}).")
    else:
        description = f"No hedges or boosters were found in {len(doc.paragraphs)} paragraphs."
    chart = alt.Chart(alt.Data(values=rows)).mark_bar(strokeWidth=1.5).encode(
        x=alt.X("paragraph:O", title="Paragraph (0 = first)"),
        y=alt.Y("count:Q", title="Markers", stack="zero", axis=alt.Axis(tickMinStep=1)),
        color=_kind_colour(fills=True),
        stroke=alt.value("#1a1a1a"),
        strokeDash=_kind_dash(),
        order=alt.Order("kind:N", sort="descending"),
        tooltip=[alt.Tooltip("paragraph:O", title="Paragraph"), alt.Tooltip("kind:N", title="Kind"),
                 alt.Tooltip("count:Q", title="Markers"), alt.Tooltip("opening:N", title="Opens with")],
    ).properties(width=WIDTH, height=220)
    return _titled(chart, "Hedges and boosters per paragraph", description)


def density_chart(doc: Document, markers: Iterable[Hedge] | None = None) -> alt.Chart:
    """Lines: hedges and boosters per 100 words in each paragraph, along the article (0% to 100%)."""
    markers = _markers(doc, markers)
    rows = []
    length = max(len(doc.text), 1)
    word_starts = [w.start for w in doc.words]
    for number, paragraph in enumerate(doc.paragraphs):
        words = bisect.bisect_left(word_starts, paragraph.end) - bisect.bisect_left(word_starts, paragraph.start)
        inside = Counter(m.kind for m in markers if paragraph.start <= m.start < paragraph.end)
        position = round(100 * (paragraph.start + paragraph.end) / 2 / length, 1)
        for kind in _KIND_ORDER:
            rows.append({"paragraph": number, "position": position, "kind": kind, "count": inside[kind],
                         "words": words, "per_100_words": round(100 * inside[kind] / words, 2) if words else 0.0})
    densest = max(rows, key=lambda r: (r["per_100_words"], -r["paragraph"]), default=None)
    if densest and densest["per_100_words"] > 0:
        description = (f"Markers per 100 words along the article; the densest is paragraph {densest['paragraph']} "
                       f"with {densest['per_100_words']:.1f} {densest['kind']}s per 100 words.")
    else:
        description = "No hedges or boosters were found, so the density is zero throughout."
    chart = alt.Chart(alt.Data(values=rows)).mark_line(point=True, strokeWidth=2).encode(
        x=alt.X("position:Q", title="Position in the article (%)", scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("per_100_words:Q", title="Markers per 100 words"),
        color=_kind_colour(),
        strokeDash=_kind_dash(),
        shape=_kind_shape(),
        tooltip=[alt.Tooltip("paragraph:O", title="Paragraph"), alt.Tooltip("kind:N", title="Kind"),
                 alt.Tooltip("count:Q", title="Markers"), alt.Tooltip("words:Q", title="Words"),
                 alt.Tooltip("per_100_words:Q", title="Per 100 words", format=".2f")],
    ).properties(width=WIDTH, height=220)
    return _titled(chart, "Stance density along the article", description)


def category_chart(markers: Iterable[Hedge]) -> alt.Chart:
    """Horizontal bars: how many markers of each category (coloured and outlined by kind), most first."""
    markers = list(markers)
    counts = Counter((m.kind, m.category) for m in markers)
    rows = [{"category": category.replace("_", " "), "kind": kind, "count": n,
             "examples": ", ".join(sorted({m.text.lower() for m in markers if m.category == category})[:5])}
            for (kind, category), n in counts.items()]
    kinds = [k for k in _KIND_ORDER if any(r["kind"] == k for r in rows)] or _KIND_ORDER
    if rows:
        top = max(rows, key=lambda r: (r["count"], r["category"]))
        description = (f"{_plural(len(markers), 'marker')} in {_plural(len(rows), 'category', 'categories')}; "
                       f"the most frequent is {top['category']} ({top['kind']}, {top['count']}).")
    else:
        description = "No markers to count."
    chart = alt.Chart(alt.Data(values=rows)).mark_bar(strokeWidth=1.5).encode(
        y=alt.Y("category:N", title="Category", sort="-x"),
        x=alt.X("count:Q", title="Markers", axis=alt.Axis(tickMinStep=1)),
        color=_kind_colour(kinds, fills=True),
        stroke=alt.value("#1a1a1a"),
        strokeDash=_kind_dash(kinds),
        tooltip=[alt.Tooltip("category:N", title="Category"), alt.Tooltip("kind:N", title="Kind"),
                 alt.Tooltip("count:Q", title="Markers"), alt.Tooltip("examples:N", title="Examples")],
    ).properties(width=WIDTH - 160, height=alt.Step(22))
    return _titled(chart, "Stance markers by category", description)


def stance_arc_chart(doc: Document, markers: Iterable[Hedge] | None = None) -> alt.Chart:
    """The hedge-to-booster arc: running totals of hedges and boosters from the first paragraph to the last."""
    from .hedging import stance_arc

    arc = stance_arc(doc, None if markers is None else sorted(markers))
    rows = []
    for record in arc.to_dict("records"):
        for kind in _KIND_ORDER:
            rows.append({"paragraph": int(record["paragraph"]), "position": float(record["position"]) * 100,
                         "kind": kind, "running_total": int(record[f"cumulative_{kind}s"]),
                         "in_paragraph": int(record[f"{kind}s"])})
    if len(arc):
        last = arc.iloc[-1]
        half = len(arc) // 2
        first_half = arc.iloc[:half][["hedges", "boosters"]].sum()
        second_half = arc.iloc[half:][["hedges", "boosters"]].sum()
        description = (f"By the end: {_plural(int(last['cumulative_hedges']), 'hedge')} and "
                       f"{_plural(int(last['cumulative_boosters']), 'booster')}; the first half has "
                       f"{int(first_half['hedges'])} hedges and {int(first_half['boosters'])} boosters, the second "
                       f"half {int(second_half['hedges'])} and {int(second_half['boosters'])}.")
    else:
        description = "The text has no paragraphs."
    chart = alt.Chart(alt.Data(values=rows)).mark_line(point=True, strokeWidth=2, interpolate="step-after").encode(
        x=alt.X("position:Q", title="Position in the article (%)", scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("running_total:Q", title="Markers so far"),
        color=_kind_colour(),
        strokeDash=_kind_dash(),
        shape=_kind_shape(),
        tooltip=[alt.Tooltip("paragraph:O", title="Paragraph"), alt.Tooltip("kind:N", title="Kind"),
                 alt.Tooltip("in_paragraph:Q", title="In this paragraph"),
                 alt.Tooltip("running_total:Q", title="So far")],
    ).properties(width=WIDTH, height=220)
    return _titled(chart, "The hedge-to-booster arc", description)


# --- framing and claims ------------------------------------------------------------------------
# Charts for medialit.framing (loaded language, perspective, sentence sentiment) and
# medialit.claims (claim types). Each takes the results of those functions.

#: Loaded words: the line colour of medialit.render's "loaded" highlight, so chart and text agree.
LOADED_COLOUR = "#166534"
_VOICE_ORDER = ["author", "quote", "paraphrase"]
_GROUP_ORDER = ["we", "they", "outsider"]
_CLAIM_ORDER = ["attributed", "hedged", "prediction", "evaluation", "checkable", "other"]


def _clip(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def perspective_chart(view: Any) -> alt.Chart:
    """Who "we" and "they" are across the article: one mark per mention (``framing.perspective``).

    Position along the article runs left to right (paragraph number); the row
    says the group (we, they, outsider); shape and colour say whose voice (the
    author's, a quotation's, a paraphrase's), so colour never carries meaning
    alone. Tooltips show the words, the phrase ("our countries"), whose words they
    are (the author, or the quoted or paraphrased speaker) and the paragraph.
    """
    records = []
    seen: dict[tuple[int, str], int] = {}
    for m in view.mentions:
        order = seen.get((m.paragraph, m.group), 0)
        seen[(m.paragraph, m.group)] = order + 1
        records.append({"paragraph": m.paragraph, "group": m.group, "voice": m.voice,
                        "words": m.text, "phrase": m.phrase.text if m.phrase else "",
                        "speaker": m.speaker, "order": order})
    we = [r for r in records if r["group"] == "we"]
    voices = {v: sum(r["voice"] == v for r in we) for v in _VOICE_ORDER}
    description = (
        f'"We" is mentioned {len(we)} times ({voices["author"]} in the author\'s voice, '
        f'{voices["quote"]} in quotations, {voices["paraphrase"]} in paraphrases), "they" '
        f'{sum(r["group"] == "they" for r in records)} times and named outsiders '
        f'{sum(r["group"] == "outsider" for r in records)} times.'
        if records else 'No mention of "we", "they" or a named outsider was found.'
    )
    chart = (
        alt.Chart(alt.Data(values=records))
        .mark_point(filled=True, size=120, opacity=0.85)
        .encode(
            x=alt.X("paragraph:O", title="Paragraph (in reading order)",
                    scale=alt.Scale(domain=list(range(view.paragraph_count)))),
            y=alt.Y("group:N", title="Who is mentioned", sort=_GROUP_ORDER),
            shape=alt.Shape("voice:N", title="Whose voice", sort=_VOICE_ORDER,
                            scale=alt.Scale(domain=_VOICE_ORDER)),
            color=alt.Color("voice:N", title="Whose voice", sort=_VOICE_ORDER,
                            scale=alt.Scale(domain=_VOICE_ORDER,
                                            range=["#1f4e79", "#8a3b12", "#2e6b30"])),
            xOffset=alt.XOffset("order:O"),
            tooltip=[alt.Tooltip("words:N", title="Words"), alt.Tooltip("phrase:N", title="Phrase"),
                     alt.Tooltip("group:N", title="Group"), alt.Tooltip("voice:N", title="Voice"),
                     alt.Tooltip("speaker:N", title="Whose words"),
                     alt.Tooltip("paragraph:O", title="Paragraph")],
        )
        .properties(width=WIDTH, height=150)
    )
    return _titled(chart, 'Who are "we" and who are "they"?', description)


def claim_types_chart(claims: Sequence[Any]) -> alt.Chart:
    """Claim types paragraph by paragraph (``claims.classify_sentences``): a grid of counts.

    Each cell is a paragraph (column) and a claim type (row); the number of
    sentences is written in the cell and shaded, so nothing rests on colour alone.
    """
    claims = list(claims)
    counts: dict[tuple[int, str], int] = {}
    for c in claims:
        counts[(c.paragraph, c.label)] = counts.get((c.paragraph, c.label), 0) + 1
    records = [{"paragraph": p, "claim type": label, "sentences": n}
               for (p, label), n in sorted(counts.items())]
    totals = {label: sum(n for (_, lab), n in counts.items() if lab == label) for label in _CLAIM_ORDER}
    top = max(totals, key=lambda k: totals[k]) if claims else None
    description = (
        f"{len(claims)} sentences: " + ", ".join(f"{totals[k]} {k}" for k in _CLAIM_ORDER)
        + f"; the most common type is {top}." if claims else "The text has no sentences."
    )
    base = alt.Chart(alt.Data(values=records)).encode(
        x=alt.X("paragraph:O", title="Paragraph (in reading order)"),
        y=alt.Y("claim type:N", title="Claim type", sort=_CLAIM_ORDER,
                scale=alt.Scale(domain=_CLAIM_ORDER)),
        tooltip=[alt.Tooltip("paragraph:O", title="Paragraph"),
                 alt.Tooltip("claim type:N", title="Claim type"),
                 alt.Tooltip("sentences:Q", title="Sentences")],
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("sentences:Q", title="Sentences", scale=alt.Scale(scheme="greys"))
    )
    labels = base.mark_text(fontSize=12).encode(
        text=alt.Text("sentences:Q"),
        color=alt.condition(alt.datum.sentences >= 3, alt.value("white"), alt.value("black")),
    )
    chart = (cells + labels).properties(width=alt.Step(30), height=alt.Step(26))
    return _titled(chart, "What kind of claim is each sentence?", description)


def loaded_words_chart(terms: Sequence[Any]) -> alt.Chart:
    """Loaded words by category (``framing.find_loaded_language``): a bar per category.

    Bars are sorted by count; the tooltip lists the words and their mean intensity.
    """
    terms = list(terms)
    groups: dict[str, list] = {}
    for t in terms:
        groups.setdefault(t.category, []).append(t)
    records = [
        {"category": cat.replace("_", " "), "count": len(items),
         "words": ", ".join(sorted({t.text.lower() for t in items})),
         "mean intensity": round(sum(t.intensity for t in items) / len(items), 2)}
        for cat, items in groups.items()
    ]
    records.sort(key=lambda r: (-r["count"], r["category"]))
    most = max((r["count"] for r in records), default=1)
    description = (
        f"{len(terms)} loaded words or phrases in {len(records)} categories; the largest is "
        f"{records[0]['category']} ({records[0]['count']}: {_clip(records[0]['words'], 60)})."
        if records else "No loaded words from medialit's list were found."
    )
    chart = (
        alt.Chart(alt.Data(values=records))
        .mark_bar(color=LOADED_COLOUR)
        .encode(
            x=alt.X("count:Q", title="Number of loaded words",
                    axis=alt.Axis(values=list(range(0, most + 1, max(1, most // 8))), format="d")),
            y=alt.Y("category:N", title="Category", sort="-x"),
            tooltip=[alt.Tooltip("category:N", title="Category"),
                     alt.Tooltip("count:Q", title="Count"),
                     alt.Tooltip("words:N", title="Words"),
                     alt.Tooltip("mean intensity:Q", title="Mean intensity (1-3)")],
        )
        .properties(width=WIDTH - 160, height=alt.Step(22))
    )
    return _titled(chart, "Loaded words by category", description)


def sentiment_chart(scores: Sequence[Any]) -> alt.Chart:
    """VADER's compound score per sentence (``framing.sentence_sentiment``): bars above and below 0.

    Bars above zero are positive, below negative; the tooltip shows the sentence.
    Colour repeats what the bar's direction already says.
    """
    records = [
        {"sentence": i, "compound": s.compound, "label": s.label, "text": _clip(s.text)}
        for i, s in enumerate(scores)
    ]
    worst = min(records, key=lambda r: r["compound"], default=None)
    description = (
        f"{sum(r['label'] == 'negative' for r in records)} of {len(records)} sentences score "
        f"negative; the lowest is sentence {worst['sentence']} ({worst['compound']:+.2f})."
        if worst else "The text has no sentences."
    )
    chart = (
        alt.Chart(alt.Data(values=records))
        .mark_bar()
        .encode(
            x=alt.X("sentence:O", title="Sentence (in reading order)"),
            y=alt.Y("compound:Q", title="VADER compound score (-1 to +1)",
                    scale=alt.Scale(domain=[-1, 1])),
            color=alt.Color("label:N", title="Tone",
                            scale=alt.Scale(domain=["negative", "neutral", "positive"],
                                            range=["#8a3b12", "#767676", "#1f4e79"])),
            tooltip=[alt.Tooltip("sentence:O", title="Sentence"),
                     alt.Tooltip("compound:Q", title="Compound", format="+.2f"),
                     alt.Tooltip("text:N", title="Text")],
        )
        .properties(width=alt.Step(12), height=220)
    )
    return _titled(chart, "Sentence by sentence: how positive or negative is the wording?",
                   description)


# --- text as data ------------------------------------------------------------------------------
# Charts for Lesson 2: a Document's word counts and sentence lengths.

#: Bar colour for word counts (dark blue: contrast with white far above WCAG's 3:1 for marks).
WORD_COLOUR = "#1f4e79"


def top_words_chart(doc: Document, n: int = 15, stopwords: bool = False) -> alt.Chart:
    """Horizontal bars: the ``n`` most frequent words of ``doc``, most frequent first.

    Stop words are left out unless ``stopwords=True`` (see ``Document.frequencies``).
    Tooltips give each count and its rate per 1,000 words.
    """
    if n < 1:
        raise ValueError(f"top_words_chart: n must be at least 1, got {n}")
    total = doc.word_count
    counts = doc.frequencies(stopwords=stopwords).most_common(n)
    rows = [{"word": word, "count": count, "rank": rank,
             "per_1000_words": round(1000 * count / total, 1) if total else 0.0}
            for rank, (word, count) in enumerate(counts, start=1)]
    left_out = "" if stopwords else ", stop words left out"
    if rows:
        description = (f"The {_plural(len(rows), 'most frequent word')} of {_plural(total, 'word')}{left_out}; "
                       f"the most frequent is \"{rows[0]['word']}\" ({_plural(rows[0]['count'], 'time')}).")
    else:
        description = "No words to count."
    chart = alt.Chart(alt.Data(values=rows)).mark_bar(color=WORD_COLOUR).encode(
        y=alt.Y("word:N", title="Word", sort=[r["word"] for r in rows]),
        x=alt.X("count:Q", title="Times in the text", axis=alt.Axis(tickMinStep=1)),
        tooltip=[alt.Tooltip("word:N", title="Word"), alt.Tooltip("count:Q", title="Times"),
                 alt.Tooltip("per_1000_words:Q", title="Per 1,000 words", format=".1f")],
    ).properties(width=WIDTH - 160, height=alt.Step(18))
    return _titled(chart, "Most frequent words" + ("" if stopwords else " (stop words left out)"), description)


def sentence_lengths_chart(doc: Document) -> alt.Chart:
    """Bars: the number of words in each sentence, in reading order, with the average as a rule."""
    word_starts = [w.start for w in doc.words]
    rows = []
    for number, sentence in enumerate(doc.sentences):
        words = bisect.bisect_left(word_starts, sentence.end) - bisect.bisect_left(word_starts, sentence.start)
        paragraph = doc.paragraph_index(sentence.start)
        rows.append({"sentence": number, "words": words, "paragraph": paragraph,
                     "opening": sentence.text[:60] + ("…" if len(sentence.text) > 60 else "")})
    if rows:
        mean = sum(r["words"] for r in rows) / len(rows)
        longest = max(rows, key=lambda r: (r["words"], -r["sentence"]))
        description = (f"{_plural(len(rows), 'sentence')}, {mean:.1f} words long on average; the longest "
                       f"(sentence {longest['sentence']}, paragraph {longest['paragraph']}) has "
                       f"{_plural(longest['words'], 'word')}.")
    else:
        mean, description = 0.0, "The text has no sentences."
    base = alt.Chart(alt.Data(values=rows))
    bars = base.mark_bar(color=WORD_COLOUR).encode(
        x=alt.X("sentence:O", title="Sentence (0 = first)", axis=alt.Axis(labelAngle=0, labelOverlap=True)),
        y=alt.Y("words:Q", title="Words in the sentence"),
        tooltip=[alt.Tooltip("sentence:O", title="Sentence"), alt.Tooltip("paragraph:O", title="Paragraph"),
                 alt.Tooltip("words:Q", title="Words"), alt.Tooltip("opening:N", title="Opens with")],
    )
    average = alt.Chart(alt.Data(values=[{"mean": round(mean, 1)}])).mark_rule(
        color="#1a1a1a", strokeDash=[4, 2]
    ).encode(y=alt.Y("mean:Q"), tooltip=[alt.Tooltip("mean:Q", title="Average words per sentence")])
    chart = alt.layer(bars, average).properties(width=WIDTH, height=220)
    return _titled(chart, "Sentence lengths, in reading order", description)


# --- attributions ------------------------------------------------------------------------------
# Charts for medialit.attribution (Lesson 5: who says so). Each takes find_attributions results.

#: One colour per source type; the type is also written in the axis label, so colour is a help only.
_TYPE_ORDER = ["named_person", "official_role", "organization", "vague", "common_knowledge",
               "pronoun"]
_TYPE_COLOURS = ["#1f4e79", "#8a3b12", "#2e6b30", "#6b21a8", "#9b1c1c", "#374151"]


def _speaker_label(row: dict) -> str:
    if row["type"] == "common_knowledge":
        return "common knowledge (no source)"
    return f"{_clip(row['source'], 40)} ({row['type'].replace('_', ' ')})"


def who_speaks_chart(attributions: Sequence[Any], n: int = 15) -> alt.Chart:
    """Who speaks in the text: one bar per source, as many attributions as it gets.

    Pronouns and roles are counted under the name they refer to (see
    ``attribution.source_rows``). Each bar is split into direct quotations
    (opaque) and paraphrases (lighter); the axis label gives
    the source's type in words, and tooltips give exact counts, the words used
    and the reporting verbs. Appeals to common knowledge appear as one row.
    """
    from .attribution import source_rows

    if n < 1:
        raise ValueError(f"who_speaks_chart: n must be at least 1, got {n}")
    rows = source_rows(attributions)[:n]
    records = []
    for r in rows:
        label = _speaker_label(r)
        for how in ("direct", "indirect"):
            if r[how]:
                records.append({"source": label, "type": r["type"], "how": how,
                                "attributions": r[how], "total": r["count"],
                                "mentions": _clip(", ".join(r["mentions"])),
                                "cues": _clip(", ".join(r["cues"]))})
    total = sum(r["count"] for r in rows)
    if rows:
        top = rows[0]
        unnamed = sum(r["count"] for r in rows if r["type"] in {"vague", "common_knowledge"})
        description = (
            f"{_plural(len(rows), 'source')} get {_plural(total, 'attribution')}; the most cited is "
            f"{top['source']} ({_plural(top['count'], 'time')}, {top['direct']} as a direct "
            f"quotation); {unnamed} of {total} go to unnamed groups or to common knowledge."
        )
    else:
        description = "No attribution was found: nobody is cited as saying anything."
    chart = alt.Chart(alt.Data(values=records)).mark_bar().encode(
        y=alt.Y("source:N", title="Source (type)", sort=[_speaker_label(r) for r in rows]),
        x=alt.X("attributions:Q", title="Attributions", stack="zero",
                axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("type:N", title="Source type", sort=_TYPE_ORDER,
                        scale=alt.Scale(domain=_TYPE_ORDER, range=_TYPE_COLOURS)),
        opacity=alt.Opacity("how:N", title="Quoted or paraphrased", sort=["direct", "indirect"],
                            scale=alt.Scale(domain=["direct", "indirect"], range=[1.0, 0.55])),
        order=alt.Order("how:N", sort="ascending"),
        tooltip=[alt.Tooltip("source:N", title="Source"), alt.Tooltip("how:N", title="How"),
                 alt.Tooltip("attributions:Q", title="Attributions"),
                 alt.Tooltip("total:Q", title="All attributions"),
                 alt.Tooltip("mentions:N", title="Words used"),
                 alt.Tooltip("cues:N", title="Reporting verbs")],
    ).properties(width=WIDTH - 200, height=alt.Step(22))
    return _titled(chart, "Who speaks? Sources by number of attributions", description)


def source_types_chart(attributions: Sequence[Any]) -> alt.Chart:
    """Attributions by source type (named person, role, organisation, vague, common
    knowledge, pronoun): a bar per type, with the count written at the end of the bar."""
    attributions = list(attributions)
    counts = Counter(a.source_type for a in attributions)
    records = [{"type": t.replace("_", " "), "attributions": counts.get(t, 0)} for t in _TYPE_ORDER]
    total = len(attributions)
    if total:
        named = counts.get("named_person", 0)
        unnamed = counts.get("vague", 0) + counts.get("common_knowledge", 0)
        description = (f"Of {_plural(total, 'attribution')}, {named} name a person and {unnamed} "
                       "go to unnamed groups or to what \"everyone knows\".")
    else:
        description = "No attribution was found."
    base = alt.Chart(alt.Data(values=records)).encode(
        y=alt.Y("type:N", title="Source type", sort=[t.replace("_", " ") for t in _TYPE_ORDER]),
        x=alt.X("attributions:Q", title="Attributions", axis=alt.Axis(tickMinStep=1)),
        tooltip=[alt.Tooltip("type:N", title="Source type"),
                 alt.Tooltip("attributions:Q", title="Attributions")],
    )
    bars = base.mark_bar(color=WORD_COLOUR)
    labels = base.mark_text(align="left", dx=4).encode(text=alt.Text("attributions:Q"))
    chart = (bars + labels).properties(width=WIDTH - 200, height=alt.Step(22))
    return _titled(chart, "What kind of source is cited?", description)
