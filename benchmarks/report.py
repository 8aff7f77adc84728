#!/usr/bin/python3
"""Ratios from Google Benchmark JSON output of etgrad_bench.

Benchmarks are named BM_<case>/<impl>/<size> with impl one of etgrad, hand, torch; runs of one
case and size are paired. For each pair it reports etgrad/hand (the target is <= 1.10) and, when
libtorch was compiled in, torch/etgrad, plus the heap allocations per iteration of each side.

  etgrad_bench --benchmark_out=bench.json --benchmark_out_format=json
  /usr/bin/python3 benchmarks/report.py bench.json --markdown bench.md --plot bench.png
  /usr/bin/python3 benchmarks/report.py bench.json --summary

With --benchmark_repetitions the median of the repetitions is used (aggregates, or the raw
repetitions when only those were written). Times are CPU times by default (--time real for wall
clock): the machines are shared, and CPU time is less disturbed by other processes.
"""

import argparse
import json
import re
import statistics
import sys
from collections import OrderedDict

IMPLS = ("etgrad", "hand", "torch")
# Cases in the order of the issue; any other case follows, alphabetically.
CASE_ORDER = ("BM_sum_exp_mul", "BM_sum_axis1", "BM_mlp", "BM_bmm", "BM_chain_n4096")


def order_key(key):
    """(case, size) sort key: known cases first in their order, sizes in natural order."""
    case, size = key
    rank = CASE_ORDER.index(case) if case in CASE_ORDER else len(CASE_ORDER)
    natural = tuple((0, int(t), "") if t.isdigit() else (1, 0, t) for t in re.findall(r"\d+|\D+", size))
    return (rank, case, natural)
TO_NS = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


def load(paths):
    """Returns (context, OrderedDict key -> {impl: {"ns": time, "allocs": n}})."""
    context = {}
    samples = OrderedDict()  # (case, size) -> impl -> list of (ns, allocs)
    aggregates = {}  # (case, size, impl) -> (ns, allocs) from a "median" (or "mean") aggregate
    agg_rank = {}
    for path in paths:
        with open(path) as f:
            doc = json.load(f)
        context = context or doc.get("context", {})
        for b in doc.get("benchmarks", []):
            name = b.get("run_name") or b["name"]
            parts = name.split("/")
            if len(parts) < 3 or parts[1] not in IMPLS:
                continue
            case, impl, size = parts[0], parts[1], "/".join(parts[2:])
            if b.get("error_occurred"):
                print(f"report.py: {b['name']} failed: {b.get('error_message', '?')}", file=sys.stderr)
                continue
            key = (case, size)
            samples.setdefault(key, {})
            unit = TO_NS[b.get("time_unit", "ns")]
            value = (b[time_field] * unit, b.get("allocs_per_iter"))
            if b.get("run_type") == "aggregate":
                rank = {"median": 0, "mean": 1}.get(b.get("aggregate_name"))
                if rank is not None and rank < agg_rank.get((case, size, impl), 99):
                    aggregates[(case, size, impl)] = value
                    agg_rank[(case, size, impl)] = rank
            else:
                samples[key].setdefault(impl, []).append(value)
    table = OrderedDict()
    for key, by_impl in sorted(samples.items(), key=lambda kv: order_key(kv[0])):
        row = {}
        for impl in IMPLS:
            if (key[0], key[1], impl) in aggregates:
                ns, allocs = aggregates[(key[0], key[1], impl)]
            elif by_impl.get(impl):
                ns = statistics.median(v[0] for v in by_impl[impl])
                allocs = max((v[1] for v in by_impl[impl] if v[1] is not None), default=None)
            else:
                continue
            row[impl] = {"ns": ns, "allocs": allocs}
        if row:
            table[key] = row
    # allocs of aggregate-only runs: the aggregates carry the counter too
    return context, table


