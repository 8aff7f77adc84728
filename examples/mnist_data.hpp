// Loads an MNIST-format folder: train-*/t10k-* gzipped IDX files. A folder with only the t10k
// files (the real MNIST digits shipped in shared/data/mnist) is split: the first 8,000 images
// train, the last 2,000 test.
#pragma once

#include <filesystem>
#include <string>

#include "idx.hpp"

namespace mnist {

struct split {
  idx::images x;
  idx::labels y;
};

struct dataset {
  split train, test;
  std::string note;  // what was loaded, for the user
};

inline split load_split(const std::filesystem::path& dir, const std::string& prefix) {
  split s;
  const auto images = (dir / (prefix + "-images-idx3-ubyte.gz")).string();
  const auto labels = (dir / (prefix + "-labels-idx1-ubyte.gz")).string();
  s.x = idx::read_images(images);
  s.y = idx::read_labels(labels);
  if (s.x.count != s.y.count)
    throw idx::idx_error(images + " holds " + std::to_string(s.x.count) + " images but " + labels +
                         " holds " + std::to_string(s.y.count) + " labels; expected equal counts");
  if (s.x.rows * s.x.cols != 784)
    throw idx::idx_error(images + ": images are " + std::to_string(s.x.rows) + "x" +
                         std::to_string(s.x.cols) + ", expected 28x28");
  return s;
}

// Keeps images [begin, end) of a split.
inline split slice(const split& s, std::size_t begin, std::size_t end) {
  split out;
  out.x.rows = s.x.rows;
  out.x.cols = s.x.cols;
  out.x.count = out.y.count = end - begin;
  const std::size_t px = s.x.rows * s.x.cols;
  out.x.pixels.assign(s.x.pixels.begin() + std::ptrdiff_t(begin * px),
                      s.x.pixels.begin() + std::ptrdiff_t(end * px));
  out.y.values.assign(s.y.values.begin() + std::ptrdiff_t(begin),
                      s.y.values.begin() + std::ptrdiff_t(end));
  return out;
}

inline dataset load(const std::string& folder) {
  namespace fs = std::filesystem;
  const fs::path dir(folder);
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw idx::idx_error(folder +
                         ": no such folder (expected a folder holding "
                         "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
                         "t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz)");
  dataset d;
  if (fs::exists(dir / "train-images-idx3-ubyte.gz") ||
      fs::exists(dir / "train-labels-idx1-ubyte.gz")) {
    d.train = load_split(dir, "train");
    d.test = load_split(dir, "t10k");
    d.note = folder + ": " + std::to_string(d.train.x.count) + " training and " +
             std::to_string(d.test.x.count) + " test images";
    return d;
  }
  split all = load_split(dir, "t10k");
  if (all.x.count < 10000)
    throw idx::idx_error(folder + ": only the t10k files are here and they hold " +
                         std::to_string(all.x.count) +
                         " images; expected 10,000 to split 8,000 / 2,000");
  d.train = slice(all, 0, 8000);
  d.test = slice(all, 8000, 10000);
  d.note = folder +
           ": only the t10k test files are here; training on the first 8,000 and "
           "evaluating on the last 2,000 images";
  return d;
}

}  // namespace mnist
