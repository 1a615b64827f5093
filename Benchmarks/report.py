"""Joins our lines and the reference's (several rounds each) into the `make bench` table.

usage: report.py OURS REF   (files of tab-separated lines from NNBench and a group script;
each may hold several rounds: the median per figure is used)."""
import statistics
import sys


def read(path):
    rows = {}
    for line in open(path):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2:
            rows.setdefault(parts[0], []).append(parts)
    return rows


def fmt_time(s):
    if s >= 1:
        return f"{s:.3f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.2f} ms"
    return f"{s * 1e6:.1f} us"


def main():
    ours, ref = read(sys.argv[1]), read(sys.argv[2])
    held = total = 0
    for name, rows in ours.items():
        t_ours = statistics.median(float(r[1]) for r in rows)
        flops, target = float(rows[0][2]), rows[0][3]
        if name not in ref:
            print(f"{name:<24} {fmt_time(t_ours):>10} {'-':>10}  no reference")
            continue
        t_ref = statistics.median(float(r[1]) for r in ref[name])
        if target.startswith("rate>="):
            # Throughput ratio: ours / reference, higher is better.
            ratio, bound = t_ref / t_ours, float(target[len("rate>="):])
            ok = ratio >= bound
            want = f">= {bound:g}x"
        elif target.startswith("abs<="):
            # An absolute figure: our time per call under the bound; the ratio is information.
            ratio, bound = t_ours / t_ref, float(target[len("abs<="):])
            ok = t_ours <= bound
            want = f"< {fmt_time(bound)}"
        else:
            ratio, bound = t_ours / t_ref, float(target[len("time<="):])
            ok = ratio <= bound
            want = f"time <= {bound:g}x"
        if flops > 0 and target.startswith("rate>="):
            shown_ours = f"{flops / t_ours / 1e9:.1f} GF/s"
            shown_ref = f"{flops / t_ref / 1e9:.1f} GF/s"
        else:
            shown_ours, shown_ref = fmt_time(t_ours), fmt_time(t_ref)
        total += 1
        held += ok
        print(f"{name:<24} {shown_ours:>12} {shown_ref:>12} {ratio:>7.3f}x  {want:<16} {'ok' if ok else 'MISSED'}")
    print(f"# {held} of {total} targets hold")


if __name__ == "__main__":
    main()
