# optim.SGD/Adam and torch.utils.data with PyTorch's arithmetic and shuffling order (losses and
# weights printed rounded: small matmuls may differ from MKL's in the last bit).
import torch
from torch import nn, optim
import torch.nn.functional as F
from torch.utils.data import Dataset, TensorDataset, DataLoader, RandomSampler, SequentialSampler, BatchSampler

torch.manual_seed(0)
x = torch.randn(20, 3)
y = torch.randint(0, 2, (20,))
ds = TensorDataset(x, y)
print(len(ds), ds[3][1], type(ds[3]).__name__)
dl = DataLoader(ds, batch_size=8, shuffle=True)
print(len(dl))
for xb, yb in dl:
    print(xb.shape, yb.tolist())
print(torch.randn(2).tolist())
print([b[1].tolist() for b in DataLoader(ds, batch_size=6, drop_last=True)])
print(list(BatchSampler(SequentialSampler(range(7)), 3, False)))
print(list(BatchSampler(SequentialSampler(range(7)), 3, True)))
torch.manual_seed(5)
print(list(RandomSampler(range(6))))


class Squares(Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return torch.tensor([float(i)]), i * i


for xb, yb in DataLoader(Squares(5), batch_size=2):
    print(xb.tolist(), yb)
print(next(iter(DataLoader(Squares(4), batch_size=3, collate_fn=lambda b: len(b)))))

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
opt = optim.SGD(model.parameters(), lr=0.1)
print(opt.param_groups[0]['lr'], len(opt.param_groups[0]['params']))
for xb, yb in DataLoader(ds, batch_size=5, shuffle=True):
    loss = F.cross_entropy(model(xb), yb)
    loss.backward()
    opt.step()
    opt.zero_grad()
    print(f"{loss.item():.5f}")
print(model[0].weight)
print(model[0].weight.grad)

opt = optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=1e-2)
for i in range(3):
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    opt.step()
    opt.zero_grad()
    print(f"{loss.item():.5f}")
print(model[2].bias)

opt = optim.Adam(model.parameters(), lr=0.01)
for i in range(3):
    loss = F.mse_loss(model(x), torch.zeros(20, 2))
    loss.backward()
    opt.step()
    opt.zero_grad()
    print(f"{loss.item():.5f}")
print(model[2].weight)
opt.param_groups[0]['lr'] = 0.5
print(opt.param_groups[0]['lr'], opt.param_groups[0]['betas'])
try:
    optim.SGD([], lr=0.1)
except ValueError as e:
    print("ValueError:", e)
it = iter(DataLoader(ds, batch_size=20))
print(len(next(it)[0]))
try:
    next(it)
except StopIteration:
    print("StopIteration")
print(torch.randn(1).tolist())
