"""The page people use to ask for a takedown: static files, and ``mount_web`` to serve them."""
