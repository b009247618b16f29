"""The typed model of the portal's data and its validation."""
