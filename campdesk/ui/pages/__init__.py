"""The main window's pages: one module and one class each (see ``registry``)."""
