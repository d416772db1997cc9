"""What code uses and never imports nor defines, supplied as the learner would in a moment, so that the solution
guard (``engine.solution_guard``) grades the solution a reply gives away and not the line it leaves out.

An import of the standard library left out, or an annotation, a decorator, a default value, a base class, a metaclass
or a class's body naming what the code never defines, crashes its definition or its run, and a solution failed every
test. ``graded_form`` imports the standard library's well-known names and the modules the code reaches into, leaves
annotations unevaluated, and stands in for other names a definition needs; a name missing where the code runs (a helper
left to write) still fails.
"""

from __future__ import annotations

import ast
import builtins
import sys
from collections.abc import Collection, Iterator

from engine import syntax

# What stands in for a name the code never defines where its definitions need one: a decorator (`@my_cache`), a
# default value (`default=_MISSING`), a base class (`class Stack(Base)`), a metaclass (`metaclass=Registry`), a class
# attribute (`kind = DEFAULT_KIND`; `__slots__ = SLOTS` is the class's attributes instead, ``_slots``). Called on
# what it decorates, it gives it back as it is; called with arguments (`@my_cache(size=2)`) or reached through
# (`tools.cache`), it is itself again; derived from, it is no base at all; as a sentinel (`default is _MISSING`), it is
# itself alone; as a metaclass, it makes the class as type does, the keywords meant for it left aside (a class of its
# own would fail every test). Called otherwise it gives nothing a test could take for a right answer.
_STAND_IN = """class _StandIn:
    def __call__(self, *args, **kwargs):
        if len(args) == 3 and isinstance(args[2], _ClassBody):
            return type(args[0], args[1], dict(args[2]))
        return args[0] if len(args) == 1 and not kwargs and callable(args[0]) else self

    def __getattr__(self, name):
        return self

    def __mro_entries__(self, bases):
        return ()

    def __prepare__(self, name, bases, **kwargs):
        return _ClassBody()


class _ClassBody(dict):
    pass


"""
# Names of the standard library that are what the code does (a @dataclass makes the class's __init__, a Sequence
# base its __contains__, an itemgetter default its key): one never imported is imported as it surely would be, where a
# stand-in doing nothing would fail every test. So is a module of the standard library the code reaches into
# (`operator.itemgetter(0)`, `@functools.cache`, `math.prod(...)`).
_STANDARD_NAMES = {name: f"from {module} import {name}" for module, names in (
    ("abc", "ABC ABCMeta abstractmethod"),
    ("bisect", "bisect_left bisect_right insort"),
    ("collections", "Counter OrderedDict defaultdict deque namedtuple"),
    ("collections.abc", "Callable Container Generator Hashable Iterable Iterator Mapping MutableMapping MutableSequence "
                        "MutableSet Sequence Sized"),
    ("contextlib", "contextmanager suppress"),
    ("dataclasses", "dataclass field"),
    ("enum", "Enum IntEnum auto"),
    ("functools", "cache cached_property lru_cache partial reduce singledispatch total_ordering wraps"),
    ("heapq", "heapify heappop heappush"),
    ("itertools", "accumulate chain combinations groupby islice pairwise permutations zip_longest"),
    ("math", "ceil floor gcd inf isqrt pi prod sqrt"),
    ("operator", "attrgetter itemgetter methodcaller"),
    ("typing", "Any Generic NamedTuple Optional Protocol TypeVar"),
) for name in names.split()}
_STANDARD_MODULES = frozenset(name for name in sys.stdlib_module_names if not name.startswith("_"))
_BUILTINS = frozenset(dir(builtins))


