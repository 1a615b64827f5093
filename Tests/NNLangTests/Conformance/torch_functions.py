# Tensor API beyond lesson 8: softmax family, losses, gather/scatter, scans, sort/topk,
# split/chunk, lerp, indexing by range, randperm, storage.
import torch
import torch.nn.functional as F

x = torch.tensor([[1., 2., 3.], [1., -1., 0.5]])
print(x.logsumexp(-1), x.logsumexp(0, keepdim=True), torch.logsumexp(x, dim=1))
print(x.softmax(-1), torch.softmax(x, 0))
print(x.log_softmax(dim=1), F.log_softmax(x, dim=-1))
print(F.softmax(x, dim=1).tolist())
big = torch.tensor([[1000., 0.], [-1000., -1000.]])
print(big.logsumexp(1), big.log_softmax(1), big.softmax(1))
try:
    x.logsumexp()
except TypeError as e:
    print("TypeError:", e)

target = torch.tensor([2, 0])
print(F.nll_loss(x.log_softmax(-1), target), F.cross_entropy(x, target))
print(F.cross_entropy(x, target, reduction='sum'), F.cross_entropy(x, target, reduction='none'))
print(-x.log_softmax(-1)[range(2), target].mean())
print(x[range(2), target], x[[0, 1], [1, 2]], x[range(1, 2)], x[:, range(0, 3, 2)])
print(F.mse_loss(x, torch.zeros(2, 3)), F.mse_loss(x, torch.ones(2, 3), reduction='sum'))
for bad in [torch.tensor([2., 0.]), torch.tensor([3, 0]), torch.tensor([0, 1, 2])]:
    try:
        F.cross_entropy(x, bad)
    except (RuntimeError, IndexError, ValueError) as e:
        print(type(e).__name__ + ":", e)

idx = torch.tensor([[0, 0], [1, 0]])
print(torch.gather(x, 1, idx), x.gather(0, torch.tensor([[1, 0, 1]])))
z = torch.zeros(3, 4)
print(z.scatter_(1, torch.tensor([[1], [3], [0]]), 1.0))
print(torch.zeros(2, 3).scatter_(0, torch.tensor([[1, 0, 1]]), torch.tensor([[5., 6., 7.]])))
print(torch.zeros(5).scatter_add_(0, torch.tensor([0, 1, 0, 4]), torch.ones(4)))
try:
    x.gather(1, torch.tensor([[3], [0]]))
except RuntimeError as e:
    print("RuntimeError:", e)

print(torch.arange(5).cumsum(0), x.cumsum(1), torch.cumsum(x, dim=0))
v = torch.tensor([3., 1., 2., 1.])
print(v.sort())
print(v.sort(descending=True).indices, torch.sort(x, dim=0).values)
print(v.topk(2))
print(x.topk(1, dim=1, largest=False))
vals, inds = v.max(0)
print(vals, inds)
print(torch.arange(7).split(3), torch.arange(6).view(2, 3).split([1, 2], dim=1))
print(torch.arange(7).chunk(3), torch.arange(5).chunk(2))
print(torch.lerp(torch.zeros(3), torch.tensor([1., 2., 4.]), 0.25), torch.zeros(2).lerp(torch.ones(2), 0.75))
s = torch.tensor([1., 2., 3.]).expand(2, 3).storage()
print(s)
print(len(s), s[1])
print(torch.arange(3).storage())
print(torch.randperm(10), torch.randperm(1), torch.randperm(0))
torch.manual_seed(42)
print(torch.randperm(20).tolist())
