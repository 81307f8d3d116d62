"""Scaling out: backlog scans on Ray, the one package that imports the distributed engine.

    snapshot = app.snapshot()                   # the bank, frozen, shipped to the workers
    summary = scan(snapshot, settings, ["/backlog"], Path("matches.jsonl"))

``matching`` hashes and matches one image against a snapshot, as ``unshared match`` does, with
no engine; ``results`` is the results file, which is also the list of what is done; ``scan``
runs the work on Ray (a local instance, or the cluster ``ray start`` made). docs/scale.md.
"""
