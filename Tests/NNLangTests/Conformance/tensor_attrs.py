# dtype, T, strides, contiguity, user attributes
x = arange(6).reshape(2, 3)
print(x.dtype, x.float().dtype, x.bool().dtype, x.long().dtype)
print(x.dtype == int64, x.float().dtype == float32, float32, int64)
print(x.T, x.T.shape, x.t().is_contiguous(), x.is_contiguous())
print(x.stride(), x.T.stride(), x.stride(0), x.storage_offset(), x[1].storage_offset())
print(x.T.contiguous().stride())
y = x.float()
y.g = 3
y.label = "hello"
print(y.g, y.label)
y.g = y * 2
print(y.g)
print(x.float().data)
print(x.tolist(), tensor(2.5).tolist(), tensor([True]).tolist())
