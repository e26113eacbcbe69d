"""PDF documents made with reportlab: renderer classes that return bytes."""
