"""The monitor's watch targets: pages, sitemaps and feeds an operator asks to be fetched on a
schedule, every image on them matched against the banks (docs/takedown.md, "Monitor").

A target's URL is checked as a reported link is (400 ``fetch_refused`` for one pointing into a
network not allowed). ``POST /v1/admin/watch/{id}/run`` runs it within the request, in the
server's thread pool, for at most ``watch_max_seconds``.
"""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from unshared.api import schemas
from unshared.api.deps import AdminKey, State
from unshared.bank.models import WatchRun, WatchTarget

router = APIRouter(
    prefix="/v1/admin/watch",
    tags=["operators"],
    responses=schemas.error_responses(400, 401, 403, 408, 413, 422),
)


def _run(r: WatchRun) -> schemas.WatchRunOut:
    return schemas.WatchRunOut.model_validate(r.to_dict())


def watch_out(t: WatchTarget) -> schemas.WatchOut:
    return schemas.WatchOut(
        id=t.id,
        url=t.url,
        host=t.host,
        kind=t.kind,
        interval_seconds=t.interval_seconds,
        enabled=t.enabled,
        created_by=t.created_by,
        created_at=t.created_at,
        next_run_at=t.next_run_at,
        last_run_at=t.last_run_at,
        last_result=_run(t.last_result) if t.last_result else None,
    )


@router.get("")
def list_targets(state: State, key: AdminKey) -> list[schemas.WatchOut]:
    """Every watch target, with when it runs next and what its last run found."""
    return [watch_out(t) for t in state.app.monitor.targets()]


@router.post("", status_code=status.HTTP_201_CREATED, responses=schemas.error_responses(409))
def add_target(body: schemas.NewWatch, state: State, key: AdminKey) -> schemas.WatchOut:
    """Watch a page, sitemap or feed, every ``interval_seconds`` from now."""
    target = state.app.monitor.add(
        body.url, body.kind, body.interval_seconds, actor=f"key:{key.id}"
    )
    return watch_out(target)


@router.get("/{watch_id}", responses=schemas.error_responses(404))
def get_target(watch_id: int, state: State, key: AdminKey) -> schemas.WatchOut:
    """One watch target."""
    return watch_out(state.app.monitor.get(watch_id))


@router.patch("/{watch_id}", responses=schemas.error_responses(404))
def change_target(
    watch_id: int, body: schemas.WatchChange, state: State, key: AdminKey
) -> schemas.WatchOut:
    """Disable a target (kept, not run on its schedule) or enable it again (from now)."""
    monitor, actor = state.app.monitor, f"key:{key.id}"
    if body.enabled:
        return watch_out(monitor.enable(watch_id, actor=actor))
    return watch_out(monitor.disable(watch_id, actor=actor))


@router.delete(
    "/{watch_id}", status_code=status.HTTP_204_NO_CONTENT, responses=schemas.error_responses(404)
)
def remove_target(watch_id: int, state: State, key: AdminKey) -> Response:
    """Forget a watch target; the sightings it found stay, with their evidence."""
    state.app.monitor.remove(watch_id, actor=f"key:{key.id}")
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{watch_id}/run", responses=schemas.error_responses(404))
def run_target(watch_id: int, state: State, key: AdminKey) -> schemas.WatchRan:
    """Run a target now, within this request: fetch, match, make sightings. Its next
    scheduled run is then its interval from now."""
    target, result = state.app.monitor.run(watch_id)
    return schemas.WatchRan(watch=watch_out(target), run=_run(result))
