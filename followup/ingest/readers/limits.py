"""How much a reader accepts before it refuses a file: size, inflation, pages, blocks.

Settings-free on purpose: the same limits hold in a web request, a worker and a command, and
a caller that needs others passes its own `Limits`. Real documents of the Program stay far
below each one; a file that reaches one is hostile or broken, so the reader stops there
instead of spending memory or time on it.
"""

from dataclasses import dataclass

MB = 1024 * 1024
MAX_FILE_BYTES = 50 * MB
MAX_INFLATED_BYTES = 100 * MB


@dataclass(frozen=True)
class Limits:
    # The file as uploaded.
    max_file_bytes: int = MAX_FILE_BYTES
    # Everything inflated from a DOCX or ODT archive, counted while it streams out.
    max_inflated_bytes: int = MAX_INFLATED_BYTES
    # A Word part deflates 5–20 to 1; a zip bomb a thousand to one. Small parts may compress
    # better (long runs of the same markup), so the ratio counts only past `ratio_floor`.
    max_compression_ratio: int = 200
    ratio_floor: int = MB
    # Entries in an archive's central directory: a long DOCX has a few dozen.
    max_archive_members: int = 5_000
    max_pdf_pages: int = 3_000
    # Blocks in one document: the longest report of the corpus has under 500.
    max_blocks: int = 100_000


LIMITS = Limits()
