"""The shape of the code, checked: no import cycles, view modules never import each other, core imports no
domain, product code never imports demo code, and every domain is wired through its init_app."""

import ast
from functools import cache
from pathlib import Path

import portal

ROOT = Path(portal.__file__).parent
DEMO_MODULES = ("portal.demo", ".demo", ".scale")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, *, top_level_only: bool) -> set[str]:
    """Modules of the portal package that `path` imports (at module level only, if asked)."""
    tree = ast.parse(path.read_text())
    nodes = tree.body if top_level_only else ast.walk(tree)
    found = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("portal"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("portal"))
    return found


MODULES = {_module_name(p): p for p in ROOT.rglob("*.py")}


@cache
def _graph(*, top_level_only: bool) -> dict[str, set[str]]:
    """Who imports whom (parsed once per kind; callers copy before changing it)."""
    return {
        name: {m for m in _imports(path, top_level_only=top_level_only) if m in MODULES and m != name}
        for name, path in MODULES.items()
    }


def test_no_import_cycles_at_module_level():
    graph = {name: set(deps) for name, deps in _graph(top_level_only=True).items()}
    for module in graph:  # a package's __init__ importing its submodule is not a cycle back to it
        graph[module] = {m for m in graph[module] if not module.startswith(m + ".")}
    state: dict[str, int] = {}
    cycles = []

    def visit(node, stack):
        state[node] = 1
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(stack[stack.index(nxt) :] + [nxt]))
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_view_modules_never_import_each_other():
    views = {n for n in MODULES if n.rsplit(".", 1)[-1].endswith("views")}
    offenders = [f"{n} imports {m}" for n in sorted(views) for m in _graph(top_level_only=False)[n] & views]
    assert not offenders, offenders


def test_core_imports_no_domain():
    offenders = [
        f"{n} imports {m}"
        for n, deps in _graph(top_level_only=False).items()
        if n.startswith("portal.core")
        for m in deps
        if not m.startswith(("portal.core", "portal.extensions", "portal.config"))
    ]
    assert not offenders, offenders


def test_product_code_never_imports_demo_code():
    def is_demo(name):
        return name.startswith("portal.demo") or name.endswith(DEMO_MODULES[1:])

    allowed = {("portal", "portal.demo.commands")}  # the app factory adds the `flask demo` command group
    offenders = [
        f"{n} imports {m}"
        for n, deps in _graph(top_level_only=False).items()
        if not is_demo(n)
        for m in deps
        if is_demo(m) and (n, m) not in allowed
    ]
    assert not offenders, offenders


def test_every_domain_registers_through_init_app():
    for domain in portal.DOMAINS:
        init = ROOT / domain / "__init__.py"
        tree = ast.parse(init.read_text())
        names = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
        assert "init_app" in names, f"portal/{domain}/__init__.py has no init_app"
    # nothing but __init__ files define blueprints
    defined = [n for n, p in MODULES.items() if "Blueprint(" in p.read_text() and p.name != "__init__.py"]
    assert not defined, defined


def test_every_list_pages_through_the_one_pager():
    """portal.core.paging.paginate is the one pager (a select -> a Page for the `pager` macro); Flask-SQLAlchemy's
    own `db.paginate` reads ?per_page= from anyone and is not used."""
    offenders = [name for name, path in MODULES.items() if "db.paginate(" in path.read_text()]
    assert not offenders, offenders
