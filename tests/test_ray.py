"""Ingest on Ray (issue 15): a local Ray cluster started by the test (2 CPUs), a worker
killed mid-ingest; the store afterwards is the one a sequential ingest makes, and the
outcomes say the same, in the same order."""
from __future__ import annotations

import pytest
from conftest import CORPUS, snapshot

from assistant import ingest, open_store
from assistant.generator import generate, render

pytestmark = pytest.mark.slow
ray = pytest.importorskip("ray")


def _files(folder):
    folder.mkdir()
    for r in generate(6, seed=21):
        (folder / f"{r.stem}.txt").write_bytes(render(r, "txt"))
    (folder / "empty.txt").write_bytes(b"")
    for p in CORPUS.iterdir():
        (folder / p.name).write_bytes(p.read_bytes())
    return folder


def _state(store):
    """Everything stored but the times of ingest."""
    return [store.get(i).to_dict() for i in store.report_ids()], snapshot(store)[1]


def test_ray_ingest_survives_a_killed_worker_and_matches_a_sequential_one(tmp_path, monkeypatch):
    from assistant.distributed import KILL_HOOK, ingest_ray
    files = _files(tmp_path / "reports")
    hook = tmp_path / "hook"
    hook.mkdir()
    monkeypatch.setenv(KILL_HOOK, str(hook))
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             runtime_env={"env_vars": {KILL_HOOK: str(hook)}})
    try:
        with open_store(tmp_path / "on-ray") as on_ray:
            got = ingest_ray(on_ray, [files])
            ray_state = _state(on_ray)
    finally:
        ray.shutdown()
    assert (hook / "killed").exists()                     # a worker did die, and its file was retried
    monkeypatch.delenv(KILL_HOOK)
    with open_store(tmp_path / "sequential") as sequential:
        want = ingest(sequential, [files])
        assert _state(sequential) == ray_state           # the same reports, figures, sections, checks, files
    assert [(o.status, o.message) for o in got] == [(o.status, o.message) for o in want]
    assert sorted(o.status for o in got) == ["ingested"] * 8 + ["rejected"]


def test_a_remote_cluster_needs_a_shared_store(tmp_path, monkeypatch):
    from assistant.distributed import ingest_ray
    monkeypatch.delenv("XXGK_DATABASE_URL", raising=False)
    with open_store(tmp_path / "index") as store, pytest.raises(ValueError, match="XXGK_DATABASE_URL"):
        ingest_ray(store, [CORPUS], address="ray://cluster:10001")


def test_the_cli_ingests_on_a_local_ray(tmp_path):
    from conftest import run_cli
    p = run_cli(tmp_path / "index", "ingest", str(CORPUS), "--ray", "--no-index")
    assert p.stdout.count("ingested as") == 2 and "2 files: 2 ingested" in p.stderr


def test_ingest_on_ray_embeds_in_actors_what_a_sequential_update_embeds(tmp_path):
    """ingest --ray with the index: parsing in tasks, embedding in actors (the test model),
    the vectors in the cache batch by batch; the index is the sequential one's."""
    import numpy as np

    from assistant import add
    from assistant.retrieval import SearchIndex
    from assistant.retrieval.cache import open_cache
    files = _files(tmp_path / "reports")
    with open_store(tmp_path / "on-ray") as on_ray:
        outcomes, result = add(on_ray, [files], ray="")
        assert result is not None and result.embedded > 0 and not ray.is_initialized()
        ray_chunks = [c.id for c in SearchIndex.open(on_ray.root).chunks]
        model = SearchIndex.open(on_ray.root).model
    with open_store(tmp_path / "sequential") as sequential:
        want, seq_result = add(sequential, [files])
        assert [c.id for c in SearchIndex.open(sequential.root).chunks] == ray_chunks
    assert [(o.status, o.message) for o in outcomes] == [(o.status, o.message) for o in want]
    assert (result.chunks, result.embedded) == (seq_result.chunks, seq_result.embedded)
    a, b = open_cache(tmp_path / "on-ray"), open_cache(tmp_path / "sequential")
    try:
        digests = [c.digest for c in SearchIndex.open(tmp_path / "sequential").chunks]
        va, vb = a.get(model, digests), b.get(model, digests)
        assert va.keys() == vb.keys() == set(digests)
        assert all(np.allclose(va[d], vb[d], atol=1e-5) for d in digests)
    finally:
        a.close()
        b.close()
