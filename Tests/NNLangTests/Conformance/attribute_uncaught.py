class Node:
    def __init__(self, value):
        self.value = value
        self.next = None
n = Node(1)
print(n.value)
print(n.next.value)
