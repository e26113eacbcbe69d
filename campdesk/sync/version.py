"""Version numbers of the sync protocol, checked at every hello.

``CLIENT_SCHEMA`` is bumped when the synced tables change; the hub refuses pushes from a
client older than its ``min_client_schema``. ``HUB_SCHEMA`` is the version of the hub's
tables and functions this CampDesk creates; ``hub init`` upgrades an older hub in place.
"""
# 2: sync_conflict says who made each value, on which PC and when
CLIENT_SCHEMA = 2
# 2: a PC's pull leaves out the new rows it sent itself; 3: pulls as text; 4: new rows are
# pushed apart from the other changes, parsed once; 5: a site is bound to the PC holding its
# token, clocks are checked, a change the hub cannot read is quarantined
HUB_SCHEMA = 5
MIN_CLIENT_SCHEMA = 1
