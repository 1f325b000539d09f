"""The book's icons without the theme's 1.5 MB icon script: Font Awesome fonts cut to what is used.

pydata-sphinx-theme draws its icons twice over: ``fontawesome.js`` (every icon of Font Awesome
as SVG, ~1.5 MB, ~0.54 MB gzip, the heaviest file of a page) turns each ``<i class="fa-...">``
into an SVG, and its stylesheet can draw the same icons from the Font Awesome web fonts (icon
classes, and the admonition and link icons it sets in ``::before``/``::after``). The book drops
the script (``_templates/static/webpack-macros.html``) and keeps the fonts, cut down here at the
end of every build to the glyphs the built site can show:

* every ``fa-NAME`` class found in the built HTML pages and the theme's own scripts, mapped to
  its character by the theme's stylesheet (``.fa-NAME:before{content:"\\f0c9"}``);
* every Font Awesome character the stylesheets use outside those icon classes (the
  ``--pst-icon-*`` variables behind admonition, external-link and breadcrumb icons).

The fonts are cut from the theme's installed originals (never from a previous cut), and
written over the copies in ``_static/vendor/fontawesome/webfonts/``: the woff2 files a browser
loads and the ttf fallbacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

#: Where the theme keeps its files, relative to the pydata_sphinx_theme package.
THEME_STATIC = Path("theme") / "pydata_sphinx_theme" / "static"
WEBFONTS = Path("vendor") / "fontawesome" / "webfonts"
FONT_FILES = ("fa-solid-900", "fa-regular-400", "fa-brands-400")
ICON_SCRIPT = Path("scripts") / "fontawesome.js"

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_ICON_SELECTOR = re.compile(r"\.fa-([\w-]+)::?(?:before|after)")
_ESCAPE = re.compile(r"\\([0-9a-fA-F]{4,6})")
_CLASS = re.compile(r"\bfa-([a-z0-9][a-z0-9-]*)")
#: Font Awesome puts its glyphs in the Private Use Area.
_PUA = range(0xE000, 0xF900)


def _codepoints(text: str) -> set[int]:
    """Private-use characters in a CSS declaration block, written literally or as escapes."""
    found = {int(hexa, 16) for hexa in _ESCAPE.findall(text)}
    found |= {ord(ch) for ch in text if ord(ch) in _PUA}
    return {cp for cp in found if cp in _PUA}


def read_stylesheet(css: str) -> tuple[dict[str, set[int]], set[int]]:
    """``(icon class -> characters, characters used outside icon classes)`` of a stylesheet.

    >>> icons, other = read_stylesheet(
    ...     '.fa-bars:before,.fa-navicon:before{content:"\\\\f0c9"}'
    ...     ' a.x:after{content:var(--i)} html{--i:"\\uf35d"}')
    >>> sorted(icons), hex(icons["bars"].pop()), [hex(cp) for cp in other]
    (['bars', 'navicon'], '0xf0c9', ['0xf35d'])
    """
    icons: dict[str, set[int]] = {}
    other: set[int] = set()
    for selector, body in _RULE.findall(css):
        points = _codepoints(body)
        if not points:
            continue
        selectors = [s.strip() for s in selector.split(",")]
        names = [_ICON_SELECTOR.fullmatch(s) for s in selectors]
        if all(names):
            for match in names:
                icons.setdefault(match.group(1), set()).update(points)  # type: ignore[union-attr]
        else:
            other |= points
    return icons, other


def classes_used(texts: Iterable[str]) -> set[str]:
    """Every ``fa-NAME`` in the given HTML or JavaScript (style classes like ``fa-solid`` too)."""
    found: set[str] = set()
    for text in texts:
        found.update(_CLASS.findall(text))
    return found


def codepoints_used(outdir: Path, css_texts: Iterable[str]) -> set[int]:
    """The Font Awesome characters the built site can show."""
    icons: dict[str, set[int]] = {}
    always: set[int] = set()
    for css in css_texts:
        found, other = read_stylesheet(css)
        for name, points in found.items():
            icons.setdefault(name, set()).update(points)
        always |= other
    static = outdir / "_static"
    sources = [p for p in outdir.rglob("*.html")]
    sources += [p for p in static.rglob("*.js") if p.name != ICON_SCRIPT.name and "vendor" not in p.parts]
    names = classes_used(p.read_text(encoding="utf-8", errors="replace") for p in sources)
    used = set(always)
    for name in names:
        used |= icons.get(name, set())
    return used


def subset_font(source: Path, dest: Path, codepoints: set[int]) -> None:
    """Write ``source`` cut to ``codepoints`` as ``dest`` (woff2 or ttf, from the suffix)."""
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2" if dest.suffix == ".woff2" else None
    options.layout_features = ["*"]
    options.notdef_outline = True
    options.ignore_missing_unicodes = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    subset.save_font(font, str(dest), options)


def theme_static() -> Path:
    import pydata_sphinx_theme

    return Path(pydata_sphinx_theme.__file__).parent / THEME_STATIC


def cut_icon_fonts(outdir: Path) -> tuple[int, int, int]:
    """Cut the built site's Font Awesome fonts to the icons it uses.

    Returns ``(characters kept, bytes before, bytes after)`` of the woff2 files.
    """
    originals = theme_static()
    static = outdir / "_static"
    css_texts = [p.read_text(encoding="utf-8") for p in static.rglob("*.css") if "vendor" not in p.parts]
    codepoints = codepoints_used(outdir, css_texts)
    before = after = 0
    for name in FONT_FILES:
        for suffix in (".woff2", ".ttf"):
            source = originals / WEBFONTS / f"{name}{suffix}"
            dest = static / WEBFONTS / f"{name}{suffix}"
            if not (source.is_file() and dest.parent.is_dir()):
                continue
            subset_font(source, dest, codepoints)
            if suffix == ".woff2":
                before += source.stat().st_size
                after += dest.stat().st_size
    # Nothing loads the icon script any more; leave no 1.5 MB file to be loaded by mistake.
    for leftover in (static / ICON_SCRIPT, static / f"{ICON_SCRIPT}.map"):
        leftover.unlink(missing_ok=True)
    return len(codepoints), before, after
