// libFuzzer target for the demo's IDX reader (examples/idx.hpp).
//
// Input layout: byte 0 chooses how the rest (the payload) reaches the reader.
//   even: the payload is written as is, so it is either a gzip stream the fuzzer mutates
//         directly (corrupt deflate data, bad CRCs, trailing bytes) or plain bytes that
//         zlib reads transparently as an uncompressed file;
//   odd:  the payload is gzip-compressed with zlib first, so mutations land on IDX
//         headers and bodies behind a valid gzip layer.
// Then the file is read with idx::read_images and idx::read_labels. idx::idx_error is the
// expected answer to bad input; any other exception, a crash, a leak, undefined behaviour
// or an oversized allocation (-rss_limit_mb / -malloc_limit_mb) is a finding.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

#include "idx.hpp"

namespace {

std::string temp_path;

void remove_temp() {
  if (!temp_path.empty()) std::remove(temp_path.c_str());
}

bool write_raw(const std::uint8_t* data, std::size_t size) {
  std::FILE* f = std::fopen(temp_path.c_str(), "wb");
  if (!f) return false;
  const bool ok = std::fwrite(data, 1, size, f) == size;
  return std::fclose(f) == 0 && ok;
}

bool write_gzip(const std::uint8_t* data, std::size_t size) {
  gzFile f = gzopen(temp_path.c_str(), "wb");
  if (!f) return false;
  // gzwrite returns 0 for a zero-length write: only check non-empty payloads.
  const bool ok = size == 0 || gzwrite(f, data, static_cast<unsigned>(size)) == int(size);
  return gzclose(f) == Z_OK && ok;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* dir = std::getenv("TMPDIR");
  std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/etgrad_fuzz_idx_XXXXXX";
  const int fd = mkstemp(pattern.data());
  if (fd < 0) {
    std::perror("fuzz_idx: mkstemp");
    std::abort();
  }
  close(fd);
  temp_path = pattern;
  std::atexit(remove_temp);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool compress = data[0] & 1;
  const std::uint8_t* payload = data + 1;
  const std::size_t payload_size = size - 1;
  const bool written =
      compress ? write_gzip(payload, payload_size) : write_raw(payload, payload_size);
  if (!written) {
    std::perror("fuzz_idx: cannot write the temporary file");
    std::abort();
  }

  try {
    const idx::images im = idx::read_images(temp_path);
    // A successful read must be self-consistent.
    if (im.pixels.size() != im.count * im.rows * im.cols) std::abort();
    for (float p : im.pixels)
      if (!(p >= 0.0f && p <= 1.0f)) std::abort();
  } catch (const idx::idx_error&) {
  }
  try {
    const idx::labels lb = idx::read_labels(temp_path);
    if (lb.values.size() != lb.count) std::abort();
    for (std::uint8_t v : lb.values)
      if (v > 9) std::abort();
  } catch (const idx::idx_error&) {
  }
  return 0;
}
