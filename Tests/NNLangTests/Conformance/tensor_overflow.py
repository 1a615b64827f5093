# sizes and strides past 2**63 are errors worded as PyTorch's, never crashes; huge empty shapes work
B = 2**62
cases = [
    ("zeros(1, B, 0, 3)", lambda: zeros(1, B, 0, 3)),
    ("zeros(B, B, 0)", lambda: zeros(B, B, 0)),
    ("zeros(0, B, B)", lambda: zeros(0, B, B)),
    ("zeros(2**61)", lambda: zeros(2**61)),
    ("zeros(0).view(1, B, 0, 3)", lambda: zeros(0).view(1, B, 0, 3)),
    ("zeros(1).expand(B, B)", lambda: zeros(1).expand(B, B)),
    ("zeros(B, 0, B).sum(1)", lambda: zeros(B, 0, B).sum(1)),
    ("randint(0, 5, (0, B, B))", lambda: randint(0, 5, (0, B, B))),
    ("eye(B, B)", lambda: eye(B, B)),
    ("cat([zeros(B, 0), zeros(B, 0)], 0)", lambda: cat([zeros(B, 0), zeros(B, 0)], 0)),
    ("zeros(B, 0).tolist()", lambda: zeros(B, 0).tolist()),
    ("zeros(3)[None].expand(B, 3)", lambda: zeros(3)[None].expand(B, 3)),
    ("zeros(B, 0) @ zeros(0, B)", lambda: zeros(B, 0) @ zeros(0, B)),
    ("zeros(B, 0, B)", lambda: zeros(B, 0, B)),
    ("zeros(0).reshape(B, 0, 4)", lambda: zeros(0).reshape(B, 0, 4)),
    ("zeros(0, 2).expand(B, 0, 2)", lambda: zeros(0, 2).expand(B, 0, 2)),
    ("ones(B, 0).sum(0)", lambda: ones(B, 0).sum(0)),
    ("full((B, 0, B), 2.0)", lambda: full((B, 0, B), 2.0)),
    ("cat([zeros(B, 0), zeros(B, 0)], 1)", lambda: cat([zeros(B, 0), zeros(B, 0)], 1)),
    ("zeros(B, 0)[::2]", lambda: zeros(B, 0)[::2]),
    ("zeros(B, 0).mean(0)", lambda: zeros(B, 0).mean(0)),
    ("zeros(0, B) @ zeros(B, 0)", lambda: zeros(0, B) @ zeros(B, 0)),
    ("ones(B, 0) + ones(B, 0)", lambda: ones(B, 0) + ones(B, 0)),
    ("zeros(3, 0, 2).tolist()", lambda: zeros(3, 0, 2).tolist()),
    ("zeros(1, 1, 0, 1).expand(1, B, 0, 3).contiguous()", lambda: zeros(1, 1, 0, 1).expand(1, B, 0, 3).contiguous()),
    ("zeros(2, 0, 2).permute(2, 0, 1).contiguous()", lambda: zeros(2, 0, 2).permute(2, 0, 1).contiguous()),
]
for name, f in cases:
    try:
        t = f()
        print(name, "->", list(t.shape) if hasattr(t, "shape") else t, t.stride() if hasattr(t, "stride") else "")
    except (RuntimeError, MemoryError) as e:
        print(name, "->", type(e).__name__ + ":", e)
# a tensor with no elements is contiguous whatever its strides
print(zeros(3, 0).t().is_contiguous(), zeros(0, 3)[:, ::2].is_contiguous())
