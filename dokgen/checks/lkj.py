"""Laporan Kinerja: what a report's sections need from the data (LKJ)."""

from __future__ import annotations
