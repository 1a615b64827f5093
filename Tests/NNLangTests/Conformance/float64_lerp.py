# lerp on float64 tensors with a number weight, both sides of PyTorch's 0.5 switch, and its
# gradient; ends of two dtypes, or integer tensors, are PyTorch's errors.
import torch

a = torch.tensor([0.1, -2.5, 3.0, 1e-3], dtype=torch.float64, requires_grad=True)
b = torch.tensor([1.7, 0.3, -4.0, 2.0], dtype=torch.float64, requires_grad=True)
for w in [0.0, 0.25, 0.3, 0.5, 0.75, 1.0, 1.5, -0.5]:
    print(w, torch.lerp(a, b, w).tolist())
out = a.lerp(b, 0.3)
print(out)
out.sum().backward()
print(a.grad.tolist(), b.grad.tolist())
c = torch.tensor([1.0, 2.0], dtype=torch.float64)
c.lerp_(torch.tensor([3.0, 5.0], dtype=torch.float64), 0.1)
print(c.tolist(), c.dtype)
print(torch.lerp(torch.tensor([0.1], dtype=torch.float64), torch.tensor([0.7], dtype=torch.float64), 1 / 3).item())
for x, y in [(c, c.float()), (c.float(), c), (torch.tensor([1, 2]), torch.tensor([3, 4]))]:
    try:
        torch.lerp(x, y, 0.5)
    except (RuntimeError, NotImplementedError) as e:
        print(type(e).__name__, e)
