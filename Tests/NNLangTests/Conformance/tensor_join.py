# cat, stack, where, einsum, matmul/mm functions
a = tensor([[1., 2.], [3., 4.]])
b = tensor([[5., 6.]])
print(cat([a, b]), cat((a, a), dim=1), cat([a, b], 0).shape)
print(stack([a, a]).shape, stack((a[0], a[1]), dim=1))
print(where(a > 2, a, zeros_like(a)), where(a > 2, a, 0.), where(a > 2, 1., 0.))
print(einsum('ij,jk->ik', a, a), einsum('ik,kj->ij', a, a.T), einsum('i,j->ij', a[0], a[1]))
print(einsum('ij->j', a), einsum('ii', a), einsum('bi,bj->ij', a, a))
print(matmul(a, a), mm(a, a.T), matmul(a, tensor([1., 1.])))
print(a.matmul(a), a.mm(a), a[0].dot(a[1]))
try:
    cat([a, zeros(2, 3)])
except RuntimeError as e:
    print("RuntimeError:", e)
