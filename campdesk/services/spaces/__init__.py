"""Use cases of the camp's spaces: inventory, assignments, waiting list, occupancy, plan.

Import from here: ``from campdesk.services import spaces; spaces.assign(ctx, ...)``.
"""
from campdesk.services.spaces.assignments import (  # noqa: F401
    AssignmentView, assign, cancel, change_dates, double_booked, list_assignments, move, move_in,
    move_out, reallocate,
)
from campdesk.services.spaces.figures import (  # noqa: F401
    FreeSpace, MonthFigures, Overview, Snapshot, ending_within, free_spaces, occupancy_month,
    occupancy_on, occupancy_series, overview, snapshot,
)
from campdesk.services.spaces.inventory import (  # noqa: F401
    SPACE_FIELDS, SpaceView, archive_space, clean_space, create_space, floors, get_space,
    list_spaces, save_layout, update_space,
)
from campdesk.services.spaces.placing import (  # noqa: F401
    Placement, check_placement, place_request,
)
from campdesk.services.spaces.plan import PlanSpace, floor_plan, state_counts  # noqa: F401
from campdesk.services.spaces.waiting import (  # noqa: F401
    Match, RequestView, add_request, list_requests, matches, set_request_status,
)
