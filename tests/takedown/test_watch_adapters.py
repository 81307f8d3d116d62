"""The monitor's adapters: an operator's ``/v1/admin/watch`` on a real server over each store, and
``unshared watch`` in processes of its own; both against a web site on 127.0.0.1 serving a
sitemap of posts, one holding a copy of the person's photo."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.api.conftest import live_server
from tests.takedown.site import Site
from tests.takedown.test_monitor import _photos, serve
from tests.takedown.test_takedown_cli import ALLOW, lines, run
from unshared.actions.cases import Cases
from unshared.client import Client
from unshared.config import Settings
from unshared.hashing.batch import Views, hash_data
from unshared.hashing.decode import Limits
from unshared.service import Unshared


def test_an_operator_watches_a_sitemap_over_the_api(
    store_url: str, tmp_path: Path, site: Site
) -> None:
    original, copy = _photos()
    serve(site, copy)
    (tmp_path / "mine.png").write_bytes(original)
    sitemap = site.url("/sitemap.xml")
    with (
        live_server(
            store_url, tmp_path / "server", fetch_allow_networks="127.0.0.1/32", watch_host_delay=0
        ) as live,
        httpx.Client(base_url=live.url, timeout=60) as http,
    ):
        with Client(live.url) as person:
            number = person.hash_and_create_case([tmp_path / "mine.png"]).number
        admin = {"Authorization": f"Bearer {live.admin_key}"}
        body = {"url": sitemap, "kind": "sitemap", "interval_seconds": 3600}
        assert http.post("/v1/admin/watch", json=body).status_code == 401
        made = http.post("/v1/admin/watch", json=body, headers=admin)
        assert made.status_code == 201, made.text
        target = made.json()
        assert (target["url"], target["kind"], target["host"], target["enabled"]) == (
            sitemap,
            "sitemap",
            "127.0.0.1",
            True,
        )
        assert target["created_by"] == "key:1" and target["last_result"] is None
        again = http.post("/v1/admin/watch", json=body, headers=admin)
        assert again.status_code == 409 and again.json()["error"]["code"] == "conflict"
        private = {**body, "url": "http://10.0.0.1/sitemap.xml"}
        refused = http.post("/v1/admin/watch", json=private, headers=admin)
        assert refused.status_code == 400
        assert refused.json()["error"]["code"] == "fetch_refused"
        too_often = http.post(
            "/v1/admin/watch", json={**body, "interval_seconds": 5}, headers=admin
        )
        assert too_often.status_code == 422
        assert [t["id"] for t in http.get("/v1/admin/watch", headers=admin).json()] == [
            target["id"]
        ]

        ran = http.post(f"/v1/admin/watch/{target['id']}/run", headers=admin)
        assert ran.status_code == 200, ran.text
        run_out, after = ran.json()["run"], ran.json()["watch"]
        assert (run_out["pages"], run_out["images"], run_out["matches"]) == (3, 4, 1)
        assert after["last_result"] == run_out and after["last_run_at"] == run_out["started_at"]
        [sighting] = http.get("/v1/admin/sightings", headers=admin).json()
        assert run_out["sightings"] == [sighting["id"]]
        assert (sighting["case"], sighting["reported_by"], sighting["status"]) == (
            number,
            "monitor",
            "verified",
        )
        assert sighting["url"] == site.url("/post/1")
        assert sighting["fetch"]["image_url"] == site.url("/img/copy.jpg")
        second = http.post(f"/v1/admin/watch/{target['id']}/run", headers=admin).json()["run"]
        assert (second["sightings"], second["known"]) == ([], 1)

        off = http.patch(f"/v1/admin/watch/{target['id']}", json={"enabled": False}, headers=admin)
        assert off.status_code == 200 and off.json()["enabled"] is False
        audit = http.get("/v1/audit", params={"subject_type": "watch"}, headers=admin).json()
        assert [e["action"] for e in audit] == ["watch.disable", "watch.add"]
        gone = http.delete(f"/v1/admin/watch/{target['id']}", headers=admin)
        assert gone.status_code == 204 and gone.content == b""
        for answer in (
            http.get(f"/v1/admin/watch/{target['id']}", headers=admin),
            http.delete(f"/v1/admin/watch/{target['id']}", headers=admin),
            http.post(f"/v1/admin/watch/{target['id']}/run", headers=admin),
        ):
            assert answer.status_code == 404 and answer.json()["error"]["code"] == "not_found"
        # The sighting stays when its target goes.
        assert len(http.get("/v1/admin/sightings", headers=admin).json()) == 1


def test_an_operator_watches_from_the_terminal(tmp_path: Path, site: Site) -> None:
    home = tmp_path / "home"
    original, copy = _photos()
    serve(site, copy)
    signals, _, _ = hash_data(original, Limits(), 0, False, Views())
    with Unshared(Settings.load(env={}, home=home)) as app:
        number = Cases(app.store).create([list(signals.signals())]).case.number
    sitemap = site.url("/sitemap.xml")
    fast = {**ALLOW, "UNSHARED_WATCH_HOST_DELAY": "0"}

    refused = run("watch", "add", sitemap, "--kind", "sitemap", home=home)
    assert refused.returncode == 2 and "loopback" in refused.stderr
    wrong = run("watch", "add", sitemap, "--kind", "podcast", home=home, env=fast)
    assert wrong.returncode == 2 and "page, sitemap, feed" in wrong.stderr
    added = run("watch", "add", sitemap, "--kind", "sitemap", "--every", "600", "--json",
                home=home, env=fast)  # fmt: skip
    assert added.returncode == 0, added.stderr
    [target] = lines(added.stdout)
    assert (target["url"], target["kind"], target["interval_seconds"]) == (sitemap, "sitemap", 600)
    assert target["created_by"] == "operator"

    ran = run("watch", "run", "--json", home=home, env=fast)  # every enabled target
    assert ran.returncode == 0, ran.stderr
    [done] = lines(ran.stdout)
    assert done["watch"]["id"] == target["id"] and len(done["run"]["sightings"]) == 1
    [seen] = lines(run("sightings", "list", "--case", number, "--json", home=home).stdout)
    assert (seen["id"], seen["reported_by"], seen["url"]) == (
        done["run"]["sightings"][0],
        "monitor",
        site.url("/post/1"),
    )
    again = run("watch", "run", str(target["id"]), home=home, env=fast)
    assert again.returncode == 0, again.stderr
    assert "3 pages, 4 images, 1 matched, 0 new sightings" in again.stdout

    disabled = run("watch", "disable", str(target["id"]), "--json", home=home)
    assert lines(disabled.stdout)[0]["enabled"] is False
    table = run("watch", "list", home=home)
    assert table.returncode == 0 and "sitemap" in table.stdout and "0 new sightings" in table.stdout
    assert run("watch", "run", "--json", home=home, env=fast).stdout == ""  # none enabled
    assert run("watch", "remove", str(target["id"]), home=home).returncode == 0
    assert lines(run("watch", "list", "--json", home=home).stdout) == []
    assert run("watch", "remove", str(target["id"]), home=home).returncode == 3
