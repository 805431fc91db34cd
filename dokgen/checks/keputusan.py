"""Keputusan and IKI cards: what their text needs from the data (KEP)."""

from __future__ import annotations
