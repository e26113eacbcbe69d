"""Qt item models over plain rows from the services (never ORM objects)."""
