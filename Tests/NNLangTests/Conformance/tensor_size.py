# shape is a Size: compares, indexes, slices, unpacks, iterates
x = zeros(5, 10)
print(x.shape, x.size(), x.size(1), x.size(-1), x.ndim, x.dim(), x.numel())
print(x.shape == (5, 10), x.shape != (5, 10), x.shape == (5, 9), x.shape == [5, 10])
print(len(x.shape), x.shape[0], x.shape[-1], x.shape[1:])
r, c = x.shape
print(r, c)
print([d for d in x.shape], list(x.shape), tuple(x.shape))
print(x.shape + (1,))
print(isinstance(x.shape, tuple), 5 in x.shape, 7 in x.shape)
print(zeros(()).shape, tensor(1.).shape, x.shape.numel())
print(f"{x.shape}")
print(str(x.shape), repr(x.shape))
