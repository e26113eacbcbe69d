"""입주공간: the floor plan, assignments, the waiting list and occupancy."""
