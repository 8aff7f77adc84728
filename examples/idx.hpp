// Reader for the gzipped IDX files of MNIST and Fashion-MNIST (zlib): images (magic 0x00000803,
// count x rows x cols unsigned bytes) and labels (magic 0x00000801, count bytes 0..9).
// Every problem throws idx_error naming the file and what was expected; nothing is trusted.
#pragma once

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace idx {

struct idx_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct images {
  std::size_t count = 0, rows = 0, cols = 0;
  std::vector<float> pixels;  // count * rows * cols, scaled to [0, 1]
};

struct labels {
  std::size_t count = 0;
  std::vector<std::uint8_t> values;
};

namespace detail {

struct gz_closer {
  void operator()(gzFile_s* f) const { gzclose(f); }
};

class reader {
 public:
  explicit reader(const std::string& path) : path_(path), file_(gzopen(path.c_str(), "rb")) {
    if (!file_) throw idx_error(path + ": cannot open the file (missing or unreadable)");
  }
  // `after`: bytes still expected once these n are read, only for the truncation message.
  void read(void* dst, std::size_t n, const char* what, std::size_t after = 0) {
    auto* out = static_cast<unsigned char*>(dst);
    while (n > 0) {
      const unsigned chunk = static_cast<unsigned>(n > (1u << 30) ? (1u << 30) : n);
      const int got = gzread(file_.get(), out, chunk);
      if (got < 0) {
        int code = 0;
        const char* msg = gzerror(file_.get(), &code);
        throw idx_error(path_ + ": corrupt gzip data while reading " + what + " (" + msg + ")");
      }
      if (got == 0)
        throw idx_error(path_ + ": file is truncated: it ends while reading " + what + " (" +
                        std::to_string(n + after) + " more bytes expected)");
      out += got;
      n -= static_cast<std::size_t>(got);
    }
  }
  std::uint32_t big_endian_u32(const char* what) {
    unsigned char b[4];
    read(b, 4, what);
    return (std::uint32_t(b[0]) << 24) | (std::uint32_t(b[1]) << 16) | (std::uint32_t(b[2]) << 8) |
           std::uint32_t(b[3]);
  }
  const std::string& path() const { return path_; }
  // Reads the magic number and checks it names the expected kind of IDX file.
  void expect_magic(std::uint32_t expected, const char* kind);

 private:
  std::string path_;
  std::unique_ptr<gzFile_s, gz_closer> file_;
};

inline std::string hex(std::uint32_t v) {
  static const char* digits = "0123456789abcdef";
  std::string s = "0x";
  for (int shift = 28; shift >= 0; shift -= 4) s += digits[(v >> shift) & 0xf];
  return s;
}

inline void reader::expect_magic(std::uint32_t expected, const char* kind) {
  const std::uint32_t magic = big_endian_u32("the magic number");
  if (magic != expected)
    throw idx_error(path_ + ": wrong magic number " + hex(magic) + ", expected " + hex(expected) +
                    " (an IDX " + kind + " file)");
}

}  // namespace detail

// Limits that keep a corrupt header from asking for absurd allocations.
inline constexpr std::uint32_t max_count = 10'000'000;
inline constexpr std::uint32_t max_side = 4096;

inline images read_images(const std::string& path) {
  detail::reader r(path);
  r.expect_magic(0x00000803, "image");
  images im;
  const std::uint32_t count = r.big_endian_u32("the image count");
  const std::uint32_t rows = r.big_endian_u32("the row count");
  const std::uint32_t cols = r.big_endian_u32("the column count");
  if (count > max_count || rows == 0 || cols == 0 || rows > max_side || cols > max_side)
    throw idx_error(path + ": implausible header (" + std::to_string(count) + " images of " +
                    std::to_string(rows) + "x" + std::to_string(cols) + ")");
  im.count = count;
  im.rows = rows;
  im.cols = cols;
  // The header alone may still declare up to 10^7 x 4096 x 4096 bytes: grow the pixels only as
  // the data arrives (through a 1 MiB chunk), so a short or corrupt file fails as truncated
  // instead of allocating it all.
  const std::size_t total = std::size_t(count) * rows * cols;
  std::vector<unsigned char> chunk(std::min<std::size_t>(total, std::size_t(1) << 20));
  while (im.pixels.size() < total) {
    const std::size_t at = im.pixels.size();
    const std::size_t n = std::min(total - at, chunk.size());
    r.read(chunk.data(), n, "the pixels", total - at - n);
    im.pixels.resize(at + n);
    for (std::size_t i = 0; i < n; ++i) im.pixels[at + i] = float(chunk[i]) / 255.0f;
  }
  return im;
}

inline labels read_labels(const std::string& path) {
  detail::reader r(path);
  r.expect_magic(0x00000801, "label");
  labels lb;
  const std::uint32_t count = r.big_endian_u32("the label count");
  if (count > max_count)
    throw idx_error(path + ": implausible header (" + std::to_string(count) + " labels)");
  lb.count = count;
  lb.values.resize(count);
  r.read(lb.values.data(), count, "the labels");
  for (std::size_t i = 0; i < count; ++i)
    if (lb.values[i] > 9)
      throw idx_error(path + ": label " + std::to_string(i) + " is " +
                      std::to_string(lb.values[i]) + ", expected a class 0..9");
  return lb;
}

}  // namespace idx
