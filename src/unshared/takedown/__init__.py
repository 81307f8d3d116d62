"""Takedown: from "a copy is out there" to "it is down".

Sightings (where a copy appears), safe fetching of the URLs people report, notices in the form each
law makes valid, their clocks, the monitor, and the evidence log (docs/takedown.md).
"""
