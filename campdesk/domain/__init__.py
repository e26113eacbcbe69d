"""Pure rules: validation, value types, enumerations. No I/O, no Qt, no SQLAlchemy."""
