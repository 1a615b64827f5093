# What the course notebooks call beyond the plain API list, and the names PyTorch lesson code
# imports by convention, which are in scope without the import (as `math` is).
print(torch.__name__, nn is torch.nn, F is torch.nn.functional, optim is torch.optim, plt.__name__, mpl.__name__)
print(nn.Linear.__name__, F.relu.__name__, optim.SGD.__name__)

x = torch.tensor([[0., 1.], [2., 0.]])
print(x.nonzero())
print(torch.nonzero(x > 1))
pcts = torch.cumsum(torch.tensor([0., 0.3, 0.7]), 0)
print((torch.tensor(0.5) >= pcts).nonzero().max())
print(torch.tensor(3.).nonzero().shape, torch.tensor(0.).nonzero().shape, torch.zeros(2, 3).nonzero().shape)
print(torch.all(x >= 0), torch.any(x > 1), torch.all(x > 0), torch.any(torch.zeros(3)))

w = torch.tensor([[1., 0.], [0., 1.], [1., 1.]])
b = torch.tensor([1., 2., 3.])
print(F.linear(torch.tensor([[1., 2.]]), w, b))
print(F.linear(torch.tensor([3., 4.]), w), F.linear(torch.ones(1, 2), w, bias=None).shape)
torch.manual_seed(0)
lin = nn.Linear(2, 3)
xin = torch.randn(4, 2)
print(torch.equal(F.linear(xin, lin.weight, lin.bias), lin(xin)))
