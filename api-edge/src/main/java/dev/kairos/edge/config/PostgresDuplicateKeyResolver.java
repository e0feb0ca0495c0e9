package dev.kairos.edge.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL's unique-violation (SQLState 23505) anywhere in a failure's causes, including the chained
 * exceptions of a JDBC batch. Axon's default resolver misses it when the insert ran as a batch, and a lost write
 * race between two nodes would then surface as a server error instead of a conflict that is retried.
 */
final class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {
    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
