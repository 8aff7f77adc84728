#!/usr/bin/env python3
"""Randomized differential tests for etgrad: random expression programs with a numpy oracle.

Writes Catch2 sources random_programs_<k>.cpp (k = 0 .. tus-1), one TEST_CASE per program. Each
program is a random composition of etgrad's operations over 1-3 leaves with random compile-time
shapes. The oracle is independent of etgrad: every operation has a plain numpy reference
implementation (np.matmul, np.sum(axis=...), np.broadcast_to, ... , logsumexp with a max shift),
gradients are central finite differences of loss = sum(out * G) for a random output gradient G, and
Hessian-vector products are mixed second-order finite differences with Richardson extrapolation.
Everything the C++ side needs (leaf values, G, V, expected values, tolerances) is written into the
source as literals, so no random number generator is shared with the code under test.

    gen_programs.py --seed 20261203 --count 200 --tus 8 --out-dir build/random
    gen_programs.py --seed 1 --count 200 --only 17 --show     # one program, its numpy reference

Requires Python 3 with numpy only.
"""

import argparse
import itertools
import math
import os
import sys

import numpy as np

# ---------------------------------------------------------------------------------------------
# numpy reference implementations that are not a single numpy call.


def logsumexp(a, axis=None):
    """log(sum(exp(a), axis)) with the max shift; axis None reduces over all axes."""
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 0:
        return a.copy()
    m = np.max(a, axis=axis, keepdims=True)
    r = m + np.log(np.sum(np.exp(a - m), axis=axis, keepdims=True))
    return np.squeeze(r, axis=axis) if axis is not None else r.reshape(())


NP_ENV = {"np": np, "logsumexp": logsumexp}

U = 2.0**-53  # unit roundoff of double

# Tolerances (see README / the checks at the bottom of the file for the reasoning).
FWD_RTOL = 1e-12  # forward: relative, plus an absolute term from a rounding-error bound
FWD_SAFETY = 16.0  # multiplies the first-order rounding-error bound of the numpy evaluation
GRAD_RTOL = 1e-6  # gradients against central differences, per element
GRAD_NORM_RTOL = 1e-7  # ... plus this times max(1, largest |gradient| of the leaf)
HVP_RTOL = 1e-5  # Hessian-vector products against extrapolated mixed differences
HVP_NORM_RTOL = 1e-5
ABS_FLOOR = 1e-12
FD_MARGIN = 0.05  # estimated finite-difference error must be below this fraction of the tolerance
FD_STEP = 2.0**-15  # ~3.1e-5, central differences (first derivatives)
HVP_STEP = 2.0**-9  # ~2.0e-3, mixed second differences (also 4h/3, 2h, 8h/3, 4h)
RELU_MARGIN = 1e-3  # every relu input at least this far from 0 at the base point

# ---------------------------------------------------------------------------------------------
# Shapes


def prod(s):
    return int(np.prod(s, dtype=np.int64)) if s else 1


def broadcasts_to(a, s):
    """True when shape a broadcasts (numpy rules) to exactly s."""
    if len(a) > len(s):
        return False
    for x, y in zip(reversed(a), reversed(s)):
        if x != y and x != 1:
            return False
    return True


def cpp_shape(s):
    return "eg::shape<" + ", ".join(str(d) for d in s) + ">"


def py_tuple(s):
    if len(s) == 1:
        return "(%d,)" % s[0]
    return "(" + ", ".join(str(d) for d in s) + ")"


def fmt(v):
    return "%.17g" % v


def fmt_scalar(s):
    """A scalar operand: int literal or the shortest round-tripping double literal."""
    if isinstance(s, int):
        return str(s)
    r = repr(float(s))
    return r


# ---------------------------------------------------------------------------------------------
# Expression nodes
#
# Every node has a shape, its arguments and two renderings: C++ (etgrad) and numpy. Precedence
# levels keep the two trees identical: 100 atoms and calls, 90 unary minus, 50 * /, 40 + -.

ATOM, UNARY, MULDIV, ADDSUB = 100, 90, 50, 40


class Node:
    __slots__ = ("op", "args", "shape", "attr", "id")

    def __init__(self, op, args, shape, **attr):
        self.op = op
        self.args = list(args)
        self.shape = tuple(shape)
        self.attr = attr
        self.id = None


def paren(text, level, need):
    return "(" + text + ")" if level < need else text


def scalar_text(s):
    t = fmt_scalar(s)
    return (t, UNARY) if t.startswith("-") else (t, ATOM)


