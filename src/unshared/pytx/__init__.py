"""Unshared as a python-threatexchange exchange, for pytx's CLI and for HMA.

python-threatexchange (``pip install unshared[pytx]``) loads extensions by module name::

    threatexchange config extensions add unshared.pytx
    threatexchange config collab edit unshared --create my-bank --server https://unshared.example
    TX_UNSHARED_KEY=unsh_... threatexchange fetch
    threatexchange match photo upload.jpg

HMA lists ``UnsharedSignalExchangeAPI`` in the ``exchange_types`` of its storage (its omm_config),
and takes the key with ``flask auth unshared --from-str unsh_...``. What an exchange fetches,
how withdrawals reach it and how opinions go back: ``unshared.pytx.exchange``, and
docs/interop.md step by step. Only this package imports ``threatexchange``.
"""

from threatexchange.extensions.manifest import ThreatExchangeExtensionManifest

from unshared.pytx.exchange import (
    UnsharedCheckpoint,
    UnsharedCollabConfig,
    UnsharedCredentials,
    UnsharedEntry,
    UnsharedSignalExchangeAPI,
    UnsharedSignalMetadata,
)

#: What ``threatexchange config extensions add unshared.pytx`` reads.
TX_MANIFEST = ThreatExchangeExtensionManifest(apis=(UnsharedSignalExchangeAPI,))

__all__ = [
    "TX_MANIFEST",
    "UnsharedCheckpoint",
    "UnsharedCollabConfig",
    "UnsharedCredentials",
    "UnsharedEntry",
    "UnsharedSignalExchangeAPI",
    "UnsharedSignalMetadata",
]
