"""The mkdocs plugin that turns the validated scheme data into pages."""