def render(node, sub, lang):
    """Text and precedence of `node` given the rendered arguments sub = [(text, level), ...]."""
    op, a = node.op, node.attr
    cpp = lang == "cpp"
    ns = "eg::" if cpp else "np."

    def binop(sym, lv):
        (ta, la), (tb, lb) = sub
        return paren(ta, la, lv) + " " + sym + " " + paren(tb, lb, lv + 1), lv

    def scal_left(sym, lv):  # a (sym) s
        (ta, la), = sub
        ts, ls = scalar_text(a["s"])
        return paren(ta, la, lv) + " " + sym + " " + paren(ts, ls, lv + 1), lv

    def scal_right(sym, lv):  # s (sym) a
        (ta, la), = sub
        ts, ls = scalar_text(a["s"])
        return paren(ts, ls, lv) + " " + sym + " " + paren(ta, la, lv + 1), lv

    def call(fn, extra=""):
        return fn + "(" + ", ".join(t for t, _ in sub) + extra + ")", ATOM

    def axes_tuple(ax):
        return py_tuple(ax)

    if op == "add":
        return binop("+", ADDSUB)
    if op == "sub":
        return binop("-", ADDSUB)
    if op == "mul":
        return binop("*", MULDIV)
    if op == "div":
        return binop("/", MULDIV)
    if op == "adds":
        return scal_left("+", ADDSUB)
    if op == "sadd":
        return scal_right("+", ADDSUB)
    if op == "subs":
        return scal_left("-", ADDSUB)
    if op == "ssub":
        return scal_right("-", ADDSUB)
    if op == "muls":
        return scal_left("*", MULDIV)
    if op == "smul":
        return scal_right("*", MULDIV)
    if op == "divs":
        return scal_left("/", MULDIV)
    if op == "sdiv":
        return scal_right("/", MULDIV)
    if op == "neg":
        (ta, la), = sub
        return "-" + paren(ta, la, UNARY + 1), UNARY
    if op == "pow_ew":
        return call(ns + "pow" if cpp else "np.power")
    if op == "pow_s":
        return call("eg::pow" if cpp else "np.power", ", " + fmt_scalar(a["s"]))
    if op in ("exp", "log"):
        return call(ns + op)
    if op == "relu":
        return call("eg::relu") if cpp else call("np.maximum", ", 0.0")
    if op in ("sum", "mean"):
        ax = a["axes"]
        if cpp:
            tmpl = "<" + ", ".join(map(str, ax)) + ">" if ax is not None else ""
            return call("eg::" + op + tmpl)
        return call("np." + op, "" if ax is None else ", axis=" + axes_tuple(ax))
    if op == "lse":
        ax = a["axes"]
        if cpp:
            tmpl = "<" + ", ".join(map(str, ax)) + ">" if ax is not None else ""
            return call("eg::logsumexp" + tmpl)
        return call("logsumexp", "" if ax is None else ", axis=" + axes_tuple(ax))
    if op == "broadcast_to":
        if cpp:
            return call("eg::broadcast_to<" + cpp_shape(node.shape) + ">")
        return call("np.broadcast_to", ", " + py_tuple(node.shape))
    if op == "reshape":
        if cpp:
            return call("eg::reshape<" + cpp_shape(node.shape) + ">")
        return call("np.reshape", ", " + py_tuple(node.shape))
    if op == "transpose":
        return call("eg::transpose") if cpp else call("np.swapaxes", ", -1, -2")
    if op == "transpose_ij":
        i, j = a["i"], a["j"]
        if cpp:
            return call("eg::transpose<%d, %d>" % (i, j))
        return call("np.swapaxes", ", %d, %d" % (i, j))
    if op == "permute":
        p = a["perm"]
        if cpp:
            return call("eg::permute<" + ", ".join(map(str, p)) + ">")
        return call("np.transpose", ", " + py_tuple(p))
    if op == "matmul":
        return call(ns + "matmul")
    raise AssertionError(op)


def np_apply(node, vals):
    """Value of `node` from its arguments' values: the numpy reference of each operation."""
    op, a = node.op, node.attr
    if op in ("add", "sub", "mul", "div"):
        x, y = vals
        return {"add": np.add, "sub": np.subtract, "mul": np.multiply, "div": np.divide}[op](x, y)
    if op in ("adds", "sadd", "subs", "ssub", "muls", "smul", "divs", "sdiv"):
        x, = vals
        s = a["s"]
        return {
            "adds": lambda: x + s, "sadd": lambda: s + x, "subs": lambda: x - s,
            "ssub": lambda: s - x, "muls": lambda: x * s, "smul": lambda: s * x,
            "divs": lambda: x / s, "sdiv": lambda: s / x,
        }[op]()
    if op == "neg":
        return np.negative(vals[0])
    if op == "pow_ew":
        return np.power(vals[0], vals[1])
    if op == "pow_s":
        return np.power(vals[0], a["s"])
    if op == "exp":
        return np.exp(vals[0])
    if op == "log":
        return np.log(vals[0])
    if op == "relu":
        return np.maximum(vals[0], 0.0)
    if op == "sum":
        return np.sum(vals[0], axis=a["axes"])
    if op == "mean":
        return np.mean(vals[0], axis=a["axes"])
    if op == "lse":
        return logsumexp(vals[0], axis=a["axes"])
    if op == "broadcast_to":
        return np.broadcast_to(vals[0], node.shape)
    if op == "reshape":
        return np.reshape(vals[0], node.shape)
    if op == "transpose":
        return np.swapaxes(vals[0], -1, -2)
    if op == "transpose_ij":
        return np.swapaxes(vals[0], a["i"], a["j"])
    if op == "permute":
        return np.transpose(vals[0], a["perm"])
    if op == "matmul":
        return np.matmul(vals[0], vals[1])
    raise AssertionError(op)


def reduced_count(shape, axes):
    return prod(shape) if axes is None else prod([shape[i] for i in axes])


def err_apply(node, vals, errs, v):
    """First-order bound of the absolute rounding error of node's numpy value (array of v's
    shape), given its arguments' values and error bounds. Transcendental functions get 4 ulps."""
    op, a = node.op, node.attr
    av = np.abs(v)
    if op in ("add", "sub"):
        return errs[0] + errs[1] + U * av
    if op == "mul":
        return np.abs(vals[1]) * errs[0] + np.abs(vals[0]) * errs[1] + U * av
    if op == "div":
        return errs[0] / np.abs(vals[1]) + np.abs(v / vals[1]) * errs[1] + 2 * U * av
    if op in ("adds", "sadd", "subs", "ssub"):
        return errs[0] + U * av
    if op in ("muls", "smul"):
        return abs(a["s"]) * errs[0] + U * av
    if op == "divs":
        return errs[0] / abs(a["s"]) + 2 * U * av
    if op == "sdiv":
        return np.abs(v / vals[0]) * errs[0] + 2 * U * av
    if op == "neg":
        return errs[0]
    if op == "pow_s":
        s = a["s"]
        d = np.abs(s * np.power(vals[0], s - 1)) if s != 0 else 0.0
        return d * errs[0] + 4 * U * av
    if op == "pow_ew":
        x, y = vals
        return (np.abs(y * np.power(x, y - 1)) * errs[0] + np.abs(v * np.log(x)) * errs[1]
                + 4 * U * av)
    if op == "exp":
        return av * errs[0] + 4 * U * av
    if op == "log":
        return errs[0] / np.abs(vals[0]) + 4 * U * av
    if op == "relu":
        return np.where(vals[0] > 0, errs[0], 0.0)
    if op in ("sum", "mean"):
        n = reduced_count(node.args[0].shape, a["axes"])
        e = np.sum(errs[0], axis=a["axes"]) + n * U * np.sum(np.abs(vals[0]), axis=a["axes"])
        return e / n + U * av if op == "mean" else e
    if op == "lse":
        n = reduced_count(node.args[0].shape, a["axes"])
        x = np.asarray(vals[0])
        if x.ndim == 0:
            return errs[0]
        spread = np.max(x, axis=a["axes"]) - np.min(x, axis=a["axes"])
        return (np.max(errs[0], axis=a["axes"])
                + U * ((n + 4) * (1.0 + spread) + 2 * av))
    if op == "broadcast_to":
        return np.broadcast_to(errs[0], node.shape)
    if op == "reshape":
        return np.reshape(errs[0], node.shape)
    if op == "transpose":
        return np.swapaxes(errs[0], -1, -2)
    if op == "transpose_ij":
        return np.swapaxes(errs[0], a["i"], a["j"])
    if op == "permute":
        return np.transpose(errs[0], a["perm"])
    if op == "matmul":
        x, y = vals
        k = node.args[0].shape[-1]
        return (np.matmul(np.abs(x), errs[1]) + np.matmul(errs[0], np.abs(y))
                + (k + 1) * U * np.matmul(np.abs(x), np.abs(y)))
    raise AssertionError(op)


