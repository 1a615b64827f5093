# torch.nn.init with PyTorch's generator stream: the same seed gives the same bits.
import math
import torch
from torch.nn import init

torch.manual_seed(0)
w = torch.empty(4, 3)
init.kaiming_uniform_(w, a=math.sqrt(5))
print(w.tolist())
init.kaiming_normal_(w, mode='fan_out')
print(w.tolist())
init.xavier_uniform_(w)
print(w.tolist())
init.xavier_normal_(w, gain=2.0)
print(w.tolist())
b = torch.empty(5)
init.uniform_(b, -0.5, 0.5)
print(b.tolist())
init.normal_(b, 1.0, 0.1)
print(b.tolist())
init.constant_(b, 0.3)
print(b)
init.zeros_(w)
print(w)
init.ones_(b)
print(b)
p = torch.empty(3, 2, requires_grad=True)
r = init.kaiming_uniform_(p, nonlinearity='relu')
print(r is p, p.requires_grad, p.grad_fn)
print(init.calculate_gain('relu'), init.calculate_gain('leaky_relu', math.sqrt(5)), init.calculate_gain('tanh'))
torch.manual_seed(0)
print(torch.randperm(100).tolist())
try:
    init.kaiming_uniform_(torch.empty(3))
except ValueError as e:
    print("ValueError:", e)
