"""Where the course is published, from one place: ``publishing.yaml`` beside this module.

The book's launch buttons (Binder, JupyterHub) and its repository link in
``book/_config.yml`` are copies of these values; ``--write`` refreshes them and
``--check`` (and ``tests/test_publishing.py``) reports any difference::

    python -m medialit.course.publishing --write book/_config.yml
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

__all__ = ["BOOK_KEYS", "book_config_differences", "load_publishing", "write_book_config"]

PUBLISHING_FILE = Path(__file__).with_name("publishing.yaml")
#: publishing.yaml key -> (section of book/_config.yml, key in that section)
BOOK_KEYS = {
    "repository": ("repository", "url"),
    "branch": ("repository", "branch"),
    "binderhub_url": ("launch_buttons", "binderhub_url"),
    "jupyterhub_url": ("launch_buttons", "jupyterhub_url"),
}


def load_publishing(path: Path = PUBLISHING_FILE) -> dict[str, str]:
    """The publishing settings: ``repository``, ``branch``, ``binderhub_url``, ``jupyterhub_url``.

    >>> sorted(load_publishing())
    ['binderhub_url', 'branch', 'jupyterhub_url', 'repository']
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    missing = [key for key in BOOK_KEYS if not isinstance(data.get(key), str)]
    if missing:
        raise ValueError(f"{path}: set {', '.join(missing)} (a text value each)")
    return {key: data[key] for key in BOOK_KEYS}


def book_config_differences(book_config: Path, settings: dict[str, str] | None = None) -> list[str]:
    """One line per value of ``book_config`` that differs from ``publishing.yaml``."""
    settings = load_publishing() if settings is None else settings
    config = yaml.safe_load(book_config.read_text(encoding="utf-8")) or {}
    problems = []
    for key, (section, name) in BOOK_KEYS.items():
        have = (config.get(section) or {}).get(name)
        if (have or "") != settings[key]:
            problems.append(f"{section}.{name} is {have!r} but publishing.yaml's {key} is {settings[key]!r}")
    return problems


def _replace(text: str, section: str, name: str, value: str) -> str:
    block = re.search(rf"(?m)^{re.escape(section)}:\n((?:[ \t]+.*\n|[ \t]*\n)*)", text)
    if block is None:
        raise ValueError(f"book config has no {section}: section")
    line = re.compile(rf"(?m)^([ \t]+{re.escape(name)}:)[ \t]*.*$")
    body, count = line.subn(lambda m: f"{m.group(1)} {value if value else chr(34) * 2}", block.group(1), count=1)
    if count == 0:
        raise ValueError(f"book config has no {name}: in its {section}: section")
    return text[: block.start(1)] + body + text[block.end(1):]


def write_book_config(book_config: Path, settings: dict[str, str] | None = None) -> None:
    """Copy the publishing settings into ``book_config``, keeping its comments and layout."""
    settings = load_publishing() if settings is None else settings
    text = book_config.read_text(encoding="utf-8")
    for key, (section, name) in BOOK_KEYS.items():
        text = _replace(text, section, name, settings[key])
    book_config.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """``python -m medialit.course.publishing --check|--write BOOK_CONFIG``."""
    parser = argparse.ArgumentParser(description="copy publishing.yaml into the book's _config.yml")
    parser.add_argument("book_config", type=Path, help="the book's _config.yml")
    parser.add_argument("--write", action="store_true", help="rewrite the values (default: only check)")
    args = parser.parse_args(argv)
    try:
        if args.write:
            write_book_config(args.book_config)
        problems = book_config_differences(args.book_config)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        print(f"medialit: error: {exc}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
