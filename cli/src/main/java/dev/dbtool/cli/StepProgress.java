package dev.dbtool.cli;

import dev.dbtool.database.advisor.Advisor;
import dev.dbtool.database.migrate.Migrator;

/** Steps of a known count (changesets applied, index candidates costed) on a terminal's progress bar. */
final class StepProgress implements Migrator.Progress, Advisor.Progress, AutoCloseable {
    private final Environment env;
    private final String task;
    private final String unit;
    private ProgressDisplay display;

    StepProgress(Environment env, String task, String unit) {
        this.env = env;
        this.task = task;
        this.unit = unit;
    }

    @Override
    public void start(int total) {
        if (total > 0 && display == null) display = ProgressDisplay.start(env, task, total, unit);
    }

    @Override
    public void changeSet(String id) { step(id); }

    @Override
    public void candidate(String display) { step(display); }

    private void step(String label) {
        if (display != null) display.step(label);
    }

    @Override
    public void close() {
        if (display != null) display.close();
    }
}
