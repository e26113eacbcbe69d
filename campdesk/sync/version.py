"""Version numbers of the sync protocol, checked at every hello.

``CLIENT_SCHEMA`` is bumped when the synced tables change; the hub refuses pushes from a
client older than its ``min_client_schema``. ``HUB_SCHEMA`` is the version of the hub's
tables and functions this CampDesk creates; ``hub init`` upgrades an older hub in place.
"""
CLIENT_SCHEMA = 1
# 2: a PC's pull leaves out the new rows it sent itself; 3: pulls as text; 4: new rows are
# pushed apart from the other changes, parsed once
HUB_SCHEMA = 4
MIN_CLIENT_SCHEMA = 1
