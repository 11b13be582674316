/* matmul: C twin of bench/matmul.lua (dense matrix multiplication, b transposed first). */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 560;
	double *a = malloc(n * n * sizeof *a), *bt = malloc(n * n * sizeof *bt);
	double *c = malloc(n * n * sizeof *c);
	double trace = 0.0, total = 0.0;

	/* Entries use the Lua program's 1-based i, j; bt[j][i] holds b[i][j]. */
	for (long i = 1; i <= n; i++)
		for (long j = 1; j <= n; j++) {
			a[(i - 1) * n + (j - 1)] = (double)((i - j) * (i + j)) / n / n;
			bt[(j - 1) * n + (i - 1)] = (double)((i * 3 + j) % 7) / 7.0;
		}
	for (long i = 0; i < n; i++)
		for (long j = 0; j < n; j++) {
			double s = 0.0;
			for (long k = 0; k < n; k++)
				s = s + a[i * n + k] * bt[j * n + k];
			c[i * n + j] = s;
		}
	for (long i = 0; i < n; i++) {
		trace = trace + c[i * n + i];
		for (long j = 0; j < n; j++)
			total = total + c[i * n + j];
	}
	printf("%.9f %.9f\n", trace, total);
	free(a);
	free(bt);
	free(c);
	return 0;
}
