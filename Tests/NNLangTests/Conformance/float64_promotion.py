# PyTorch's type promotion with float64: dimensioned tensors decide, a 0-d tensor or a Python
# number only when it is of a higher kind, and a Python float keeps a float64 tensor's dtype.
import torch

d = torch.tensor([1.0, 2.0], dtype=torch.float64)
f = torch.tensor([1.0, 2.0])
i = torch.tensor([1, 2])
b = torch.tensor([True, False])
print((d + f).dtype, (f * d).dtype, (d - i).dtype, (i / d).dtype, (b + d).dtype)
print((d + 1).dtype, (d * 2.5).dtype, (d / 3).dtype, (2 ** d).dtype, (d ** 2).dtype)
print((i * 2.5).dtype, (i / 2).dtype, (b + 0.5).dtype)
s = torch.tensor(1.5, dtype=torch.float64)
print((f + s).dtype, (i + s).dtype, (b * s).dtype, (s + torch.tensor(1.5)).dtype, (s * 2).dtype)
print((torch.tensor(2) + s).dtype, (torch.tensor(2.0) * s).dtype)
print((d * 0.1).tolist(), (0.1 * d).tolist(), (d + 0.1).tolist(), (d - 0.1).tolist(), (d / 0.1).tolist())
print((f * 0.1).tolist())
print((d > 1.5), (d == f), (i < d), (d >= 0.1))
print(torch.where(d > 1, d, 0.1).tolist(), torch.where(d > 1, 0.1, d).dtype, torch.where(d > 1, d, f).dtype)
print(torch.cat([d, f]).dtype, torch.cat([f, i.double()]).dtype, torch.stack([d, d]).dtype)
print(torch.maximum(d, f).dtype, torch.minimum(f, d).dtype, d.clamp(min=0.1, max=1.3).tolist())
x = f.clone()
x += d
print(x, x.dtype)
y = d.clone()
y *= f
y += 0.1
print(y.tolist(), y.dtype)
z = i.clone()
try:
    z += d
except RuntimeError as e:
    print("RuntimeError:", e)
print(d.mean().dtype, i.double().mean().dtype, d.sum().dtype)
