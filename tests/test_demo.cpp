// The demo's model and data reader (examples/): etgrad's gradients for one training step equal
// the hand-derived ones, training on real MNIST digits works, and bad files give clear errors.
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "mlp.hpp"
#include "mnist_data.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

TEST_CASE("one training step's gradients equal the hand-derived ones", "[demo]") {
  constexpr std::size_t B = 50, H = 100;
  auto model = std::make_unique<demo::mlp<B, H>>(7);
  std::mt19937 rng(3);
  std::uniform_real_distribution<float> pixel(0.0f, 1.0f);
  std::vector<float> x(B * 784);
  std::vector<std::uint8_t> y(B);
  for (auto& v : x) v = pixel(rng);
  for (std::size_t i = 0; i < B; ++i) y[i] = std::uint8_t(i % 10);
  for (std::size_t i = 0; i < B * 784; ++i) model->x().data()[i] = x[i];
  for (std::size_t i = 0; i < B; ++i) model->y().data()[i * 10 + y[i]] = 1.0f;
  auto [g1, g2] = eg::grad(model->loss(), model->w1(), model->w2());

  // By hand: Z1 = X W1, A = relu(Z1), logits = A W2, S = softmax(logits),
  // dlogits = (S - onehot) / B, dW2 = A^T dlogits, dA = dlogits W2^T, dZ1 = dA * [Z1 > 0],
  // dW1 = X^T dZ1.
  using mat = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  Eigen::Map<const mat> X(x.data(), B, 784);
  Eigen::Map<const mat> W1(model->w1().data(), 784, H);
  Eigen::Map<const mat> W2(model->w2().data(), H, 10);
  mat Z1 = X * W1;
  mat A = Z1.cwiseMax(0.0f);
  mat logits = A * W2;
  mat dlogits(B, 10);
  for (std::size_t i = 0; i < B; ++i) {
    const float m = logits.row(Eigen::Index(i)).maxCoeff();
    Eigen::RowVectorXf e = (logits.row(Eigen::Index(i)).array() - m).exp();
    dlogits.row(Eigen::Index(i)) = e / e.sum();
    dlogits(Eigen::Index(i), y[i]) -= 1.0f;
  }
  dlogits /= float(B);
  mat dW2 = A.transpose() * dlogits;
  mat dZ1 = (dlogits * W2.transpose()).cwiseProduct((Z1.array() > 0.0f).cast<float>().matrix());
  mat dW1 = X.transpose() * dZ1;
  for (Eigen::Index i = 0; i < dW1.size(); ++i)
    REQUIRE(g1.data()[i] == Approx(dW1.data()[i]).margin(1e-5));
  for (Eigen::Index i = 0; i < dW2.size(); ++i)
    REQUIRE(g2.data()[i] == Approx(dW2.data()[i]).margin(1e-5));
}

TEST_CASE("two epochs on 2,000 real MNIST digits: the loss falls, accuracy beats 80%", "[demo]") {
  const auto data = mnist::load(ETGRAD_MNIST_DIR);
  REQUIRE(data.train.x.count == 8000);
  const auto train = mnist::slice(data.train, 0, 2000);
  constexpr std::size_t B = 50;
  auto model = std::make_unique<demo::mlp<B, 100>>(0);
  double first_epoch = 0, second_epoch = 0;
  for (int epoch = 0; epoch < 2; ++epoch) {
    double loss = 0;
    for (std::size_t s = 0; s < 2000 / B; ++s)
      loss +=
          model
              ->train_step(train.x.pixels.data() + s * B * 784, train.y.values.data() + s * B, 0.1f)
              .loss;
    (epoch == 0 ? first_epoch : second_epoch) = loss / (2000 / B);
  }
  std::size_t errors = 0;
  for (std::size_t b = 0; b < data.test.x.count; b += B)
    errors += model->evaluate(data.test.x.pixels.data() + b * 784, data.test.y.values.data() + b,
                              std::min(B, data.test.x.count - b));
  const double accuracy = 1.0 - double(errors) / double(data.test.x.count);
  INFO("epoch losses " << first_epoch << " -> " << second_epoch << ", test accuracy " << accuracy);
  CHECK(second_epoch < first_epoch);
  CHECK(accuracy > 0.80);
}

