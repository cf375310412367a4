"""Helpers the extraction rule tests share: an article's facts, and those of one kind."""

from __future__ import annotations


def facts_of(extractor, article, text, published="2024-06-05"):
    """The SCHEMA facts the extractor finds in ``text`` (published on ``published``)."""
    return extractor.extract(article(text, published)).to_json()


def kinds(facts, kind, typ=None):
    """The facts of one kind (and event type)."""
    return [f for f in facts if f["kind"] == kind and (typ is None or f.get("type") == typ)]
