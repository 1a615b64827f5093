# Issue 13: one epoch of the lesson MLP (784-50-10, batch 64, SGD through nn.Module, DataLoader
# and F.cross_entropy), the `torch_mlp_epoch` figure of the `pytorch` group. The same text runs
# under nnbook (Sources/NNBench/TorchBenches.swift) and under CPython + PyTorch with the prelude's
# get_data() (Benchmarks/pytorch.py); bench() is one epoch, the set-up is not timed.
import torch
from torch import nn, optim
import torch.nn.functional as F
from torch.utils.data import TensorDataset, DataLoader

torch.manual_seed(0)
x_train, y_train, x_valid, y_valid = get_data()


class Model(nn.Module):
    def __init__(self, n_in, nh, n_out):
        super().__init__()
        self.l1 = nn.Linear(n_in, nh)
        self.l2 = nn.Linear(nh, n_out)

    def forward(self, x):
        return self.l2(F.relu(self.l1(x)))


model = Model(784, 50, 10)
opt = optim.SGD(model.parameters(), lr=0.5)
train_dl = DataLoader(TensorDataset(x_train, y_train), batch_size=64, shuffle=True)


def bench():
    for xb, yb in train_dl:
        loss = F.cross_entropy(model(xb), yb)
        loss.backward()
        opt.step()
        opt.zero_grad()
    return loss