namespace {
// Writes a gzip file with a big-endian header and a payload.
void write_gz(const fs::path& p, std::vector<std::uint32_t> header, std::size_t payload,
              std::uint8_t value = 1) {
  gzFile f = gzopen(p.string().c_str(), "wb");
  REQUIRE(f != nullptr);
  for (std::uint32_t h : header) {
    unsigned char b[4] = {std::uint8_t(h >> 24), std::uint8_t(h >> 16), std::uint8_t(h >> 8),
                          std::uint8_t(h)};
    gzwrite(f, b, 4);
  }
  std::vector<std::uint8_t> body(payload, value);
  if (payload) gzwrite(f, body.data(), unsigned(payload));
  gzclose(f);
}
struct temp_dir {
  fs::path path =
      fs::temp_directory_path() / ("etgrad_idx_" + std::to_string(std::random_device{}()));
  temp_dir() { fs::create_directories(path); }
  ~temp_dir() { fs::remove_all(path); }
};
}  // namespace

TEST_CASE("bad data files give one clear error naming the file and the expectation", "[demo]") {
  temp_dir dir;
  const auto images = dir.path / "t10k-images-idx3-ubyte.gz";
  const auto labels = dir.path / "t10k-labels-idx1-ubyte.gz";
  SECTION("missing folder") {
    REQUIRE_THROWS_WITH(mnist::load((dir.path / "nope").string()),
                        Catch::Contains("no such folder"));
  }
  SECTION("missing file") {
    REQUIRE_THROWS_WITH(
        mnist::load(dir.path.string()),
        Catch::Contains("t10k-images-idx3-ubyte.gz") && Catch::Contains("cannot open"));
  }
  SECTION("wrong magic number") {
    write_gz(images, {0x00000801, 3, 28, 28}, 3 * 784);
    REQUIRE_THROWS_WITH(
        idx::read_images(images.string()),
        Catch::Contains("wrong magic number 0x00000801") && Catch::Contains("expected 0x00000803"));
    write_gz(labels, {0x00000803, 3}, 3);
    REQUIRE_THROWS_WITH(idx::read_labels(labels.string()), Catch::Contains("expected 0x00000801"));
  }
  SECTION("truncated file") {
    write_gz(images, {0x00000803, 3, 28, 28}, 2 * 784);
    REQUIRE_THROWS_WITH(idx::read_images(images.string()),
                        Catch::Contains("truncated") && Catch::Contains(images.string()));
    write_gz(labels, {0x00000801}, 0);
    REQUIRE_THROWS_WITH(idx::read_labels(labels.string()), Catch::Contains("truncated"));
  }
  SECTION("image and label counts disagree") {
    write_gz(images, {0x00000803, 3, 28, 28}, 3 * 784);
    write_gz(labels, {0x00000801, 4}, 4);
    REQUIRE_THROWS_WITH(mnist::load(dir.path.string()),
                        Catch::Contains("3 images") && Catch::Contains("4 labels"));
  }
  SECTION("a label out of range and an implausible header") {
    write_gz(labels, {0x00000801, 2}, 2, 12);
    REQUIRE_THROWS_WITH(idx::read_labels(labels.string()),
                        Catch::Contains("expected a class 0..9"));
    write_gz(images, {0x00000803, 0xffffffffu, 28, 28}, 0);
    REQUIRE_THROWS_WITH(idx::read_images(images.string()), Catch::Contains("implausible header"));
  }
  SECTION("not a gzip file at all") {
    std::ofstream(images) << "hello";
    REQUIRE_THROWS_AS(idx::read_images(images.string()), idx::idx_error);
  }
}

// Found by tests/fuzz/fuzz_idx: a 16-byte header within the limits (up to 10^7 images of
// 4096x4096) made read_images allocate the whole declared size before reading, so a tiny
// file threw std::bad_alloc (or ran out of memory) instead of idx_error.
TEST_CASE("a huge declared image count in a tiny file fails as truncated without allocating it",
          "[demo]") {
  temp_dir dir;
  const auto images = dir.path / "huge-images-idx3-ubyte.gz";
  write_gz(images, {0x00000803, 10'000'000, 4096, 4096}, 784);
  REQUIRE_THROWS_AS(idx::read_images(images.string()), idx::idx_error);
  REQUIRE_THROWS_WITH(idx::read_images(images.string()),
                      Catch::Contains("truncated") && Catch::Contains("167772159999216 more"));
  write_gz(images, {0x00000803, 24579, 512, 512}, 0);  // the fuzzer's input: 6.4 GB declared
  REQUIRE_THROWS_WITH(idx::read_images(images.string()), Catch::Contains("truncated"));
}