def fmt_time(ns):
    if ns is None:
        return "-"
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("us", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def fmt_ratio(r):
    return "-" if r is None else f"{r:.2f}"


def fmt_allocs(a):
    if a is None:
        return "-"
    return f"{a:.0f}" if abs(a - round(a)) < 1e-9 else f"{a:.2f}"


def ratios(row):
    e = row.get("etgrad", {}).get("ns")
    h = row.get("hand", {}).get("ns")
    t = row.get("torch", {}).get("ns")
    eh = e / h if e and h else None
    te = t / e if t and e else None
    return eh, te


def rows(table, target):
    out = []
    for (case, size), row in table.items():
        eh, te = ratios(row)
        verdict = "-" if eh is None else ("yes" if eh <= target else "**no**")
        out.append({
            "case": case.removeprefix("BM_"),
            "size": size,
            "etgrad": fmt_time(row.get("etgrad", {}).get("ns")),
            "hand": fmt_time(row.get("hand", {}).get("ns")),
            "torch": fmt_time(row.get("torch", {}).get("ns")),
            "eh": eh,
            "te": te,
            "verdict": verdict,
            "allocs": "/".join(fmt_allocs(row.get(i, {}).get("allocs")) for i in IMPLS
                               if i in row),
            "allocs_impls": "/".join(i for i in IMPLS if i in row),
        })
    return out


def markdown(context, table, target, time_name):
    has_torch = any("torch" in r for r in table.values())
    lines = []
    host = context.get("host_name", "?")
    cpus = context.get("num_cpus", "?")
    mhz = context.get("mhz_per_cpu", "?")
    lines.append(f"GEMM: {context.get('gemm', '?')}.")
    lines.append("")
    lines.append(f"Run {context.get('date', '?')} on {host} ({cpus} CPUs, {mhz} MHz); "
                 f"compiler: {context.get('compiler', '?')}; flags: {context.get('flags', '?')}; "
                 f"libtorch: {context.get('libtorch', '?')}; times: {time_name} time, median "
                 f"of the repetitions when there are several.")
    lines.append("")
    head = ["case", "size", "etgrad", "hand"]
    if has_torch:
        head.append("torch")
    head += ["etgrad/hand", f"<= {target:.2f}"]
    if has_torch:
        head.append("torch/etgrad")
    head.append("allocs/iter (" + "/".join(i for i in IMPLS if i != "torch" or has_torch) + ")")
    lines.append("| " + " | ".join(head) + " |")
    lines.append("|" + "|".join("---" if i < 2 else "---:" for i in range(len(head))) + "|")
    for r in rows(table, target):
        cells = [r["case"], r["size"], r["etgrad"], r["hand"]]
        if has_torch:
            cells.append(r["torch"])
        cells += [fmt_ratio(r["eh"]), r["verdict"]]
        if has_torch:
            cells.append(fmt_ratio(r["te"]))
        cells.append(r["allocs"])
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    lines.extend(torch_targets(table))
    return "\n".join(lines) + "\n"


# libtorch / etgrad targets of the benchmark issue: >= 20 for the small cases (N <= 1024),
# >= 1.5 for the B=64 network step.
def torch_targets(table):
    small, net = [], None
    for (case, size), row in table.items():
        _, te = ratios(row)
        if te is None:
            continue
        n = [int(t) for t in re.findall(r"\d+", size)]
        if case == "BM_mlp" and n and n[0] == 64:
            net = te
        elif size.isdigit() and int(size) <= 1024:  # an N-sized case (case 1)
            small.append((f"{case.removeprefix('BM_')} {size}", te))
    if not small and net is None:
        return []
    out = []
    if small:
        low = [f"{name} ({te:.1f})" for name, te in small if te < 20]
        out.append(f"torch/etgrad >= 20 at N <= 1024: {len(small) - len(low)} of {len(small)} "
                   f"cases" + (f"; below: {', '.join(low)}" if low else ""))
    if net is not None:
        out.append(f"torch/etgrad >= 1.5 on the B=64 network step: {net:.2f} "
                   f"({'met' if net >= 1.5 else 'missed'})")
    return out


def summary(table, target, context):
    rs = rows(table, target)
    has_torch = any(r["te"] is not None for r in rs)
    head = ["case", "size", "etgrad", "hand", "e/h", "ok"]
    if has_torch:
        head += ["torch", "t/e"]
    head.append("allocs")
    body = []
    gemm = f"GEMM: {context.get('gemm', '?')}"
    for r in rs:
        cells = [r["case"], r["size"], r["etgrad"], r["hand"], fmt_ratio(r["eh"]),
                 "" if r["verdict"] == "-" else ("ok" if r["verdict"] == "yes" else "MISS")]
        if has_torch:
            cells += [r["torch"], fmt_ratio(r["te"])]
        cells.append(r["allocs"])
        body.append(cells)
    widths = [max(len(str(x)) for x in col) for col in zip(head, *body)]
    out = [gemm]
    for i, cells in enumerate([head] + body):
        out.append("  ".join(str(c).rjust(w) if j >= 2 else str(c).ljust(w)
                             for j, (c, w) in enumerate(zip(cells, widths))).rstrip())
        if i == 0:
            out.append("  ".join("-" * w for w in widths))
    misses = sum(1 for r in rs if r["verdict"] == "**no**")
    out.append("")
    out.append(f"{misses} of {sum(1 for r in rs if r['eh'] is not None)} cases miss "
               f"etgrad/hand <= {target:.2f}; allocs = heap allocations per iteration "
               f"(etgrad/hand[/torch])")
    out.extend(torch_targets(table))
    return "\n".join(out) + "\n"


def plot(table, target, path, time_name, context):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels, eh, te = [], [], []
    for (case, size), row in table.items():
        a, b = ratios(row)
        labels.append(f"{case.removeprefix('BM_')}\n{size}")
        eh.append(a if a is not None else float("nan"))
        te.append(b if b is not None else float("nan"))
    has_torch = any(x == x for x in te)
    n = len(labels)
    width = 0.4 if has_torch else 0.6
    fig, ax = plt.subplots(figsize=(max(8, 0.75 * n + 2), 5.5))
    xs = range(n)
    bars = ax.bar([x - (width / 2 if has_torch else 0) for x in xs], eh, width,
                  label=f"etgrad / hand (green: <= {target:.2f})", color=["#2b8a3e" if v <= target else "#c92a2a" for v in eh])
    if has_torch:
        ax.bar([x + width / 2 for x in xs], te, width, label="torch / etgrad", color="#1c7ed6")
    for b, v in zip(bars, eh):
        if v == v:
            ax.annotate(f"{v:.2f}", (b.get_x() + b.get_width() / 2, v), ha="center",
                        va="bottom", fontsize=7)
    ax.axhline(1.0, color="black", linewidth=0.8)
    ax.axhline(target, color="#c92a2a", linewidth=0.8, linestyle="--",
               label=f"target etgrad/hand = {target:.2f}")
    ax.set_yscale("log")
    ax.set_ylabel(f"time ratio ({time_name} time, log scale)")
    ax.set_xticks(list(xs))
    ax.set_xticklabels(labels, fontsize=7, rotation=45, ha="right")
    ax.set_title("etgrad vs hand-written Eigen (and libtorch): forward + backward, float32, "
                 f"1 thread\nGEMM: {context.get('gemm', '?')}", fontsize=10)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("json", nargs="+", help="Google Benchmark JSON output file(s)")
    p.add_argument("--markdown", metavar="OUT.md", help="write the markdown table here")
    p.add_argument("--plot", metavar="OUT.png", help="write a bar plot of the ratios here")
    p.add_argument("--summary", action="store_true", help="print a plain-text table")
    p.add_argument("--time", choices=("cpu", "real"), default="cpu")
    p.add_argument("--target", type=float, default=1.10, help="etgrad/hand target (1.10)")
    args = p.parse_args()

    global time_field
    time_field = "cpu_time" if args.time == "cpu" else "real_time"
    context, table = load(args.json)
    if not table:
        sys.exit("report.py: no BM_<case>/<etgrad|hand|torch>/<size> benchmarks in the input")
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(markdown(context, table, args.target, args.time))
    if args.plot:
        plot(table, args.target, args.plot, args.time, context)
    if args.summary:
        sys.stdout.write(summary(table, args.target, context))
    if not (args.markdown or args.plot or args.summary):
        sys.stdout.write(markdown(context, table, args.target, args.time))


time_field = "cpu_time"

if __name__ == "__main__":
    main()
