package dev.dbtool.bench;

import dev.dbtool.core.load.LoadedSchema;
import dev.dbtool.core.load.SchemaLoader;
import java.util.Arrays;

/**
 * In-process validate time for synthetic schemas of the given sizes: the first (cold) run, then the median of
 * warm runs. Usage: {@code ValidateScale 100 1000}.
 */
public final class ValidateScale {
    private ValidateScale() {}

    public static void main(String[] args) {
        for (String a : args) {
            int n = Integer.parseInt(a);
            String text = SyntheticSchema.generate(n);
            long t0 = System.nanoTime();
            LoadedSchema cold = SchemaLoader.load("synthetic.prisma", text);
            double coldMs = (System.nanoTime() - t0) / 1e6;
            if (cold.hasErrors()) throw new IllegalStateException("synthetic schema invalid: " + cold.diagnostics().get(0).headline());
            double[] warm = new double[15];
            for (int i = 0; i < warm.length; i++) {
                long t = System.nanoTime();
                SchemaLoader.load("synthetic.prisma", text);
                warm[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(warm);
            System.out.printf("in-process validate, %5d models (%d lines): first run %7.1f ms, warm median %7.1f ms%n",
                    n, text.split("\n").length, coldMs, warm[warm.length / 2]);
        }
    }
}
