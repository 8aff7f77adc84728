// Heap-allocation counting for the benchmark executable only: a replacement of the global
// operator new (and its aligned forms), plus the malloc family, since Eigen's aligned_malloc and
// libtorch's CPU allocator call malloc / posix_memalign directly and would be invisible to an
// operator new replacement alone. Both forward to glibc's own entry points (__libc_*), so each
// allocation is counted exactly once and frees go back to the same heap.
//
// glibc documents replacing malloc by defining these functions in the program ("Replacing
// malloc" in its manual); the declarations match <stdlib.h> / <malloc.h> (noexcept in C++).
#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <new>

#include "support.hpp"

extern "C" {
void* __libc_malloc(std::size_t) noexcept;
void __libc_free(void*) noexcept;
void* __libc_calloc(std::size_t, std::size_t) noexcept;
void* __libc_realloc(void*, std::size_t) noexcept;
void* __libc_memalign(std::size_t, std::size_t) noexcept;
void* __libc_valloc(std::size_t) noexcept;
void* __libc_pvalloc(std::size_t) noexcept;
}

namespace {
std::atomic<std::uint64_t> g_count{0};
std::atomic<std::uint64_t> g_bytes{0};
inline void note(std::size_t n) noexcept {
  g_count.fetch_add(1, std::memory_order_relaxed);
  g_bytes.fetch_add(n, std::memory_order_relaxed);
}
void* new_impl(std::size_t n) {
  note(n);
  if (void* p = __libc_malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void* new_aligned_impl(std::size_t n, std::align_val_t al) {
  note(n);
  if (void* p = __libc_memalign(static_cast<std::size_t>(al), n ? n : 1)) return p;
  throw std::bad_alloc();
}
}  // namespace

namespace bench {
alloc_stats alloc_now() noexcept {
  return {g_count.load(std::memory_order_relaxed), g_bytes.load(std::memory_order_relaxed)};
}
}  // namespace bench

// The global operator new replacement.
void* operator new(std::size_t n) { return new_impl(n); }
void* operator new[](std::size_t n) { return new_impl(n); }
void* operator new(std::size_t n, std::align_val_t al) { return new_aligned_impl(n, al); }
void* operator new[](std::size_t n, std::align_val_t al) { return new_aligned_impl(n, al); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  note(n);
  return __libc_malloc(n ? n : 1);
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
  note(n);
  return __libc_malloc(n ? n : 1);
}
void operator delete(void* p) noexcept { __libc_free(p); }
void operator delete[](void* p) noexcept { __libc_free(p); }
void operator delete(void* p, std::size_t) noexcept { __libc_free(p); }
void operator delete[](void* p, std::size_t) noexcept { __libc_free(p); }
void operator delete(void* p, std::align_val_t) noexcept { __libc_free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { __libc_free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { __libc_free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { __libc_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { __libc_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { __libc_free(p); }

// The malloc family.
extern "C" {
void* malloc(std::size_t n) noexcept {
  note(n);
  return __libc_malloc(n);
}
void free(void* p) noexcept { __libc_free(p); }
void* calloc(std::size_t a, std::size_t b) noexcept {
  note(a * b);
  return __libc_calloc(a, b);
}
void* realloc(void* p, std::size_t n) noexcept {
  note(n);
  return __libc_realloc(p, n);
}
void* memalign(std::size_t al, std::size_t n) noexcept {
  note(n);
  return __libc_memalign(al, n);
}
void* aligned_alloc(std::size_t al, std::size_t n) noexcept {
  note(n);
  return __libc_memalign(al, n);
}
int posix_memalign(void** out, std::size_t al, std::size_t n) noexcept {
  if (al < sizeof(void*) || (al & (al - 1)) != 0) return EINVAL;
  void* p = __libc_memalign(al, n);
  if (p == nullptr) return ENOMEM;
  note(n);
  *out = p;
  return 0;
}
void* valloc(std::size_t n) noexcept {
  note(n);
  return __libc_valloc(n);
}
void* pvalloc(std::size_t n) noexcept {
  note(n);
  return __libc_pvalloc(n);
}
}
