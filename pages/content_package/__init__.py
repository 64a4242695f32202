"""The shipped content package: read and validate the data file, then write it idempotently."""

from .reader import ContentPackageError, read_package
from .writer import PackageWriter

__all__ = ["ContentPackageError", "PackageWriter", "read_package"]
