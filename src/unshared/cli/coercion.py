"""Plain parameters without pydantic: ``unshared hash`` starts about as much sooner as numpy takes
to import.

Typer (0.29) turns every parameter of the command it runs into a pydantic ``TypeAdapter`` before
it reads the value, even a parameter left out: the first command run imports pydantic and builds
a validator per parameter. Most of ours are plain: text, a flag, a path, a list of paths. Those
are coerced here as Typer's own adapters would (paths through Typer's own checks, ``exists=``
and the rest); a value of any other kind (a number with its bounds, a choice) goes through
Typer's coercion, built only when such a value is given. ``tests/cli/test_startup.py`` checks that
hashing a file loads no pydantic. Should Typer's internals move, ``install`` patches nothing and
Typer does it all, only slower.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_origin


def install() -> None:
    """Coerce plain parameters here, from now on; anything else as Typer does."""
    try:
        from typer import core
        from typer._coercion import RuntimeParam, TypeDescriptor
        from typer._param_types import coerce_cli_path
    except ImportError:  # pragma: no cover - another Typer: leave it be
        return
    typers: Any = getattr(core, "build_runtime_param", None)
    if typers is None or getattr(typers, "plain_first", False):
        return

    @dataclass(frozen=True)
    class PlainFirst(RuntimeParam):
        descriptor: TypeDescriptor

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            info: Any = self.parameter_info
            annotation: Any = self.annotation
            item = get_args(annotation)[0] if get_origin(annotation) is list else annotation
            plain_path = info.path_type in (None, Path) and not info.allow_dash
            if item is Path and plain_path and info.parser is None:

                def path(v: str | Path) -> Any:
                    return coerce_cli_path(Path(v), info, path_type=Path, param=param, ctx=ctx)

                if item is annotation and isinstance(value, str | Path):
                    return path(value)
                if item is not annotation and _all_text(value):
                    return [path(v) for v in value]
            if info.parser is None and (
                (annotation is str and isinstance(value, str))
                or (annotation is bool and isinstance(value, bool))
            ):
                return value
            return typers(self.descriptor)._coerce_value(value, param=param, ctx=ctx)

    def build(descriptor: TypeDescriptor) -> Any:
        if descriptor.file_annotation is not None:
            return typers(descriptor)
        return PlainFirst(descriptor.parameter_info, descriptor.annotation, descriptor)

    build.plain_first = True  # type: ignore[attr-defined]
    setattr(core, "build_runtime_param", build)  # noqa: B010


def _all_text(value: object) -> bool:
    return isinstance(value, list | tuple) and all(isinstance(v, str | Path) for v in value)
