"""medialit: read the news critically, with notebooks and a small toolkit.

Importing medialit only defines things; nothing is loaded until you use it.

>>> import medialit
>>> doc = medialit.Document.from_text("Many expected progress. It probably came.")
>>> len(doc.sentences)
2
"""

from . import report  # the module, callable: medialit.report(doc) runs medialit.report.report(doc)
from .analysis import Analysis, analyze
from .attribution import Attribution, attribution_table, find_attributions
from .casestudy import load_case_study, split_page
from .claims import Claim, claims_summary, classify_sentences
from .contrasting import contrasting_texts, load_contrasting
from .display import setup_notebook
from .document import ConcordanceLine, Document, Paragraph, Span
from .framing import (
    find_loaded_language,
    framing_summary,
    perspective,
    propaganda_techniques,
    sentence_sentiment,
)
from .hedging import Hedge, find_hedges
from .leads import lead
from .reading import html_to_text, read_document
from .render import highlight
from .report import Report, compare

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Attribution",
    "Claim",
    "ConcordanceLine",
    "Document",
    "Hedge",
    "Paragraph",
    "Report",
    "Span",
    "attribution_table",
    "claims_summary",
    "analyze",
    "classify_sentences",
    "compare",
    "contrasting_texts",
    "find_attributions",
    "find_hedges",
    "find_loaded_language",
    "framing_summary",
    "highlight",
    "html_to_text",
    "load_case_study",
    "lead",
    "load_contrasting",
    "perspective",
    "propaganda_techniques",
    "read_document",
    "report",
    "sentence_sentiment",
    "setup_notebook",
    "split_page",
]
