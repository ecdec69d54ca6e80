package cn.carbonmarket.year.play;

import java.io.PrintStream;
import java.util.Locale;

/**
 * What a played year reports as it goes: a phase with its number of steps, each step done. On a terminal a bar per
 * phase redrawn in place; elsewhere (a log, the test run) a line per phase when it ends.
 */
public final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private String phase;
    private int steps;
    private int done;
    private long startedNanos;

    public Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A bar on the console when there is one, else a line per phase. */
    public static Progress onConsole() {
        return new Progress(System.out, System.console() != null);
    }

    public synchronized void phase(String name, int stepCount) {
        phase = name;
        steps = Math.max(1, stepCount);
        done = 0;
        startedNanos = System.nanoTime();
        draw();
    }

    public synchronized void step() {
        done = Math.min(steps, done + 1);
        if (terminal) {
            draw();
        }
    }

    /** The phase is over, whatever its count said. */
    public synchronized void phaseDone() {
        done = steps;
        draw();
        out.println();
    }

    /** A line of its own between phases. */
    public synchronized void note(String line) {
        out.println("  " + line);
    }

    private void draw() {
        int filled = done * WIDTH / steps;
        String line = String.format(Locale.ROOT, "  %-22s [%s%s] %d/%d  %.1f s", phase, "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, steps, (System.nanoTime() - startedNanos) / 1e9);
        if (terminal) {
            out.print("\r" + line);
        } else if (done == steps) {
            out.print(line);
        }
        out.flush();
    }
}
