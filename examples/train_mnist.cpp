// Trains needle's two-layer network on MNIST-format images with etgrad and reports progress.
//
//   train_mnist [--data DIR] [--epochs N] [--batch B] [--hidden H] [--lr LR] [--seed S]
//               [--limit N]
//
// Default data: Fashion-MNIST from Debian's dataset-fashion-mnist package. Shapes are
// compile-time in etgrad, so --batch and --hidden pick among the sizes compiled in below.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "mlp.hpp"
#include "mnist_data.hpp"

namespace {

struct options {
  std::string data = "/usr/share/datasets/fashion-mnist";
  std::size_t epochs = 10, batch = 100, hidden = 100, limit = 0;
  float lr = 0.1f;
  std::uint32_t seed = 0;
};

[[noreturn]] void usage(const std::string& problem) {
  std::cerr << "train_mnist: " << problem << "\n"
            << "usage: train_mnist [--data DIR] [--epochs N] [--batch 50|100|200] "
               "[--hidden 100|300|500] [--lr LR] [--seed S] [--limit N]\n";
  std::exit(2);
}

options parse(int argc, char** argv) {
  options o;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") usage("trains a two-layer network");
    if (i + 1 >= argc) usage("flag " + flag + " needs a value");
    const std::string value = argv[++i];
    try {
      std::size_t used = 0;
      if (flag == "--data") {
        o.data = value;
        used = value.size();
      } else if (flag == "--epochs") {
        o.epochs = std::stoul(value, &used);
      } else if (flag == "--batch") {
        o.batch = std::stoul(value, &used);
      } else if (flag == "--hidden") {
        o.hidden = std::stoul(value, &used);
      } else if (flag == "--limit") {
        o.limit = std::stoul(value, &used);
      } else if (flag == "--lr") {
        o.lr = std::stof(value, &used);
      } else if (flag == "--seed") {
        o.seed = static_cast<std::uint32_t>(std::stoul(value, &used));
      } else {
        usage("unknown flag " + flag);
      }
      if (used != value.size()) throw std::invalid_argument(value);
    } catch (const std::logic_error&) {
      usage("bad value '" + value + "' for " + flag);
    }
  }
  if (o.epochs == 0) usage("--epochs must be at least 1");
  if (!(o.lr > 0)) usage("--lr must be positive");
  return o;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void progress(std::size_t done, std::size_t total, double loss, double elapsed) {
  const int width = 30;
  const int filled = int(double(done) / double(total) * width);
  std::printf("\r  [%s%s] %6zu/%zu  %7.0f img/s  loss %.4f", std::string(filled, '#').c_str(),
              std::string(width - filled, '.').c_str(), done, total,
              elapsed > 0 ? double(done) / elapsed : 0.0, loss);
  std::fflush(stdout);
}

template <class Model>
int train(const options& o, const mnist::dataset& data) {
  auto model = std::make_unique<Model>(o.seed);
  const std::size_t B = Model::batch;
  std::size_t n_train = data.train.x.count;
  if (o.limit > 0 && o.limit < n_train) n_train = o.limit;
  if (n_train < B) {
    std::cerr << "train_mnist: " << n_train << " training images, fewer than one batch of " << B
              << "\n";
    return 1;
  }
  const std::size_t steps = n_train / B;  // the last partial batch of an epoch is dropped
  const bool tty = isatty(fileno(stdout));
  std::vector<std::size_t> order(n_train);
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(o.seed);
  std::vector<float> images(B * demo::features);
  std::vector<std::uint8_t> labels(B);
  const auto& tx = data.train.x.pixels;
  const auto& ty = data.train.y.values;

  std::printf("two-layer network 784-%zu-10, batch %zu, lr %g, %zu epochs, %zu steps per epoch\n",
              Model::hidden, B, double(o.lr), o.epochs, steps);
  std::printf("epoch  train loss  train err  test err   time\n");
  double test_error = 1;
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t epoch = 1; epoch <= o.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    const auto t0 = std::chrono::steady_clock::now();
    double loss_sum = 0;
    std::size_t errors = 0;
    for (std::size_t s = 0; s < steps; ++s) {
      for (std::size_t i = 0; i < B; ++i) {
        const std::size_t k = order[s * B + i];
        std::copy_n(tx.begin() + std::ptrdiff_t(k * demo::features), demo::features,
                    images.begin() + std::ptrdiff_t(i * demo::features));
        labels[i] = ty[k];
      }
      const auto r = model->train_step(images.data(), labels.data(), o.lr);
      loss_sum += r.loss;
      errors += r.errors;
      if (tty && (s % 20 == 0 || s + 1 == steps))
        progress((s + 1) * B, steps * B, loss_sum / double(s + 1), seconds_since(t0));
    }
    std::size_t test_errors = 0;
    const std::size_t n_test = data.test.x.count;
    for (std::size_t b = 0; b < n_test; b += B) {
      const std::size_t n = std::min(B, n_test - b);
      test_errors += model->evaluate(data.test.x.pixels.data() + b * demo::features,
                                     data.test.y.values.data() + b, n);
    }
    test_error = double(test_errors) / double(n_test);
    if (tty) std::printf("\r%*s\r", 80, "");
    std::printf("%5zu  %10.4f  %8.2f%%  %7.2f%%  %5.1fs\n", epoch, loss_sum / double(steps),
                100.0 * double(errors) / double(steps * B), 100.0 * test_error, seconds_since(t0));
    std::fflush(stdout);
  }
  std::printf("test accuracy: %.2f%% after %zu epochs (%.1f s)\n", 100.0 * (1 - test_error),
              o.epochs, seconds_since(start));
  return 0;
}

// The compiled-in (batch, hidden) pairs.
template <std::size_t B>
int dispatch_hidden(const options& o, const mnist::dataset& d) {
  switch (o.hidden) {
    case 100:
      return train<demo::mlp<B, 100>>(o, d);
    case 300:
      return train<demo::mlp<B, 300>>(o, d);
    case 500:
      return train<demo::mlp<B, 500>>(o, d);
    default:
      usage("--hidden " + std::to_string(o.hidden) + " is not compiled in (100, 300, 500)");
  }
}

int dispatch(const options& o, const mnist::dataset& d) {
  switch (o.batch) {
    case 50:
      return dispatch_hidden<50>(o, d);
    case 100:
      return dispatch_hidden<100>(o, d);
    case 200:
      return dispatch_hidden<200>(o, d);
    default:
      usage("--batch " + std::to_string(o.batch) + " is not compiled in (50, 100, 200)");
  }
}

}  // namespace

int main(int argc, char** argv) {
  const options o = parse(argc, argv);
  try {
    const auto data = mnist::load(o.data);
    std::printf("data: %s\n", data.note.c_str());
    return dispatch(o, data);
  } catch (const idx::idx_error& e) {
    std::cerr << "train_mnist: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "train_mnist: unexpected error: " << e.what() << "\n";
    return 1;
  }
}
