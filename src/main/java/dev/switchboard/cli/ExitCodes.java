package dev.switchboard.cli;

/** The exit codes of SPEC section 1, shared by every command. */
public final class ExitCodes {

    /** Success; for {@code plan} and {@code drift}: no changes. */
    public static final int OK = 0;
    /** An error, or invalid input. */
    public static final int ERROR = 1;
    /** Changes present: {@code plan --detailed-exitcode} and {@code drift}. */
    public static final int CHANGES = 2;

    private ExitCodes() {
    }
}