# ---------------------------------------------------------------------------------------------
# Program generation


class Reject(Exception):
    pass


SCALARS_ANY = [2, 3, -1, 0.5, -0.5, 1.5, -2.5, 0.25, 0.3, -0.7, 1.75, 2.0]
SCALARS_DIV = [2, -3, 0.5, -0.75, 1.5, 4.0, -2.5, 0.3]  # away from zero
POW_INT = [2, 3, 2, 3, 1, 2.0, 3.0]  # on any base (int or integral double)
POW_NEG = [-1, -2, -1.0]  # on positive bases
POW_FRAC = [0.5, 1.5, -0.5, 2.5, 0.25, 1.0 / 3.0, 0.75]  # on positive bases

# (op name, weight). "pos" ops need a positive operand built by construction.
OPS = [
    ("add", 6), ("sub", 5), ("mul", 6), ("div", 4), ("pow_ew", 3),
    ("scalar", 7), ("neg", 2), ("exp", 2), ("log", 3), ("relu", 3),
    ("pow_int", 3), ("pow_frac", 2),
    ("sum_axes", 4), ("mean_axes", 3), ("lse_axes", 3),
    ("sum_all", 3), ("mean_all", 2), ("lse_all", 2),
    ("broadcast_to", 3), ("reshape", 3), ("transpose", 2), ("transpose_ij", 2),
    ("permute", 2), ("matmul", 6),
]
# Left out of the second-order (HVP) programs: a gradient of a gradient through an elementwise
# power with a tensor exponent nested in another one took minutes to compile (README, "Known
# limits"); first-order programs use it freely.
HVP_EXCLUDED = {"pow_ew"}
# Depth and op budget of the second-order programs (--hvp-depth, --hvp-ops).
HVP_MAX_DEPTH = 2
HVP_MAX_OPS = 4


