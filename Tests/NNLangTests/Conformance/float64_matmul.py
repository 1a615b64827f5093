# float64 matrix products (dgemm, dgemv, ddot) in every shape case matmul has.
import torch

a = torch.arange(6, dtype=torch.float64).view(2, 3) / 10
b = torch.arange(12, dtype=torch.float64).view(3, 4) / 7
print(a @ b)
# (BLAS libraries may round the last bit differently, so results print at PyTorch's precision.)
print((a @ b).dtype, a.mm(b)[0])
v = torch.tensor([0.1, 0.2, 0.3], dtype=torch.float64)
print(a @ v, v @ b, v @ v, v.dot(v))
print(a.T.t() @ b.T.T)
print(b.T @ a.T)
bt = torch.arange(24, dtype=torch.float64).view(2, 3, 4) / 3
print((bt @ b.T).shape, (bt @ b.T)[1])
print((a @ bt).shape, a @ bt)
print(torch.matmul(bt, torch.ones(4, dtype=torch.float64)))
print(torch.einsum("ij,jk->ik", a, b))
i = torch.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=torch.float64)
print((i @ i).tolist(), (i @ i.T).tolist(), (i.T @ i)[1].tolist())
try:
    a @ b.float()
except RuntimeError as e:
    print("RuntimeError:", e)
