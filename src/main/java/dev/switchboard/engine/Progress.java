package dev.switchboard.engine;

/**
 * Told how long work is and how far along it got, so a command can show a progress bar on a terminal
 * or periodic log lines elsewhere. Calls may come from several threads.
 */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void start(String task, long total) {
        }

        @Override
        public void step(long done) {
        }

        @Override
        public void finish() {
        }
    };

    /** A new task: "fetching olx-main", "applying xci-paris"; {@code total} 0 when unknown. */
    void start(String task, long total);

    /** {@code done} more units of the current task are finished. */
    void step(long done);

    void finish();

    /**
     * A progress of its own for a task that runs at the same time as others (each target's apply): on a
     * terminal a line of its own, below the others'; elsewhere its own log lines. Each is started, stepped
     * and finished by its task alone. This one's own task, if any, is finished first.
     */
    default Progress forConcurrentTask() {
        return NONE;
    }
}
