"""The accuracy benchmark's library: how uploads are edited before they reach a platform.

Used by ``benchmarks/``; nothing in the matching path imports it.
"""

#: The seed of the photo sample and the transforms, here so that the CLI's help needs no numpy.
DEFAULT_SEED = 20240601
