// The reusable gradient does no heap allocation after its first call: counted with a global
// operator new replacement (this executable only).
#include <atomic>
#include <cstdlib>
#include <new>

#include "support.hpp"

namespace {
std::atomic<long> allocations{0};
}

namespace {
void* counted_allocation(std::size_t n) {
  ++allocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t n) {
  return counted_allocation(n);
}
void* operator new[](std::size_t n) {
  return counted_allocation(n);
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}

TEST_CASE("the counting allocator sees allocations", "[allocation]") {
  const long before = allocations;
  auto* p = new std::vector<int>(10);
  delete p;
  REQUIRE(allocations - before >= 2);
}

TEST_CASE("compile_grad allocates nothing per step and equals grad", "[allocation]") {
  eg::constant<float, eg::shape<32, 64>> x;
  eg::constant<float, eg::shape<32, 10>> y;  // one-hot labels
  eg::variable<float, eg::shape<64, 48>> w1;
  eg::variable<float, eg::shape<48, 10>> w2;
  eg::variable<float, eg::shape<48>> b1;
  fill_random(x, 1);
  fill_random(w1, 2, -0.2, 0.2);
  fill_random(w2, 3, -0.2, 0.2);
  fill_random(b1, 4, -0.1, 0.1);
  for (int i = 0; i < 32; ++i) y.data()[i * 10 + i % 10] = 1;
  auto logits = eg::matmul(eg::relu(eg::matmul(x, w1) + b1), w2);
  auto loss = eg::mean(eg::logsumexp<1>(logits) - eg::sum<1>(logits * y));
  auto step = eg::compile_grad(loss, w1, w2, b1);
  step();  // the first call may allocate (it does not today, but need not promise it)
  const long before = allocations;
  for (int i = 0; i < 5; ++i) {
    const auto& [l, g1, g2, gb] = step();
    w1.value() -= 0.1f * g1;
    w2.value() -= 0.1f * g2;
    b1.value() -= 0.1f * gb;
    (void)l;
  }
  CHECK(allocations - before == 0);
  const auto& [l, g1, g2, gb] = step();
  auto [v, r1, r2, rb] = eg::value_and_grad(loss, w1, w2, b1);
  CHECK(l == Approx(v).epsilon(1e-6));
  for (int i = 0; i < g1.size(); ++i) CHECK(g1.data()[i] == Approx(r1.data()[i]).margin(1e-6));
  for (int i = 0; i < g2.size(); ++i) CHECK(g2.data()[i] == Approx(r2.data()[i]).margin(1e-6));
  for (int i = 0; i < gb.size(); ++i) CHECK(gb.data()[i] == Approx(rb.data()[i]).margin(1e-6));
}

TEST_CASE("batched matmul, transposes and broadcasts allocate nothing per step", "[allocation]") {
  eg::variable<float, eg::shape<8, 64, 32>> a;
  eg::variable<float, eg::shape<32, 16>> b;
  eg::variable<float, eg::shape<16, 16>> c;
  fill_random(a, 5);
  fill_random(b, 6);
  fill_random(c, 7);
  auto loss = eg::sum(eg::exp(eg::transpose(eg::matmul(eg::matmul(a, b), c)) * 0.01f));
  auto step = eg::compile_grad(loss, a, b, c);
  step();
  const long before = allocations;
  for (int i = 0; i < 3; ++i) step();
  CHECK(allocations - before == 0);
}
