"""Views derived from the validated model: comparison, changes, editions, coverage, downloads, feeds,
exported JSON, the notice skeleton and the profile's JSON Schema. They import load/ and model/, never the plugin."""
