# matplotlib as lesson code draws: lines with labels, histograms, images, grids of axes
import matplotlib as mpl
import matplotlib.pyplot as plt

x = arange(0., 10.)
plt.plot(x, x * x, label='square')
plt.plot(x, x * 2, label='double')
plt.title('growth')
plt.xlabel('x')
plt.ylabel('y')
plt.legend()
plt.show()

plt.plot([0.5, 0.25, 0.125])
plt.show()
plt.show()  # nothing open: nothing drawn

mpl.rcParams['image.cmap'] = 'gray'
plt.imshow(arange(12.).view(3, 4))
plt.show()
plt.imshow(ones(2, 2), cmap='viridis')
plt.show()

fig, axs = plt.subplots(2, 2, figsize=(8, 6))
axs[0][0].plot([1, 2, 3])
axs[0][1].hist(tensor([0., 1., 1., 2., 2., 2., 3.]), bins=4)
axs[1][0].imshow(eye(3))
axs[1][0].set_title('identity')
fig.suptitle('a grid')
plt.show()

fig, axs = plt.subplots(1, 3)
for i, ax in enumerate(axs):
    ax.plot([float(i), float(i + 1)])
plt.show()

losses = [tensor(2.5), tensor(1.25), tensor(0.75)]
plt.plot(losses)
plt.show()
try:
    plt.plot([1, 2], [1, 2, 3])
except ValueError as e:
    print('ValueError:', e)
plt.close()
