"""The ``medialit`` command: a thin layer over the public API.

Subcommands:

* ``medialit analyze FILE... [--format text|json|html]``: a reading summary per document.
* ``medialit evaluate stance|attribution|loaded|claims|heldout|news``: detector accuracy figures
  (heldout: the course's held-out texts; news: real news texts of the developers' corpora).
* ``medialit quiz check`` / ``medialit quiz key BANK --format md|html``: question banks.
* ``medialit quiz export BANK... --format qti|moodle|gift [-o OUT]``: banks for an LMS.
* ``medialit progress report FILES... --format canvas|moodle|csv``: a gradebook from progress files.
* ``medialit assignment release lessons/ OUT/``: student versions without solutions.
* ``medialit lab [FOLDER]`` / ``medialit link --hub URL``: the course in JupyterLab, or on a JupyterHub.

Every subcommand prints a one-line error and exits with status 2 on bad input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from .course.cli import add_course_commands

__all__ = ["main"]


def _cmd_analyze(args: argparse.Namespace) -> int:
    from .summary import analyze_paths

    return analyze_paths(args.files, fmt=args.format, out=sys.stdout, progress=not args.quiet)


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluation import run_evaluation

    return run_evaluation(args.what, corpora=args.corpora, fmt=args.format, out=sys.stdout)


def _cmd_quiz(args: argparse.Namespace) -> int:
    from .quiz import cli as quiz_cli

    return quiz_cli.run(args, out=sys.stdout)


def _cmd_progress(args: argparse.Namespace) -> int:
    from .quiz import cli as quiz_cli

    return quiz_cli.run_progress(args, out=sys.stdout)


def _cmd_assignment(args: argparse.Namespace) -> int:
    from .assignment import release

    written = release(args.source, args.out)
    for path in written:
        print(path)
    print(f"wrote {len(written)} student notebook(s) to {args.out}", file=sys.stderr)
    return 0


def _add_analysis_commands(sub: Any) -> None:
    from .evaluation import evaluation_choices  # the detector registry's evaluations

    p = sub.add_parser("analyze", help="summarise stance markers, sources and framing in articles")
    p.add_argument("files", nargs="+", metavar="FILE", help=".txt, .md or .html files; - reads standard input")
    p.add_argument("--format", choices=["text", "json", "html"], default="text", help="output format")
    p.add_argument("--quiet", action="store_true", help="no progress bar on standard error")
    p.set_defaults(func=_cmd_analyze)

    p = sub.add_parser("evaluate", help="print precision, recall and F1 of a detector")
    p.add_argument("what", choices=evaluation_choices(),
                   help="which detector (heldout: all detectors on the course's own held-out texts; news: all "
                   "detectors on 11 real news texts of the development corpora, development figures)")
    p.add_argument("--corpora", default=None, help="folder of development corpora (default ../shared/corpora)")
    p.add_argument("--format", choices=["text", "json", "md"], default="text", help="output format")
    p.set_defaults(func=_cmd_evaluate)


def _add_quiz_commands(sub: Any) -> None:
    p = sub.add_parser("quiz", help="check question banks, print an answer key or export banks for an LMS")
    quiz_sub = p.add_subparsers(dest="quiz_command", metavar="ACTION", required=True)
    q = quiz_sub.add_parser("check", help="validate every question bank (or the ones named)")
    q.add_argument("banks", nargs="*", metavar="BANK", help="bank files or names (default: all)")
    q = quiz_sub.add_parser("key", help="answer key with explanations")
    q.add_argument("bank", metavar="BANK", help="a bank file or name such as lesson03")
    q.add_argument("--format", choices=["md", "html"], default="md", help="output format")
    q = quiz_sub.add_parser(
        "export", help="export banks for an LMS: QTI 1.2 (Canvas, Blackboard), Moodle XML or GIFT",
        description="Export question banks for a learning-management system. qti: an IMS QTI 1.2 "
        "content package (.zip with imsmanifest.xml) for Canvas (Import Course Content > QTI .zip file) "
        "and Blackboard; moodle: Moodle XML; gift: GIFT text (Moodle). Each bank becomes one quiz or "
        "question category named after its lesson. What each question type loses is listed in the "
        "instructor guide page 'Using medialit with your LMS'.",
        epilog="examples: medialit quiz export lesson03 --format qti -o lesson03.zip; "
        "medialit quiz export lesson0* --format gift > course.gift",
    )
    q.add_argument("banks", nargs="+", metavar="BANK", help="bank names (lesson03) or .yaml files")
    q.add_argument("--format", required=True, metavar="FORMAT",
                   help="qti (a .zip for Canvas and Blackboard), moodle (Moodle XML) or gift (GIFT text)")
    q.add_argument("-o", "--output", metavar="OUT", default=None,
                   help="file to write, - for standard output (default: standard output for moodle and gift, "
                   "BANK-qti.zip for qti)")
    p.set_defaults(func=_cmd_quiz)


def _add_class_commands(sub: Any) -> None:
    p = sub.add_parser("progress", help="work with students' progress files")
    prog_sub = p.add_subparsers(dest="progress_command", metavar="ACTION", required=True)
    q = prog_sub.add_parser(
        "report", help="a gradebook from progress files (a table, CSV, or Canvas/Moodle import CSV)",
        description="Grade students' progress files again against the banks, one score per lesson. "
        "canvas: Canvas gradebook import CSV; moodle: Moodle grade import CSV (identifier column plus "
        "one column per lesson); csv: medialit's CSV. Without --format: a text table.",
    )
    q.add_argument("files", nargs="+", metavar="FILE", help="students' progress .json files")
    q.add_argument("--format", default=None, metavar="FORMAT",
                   help="canvas, moodle or csv (default: a text table)")
    q.add_argument("--csv", action="store_true", help="the same as --format csv")
    p.set_defaults(func=_cmd_progress)

    p = sub.add_parser("assignment", help="prepare notebooks for students")
    asg_sub = p.add_subparsers(dest="assignment_command", metavar="ACTION", required=True)
    q = asg_sub.add_parser("release", help="write student versions with solution cells removed")
    q.add_argument("source", metavar="LESSONS", help="a lesson notebook or a folder of them")
    q.add_argument("out", metavar="OUT", help="folder to write the student notebooks to")
    p.set_defaults(func=_cmd_assignment)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``medialit`` command (every subcommand has help)."""
    parser = argparse.ArgumentParser(
        prog="medialit", description="Read the news critically: tools of the medialit course."
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_analysis_commands(sub)
    _add_quiz_commands(sub)
    _add_class_commands(sub)
    add_course_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the ``medialit`` command; returns the exit status (0 ok, 2 bad input)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except (ValueError, OSError) as exc:  # OSError: permissions, a full disk, a locked file
        message = str(exc).replace("\n", " ")
        print(f"medialit: error: {message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
