"""Use cases: one function per use case, one transaction each, plain data in and out."""
