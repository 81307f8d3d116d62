"""The accuracy benchmark's library: how uploads are edited before they reach a platform.

Used by ``benchmarks/``; nothing in the matching path imports it.
"""
