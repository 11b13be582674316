# binary_trees: Python twin of bench/binary_trees.lua (allocation of many short-lived trees).
import sys


def make(depth):
    if depth == 0:
        return ()
    depth -= 1
    return (make(depth), make(depth))


def check(tree):
    if tree:
        return 1 + check(tree[0]) + check(tree[1])
    return 1


max_depth = int(sys.argv[1]) if len(sys.argv) > 1 else 16
if max_depth < 6:
    max_depth = 6

print("stretch", max_depth + 1, check(make(max_depth + 1)), sep="\t")
long_lived = make(max_depth)
for depth in range(4, max_depth + 1, 2):
    iterations = 2 ** (max_depth - depth + 4)
    total = 0
    for _ in range(iterations):
        total += check(make(depth))
    print("trees", iterations, "depth", depth, "check", total, sep="\t")
print("long lived", max_depth, check(long_lived), sep="\t")
