"""Excel in, Excel out: the Renstra matrix, jabatan and realisasi as a workbook staff can fill.

``lembar`` says which sheets and columns there are (shared by both directions), ``ekspor``
writes a workbook from a data folder, ``impor`` reads one back into the folder's YAML files.
"""
