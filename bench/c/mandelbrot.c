/* mandelbrot: C twin of bench/mandelbrot.lua (escape-time iteration over an n-by-n grid). */
#include <stdio.h>
#include <stdlib.h>

enum { LIMIT = 50 };

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1800;
	long inside = 0, iters = 0;

	for (long y = 0; y < n; y++) {
		double ci = 2.0 * y / n - 1.0;
		for (long x = 0; x < n; x++) {
			double cr = 2.0 * x / n - 1.5;
			double zr = 0.0, zi = 0.0;
			int k = 0;
			while (k < LIMIT) {
				double zr2 = zr * zr, zi2 = zi * zi;
				if (zr2 + zi2 > 4.0)
					break;
				zi = 2.0 * zr * zi + ci;
				zr = zr2 - zi2 + cr;
				k++;
			}
			if (k == LIMIT)
				inside++;
			iters += k;
		}
	}
	printf("%ld\t%ld\n", inside, iters);
	return 0;
}
