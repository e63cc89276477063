"""Local files: paths, directories and globs, read by the shared stream readers."""

from fouille.connectors.files.connector import FilesConnector
from fouille.connectors.files.dispatch import SUPPORTED_SUFFIXES, read_stream

__all__ = ["SUPPORTED_SUFFIXES", "FilesConnector", "read_stream"]
