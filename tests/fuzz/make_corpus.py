#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz_idx target into tests/fuzz/corpus/.

Each seed is one mode byte followed by a payload (see fuzz_idx.cpp):
  0x00 + gzip bytes  -> written as is: the reader's gzip path, the stream itself mutable
  0x00 + IDX bytes   -> written as is: zlib's transparent path for an uncompressed file
  0x01 + IDX bytes   -> gzip-compressed by the harness: mutations land on the IDX content
Run: /usr/bin/python3 tests/fuzz/make_corpus.py
"""
import gzip
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus")

RAW, COMPRESS = b"\x00", b"\x01"


def be32(*values):
    return struct.pack(">%dI" % len(values), *values)


def gz(data):
    return gzip.compress(data, compresslevel=9, mtime=0)  # mtime=0: reproducible bytes


def pixels(count, rows, cols):
    return bytes((i * 37 + i // cols * 11) % 256 for i in range(count * rows * cols))


def images(count, rows, cols, body=None):
    return be32(0x00000803, count, rows, cols) + (pixels(count, rows, cols) if body is None else body)


def labels(count, values=None):
    return be32(0x00000801, count) + bytes(range(count) if values is None else values)


VALID_IMAGES = images(2, 28, 28)
VALID_LABELS = labels(2, [3, 7])

SEEDS = {
    # Valid files, each in the three modes.
    "images_2x28x28_gzip": RAW + gz(VALID_IMAGES),
    "images_2x28x28_plain": RAW + VALID_IMAGES,
    "images_2x28x28_zlib": COMPRESS + VALID_IMAGES,
    "images_3x2x2_zlib": COMPRESS + images(3, 2, 2),
    "labels_2_gzip": RAW + gz(VALID_LABELS),
    "labels_2_plain": RAW + VALID_LABELS,
    "labels_2_zlib": COMPRESS + VALID_LABELS,
    "labels_10_zlib": COMPRESS + labels(10),
    # Wrong magic numbers.
    "images_wrong_magic_zlib": COMPRESS + be32(0x00000801, 2, 28, 28) + pixels(2, 28, 28),
    "labels_wrong_magic_gzip": RAW + gz(be32(0x00000803, 2) + bytes([1, 2])),
    "idx_other_type_plain": RAW + be32(0x00000d03, 1, 1, 1) + b"\0\0\0\0",
    # Truncated headers.
    "images_truncated_header_zlib": COMPRESS + be32(0x00000803, 2, 28),
    "labels_truncated_header_gzip": RAW + gz(be32(0x00000801)[:3]),
    "empty_zlib": COMPRESS,
    # Truncated bodies.
    "images_truncated_body_gzip": RAW + gz(images(2, 28, 28)[: 16 + 784 + 100]),
    "labels_truncated_body_zlib": COMPRESS + labels(5, [1, 2]),
    # A gzip stream cut short (corrupt/incomplete deflate data).
    "images_cut_gzip_stream": RAW + gz(VALID_IMAGES)[:40],
    # A label out of range.
    "labels_bad_value_zlib": COMPRESS + labels(3, [1, 12, 2]),
    "labels_bad_value_plain": RAW + labels(2, [255, 0]),
    # Implausible headers.
    "images_huge_count_zlib": COMPRESS + be32(0x00000803, 0xFFFFFFFF, 28, 28),
    "images_zero_rows_zlib": COMPRESS + be32(0x00000803, 1, 0, 28),
    "labels_huge_count_plain": RAW + be32(0x00000801, 0xFFFFFFFF),
}


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, data in sorted(SEEDS.items()):
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
    print("wrote %d seeds to %s" % (len(SEEDS), OUT))


if __name__ == "__main__":
    main()
