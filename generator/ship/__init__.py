"""After the build: the calculator's engine.zip and Pyodide bundle, offline service worker, CSP, search index
and precompressed copies."""
