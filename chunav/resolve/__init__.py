"""Resolve: names, aliases and linking mentions to records in the store."""