class Program:
    def __init__(self, seed, index, rng):
        self.seed = seed
        self.index = index
        self.rng = rng
        self.leaves = []  # leaf Nodes (op "leaf"), attr name
        self.n_leaves = int(rng.integers(1, 4))
        self.pool = {}  # shape -> finished non-leaf nodes, for shared subexpressions
        self.n_ops = 0
        self.hvp = index % 5 == 0
        # Second-order programs stay smaller: the type of a gradient of a gradient grows with
        # every reuse of a subexpression (see README, "Known limits"), and a depth-6 program with
        # a reused matmul took over an hour to compile.
        self.max_ops = HVP_MAX_OPS if self.hvp else 18

    # -- random helpers
    def rand(self):
        return float(self.rng.random())

    def randint(self, lo, hi):  # inclusive
        return int(self.rng.integers(lo, hi + 1))

    def choice(self, seq):
        return seq[int(self.rng.integers(0, len(seq)))]

    def random_shape(self, rank=None, max_rank=4):
        if rank is None:
            rank = min(self.choice([0, 1, 1, 2, 2, 2, 3, 3, 4]), max_rank)
        return tuple(self.randint(1, 5) for _ in range(rank))

    def sub_shape(self, s, allow_equal=True):
        """A shape that broadcasts to s: leading axes dropped, some axes set to 1."""
        for _ in range(20):
            r = len(s)
            keep = r if self.rand() < 0.55 else self.randint(0, r)
            t = tuple(1 if self.rand() < 0.25 else d for d in s[r - keep:])
            if allow_equal or t != s:
                return t
        return ()

    def split_broadcast(self, s):
        """Two shapes whose numpy broadcast is exactly s."""
        a = self.sub_shape(s)
        r = len(s)
        # axes of s that a does not cover (missing, or 1 where s is larger)
        pad = (None,) * (r - len(a)) + a
        need = [j for j in range(r) if s[j] != 1 and pad[j] != s[j]]
        lo = r - min(need) if need else 0
        if len(a) < r:
            rb = r  # one operand must have the full rank
        else:
            rb = lo if self.rand() < 0.5 else self.randint(lo, r)
        b = []
        for j in range(r - rb, r):
            if j in need or self.rand() < 0.75:
                b.append(s[j])
            else:
                b.append(1)
        b = tuple(b)
        assert broadcasts_to(a, s) and broadcasts_to(b, s)
        assert np.broadcast_shapes(a, b) == s, (a, b, s)
        return (a, b) if self.rand() < 0.5 else (b, a)

    def factor_shape(self, count, avoid):
        """A random shape (rank <= 4, sizes <= 5) with `count` elements, != avoid if possible."""
        cands = []
        for r in range(0, 5):
            for dims in itertools.product(range(1, 6), repeat=r):
                if prod(dims) == count and dims != avoid:
                    cands.append(dims)
        if not cands:
            return None
        return self.choice(cands)

    # -- node construction
    def make(self, op, args, shape, **attr):
        self.n_ops += 1
        return Node(op, args, shape, **attr)

    def new_leaf(self, shape):
        n = Node("leaf", [], shape, name="x%d" % len(self.leaves))
        self.leaves.append(n)
        return n

    def terminal(self, s):
        """A node of shape s built from a leaf (new or reused) or a shared subexpression."""
        if self.pool.get(s) and self.rand() < 0.2:
            return self.choice(self.pool[s])
        exact = [l for l in self.leaves if l.shape == s]
        if len(self.leaves) < self.n_leaves and (not self.leaves or self.rand() < 0.6):
            if self.rand() < 0.3 and s:
                t = self.sub_shape(s, allow_equal=False)
                return self.make("broadcast_to", [self.new_leaf(t)], s)
            return self.new_leaf(s)
        if exact and self.rand() < 0.7:
            return self.choice(exact)
        if not self.leaves:
            return self.new_leaf(s)
        return self.adapt(self.choice(self.leaves), s)

    def adapt(self, leaf, s):
        """leaf reshaped, permuted, broadcast or reduced to shape s."""
        ls = leaf.shape
        if ls == s:
            return leaf
        cands = []
        if broadcasts_to(ls, s):
            cands.append(("bcast", None))
        if prod(ls) == prod(s):
            cands.append(("reshape", None))
            if len(ls) == len(s) and len(s) >= 2 and sorted(ls) == sorted(s):
                for p in itertools.permutations(range(len(s))):
                    if tuple(ls[i] for i in p) == s:
                        cands.append(("permute", p))
                        break
        for k in range(1, len(ls) + 1):
            for axes in itertools.combinations(range(len(ls)), k):
                r = tuple(d for i, d in enumerate(ls) if i not in axes)
                if broadcasts_to(r, s):
                    cands.append(("reduce", axes))
        kind, arg = self.choice(cands)
        if kind == "bcast":
            return self.make("broadcast_to", [leaf], s)
        if kind == "reshape":
            return self.make("reshape", [leaf], s)
        if kind == "permute":
            return self.make("permute", [leaf], s, perm=tuple(arg))
        axes = arg
        r = tuple(d for i, d in enumerate(ls) if i not in axes)
        op = self.choice(["sum", "sum", "mean", "lse"])
        full = len(axes) == len(ls) and self.rand() < 0.5
        node = self.make(op, [leaf], r, axes=None if full else tuple(axes))
        if r != s:
            node = self.make("broadcast_to", [node], s)
        return node

    def positive(self, s, d):
        """A node of shape s that is positive by construction."""
        k = self.choice(["exp", "sq", "sq", "powsq", "expc"])
        e = self.gen(s, d)
        c = self.choice([0.5, 0.75, 1, 1.0, 1.25])
        if k == "exp":
            return self.make("exp", [e], s)
        if k == "sq":
            return self.make("adds", [self.make("mul", [e, e], s)], s, s=c)
        if k == "powsq":
            return self.make("adds", [self.make("pow_s", [e], s, s=2)], s, s=c)
        return self.make("adds", [self.make("exp", [e], s)], s, s=c)

    def nonzero(self, s, d):
        """A denominator: positive by construction, negated sometimes."""
        p = self.positive(s, d)
        return self.make("neg", [p], s) if self.rand() < 0.3 else p

    def sub_depth(self, d):
        return self.randint(0, d - 1) if self.rand() < 0.6 else d - 1

    def gen(self, s, d):
        if d <= 0 or self.n_ops >= self.max_ops:
            return self.terminal(s)
        if self.pool.get(s) and self.rand() < 0.1:
            return self.choice(self.pool[s])
        ops = [(o, w) for o, w in OPS if self.applicable(o, s)
               and not (self.hvp and o in HVP_EXCLUDED)]
        total = sum(w for _, w in ops)
        x = self.rand() * total
        for o, w in ops:
            x -= w
            if x < 0:
                break
        node = self.build(o, s, d)
        if node.op != "leaf":
            self.pool.setdefault(s, []).append(node)
        return node

    def applicable(self, op, s):
        r = len(s)
        if op in ("sum_axes", "mean_axes", "lse_axes"):
            return r < 4
        if op in ("sum_all", "mean_all", "lse_all"):
            return r == 0
        if op == "broadcast_to":
            return r >= 1
        if op in ("transpose", "transpose_ij", "permute", "matmul"):
            return r >= 2
        if op == "reshape":
            return True
        return True

    def two(self, s, d):
        a, b = self.split_broadcast(s)
        d1, d2 = d - 1, self.sub_depth(d)
        if self.rand() < 0.5:
            d1, d2 = d2, d1
        return a, b, d1, d2

    def build(self, op, s, d):
        r = len(s)
        if op in ("add", "sub", "mul"):
            a, b, d1, d2 = self.two(s, d)
            return self.make(op, [self.gen(a, d1), self.gen(b, d2)], s)
        if op == "div":
            a, b, d1, d2 = self.two(s, d)
            return self.make("div", [self.gen(a, d1), self.nonzero(b, d2)], s)
        if op == "pow_ew":
            a, b, d1, d2 = self.two(s, d)
            base = self.positive(a, d1)
            ex = self.gen(b, d2)
            return self.make("pow_ew", [base, ex], s)
        if op == "scalar":
            kind = self.choice(["adds", "sadd", "subs", "ssub", "muls", "smul", "divs", "sdiv"])
            if kind == "sdiv":
                return self.make(kind, [self.nonzero(s, d - 1)], s, s=self.choice(SCALARS_ANY))
            sc = self.choice(SCALARS_DIV if kind == "divs" else SCALARS_ANY)
            return self.make(kind, [self.gen(s, d - 1)], s, s=sc)
        if op in ("neg", "exp", "relu"):
            return self.make(op, [self.gen(s, d - 1)], s)
        if op == "log":
            return self.make("log", [self.positive(s, d - 1)], s)
        if op == "pow_int":
            if self.rand() < 0.25:
                return self.make("pow_s", [self.positive(s, d - 1)], s, s=self.choice(POW_NEG))
            return self.make("pow_s", [self.gen(s, d - 1)], s, s=self.choice(POW_INT))
        if op == "pow_frac":
            return self.make("pow_s", [self.positive(s, d - 1)], s, s=self.choice(POW_FRAC))
        if op in ("sum_axes", "mean_axes", "lse_axes"):
            k = self.randint(1, 4 - r)
            k = min(k, self.choice([1, 1, 2, 3]))
            rin = r + k
            axes = sorted(int(x) for x in self.rng.choice(rin, size=k, replace=False))
            it = iter(s)
            ins = tuple(self.randint(1, 5) if i in axes else next(it) for i in range(rin))
            name = {"sum_axes": "sum", "mean_axes": "mean", "lse_axes": "lse"}[op]
            return self.make(name, [self.gen(ins, d - 1)], s, axes=tuple(axes))
        if op in ("sum_all", "mean_all", "lse_all"):
            ins = self.random_shape()
            name = {"sum_all": "sum", "mean_all": "mean", "lse_all": "lse"}[op]
            if ins and self.rand() < 0.25:  # all axes listed explicitly
                return self.make(name, [self.gen(ins, d - 1)], s, axes=tuple(range(len(ins))))
            return self.make(name, [self.gen(ins, d - 1)], s, axes=None)
        if op == "broadcast_to":
            t = self.sub_shape(s, allow_equal=False)
            return self.make("broadcast_to", [self.gen(t, d - 1)], s)
        if op == "reshape":
            t = self.factor_shape(prod(s), s)
            if t is None:
                return self.build("neg", s, d)
            return self.make("reshape", [self.gen(t, d - 1)], s)
        if op == "transpose":
            t = s[:-2] + (s[-1], s[-2])
            return self.make("transpose", [self.gen(t, d - 1)], s)
        if op == "transpose_ij":
            i, j = (int(x) for x in self.rng.choice(r, size=2, replace=False))
            t = list(s)
            t[i], t[j] = t[j], t[i]
            return self.make("transpose_ij", [self.gen(tuple(t), d - 1)], s, i=i, j=j)
        if op == "permute":
            p = tuple(int(x) for x in self.rng.permutation(r))
            if p == tuple(range(r)):
                p = p[1:] + p[:1]
            t = [0] * r
            for k, pk in enumerate(p):
                t[pk] = s[k]
            return self.make("permute", [self.gen(tuple(t), d - 1)], s, perm=p)
        if op == "matmul":
            batch, m, n = s[:-2], s[-2], s[-1]
            k = self.randint(1, 5)
            if batch:
                ba, bb = self.split_broadcast(batch)
            else:
                ba = bb = ()
            a, b = ba + (m, k), bb + (k, n)
            d1, d2 = d - 1, self.sub_depth(d)
            if self.rand() < 0.5:
                d1, d2 = d2, d1
            return self.make("matmul", [self.gen(a, d1), self.gen(b, d2)], s)
        raise AssertionError(op)


