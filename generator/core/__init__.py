"""Foundations every layer may use: the Chinese messages, the build's day, working-day periods, numerals."""
