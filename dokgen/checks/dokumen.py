"""Dokumen IKU: what its sections need from the data (DOK)."""

from __future__ import annotations