# ---------------------------------------------------------------------------------------------
# Evaluation


def topo(root):
    order, seen = [], set()

    def visit(n):
        if id(n) in seen:
            return
        seen.add(id(n))
        for c in n.args:
            visit(c)
        order.append(n)

    visit(root)
    return order


class Evaluator:
    def __init__(self, root, leaves):
        self.order = topo(root)
        self.root = root
        self.leaves = leaves
        self.index = {id(n): i for i, n in enumerate(self.order)}
        self.arg_idx = [[self.index[id(c)] for c in n.args] for n in self.order]
        self.leaf_pos = [self.index[id(l)] for l in leaves]
        self.relu_in = [self.index[id(n.args[0])] for n in self.order if n.op == "relu"]

    def run(self, leaf_values):
        vals = [None] * len(self.order)
        for p, v in zip(self.leaf_pos, leaf_values):
            vals[p] = v
        for i, n in enumerate(self.order):
            if n.op != "leaf":
                vals[i] = np.asarray(np_apply(n, [vals[j] for j in self.arg_idx[i]]),
                                     dtype=np.float64)
        return vals

    def errors(self, vals):
        errs = [None] * len(self.order)
        for i, n in enumerate(self.order):
            if n.op == "leaf":
                errs[i] = np.zeros(n.shape)
            else:
                errs[i] = np.asarray(err_apply(n, [vals[j] for j in self.arg_idx[i]],
                                               [errs[j] for j in self.arg_idx[i]], vals[i]),
                                     dtype=np.float64)
        return errs

    def relu_signs(self, vals):
        return [vals[i] > 0 for i in self.relu_in]


def check_domain(ev, vals):
    """Rejects leaf values that leave the smooth, moderate domain."""
    for i, n in enumerate(ev.order):
        v = vals[i]
        if not np.all(np.isfinite(v)) or np.max(np.abs(v), initial=0.0) > 1e4:
            raise Reject("magnitude")
        args = [vals[j] for j in ev.arg_idx[i]]
        if n.op == "relu" and np.min(np.abs(args[0]), initial=np.inf) < RELU_MARGIN:
            raise Reject("relu margin")
        if n.op == "exp" and np.max(args[0], initial=-np.inf) > 7.0:
            raise Reject("exp argument")
        if n.op == "log":
            assert np.all(args[0] > 0), "log operand not positive by construction"
        if n.op == "div" and np.min(np.abs(args[1]), initial=np.inf) < 0.05:
            raise Reject("denominator")
        if n.op == "sdiv" and np.min(np.abs(args[0]), initial=np.inf) < 0.05:
            raise Reject("denominator")
        if n.op == "pow_ew":
            assert np.all(args[0] > 0), "pow base not positive by construction"
            if np.min(args[0], initial=np.inf) < 0.02:
                raise Reject("pow base")
        if n.op == "pow_s" and (n.attr["s"] < 0 or not float(n.attr["s"]).is_integer()):
            assert np.all(args[0] > 0), "pow base not positive by construction"
            if np.min(args[0], initial=np.inf) < 0.02:
                raise Reject("pow base")


