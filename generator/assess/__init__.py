"""The self-assessment engine: standard library only, shipped to the browser."""
