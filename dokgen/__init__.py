"""dokgen: dokumen kinerja sebuah dinas dari data YAML."""

__version__ = "0.1.0"
