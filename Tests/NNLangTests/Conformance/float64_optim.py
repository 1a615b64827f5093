# Optimizer steps on float64 parameters: SGD (plain, momentum, dampening, nesterov, weight
# decay) and Adam (with weight decay) update in double, as PyTorch's foreach-free CPU path.
# (b is printed to 12 digits: PyTorch's compiler fuses Adam's addcmul into one multiply-add
# on elements its vector loop leaves over, and nnbook does not, so b's last bit may differ.)
import torch
from torch import nn, optim

def run(make, steps=3):
    torch.manual_seed(0)
    w = nn.Parameter(torch.randn(4, 3, dtype=torch.float64))
    b = nn.Parameter(torch.zeros(3, dtype=torch.float64))
    x = torch.randn(4, 3, dtype=torch.float64)
    opt = make([w, b])
    for _ in range(steps):
        opt.zero_grad()
        loss = ((x * w + b) ** 2).mean()
        loss.backward()
        opt.step()
    print(w.dtype, loss.item(), w[0].tolist(), [round(v, 12) for v in b.tolist()])

run(lambda ps: optim.SGD(ps, lr=0.1))
run(lambda ps: optim.SGD(ps, lr=0.1, momentum=0.9))
run(lambda ps: optim.SGD(ps, lr=0.05, momentum=0.9, dampening=0.1, weight_decay=0.01))
run(lambda ps: optim.SGD(ps, lr=0.05, momentum=0.5, nesterov=True))
run(lambda ps: optim.Adam(ps, lr=0.01))
run(lambda ps: optim.Adam(ps, lr=0.01, betas=(0.8, 0.99), weight_decay=0.1), steps=5)

# A float64 model: nn.Linear(...).double() trained through cross_entropy (its matmuls run
# in OpenBLAS here and MKL in PyTorch, so only the dtypes and shapes are printed).
torch.manual_seed(1)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2)).double()
opt = optim.SGD(model.parameters(), lr=0.5, momentum=0.9)
xb = torch.randn(6, 3, dtype=torch.float64)
yb = torch.tensor([0, 1, 1, 0, 1, 0])
for _ in range(2):
    loss = nn.functional.cross_entropy(model(xb), yb)
    loss.backward()
    opt.step()
    opt.zero_grad()
print(loss.dtype, model[0].weight.dtype, model[2].bias.dtype, model[2].bias.grad)
print(model.float()[0].weight.dtype, model[0].weight.shape)
