"""Serve: the CLI lives in chunav/cli.py; the API and web UI will live here."""
