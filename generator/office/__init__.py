"""The office editor: its data and Python bundle (package.py, build time) and the check it runs in Pyodide
(check.py)."""