def graded_form(code: str) -> str:
    """``code`` as it is graded: as written, unless it uses the standard library without importing it, or an
    annotation, a decorator, a default value, a base class, a metaclass or a class's body names what it never defines
    nor imports (`def digit_sum(n: Number)`, `@lru_cache`, `key=operator.itemgetter(0)`, `class Stack(Sequence)`,
    `default=_MISSING`, `metaclass=Registry`, `kind = DEFAULT_KIND`), which crashes the definition when it runs, though
    the learner has only to delete the name, import or define it. Then the standard library's names and modules are
    imported (``_STANDARD_NAMES``), annotations are left unevaluated (``from __future__ import annotations``), a class's
    undefined ``__slots__`` are the attributes its methods set (``_slots``), and other names a definition needs stand in
    as doing nothing (``_STAND_IN``). Nothing else changes: a name missing where the code runs (a helper left to write)
    still fails as it did."""
    try:
        tree = syntax.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return code
    known = names_of(tree)[0] | _BUILTINS
    imported = _standard_imports(tree, known)
    known |= imported.keys()
    missing = any(isinstance(node, ast.Name) and node.id not in known
                  for annotation in _annotations(tree) for node in ast.walk(annotation))
    needed = _defining_names(tree) - known
    slots = _slots(tree, needed)
    stood_in = sorted(needed - slots.keys())
    if not missing and not imported and not stood_in and not slots:
        return code
    prefix = ("from __future__ import annotations\n" if missing else "") + \
        "".join(line + "\n" for line in sorted(set(imported.values()))) + \
        "".join(f"{name} = {attributes!r}\n" for name, attributes in sorted(slots.items())) + \
        (_STAND_IN + " = ".join([*stood_in, "_StandIn()"]) + "\n\n" if stood_in else "")
    lines = code.splitlines(keepends=True)
    at = _preamble_end(tree)
    return "".join(lines[:at]) + prefix + "".join(lines[at:])


def _standard_imports(tree: ast.AST, known: Collection[str]) -> dict[str, str]:
    """The imports, by the name each binds, of what ``tree`` uses from the standard library and never binds: a
    well-known name (``_STANDARD_NAMES``), or a module it reaches into (`operator.itemgetter`). A parameter is no
    module (`def total(nt): nt.strip()`): imported, a module of another platform (nt, msvcrt) crashed the code."""
    globals_read = {id(node): node.id for node in _globals_read(tree)}
    unbound = {name for name in globals_read.values() if name not in known}
    reached = {globals_read[id(node.value)] for node in ast.walk(tree)
               if isinstance(node, ast.Attribute) and id(node.value) in globals_read}
    return {name: _STANDARD_NAMES.get(name) or f"import {name}" for name in unbound
            if name in _STANDARD_NAMES or name in reached and name in _STANDARD_MODULES}


def _globals_read(tree: ast.AST) -> Iterator[ast.Name]:
    """The names ``tree`` reads, bar those a parameter of the function they are read in, or of one around it, hides."""
    pending: list[tuple[ast.AST, frozenset[str]]] = [(tree, frozenset())]
    while pending:
        node, hidden = pending.pop()
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in hidden:
            yield node
        body: list[ast.AST] = []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            body = list(node.body) if isinstance(node.body, list) else [node.body]
            arguments = node.args
            every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs, arguments.vararg, arguments.kwarg]
            parameters = hidden | {argument.arg for argument in every if argument is not None}
            pending += [(child, parameters) for child in body]
        in_body = {id(child) for child in body}
        pending += [(child, hidden) for child in ast.iter_child_nodes(node) if id(child) not in in_body]


