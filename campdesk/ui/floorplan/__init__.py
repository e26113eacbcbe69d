"""The Spaces feature's widgets: the floor plan, its tabs, dialogs and the company panel parts."""
