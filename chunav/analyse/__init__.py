"""Analyse: margins, shares, ranks, turnout (and later rebels, precedents, contradictions)."""