def _defining_names(tree: ast.AST) -> set[str]:
    """The names ``tree``'s definitions need when they run: of decorators and base classes (the name each starts
    from), and all of default values, of a class's keywords (its metaclass) and of what its body reads."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            starts = node.decorator_list + (node.bases if isinstance(node, ast.ClassDef) else [])
            names.update(name for name in map(_root_name, starts) if name is not None)
        if isinstance(node, ast.ClassDef):
            names.update(name.id for keyword in node.keywords for name in ast.walk(keyword.value) if isinstance(name, ast.Name))
            names.update(_read_by_body(node))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            defaults = [*node.args.defaults, *(value for value in node.args.kw_defaults if value is not None)]
            names.update(name.id for value in defaults for name in ast.walk(value) if isinstance(name, ast.Name))
    return names


def _read_by_body(cls: ast.ClassDef) -> Iterator[str]:
    """The names a class's body reads as the class is made (`kind = DEFAULT_KIND`): not those its methods read, which
    run only when called, nor its annotations (``_annotations``)."""
    pending: list[ast.AST] = list(cls.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            yield node.id
        elif isinstance(node, ast.AnnAssign):
            pending += [node.target, *([node.value] if node.value else [])]
        elif not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            pending.extend(ast.iter_child_nodes(node))


def _slots(tree: ast.AST, undefined: Collection[str]) -> dict[str, tuple[str, ...]]:
    """For each of the ``undefined`` names a class's ``__slots__`` is (`__slots__ = SLOTS`), the attributes the
    methods of its classes set on their instance (`self.x = x`), as the learner would write them: a stand-in, no list
    of names, crashes the class, and no slots at all leaves its instances no attributes."""
    slots: dict[str, set[str]] = {}
    for cls in (node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)):
        for statement in cls.body:
            if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Name) and \
                    statement.value.id in undefined and \
                    any(isinstance(target, ast.Name) and target.id == "__slots__" for target in statement.targets):
                slots.setdefault(statement.value.id, set()).update(_instance_attributes(cls))
    return {name: tuple(sorted(attributes)) for name, attributes in slots.items()}


def _instance_attributes(cls: ast.ClassDef) -> set[str]:
    """The attributes the methods of ``cls`` set on their instance (their first argument), bar those its body binds
    (a property, a class attribute), which a slot of the same name would clash with."""
    methods = [node for node in cls.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.args.args]
    attributes = {node.attr for method in methods for node in ast.walk(method) if isinstance(node, ast.Attribute) and
                  isinstance(node.ctx, ast.Store) and isinstance(node.value, ast.Name) and
                  node.value.id == method.args.args[0].arg}
    defined = {node.name for node in cls.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    assigned = {node.id for statement in cls.body if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
                for node in ast.walk(statement) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)}
    return attributes - defined - assigned


def _annotations(tree: ast.AST) -> Iterator[ast.expr]:
    """The annotations of ``tree`` that run when it does: of functions' arguments and returns, of assignments."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            arguments = node.args
            every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs, arguments.vararg, arguments.kwarg]
            yield from (argument.annotation for argument in every if argument is not None and argument.annotation)
            yield from [node.returns] if node.returns else []
        elif isinstance(node, ast.AnnAssign):
            yield node.annotation


def _root_name(decorator: ast.expr) -> str | None:
    """The name a decorator starts from: lru_cache in `@lru_cache`, `@functools.lru_cache(maxsize=None)`."""
    while isinstance(decorator, (ast.Call, ast.Attribute, ast.Subscript)):
        decorator = decorator.func if isinstance(decorator, ast.Call) else decorator.value
    return decorator.id if isinstance(decorator, ast.Name) else None


def _preamble_end(tree: ast.Module) -> int:
    """The line after a module's docstring and ``from __future__`` imports, which must come first."""
    end = 0
    for index, node in enumerate(tree.body):
        docstring = index == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and \
            isinstance(node.value.value, str)
        if not (docstring or isinstance(node, ast.ImportFrom) and node.module == "__future__"):
            break
        end = node.end_lineno or node.lineno
    return end


def names_of(tree: ast.AST) -> tuple[set[str], set[str]]:
    """(the names ``tree`` binds, in any scope; the names and attributes it uses)."""
    bound: set[str] = set()
    used: set[str] = set()
    annotated_only = {id(node.target) for node in ast.walk(tree) if isinstance(node, ast.AnnAssign) and node.value is None}
    for node in ast.walk(tree):
        stores = isinstance(getattr(node, "ctx", None), ast.Store) and id(node) not in annotated_only
        if isinstance(node, ast.Name):
            used.add(node.id)
            bound.update([node.id] if stores else [])
        elif isinstance(node, ast.Attribute):
            used.add(node.attr)
            bound.update([node.attr] if stores else [])
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.alias):
            used.add(node.name)
            bound.add(node.asname or node.name.split(".")[0])
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            bound.update(node.names)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar, ast.ExceptHandler)) and node.name:
            bound.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            bound.add(node.rest)
    return bound, used