class Oracle:
    """Forward value, finite-difference gradients and HVPs of one program."""

    def __init__(self, prog, root):
        self.prog = prog
        self.root = root
        self.ev = Evaluator(root, prog.leaves)

    def loss(self, leaf_values, G, want_signs=None):
        vals = self.ev.run(leaf_values)
        if want_signs is not None:
            for a, b in zip(self.ev.relu_signs(vals), want_signs):
                if not np.array_equal(a, b):
                    raise Reject("relu sign changes within the finite-difference stencil")
        return float(np.sum(vals[-1] * G))

    def at(self, x, k, xk, G, signs):
        args = list(x)
        args[k] = xk
        return self.loss(args, G, signs)

    def central(self, x, G, k, h, signs):
        """Central differences of the loss w.r.t. every element of leaf k, step h."""
        base = x[k]
        d = np.zeros(base.shape)
        for idx in np.ndindex(*base.shape):
            xp = base.copy()
            xm = base.copy()
            xp[idx] = base[idx] + h
            xm[idx] = base[idx] - h
            step = xp[idx] - xm[idx]  # the step actually taken
            d[idx] = (self.at(x, k, xp, G, signs) - self.at(x, k, xm, G, signs)) / step
        return d

    def fd_gradient(self, x, G, k, signs):
        """Gradient w.r.t. leaf k: central differences with step h, and an error estimate per
        element: truncation |D(h) - D(2h)| / 3 (D(h) = g + c h^2 + ...) plus rounding noise,
        3 max |D(h) - D(4h/3)| (the truncation terms nearly cancel there, the rounding errors
        do not)."""
        h = FD_STEP
        d1 = self.central(x, G, k, h, signs)
        d2 = self.central(x, G, k, 2 * h, signs)
        dq = self.central(x, G, k, 4 * h / 3, signs)
        est = np.abs(d1 - d2) / 3 + 3 * np.max(np.abs(d1 - dq), initial=0.0)
        return d1, est

    def mixed(self, x, G, k, V, h, signs):
        """(H V)_i for every element i of leaf k from the four-point formula
        [f(x+h e_i+h V) - f(x+h e_i-h V) - f(x-h e_i+h V) + f(x-h e_i-h V)] / 4h^2."""
        base = x[k]
        out = np.zeros(base.shape)
        for idx in np.ndindex(*base.shape):
            e = np.zeros(base.shape)
            e[idx] = 1.0
            f = {}
            for si, ti in itertools.product((1, -1), (1, -1)):
                f[si, ti] = self.at(x, k, base + si * h * e + ti * h * V, G, signs)
            out[idx] = (f[1, 1] - f[1, -1] - f[-1, 1] + f[-1, -1]) / (4 * h * h)
        return out

    def fd_hvp(self, x, G, k, V, signs):
        """H V for leaf k: the mixed differences at h and 2h, Richardson extrapolated
        (R(h) = (4 M(h) - M(2h)) / 3, error O(h^4)). Error estimate: |R(h) - R(2h)| (truncation,
        an overestimate) plus 3 max |R(h) - R(4h/3)| (rounding noise)."""
        h = HVP_STEP
        m = {c: self.mixed(x, G, k, V, c * h, signs) for c in (1, 2, 4, 4 / 3, 8 / 3)}
        r1 = (4 * m[1] - m[2]) / 3
        r2 = (4 * m[2] - m[4]) / 3
        rq = (4 * m[4 / 3] - m[8 / 3]) / 3
        est = np.abs(r1 - r2) + 3 * np.max(np.abs(r1 - rq), initial=0.0)
        return r1, est


def tolerance(ref, rtol, norm_rtol):
    """rtol per element plus norm_rtol times max(1, largest |element|): values are of order 1 by
    construction, so an error below norm_rtol is below the noise of any finite difference."""
    return rtol, norm_rtol * max(1.0, float(np.max(np.abs(ref), initial=0.0)))


class Accepted:
    pass


def make_program(seed, index, max_tries=400):
    rng = np.random.default_rng([seed, index])
    stats = {}
    for attempt in range(max_tries):
        prog = Program(seed, index, rng)
        depth = prog.randint(2, HVP_MAX_DEPTH if prog.hvp else 6)
        out_shape = prog.random_shape()
        root = prog.gen(out_shape, depth)
        if root.op == "leaf":
            stats["trivial"] = stats.get("trivial", 0) + 1
            continue
        uses = {}
        for n in topo(root):
            for c in n.args:
                uses[id(c)] = uses.get(id(c), 0) + 1
        leaf_uses = [uses.get(id(l), 0) for l in prog.leaves]
        if max(leaf_uses) < 2:
            stats["no reused leaf"] = stats.get("no reused leaf", 0) + 1
            continue
        oracle = Oracle(prog, root)
        for draw in range(8):
            try:
                acc = try_values(prog, root, oracle, rng)
            except Reject as e:
                stats[str(e)] = stats.get(str(e), 0) + 1
                continue
            acc.depth = depth
            acc.attempts = attempt
            acc.stats = stats
            acc.leaf_uses = leaf_uses
            return acc
    raise RuntimeError("program %d/%d: no acceptable program in %d tries: %r"
                       % (seed, index, max_tries, stats))


def try_values(prog, root, oracle, rng):
    rng_vals = []
    for leaf in prog.leaves:
        lo, hi = (-1.5, 1.5) if rng.random() < 0.7 else (-0.9, 0.9)
        rng_vals.append(rng.uniform(lo, hi, size=leaf.shape).astype(np.float64))
    x = [np.asarray(v) for v in rng_vals]
    ev = oracle.ev
    vals = ev.run(x)
    check_domain(ev, vals)
    out = vals[-1]
    errs = ev.errors(vals)
    G = rng.uniform(-1.0, 1.0, size=root.shape)
    G = np.asarray(G)
    # loss = sum(out * G): rounding-error bound of its numpy evaluation
    n_out = max(prod(root.shape), 1)
    err_loss = float(np.sum(np.abs(G) * errs[-1] + U * np.abs(out * G))
                     + n_out * U * np.sum(np.abs(out * G)))
    signs = ev.relu_signs(vals)
    acc = Accepted()
    acc.prog, acc.root, acc.x, acc.G, acc.out = prog, root, x, G, out
    acc.loss = float(np.sum(out * G))
    acc.err_loss = err_loss
    acc.fwd_atol = FWD_SAFETY * float(np.max(errs[-1], initial=0.0)) + ABS_FLOOR
    acc.grads = []
    acc.worst_fd_ratio = 0.0
    for k in range(len(prog.leaves)):
        g, est = oracle.fd_gradient(x, G, k, signs)
        rtol, atol = tolerance(g, GRAD_RTOL, GRAD_NORM_RTOL)
        tol = rtol * np.abs(g) + atol
        ratio = float(np.max(est / tol, initial=0.0))
        if ratio > FD_MARGIN:
            raise Reject("finite differences not accurate enough")
        acc.worst_fd_ratio = max(acc.worst_fd_ratio, ratio)
        acc.grads.append((g, rtol, atol))
    acc.hvp = None
    if prog.hvp:
        k = int(rng.integers(0, len(prog.leaves)))
        V = np.asarray(rng.uniform(-1.0, 1.0, size=prog.leaves[k].shape))
        hv, est = oracle.fd_hvp(x, G, k, V, signs)
        rtol, atol = tolerance(hv, HVP_RTOL, HVP_NORM_RTOL)
        ratio = float(np.max(est / (rtol * np.abs(hv) + atol), initial=0.0))
        if ratio > FD_MARGIN:
            raise Reject("HVP finite differences not accurate enough")
        acc.hvp = (k, V, hv, rtol, atol, ratio)
    return acc


# ---------------------------------------------------------------------------------------------
# Emission


