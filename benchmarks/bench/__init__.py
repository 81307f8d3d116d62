"""The accuracy benchmark's library: how uploads are edited before they reach a platform.

It lives beside the benchmark scripts, outside the ``unshared`` package, so the wheel people
install holds none of it. The scripts import it as ``bench`` (run from the repository, their own
folder is on the path); the tests find it through pytest's ``pythonpath``.
"""

#: The seed of the photo sample and the transforms.
DEFAULT_SEED = 20240601
