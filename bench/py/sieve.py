# sieve: Python twin of bench/sieve.lua (sieve of Eratosthenes, repeated).
import sys

LIMIT = 200000


def sieve(limit):
    composite = [False] * (limit + 1)
    count, total = 0, 0
    for i in range(2, limit + 1):
        if not composite[i]:
            count += 1
            total += i
            for j in range(i * i, limit + 1, i):
                composite[j] = True
    return count, total


reps = int(sys.argv[1]) if len(sys.argv) > 1 else 300
total_count, total_sum = 0, 0
for r in range(1, reps + 1):
    c, s = sieve(LIMIT - r % 2)
    total_count += c
    total_sum += s
print(total_count, total_sum, sep="\t")
