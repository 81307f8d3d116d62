"""``unshared serve`` and ``unshared keys``: run the service; make its first operator key."""

from __future__ import annotations

import json
import os
from typing import Annotated

import typer

from unshared.cli import add_group, group, settings, stderr

keys_app = group(help="API keys for platforms and operators (stored only hashed).")


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help="Server processes on this port, each with its own index following the store's "
            "feed (docs/scale.md); more than 1 needs shared rate limits (rate_limit_url, or a "
            "PostgreSQL store).",
        ),
    ] = 1,
) -> None:
    """Start the service and its web page (the embedded SQLite store unless --store says)."""
    import logging

    import uvicorn

    from unshared.api.app import WORKER_FACTORY, check_workers, create_app, server_options

    config = settings(ctx)
    check_workers(config, workers)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    stderr().print(f"Unshared on http://{host}:{port}/  (data: {config.home})")
    if workers == 1:
        _one_search_thread()
        uvicorn.run(create_app(config), host=host, port=port, log_level="info", **server_options())
        return
    # Each worker process builds its app from these settings, passed in its environment.
    os.environ.update(config.environment())
    uvicorn.run(
        WORKER_FACTORY,
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="info",
        **server_options(),
    )


def _one_search_thread() -> None:
    import faiss

    # One search thread per request: the server's threads already use the cores, and faiss's
    # own thread pool would fight them (measured: 27 ms a query became 375 ms).
    faiss.omp_set_num_threads(1)


@keys_app.command("create")
def create_key(
    ctx: typer.Context,
    name: str,
    role: Annotated[str, typer.Option(help="platform or admin.")] = "platform",
) -> None:
    """Make an API key; it is printed this once."""
    from unshared.actions.platforms import Platforms
    from unshared.service import Unshared

    if role not in ("platform", "admin"):
        raise typer.BadParameter("--role is platform or admin")
    config = settings(ctx)
    with Unshared(config) as app:
        key, secret = Platforms(app.store, config.flood_matches).create_key(
            name,
            role,  # type: ignore[arg-type]
            actor="cli",
        )
    print(json.dumps({"id": key.id, "name": key.name, "role": key.role, "key": secret}))


@keys_app.command("list")
def list_keys(ctx: typer.Context) -> None:
    """List API keys (never the keys themselves)."""
    from unshared.service import Unshared

    with Unshared(settings(ctx)) as app:
        for key in app.list_keys():
            print(
                json.dumps(
                    {
                        "id": key.id,
                        "name": key.name,
                        "role": key.role,
                        "active": key.active,
                        "created_at": key.created_at.isoformat(),
                    }
                )
            )


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    add_group(keys_app, "keys")
