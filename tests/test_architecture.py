"""The package's shape: imports flow one way (no cycles), and modules stay small enough to
read, or say at their top why they are not."""

from __future__ import annotations

import ast
from pathlib import Path

import translint

PACKAGE = Path(translint.__file__).parent
MAX_LINES = 450
# A module over MAX_LINES states why in its docstring, on a line starting with this.
SIZE_REASON = "Size:"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, known: set[str]) -> set[str]:
    """The translint modules ``path`` imports when it is imported: module-level imports,
    not those inside functions or under ``if TYPE_CHECKING``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    package = _module_name(path) if path.name == "__init__.py" else \
        _module_name(path).rpartition(".")[0]
    for node in tree.body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in known else base)
    return {name for name in found if name in known}


def _packages_of(name: str) -> set[str]:
    """The packages Python imports before ``name`` (``translint.a.b`` → ``translint.a``),
    less the top package, whose ``__init__`` re-exports the whole API on purpose."""
    parts = name.split(".")
    return {".".join(parts[:end]) for end in range(2, len(parts))}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        imported = _imports(path, known)
        entered = {package for module in imported for package in _packages_of(module)
                   if not name.startswith(package + ".")}
        graph[name] = (imported | entered) - {name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph``, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = 1
        stack.append(name)
        for other in sorted(graph[name]):
            if state.get(other) == 1:
                return [*stack[stack.index(other):], other]
            if other not in state and (found := visit(other)):
                return found
        stack.pop()
        state[name] = 2
        return None

    for name in sorted(graph):
        if name not in state and (found := visit(name)):
            return found
    return None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_imports_flow_one_way() -> None:
    """No module imports, directly or not, a module that imports it. A module outside a
    package that imports ``translint.x.y`` runs ``translint/x/__init__.py`` first, so that
    counts as an import of ``translint.x`` (a package's own modules may import each other
    while its ``__init__`` registers them); the top package, which re-exports the whole API,
    is left out."""
    cycle = _cycle(_graph())
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_the_configuration_does_not_reach_into_running() -> None:
    graph = _graph()
    assert not graph["translint.config"] & {"translint.runner", "translint.linter",
                                            "translint.cli"}



def test_modules_are_small_or_say_why() -> None:
    long = []
    for name, path in _modules().items():
        text = path.read_text(encoding="utf-8")
        docstring = ast.get_docstring(ast.parse(text)) or ""
        reason = any(line.startswith(SIZE_REASON) for line in docstring.splitlines())
        if text.count("\n") > MAX_LINES and not reason:
            long.append(f"{name} ({text.count(chr(10))} lines)")
    assert long == [], f"over {MAX_LINES} lines without a {SIZE_REASON!r} line: {long}"