def name_nodes(root, leaves):
    """Names for leaves (x0..), the output (out) and shared or long subexpressions (t0..)."""
    order = topo(root)
    uses = {}
    for n in order:
        for c in n.args:
            uses[id(c)] = uses.get(id(c), 0) + 1
    names = {id(l): l.attr["name"] for l in leaves}
    texts = {}
    stmts = []  # (name, node) in definition order
    counter = 0
    for n in order:
        if n.op == "leaf":
            texts[id(n)] = {"cpp": (names[id(n)], ATOM), "np": (names[id(n)], ATOM)}
            continue
        t = {lang: render(n, [texts[id(c)][lang] for c in n.args], lang) for lang in ("cpp", "np")}
        if n is root:
            names[id(n)] = "out"
            stmts.append(("out", n, t))
        elif uses.get(id(n), 0) > 1 or len(t["cpp"][0]) > 48:
            nm = "t%d" % counter
            counter += 1
            names[id(n)] = nm
            stmts.append((nm, n, t))
            t = {"cpp": (nm, ATOM), "np": (nm, ATOM)}
        texts[id(n)] = t
    return stmts


def fmt_tol(v):
    """A tolerance with 3 significant digits, rounded up."""
    if v == 0:
        return "0"
    e = math.floor(math.log10(abs(v))) - 2
    return "%.3g" % (math.ceil(v / 10.0**e - 1e-6) * 10.0**e)


def brace_list(values, indent, first_col):
    """{v0, v1, ...}: on one line when it fits after column first_col, else wrapped before column
    100 with `indent` + one space before the continuation lines."""
    vals = [fmt(float(v)) for v in np.asarray(values, dtype=np.float64).reshape(-1)]
    one = "{" + ", ".join(vals) + "}"
    if first_col + len(one) + 2 <= 100:
        return one
    lines, cur, col0 = [], "", first_col + 1
    for v in vals:
        piece = v + ","
        width = (col0 if not lines else len(indent) + 1) + len(cur) + 1 + len(piece)
        if cur and width > 98:
            lines.append(cur)
            cur = piece
        else:
            cur = cur + " " + piece if cur else piece
    lines.append(cur[:-1])
    return "{" + ("\n" + indent + " ").join(lines) + "}"


def wrap_statement(prefix, text, indent="  "):
    line = indent + prefix + text + ";"
    if len(line) <= 100:
        return [line]
    # break after top-level commas or before top-level binary operators
    out, depth, cur = [], 0, indent + prefix
    cont = indent + "    "
    i = 0
    while i < len(text):
        ch = text[i]
        cur += ch
        if ch in "(<":
            depth += 1
        elif ch in ")>":
            depth -= 1
        elif ch == "," and depth == 1 and len(cur) > 60:
            out.append(cur)
            cur = cont
            i += 1
            while i < len(text) and text[i] == " ":
                i += 1
            continue
        i += 1
    out.append(cur + ";")
    return out


OP_LABEL = {
    "add": "a+b", "sub": "a-b", "mul": "a*b", "div": "a/b", "adds": "a+s", "sadd": "s+a",
    "subs": "a-s", "ssub": "s-a", "muls": "a*s", "smul": "s*a", "divs": "a/s", "sdiv": "s/a",
    "neg": "-a", "pow_ew": "pow(a,b)", "exp": "exp", "log": "log", "relu": "relu",
    "broadcast_to": "broadcast_to", "reshape": "reshape", "transpose": "transpose",
    "transpose_ij": "transpose<i,j>", "permute": "permute", "matmul": "matmul",
}


def op_label(n):
    if n.op in OP_LABEL:
        lab = OP_LABEL[n.op]
        if n.op in ("add", "sub", "mul", "div", "pow_ew") and n.args[0].shape != n.args[1].shape:
            lab += "(bcast)"
        if n.op == "matmul" and (len(n.args[0].shape) > 2 or len(n.args[1].shape) > 2):
            lab = "matmul(batched)"
        if n.op == "reshape" and (n.shape == () or n.args[0].shape == ()):
            lab = "reshape(rank0)"
        return lab
    if n.op == "pow_s":
        s = n.attr["s"]
        if float(s).is_integer():
            return "pow(a,int)" if s > 0 else "pow(a,negint)"
        return "pow(a,frac)"
    if n.op in ("sum", "mean", "lse"):
        base = {"sum": "sum", "mean": "mean", "lse": "logsumexp"}[n.op]
        ax = n.attr["axes"]
        if ax is None:
            return base + "(all)"
        return base + "<axes>" if len(ax) == 1 else base + "<several axes>"
    return n.op


def check_lines(what, expr, rtol, atol, expected):
    head = "  rnd::check(%s, %s, %s, %s," % (what, expr, fmt_tol(rtol), fmt_tol(atol))
    return [head, "             " + brace_list(expected, "             ", 13) + ");"]


