package dev.kairos.benchmark;

/**
 * What one request of a load phase came to: an HTTP status (the JDBC baseline reports in the same terms: 201 for
 * an inserted row, 409 for an exclusion violation) and a quantity, e.g. the slots an availability query returned.
 */
record Outcome(int code, long quantity) {
    static final int CREATED = 201;
    static final int CONFLICT = 409;
    /** The request failed without an answer (connection or SQL error). */
    static final int FAILED = 0;

    static Outcome of(int code) {
        return new Outcome(code, 0);
    }
}
