# views share storage; reshape, squeeze, unsqueeze, permute, expand
x = arange(12.)
v = x.view(3, 4)
v[0, 0] = 100.
print(x[0], v.shape, x.view((2, 6)).shape, x.view(-1, 3).shape, x.reshape(2, -1).shape)
print(v.unsqueeze(0).shape, v.unsqueeze(-1).shape, v.unsqueeze(1).shape)
print(v.unsqueeze(0).squeeze().shape, zeros(1, 3, 1).squeeze(0).shape, zeros(1, 3, 1).squeeze(-1).shape)
print(v.t().shape, v.transpose(0, 1).shape, zeros(2, 3, 4).permute(2, 0, 1).shape, zeros(2, 3, 4).permute((1, 2, 0)).shape)
c = tensor([10., 20., 30.])
e = c.expand(3, 3)
print(e, e.stride())
print(c.expand_as(zeros(2, 3)), c.expand(2, -1).shape)
print(v.T.is_contiguous(), v.T.contiguous().is_contiguous(), v.T.reshape(12).shape)
try:
    v.T.view(12)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    x.view(5, 3)
except RuntimeError as e:
    print("RuntimeError:", e)
k = v.clone()
k[0, 0] = -1.
print(v[0, 0], k[0, 0], v.flatten().shape, zeros(2, 3, 4).flatten(1).shape)
print(v.detach().requires_grad, v.view_as(zeros(4, 3)).shape, v.reshape_as(zeros(6, 2)).shape)
