"""The command line: every subcommand has help, and the installed command runs."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from medialit.cli import build_parser, main


def _subcommands(parser):
    for action in parser._actions:
        if action.__class__.__name__ == "_SubParsersAction":
            for name, sub in action.choices.items():
                helps = {a.dest: a.help for a in action._choices_actions}
                yield name, sub, helps.get(name)
                yield from ((f"{name} {n}", s, h) for n, s, h in _subcommands(sub))


def test_every_subcommand_has_help():
    found = list(_subcommands(build_parser()))
    assert {"analyze", "evaluate", "quiz check", "quiz key", "progress report", "assignment release"} <= {
        name for name, _, _ in found
    }
    for name, sub, help_text in found:
        assert help_text, f"`medialit {name}` has no help text"
        for action in sub._actions:
            if action.dest not in ("help",) and not action.__class__.__name__.startswith("_SubParsers"):
                assert action.help, f"`medialit {name}`: argument {action.dest} has no help"


def test_help_exits_cleanly(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    assert "analyze" in capsys.readouterr().out


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2


def test_installed_command_runs():
    exe = shutil.which("medialit") or str(__import__("pathlib").Path(sys.executable).with_name("medialit"))
    result = subprocess.run([exe, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "evaluate" in result.stdout
