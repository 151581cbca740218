package dev.dbtool.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error (done so far, total, rate, time left) for long seed, migrate and optimize runs. On
 * anything but a terminal, or with CI set, it shows nothing: logs and pipes get the final summary line only.
 */
final class ProgressDisplay implements AutoCloseable {
    private final ProgressBar bar;

    private ProgressDisplay(ProgressBar bar) {
        this.bar = bar;
    }

    static ProgressDisplay start(Environment env, String task, long total, String unit) {
        if (env.ci()) return new ProgressDisplay(null);
        env.err().flush();
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(total, 1)).setUnit(" " + unit, 1).showSpeed()
                .setStyle(env.colour() ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(stream(env.err()))).clearDisplayOnFinish().build();
        return new ProgressDisplay(bar);
    }

    /** The environment's error writer as the stream the library wants; bytes are decoded whole at each flush. */
    private static java.io.PrintStream stream(java.io.PrintWriter err) {
        java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream() {
            @Override
            public synchronized void flush() {
                err.print(toString(java.nio.charset.StandardCharsets.UTF_8));
                err.flush();
                reset();
            }
        };
        return new java.io.PrintStream(pending, true, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Done so far; the total grows when an estimate proves low. */
    void stepTo(long done) {
        if (bar == null) return;
        if (done > bar.getMax()) bar.maxHint(done);
        bar.stepTo(done);
    }

    void step(String message) {
        if (bar == null) return;
        bar.step();
        bar.setExtraMessage(message);
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