def emit_program(acc, api):
    prog, root = acc.prog, acc.root
    lines = []
    title = "random program %d/%d" % (prog.seed, prog.index)
    lines.append('TEST_CASE("%s", "[random]") {' % title)
    ops = sorted({op_label(n) for n in topo(root) if n.op != "leaf"})
    lines.append("  // depth %d, %d leaves (uses %s), %s" % (
        acc.depth, len(prog.leaves), "/".join(map(str, acc.leaf_uses)), api))
    lines.append("  // ops: " + ", ".join(ops))
    stmts = name_nodes(root, prog.leaves)
    lines.append("  // numpy reference:")
    for nm, n, t in stmts:
        lines.append("  //   %s = %s" % (nm, t["np"][0]))
    for l, v in zip(prog.leaves, acc.x):
        decl = "  eg::variable<double, %s> %s" % (cpp_shape(l.shape), l.attr["name"])
        lines.append(decl + brace_list(v, "   ", len(decl)) + ";")
    for nm, n, t in stmts:
        lines.extend(wrap_statement("auto %s = " % nm, t["cpp"][0]))
    lines.extend(check_lines('"forward"', "eg::eval(out)", FWD_RTOL, acc.fwd_atol, acc.out))
    order = list(range(len(prog.leaves)))
    prog.rng.shuffle(order)
    leaves_txt = ", ".join(prog.leaves[k].attr["name"] for k in order)
    gnames = ["g%d" % k for k in order]
    rank0 = root.shape == ()
    scalar_G = rank0 and api != "vjp"
    if scalar_G:
        gtxt = fmt(float(acc.G))
    else:
        decl = "  eg::constant<double, %s> G" % cpp_shape(root.shape)
        lines.append(decl + brace_list(acc.G, "   ", len(decl)) + ";")
        gtxt = "G"
    loss_txt = "eg::sum(out * %s)" % (gtxt if not gtxt.startswith("-") else "(" + gtxt + ")")
    if api == "vjp":
        lines.append("  auto [%s] = eg::vjp(out, G, %s);" % (", ".join(gnames), leaves_txt))
    elif api == "grad":
        lines.append("  auto [%s] = eg::grad(%s, %s);" % (", ".join(gnames), loss_txt, leaves_txt))
    elif api == "value_and_grad":
        lines.append("  auto [loss, %s] = eg::value_and_grad(%s, %s);" % (
            ", ".join(gnames), loss_txt, leaves_txt))
        lines.append("  rnd::check_scalar(\"loss\", loss, %s, %s, %s);" % (
            fmt_tol(FWD_RTOL), fmt_tol(FWD_SAFETY * acc.err_loss + ABS_FLOOR), fmt(acc.loss)))
    elif api == "compile_grad":
        lines.append("  auto step = eg::compile_grad(%s, %s);" % (loss_txt, leaves_txt))
        lines.append("  step();  // a second call reuses the buffers")
        lines.append("  const auto& [loss, %s] = step();" % ", ".join(gnames))
        lines.append("  rnd::check_scalar(\"loss\", loss, %s, %s, %s);" % (
            fmt_tol(FWD_RTOL), fmt_tol(FWD_SAFETY * acc.err_loss + ABS_FLOOR), fmt(acc.loss)))
    for k in range(len(prog.leaves)):
        g, rtol, atol = acc.grads[k]
        name = prog.leaves[k].attr["name"]
        lines.extend(check_lines('"d loss / d %s"' % name, "g%d" % k, rtol, atol, g))
    if acc.hvp is not None:
        k, V, hv, rtol, atol, ratio = acc.hvp
        leaf = prog.leaves[k]
        name = leaf.attr["name"]
        lines.append("  // Hessian-vector product in direction V (numpy: mixed second differences)")
        decl = "  eg::constant<double, %s> V" % cpp_shape(leaf.shape)
        lines.append(decl + brace_list(V, "   ", len(decl)) + ";")
        hloss = loss_txt if api != "vjp" else "eg::sum(out * G)"
        lines.append("  auto hvp_loss = eg::sum(eg::gradient(%s, %s) * V);" % (hloss, name))
        lines.append("  auto [hv] = eg::grad(hvp_loss, %s);" % name)
        lines.extend(check_lines('"Hessian-vector product, %s"' % name, "hv", rtol, atol, hv))
    lines.append("}")
    return "\n".join(lines) + "\n"


APIS = ["vjp", "grad", "compile_grad", "vjp", "value_and_grad"]


def self_check(acc):
    """The numpy reference text printed in the test equals the node-by-node evaluation."""
    stmts = name_nodes(acc.root, acc.prog.leaves)
    env = dict(NP_ENV)
    for l, v in zip(acc.prog.leaves, acc.x):
        env[l.attr["name"]] = v
    for nm, n, t in stmts:
        env[nm] = eval(t["np"][0], env)
    got = np.asarray(env["out"], dtype=np.float64)
    if got.shape != acc.out.shape or not np.array_equal(got, acc.out):
        raise AssertionError("program %d: numpy text and evaluator disagree" % acc.prog.index)


HEADER = """\
// Generated by tests/random/gen_programs.py --seed {seed} --count {count} --tus {tus}
// (programs {first} to {last}); do not edit. Each TEST_CASE is a random etgrad program whose
// expected values come from a numpy reference (forward), central differences (gradients of
// sum(out * G)) and mixed second differences (Hessian-vector products).
#include "random_support.hpp"
"""


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=20261203)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--tus", type=int, default=8)
    ap.add_argument("--out-dir", default=None)
    ap.add_argument("--only", type=int, default=None, help="generate and print one program")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--skip", default="",
                    help="comma-separated program indices to leave out (e.g. a known "
                         "compile-time outlier, README 'Known limits')")
    ap.add_argument("--hvp-depth", type=int, default=2,
                    help="greatest depth of the second-order programs (2 to 6)")
    ap.add_argument("--hvp-ops", type=int, default=4,
                    help="most ops in a second-order program")
    args = ap.parse_args(argv)
    globals().update(HVP_MAX_DEPTH=args.hvp_depth, HVP_MAX_OPS=args.hvp_ops)
    np.seterr(all="ignore")

    if args.only is not None:
        acc = make_program(args.seed, args.only)
        self_check(acc)
        sys.stdout.write(emit_program(acc, APIS[args.only % len(APIS)]))
        return 0
    if args.out_dir is None:
        ap.error("--out-dir is required")
    if args.tus < 1 or args.count < 0:
        ap.error("--tus must be >= 1 and --count >= 0")
    os.makedirs(args.out_dir, exist_ok=True)
    coverage = {}
    rejects = {}
    worst = 0.0
    bodies = []
    skip = {int(x) for x in args.skip.split(",") if x.strip()}
    for i in range(args.count):
        if i in skip:
            bodies.append("// random program %d/%d left out (--skip)\n" % (args.seed, i))
            continue
        acc = make_program(args.seed, i)
        self_check(acc)
        for n in topo(acc.root):
            if n.op != "leaf":
                lab = op_label(n)
                coverage[lab] = coverage.get(lab, 0) + 1
        for k, v in acc.stats.items():
            rejects[k] = rejects.get(k, 0) + v
        worst = max(worst, acc.worst_fd_ratio)
        bodies.append(emit_program(acc, APIS[i % len(APIS)]))
    for t in range(args.tus):
        lo = t * args.count // args.tus
        hi = (t + 1) * args.count // args.tus
        text = HEADER.format(seed=args.seed, count=args.count, tus=args.tus, first=lo,
                             last=hi - 1)
        text += "\n" + "\n".join(bodies[lo:hi])
        path = os.path.join(args.out_dir, "random_programs_%d.cpp" % t)
        old = None
        if os.path.exists(path):
            with open(path) as f:
                old = f.read()
        if old != text:
            with open(path, "w") as f:
                f.write(text)
    if not args.quiet:
        print("gen_programs: seed %d, %d programs in %d files under %s"
              % (args.seed, args.count, args.tus, args.out_dir))
        print("  op coverage: " + ", ".join("%s %d" % kv for kv in sorted(coverage.items())))
        print("  rejected drafts: " + ", ".join("%s %d" % kv for kv in sorted(rejects.items())))
        print("  worst estimated finite-difference error / tolerance: %.2g" % worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
