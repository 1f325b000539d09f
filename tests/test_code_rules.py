"""Code rules of the developers' guide that ruff does not check: function length, doctests, layering.

ruff checks complexity (C901 at 15, PLR0911, PLR0912; see pyproject.toml). Here:

* no function in src/ is longer than 60 lines (no exemptions: the attribution package,
  once exempted, meets the rule since its split);
* every public analysis module has at least one doctest (pytest collects them with
  ``--doctest-modules``, set in pyproject.toml's addopts and testpaths);
* analysis modules import no IPython, ipywidgets or altair (layers point down);
* no module imports another module's underscore names.
"""

from __future__ import annotations

import ast
import doctest
import importlib
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "medialit"
MAX_FUNCTION_LINES = 60
#: Functions allowed to be longer, with the reason (none today).
LONG_FUNCTION_EXEMPTIONS: dict[str, str] = {}

#: The analysis layer: text basis, detectors, analysis object and evaluation (no views).
ANALYSIS_MODULES = [
    "medialit.text", "medialit.text.document", "medialit.text.quotes", "medialit.text.terms",
    "medialit.text.spans", "medialit.text.result", "medialit.text.tokens", "medialit.document", "medialit.hedging",
    "medialit.framing", "medialit.claims", "medialit.attribution", "medialit.analysis", "medialit.summary",
]
VIEW_LIBRARIES = ("IPython", "ipywidgets", "altair")


def _modules() -> list[tuple[str, Path, ast.Module]]:
    out = []
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out.append((name, path, ast.parse(path.read_text(encoding="utf-8"))))
    return out


def _imports(name: str, path: Path, tree: ast.Module):
    """(imported module, names) for every import in the module, relative ones resolved."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([module] if module else []))
            yield module, [alias.name for alias in node.names]


def test_no_function_is_longer_than_60_lines():
    long = []
    for name, _, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                qualified = f"{name}.{node.name}"
                if lines > MAX_FUNCTION_LINES and qualified not in LONG_FUNCTION_EXEMPTIONS:
                    long.append(f"{qualified} ({lines} lines)")
    assert not long, f"split these functions (at most {MAX_FUNCTION_LINES} lines each): {', '.join(long)}"


@pytest.mark.parametrize("module_name", ANALYSIS_MODULES)
def test_every_public_analysis_module_has_a_doctest(module_name):
    module = importlib.import_module(module_name)
    tests = [t for t in doctest.DocTestFinder().find(module) if t.examples]
    assert tests, f"{module_name} has no doctest: add an example to its docstring"


def test_analysis_modules_import_no_view_library():
    analysis = tuple(ANALYSIS_MODULES)
    bad = []
    for name, path, tree in _modules():
        if not name.startswith(analysis):
            continue
        for module, _ in _imports(name, path, tree):
            if module.split(".")[0] in VIEW_LIBRARIES:
                bad.append(f"{name} imports {module}")
    assert not bad, "; ".join(bad)


def test_no_module_imports_another_modules_private_names():
    bad = []
    for name, path, tree in _modules():
        for module, names in _imports(name, path, tree):
            if module == name:
                continue
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            private += [part for part in module.split(".") if part.startswith("_") and part != "__future__"]
            if private and module.startswith("medialit"):
                bad.append(f"{name} imports {', '.join(private)} from {module}")
    assert not bad, "; ".join(bad)


def _defined_names(tree: ast.Module) -> set[str]:
    """Names a module binds at its top level (defs, classes, assignments, imports)."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names


def _forwarded(modules, name: str, path: Path, tree: ast.Module):
    """Names imported from a medialit module that only forwards them (its ``__getattr__``)."""
    for module, names in _imports(name, path, tree):
        target = modules.get(module)
        if target is None or "__getattr__" not in _defined_names(target[1]):
            continue
        package_dir = target[0].parent if target[0].name == "__init__.py" else None
        for n in names:
            submodule = package_dir is not None and ((package_dir / f"{n}.py").exists() or (package_dir / n).is_dir())
            if n not in _defined_names(target[1]) and not submodule:
                yield f"{name} imports {n} from {module}, which only forwards it"


def test_no_module_imports_a_name_another_module_only_forwards():
    """A view is imported from the view module itself (``from .render import highlight_attributions``),
    not through an analysis module's lazy ``__getattr__`` kept for the lessons' old imports."""
    modules = {name: (path, tree) for name, path, tree in _modules()}
    bad = [line for name, (path, tree) in modules.items() for line in _forwarded(modules, name, path, tree)]
    assert not bad, "; ".join(bad)


def test_the_module_map_in_contributing_names_every_module():
    text = (SRC.parents[1] / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = text[text.index("## Module map") :]
    table = table[: table.index("\n\n", table.index("| module |"))]
    names = [p.name + ("/" if p.is_dir() else "") for p in SRC.iterdir()
             if (p.suffix == ".py" and p.name != "__init__.py") or (p.is_dir() and (p / "__init__.py").exists())]
    missing = [n for n in sorted(names) if f"`{n}`" not in table]
    assert not missing, f"add these to CONTRIBUTING.md's module map: {', '.join(missing)}"


def test_the_rules_can_fail():
    """The checks above see what they look for (so a passing run means something)."""
    tree = ast.parse("from .framing import _compile\nimport altair\n" + "def f():\n" + "    x = 1\n" * 61)
    found = list(_imports("medialit.claims", SRC / "claims.py", tree))
    assert ("medialit.framing", ["_compile"]) in found and ("altair", []) in found
    function = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef))
    assert function.end_lineno - function.lineno + 1 > MAX_FUNCTION_LINES
    modules = {name: (path, tree) for name, path, tree in _modules()}
    forwarding = ast.parse("from .attribution import highlight_attributions, find_attributions\n")
    assert list(_forwarded(modules, "medialit.report", SRC / "report.py", forwarding)) == [
        "medialit.report imports highlight_attributions from medialit.attribution, which only forwards it"]
