"""Self-check quizzes: YAML banks, grading, a JupyterLab widget, a static book view, saved progress.

>>> import medialit.quiz
>>> bank = medialit.quiz.load_bank("demo")
>>> [q.type for q in bank.questions][:3]
['single', 'multiple', 'numeric']

In a notebook: ``medialit.quiz.show("lesson03")`` or ``medialit.quiz.show("lesson03", "q2")``.
The bank schema is documented in ``lessons/quizzes/README.md``.
"""

from .grading import MAX_EXTRA_WORDS, Grade, grade
from .progress import (
    ProgressError,
    ProgressWarning,
    bank_score,
    load_progress,
    progress_path,
    record_answer,
    saved_answer,
    saved_entry,
    set_student,
)
from .schema import (
    QUESTION_TYPES,
    Bank,
    BankError,
    MatchItem,
    Option,
    Question,
    bank_names,
    find_bank,
    load_bank,
    parse_bank,
    quizzes_dir,
)
from .static import render_html, standalone_page, static_files
from .view import QuizView, show, view

__all__ = [
    "MAX_EXTRA_WORDS",
    "QUESTION_TYPES",
    "Bank",
    "BankError",
    "Grade",
    "MatchItem",
    "Option",
    "ProgressError",
    "ProgressWarning",
    "Question",
    "QuizView",
    "bank_names",
    "bank_score",
    "find_bank",
    "grade",
    "load_bank",
    "load_progress",
    "parse_bank",
    "progress_path",
    "quizzes_dir",
    "record_answer",
    "render_html",
    "saved_answer",
    "saved_entry",
    "set_student",
    "show",
    "standalone_page",
    "static_files",
    "view",
]
